"""The map's web page: only local URLs load, console errors are reported, links leave."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from .scheme import TILE_SCHEME

LOCAL_SCHEMES = frozenset({"file", "qrc", "data", "about", "blob", TILE_SCHEME.decode()})


class LocalOnly(QWebEngineUrlRequestInterceptor):
    """Blocks every request that is not local (the map is offline-first by construction)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []
        self.seen: dict[str, int] = {}

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        scheme = url.scheme()
        self.seen[scheme] = self.seen.get(scheme, 0) + 1
        if scheme not in LOCAL_SCHEMES:
            info.block(True)
            if len(self.blocked) < 100:
                self.blocked.append(url.toString())


class MapPage(QWebEnginePage):
    sig_console_error = Signal(str)

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            where = f" ({source.rsplit('/', 1)[-1]}:{line})" if source else ""
            self.sig_console_error.emit(f"{message}{where}")

    def acceptNavigationRequest(
        self, url: QUrl | str, nav_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if url.scheme() in ("http", "https"):
            # Attribution links: the system browser, never this view.
            if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
                QDesktopServices.openUrl(url)
            return False
        return url.scheme() in LOCAL_SCHEMES
