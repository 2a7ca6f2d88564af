"""Writing a built report to a file, for the menu actions and for ``siaga-console report``."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtGui import QImage

from ...services.container import Services
from ...services.report_files import write_csv, write_xlsx
from ...services.reports import ShiftReport
from .names import Names
from .texts import report_texts

FORMATS = ("pdf", "csv", "xlsx")


def write_report(
    report: ShiftReport,
    fmt: str,
    path: Path,
    texts: Mapping[str, str],
    names: Names,
    images: Mapping[str, QImage] | None = None,
) -> Path:
    """A PDF's charts are drawn on the GUI thread (widgets): without ``images`` (drawn
    before by ``chart_images``) this must run there. Everything else runs on any thread."""
    if fmt == "pdf":
        from .pdf_report import render_pdf, write_pdf

        if images is None:
            return render_pdf(report, path, texts, names)
        return write_pdf(report, path, texts, images)
    if fmt == "csv":
        return write_csv(report, path, texts)
    if fmt == "xlsx":
        return write_xlsx(report, path, texts)
    raise ValueError(f"unknown report format {fmt}")


def export_from_cli(
    services: Services, report: ShiftReport, outputs: Mapping[str, Path], language: str
) -> list[Path]:
    """Render ``report`` to each (format -> path) with Qt off screen, in ``language``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ..i18n import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    translators = install_translators(app, language)
    schedule = services.reference.schedule()
    categories = services.reference.categories()
    kecamatan = services.reference.kecamatan()
    names = Names(
        {c.code: (c.label_id if language == "id" else c.label_en) for c in categories},
        {k.code: k.name for k in kecamatan},
        {d.name: d.label for d in schedule.shifts},
    )
    texts = report_texts(language, categories, kecamatan)
    written = [write_report(report, fmt, path, texts, names) for fmt, path in outputs.items()]
    for tr in translators:
        app.removeTranslator(tr)
    return written
