"""Light and dark themes (night shifts run in dim rooms). Fusion style + palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

THEMES = ("light", "dark")

# Priority colours, readable on both themes (1 = life at risk).
PRIORITY_COLOURS = {1: "#d32f2f", 2: "#f57c00", 3: "#1976d2", 4: "#607d8b"}

# Text that says how something went, per theme (light, dark): the light theme's dark red
# is hard to read on the dark theme's grey, and the other way round.
TONE_PROPERTY = "siaga_tone"
TONES = {
    "error": ("#c62828", "#ef5350"),
    "ok": ("#2e7d32", "#66bb6a"),
    "warn": ("#bf360c", "#ffb74d"),
    "muted": ("#455a64", "#90a4ae"),
}


def current_theme() -> str:
    app = QApplication.instance()
    name = app.property("siaga_theme") if app is not None else None
    return name if name in THEMES else "light"


def tone(name: str) -> str:
    """The colour of a tone ("error", "ok", "muted") in the theme in use."""
    light, dark = TONES[name]
    return dark if current_theme() == "dark" else light


def tone_css(name: str, bold: bool = False) -> str:
    return f"color: {tone(name)};" + (" font-weight: bold;" if bold else "")


def set_tone(widget: QWidget, name: str | None, bold: bool = False) -> None:
    """Colour a label's text by tone (``None``: the palette's own); a theme switch
    re-colours it (``apply_theme``)."""
    widget.setProperty(TONE_PROPERTY, f"{name}:{int(bold)}" if name else None)
    widget.setStyleSheet(tone_css(name, bold) if name else "")


def _retone(app: QApplication) -> None:
    for widget in app.allWidgets():
        value = widget.property(TONE_PROPERTY)
        if value:
            name, bold = str(value).split(":")
            widget.setStyleSheet(tone_css(name, bold == "1"))


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
    _retone(app)
