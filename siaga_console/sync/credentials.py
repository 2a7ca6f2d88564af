"""The database password never goes into the config file in plain text.

A shared database URL (``postgresql+psycopg://user:password@host/db?sslmode=require``) is
saved *without* its password; the password goes to the operating system's keyring
(``keyring``: Secret Service on a Linux desktop, Windows Credential Locker, macOS
Keychain) under the service ``siaga-console`` and the key ``user@host:port/db``. When
the console opens the URL it fills the password back in from the keyring. Without a
usable keyring (a bare server, a minimal desktop), nothing is stored: the console asks for
the password, or libpq finds it in ``~/.pgpass`` / ``PGPASSWORD`` as usual.

Call ``save_config_securely(cfg)`` where the config is saved, and
``with_stored_password(url)`` before ``make_engine(url)``.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

log = logging.getLogger(__name__)
SERVICE = "siaga-console"


def _backend(backend: Any | None) -> Any:
    if backend is not None:
        return backend
    import keyring

    return keyring.get_keyring()


def credential_key(url: str) -> str | None:
    """``user@host:port/db`` of a PostgreSQL URL; None for SQLite or a URL without a user."""
    try:
        u = make_url(url)
    except ArgumentError:
        return None
    if u.get_backend_name() != "postgresql" or not u.username:
        return None
    return f"{u.username}@{u.host or 'localhost'}:{u.port or 5432}/{u.database or ''}"


def split_password(url: str) -> tuple[str, str | None]:
    """The URL without its password (query options kept), and the password."""
    try:
        u = make_url(url)
    except ArgumentError:
        return url, None
    if u.password is None:
        return url, None
    password = str(u.password)
    return u._replace(password=None).render_as_string(hide_password=False), password


def store_password(url: str, password: str, backend: Any | None = None) -> bool:
    """Keep the password in the keyring; False when there is no usable keyring."""
    key = credential_key(url)
    if key is None:
        return False
    from keyring.errors import KeyringError

    try:
        _backend(backend).set_password(SERVICE, key, password)
    except (KeyringError, RuntimeError, OSError) as exc:
        log.warning("no keyring to keep the database password: %s", exc)
        return False
    return True


def stored_password(url: str, backend: Any | None = None) -> str | None:
    key = credential_key(url)
    if key is None:
        return None
    from keyring.errors import KeyringError

    try:
        value = _backend(backend).get_password(SERVICE, key)
    except (KeyringError, RuntimeError, OSError):
        return None
    return str(value) if value is not None else None


def forget_password(url: str, backend: Any | None = None) -> None:
    key = credential_key(url)
    if key is None:
        return
    from keyring.errors import KeyringError

    with contextlib.suppress(KeyringError, RuntimeError, OSError):
        _backend(backend).delete_password(SERVICE, key)


def with_stored_password(url: str, backend: Any | None = None) -> str:
    """The URL to open: its own password if it has one, else the keyring's, else as is."""
    plain, password = split_password(url)
    if password is not None:
        return url
    found = stored_password(plain, backend)
    if found is None:
        return url
    return make_url(plain).set(password=found).render_as_string(hide_password=False)


def url_for_config(url: str | None, backend: Any | None = None) -> tuple[str | None, bool]:
    """What may be written in the config file: the URL without a password. The password
    goes to the keyring; the flag says whether it could be kept there."""
    if not url:
        return url, True
    plain, password = split_password(url)
    if password is None:
        return url, True
    return plain, store_password(plain, password, backend)


def save_config_securely(cfg: Any, backend: Any | None = None) -> tuple[Path, bool]:
    """``config.save_config`` with the password moved to the keyring (``cfg`` unchanged)."""
    from ..config import save_config

    safe, kept = url_for_config(cfg.db_url, backend)
    return save_config(replace(cfg, db_url=safe)), kept
