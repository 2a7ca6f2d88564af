"""The first-run dialog on real databases: embedded SQLite files and a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from siaga_console.config import CONFIG_FILE, Config, load_config
from siaga_console.data.engine import make_engine
from siaga_console.data.models import User
from siaga_console.services.container import build_services, prepare_database
from siaga_console.ui.first_run import FirstRunDialog, probe_database
from siaga_console.ui.worker import DbWorker
from tests.conftest import FAST_HASHER, new_pg_database
from tests.pg import PgServer, free_port

Calls = list[tuple[str, str, str]]


def real_create_admin(calls: Calls) -> Callable[[str, str, str, str], None]:
    """What app.py does: open (migrate + seed) the chosen database, create the first admin."""

    def create(url: str, username: str, display_name: str, password: str) -> None:
        calls.append((url, username, display_name))
        engine = make_engine(url)
        try:
            prepare_database(engine)
            services = build_services(engine, hasher=FAST_HASHER)
            services.accounts.create_first_admin(username, display_name, password)
        finally:
            engine.dispose()

    return create


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SIAGA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SIAGA_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


def make_dialog(
    qtbot: QtBot, worker: DbWorker, home: Path, calls: Calls
) -> tuple[FirstRunDialog, Config]:
    cfg = Config(path=home / "config" / CONFIG_FILE)
    dialog = FirstRunDialog(cfg, worker.submit, real_create_admin(calls))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, cfg


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_admin(
    dialog: FirstRunDialog, username: str, display: str, password: str, confirm: str
) -> None:
    dialog.ed_username.setText(username)
    dialog.ed_display.setText(display)
    dialog.ed_password.setText(password)
    dialog.ed_confirm.setText(confirm)


def users_in(url: str) -> list[User]:
    engine = make_engine(url)
    try:
        with Session(engine) as s:
            return list(s.scalars(select(User).order_by(User.id)))
    finally:
        engine.dispose()


def test_local_database_new_creates_admin_and_saves_config(
    qtbot: QtBot, worker: DbWorker, home: Path
) -> None:
    calls: Calls = []
    dialog, _cfg = make_dialog(qtbot, worker, home, calls)
    assert dialog.rb_local.isChecked()
    assert not dialog.ed_url.isEnabled()
    dialog.ed_workstation.setText("MEJA-3")
    click(qtbot, dialog.btn_next)
    qtbot.waitUntil(lambda: dialog.on_admin_page, timeout=15000)
    assert "new, empty database" in dialog.status.text()

    fill_admin(
        dialog, "Kepala.Ruang", "Kepala Ruang Kendali", "rahasia-112-serang", "rahasia-112-serang"
    )
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        click(qtbot, dialog.btn_next)

    db = home / "data" / "siaga.db"
    assert calls == [(f"sqlite:///{db}", "kepala.ruang", "Kepala Ruang Kendali")]
    rows = users_in(f"sqlite:///{db}")
    assert [(u.username, u.role, u.active) for u in rows] == [("kepala.ruang", "admin", True)]
    FAST_HASHER.verify(rows[0].password_hash, "rahasia-112-serang")  # raises if wrong
    config_file = home / "config" / CONFIG_FILE
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    saved = load_config(config_file)
    assert saved.db_url is None  # the embedded database, wherever the data directory is
    assert saved.workstation == "MEJA-3"
    assert dialog.ed_password.text() == ""  # not kept in memory longer than needed


@pytest.mark.parametrize(
    ("username", "display", "password", "confirm", "expected"),
    [
        ("ad", "Admin", "rahasia-112-serang", "rahasia-112-serang", "username needs 3 to 32"),
        ("admin", "  ", "rahasia-112-serang", "rahasia-112-serang", "Give a display name"),
        ("admin", "Admin", "pendek", "pendek", "at least 10 characters"),
        ("admin", "Admin", "admin-rahasia-112", "admin-rahasia-112", "must not contain"),
        ("admin", "Admin", "rahasia-112-serang", "rahasia-112-serangX", "not the same"),
    ],
)
def test_admin_form_refuses_bad_input_without_touching_the_database(
    qtbot: QtBot,
    worker: DbWorker,
    home: Path,
    username: str,
    display: str,
    password: str,
    confirm: str,
    expected: str,
) -> None:
    calls: Calls = []
    dialog, _cfg = make_dialog(qtbot, worker, home, calls)
    click(qtbot, dialog.btn_next)
    qtbot.waitUntil(lambda: dialog.on_admin_page, timeout=15000)
    fill_admin(dialog, username, display, password, confirm)
    click(qtbot, dialog.btn_next)
    assert expected in dialog.status.text()
    assert dialog.status.property("error") is True
    assert calls == []
    assert dialog.isVisible() and dialog.on_admin_page
    assert not (home / "config" / CONFIG_FILE).exists()


def test_existing_database_with_accounts_skips_the_admin_page(
    qtbot: QtBot, worker: DbWorker, home: Path
) -> None:
    db = home / "data" / "siaga.db"
    real_create_admin([])(f"sqlite:///{db}", "admin", "Admin", "rahasia-112-serang")
    calls: Calls = []
    dialog, _cfg = make_dialog(qtbot, worker, home, calls)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        click(qtbot, dialog.btn_next)
    assert calls == []
    assert (home / "config" / CONFIG_FILE).exists()


def test_without_create_admin_only_the_database_is_chosen(
    qtbot: QtBot, worker: DbWorker, home: Path
) -> None:
    """The login dialog creates the administrator instead (its CREATE_ADMIN mode)."""
    cfg = Config(path=home / "config" / CONFIG_FILE)
    dialog = FirstRunDialog(cfg, worker.submit, None)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        click(qtbot, dialog.btn_next)
    assert not dialog.on_admin_page
    assert (home / "data" / "siaga.db").exists()  # tested by opening it
    assert (home / "config" / CONFIG_FILE).exists()


@pytest.mark.pg
def test_shared_postgresql_new_database(
    qtbot: QtBot, worker: DbWorker, home: Path, pg_server: PgServer
) -> None:
    url = new_pg_database(pg_server)  # empty: no schema yet
    calls: Calls = []
    dialog, _cfg = make_dialog(qtbot, worker, home, calls)
    assert not dialog.btn_test.isEnabled()
    dialog.rb_shared.setChecked(True)
    assert not dialog.btn_next.isEnabled()  # no URL yet
    dialog.ed_url.setText(url)
    assert dialog.btn_test.isEnabled()
    click(qtbot, dialog.btn_test)
    qtbot.waitUntil(lambda: "new, empty database" in dialog.status.text(), timeout=15000)
    assert not dialog.on_admin_page  # testing does not move on

    click(qtbot, dialog.btn_next)  # the probe is reused: straight to the admin page
    assert dialog.on_admin_page
    fill_admin(dialog, "admin", "Admin Pusat", "rahasia-112-serang", "rahasia-112-serang")
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        click(qtbot, dialog.btn_next)
    assert calls == [(url, "admin", "Admin Pusat")]
    assert [u.username for u in users_in(url)] == ["admin"]
    assert load_config(home / "config" / CONFIG_FILE).db_url == url


def test_unreachable_server_is_reported_and_nothing_is_saved(
    qtbot: QtBot, worker: DbWorker, home: Path
) -> None:
    calls: Calls = []
    dialog, _cfg = make_dialog(qtbot, worker, home, calls)
    dialog.rb_shared.setChecked(True)
    dialog.ed_url.setText(f"postgresql+psycopg://siaga:rahasia@127.0.0.1:{free_port()}/siaga")
    click(qtbot, dialog.btn_next)
    qtbot.waitUntil(lambda: dialog.status.property("error") is True, timeout=20000)
    text = dialog.status.text()
    assert "Cannot open the database" in text
    assert "rahasia" not in text  # the password is never shown
    assert not dialog.on_admin_page and dialog.isVisible()
    assert calls == [] and not (home / "config" / CONFIG_FILE).exists()

    dialog.ed_url.setText("mysql://somewhere/siaga")
    click(qtbot, dialog.btn_next)
    qtbot.waitUntil(lambda: "Unsupported database mysql" in dialog.status.text(), timeout=10000)


def test_database_of_a_newer_version_is_refused(qtbot: QtBot, worker: DbWorker, home: Path) -> None:
    db = home / "data" / "siaga.db"
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    calls: Calls = []
    dialog, _cfg = make_dialog(qtbot, worker, home, calls)
    click(qtbot, dialog.btn_next)
    qtbot.waitUntil(lambda: dialog.status.property("error") is True, timeout=15000)
    assert "newer version of Siaga Console" in dialog.status.text()
    assert not dialog.on_admin_page and not (home / "config" / CONFIG_FILE).exists()


def test_probe_refuses_a_foreign_database(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    with pytest.raises(Exception, match="not Siaga Console's"):
        probe_database(f"sqlite:///{db}")


def test_no_write_access_to_the_data_directory(
    qtbot: QtBot, worker: DbWorker, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An immutable directory refuses writes even to root (chattr +i, on ext2/3/4)."""
    locked = home / "locked"
    locked.mkdir()
    if subprocess.run(["chattr", "+i", str(locked)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available on this filesystem")
    try:
        monkeypatch.setenv("SIAGA_DATA_DIR", str(locked / "siaga-console"))
        calls: Calls = []
        dialog, _cfg = make_dialog(qtbot, worker, home, calls)
        click(qtbot, dialog.btn_next)
        assert dialog.status.property("error") is True
        assert f"No write access to {locked}" in dialog.status.text()
        assert not dialog.on_admin_page and dialog.isVisible()
    finally:
        subprocess.run(["chattr", "-i", str(locked)], check=True)
