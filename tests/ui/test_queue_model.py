"""The queue model against a plain reference implementation (no Qt widgets needed)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from siaga_console.services.views import IncidentRow
from siaga_console.ui.queue.model import COL, QueueFilter, QueueModel

NOW = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
STATUSES = ["new", "verified", "dispatched", "on_scene", "resolved", "closed"]


def make_rows(n: int, seed: int = 3) -> list[IncidentRow]:
    rng = random.Random(seed)
    return [
        IncidentRow(
            id=i,
            number=f"SRG-20261129-{i:04d}",
            priority=rng.randint(1, 4),
            status=rng.choice(STATUSES),
            category_code=rng.choice(["fire", "medical", "animal"]),
            kecamatan=rng.choice(["Serang", "Curug", "Kasemen"]),
            kelurahan="K",
            address=f"Jl. {rng.choice(['Veteran', 'Sudirman', 'Ahmad Yani'])} {i}",
            latitude=None,
            longitude=None,
            first_received_at=NOW - timedelta(minutes=rng.randint(0, 5000)),
            dispatched_at=None,
            updated_at=NOW,
            sensitive=rng.random() < 0.1,
            units=(),
            operator="op",
            version=1,
        )
        for i in range(1, n + 1)
    ]


def visible_ids(model: QueueModel) -> list[int]:
    return [
        model.data(model.index(r, 0), Qt.ItemDataRole.UserRole) for r in range(model.rowCount())
    ]


def reference(rows: list[IncidentRow], flt: QueueFilter, key, desc: bool) -> list[int]:
    out = [
        r
        for r in rows
        if (flt.statuses is None or r.status in flt.statuses)
        and (flt.priorities is None or r.priority in flt.priorities)
        and (not flt.kecamatan or r.kecamatan == flt.kecamatan)
        and (not flt.sensitive_only or r.sensitive)
        and all(
            w in (r.address or "").lower() + " " + r.number.lower()
            for w in flt.text.lower().split()
        )
    ]
    out.sort(key=lambda r: (key(r), r.id), reverse=desc)
    return [r.id for r in out]


@pytest.mark.parametrize(
    "flt",
    [
        QueueFilter(),
        QueueFilter(statuses=frozenset({"new", "verified"})),
        QueueFilter(priorities=frozenset({1}), kecamatan="Curug"),
        QueueFilter(text="veteran"),
        QueueFilter(sensitive_only=True, text="jl 1"),
    ],
)
@pytest.mark.parametrize("desc", [False, True])
def test_filter_and_sort_match_a_plain_implementation(qapp, flt: QueueFilter, desc: bool) -> None:
    rows = make_rows(400)
    model = QueueModel(clock=lambda: NOW)
    model.set_rows(rows)
    model.set_filter(flt)
    order = Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder
    model.sort(COL["priority"], order)
    want = reference(rows, flt, lambda r: (r.priority, r.first_received_at), desc)
    assert visible_ids(model) == want
    model.sort(COL["age"], order)
    assert visible_ids(model) == reference(rows, flt, lambda r: r.first_received_at, desc)


def test_upsert_moves_filters_and_keeps_order(qapp) -> None:
    rows = make_rows(200)
    model = QueueModel(clock=lambda: NOW)
    model.set_rows(rows)
    model.set_filter(QueueFilter(statuses=frozenset({"new"})))
    model.sort(COL["priority"], Qt.SortOrder.AscendingOrder)
    changed = [replace(r, status="new", priority=1) for r in rows[:20]]
    changed += [replace(r, status="closed") for r in rows[20:40]]
    new = replace(rows[0], id=999, number="SRG-X", status="new", priority=2)
    model.upsert([*changed, new])
    current = {r.id: r for r in rows}
    current.update({r.id: r for r in [*changed, new]})
    want = reference(
        list(current.values()),
        QueueFilter(statuses=frozenset({"new"})),
        lambda r: (r.priority, r.first_received_at),
        False,
    )
    assert visible_ids(model) == want
    model.refilter()  # a full pass agrees with the in-place result
    assert visible_ids(model) == want
