"""The queue panel: saved views, filters, the table, the priority-1 alert."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.timeutil import day_span, to_wib
from ...resources import resource
from ...services.views import CategoryView, PlaceView
from ..labels import PRIORITIES, STATUSES, label
from .model import COL, OPEN_VALUES, QueueFilter, QueueModel

SAVED_VIEWS = ("active", "waiting", "sensitive", "today", "all")


class QueuePanel(QWidget):
    sig_selected = Signal(int)  # incident id
    sig_activated = Signal(int)
    sig_alert = Signal(list)  # IncidentRow list of P1 waiting too long

    def __init__(
        self,
        model: QueueModel,
        categories: list[CategoryView],
        kecamatan: list[PlaceView],
        language: str = "id",
    ) -> None:
        super().__init__()
        self.setObjectName("queue_panel")
        self.model = model
        self.view_name = "active"

        self.views = QComboBox(objectName="saved_view")
        for name, text in (
            ("active", self.tr("Active")),
            ("waiting", self.tr("Waiting for dispatch")),
            ("sensitive", self.tr("Sensitive")),
            ("today", self.tr("Today")),
            ("all", self.tr("All (last 7 days)")),
        ):
            self.views.addItem(text, name)
        self.status = QComboBox(objectName="filter_status")
        self.status.addItem(self.tr("Any status"), "")
        for code in STATUSES:
            self.status.addItem(label(STATUSES, code), code)
        self.priority = QComboBox(objectName="filter_priority")
        self.priority.addItem(self.tr("Any priority"), 0)
        for p in (1, 2, 3, 4):
            self.priority.addItem(label(PRIORITIES, p), p)
        self.category = QComboBox(objectName="filter_category")
        self.category.addItem(self.tr("Any category"), "")
        for c in categories:
            self.category.addItem(c.label_id if language == "id" else c.label_en, c.code)
        self.kecamatan = QComboBox(objectName="filter_kecamatan")
        self.kecamatan.addItem(self.tr("Any kecamatan"), "")
        for k in kecamatan:
            self.kecamatan.addItem(k.name, k.name)
        self.search = QLineEdit(objectName="filter_text")
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F): number, address, unit…"))
        self.search.setClearButtonEnabled(True)
        act_find = QAction(self)
        act_find.setShortcut(QKeySequence("Ctrl+F"))
        act_find.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act_find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(act_find)
        act_queue = QAction(self)
        act_queue.setShortcut(QKeySequence("F4"))
        act_queue.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act_queue.triggered.connect(lambda: self.table.setFocus())
        self.addAction(act_queue)
        for i, key in enumerate(("Alt+1", "Alt+2", "Alt+3", "Alt+4", "Alt+5")):
            act = QAction(self)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(lambda _c=False, i=i: self.views.setCurrentIndex(i))
            self.addAction(act)
        self.views.setToolTip(self.tr("Saved views (Alt+1 … Alt+5)"))

        self.banner = QLabel(objectName="alert_banner")
        self.banner.setStyleSheet(
            "background: #c62828; color: white; font-weight: bold; padding: 6px;"
        )
        self.banner.hide()
        self.count = QLabel(objectName="queue_count")

        self.table = QTableView(objectName="queue_table")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL["age"], Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = {
            "number": 150,
            "age": 70,
            "priority": 40,
            "status": 105,
            "category": 170,
            "place": 190,
            "address": 220,
            "units": 130,
            "operator": 90,
        }
        for name, w in widths.items():
            self.table.setColumnWidth(COL[name], w)
        header.setSectionResizeMode(COL["address"], QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.doubleClicked.connect(lambda idx: self.sig_activated.emit(self._id_at(idx)))
        self.model.modelReset.connect(self._restore_selection)

        first = QHBoxLayout()
        first.addWidget(self.views)
        first.addWidget(self.search, 1)
        first.addWidget(self.count)
        second = QHBoxLayout()
        for w in (self.status, self.priority, self.category, self.kecamatan):
            second.addWidget(w, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.banner)
        layout.addWidget(self.table)

        for w in (self.views, self.status, self.priority, self.category, self.kecamatan):
            w.currentIndexChanged.connect(self.apply_filter)
        self._text_timer = QTimer(self, singleShot=True, interval=150)
        self._text_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._text_timer.start)
        self._selected_id: int | None = None

        self.ticker = QTimer(self, interval=1000)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        self._alerted: set[int] = set()
        self.sound = self._make_sound()
        self.apply_filter()

    def _make_sound(self) -> object | None:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # pragma: no cover - the metapackage ships QtMultimedia
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(resource("sounds", "alert.wav"))))
        effect.setVolume(0.8)
        return effect

    # -- filtering ------------------------------------------------------------------------
    def current_filter(self) -> QueueFilter:
        view = self.views.currentData()
        statuses: frozenset[str] | None = None
        since = None
        sensitive_only = False
        if view == "active":
            statuses = OPEN_VALUES
        elif view == "waiting":
            statuses = frozenset({"new", "verified"})
        elif view == "sensitive":
            sensitive_only = True
        elif view == "today":
            since = day_span(to_wib(self.model.clock()).date())[0]
        if self.status.currentData():
            statuses = frozenset({self.status.currentData()})
        prio = self.priority.currentData()
        return QueueFilter(
            statuses=statuses,
            priorities=frozenset({prio}) if prio else None,
            category=self.category.currentData() or None,
            kecamatan=self.kecamatan.currentData() or None,
            sensitive_only=sensitive_only,
            since=since,
            text=self.search.text().strip(),
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("{shown} of {total}").format(
                shown=self.model.rowCount(), total=len(self.model.all_rows())
            )
        )

    # -- selection ------------------------------------------------------------------------
    def _id_at(self, idx: QModelIndex) -> int:
        return int(self.model.data(idx, Qt.ItemDataRole.UserRole))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._selected_id = self._id_at(current)
            self.sig_selected.emit(self._selected_id)

    def select_incident(self, incident_id: int) -> bool:
        """Select (and scroll to) an incident; widens the view if it is filtered out."""
        pos = self.model.position_of(incident_id)
        if pos is None and self.model.get(incident_id) is not None:
            self.views.setCurrentIndex(SAVED_VIEWS.index("all"))
            for w in (self.status, self.priority, self.category, self.kecamatan):
                w.setCurrentIndex(0)
            self.search.clear()
            self.apply_filter()
            pos = self.model.position_of(incident_id)
        if pos is None:
            return False
        idx = self.model.index(pos, 0)
        self.table.selectionModel().setCurrentIndex(
            idx,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(idx)
        return True

    def _restore_selection(self) -> None:
        if self._selected_id is None:
            return
        pos = self.model.position_of(self._selected_id)
        if pos is not None:
            idx = self.model.index(pos, 0)
            self.table.selectionModel().setCurrentIndex(
                idx,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    # -- live -----------------------------------------------------------------------------
    def _tick(self) -> None:
        self.model.tick()
        waiting = self.model.waiting_too_long()
        if waiting:
            numbers = ", ".join(r.number for r in waiting[:4])
            longest = max((self.model.clock() - r.first_received_at) for r in waiting)
            self.banner.setText(
                self.tr(
                    "⚠ {count} priority-1 incident(s) waiting for dispatch: {numbers} "
                    "(longest {minutes} min)"
                ).format(
                    count=len(waiting), numbers=numbers, minutes=int(longest / timedelta(minutes=1))
                )
            )
            self.banner.show()
            new = {r.id for r in waiting} - self._alerted
            if new:
                self._alerted |= new
                if self.sound is not None:
                    self.sound.play()  # type: ignore[attr-defined]
                self.sig_alert.emit(waiting)
        else:
            self.banner.hide()
        self._alerted &= {r.id for r in waiting}
        self._update_count()
