"""KPI tiles: a measure in large type, its target, and a colour saying how it stands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from .style import STATUS_COLOURS


class FitLabel(QLabel):
    """A one-line label in large type that takes a smaller size rather than being cut off
    when the tile is narrow (a docked dashboard: "15 mnt 23 dtk")."""

    SMALLEST = 0.5  # of the full size

    def __init__(self, text: str, scale: float, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        font = self.font()
        self.full_size = font.pointSizeF() * scale
        font.setPointSizeF(self.full_size)
        font.setBold(True)
        self.setFont(font)
        # The width is the tile's to give: the text follows it, not the other way round.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(0)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        font = self.font()
        size = self.full_size
        font.setPointSizeF(size)
        while size > self.full_size * self.SMALLEST and (
            QFontMetricsF(font).horizontalAdvance(self.text()) > width
        ):
            size *= 0.92
            font.setPointSizeF(size)
        if abs(font.pointSizeF() - self.font().pointSizeF()) > 0.01:
            self.setFont(font)


class KpiTile(QFrame):
    """One tile. ``status`` is good / warn / bad / none (no target)."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.status = "none"
        self.setObjectName(f"kpi_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(150)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 8, 6)
        lay.setSpacing(1)
        self.lbl_title = QLabel(title)
        self.lbl_title.setWordWrap(True)
        self.lbl_value = FitLabel("—", 1.9)
        self.lbl_value.setObjectName("kpi_value")
        self.lbl_detail = QLabel("")
        self.lbl_detail.setWordWrap(True)
        small = self.lbl_detail.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.lbl_detail.setFont(small)
        for w in (self.lbl_title, self.lbl_value, self.lbl_detail):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(w)
        self.set_status("none")

    def set_value(self, value: str, detail: str = "", status: str = "none", tip: str = "") -> None:
        self.lbl_value.setText(value)
        self.lbl_detail.setText(detail)
        self.lbl_detail.setVisible(bool(detail))
        self.setToolTip(tip)
        self.set_status(status)

    def set_status(self, status: str) -> None:
        if status == self.status and self.styleSheet():
            return  # a style sheet costs a re-polish: only when the colour changes
        self.status = status
        colour = STATUS_COLOURS.get(status, STATUS_COLOURS["none"])
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ border: 1px solid {colour}; "
            f"border-left: 6px solid {colour}; border-radius: 4px; }}"
            f"QLabel#kpi_value {{ color: {colour if status != 'none' else 'palette(text)'}; }}"
        )


class TileGrid(QWidget):
    """Lays the tiles out in as many columns as fit the width."""

    def __init__(self, tiles: list[KpiTile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = tiles
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self._columns = 0
        self._relayout(5)

    def _relayout(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for t in self.tiles:
            self.grid.removeWidget(t)
        for i, t in enumerate(self.tiles):
            self.grid.addWidget(t, i // columns, i % columns)
        for c in range(8):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit = max(2, min(len(self.tiles), event.size().width() // 175))
        rows = -(-len(self.tiles) // fit)
        self._relayout(-(-len(self.tiles) // rows))  # as few rows as fit, evenly filled
