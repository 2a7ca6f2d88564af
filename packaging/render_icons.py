"""Render resources/icons/siaga-console.svg into the PNG sizes and the Windows .ico.

Run after changing the SVG: ``.venv/bin/python packaging/render_icons.py`` (offscreen Qt).
The outputs are kept in the repository, so a build does not need to render them.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def ico_from_pngs(images: list[tuple[int, bytes]]) -> bytes:
    """A multi-size .ico whose entries are PNG streams (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "siaga-console.svg"))
    if not renderer.isValid():
        print("siaga-console.svg is not a valid SVG", file=sys.stderr)
        return 1

    def render(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        return image

    for size in PNG_SIZES:
        out = ICONS / f"siaga-console-{size}.png"
        if not render(size).save(str(out), "PNG"):  # type: ignore[call-overload]
            print(f"could not write {out}", file=sys.stderr)
            return 1
    pngs = [(size, (ICONS / f"siaga-console-{size}.png").read_bytes()) for size in ICO_SIZES]
    (ICONS / "siaga-console.ico").write_bytes(ico_from_pngs(pngs))
    del app
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
