"""Database passwords go to the keyring, never into the config file; TLS options in the URL
reach libpq."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from keyring.backends import fail

from siaga_console.config import Config, load_config
from siaga_console.sync.connection import libpq_params
from siaga_console.sync.credentials import (
    credential_key,
    forget_password,
    save_config_securely,
    split_password,
    with_stored_password,
)

from ..keyrings import MemoryKeyring

URL = "postgresql+psycopg://ani:s3cr%40t@db.siaga.local:5433/siaga?sslmode=verify-full"


def test_password_goes_to_the_keyring_not_the_file(tmp_path: Path) -> None:
    ring = MemoryKeyring()
    cfg = Config(db_url=URL, workstation="WS-1", path=tmp_path / "siaga-console.ini")
    path, kept = save_config_securely(cfg, ring)
    text = path.read_text()
    assert kept
    assert "s3cr" not in text and "ani@db.siaga.local:5433/siaga?sslmode=verify-full" in text
    assert ring.items == {("siaga-console", "ani@db.siaga.local:5433/siaga"): "s3cr@t"}
    assert cfg.db_url == URL  # the caller's object is unchanged
    loaded = load_config(path)
    assert loaded.db_url is not None and "s3cr" not in loaded.db_url
    # opening: the password comes back from the keyring, the options stay
    full = with_stored_password(loaded.db_url, ring)
    params = libpq_params(full)
    assert params["password"] == "s3cr@t"
    assert params["sslmode"] == "verify-full" and params["port"] == 5433
    forget_password(loaded.db_url, ring)
    assert with_stored_password(loaded.db_url, ring) == loaded.db_url


def test_without_a_keyring_nothing_is_written_in_plain_text(tmp_path: Path) -> None:
    cfg = Config(db_url=URL, path=tmp_path / "c.ini")
    path, kept = save_config_securely(cfg, fail.Keyring())
    assert not kept  # the console will ask for it (or ~/.pgpass)
    assert "s3cr" not in path.read_text()
    assert with_stored_password(split_password(URL)[0], fail.Keyring()) == split_password(URL)[0]


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("sqlite:////tmp/x.db", None),
        ("postgresql+psycopg://db/siaga", None),
        ("postgresql+psycopg://ani@db/siaga", "ani@db:5432/siaga"),
        ("not a url", None),
    ],
)
def test_credential_keys(url: str, key: str | None) -> None:
    assert credential_key(url) == key


@pytest.mark.pg
def test_sslmode_reaches_libpq(pg_server: Any) -> None:
    """The throwaway server has no TLS: sslmode=require must be refused by libpq itself."""
    import sqlalchemy as sa

    from siaga_console.data.engine import make_engine

    engine = make_engine(pg_server.url("postgres") + "?sslmode=require")
    with pytest.raises(sa.exc.OperationalError) as info, engine.connect():
        pass
    assert "SSL" in str(info.value)
    engine.dispose()
    engine = make_engine(pg_server.url("postgres") + "?sslmode=disable")
    with engine.connect() as c:
        assert c.exec_driver_sql("SELECT 1").scalar() == 1
    engine.dispose()
    import psycopg

    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(**libpq_params(pg_server.url("postgres") + "?sslmode=require"))
