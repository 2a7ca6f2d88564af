"""The incident queue's table model: ids and cached rows, filtered and sorted in Python.

A QSortFilterProxyModel calls data() across the Python boundary for every comparison
(FIELD_NOTES: 770 ms to filter 20,000 rows, 2.7 s to sort). Here each row's filter text
and sort keys are computed once, filtering and sorting are list operations, and the
visible order is exposed with a model reset (about 13 ms at 20,000 rows). Single-row
changes are applied in place (dataChanged, or a move), so selection and scroll are kept.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.enums import OPEN_STATUSES
from ...domain.timeutil import format_duration, to_wib, utcnow
from ...services.views import IncidentRow
from ..labels import PRIORITIES, STATUSES, label
from ..theme import PRIORITY_COLOURS

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    ("number", QT_TRANSLATE_NOOP("QueueModel", "Number")),
    ("age", QT_TRANSLATE_NOOP("QueueModel", "Age")),
    ("priority", QT_TRANSLATE_NOOP("QueueModel", "Prio")),
    ("status", QT_TRANSLATE_NOOP("QueueModel", "Status")),
    ("category", QT_TRANSLATE_NOOP("QueueModel", "Category")),
    ("place", QT_TRANSLATE_NOOP("QueueModel", "Kecamatan / kelurahan")),
    ("address", QT_TRANSLATE_NOOP("QueueModel", "Address")),
    ("units", QT_TRANSLATE_NOOP("QueueModel", "Units")),
    ("operator", QT_TRANSLATE_NOOP("QueueModel", "Operator")),
)
COL = {name: i for i, (name, _) in enumerate(COLUMNS)}
WAITING = frozenset({"new", "verified"})
OPEN_VALUES = frozenset(s.value for s in OPEN_STATUSES)


@dataclass
class QueueFilter:
    statuses: frozenset[str] | None = None  # None: all
    priorities: frozenset[int] | None = None
    category: str | None = None
    kecamatan: str | None = None
    sensitive_only: bool = False
    since: datetime | None = None  # first_received_at >= since
    text: str = ""

    def matches(self, row: IncidentRow, haystack: str) -> bool:
        if self.statuses is not None and row.status not in self.statuses:
            return False
        if self.priorities is not None and row.priority not in self.priorities:
            return False
        if self.category and row.category_code != self.category:
            return False
        if self.kecamatan and row.kecamatan != self.kecamatan:
            return False
        if self.sensitive_only and not row.sensitive:
            return False
        if self.since is not None and row.first_received_at < self.since:
            return False
        return not self.text or all(word in haystack for word in self.text.lower().split())


@dataclass
class _Entry:
    row: IncidentRow
    haystack: str
    keys: tuple[Any, ...] = field(default_factory=tuple)


class QueueModel(QAbstractTableModel):
    """Rows of the queue. ``category_label`` maps a category code to its display label."""

    def __init__(
        self,
        category_label: Callable[[str], str] | None = None,
        alert_after_s: float = 120,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__()
        self.category_label = category_label or (lambda code: code)
        self.alert_after_s = alert_after_s
        self.clock = clock
        self._entries: dict[int, _Entry] = {}
        self._hay: dict[int, str] = {}
        self._status_labels: dict[str, str] = {}
        self._orders: dict[int, list[int]] = {}  # per column: all ids sorted ascending
        self._visible: list[int] = []  # incident ids in display order
        self._pos: dict[int, int] = {}
        self.filter = QueueFilter(statuses=OPEN_VALUES)
        self.sort_column = COL["age"]
        self.sort_order = Qt.SortOrder.AscendingOrder  # oldest first: who waits longest on top
        self._bold = QFont()
        self._bold.setBold(True)

    # -- data in ------------------------------------------------------------------------
    def _entry(self, row: IncidentRow) -> _Entry:
        status_label = self._status_labels.get(row.status)
        if status_label is None:
            status_label = self._status_labels[row.status] = label(STATUSES, row.status)
        haystack = " ".join(
            (
                row.number,
                self.category_label(row.category_code),
                row.kecamatan or "",
                row.kelurahan or "",
                row.address or "",
                " ".join(row.units),
                row.operator or "",
                status_label,
            )
        ).lower()
        return _Entry(row, haystack, self._keys(row))

    def prepare(self, rows: Iterable[IncidentRow]) -> dict[int, _Entry]:
        """Filter text and sort keys of many rows: pure Python, safe to run on the worker."""
        return {r.id: self._entry(r) for r in rows}

    def set_entries(self, entries: dict[int, _Entry]) -> None:
        """Show rows prepared off the GUI thread (the GUI part is one filter pass)."""
        self._entries = entries
        self._hay = {i: e.haystack for i, e in entries.items()}
        self._orders.clear()
        self.refilter()

    def _keys(self, row: IncidentRow) -> tuple[Any, ...]:
        place = f"{row.kecamatan or ''} {row.kelurahan or ''}".lower()
        received = row.first_received_at.timestamp()
        return (
            row.number,
            received,
            row.priority * 1e11 + received,
            (row.status, received),
            (self.category_label(row.category_code).lower(), received),
            place,
            (row.address or "").lower(),
            " ".join(row.units).lower(),
            (row.operator or "").lower(),
        )

    def set_rows(self, rows: Iterable[IncidentRow]) -> None:
        self.set_entries(self.prepare(rows))

    def set_filter(self, flt: QueueFilter) -> None:
        self.filter = flt
        self.refilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.refilter()

    def _sort_key(self, incident_id: int) -> Any:
        """The column's key, then the id: no ties, so every order is fully determined."""
        return (self._entries[incident_id].keys[self.sort_column], incident_id)

    def _sorted_ids(self, column: int) -> list[int]:
        """All ids in ascending order of a column, sorted once and kept until data changes."""
        order = self._orders.get(column)
        if order is None:
            entries = self._entries
            order = sorted(entries, key=lambda i: (entries[i].keys[column], i))
            self._orders[column] = order
        return order

    def refilter(self) -> None:
        """Filter the presorted ids with one tight pass per criterion, then one reset."""
        flt, e = self.filter, self._entries
        ids = self._sorted_ids(self.sort_column)
        if self.sort_order == Qt.SortOrder.DescendingOrder:
            ids = ids[::-1]
        if flt.statuses is not None:
            statuses = flt.statuses
            ids = [i for i in ids if e[i].row.status in statuses]
        if flt.priorities is not None:
            prios = flt.priorities
            ids = [i for i in ids if e[i].row.priority in prios]
        if flt.category:
            cat = flt.category
            ids = [i for i in ids if e[i].row.category_code == cat]
        if flt.kecamatan:
            kec = flt.kecamatan
            ids = [i for i in ids if e[i].row.kecamatan == kec]
        if flt.sensitive_only:
            ids = [i for i in ids if e[i].row.sensitive]
        if flt.since is not None:
            since = flt.since
            ids = [i for i in ids if e[i].row.first_received_at >= since]
        hay = self._hay
        for word in flt.text.lower().split():
            ids = [i for i in ids if word in hay[i]]
        if ids is self._orders.get(self.sort_column):
            ids = list(ids)  # never expose the cached order itself
        self.beginResetModel()
        self._visible = ids
        self._pos = {i: n for n, i in enumerate(ids)}
        self.endResetModel()

    def upsert(self, rows: Sequence[IncidentRow]) -> None:
        """Apply changed/new rows in place, keeping selection and scroll."""
        for row in rows:
            entry = self._entry(row)
            old = self._entries.get(row.id)
            if old is None or old.keys != entry.keys:
                self._orders.clear()
            self._entries[row.id] = entry
            self._hay[row.id] = entry.haystack
            visible_now = self.filter.matches(row, entry.haystack)
            pos = self._pos.get(row.id)
            if pos is not None and visible_now and self._in_order(pos):
                self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(COLUMNS) - 1))
                continue
            if pos is not None:
                self.beginRemoveRows(QModelIndex(), pos, pos)
                del self._visible[pos]
                self.endRemoveRows()
            if visible_now:
                target = self._insert_position(row.id)
                self.beginInsertRows(QModelIndex(), target, target)
                self._visible.insert(target, row.id)
                self.endInsertRows()
            self._pos = {i: n for n, i in enumerate(self._visible)}

    def remove(self, incident_id: int) -> None:
        self._entries.pop(incident_id, None)
        self._hay.pop(incident_id, None)
        self._orders.clear()
        pos = self._pos.get(incident_id)
        if pos is not None:
            self.beginRemoveRows(QModelIndex(), pos, pos)
            del self._visible[pos]
            self.endRemoveRows()
            self._pos = {i: n for n, i in enumerate(self._visible)}

    def _in_order(self, pos: int) -> bool:
        key = self._sort_key(self._visible[pos])
        desc = self.sort_order == Qt.SortOrder.DescendingOrder
        before = self._visible[pos - 1] if pos > 0 else None
        after = self._visible[pos + 1] if pos + 1 < len(self._visible) else None
        if before is not None:
            bk = self._sort_key(before)
            if (bk < key) if desc else (key < bk):
                return False
        if after is not None:
            ak = self._sort_key(after)
            if (key < ak) if desc else (ak < key):
                return False
        return True

    def _insert_position(self, incident_id: int) -> int:
        key = self._sort_key(incident_id)
        keys = [self._sort_key(i) for i in self._visible]
        if self.sort_order == Qt.SortOrder.DescendingOrder:
            # bisect on a descending list: search the reversed view
            lo, hi = 0, len(keys)
            while lo < hi:
                mid = (lo + hi) // 2
                if keys[mid] > key:
                    lo = mid + 1
                else:
                    hi = mid
            return lo
        return bisect.bisect_right(keys, key)

    # -- reads --------------------------------------------------------------------------
    def row_at(self, pos: int) -> IncidentRow:
        return self._entries[self._visible[pos]].row

    def position_of(self, incident_id: int) -> int | None:
        return self._pos.get(incident_id)

    def get(self, incident_id: int) -> IncidentRow | None:
        e = self._entries.get(incident_id)
        return e.row if e else None

    def all_rows(self) -> list[IncidentRow]:
        return [e.row for e in self._entries.values()]

    def waiting_too_long(self) -> list[IncidentRow]:
        """Priority-1 incidents waiting for dispatch longer than the alert threshold."""
        now = self.clock()
        return [
            e.row
            for e in self._entries.values()
            if e.row.priority == 1
            and e.row.status in WAITING
            and (now - e.row.first_received_at).total_seconds() > self.alert_after_s
        ]

    def tick(self) -> None:
        """Refresh the live columns (age, alert colour) without touching the rest."""
        if self._visible:
            self.dataChanged.emit(
                self.index(0, COL["age"]),
                self.index(len(self._visible) - 1, COL["age"]),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole],
            )

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("QueueModel", COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._entries[self._visible[index.row()]].row
        col = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._alerting(row):
                return QBrush(QColor("#ffcdd2"))
            if col == "priority":
                return QBrush(QColor(PRIORITY_COLOURS.get(row.priority, "#607d8b")))
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == "priority":
                return QBrush(QColor("white"))
            if self._alerting(row):
                return QBrush(QColor("#b71c1c"))
        if role == Qt.ItemDataRole.FontRole and (
            col in ("number", "priority") or self._alerting(row)
        ):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and col == "priority":
            return label(PRIORITIES, row.priority)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("age", "priority"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _alerting(self, row: IncidentRow) -> bool:
        return (
            row.priority == 1
            and row.status in WAITING
            and (self.clock() - row.first_received_at).total_seconds() > self.alert_after_s
        )

    def _display(self, row: IncidentRow, col: str) -> str:
        if col == "number":
            return row.number + (" 🔒" if row.sensitive else "")
        if col == "age":
            end = None if row.status in OPEN_VALUES else row.updated_at
            return format_duration(((end or self.clock()) - row.first_received_at).total_seconds())
        if col == "priority":
            return f"P{row.priority}"
        if col == "status":
            return label(STATUSES, row.status)
        if col == "category":
            return self.category_label(row.category_code)
        if col == "place":
            return " / ".join(x for x in (row.kecamatan, row.kelurahan) if x)
        if col == "address":
            return row.address or ""
        if col == "units":
            return ", ".join(row.units)
        if col == "operator":
            return row.operator or ""
        return ""

    def received_text(self, row: IncidentRow) -> str:
        return to_wib(row.first_received_at).strftime("%d/%m %H:%M")
