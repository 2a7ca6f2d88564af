"""Dispatch: recommended units (category agencies first, nearest first), one action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.views import UnitRow, UnitSuggestion
from ..labels import UNIT_STATUSES, label


class DispatchDialog(QDialog):
    def __init__(
        self,
        number: str,
        suggestions: list[UnitSuggestion],
        all_units: list[UnitRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dispatch_dialog")
        self.setWindowTitle(self.tr("Dispatch units to {number}").format(number=number))
        self.resize(620, 420)
        self.tree = QTreeWidget(objectName="unit_choices")
        self.tree.setHeaderLabels(
            [
                self.tr("Unit"),
                self.tr("Agency"),
                self.tr("Type"),
                self.tr("Distance"),
                self.tr("Status"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 130)
        suggested = {s.unit.id for s in suggestions}
        for s in suggestions:
            self._add(s.unit, s.distance_m, recommended=s.matches_category)
        for u in all_units:
            if u.id not in suggested:
                self._add(u, None, recommended=False)
        first = self.tree.topLevelItem(0)
        if first is not None:
            if first.data(0, Qt.ItemDataRole.UserRole + 1):
                first.setCheckState(0, Qt.CheckState.Checked)
            self.tree.setCurrentItem(first)
        hint = QLabel(
            self.tr(
                "Space ticks a unit; Enter dispatches the ticked units. "
                "Recommended units (agencies of the category, nearest first) are bold."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Dispatch"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.tree.itemActivated.connect(lambda item, _c: self._toggle(item))

    def _add(self, u: UnitRow, distance: float | None, recommended: bool) -> None:
        dist = f"{distance / 1000:.1f} km" if distance is not None else "—"
        item = QTreeWidgetItem(
            [u.call_sign, u.agency, u.unit_type, dist, label(UNIT_STATUSES, u.status)]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, u.id)
        item.setData(0, Qt.ItemDataRole.UserRole + 1, recommended)
        available = u.status == "available"
        flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
        if available:
            flags |= Qt.ItemFlag.ItemIsEnabled
        item.setFlags(flags)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        if recommended:
            font = item.font(0)
            font.setBold(True)
            for c in range(5):
                item.setFont(c, font)
        self.tree.addTopLevelItem(item)

    def _toggle(self, item: QTreeWidgetItem) -> None:
        checked = item.checkState(0) == Qt.CheckState.Checked
        item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def keyPressEvent(self, event: object) -> None:  # type: ignore[override]
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Space:
            item = self.tree.currentItem()
            if item is not None:
                self._toggle(item)
                return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def chosen(self) -> list[int]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                out.append(int(item.data(0, Qt.ItemDataRole.UserRole)))
        return out
