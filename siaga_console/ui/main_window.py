"""The main window shell: queue in the centre, map, units and dashboard in docks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QRhiWidget,
    QWidget,
)

from ..config import config_dir, save_config
from ..data.engine import safe_url
from ..version import app_version
from .i18n import LANGUAGES
from .labels import ROLES, label
from .session import AppSession
from .theme import apply_theme, set_tone

LAYOUT_VERSION = 1


def _placeholder(text: str) -> QLabel:
    w = QLabel(text)
    w.setAlignment(Qt.AlignmentFlag.AlignCenter)
    w.setObjectName("placeholder")
    return w


class MainWindow(QMainWindow):
    sig_new_call_requested = Signal()
    sig_closing = Signal()

    def __init__(self, session: AppSession, settings: QSettings | None = None) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or QSettings(
            str(config_dir() / "layout.ini"), QSettings.Format.IniFormat
        )
        self.setObjectName("MainWindow")
        self.resize(1366, 768)
        self.docks: dict[str, QDockWidget] = {}
        self.setCentralWidget(_placeholder(self.tr("Opening the database…")))
        # The map (QtWebEngine) draws through Qt's RHI. The first such widget in a window
        # makes Qt rebuild the window's native surface: the window blinks, a window manager
        # may move it, and without one the keyboard focus is lost right after the login.
        # A hidden RHI widget gives the window that surface before it is first shown.
        self._rhi_primer = QRhiWidget(self)
        self._rhi_primer.setFixedSize(0, 0)
        self._rhi_primer.hide()
        self._make_dock("map", self.tr("Map"), Qt.DockWidgetArea.RightDockWidgetArea)
        self._make_dock("dashboard", self.tr("Dashboard"), Qt.DockWidgetArea.RightDockWidgetArea)
        self._make_dock("units", self.tr("Units"), Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.docks["map"], self.docks["dashboard"])
        self.docks["map"].raise_()
        # First start (no saved layout): a map wide enough to read, units below the queue.
        self.resizeDocks([self.docks["map"]], [520], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["units"]], [190], Qt.Orientation.Vertical)
        self._build_menus()
        self._build_status_bar()
        self._update_title()
        self.restore_layout()

    # -- layout ---------------------------------------------------------------------------
    def _make_dock(self, name: str, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(_placeholder(self.tr("Loading…")))
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        self.docks[name] = dock
        return dock

    def set_panel(self, name: str, widget: QWidget) -> None:
        """Put a feature's widget in its dock (or in the centre for ``queue``)."""
        if name == "queue":
            self.setCentralWidget(widget)
        else:
            old = self.docks[name].widget()
            self.docks[name].setWidget(widget)
            if old is not None:
                old.deleteLater()

    def restore_layout(self) -> None:
        geometry = self.settings.value("main/geometry")
        state = self.settings.value("main/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state, LAYOUT_VERSION)

    def save_layout(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/state", self.saveState(LAYOUT_VERSION))
        self.settings.sync()

    # -- menus ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        m_file = bar.addMenu(self.tr("&File"))
        self.act_quit = QAction(self.tr("&Quit"), self)
        self.act_quit.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.act_quit.triggered.connect(self.close)
        m_file.addAction(self.act_quit)

        self.m_calls = bar.addMenu(self.tr("&Calls"))
        self.act_new_call = QAction(self.tr("New call"), self)
        self.act_new_call.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.act_new_call.setToolTip(self.tr("Take a new call (F2)"))
        self.act_new_call.triggered.connect(self.sig_new_call_requested)
        self.m_calls.addAction(self.act_new_call)

        self.m_view = bar.addMenu(self.tr("&View"))
        for name, dock in self.docks.items():
            act = dock.toggleViewAction()
            act.setObjectName(f"act_toggle_{name}")
            self.m_view.addAction(act)
        self.m_view.addSeparator()
        theme_group = QActionGroup(self)
        current_theme = self.session.config.theme
        for name, text in (("light", self.tr("Light theme")), ("dark", self.tr("Dark theme"))):
            act = QAction(text, self, checkable=True)
            act.setChecked(name == current_theme)
            act.setData(name)
            act.setObjectName(f"act_theme_{name}")
            theme_group.addAction(act)
            self.m_view.addAction(act)
        theme_group.triggered.connect(self._on_theme_chosen)
        self.m_view.addSeparator()
        m_lang = self.m_view.addMenu(self.tr("Language"))
        lang_group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            act = QAction(name, self, checkable=True)
            act.setChecked(code == self.session.language)
            act.setData(code)
            act.setObjectName(f"act_lang_{code}")
            lang_group.addAction(act)
            m_lang.addAction(act)
        lang_group.triggered.connect(self._on_language_chosen)

        self.m_help = bar.addMenu(self.tr("&Help"))
        act_about = QAction(self.tr("About Siaga Console"), self)
        act_about.triggered.connect(self._show_about)
        self.m_help.addAction(act_about)

    def _on_theme_chosen(self, act: QAction) -> None:
        name = str(act.data())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, name)
        self.session.config.theme = name
        self._save_config_quietly()

    def _on_language_chosen(self, act: QAction) -> None:
        code = str(act.data())
        if code == self.session.config.language:
            return
        self.session.config.language = code
        self._save_config_quietly()
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The language changes the next time the console starts."),
        )

    def _save_config_quietly(self) -> None:
        try:
            save_config(self.session.config)
        except OSError as exc:
            self.statusBar().showMessage(
                self.tr("Settings not saved: {error}").format(error=exc), 8000
            )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Siaga Console"),
            self.tr(
                "<b>Siaga Console</b> {version}<br>Dispatcher console of Serang Siaga 112."
                "<br><br>Boundaries: BPS – Statistics Indonesia, via OCHA/HDX (CC BY-IGO)."
            ).format(version=app_version()),
        )

    # -- status bar -----------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.lbl_db = QLabel()
        self.lbl_db.setObjectName("status_db")
        self.lbl_workstation = QLabel()
        self.lbl_workstation.setObjectName("status_workstation")
        self.lbl_operator = QLabel()
        self.lbl_operator.setObjectName("status_operator")
        self.lbl_connection = QLabel()
        self.lbl_connection.setObjectName("status_connection")
        for w in (self.lbl_connection, self.lbl_db, self.lbl_workstation, self.lbl_operator):
            sb.addPermanentWidget(w)
        self.refresh_status()

    def refresh_status(self) -> None:
        s = self.session
        kind = self.tr("shared PostgreSQL") if s.is_shared else self.tr("local SQLite")
        where = safe_url(s.db_url)
        if not s.is_shared:
            where = Path(where.removeprefix("sqlite:///")).name
        self.lbl_db.setText(self.tr("Database: {kind} ({where})").format(kind=kind, where=where))
        self.lbl_workstation.setText(
            self.tr("Workstation: {name}").format(name=s.config.effective_workstation)
        )
        if s.actor is not None:
            self.lbl_operator.setText(
                self.tr("Operator: {name} ({role})").format(
                    name=s.actor.username, role=label(ROLES, s.actor.role.value)
                )
            )
        else:
            self.lbl_operator.setText(self.tr("Operator: —"))
        self.set_connection_state(s.services is not None)

    def set_connection_state(self, online: bool, detail: str = "") -> None:
        if online:
            self.lbl_connection.setText(self.tr("● Connected"))
            set_tone(self.lbl_connection, "ok", bold=True)
        else:
            text = self.tr("● Not connected")
            self.lbl_connection.setText(f"{text} {detail}".strip())
            set_tone(self.lbl_connection, "error", bold=True)

    def _update_title(self) -> None:
        title = self.tr("Siaga Console — Serang Siaga 112")
        if self.session.is_demo:
            title += " " + self.tr("[DEMO DATA]")
        self.setWindowTitle(title)

    def attach(self, session: AppSession) -> None:
        """Called once the database is open: refresh what depends on it."""
        self.session = session
        self._update_title()
        self.refresh_status()

    def take_keyboard(self) -> None:
        """Come to the front with the keyboard focus, e.g. after the login dialog closes.

        A window manager usually does this; without one (a kiosk session, Xvfb) nobody
        does, and the one-key intake shortcuts would go nowhere until the operator clicks.
        """
        self.raise_()
        self.activateWindow()

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.sig_closing.emit()
        self.save_layout()
        super().closeEvent(event)
