"""The supervisor report as a PDF: Qt's own writer (QTextDocument laid out on A4 pages and
painted into a QPdfWriter, with a footer on every page). The charts are the dashboard's own
pyqtgraph widgets, drawn off screen into images: that part (``chart_images``) needs the GUI
thread; laying out and writing the document (``write_pdf``, most of the time on a long
report) uses no widget and runs on a thread of its own."""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)

from ...domain.timeutil import to_wib
from ...services.report_files import heading_lines, measure_rows, wib_text
from ...services.reports import ShiftReport
from .charts import Chart, HBars, StackedBars
from .charts_time import HistogramChart, TrendChart
from .names import Names, day_ticks, shift_label, slot_labels
from .style import (
    MARKER,
    OUTCOME_COLOURS,
    OUTCOME_ORDER,
    SERIES_A,
    SERIES_B,
    STATUS_COLOURS,
    TARGET,
)
from .texts import fmt_measure

C = TypeVar("C", bound=Chart)
DPI = 96  # layout units: the text document's pixels
CHART_W, CHART_H = 332, 205
WIDTHS = (17, 19, 4, 12, 11, 12, 11, 14)  # columns of the open incidents (percent)


def _print_palette() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Base, QColor("white"))
    p.setColor(QPalette.ColorRole.Text, QColor("#202020"))
    return p


def chart_images(report: ShiftReport, texts: Mapping[str, str], names: Names) -> dict[str, QImage]:
    """The report's charts as images (drawn by off-screen pyqtgraph widgets)."""
    snap = report.snapshot
    t = texts.get
    empty = t("no_data", "no data")
    charts: dict[str, Chart] = {}
    palette = _print_palette()

    def made(chart: C) -> C:
        chart.apply_palette(palette)
        return chart

    slots = made(StackedBars(t(f"s.calls_per_{snap.slots.unit}", "")))
    slots.set_data(
        slot_labels(snap),
        [
            (t(f"outcome.{o}", o), OUTCOME_COLOURS[o], snap.slots.counts.get(o, ()))
            for o in OUTCOME_ORDER
        ],
        empty,
    )
    charts["slots"] = slots
    b = snap.breakdown
    for key, data, prefix in (
        ("category", b.incidents_by_category, "category"),
        ("kecamatan", b.incidents_by_kecamatan, "kecamatan"),
    ):
        c = made(HBars(t(f"s.by_{key}", "")))
        items = sorted(data.items(), key=lambda kv: (-kv[1], kv[0]))
        c.set_data([(t(f"{prefix}.{k}", k or "—"), v) for k, v in items], empty)
        charts[key] = c
    a = snap.answer
    ans = made(HistogramChart(t("s.answer_dist", "") + " (s)"))
    ans.set_data(
        list(a.edges),
        [*a.counts, a.overflow],
        empty,
        [(15.0, "15 s", TARGET), (20.0, "20 s", TARGET)],
    )
    charts["answer"] = ans
    r = snap.response
    m = snap.measures
    lines = [
        (m[k] / 60, lbl, MARKER)
        for k, lbl in (("response_s_median", "median"), ("response_s_p90", "p90"))
        if m[k] is not None
    ]
    resp = made(HistogramChart(t("s.response_dist", "") + " (min)"))
    resp.set_data([e / 60 for e in r.edges], [*r.counts, r.overflow], empty, lines)
    charts["response"] = resp
    if report.trend is not None:
        labels = [shift_label(p.shift_key, names) for p in report.trend.periods]
        ticks = day_ticks([p.shift_key for p in report.trend.periods], most=5)
        tm = report.trend.measures
        calls = made(TrendChart(t("s.trend", "") + ": " + t("m.calls_total", "")))
        calls.set_data(
            labels,
            [
                (t("m.calls_total", ""), SERIES_A, [x["calls_total"] for x in tm]),
                (t("m.calls_prank", ""), OUTCOME_COLOURS["prank"], [x["calls_prank"] for x in tm]),
            ],
            empty,
            ticks=ticks,
        )
        charts["trend_calls"] = calls
        pct = made(TrendChart(t("s.trend", "") + ": %"))
        goal = snap.targets.answer_15s_pct
        pct.set_data(
            labels,
            [
                (
                    t("m.answered_within_15s_pct", ""),
                    SERIES_A,
                    [x["answered_within_15s_pct"] for x in tm],
                ),
                (
                    t("m.processing_within_60s_pct", ""),
                    SERIES_B,
                    [x["processing_within_60s_pct"] for x in tm],
                ),
            ],
            empty,
            (goal, f"{goal:g} %"),
            ticks=ticks,
        )
        charts["trend_pct"] = pct
    images = {}
    for key, chart in charts.items():
        images[key] = chart.render_image(CHART_W, CHART_H)
        chart.close()
        chart.deleteLater()
    return images


