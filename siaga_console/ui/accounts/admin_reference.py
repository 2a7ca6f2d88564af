"""Administrator screens: units (bases on the map), agencies, categories, shifts, settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.shifts import ShiftDefinition
from ...services.admin import AgencyInput, CategoryInput, UnitInput
from ..error_texts import error_text
from ..session import AppSession
from ..theme import set_tone

SETTING_LIMITS = {
    "prank_daily_threshold": (1, 100),
    "prank_total_threshold": (1, 1000),
    "p1_dispatch_alert_s": (10, 3600),
    "duplicate_radius_m": (10, 10000),
    "duplicate_window_min": (1, 240),
    "idle_lock_min": (0, 240),
    "target_answer_15s_pct": (1, 100),
    "target_answer_20s_pct": (1, 100),
    "target_processing_60s_pct": (1, 100),
}


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.horizontalHeader().setStretchLastSection(True)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return t


def _fill(t: QTableWidget, rows: list[list[str]]) -> None:
    t.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            t.setItem(r, c, QTableWidgetItem(text))


class AdminDialog(QDialog):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_dialog")
        self.session = session
        assert session.services is not None and session.actor is not None
        self.services, self.actor = session.services, session.actor
        self.setWindowTitle(self.tr("Administration"))
        self.resize(900, 600)
        self.message = QLabel(objectName="admin_message")
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._units_tab(), self.tr("Units"))
        self.tabs.addTab(self._agencies_tab(), self.tr("Agencies"))
        self.tabs.addTab(self._categories_tab(), self.tr("Categories"))
        self.tabs.addTab(self._shifts_tab(), self.tr("Shifts"))
        self.tabs.addTab(self._settings_tab(), self.tr("Thresholds and targets"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.reload()

    # -- plumbing -------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], done: str) -> None:
        def ok(_r: object) -> None:
            set_tone(self.message, "ok")
            self.message.setText(done)
            self.reload()

        self.session.worker.submit(fn, ok, self._error)

    def _error(self, exc: BaseException) -> None:
        set_tone(self.message, "error")
        self.message.setText(error_text(exc))

    def reload(self) -> None:
        sv = self.services
        self.session.worker.submit(
            lambda: (
                sv.admin.units(),
                sv.admin.agencies(),
                sv.reference.categories(),
                sv.reference.schedule(),
                sv.reference.settings(),
            ),
            self._show,
            self._error,
        )

    def _show(self, data: tuple[Any, ...]) -> None:
        units, agencies, categories, schedule, settings = data
        self.units, self.agencies, self.categories = units, agencies, categories
        _fill(
            self.unit_table,
            [
                [
                    u.call_sign,
                    u.agency_code,
                    u.unit_type,
                    u.base_label or "",
                    f"{u.base_lat:.5f}, {u.base_lon:.5f}" if u.base_lat else "—",
                    self.tr("yes") if u.active else self.tr("no"),
                ]
                for u in units
            ],
        )
        _fill(
            self.agency_table,
            [
                [
                    a.code,
                    a.short_name,
                    a.name,
                    a.channel_kind or "",
                    self.tr("yes") if a.active else self.tr("no"),
                ]
                for a in agencies
            ],
        )
        _fill(
            self.category_table,
            [
                [
                    c.code,
                    c.label_id,
                    f"P{c.default_priority}",
                    self.tr("yes") if c.sensitive else "",
                    ", ".join(c.agencies),
                ]
                for c in categories
            ],
        )
        current = self.unit_agency.currentData()
        self.unit_agency.clear()
        self.cat_agencies.clear()
        for a in agencies:
            self.unit_agency.addItem(a.short_name, a.code)
            item = QListWidgetItem(a.short_name)
            item.setData(Qt.ItemDataRole.UserRole, a.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.cat_agencies.addItem(item)
        self.unit_agency.setCurrentIndex(max(0, self.unit_agency.findData(current)))
        self.shift_table.setRowCount(len(schedule.shifts))
        for r, d in enumerate(schedule.shifts):
            self.shift_table.setItem(r, 0, QTableWidgetItem(d.name))
            self.shift_table.setItem(r, 1, QTableWidgetItem(d.label))
            self.shift_table.setItem(
                r, 2, QTableWidgetItem(f"{d.start_minute // 60:02d}:{d.start_minute % 60:02d}")
            )
            self.shift_table.setItem(r, 3, QTableWidgetItem(str(d.duration_minutes / 60)))
        for key, box in self.setting_boxes.items():
            box.setValue(int(settings.get(key, box.value())))

    # -- tabs -----------------------------------------------------------------------------
    def _units_tab(self) -> QWidget:
        w = QWidget()
        self.unit_table = _table(
            [
                self.tr("Call sign"),
                self.tr("Agency"),
                self.tr("Type"),
                self.tr("Base"),
                self.tr("Coordinates"),
                self.tr("Active"),
            ]
        )
        self.unit_table.currentCellChanged.connect(lambda r, *_: self._load_unit(r))
        self.unit_id: int | None = None
        self.unit_sign = QLineEdit(maxLength=32, objectName="unit_sign")
        self.unit_agency = QComboBox(objectName="unit_agency")
        self.unit_type = QLineEdit(maxLength=64, objectName="unit_type")
        self.unit_base = QLineEdit(maxLength=128, objectName="unit_base")
        self.unit_lat = QLineEdit(objectName="unit_lat")
        self.unit_lon = QLineEdit(objectName="unit_lon")
        pick = QPushButton(self.tr("Pick on map"), objectName="unit_pick")
        pick.clicked.connect(self._pick_base)
        self.unit_active = QCheckBox(self.tr("Active"))
        self.unit_active.setChecked(True)
        coords = QHBoxLayout()
        for x in (self.unit_lat, self.unit_lon, pick):
            coords.addWidget(x)
        form = QFormLayout()
        form.addRow(self.tr("Call sign"), self.unit_sign)
        form.addRow(self.tr("Agency"), self.unit_agency)
        form.addRow(self.tr("Type"), self.unit_type)
        form.addRow(self.tr("Base"), self.unit_base)
        form.addRow(self.tr("Base coordinates"), coords)
        form.addRow("", self.unit_active)
        new = QPushButton(self.tr("New unit"))
        new.clicked.connect(lambda: self._load_unit(-1))
        save = QPushButton(self.tr("Save unit"), objectName="unit_save")
        save.clicked.connect(self._save_unit)
        row = QHBoxLayout()
        row.addWidget(new)
        row.addWidget(save)
        row.addStretch(1)
        lay = QVBoxLayout(w)
        lay.addWidget(self.unit_table)
        lay.addLayout(form)
        lay.addLayout(row)
        return w

    def _load_unit(self, r: int) -> None:
        u = self.units[r] if 0 <= r < len(getattr(self, "units", [])) else None
        self.unit_id = u.id if u else None
        self.unit_sign.setText(u.call_sign if u else "")
        self.unit_agency.setCurrentIndex(
            max(0, self.unit_agency.findData(u.agency_code)) if u else 0
        )
        self.unit_type.setText(u.unit_type if u else "")
        self.unit_base.setText(u.base_label or "" if u else "")
        self.unit_lat.setText(f"{u.base_lat:.6f}" if u and u.base_lat is not None else "")
        self.unit_lon.setText(f"{u.base_lon:.6f}" if u and u.base_lon is not None else "")
        self.unit_active.setChecked(u.active if u else True)

    def _pick_base(self) -> None:
        bus = self.session.bus
        if bus is None:
            return

        def picked(lat: float, lon: float) -> None:
            bus.sig_location_picked.disconnect(picked)
            self.unit_lat.setText(f"{lat:.6f}")
            self.unit_lon.setText(f"{lon:.6f}")
            self.raise_()

        bus.sig_location_picked.connect(picked)
        bus.sig_pick_location_requested.emit(True)
        self.message.setText(self.tr("Click the unit's base on the map."))

    def _float(self, edit: QLineEdit) -> float | None:
        text = edit.text().strip().replace(",", ".")
        return float(text) if text else None

    def _save_unit(self) -> None:
        try:
            lat, lon = self._float(self.unit_lat), self._float(self.unit_lon)
        except ValueError:
            from ...domain.errors import ValidationError

            self._error(ValidationError("Coordinates out of range", field="latitude"))
            return
        data = UnitInput(
            self.unit_sign.text(),
            self.unit_agency.currentData() or "",
            self.unit_type.text(),
            self.unit_base.text(),
            lat,
            lon,
            self.unit_active.isChecked(),
            self.unit_id,
        )
        self._run(lambda: self.services.admin.save_unit(self.actor, data), self.tr("Unit saved"))

    def _agencies_tab(self) -> QWidget:
        w = QWidget()
        self.agency_table = _table(
            [
                self.tr("Code"),
                self.tr("Short name"),
                self.tr("Name"),
                self.tr("Channel"),
                self.tr("Active"),
            ]
        )
        self.agency_table.currentCellChanged.connect(lambda r, *_: self._load_agency(r))
        self.ag_code = QLineEdit(maxLength=32, objectName="agency_code")
        self.ag_short = QLineEdit(maxLength=32)
        self.ag_name = QLineEdit(maxLength=128)
        self.ag_kind = QComboBox()
        self.ag_kind.addItem(self.tr("none"), "")
        self.ag_kind.addItem("Telegram", "telegram")
        self.ag_url = QLineEdit(maxLength=512)
        self.ag_url.setPlaceholderText("https://api.telegram.org")
        self.ag_target = QLineEdit(maxLength=128)
        self.ag_active = QCheckBox(self.tr("Active"))
        self.ag_active.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.ag_code)
        form.addRow(self.tr("Short name"), self.ag_short)
        form.addRow(self.tr("Name"), self.ag_name)
        form.addRow(self.tr("Notification channel"), self.ag_kind)
        form.addRow(self.tr("Channel URL"), self.ag_url)
        form.addRow(self.tr("Chat / target"), self.ag_target)
        form.addRow("", self.ag_active)
        save = QPushButton(self.tr("Save agency"), objectName="agency_save")
        save.clicked.connect(self._save_agency)
        lay = QVBoxLayout(w)
        lay.addWidget(self.agency_table)
        lay.addLayout(form)
        lay.addWidget(save, alignment=Qt.AlignmentFlag.AlignLeft)
        return w

    def _load_agency(self, r: int) -> None:
        if not 0 <= r < len(getattr(self, "agencies", [])):
            return
        a = self.agencies[r]
        self.ag_code.setText(a.code)
        self.ag_short.setText(a.short_name)
        self.ag_name.setText(a.name)
        self.ag_kind.setCurrentIndex(max(0, self.ag_kind.findData(a.channel_kind or "")))
        self.ag_url.setText(a.channel_url or "")
        self.ag_target.setText(a.channel_target or "")
        self.ag_active.setChecked(a.active)

    def _save_agency(self) -> None:
        data = AgencyInput(
            self.ag_code.text(),
            self.ag_name.text(),
            self.ag_short.text(),
            self.ag_active.isChecked(),
            self.ag_kind.currentData() or None,
            self.ag_url.text(),
            self.ag_target.text(),
        )
        self._run(
            lambda: self.services.admin.save_agency(self.actor, data), self.tr("Agency saved")
        )

    def _categories_tab(self) -> QWidget:
        w = QWidget()
        self.category_table = _table(
            [
                self.tr("Code"),
                self.tr("Label"),
                self.tr("Priority"),
                self.tr("Sensitive"),
                self.tr("Agencies"),
            ]
        )
        self.category_table.currentCellChanged.connect(lambda r, *_: self._load_category(r))
        self.cat_code = QLineEdit(maxLength=32, objectName="category_code")
        self.cat_id = QLineEdit(maxLength=64)
        self.cat_en = QLineEdit(maxLength=64)
        self.cat_prio = QSpinBox()
        self.cat_prio.setRange(1, 4)
        self.cat_sensitive = QCheckBox(self.tr("Sensitive (personal data of victims or children)"))
        self.cat_agencies = QListWidget()
        self.cat_agencies.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.cat_code)
        form.addRow(self.tr("Indonesian label"), self.cat_id)
        form.addRow(self.tr("English label"), self.cat_en)
        form.addRow(self.tr("Default priority"), self.cat_prio)
        form.addRow("", self.cat_sensitive)
        form.addRow(self.tr("Agencies"), self.cat_agencies)
        save = QPushButton(self.tr("Save category"), objectName="category_save")
        save.clicked.connect(self._save_category)
        lay = QVBoxLayout(w)
        lay.addWidget(self.category_table)
        lay.addLayout(form)
        lay.addWidget(save, alignment=Qt.AlignmentFlag.AlignLeft)
        return w

    def _load_category(self, r: int) -> None:
        if not 0 <= r < len(getattr(self, "categories", [])):
            return
        c = self.categories[r]
        self.cat_code.setText(c.code)
        self.cat_id.setText(c.label_id)
        self.cat_en.setText(c.label_en)
        self.cat_prio.setValue(c.default_priority)
        self.cat_sensitive.setChecked(c.sensitive)
        for i in range(self.cat_agencies.count()):
            item = self.cat_agencies.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in c.agencies
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _save_category(self) -> None:
        agencies = tuple(
            self.cat_agencies.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.cat_agencies.count())
            if self.cat_agencies.item(i).checkState() == Qt.CheckState.Checked
        )
        data = CategoryInput(
            self.cat_code.text(),
            self.cat_id.text(),
            self.cat_en.text(),
            self.cat_prio.value(),
            self.cat_sensitive.isChecked(),
            agencies,
        )
        self._run(
            lambda: self.services.admin.save_category(self.actor, data), self.tr("Category saved")
        )

    def _shifts_tab(self) -> QWidget:
        w = QWidget()
        self.shift_table = QTableWidget(0, 4, objectName="shift_table")
        self.shift_table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Label"), self.tr("Start (WIB, HH:MM)"), self.tr("Hours")]
        )
        self.shift_table.verticalHeader().hide()
        self.shift_table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("Add shift"))
        add.clicked.connect(lambda: self.shift_table.insertRow(self.shift_table.rowCount()))
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(lambda: self.shift_table.removeRow(self.shift_table.currentRow()))
        save = QPushButton(self.tr("Save schedule"), objectName="shift_save")
        save.clicked.connect(self._save_shifts)
        note = QLabel(self.tr("The shifts must cover the 24 hours without gaps or overlaps."))
        row = QHBoxLayout()
        for b in (add, remove, save):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(w)
        lay.addWidget(note)
        lay.addWidget(self.shift_table)
        lay.addLayout(row)
        return w

    def _save_shifts(self) -> None:
        shifts = []
        try:
            for r in range(self.shift_table.rowCount()):

                def cell(c: int, r: int = r) -> str:
                    item = self.shift_table.item(r, c)
                    return item.text().strip() if item else ""

                hh, mm = cell(2).split(":")
                shifts.append(
                    ShiftDefinition(
                        cell(0).lower(),
                        cell(1) or cell(0),
                        int(hh) * 60 + int(mm),
                        round(float(cell(3).replace(",", ".")) * 60),
                    )
                )
        except ValueError:
            from ...domain.errors import ValidationError

            self._error(
                ValidationError(
                    "Bad times for shift {name}", field="shifts", name=str(len(shifts) + 1)
                )
            )
            return
        self._run(
            lambda: self.services.reference.save_schedule(self.actor, shifts),
            self.tr("Shift schedule saved"),
        )

    def _settings_tab(self) -> QWidget:
        w = QWidget()
        labels = {
            "prank_daily_threshold": self.tr("Prank calls a day before a 1-day block"),
            "prank_total_threshold": self.tr("Prank calls in total before a permanent block"),
            "p1_dispatch_alert_s": self.tr("Alert when priority 1 waits for dispatch (s)"),
            "duplicate_radius_m": self.tr("Duplicate search radius (m)"),
            "duplicate_window_min": self.tr("Duplicate search window (min)"),
            "idle_lock_min": self.tr("Lock the console after idle minutes (0: never)"),
            "target_answer_15s_pct": self.tr("Target: calls answered within 15 s (%)"),
            "target_answer_20s_pct": self.tr("Target: calls answered within 20 s (%)"),
            "target_processing_60s_pct": self.tr("Target: P1 dispatched within 60 s (%)"),
        }
        form = QFormLayout(w)
        self.setting_boxes: dict[str, QSpinBox] = {}
        for key, text in labels.items():
            box = QSpinBox(objectName=f"setting_{key}")
            box.setRange(*SETTING_LIMITS[key])
            self.setting_boxes[key] = box
            form.addRow(text, box)
        save = QPushButton(self.tr("Save settings"), objectName="settings_save")
        save.clicked.connect(self._save_settings)
        form.addRow("", save)
        return w

    def _save_settings(self) -> None:
        values = {k: b.value() for k, b in self.setting_boxes.items()}

        def run() -> None:
            for k, v in values.items():
                self.services.reference.set_setting(self.actor, k, v)

        self._run(run, self.tr("Settings saved; some take effect at the next start"))
