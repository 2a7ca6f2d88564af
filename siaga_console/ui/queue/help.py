"""F1: every keyboard shortcut of the console, in one overlay."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

SHORTCUTS = (
    ("F1", QT_TRANSLATE_NOOP("Shortcuts", "This help")),
    ("F2", QT_TRANSLATE_NOOP("Shortcuts", "New call: capture the ring time, type the number")),
    ("F3", QT_TRANSLATE_NOOP("Shortcuts", "Emergency: open the incident form")),
    ("F4", QT_TRANSLATE_NOOP("Shortcuts", "Go to the queue")),
    ("F5", QT_TRANSLATE_NOOP("Shortcuts", "Log the call as prank")),
    ("F6", QT_TRANSLATE_NOOP("Shortcuts", "Log the call as silent")),
    ("F7", QT_TRANSLATE_NOOP("Shortcuts", "Log the call as dropped")),
    ("F8", QT_TRANSLATE_NOOP("Shortcuts", "Log the call as wrong number")),
    ("F9", QT_TRANSLATE_NOOP("Shortcuts", "Log the call as information")),
    ("F10", QT_TRANSLATE_NOOP("Shortcuts", "Log the call as test")),
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("Shortcuts", "Save the incident form")),
    ("Ctrl+L", QT_TRANSLATE_NOOP("Shortcuts", "Link the call to the proposed duplicate")),
    ("Ctrl+M", QT_TRANSLATE_NOOP("Shortcuts", "Pick the location on the map")),
    ("Esc", QT_TRANSLATE_NOOP("Shortcuts", "Close the incident form (the call stays open)")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search the queue")),
    (
        "Alt+1 … Alt+5",
        QT_TRANSLATE_NOOP("Shortcuts", "Saved views: active, waiting, sensitive, today, all"),
    ),
    ("↑ ↓", QT_TRANSLATE_NOOP("Shortcuts", "Move in the queue; the detail follows")),
    ("Ctrl+D", QT_TRANSLATE_NOOP("Shortcuts", "Dispatch units to the selected incident")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "Add a note to the selected incident")),
    (
        "Ctrl+1 … Ctrl+5",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "Unit board: en route, on scene, returning, available, out of service"
        ),
    ),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
)


class HelpOverlay(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_overlay")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 600)
        table = QTableWidget(len(SHORTCUTS), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action")])
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 140)
        for row, (key, text) in enumerate(SHORTCUTS):
            table.setItem(row, 0, QTableWidgetItem(key))
            table.setItem(row, 1, QTableWidgetItem(QCoreApplication.translate("Shortcuts", text)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
