"""Colours of the dashboard: outcomes, target states, and the palette of the charts."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# Outcomes: real emergencies in greens, nuisance in reds/greys, so the flood is visible.
OUTCOME_COLOURS = {
    "valid": "#2e7d32",
    "duplicate": "#81c784",
    "info": "#1976d2",
    "wrong_number": "#8d6e63",
    "test": "#b0bec5",
    "silent": "#757575",
    "dropped": "#f57c00",
    "prank": "#c62828",
}
OUTCOME_ORDER = ("valid", "duplicate", "info", "wrong_number", "test", "silent", "dropped", "prank")
STATUS_COLOURS = {  # KPI tiles: target met, near, missed, no target
    "good": "#2e7d32",
    "warn": "#f9a825",
    "bad": "#c62828",
    "none": "#607d8b",
}
SERIES_A = "#1976d2"  # the chosen period
SERIES_B = "#ef6c00"  # the period it is compared with
BAR = "#5c6bc0"
TARGET = "#c62828"
MARKER = "#6a1b9a"


class ChartPalette:
    """Background, text and grid colours taken from the application palette."""

    def __init__(self, palette: QPalette) -> None:
        self.background = palette.color(QPalette.ColorRole.Base)
        self.foreground = palette.color(QPalette.ColorRole.Text)
        self.dark = self.background.lightness() < 128
        grid = QColor(self.foreground)
        grid.setAlpha(40)
        self.grid = grid
