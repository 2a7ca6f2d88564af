"""Composition root of the GUI: config, Qt application, worker, services, main window.

No globals: everything is built here and handed down.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .config import Config, load_config, resolve_db_url
from .domain.enums import Role
from .domain.permissions import Actor
from .services.container import Services, open_services
from .services.reference import ReferenceData

log = logging.getLogger(__name__)
SELFTEST_TIMEOUT_MS = 60_000


def _prepare_environment(offscreen: bool) -> None:
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # QtWebEngine (Chromium) refuses to start as root without this.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()


def pick_actor(services: Services, workstation: str, username: str | None = None) -> Actor:
    """For --selftest and benchmarks (no login): the first active operator/supervisor/admin."""
    from sqlalchemy import select

    from .data.models import User

    order = {Role.OPERATOR.value: 0, Role.SUPERVISOR.value: 1, Role.ADMIN.value: 2}
    with services.ctx.read() as s:
        users = list(s.scalars(select(User).where(User.active.is_(True)).order_by(User.id)))
    if username:
        users = [u for u in users if u.username == username]
    users.sort(key=lambda u: order.get(u.role, 9))
    if users:
        u = users[0]
        return Actor(u.id, u.username, Role(u.role), workstation)
    return Actor(None, os.environ.get("USER", "operator"), Role.SUPERVISOR, workstation)


@dataclass(frozen=True)
class Backend:
    services: Services
    actor: Actor
    is_demo: bool
    last_feed_id: int
    reference: ReferenceData
    has_users: bool


def open_backend(url: str, demo: bool, workstation: str) -> Backend:
    """Runs on the worker thread: open/migrate, demo data on an empty database, actor."""
    services = open_services(url)
    if demo and services.incidents.count() == 0:
        from .services.demo import DemoGenerator

        DemoGenerator(services.ctx).generate(30, live_incidents=9)
    actor = pick_actor(services, workstation)
    return Backend(
        services,
        actor,
        services.reference.is_demo(),
        services.feed.last_id(),
        services.reference.bundle(),
        services.accounts.has_users(),
    )


def run_gui(args: argparse.Namespace) -> int:
    _prepare_environment(offscreen=bool(args.selftest))
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from .resources import resource
    from .ui.error_texts import error_text
    from .ui.i18n import install_translators
    from .ui.main_window import MainWindow
    from .ui.session import AppSession
    from .ui.theme import apply_theme
    from .ui.worker import DbWorker

    cfg = load_config()
    if args.lang:
        cfg.language = args.lang
    if args.theme:
        cfg.theme = args.theme
    if args.workstation:
        cfg.workstation = args.workstation
    from .ui.map import register_schemes

    register_schemes()  # the map's custom URL scheme must exist before the QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Siaga Console")
    app.setOrganizationName("Serang Siaga 112")
    app.setDesktopFileName("siaga-console")  # Wayland app id: the installed .desktop entry
    app.setWindowIcon(QIcon(str(resource("icons", "siaga-console.svg"))))
    install_translators(app, cfg.language)
    apply_theme(app, cfg.theme)
    from .ui.gc_guard import GuiThreadGc

    gc_guard = GuiThreadGc(parent=app)

    worker = DbWorker()
    if is_first_start(args, cfg):
        from .ui.first_run import FirstRunDialog

        # The login dialog's create-administrator mode makes the first account afterwards.
        first_run = FirstRunDialog(cfg, worker.submit, None)
        if first_run.exec() != QDialog.DialogCode.Accepted:
            worker.stop()
            return 0
    try:
        url, _default = resolve_db_url(args.db, cfg)
    except Exception as exc:
        QMessageBox.critical(None, "Siaga Console", error_text(exc))
        worker.stop()
        return 2
    session = AppSession(cfg, url, worker, language=cfg.language)
    window = MainWindow(session)
    for warning in cfg.warnings:
        window.statusBar().showMessage(warning, 15000)
    window.show()
    exit_code: dict[str, int] = {"code": 0}

    def fail(exc: BaseException) -> None:
        """The database did not open (the operator has been told, and chose not to retry)."""
        log.error("cannot open the database", exc_info=exc)
        if args.selftest:
            print(f"selftest: FAIL database: {exc}")
            exit_code["code"] = 1
        else:
            exit_code["code"] = 2
        app.exit(exit_code["code"])

    def opened(backend: Backend, opened_url: str) -> None:
        session.db_url = opened_url  # with the password typed, if one was asked for
        session.services, session.actor = backend.services, backend.actor
        session.is_demo = backend.is_demo
        session.reference = backend.reference
        window.attach(session)
        if not (args.selftest or getattr(args, "no_login", False)):
            from .ui.accounts.login import LoginDialog, Mode

            session.actor = None  # nobody until the login succeeds
            window.refresh_status()
            mode = Mode.LOGIN if backend.has_users else Mode.CREATE_ADMIN
            dlg = LoginDialog(
                backend.services,
                worker,
                cfg.effective_workstation,
                mode,
                parent=window,
                demo=backend.is_demo,
            )
            if dlg.exec() != LoginDialog.DialogCode.Accepted or dlg.actor is None:
                app.exit(0)
                return
            session.actor = dlg.actor
        from .ui.features import install_features

        def installed() -> None:
            window.attach(session)
            window.take_keyboard()
            gc_guard.settle()  # what start-up made lives as long as the console
            if args.selftest:
                run_selftest(
                    window, session, lambda code: (exit_code.update(code=code), app.exit(code))
                )

        install_features(window, session, backend.last_feed_id, staged=True, on_done=installed)

    from .ui.opening import DatabaseOpener

    opener: DatabaseOpener[Backend] = DatabaseOpener(
        worker.submit,
        lambda u: open_backend(u, bool(args.demo), cfg.effective_workstation),
        opened,
        fail,
        parent=window,
        interactive=not args.selftest,
    )
    opener.start(url)
    if args.selftest:
        QTimer.singleShot(
            SELFTEST_TIMEOUT_MS, lambda: (print("selftest: FAIL timeout"), app.exit(1))
        )
    code = app.exec()
    window.save_layout()
    worker.stop()
    if session.services is not None:
        session.services.close()
    window.deleteLater()
    gc_guard.stop()
    return exit_code["code"] if exit_code["code"] else code


def is_first_start(args: argparse.Namespace, cfg: Config) -> bool:
    """No configuration file yet and nothing says which database: the first start."""
    if args.selftest or args.demo or args.db or os.environ.get("SIAGA_DB_URL"):
        return False
    return cfg.path is not None and not cfg.path.exists()


def run_selftest(window: Any, session: Any, finish: Callable[[int], None]) -> None:
    """Checks the window, the database and the map page, prints a one-line verdict."""
    from .ui.selftest import SelfTest

    SelfTest(window, session, finish).start()
