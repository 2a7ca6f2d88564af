"""Indonesian ships complete: every user-facing string is in the .ts and translated."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "siaga_id.ts"
sys.path.insert(0, str(ROOT / "scripts"))

from error_templates import templates  # noqa: E402
from ts_fill import missing  # noqa: E402


def _sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def test_every_message_is_translated() -> None:
    assert missing(ET.parse(TS)) == []


def test_ts_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate
    copy = tmp_path / "siaga_id.ts"
    shutil.copy(TS, copy)
    files = sorted(str(p) for p in (ROOT / "siaga_console" / "ui").rglob("*.py"))
    subprocess.run(
        [lupdate, "-silent", "-no-obsolete", "-locations", "none", *files, "-ts", str(copy)],
        check=True,
    )
    new = _sources(copy) - _sources(TS)
    assert new == set(), "run `make lupdate` and translate the new strings"
    assert missing(ET.parse(copy)) == []


def test_every_error_template_is_translatable() -> None:
    from siaga_console.ui.error_texts import TEMPLATES

    assert templates() - set(TEMPLATES) == set()


@pytest.mark.parametrize(
    ("source", "expected"), [("New call", "Panggilan baru"), ("Prank", "Iseng")]
)
def test_compiled_qm_translates(source: str, expected: str) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    qm = TS.with_suffix(".qm")
    assert qm.exists(), "make translations builds the .qm"
    tr = QTranslator()
    assert tr.load(str(qm))
    ctx = "MainWindow" if source == "New call" else "Labels"
    assert tr.translate(ctx, source) == expected
    assert QCoreApplication.translate(ctx, source) == source  # not installed: English


def test_qt_standard_buttons_speak_indonesian(qapp) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from siaga_console.ui.i18n import install_translators

    translators = install_translators(qapp, "id")
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel
        )
        texts = {b.text() for b in box.buttons()}
        assert texts == {"Tutup", "Batal"}
    finally:
        for t in translators:
            qapp.removeTranslator(t)
