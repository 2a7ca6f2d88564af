"""Fill translations into a Qt Linguist .ts file from a JSON object {source: translation}.

    python scripts/ts_fill.py resources/translations/siaga_id.ts new.json
    python scripts/ts_fill.py resources/translations/siaga_id.ts --missing   # list them

Only messages that are still unfinished (or whose source is in the JSON) are changed;
Qt Linguist remains the tool for reviewing them.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def missing(tree: ET.ElementTree) -> list[tuple[str, str]]:
    out = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
                out.append((name, msg.findtext("source") or ""))
    return out


def fill(ts_path: Path, mapping: dict[str, str]) -> int:
    tree = ET.parse(ts_path)
    changed = 0
    for msg in tree.getroot().iter("message"):
        src = msg.findtext("source") or ""
        if src in mapping:
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            tr.text = mapping[src]
            tr.attrib.pop("type", None)
            changed += 1
    ET.indent(tree, space="    ")
    with ts_path.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    return changed


if __name__ == "__main__":
    ts = Path(sys.argv[1])
    if sys.argv[2] == "--missing":
        print(
            json.dumps({src: "" for _, src in missing(ET.parse(ts))}, ensure_ascii=False, indent=1)
        )
    else:
        n = fill(ts, json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
        left = missing(ET.parse(ts))
        print(f"{n} filled, {len(left)} still missing")
