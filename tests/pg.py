"""A throwaway PostgreSQL server for the tests, from Debian's binaries.

initdb and pg_ctl refuse to run as root, so as root they run as ``postgres``.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def find_pg_bin() -> Path | None:
    env = os.environ.get("SIAGA_PG_BIN")
    if env:
        return Path(env)
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    return Path(candidates[-1]).parent if candidates else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    bindir: Path
    datadir: Path
    port: int
    as_user: list[str]

    @property
    def base_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}"

    def url(self, dbname: str) -> str:
        return f"{self.base_url}/{dbname}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.as_user, *args], check=check, capture_output=True, text=True)

    def start(self) -> None:
        opts = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.datadir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.datadir / "data"),
            "-w",
            "-t",
            "30",
            "-l",
            str(self.datadir / "server.log"),
            "-o",
            opts,
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.datadir / "data"),
            "-w",
            "-m",
            mode,
            "stop",
            check=False,
        )

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("PostgreSQL did not start")


def start_server(root: Path | None = None) -> PgServer:
    """Start a server: a new throwaway cluster, or the one kept in ``root`` (benchmarks)."""
    bindir = find_pg_bin()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL binaries not found (apt-get install postgresql)")
    if root is None:
        root = Path(tempfile.mkdtemp(prefix="siaga-pg-"))
    root.mkdir(parents=True, exist_ok=True)
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        root.chmod(0o700)
        as_user = ["runuser", "-u", "postgres", "--"]
    server = PgServer(bindir, root, free_port(), as_user)
    if not (root / "data" / "PG_VERSION").exists():
        server._run(
            str(bindir / "initdb"),
            "-D",
            str(root / "data"),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-locale",
        )
    server.start()
    server.wait_ready()
    return server


def destroy(server: PgServer) -> None:
    server.stop("fast")
    shutil.rmtree(server.datadir, ignore_errors=True)


@contextmanager
def password_role(server: PgServer, user: str, password: str) -> Iterator[str]:
    """A role that must give its password over TCP (scram-sha-256), owning a new database.

    The rest of the server stays on ``trust``. Yields the role's URL *without* the password.
    """
    import sqlalchemy as sa

    admin = sa.create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
    dbname = f"pw_{user}_{os.getpid()}"
    with admin.connect() as c:
        c.exec_driver_sql(f"CREATE ROLE {user} LOGIN PASSWORD '{password}'")
        c.exec_driver_sql(f"CREATE DATABASE {dbname} OWNER {user}")
    hba = server.datadir / "data" / "pg_hba.conf"
    before = hba.read_text()
    rule = f"host all {user} 127.0.0.1/32 scram-sha-256\n"
    hba.write_text(rule + before)  # the first matching line wins
    try:
        with admin.connect() as c:
            c.exec_driver_sql("SELECT pg_reload_conf()")
        time.sleep(0.2)  # the postmaster rereads pg_hba.conf on SIGHUP, asynchronously
        yield f"postgresql+psycopg://{user}@127.0.0.1:{server.port}/{dbname}"
    finally:
        hba.write_text(before)
        with admin.connect() as c:
            c.exec_driver_sql("SELECT pg_reload_conf()")
        admin.dispose()


@contextmanager
def own_server() -> Iterator[PgServer]:
    """A server of the caller's own (its tests stop and start it), removed at the end.

    The throwaway servers run with synchronous_commit=off (speed): a crash then loses the
    last acknowledged commits, the server's choice, not the console's. Outage tests need a
    production server's default (on), which the role ``postgres`` gets here.
    Skips the test when PostgreSQL's binaries are missing.
    """
    import pytest
    import sqlalchemy as sa

    try:
        server = start_server()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    try:
        admin = sa.create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.exec_driver_sql("ALTER ROLE postgres SET synchronous_commit = on")
        admin.dispose()
        yield server
    finally:
        destroy(server)
