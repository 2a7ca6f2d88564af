"""Light and dark themes (night shifts run in dim rooms). Fusion style + palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("light", "dark")

# Priority colours, readable on both themes (1 = life at risk).
PRIORITY_COLOURS = {1: "#d32f2f", 2: "#f57c00", 3: "#1976d2", 4: "#607d8b"}


def apply_theme(app: QApplication, name: str) -> None:
    app.setStyle("Fusion")
    if name == "dark":
        p = QPalette()
        base, alt, text = QColor(30, 32, 36), QColor(42, 45, 50), QColor(225, 225, 225)
        p.setColor(QPalette.ColorRole.Window, QColor(37, 39, 43))
        p.setColor(QPalette.ColorRole.WindowText, text)
        p.setColor(QPalette.ColorRole.Base, base)
        p.setColor(QPalette.ColorRole.AlternateBase, alt)
        p.setColor(QPalette.ColorRole.ToolTipBase, alt)
        p.setColor(QPalette.ColorRole.ToolTipText, text)
        p.setColor(QPalette.ColorRole.Text, text)
        p.setColor(QPalette.ColorRole.Button, alt)
        p.setColor(QPalette.ColorRole.ButtonText, text)
        p.setColor(QPalette.ColorRole.BrightText, QColor(255, 80, 80))
        p.setColor(QPalette.ColorRole.Highlight, QColor(52, 110, 190))
        p.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
        p.setColor(QPalette.ColorRole.PlaceholderText, QColor(140, 140, 140))
        p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(120, 120, 120))
        p.setColor(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(120, 120, 120)
        )
        app.setPalette(p)
    else:
        app.setPalette(app.style().standardPalette())
    app.setProperty("siaga_theme", name)
