"""Choosing what the dashboard shows: the current shift (live), a past shift, a date range;
and another shift to compare with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.shifts import ShiftSchedule
from ...services.stats import Period, resolve_period, shift_period

LIVE, SHIFT, RANGE = "live", "shift", "range"


@dataclass(frozen=True, slots=True)
class Choice:
    mode: str
    shift: str | None = None  # YYYY-MM-DD/name (mode SHIFT)
    first_day: date | None = None  # mode RANGE, inclusive
    last_day: date | None = None  # mode RANGE, inclusive
    compare: str | None = None  # another shift key

    def periods(self, schedule: ShiftSchedule, now_shift: str) -> tuple[Period, Period | None]:
        """The chosen period and the one to compare with (raises ValidationError)."""
        if self.mode == RANGE:
            assert self.first_day and self.last_day
            end = self.last_day + timedelta(days=1)
            p = resolve_period(schedule, start=self.first_day.isoformat(), end=end.isoformat())
            label = f"{self.first_day:%d-%m-%Y} – {self.last_day:%d-%m-%Y}"
            main = Period(p.start, p.end, label)
        else:
            key = now_shift if self.mode == LIVE else (self.shift or now_shift)
            main = shift_period(schedule.parse(key))
        other = shift_period(schedule.parse(self.compare)) if self.compare else None
        return main, other


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class PeriodBar(QWidget):
    sig_changed = Signal()
    sig_refresh_requested = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_period_bar")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        first, second = QHBoxLayout(), QHBoxLayout()
        lay.addLayout(first)
        lay.addLayout(second)
        self.cmb_mode = QComboBox()
        self.cmb_mode.setObjectName("dash_mode")
        self.cmb_mode.addItem(self.tr("Current shift (live)"), LIVE)
        self.cmb_mode.addItem(self.tr("A shift"), SHIFT)
        self.cmb_mode.addItem(self.tr("Date range"), RANGE)
        self.cmb_mode.setToolTip(self.tr("What the dashboard shows"))
        self.date_shift = self._date_edit(today, "dash_shift_day")
        self.cmb_shift = QComboBox()
        self.cmb_shift.setObjectName("dash_shift_name")
        self.lbl_to = QLabel(self.tr("to"))
        self.date_from = self._date_edit(today - timedelta(days=6), "dash_from")
        self.date_to = self._date_edit(today, "dash_to")
        self.chk_compare = QCheckBox(self.tr("Compare with"))
        self.chk_compare.setObjectName("dash_compare")
        self.date_compare = self._date_edit(today - timedelta(days=1), "dash_compare_day")
        self.cmb_compare = QComboBox()
        self.cmb_compare.setObjectName("dash_compare_name")
        self.btn_refresh = QPushButton(self.tr("Refresh"))
        self.btn_refresh.setObjectName("dash_refresh")
        self.lbl_status = QLabel("")
        self.lbl_status.setObjectName("dash_status")
        self.lbl_status.setWordWrap(True)  # long messages must not widen the dock
        self.lbl_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Two rows, so that the bar fits a narrow dock.
        for w in (self.cmb_mode, self.date_shift, self.cmb_shift, self.date_from, self.lbl_to):
            first.addWidget(w)
        first.addWidget(self.date_to)
        first.addStretch(1)
        for w in (self.chk_compare, self.date_compare, self.cmb_compare, self.btn_refresh):
            second.addWidget(w)
        second.addWidget(self.lbl_status, 1)
        self.cmb_mode.currentIndexChanged.connect(self._on_mode)
        for sig in (
            self.date_shift.dateChanged,
            self.cmb_shift.currentIndexChanged,
            self.date_from.dateChanged,
            self.date_to.dateChanged,
            self.chk_compare.toggled,
            self.date_compare.dateChanged,
            self.cmb_compare.currentIndexChanged,
        ):
            sig.connect(self._emit)
        self.chk_compare.toggled.connect(self._sync_visibility)
        self.btn_refresh.clicked.connect(self.sig_refresh_requested)
        self._quiet = False
        self._sync_visibility()

    def _date_edit(self, d: date, name: str) -> QDateEdit:
        e = QDateEdit(_qdate(d))
        e.setObjectName(name)
        e.setCalendarPopup(True)
        e.setDisplayFormat("dd-MM-yyyy")
        return e

    def set_shift_names(self, schedule: ShiftSchedule, current: str | None = None) -> None:
        self._quiet = True
        for combo in (self.cmb_shift, self.cmb_compare):
            keep = combo.currentData()
            combo.clear()
            for d in schedule.shifts:
                start = f"{d.start_minute // 60:02d}:{d.start_minute % 60:02d}"
                combo.addItem(f"{d.label} ({start})", d.name)
            idx = combo.findData(keep or (current.split("/")[1] if current else None))
            combo.setCurrentIndex(max(idx, 0))
        self._quiet = False

    def choose_shift(self, key: str) -> None:
        """Show a given shift (``YYYY-MM-DD/name``)."""
        day, name = key.split("/")
        self._quiet = True
        self.cmb_mode.setCurrentIndex(self.cmb_mode.findData(SHIFT))
        self.date_shift.setDate(_qdate(date.fromisoformat(day)))
        self.cmb_shift.setCurrentIndex(max(self.cmb_shift.findData(name), 0))
        self._quiet = False
        self._sync_visibility()
        self._emit()

    def set_compare(self, key: str | None) -> None:
        self._quiet = True
        if key:
            day, name = key.split("/")
            self.date_compare.setDate(_qdate(date.fromisoformat(day)))
            self.cmb_compare.setCurrentIndex(max(self.cmb_compare.findData(name), 0))
        self.chk_compare.setChecked(bool(key))
        self._quiet = False
        self._sync_visibility()
        self._emit()

    def choice(self) -> Choice:
        mode = str(self.cmb_mode.currentData())
        compare = None
        if self.chk_compare.isChecked() and mode != RANGE and self.cmb_compare.currentData():
            compare = (
                f"{_pydate(self.date_compare.date()).isoformat()}/{self.cmb_compare.currentData()}"
            )
        if mode == RANGE:
            return Choice(
                RANGE,
                first_day=_pydate(self.date_from.date()),
                last_day=_pydate(self.date_to.date()),
            )
        if mode == SHIFT:
            shift = f"{_pydate(self.date_shift.date()).isoformat()}/{self.cmb_shift.currentData()}"
            return Choice(SHIFT, shift=shift, compare=compare)
        return Choice(LIVE, compare=compare)

    def set_status(self, text: str) -> None:
        self.lbl_status.setText(text)

    def _on_mode(self) -> None:
        self._sync_visibility()
        self._emit()

    def _sync_visibility(self) -> None:
        mode = self.cmb_mode.currentData()
        for w in (self.date_shift, self.cmb_shift):
            w.setVisible(mode == SHIFT)
        for w in (self.date_from, self.lbl_to, self.date_to):
            w.setVisible(mode == RANGE)
        self.chk_compare.setVisible(mode != RANGE)
        on = self.chk_compare.isChecked() and mode != RANGE
        self.date_compare.setVisible(on)
        self.cmb_compare.setVisible(on)

    def _emit(self) -> None:
        if not self._quiet:
            self.sig_changed.emit()
