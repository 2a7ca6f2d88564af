"""``siaga-console export-eido`` and ``import-eido``: NENA EIDO documents (JSON).

    siaga-console export-eido --incident SRG-20261129-0001 [--out FILE]   (stdout by default)
    siaga-console export-eido --from 2026-11-01 --to 2026-11-02 --out DIR (a file a incident)
    siaga-console import-eido FILE [FILE ...] [--dry-run]

Every exported document is checked against the EIDO schema before it is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("export-eido", help="export incidents as NENA EIDO documents")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--incident", metavar="NUMBER", help="one incident (SRG-YYYYMMDD-NNNN)")
    what.add_argument("--shift", metavar="YYYY-MM-DD/NAME", help="the incidents of a shift")
    what.add_argument("--from", dest="start", metavar="WHEN", help="WIB date or date-time")
    p.add_argument("--to", dest="end", metavar="WHEN", help="WIB, exclusive")
    p.add_argument("--out", type=Path, metavar="PATH", help="file (one incident) or folder")
    p.add_argument("--user", metavar="NAME", help="act as this console user (a supervisor)")
    p.set_defaults(command_module=__name__)

    q = subparsers.add_parser("import-eido", help="import NENA EIDO documents (JSON)")
    q.add_argument("files", nargs="+", type=Path, metavar="FILE")
    q.add_argument("--dry-run", action="store_true", help="check, write nothing")
    q.add_argument("--user", metavar="NAME", help="act as this console user (a supervisor)")
    q.set_defaults(command_module=__name__)


def _dump(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def run(args: argparse.Namespace, url: str) -> int:
    from ..services.container import open_services
    from ..services.eido import EidoService
    from .import_calls import cli_actor

    services = open_services(url)
    try:
        actor = cli_actor(services, args.user)
        eido = EidoService(services.ctx)
        if args.command == "import-eido":
            return _import(eido, actor, args.files, args.dry_run)
        return _export(services, eido, actor, args)
    finally:
        services.close()


def _export(services: Any, eido: Any, actor: Any, args: argparse.Namespace) -> int:
    from ..domain.errors import ValidationError
    from .export import period_of

    if args.incident:
        text = _dump(eido.export_incident(actor, args.incident))
        if args.out is None or str(args.out) == "-":
            sys.stdout.write(text)
        else:
            args.out.write_text(text, encoding="utf-8")
            print(f"{args.out}: EIDO of {args.incident}", file=sys.stderr)
        return 0
    if args.out is None:
        raise ValidationError("Give --out FOLDER for the documents of a period", field="out")
    start, end, label = period_of(services, args.shift, args.start, args.end)
    docs = eido.export_period(actor, start, end)
    args.out.mkdir(parents=True, exist_ok=True)
    for number, doc in docs:
        (args.out / f"{number}.eido.json").write_text(_dump(doc), encoding="utf-8")
    print(f"{args.out}: {len(docs)} EIDO documents ({label})")
    return 0


def _import(eido: Any, actor: Any, files: list[Path], dry_run: bool) -> int:
    from ..domain.errors import SiagaError

    failed = 0
    for path in files:
        try:
            r = eido.import_document(actor, path, dry_run=dry_run)
        except SiagaError as exc:
            failed += 1
            print(f"{path}: {exc.message}", file=sys.stderr)
            continue
        state = (
            "would create"
            if dry_run and r.created
            else ("created" if r.created else "already here")
        )
        print(f"{path}: {state} {r.number} ({r.calls} calls, {r.units} units) {r.tracking_id}")
        for w in r.warnings:
            print(f"  note: {w}")
    return 2 if failed else 0
