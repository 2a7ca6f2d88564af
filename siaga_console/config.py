"""Per-user configuration: where the database is, language, theme, workstation name.

Precedence for the database URL: ``--db`` > ``SIAGA_DB_URL`` > the config file > an
embedded SQLite file in the user's data directory. ``SIAGA_DATA_DIR`` and
``SIAGA_CONFIG_DIR`` move those directories (tests, portable installs).
"""

from __future__ import annotations

import configparser
import os
import socket
import stat
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from .data.engine import sqlite_url_for

APP_NAME = "siaga-console"
CONFIG_FILE = "siaga-console.ini"
DEFAULT_DB_FILE = "siaga.db"


def data_dir() -> Path:
    return Path(os.environ.get("SIAGA_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(os.environ.get("SIAGA_CONFIG_DIR") or user_config_dir(APP_NAME, appauthor=False))


@dataclass
class Config:
    db_url: str | None = None
    language: str = "id"
    theme: str = "light"
    workstation: str = ""
    path: Path | None = None
    warnings: tuple[str, ...] = ()

    @property
    def effective_workstation(self) -> str:
        return self.workstation or socket.gethostname()


def load_config(path: Path | None = None) -> Config:
    path = path or config_dir() / CONFIG_FILE
    cfg = Config(path=path)
    try:
        if not path.exists():
            return cfg
    except OSError as exc:  # a parent directory this user cannot enter
        cfg.warnings = (f"Config file {path} could not be read: {exc.strerror}",)
        return cfg
    parser = configparser.ConfigParser(interpolation=None)  # URLs may contain '%'
    warnings: list[str] = []
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError) as exc:
        warnings.append(f"Config file {path} could not be read: {exc}")
        cfg.warnings = tuple(warnings)
        return cfg
    if os.name == "posix" and path.stat().st_mode & (stat.S_IRGRP | stat.S_IROTH):
        warnings.append(f"Config file {path} is readable by other users (chmod 600 it)")
    cfg.db_url = parser.get("database", "url", fallback=None) or None
    cfg.language = parser.get("ui", "language", fallback="id")
    cfg.theme = parser.get("ui", "theme", fallback="light")
    cfg.workstation = parser.get("workstation", "name", fallback="")
    cfg.warnings = tuple(warnings)
    return cfg


def save_config(cfg: Config) -> Path:
    path = cfg.path or config_dir() / CONFIG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    from .sync.credentials import url_for_config

    parser = configparser.ConfigParser(interpolation=None)  # URLs may contain '%'
    stored_url, _in_keyring = url_for_config(cfg.db_url)  # the password goes to the keyring
    parser["database"] = {"url": stored_url or ""}
    parser["ui"] = {"language": cfg.language, "theme": cfg.theme}
    parser["workstation"] = {"name": cfg.workstation}
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        parser.write(fh)
    tmp.chmod(0o600)
    tmp.replace(path)
    return path


def resolve_db_url(cli_value: str | None, cfg: Config) -> tuple[str, bool]:
    """The URL to open, and whether it is the default embedded database."""
    from .sync.credentials import with_stored_password

    for candidate in (cli_value, os.environ.get("SIAGA_DB_URL"), cfg.db_url):
        if candidate:
            return with_stored_password(candidate), False
    return sqlite_url_for(data_dir() / DEFAULT_DB_FILE), True
