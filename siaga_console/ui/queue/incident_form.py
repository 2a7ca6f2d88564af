"""The incident form of a valid call: category, priority, place, details, duplicates."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import FormErrors, ValidationError
from ...domain.geo import Gazetteer
from ...services.inputs import IncidentInput
from ...services.views import CategoryView, IncidentRow, PlaceView
from ..error_texts import error_text
from ..labels import PRIORITIES, STATUSES, label
from ..theme import set_tone

FIELD_ORDER = (
    "category_code",
    "priority",
    "kecamatan_code",
    "kelurahan_code",
    "address",
    "landmark",
    "latitude",
    "caller_name",
    "description",
)


class IncidentForm(QWidget):
    sig_save_requested = Signal()
    sig_link_requested = Signal(int)  # incident id of the chosen duplicate
    sig_changed = Signal()  # debounced: look for duplicates
    sig_pick_on_map = Signal()

    def __init__(
        self,
        categories: list[CategoryView],
        kecamatan: list[PlaceView],
        kelurahan: list[PlaceView],
        gazetteer: Gazetteer,
        language: str = "id",
        agencies: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("incident_form")
        self.categories = {c.code: c for c in categories}
        self.kelurahan = kelurahan
        self.gazetteer = gazetteer
        self.language = language
        self.agencies = agencies or {}
        self._priority_touched = False
        self.error_labels: dict[str, QLabel] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.category = QComboBox(objectName="category")
        self.category.addItem(self.tr("— choose —"), "")
        for c in categories:
            self.category.addItem(c.label_id if language == "id" else c.label_en, c.code)
        self.category.currentIndexChanged.connect(self._on_category)
        self.lbl_agencies = QLabel(objectName="agencies")
        self.lbl_agencies.setWordWrap(True)
        self.priority = QComboBox(objectName="priority")
        for p in (1, 2, 3, 4):
            self.priority.addItem(label(PRIORITIES, p), p)
        self.priority.activated.connect(lambda _i: setattr(self, "_priority_touched", True))
        self.kecamatan = QComboBox(objectName="kecamatan")
        self.kecamatan.addItem(self.tr("— choose —"), "")
        for k in kecamatan:
            self.kecamatan.addItem(k.name, k.code)
        self.kecamatan.currentIndexChanged.connect(self._on_kecamatan)
        self.kelurahan_box = QComboBox(objectName="kelurahan")
        self.address = QLineEdit(objectName="address", maxLength=256)
        self.landmark = QLineEdit(objectName="landmark", maxLength=256)
        self.latitude = QLineEdit(objectName="latitude", placeholderText="-6.12")
        self.longitude = QLineEdit(objectName="longitude", placeholderText="106.15")
        self.btn_pick = QPushButton(self.tr("Pick on map"), objectName="pick_on_map")
        self.btn_pick.setToolTip(self.tr("Click the map to set the coordinates (Ctrl+M)"))
        self.btn_pick.setShortcut("Ctrl+M")
        self.btn_pick.clicked.connect(self.sig_pick_on_map)
        coords = QHBoxLayout()
        coords.addWidget(self.latitude)
        coords.addWidget(self.longitude)
        coords.addWidget(self.btn_pick)
        self.caller_name = QLineEdit(objectName="caller_name", maxLength=128)
        self.description = QPlainTextEdit(objectName="description")
        self.description.setFixedHeight(60)
        self.description.setTabChangesFocus(True)
        self.sensitive = QCheckBox(
            self.tr("Sensitive (personal data of victims or children)"), objectName="sensitive"
        )

        def row(name: str, text: str, widget: QWidget | QHBoxLayout) -> None:
            err = QLabel(objectName=f"error_{name}")
            set_tone(err, "error")
            err.setWordWrap(True)
            err.hide()
            self.error_labels[name] = err
            box = QVBoxLayout()
            box.setSpacing(1)
            if isinstance(widget, QHBoxLayout):
                box.addLayout(widget)
            else:
                box.addWidget(widget)
            box.addWidget(err)
            form.addRow(text, box)

        row("category_code", self.tr("Category"), self.category)
        form.addRow("", self.lbl_agencies)
        row("priority", self.tr("Priority"), self.priority)
        row("kecamatan_code", self.tr("Kecamatan"), self.kecamatan)
        row("kelurahan_code", self.tr("Kelurahan"), self.kelurahan_box)
        row("address", self.tr("Address"), self.address)
        row("landmark", self.tr("Landmark"), self.landmark)
        row("latitude", self.tr("Lat / lon"), coords)
        row("caller_name", self.tr("Caller name"), self.caller_name)
        row("description", self.tr("Description"), self.description)
        form.addRow("", self.sensitive)

        self.dup_box = QGroupBox(self.tr("Possible duplicates (same place, last 30 minutes)"))
        self.dup_box.setObjectName("duplicates")
        self.dup_list = QListWidget(objectName="duplicate_list")
        self.dup_list.setMaximumHeight(90)
        self.btn_link = QPushButton(
            self.tr("Link call to this incident (Ctrl+L)"), objectName="link_duplicate"
        )
        self.btn_link.setShortcut("Ctrl+L")
        self.btn_link.clicked.connect(self._on_link)
        dup_layout = QVBoxLayout(self.dup_box)
        dup_layout.addWidget(self.dup_list)
        dup_layout.addWidget(self.btn_link)
        self.dup_box.hide()

        self.btn_save = QPushButton(
            self.tr("Save incident (Ctrl+Enter)"), objectName="save_incident"
        )
        self.btn_save.setShortcut("Ctrl+Return")
        self.btn_save.setStyleSheet("font-weight: bold;")
        self.btn_save.clicked.connect(self.sig_save_requested)
        self.lbl_form_error = QLabel(objectName="form_error")
        set_tone(self.lbl_form_error, "error", bold=True)
        self.lbl_form_error.setWordWrap(True)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addWidget(self.dup_box)
        outer.addWidget(self.lbl_form_error)
        outer.addWidget(self.btn_save)

        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.sig_changed)
        for w in (self.category, self.kecamatan, self.kelurahan_box):
            w.currentIndexChanged.connect(self._debounce.start)
        for e in (self.latitude, self.longitude):
            e.textChanged.connect(self._debounce.start)
        self._on_kecamatan()

    # -- behaviour ------------------------------------------------------------------------
    def _on_category(self) -> None:
        cat = self.categories.get(self.category.currentData() or "")
        if cat is None:
            self.lbl_agencies.clear()
            return
        if not self._priority_touched:
            self.priority.setCurrentIndex(self.priority.findData(cat.default_priority))
        names = [self.agencies.get(a, a) for a in cat.agencies]
        self.lbl_agencies.setText(
            self.tr("Agencies: {names}").format(names=", ".join(names) or "—")
        )
        self.sensitive.setChecked(cat.sensitive or self.sensitive.isChecked())
        self.sensitive.setEnabled(not cat.sensitive)

    def _on_kecamatan(self) -> None:
        code = self.kecamatan.currentData() or ""
        current = self.kelurahan_box.currentData()
        self.kelurahan_box.blockSignals(True)
        self.kelurahan_box.clear()
        self.kelurahan_box.addItem(self.tr("— choose —"), "")
        for k in self.kelurahan:
            if not code or k.parent_code == code:
                self.kelurahan_box.addItem(k.name, k.code)
        idx = self.kelurahan_box.findData(current)
        self.kelurahan_box.setCurrentIndex(max(idx, 0))
        self.kelurahan_box.blockSignals(False)

    def set_location(self, lat: float, lon: float) -> str | None:
        """Fill coordinates and the places they fall in; an error text if outside the city."""
        try:
            place = self.gazetteer.check(lat, lon)
        except ValidationError as exc:
            self.show_errors(FormErrors([exc]))
            return error_text(exc)
        self.latitude.setText(f"{lat:.6f}")
        self.longitude.setText(f"{lon:.6f}")
        self.kecamatan.setCurrentIndex(self.kecamatan.findData(place.kecamatan_code))
        self.kelurahan_box.setCurrentIndex(self.kelurahan_box.findData(place.kelurahan_code))
        self.clear_errors()
        return None

    def form_input(self) -> IncidentInput:
        """The form's content; raises FormErrors for coordinates that are not numbers."""
        errors = []
        coords: list[float | None] = []
        for edit in (self.latitude, self.longitude):
            text = edit.text().strip().replace(",", ".")
            if not text:
                coords.append(None)
                continue
            try:
                coords.append(float(text))
            except ValueError:
                coords.append(None)
                errors.append(ValidationError("Coordinates out of range", field="latitude"))
        if errors:
            raise FormErrors(errors)
        return IncidentInput(
            category_code=self.category.currentData() or "",
            priority=int(self.priority.currentData()),
            kecamatan_code=self.kecamatan.currentData() or None,
            kelurahan_code=self.kelurahan_box.currentData() or None,
            address=self.address.text(),
            landmark=self.landmark.text(),
            latitude=coords[0],
            longitude=coords[1],
            caller_name=self.caller_name.text(),
            description=self.description.toPlainText(),
            sensitive=self.sensitive.isChecked(),
        )

    def show_errors(self, exc: FormErrors) -> None:
        self.clear_errors()
        messages = []
        for e in exc.errors:
            text = error_text(e)
            lbl = self.error_labels.get(e.field or "")
            if lbl is not None:
                lbl.setText(text)
                lbl.show()
            else:
                messages.append(text)
        self.lbl_form_error.setText("\n".join(messages) or self.tr("Check the highlighted fields."))
        first = next((e.field for e in exc.errors if e.field in FIELD_ORDER), None)
        widget = {
            "category_code": self.category,
            "priority": self.priority,
            "kecamatan_code": self.kecamatan,
            "kelurahan_code": self.kelurahan_box,
            "address": self.address,
            "landmark": self.landmark,
            "latitude": self.latitude,
            "caller_name": self.caller_name,
            "description": self.description,
        }.get(first or "")
        if widget is not None:
            widget.setFocus()

    def clear_errors(self) -> None:
        for lbl in self.error_labels.values():
            lbl.hide()
            lbl.clear()
        self.lbl_form_error.clear()

    def set_duplicates(self, rows: list[IncidentRow], category_label: str = "") -> None:
        self.dup_list.clear()
        for r in rows:
            place = " / ".join(x for x in (r.kecamatan, r.kelurahan) if x)
            text = f"{r.number} · {label(STATUSES, r.status)} · {place} · {r.address or ''}"
            item = QListWidgetItem(text)
            item.setData(256, r.id)
            self.dup_list.addItem(item)
        self.dup_box.setVisible(bool(rows))
        if rows:
            self.dup_list.setCurrentRow(0)

    def _on_link(self) -> None:
        item = self.dup_list.currentItem()
        if item is not None:
            self.sig_link_requested.emit(int(item.data(256)))

    def reset(self) -> None:
        self._priority_touched = False
        for w in (self.category, self.kecamatan):
            w.setCurrentIndex(0)
        for e in (self.address, self.landmark, self.latitude, self.longitude, self.caller_name):
            e.clear()
        self.description.clear()
        self.sensitive.setChecked(False)
        self.sensitive.setEnabled(True)
        self.set_duplicates([])
        self.clear_errors()