def report_html(report: ShiftReport, texts: Mapping[str, str], charts: Mapping[str, str]) -> str:
    """The report as the HTML subset QTextDocument understands."""
    t = texts.get
    e = html.escape
    snap = report.snapshot
    head = heading_lines(report, texts)
    out = [
        "<html><body>",
        f"<h2 style='color:#0d47a1'>{e(t('title', 'Report'))}</h2>",
        f"<p><b>{e(head[0].split(': ', 1)[-1])}</b><br>"
        + "<br>".join(e(h) for h in head[1:3])
        + "</p>",
    ]
    if report.is_demo:
        out.append(f"<p style='color:#c62828'><b>{e(t('demo', 'DEMO'))}</b></p>")
    if report.numbers_masked:
        out.append(f"<p><i>{e(t('numbers_masked', ''))}</i></p>")
    out.append(f"<h3>{e(t('s.measures', ''))}</h3>")
    out.append("<table border='0' cellspacing='0' cellpadding='3' width='100%'>")
    out.append(
        "<tr style='background:#e3e8ef'>"
        + "".join(
            f"<th align='left'>{e(t(c, ''))}</th>" for c in ("c.measure", "c.value", "c.target")
        )
        + "</tr>"
    )
    rows = measure_rows(snap)
    for i, row in enumerate(rows):
        bg = "#f6f8fa" if i % 2 else "#ffffff"
        value = fmt_measure(row.key, snap.measures[row.key])
        colour = STATUS_COLOURS[row.status] if row.status != "none" else "#202020"
        weight = "bold" if row.status != "none" else "normal"
        out.append(
            f"<tr style='background:{bg}'><td>{e(t('m.' + row.key, row.key))}</td>"
            f"<td style='color:{colour}; font-weight:{weight}'>{e(value)}</td>"
            f"<td>{e(row.target)}</td></tr>"
        )
    out.append(
        f"<tr><td>{e(t('m.open_at_end', ''))}</td>"
        f"<td>{snap.breakdown.open_at_end}</td><td></td></tr>"
    )
    out.append("</table>")
    order = ["slots", "category", "answer", "response", "kecamatan", "trend_calls", "trend_pct"]
    present = [k for k in order if k in charts]
    for i in range(0, len(present), 2):  # two per line; a line never splits across pages
        imgs = "&nbsp;".join(
            f"<img src='{charts[k]}' width='{CHART_W}' height='{CHART_H}'>"
            for k in present[i : i + 2]
        )
        out.append(f"<p style='margin-top:4px'>{imgs}</p>")
    out.append(f"<h3>{e(t('s.open_incidents', ''))} ({len(report.open_incidents)})</h3>")
    if report.open_incidents:
        cols = (
            "c.number",
            "c.category",
            "c.priority",
            "c.kecamatan",
            "c.received",
            "c.status_at_end",
            "c.status_now",
            "c.units",
        )
        out.append(
            "<table border='1' cellspacing='0' cellpadding='2' width='100%'"
            " style='border-color:#b0bec5'>"
        )
        out.append(
            "<tr style='background:#e3e8ef'>"
            + "".join(
                f"<th align='left'>{'P' if c == 'c.priority' else e(t(c, ''))}</th>" for c in cols
            )
            + "</tr>"
        )
        for o in report.open_incidents:
            cells = [
                o.number,
                t(f"category.{o.category_code}", o.category_code),
                f"P{o.priority}",
                o.kecamatan or "—",
                to_wib(o.first_received_at).strftime("%d-%m %H:%M"),
                t(f"status.{o.status_at_end}", o.status_at_end),
                t(f"status.{o.status_now}", o.status_now),
                ", ".join(o.units) or "—",
            ]
            style = " style='color:#c62828'" if o.priority == 1 else ""
            out.append(
                "<tr>"
                + "".join(
                    f"<td width='{w}%'{style}>{e(str(c))}</td>"
                    for c, w in zip(cells, WIDTHS, strict=True)
                )
                + "</tr>"
            )
        out.append("</table>")
    else:
        out.append(f"<p>{e(t('none', 'none'))}</p>")
    if report.period.shift_key:
        out.append(f"<h3>{e(t('s.notes', ''))}</h3>")
        if report.notes:
            for n in report.notes:
                out.append(
                    f"<p><b>{e(wib_text(n.created_at))} WIB — {e(n.author or '')}</b><br>"
                    + e(n.text).replace("\n", "<br>")
                    + "</p>"
                )
        else:
            out.append(f"<p>{e(t('none', 'none'))}</p>")
    out.append("</body></html>")
    return "\n".join(out)


def render_pdf(
    report: ShiftReport, path: Path, texts: Mapping[str, str], names: Names | None = None
) -> Path:
    """Draw the charts and write the report to ``path`` (GUI thread)."""
    return write_pdf(report, path, texts, chart_images(report, texts, names or Names(shifts={})))


def write_pdf(
    report: ShiftReport, path: Path, texts: Mapping[str, str], images: Mapping[str, QImage]
) -> Path:
    """Write the report with its charts already drawn to ``path`` (A4 portrait, 15 mm
    margins, numbered pages). No widget: any thread (QPainter on a QPdfWriter, QTextDocument
    and QImage are reentrant)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(f"{texts.get('title', 'Report')} {report.period.label}")
    writer.setCreator("Siaga Console")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    paint = writer.pageLayout().paintRectPixels(DPI)
    width, height = float(paint.width()), float(paint.height())
    footer_h = 18.0
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8.5)
    doc.setDefaultFont(font)
    doc.setPageSize(QSizeF(width, height - footer_h))
    urls: dict[str, str] = {}
    for key, image in images.items():
        url = f"chart://{key}"
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        urls[key] = url
    doc.setHtml(report_html(report, texts, urls))
    pages = max(1, doc.pageCount())
    page_h = height - footer_h
    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.setClipRect(QRectF(0, 0, width, page_h))
            painter.translate(0, -page * page_h)
            doc.drawContents(painter, QRectF(0, page * page_h, width, page_h))
            painter.restore()
            painter.setPen(QColor("#607d8b"))
            small = QFont(font)
            small.setPointSizeF(7)
            painter.setFont(small)
            footer = f"Serang Siaga 112 · {report.period.label} · {page + 1}/{pages}"
            painter.drawText(
                QRectF(0, height - footer_h + 4, width, footer_h - 4),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                footer,
            )
    finally:
        painter.end()
    return path
