"""Words of the dashboard and the reports (context ``Report``), and number formatting.

``report_texts()`` gives the mapping that services/report_files.py and the PDF use: keys
such as ``m.calls_total`` (measures), ``s.open_incidents`` (sections), ``c.number``
(columns), ``outcome.prank``, ``status.new``, ``priority.1``, ``category.fire``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from ...services.views import CategoryView, PlaceView
from ..labels import OUTCOMES, PRIORITIES, STATUSES

CONTEXT = "Report"

MEASURES = {
    "calls_total": QT_TRANSLATE_NOOP("Report", "Calls received"),
    "calls_valid": QT_TRANSLATE_NOOP("Report", "Valid calls"),
    "calls_prank": QT_TRANSLATE_NOOP("Report", "Prank calls"),
    "calls_silent": QT_TRANSLATE_NOOP("Report", "Silent calls"),
    "calls_wrong_number": QT_TRANSLATE_NOOP("Report", "Wrong numbers"),
    "calls_info": QT_TRANSLATE_NOOP("Report", "Information calls"),
    "calls_dropped": QT_TRANSLATE_NOOP("Report", "Dropped calls"),
    "calls_duplicate": QT_TRANSLATE_NOOP("Report", "Duplicate calls"),
    "calls_test": QT_TRANSLATE_NOOP("Report", "Test calls"),
    "prank_ratio": QT_TRANSLATE_NOOP("Report", "Prank ratio"),
    "abandon_ratio": QT_TRANSLATE_NOOP("Report", "Abandon rate"),
    "incidents_total": QT_TRANSLATE_NOOP("Report", "Incidents"),
    "answer_s_median": QT_TRANSLATE_NOOP("Report", "Answer time, median"),
    "answer_s_p90": QT_TRANSLATE_NOOP("Report", "Answer time, 90th percentile"),
    "processing_s_median": QT_TRANSLATE_NOOP("Report", "Processing (answer to dispatch), median"),
    "processing_s_p90": QT_TRANSLATE_NOOP(
        "Report", "Processing (answer to dispatch), 90th percentile"
    ),
    "call_to_dispatch_s_median": QT_TRANSLATE_NOOP("Report", "Call to dispatch, median"),
    "call_to_dispatch_s_p90": QT_TRANSLATE_NOOP("Report", "Call to dispatch, 90th percentile"),
    "travel_s_median": QT_TRANSLATE_NOOP("Report", "Travel time, median"),
    "travel_s_p90": QT_TRANSLATE_NOOP("Report", "Travel time, 90th percentile"),
    "response_s_median": QT_TRANSLATE_NOOP("Report", "Response time, median"),
    "response_s_p90": QT_TRANSLATE_NOOP("Report", "Response time, 90th percentile"),
    "resolution_s_median": QT_TRANSLATE_NOOP("Report", "Time to resolution, median"),
    "resolution_s_p90": QT_TRANSLATE_NOOP("Report", "Time to resolution, 90th percentile"),
    "answered_within_15s_pct": QT_TRANSLATE_NOOP("Report", "Answered within 15 s (NENA)"),
    "answered_within_20s_pct": QT_TRANSLATE_NOOP("Report", "Answered within 20 s (NENA)"),
    "processing_within_60s_pct": QT_TRANSLATE_NOOP(
        "Report", "P1 dispatched within 60 s of answer (NFPA 1225)"
    ),
    "open_at_end": QT_TRANSLATE_NOOP("Report", "Incidents open at the end"),
}
SECTIONS = {
    "summary": QT_TRANSLATE_NOOP("Report", "Summary"),
    "measures": QT_TRANSLATE_NOOP("Report", "Measures"),
    "calls_per_hour": QT_TRANSLATE_NOOP("Report", "Calls per hour"),
    "calls_per_day": QT_TRANSLATE_NOOP("Report", "Calls per day"),
    "calls_per_week": QT_TRANSLATE_NOOP("Report", "Calls per week"),
    "by_category": QT_TRANSLATE_NOOP("Report", "Incidents by category"),
    "by_kecamatan": QT_TRANSLATE_NOOP("Report", "Incidents by kecamatan"),
    "by_priority": QT_TRANSLATE_NOOP("Report", "Incidents by priority"),
    "open_incidents": QT_TRANSLATE_NOOP("Report", "Open incidents"),
    "notes": QT_TRANSLATE_NOOP("Report", "Handover notes"),
    "trend": QT_TRANSLATE_NOOP("Report", "Trend of the last shifts"),
    "calls": QT_TRANSLATE_NOOP("Report", "Calls"),
    "answer_dist": QT_TRANSLATE_NOOP("Report", "Answer times"),
    "response_dist": QT_TRANSLATE_NOOP("Report", "Response times"),
}
COLUMNS = {
    "key": QT_TRANSLATE_NOOP("Report", "Measure key"),
    "measure": QT_TRANSLATE_NOOP("Report", "Measure"),
    "value": QT_TRANSLATE_NOOP("Report", "Value"),
    "unit": QT_TRANSLATE_NOOP("Report", "Unit of measure"),
    "target": QT_TRANSLATE_NOOP("Report", "Target"),
    "slot": QT_TRANSLATE_NOOP("Report", "From (WIB)"),
    "code": QT_TRANSLATE_NOOP("Report", "Code"),
    "category": QT_TRANSLATE_NOOP("Report", "Category"),
    "kecamatan": QT_TRANSLATE_NOOP("Report", "Kecamatan"),
    "priority": QT_TRANSLATE_NOOP("Report", "Priority"),
    "incidents": QT_TRANSLATE_NOOP("Report", "Incidents"),
    "number": QT_TRANSLATE_NOOP("Report", "Number"),
    "address": QT_TRANSLATE_NOOP("Report", "Address"),
    "received": QT_TRANSLATE_NOOP("Report", "Received (WIB)"),
    "answered": QT_TRANSLATE_NOOP("Report", "Answered (WIB)"),
    "status_at_end": QT_TRANSLATE_NOOP("Report", "Status at the end"),
    "status_now": QT_TRANSLATE_NOOP("Report", "Status now"),
    "units": QT_TRANSLATE_NOOP("Report", "Units"),
    "time": QT_TRANSLATE_NOOP("Report", "Time (WIB)"),
    "author": QT_TRANSLATE_NOOP("Report", "Author"),
    "text": QT_TRANSLATE_NOOP("Report", "Note"),
    "shift": QT_TRANSLATE_NOOP("Report", "Shift"),
    "caller_number": QT_TRANSLATE_NOOP("Report", "Caller number"),
    "outcome": QT_TRANSLATE_NOOP("Report", "Outcome"),
    "incident": QT_TRANSLATE_NOOP("Report", "Incident"),
    "operator": QT_TRANSLATE_NOOP("Report", "Operator"),
    "workstation": QT_TRANSLATE_NOOP("Report", "Workstation"),
}
OTHER = {
    "title": QT_TRANSLATE_NOOP("Report", "Serang Siaga 112 — supervisor report"),
    "period": QT_TRANSLATE_NOOP("Report", "Period"),
    "generated": QT_TRANSLATE_NOOP("Report", "Generated"),
    "numbers_masked": QT_TRANSLATE_NOOP(
        "Report", "Caller numbers are masked (only the last three digits are shown)."
    ),
    "calls_truncated": QT_TRANSLATE_NOOP(
        "Report", "The list of calls is cut short: the period has too many calls."
    ),
    "demo": QT_TRANSLATE_NOOP("Report", "DEMO DATA: not real calls or incidents."),
    "hidden": QT_TRANSLATE_NOOP("Report", "(hidden: sensitive)"),
    "no_data": QT_TRANSLATE_NOOP("Report", "no data"),
    "none": QT_TRANSLATE_NOOP("Report", "none"),
    "kecamatan.": QT_TRANSLATE_NOOP("Report", "(no kecamatan)"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def measure_label(key: str) -> str:
    return tr(MEASURES[key]) if key in MEASURES else key


def section_label(key: str) -> str:
    return tr(SECTIONS[key]) if key in SECTIONS else key


def report_texts(
    language: str, categories: Iterable[CategoryView], kecamatan: Iterable[PlaceView]
) -> dict[str, str]:
    """Every key the report writers use, in the installed language."""
    out: dict[str, str] = {}
    for prefix, table in (("m", MEASURES), ("s", SECTIONS), ("c", COLUMNS)):
        out.update({f"{prefix}.{k}": tr(v) for k, v in table.items()})
    out.update({k: tr(v) for k, v in OTHER.items()})
    for prefix, table in (("outcome", OUTCOMES), ("status", STATUSES)):
        out.update(
            {f"{prefix}.{k}": QCoreApplication.translate("Labels", v) for k, v in table.items()}
        )
    out.update(
        {f"priority.{k}": QCoreApplication.translate("Labels", v) for k, v in PRIORITIES.items()}
    )
    for c in categories:
        out[f"category.{c.code}"] = c.label_id if language == "id" else c.label_en
    for k in kecamatan:
        out[f"kecamatan.{k.code}"] = k.name
    return out


# -- numbers --------------------------------------------------------------------------------
def fmt_number(value: float | int, decimals: int = 0) -> str:
    return (
        QLocale().toString(float(value), "f", decimals)
        if decimals
        else QLocale().toString(round(value))
    )


def fmt_seconds(value: float | None) -> str:
    """42 s, 3 min 05 s, 2 h 10 min."""
    if value is None:
        return tr(OTHER["no_data"])
    s = round(value)
    if s < 60:
        return QCoreApplication.translate("Report", "{s} s").format(s=s)
    if s < 3600:
        return QCoreApplication.translate("Report", "{m} min {s:02d} s").format(m=s // 60, s=s % 60)
    return QCoreApplication.translate("Report", "{h} h {m:02d} min").format(
        h=s // 3600, m=(s % 3600) // 60
    )


def fmt_pct(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return tr(OTHER["no_data"])
    return f"{fmt_number(value, decimals)} %"


def fmt_measure(key: str, value: Any) -> str:
    """A measure as shown to people (ratios as percentages, intervals as durations)."""
    if value is None:
        return tr(OTHER["no_data"])
    if key.endswith("_ratio"):
        return fmt_pct(100.0 * value)
    if key.endswith("_pct"):
        return fmt_pct(value)
    if key.endswith(("_median", "_p90")):
        return fmt_seconds(value)
    return fmt_number(value)
