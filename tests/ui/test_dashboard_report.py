"""The supervisor report as PDF (checked as an image with pdftoppm), the Reports menu's
exports, the handover dialog, and ``siaga-console report``."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from siaga_console.config import Config
from siaga_console.data.engine import make_engine
from siaga_console.domain.enums import Role
from siaga_console.domain.permissions import Actor
from siaga_console.resources import gazetteer
from siaga_console.services.container import Services, build_services
from siaga_console.services.demo import DemoGenerator
from siaga_console.services.reports import ReportService
from siaga_console.services.stats import shift_period
from siaga_console.ui.dashboard.names import Names
from siaga_console.ui.dashboard.pdf_report import render_pdf, report_html
from siaga_console.ui.dashboard.texts import report_texts

from ..conftest import FAST_HASHER, Clock, make_actor

PDFTOPPM = shutil.which("pdftoppm")


@pytest.fixture
def db_path(sqlite_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "report.db"
    shutil.copy(sqlite_template, path)
    return path


@pytest.fixture
def rep_services(db_path: Path, clock: Clock) -> Iterator[Services]:
    svc = build_services(make_engine(f"sqlite:///{db_path}"), gazetteer(), clock)
    DemoGenerator(svc.ctx, seed=8, hasher=FAST_HASHER).generate(
        3, calls_per_day=200, end=clock.now, open_incidents=4
    )
    yield svc
    svc.close()


def pdf_pages(pdf: Path, out: Path) -> list[QImage]:
    assert PDFTOPPM, "poppler-utils (pdftoppm) is needed to check the PDF"
    subprocess.run([PDFTOPPM, "-r", "60", "-png", str(pdf), str(out / "page")], check=True)
    pages = sorted(out.glob("page*.png"))
    return [QImage(str(p)) for p in pages]


def ink(img: QImage) -> float:
    """Share of sampled pixels that are not white."""
    dark = total = 0
    for y in range(0, img.height(), 4):
        for x in range(0, img.width(), 4):
            total += 1
            dark += img.pixelColor(x, y).lightness() < 200
    return dark / total


def test_pdf_report_has_text_and_charts(qtbot, rep_services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sup = make_actor(rep_services, Role.SUPERVISOR)
    rs = ReportService(rep_services.ctx, rep_services.stats, rep_services.reference)
    rs.add_note(sup, "2026-11-28/siang", "Damkar-02 masih di bengkel; KDRT Kasemen dipantau PPA.")
    period = shift_period(rep_services.reference.schedule().parse("2026-11-28/siang"))
    report = rs.build(sup, period)
    texts = report_texts(
        "en", rep_services.reference.categories(), rep_services.reference.kecamatan()
    )
    html = report_html(report, texts, {"slots": "chart://slots"})
    assert "Damkar-02 masih di bengkel" in html and "DEMO DATA" in html
    assert f">{report.snapshot.measures['calls_total']}<" in html
    for o in report.open_incidents:
        assert o.number in html
    pdf = render_pdf(report, tmp_path / "r.pdf", texts, Names(shifts={"siang": "Siang"}))
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "2026-11-28/siang" in text and "Handover notes" in text and "Damkar-02" in text
    pages = pdf_pages(pdf, tmp_path)
    assert 1 <= len(pages) <= 4
    assert all(p.width() > 400 and p.height() > 600 for p in pages)
    assert ink(pages[0]) > 0.02  # text and tables, not a blank page
    # the charts are images with colour (the bars), somewhere in the document
    coloured = 0
    for page in pages:
        for y in range(0, page.height(), 3):
            for x in range(0, page.width(), 3):
                c = page.pixelColor(x, y)
                coloured += c.saturation() > 120 and c.lightness() < 200
    assert coloured > 200


def test_pdf_of_an_empty_shift(qtbot, rep_services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sup = make_actor(rep_services, Role.SUPERVISOR)
    rs = ReportService(rep_services.ctx, rep_services.stats, rep_services.reference)
    report = rs.build(
        sup, shift_period(rep_services.reference.schedule().parse("2021-01-01/malam"))
    )
    pdf = render_pdf(report, tmp_path / "e.pdf", report_texts("en", [], []))
    assert pdf_pages(pdf, tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "no data" in text


def test_menu_exports_and_handover(qtbot, rep_services, worker, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    from siaga_console.ui.dashboard import actions as actions_module
    from siaga_console.ui.dashboard import install

    threads: list[str] = []
    real_write = actions_module.write_report

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(actions_module, "write_report", spy)
    from siaga_console.ui.main_window import MainWindow
    from siaga_console.ui.session import AppSession

    sup = make_actor(rep_services, Role.SUPERVISOR)
    session = AppSession(Config(workstation="WS-TEST"), "sqlite:///x.db", worker, "en")
    session.services, session.actor = rep_services, sup
    window = MainWindow(session, QSettings(str(tmp_path / "l.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    install(window, session)
    panel = session.extra["dashboard"]
    qtbot.waitUntil(lambda: panel.last_result is not None, timeout=10000)
    actions = session.extra["report_actions"]
    period = shift_period(rep_services.reference.schedule().parse("2026-11-28/pagi"))
    for fmt in ("xlsx", "csv", "pdf"):
        path = tmp_path / f"r.{fmt}"
        with qtbot.waitSignal(actions.sig_done, timeout=20000) as sig:
            actions.export(period, fmt, path)
        assert sig.args == [str(path)] and path.stat().st_size > 1000
    # every file was written off the GUI thread (and the PDF's text is all there)
    assert len(threads) == 3 and threading.main_thread().name not in threads
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "2026-11-28/pagi" in text and "Handover notes" in text
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)
    calls = rep_services.stats.measures(period.start, period.end)["calls_total"]
    assert wb.sheetnames[0] == "Summary" and "Calls" in wb.sheetnames
    assert len(list(wb["Calls"].iter_rows())) == calls + 1
    wb.close()
    with qtbot.waitSignal(actions.sig_failed, timeout=10000):
        actions.export(period, "csv", tmp_path / "missing" / "r.csv")
    # the handover dialog writes a note and shows it
    dlg = actions.open_handover()
    assert dlg is not None
    qtbot.addWidget(dlg)
    dlg.editor.setPlainText("Unit PLN-01 tidak beroperasi sampai besok.")
    dlg.btn_add.click()
    qtbot.waitUntil(lambda: any("PLN-01" in n.text for n in dlg.loaded), timeout=10000)
    assert "PLN-01" in dlg.notes.toPlainText()
    dlg.btn_add.click()  # empty now: refused, said in the dialog
    qtbot.waitUntil(lambda: dlg.status.text() != "Note saved.", timeout=10000)
    assert "empty" in dlg.status.text()


def test_operator_cannot_write_handover_notes(qtbot, rep_services, worker) -> None:  # type: ignore[no-untyped-def]
    from siaga_console.ui.dashboard.handover import HandoverDialog

    rs = ReportService(rep_services.ctx, rep_services.stats, rep_services.reference)
    op = Actor(None, "op", Role.OPERATOR, "WS")
    dlg = HandoverDialog(rs, worker, op, rep_services.reference.schedule(), "2026-11-29/pagi")
    qtbot.addWidget(dlg)
    assert dlg.editor.isHidden() and dlg.btn_add.isHidden()
    qtbot.waitUntil(lambda: "may not" in dlg.status.text(), timeout=10000)


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "siaga-console"
    return subprocess.run(
        [str(exe), "--db", f"sqlite:///{db}", "--lang", "en", "report", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_report(rep_services, db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = run_cli(
        db_path,
        "--shift", "2026-11-28/malam",
        "--pdf", str(tmp_path / "m.pdf"),
        "--csv", str(tmp_path / "m.csv"),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "caller numbers masked" in out.stdout
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    with (tmp_path / "m.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    start = rows.index(["# Calls"])
    numbers = [r[2] for r in rows[start + 2 :] if r]
    assert numbers and all(n == "hidden" or "*" in n for n in numbers)
    shown = run_cli(
        db_path, "--shift", "2026-11-28/malam", "--csv", str(tmp_path / "f.csv"), "--show-numbers"
    )
    assert shown.returncode == 0 and "masked" not in shown.stdout
    assert "+62" in (tmp_path / "f.csv").read_text(encoding="utf-8-sig")
    rng = run_cli(
        db_path, "--from", "2026-11-27", "--to", "2026-11-29", "--xlsx", str(tmp_path / "r.xlsx")
    )
    assert rng.returncode == 0, rng.stderr
    for bad, message in (
        (["--shift", "2026-11-28/subuh", "--pdf", str(tmp_path / "x.pdf")], "Unknown shift subuh"),
        (
            ["--from", "2026-11-29", "--to", "2026-11-28", "--csv", str(tmp_path / "x.csv")],
            "not after",
        ),
        (["--shift", "2026-11-28/pagi"], "Give --pdf, --csv or --xlsx"),
        (["--shift", "2026-11-28/pagi", "--csv", str(tmp_path / "no" / "x.csv")], "No such folder"),
    ):
        r = run_cli(db_path, *bad)
        assert r.returncode == 2 and message in r.stderr, (bad, r.stderr)


def test_report_of_now_lists_open_incidents(rep_services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sup = make_actor(rep_services, Role.SUPERVISOR)
    rs = ReportService(rep_services.ctx, rep_services.stats, rep_services.reference)
    inst = rep_services.reference.schedule().at(datetime(2026, 11, 29, 2, 0, tzinfo=UTC))
    report = rs.build(sup, shift_period(inst))
    assert len(report.open_incidents) >= 4  # the generator left four open
    assert {o.status_now for o in report.open_incidents} <= {
        "new",
        "verified",
        "dispatched",
        "on_scene",
    }
