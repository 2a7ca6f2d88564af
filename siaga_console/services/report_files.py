"""Writing a supervisor report to CSV and XLSX (Qt-free).

The texts come from the caller as a mapping of keys to words (``ui/dashboard/texts.py``
builds it in the user's language; a missing key is written as the key itself). Times are
WIB. Ratios are written as percentages. The CSV is one file in sections, each opened by a
``# <title>`` line and its own header row, separated by blank lines (UTF-8 with a BOM so
that spreadsheet programs read it right); the XLSX has one sheet per section.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.timeutil import to_wib
from .reports import ShiftReport, Snapshot, Targets, kpi_status
from .stats import measure_keys

Texts = Mapping[str, str]
Cell = str | int | float | datetime | None


@dataclass(frozen=True, slots=True)
class MeasureRow:
    key: str
    value: float | int | None  # percentages 0-100 for ratios, seconds for intervals
    unit: str  # "", "%", "s"
    target: str  # "≥ 90", "≤ 15", or ""
    status: str  # kpi_status: good, warn, bad, none


def measure_rows(snapshot: Snapshot) -> list[MeasureRow]:
    """Every measure of ``stats --json`` with its unit, target and status against it."""
    m, t = snapshot.measures, snapshot.targets
    targets: dict[str, tuple[float, bool, float]] = {
        "answered_within_15s_pct": (t.answer_15s_pct, True, 10.0),
        "answered_within_20s_pct": (t.answer_20s_pct, True, 10.0),
        "processing_within_60s_pct": (t.processing_60s_pct, True, 10.0),
        "answer_s_p90": (t.answer_p90_s, False, 5.0),
    }
    rows = []
    for key in measure_keys():
        value = m[key]
        unit = ""
        if key.endswith("_ratio"):
            value, unit = (None if value is None else 100.0 * value), "%"
        elif key.endswith("_pct"):
            unit = "%"
        elif key.endswith(("_median", "_p90")):
            unit = "s"
        target, status = "", "none"
        if key in targets:
            goal, higher, margin = targets[key]
            target = f"{'≥' if higher else '≤'} {goal:g}"
            status = kpi_status(value, goal, higher_is_better=higher, margin=margin)
        rows.append(MeasureRow(key, value, unit, target, status))
    return rows


def wib_text(moment: datetime | None) -> str:
    return "" if moment is None else to_wib(moment).strftime("%Y-%m-%d %H:%M:%S")


def _wib_naive(moment: datetime | None) -> datetime | None:
    return None if moment is None else to_wib(moment).replace(tzinfo=None, microsecond=0)


def _tx(texts: Texts, key: str) -> str:
    return texts.get(key, key)


def sections(
    report: ShiftReport, texts: Texts, when: Callable[[datetime | None], Cell] = wib_text
) -> list[tuple[str, list[str], list[list[Cell]]]]:
    """The report as (title, header, rows) tables; ``when`` renders times."""
    snap = report.snapshot
    tx = texts.get
    out: list[tuple[str, list[str], list[list[Cell]]]] = []
    rows: list[list[Cell]] = [
        [r.key, _tx(texts, f"m.{r.key}"), _round(r.value), r.unit, r.target]
        for r in measure_rows(snap)
    ]
    rows.append(["open_at_end", _tx(texts, "m.open_at_end"), snap.breakdown.open_at_end, "", ""])
    out.append(
        (
            _tx(texts, "s.measures"),
            [_tx(texts, c) for c in ("c.key", "c.measure", "c.value", "c.unit", "c.target")],
            rows,
        )
    )
    outcomes = list(snap.slots.counts)
    out.append(
        (
            _tx(texts, f"s.calls_per_{snap.slots.unit}"),
            [_tx(texts, "c.slot")] + [_tx(texts, f"outcome.{o}") for o in outcomes],
            [
                [when(start)] + [snap.slots.counts[o][i] for o in outcomes]
                for i, start in enumerate(snap.slots.starts)
            ],
        )
    )
    b = snap.breakdown
    for name, data, label in (
        ("category", b.incidents_by_category, "category"),
        ("kecamatan", b.incidents_by_kecamatan, "kecamatan"),
        ("priority", b.incidents_by_priority, "priority"),
    ):
        out.append(
            (
                _tx(texts, f"s.by_{name}"),
                [_tx(texts, "c.code"), _tx(texts, f"c.{name}"), _tx(texts, "c.incidents")],
                [
                    [str(k), tx(f"{label}.{k}") or str(k or "—"), n]
                    for k, n in sorted(data.items(), key=lambda kv: (-kv[1], str(kv[0])))
                ],
            )
        )
    hidden = _tx(texts, "hidden")
    out.append(
        (
            _tx(texts, "s.open_incidents"),
            [
                _tx(texts, c)
                for c in (
                    "c.number",
                    "c.category",
                    "c.priority",
                    "c.kecamatan",
                    "c.address",
                    "c.received",
                    "c.status_at_end",
                    "c.status_now",
                    "c.units",
                )
            ],
            [
                [
                    i.number,
                    _tx(texts, f"category.{i.category_code}"),
                    i.priority,
                    i.kecamatan or "",
                    hidden if i.address is None and i.sensitive else (i.address or ""),
                    when(i.first_received_at),
                    _tx(texts, f"status.{i.status_at_end}"),
                    _tx(texts, f"status.{i.status_now}"),
                    ", ".join(i.units),
                ]
                for i in report.open_incidents
            ],
        )
    )
    if report.period.shift_key:
        out.append(
            (
                _tx(texts, "s.notes"),
                [_tx(texts, c) for c in ("c.time", "c.author", "c.text")],
                [[when(n.created_at), n.author or "", n.text] for n in report.notes],
            )
        )
    if report.trend is not None:
        keys = list(TREND_KEYS)
        out.append(
            (
                _tx(texts, "s.trend"),
                [_tx(texts, "c.shift")] + [_tx(texts, f"m.{k}") for k in keys],
                [
                    [p.label] + [_round(_as_shown(k, m[k])) for k in keys]
                    for p, m in zip(report.trend.periods, report.trend.measures, strict=True)
                ],
            )
        )
    out.append(
        (
            _tx(texts, "s.calls"),
            [
                _tx(texts, c)
                for c in (
                    "c.received",
                    "c.answered",
                    "c.caller_number",
                    "c.outcome",
                    "c.incident",
                    "c.operator",
                    "c.workstation",
                )
            ],
            [
                [
                    when(c.received_at),
                    when(c.answered_at),
                    c.caller_number,
                    _tx(texts, f"outcome.{c.outcome}"),
                    c.incident_number or "",
                    c.operator or "",
                    c.workstation or "",
                ]
                for c in report.calls
            ],
        )
    )
    return out


TREND_KEYS = (
    "calls_total",
    "prank_ratio",
    "incidents_total",
    "answered_within_15s_pct",
    "answer_s_p90",
    "processing_within_60s_pct",
    "response_s_median",
)


def _as_shown(key: str, value: Any) -> Any:
    return 100.0 * value if key.endswith("_ratio") and value is not None else value


def _round(value: Any) -> Any:
    return round(value, 2) if isinstance(value, float) else value


def heading_lines(report: ShiftReport, texts: Texts) -> list[str]:
    lines = [
        f"{_tx(texts, 'title')}: {report.period.label}",
        f"{_tx(texts, 'period')}: {wib_text(report.period.start)} – "
        f"{wib_text(report.period.end)} WIB",
        f"{_tx(texts, 'generated')}: {wib_text(report.generated_at)} WIB, {report.generated_by}",
    ]
    if report.numbers_masked:
        lines.append(_tx(texts, "numbers_masked"))
    if report.calls_truncated:
        lines.append(_tx(texts, "calls_truncated"))
    if report.is_demo:
        lines.append(_tx(texts, "demo"))
    return lines


def write_csv(report: ShiftReport, path: Path, texts: Texts) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        for line in heading_lines(report, texts):
            w.writerow([f"# {line}"])
        for title, header, rows in sections(report, texts):
            w.writerow([])
            w.writerow([f"# {title}"])
            w.writerow(header)
            w.writerows(["" if v is None else v for v in row] for row in rows)
    return path


def write_xlsx(report: ShiftReport, path: Path, texts: Texts) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    summary = wb.create_sheet(_sheet_name(_tx(texts, "s.summary"), set()))
    for line in heading_lines(report, texts):
        summary.append([line])
    used: set[str] = set()
    for title, header, rows in sections(report, texts, when=_wib_naive):
        ws = wb.create_sheet(_sheet_name(title, used))
        ws.freeze_panes = "A2"
        cells = []
        for text in header:
            c = WriteOnlyCell(ws, value=text)
            c.font = Font(bold=True)
            cells.append(c)
        ws.append(cells)
        for row in rows:
            ws.append([_xlsx_cell(ws, v, WriteOnlyCell) for v in row])
    wb.save(path)
    return path


def _xlsx_cell(ws: Any, value: Cell, cell_type: Any) -> Any:
    if isinstance(value, datetime):
        c = cell_type(ws, value=value)
        c.number_format = "yyyy-mm-dd hh:mm:ss"
        return c
    return value


def _sheet_name(title: str, used: set[str]) -> str:
    base = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "Sheet"
    name, n = base, 2
    while name in used:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def texts_with_places(
    texts: Texts, categories: Sequence[tuple[str, str]], kecamatan: Sequence[tuple[str, str]]
) -> dict[str, str]:
    """``texts`` plus ``category.<code>`` and ``kecamatan.<code>`` names."""
    out = dict(texts)
    out.update({f"category.{code}": name for code, name in categories})
    out.update({f"kecamatan.{code}": name for code, name in kecamatan})
    return out


__all__ = [
    "TREND_KEYS",
    "MeasureRow",
    "Targets",
    "heading_lines",
    "measure_rows",
    "sections",
    "texts_with_places",
    "wib_text",
    "write_csv",
    "write_xlsx",
]
