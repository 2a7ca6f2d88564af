"""pyqtgraph charts of the dashboard. They only draw what they are given; hovering shows the
values under the mouse (a label inside the plot, also kept in ``hover_label`` for tests).

The graphics items are made once and updated in place (``setOpts``/``setData``): adding and
removing pyqtgraph items costs milliseconds each, and a refresh must stay well under a frame.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from .style import SERIES_A, SERIES_B, ChartPalette

Series = tuple[str, str, Sequence[float | None]]  # name, colour, values


def set_bars(
    bar: pg.BarGraphItem, x0: object, width: object, y0: object, height: object, **colours: object
) -> None:
    """Every coordinate given (x0 and y0 win over x and y in pyqtgraph, and options stick);
    the colours only when they change (re-making brushes is the slow part)."""
    key = repr(colours)
    if getattr(bar, "_colours", None) == key:
        colours = {}
    else:
        bar._colours = key
    bar.setOpts(
        x=None, x1=None, y=None, y1=None, x0=x0, width=width, y0=y0, height=height, **colours
    )


def hide_bars(bar: pg.BarGraphItem) -> None:
    set_bars(bar, np.zeros(0), 1.0, np.zeros(0), 1.0)


class Chart(pg.PlotWidget):  # type: ignore[misc]
    """A plot with no mouse zoom, a title, a 'no data' note and a hover label."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setObjectName("dashboard_chart")
        pi = self.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        pi.showGrid(x=False, y=True, alpha=0.25)
        for name in ("left", "bottom"):
            pi.getAxis(name).setStyle(maxTickLevel=0)  # major ticks (and grid lines) only
        self.setMinimumHeight(170)
        self._title = title
        self._fg = QColor("black")
        self._legend_key: tuple[tuple[int, str], ...] = ()
        self._empty = pg.TextItem(anchor=(0.5, 0.5))
        self._empty.hide()
        pi.vb.addItem(self._empty, ignoreBounds=True)
        self._hover = pg.TextItem(anchor=(0, 1), border=pg.mkPen("#888"), fill=(255, 255, 240, 235))
        self._hover.setColor("#000")
        self._hover.setZValue(1000)
        self._hover.hide()
        self.hover_label = ""
        pi.vb.addItem(self._hover, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.apply_palette(self.palette())

    def bars(self, count: int) -> list[pg.BarGraphItem]:
        out = []
        for _ in range(count):
            bar = pg.BarGraphItem(pen=None, x0=np.zeros(0), width=1.0, y0=np.zeros(0), height=1.0)
            self.getPlotItem().addItem(bar)
            out.append(bar)
        return out

    # -- look -----------------------------------------------------------------------------
    def apply_palette(self, palette: QPalette) -> None:
        colours = ChartPalette(palette)
        self.setBackground(colours.background)
        fg = colours.foreground
        self._fg = fg
        pi = self.getPlotItem()
        for name in ("left", "bottom"):
            ax = pi.getAxis(name)
            ax.setPen(pg.mkPen(fg))
            ax.setTextPen(pg.mkPen(fg))
        pi.setTitle(self._title, color=fg.name(), size="10pt")
        if pi.legend is not None:
            pi.legend.setLabelTextColor(fg)
        _set_text(self._empty, self._empty.toPlainText(), fg)

    def set_title(self, title: str) -> None:
        if title != self._title:
            self._title = title
            self.getPlotItem().setTitle(title, color=self._fg.name(), size="10pt")

    def set_range(self, x0: float, x1: float, y0: float, y1: float) -> None:
        """Set the visible range (only when it changes: each call re-lays the axes)."""
        if getattr(self, "_range", None) != (x0, x1, y0, y1):
            self._range = (x0, x1, y0, y1)
            self.getPlotItem().vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def set_legend(self, entries: Sequence[tuple[pg.GraphicsObject, str]]) -> None:
        """Rebuild the legend only when its entries change (it is slow to rebuild)."""
        legend = self.getPlotItem().legend
        key = tuple((id(item), name) for item, name in entries)
        if legend is None or key == self._legend_key:
            return
        self._legend_key = key
        legend.clear()
        for item, name in entries:
            legend.addItem(item, name)

    def show_empty(self, text: str | None, x: float = 0.5, y: float = 0.5) -> None:
        if text:
            _set_text(self._empty, text, self._fg)
            self._empty.setPos(x, y)
        self._empty.setVisible(bool(text))

    # -- hover ----------------------------------------------------------------------------
    def hover_text(self, x: float, y: float) -> str | None:  # overridden
        return None

    def hover_at(self, x: float, y: float) -> str:
        """Show the values at view coordinates (x, y); returns the text ('' for none)."""
        text = self.hover_text(x, y) or ""
        self.hover_label = text
        if not text:
            self._hover.hide()
            return ""
        (x0, x1), (y0, y1) = self.getPlotItem().vb.viewRange()
        self._hover.setAnchor((1 if x > (x0 + x1) / 2 else 0, 0 if y > (y0 + y1) / 2 else 1))
        self._hover.setText(text)
        self._hover.setPos(QPointF(x, y))
        self._hover.show()
        return text

    def _on_mouse_moved(self, pos: QPointF) -> None:
        vb = self.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(pos):
            self._hover.hide()
            self.hover_label = ""
            return
        p = vb.mapSceneToView(pos)
        self.hover_at(p.x(), p.y())

    def leaveEvent(self, event: object) -> None:
        self._hover.hide()
        super().leaveEvent(event)

    # -- export ---------------------------------------------------------------------------
    def render_image(self, width: int, height: int, scale: float = 2.0) -> QImage:
        """The chart drawn at ``width`` x ``height`` logical pixels into an image."""
        if not self.isVisible():  # a never-shown pyqtgraph view keeps a 640x480 scene
            self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            self.show()
        self.resize(QSize(width, height))
        app = QApplication.instance()
        if app is not None:
            app.processEvents()
        img = QImage(int(width * scale), int(height * scale), QImage.Format.Format_RGB32)
        img.fill(self.backgroundBrush().color())
        painter = QPainter(img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        # The scene, not the widget: QWidget.render of the view applied the scale twice.
        self.scene().prepareForPaint()
        self.scene().render(
            painter, QRectF(0, 0, img.width(), img.height()), QRectF(0, 0, width, height)
        )
        painter.end()
        return img


class ValueLabels(pg.GraphicsObject):  # type: ignore[misc]
    """The values written next to bars: one item drawing every label, at a point in data
    coordinates plus a few pixels, in the view's pixel size whatever the zoom.

    One pyqtgraph TextItem per bar re-laid its text document and its transform on every
    change of the view, which made a bar chart's update and paint twice as long."""

    GAP_PX = 4.0

    def __init__(self) -> None:
        super().__init__()
        self._items: list[tuple[float, float, str]] = []
        self._colour = QColor("black")

    @property
    def texts(self) -> list[str]:
        return [text for _, _, text in self._items]

    def set_labels(self, items: Sequence[tuple[float, float, str]], colour: QColor) -> None:
        """Each label as (x, y, text): drawn left-aligned, vertically centred on (x, y)."""
        if list(items) == self._items and colour == self._colour:
            return
        if bool(items) != bool(self._items):
            self.prepareGeometryChange()  # the bounding rectangle comes or goes
        self._items = list(items)
        self._colour = QColor(colour)
        self.update()

    def set_colour(self, colour: QColor) -> None:
        self.set_labels(self._items, colour)

    def boundingRect(self) -> QRectF:
        vb = self.getViewBox()
        return QRectF(vb.viewRect()) if vb is not None and self._items else QRectF()

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()  # the bounding rectangle is the view's
        super().viewRangeChanged()

    def paint(self, painter: QPainter, *args: object) -> None:
        # data -> the scene, whose units are the view's pixels (a PlotWidget's view does not
        # scale): labels keep their pixel size at any zoom, as pyqtgraph's TextItem does.
        to_view = self.sceneTransform()
        if not self._items:
            return
        back, ok = to_view.inverted()
        if not ok:
            return
        painter.save()
        # Draw in the view's pixels; the painter's own scale (an export image) still applies.
        painter.setTransform(back * painter.transform())
        painter.setPen(self._colour)
        metrics = painter.fontMetrics()
        half = (metrics.ascent() - metrics.descent()) / 2
        for x, y, text in self._items:
            at = to_view.map(QPointF(x, y))
            painter.drawText(QPointF(at.x() + self.GAP_PX, at.y() + half), text)
        painter.restore()


def _set_text(item: pg.TextItem, text: str, colour: QColor) -> None:
    """TextItem re-renders its HTML on every setText/setColor: only when something changed."""
    if getattr(item, "_shown", None) != (text, colour.name()):
        item._shown = (text, colour.name())
        item.setColor(colour)
        item.setText(text)


def count_axis(axis: pg.AxisItem, top: float) -> None:
    """Whole-number ticks on an axis of counts (1, 2, 5, 10, 20, ... apart)."""
    want = max(top, 1) / 8
    step, power = 1, 1
    while step < want:
        for mantissa in (1, 2, 5):
            step = mantissa * power
            if step >= want:
                break
        power *= 10
    if getattr(axis, "_step", None) != step:
        axis._step = step
        axis.setTickSpacing(major=step, minor=step)


def index_ticks(labels: Sequence[str], most: int = 12) -> list[list[tuple[float, str]]]:
    step = max(1, int(np.ceil(len(labels) / most)))
    return [[(float(i), t) for i, t in enumerate(labels) if i % step == 0]]


def _values(values: Sequence[float | None], n: int) -> np.ndarray:
    out = np.zeros(n)
    for i, v in enumerate(values[:n]):
        out[i] = v or 0
    return out


class StackedBars(Chart):
    """Calls per slot, one stacked bar per slot, one colour per outcome."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.getPlotItem().addLegend(
            offset=(4, 4), colCount=4, labelTextSize="8pt", labelTextColor=self._fg
        )
        (self._bar,) = self.bars(1)  # every segment in one item: one picture to paint
        self._samples: dict[str, pg.BarGraphItem] = {}  # legend entries only, empty
        self._labels: list[str] = []
        self._series: list[Series] = []
        self.total_label = "Total"

    def set_data(self, labels: Sequence[str], series: Sequence[Series], empty: str) -> None:
        self._labels = list(labels)
        self._series = list(series)  # empty ones too: the legend stays the same
        n = len(labels)
        bottom = np.zeros(n)
        x0s, y0s, heights, brushes = [], [], [], []
        legend = []
        for name, colour, values in self._series:
            v = _values(values, n)
            keep = v > 0
            x0s.append(np.arange(n)[keep] - 0.4)
            y0s.append(bottom[keep])
            heights.append(v[keep])
            brushes += [colour] * int(keep.sum())
            bottom = bottom + v
            sample = self._samples.get(colour)
            if sample is None:  # in the plot (owned by the scene) but with nothing to draw
                (sample,) = self.bars(1)
                sample.setOpts(brush=colour)
                self._samples[colour] = sample
            legend.append((sample, name))
        if brushes:
            set_bars(
                self._bar,
                np.concatenate(x0s),
                0.8,
                np.concatenate(y0s),
                np.concatenate(heights),
                brushes=brushes,
            )
        else:
            hide_bars(self._bar)
        self.set_legend(legend)
        self.getPlotItem().getAxis("bottom").setTicks(index_ticks(self._labels))
        top = float(bottom.max()) if n else 0.0
        count_axis(self.getPlotItem().getAxis("left"), top)
        self.set_range(-0.6, max(n, 1) - 0.4, 0, max(top * 1.45, 1))  # room for the legend
        self.show_empty(empty if top == 0 else None, (n - 1) / 2 if n else 0, 0.5)

    def hover_text(self, x: float, y: float) -> str | None:
        i = round(x)
        if not 0 <= i < len(self._labels) or abs(x - i) > 0.45:
            return None
        parts = [(name, int(values[i] or 0)) for name, _, values in self._series]
        lines = [self._labels[i]] + [f"{name}: {n}" for name, n in parts if n]
        lines.append(f"{self.total_label}: {sum(n for _, n in parts)}")
        return "\n".join(lines)


class HBars(Chart):
    """Horizontal bars (incidents by category or kecamatan); optionally a second series."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.getPlotItem().showGrid(x=True, y=False, alpha=0.25)
        self._bar_a, self._bar_b = self.bars(2)
        self.values = ValueLabels()
        self.getPlotItem().vb.addItem(self.values, ignoreBounds=True)
        self.values.set_colour(self._fg)
        self._labels: list[str] = []
        self._a: list[float] = []
        self._b: list[float] | None = None
        self.names = ("", "")

    def set_data(
        self,
        items: Sequence[tuple[str, float]],
        empty: str,
        compare: Sequence[float] | None = None,
        names: tuple[str, str] = ("", ""),
    ) -> None:
        self._labels = [label for label, _ in items]
        self._a = [float(v) for _, v in items]
        self._b = [float(v) for v in compare] if compare is not None else None
        self.names = names
        n = len(items)
        ys = np.arange(n)[::-1].astype(float)  # the first item at the top
        if self._b is None:
            set_bars(self._bar_a, 0.0, np.array(self._a), ys - 0.35, 0.7, brush=SERIES_A)
            hide_bars(self._bar_b)
        else:
            set_bars(self._bar_a, 0.0, np.array(self._a), ys + 0.01, 0.36, brush=SERIES_A)
            set_bars(self._bar_b, 0.0, np.array(self._b), ys - 0.37, 0.36, brush=SERIES_B)
        top = max(self._a + (self._b or []) + [0.0])
        self.values.set_labels(
            []
            if self._b is not None
            else [(a, float(y), f"{a:g}") for a, y in zip(self._a, ys, strict=True) if a > 0],
            self._fg,
        )
        axis = self.getPlotItem().getAxis("left")
        axis.setTicks([[(float(y), label) for y, label in zip(ys, self._labels, strict=True)]])
        # Room for the longest label now: pyqtgraph widens an axis only after a first paint,
        # which an off-screen render for the PDF never gets.
        metrics = QFontMetrics(axis.style["tickFont"] or self.font())
        longest = max((metrics.horizontalAdvance(label) for label in self._labels), default=0)
        width = min(max(longest + 14, 30), 220)
        if getattr(axis, "_fixed_width", None) != width:
            axis._fixed_width = width
            axis.setWidth(width)
        count_axis(self.getPlotItem().getAxis("bottom"), top)
        self.set_range(0, max(top * 1.15, 1), -0.6, max(n, 1) - 0.4)
        self.show_empty(empty if top == 0 else None, 0.5, (n - 1) / 2 if n else 0)

    def apply_palette(self, palette: QPalette) -> None:
        super().apply_palette(palette)
        if hasattr(self, "values"):  # not yet when Chart.__init__ calls this
            self.values.set_colour(self._fg)

    def hover_text(self, x: float, y: float) -> str | None:
        n = len(self._labels)
        row = n - 1 - round(y)
        if not 0 <= row < n or abs(y - round(y)) > 0.45:
            return None
        if self._b is None:
            return f"{self._labels[row]}: {self._a[row]:g}"
        return (
            f"{self._labels[row]}\n{self.names[0]}: {self._a[row]:g}\n"
            f"{self.names[1]}: {self._b[row]:g}"
        )
