"""The `siaga-console` command as a user runs it: real processes, a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from siaga_console.services.stats import measure_keys

EXE = str(Path(sys.executable).parent / "siaga-console")


def run(args: list[str], home: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SIAGA_DATA_DIR": str(home / "data"),
        "SIAGA_CONFIG_DIR": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("SIAGA_DB_URL", None)
    return subprocess.run(
        [EXE, *args], capture_output=True, text=True, env=env, input=stdin, timeout=300
    )


def test_version(tmp_path: Path) -> None:
    r = run(["--version"], tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("siaga-console ")


def test_demo_data_then_stats_json(tmp_path: Path) -> None:
    r = run(["demo-data", "--days", "3", "--seed", "7"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert "marked as demo data" in r.stdout
    assert (tmp_path / "data" / "siaga.db").exists()  # the default embedded database
    day = __import__("datetime").date.today()
    r = run(
        [
            "stats",
            "--from",
            str(day - __import__("datetime").timedelta(days=2)),
            "--to",
            str(day),
            "--json",
        ],
        tmp_path,
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert list(out) == measure_keys()
    assert out["calls_total"] > 50 and 0 < out["prank_ratio"] < 1
    shift = run(
        ["stats", "--shift", f"{day - __import__('datetime').timedelta(days=1)}/malam"], tmp_path
    )
    assert shift.returncode == 0 and "calls_total" in shift.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--db", "mysql://x/y", "stats", "--shift", "2026-11-29/pagi"], "Unsupported database"),
        (["--db", "postgresql+psycopg://x@127.0.0.1:1/db", "db", "upgrade"], "Cannot open"),
        (["stats", "--shift", "2026-11-29/sore"], "Unknown shift"),
        (["stats", "--from", "2026-11-03", "--to", "2026-11-02"], "not after its start"),
        (["stats", "--from", "kemarin", "--to", "2026-11-02"], "ISO 8601"),
        (["demo-data", "--days", "-3"], "must be positive"),
    ],
)
def test_bad_input_is_a_clear_error_with_exit_code_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    r = run(args, tmp_path)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def test_corrupt_database_is_refused_and_kept(tmp_path: Path) -> None:
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"garbage" * 1000)
    r = run(["--db", f"sqlite:///{bad}", "db", "upgrade"], tmp_path)
    assert r.returncode == 2 and "damaged or not a database" in r.stderr
    assert bad.read_bytes() == b"garbage" * 1000


def test_read_only_data_directory(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root ignores permission bits: use a path below a file instead
        blocker = tmp_path / "not-a-dir"
        blocker.write_text("x")
        r = run(["--db", f"sqlite:///{blocker}/sub/siaga.db", "db", "upgrade"], tmp_path)
    else:  # pragma: no cover - CI runs as root
        ro = tmp_path / "ro"
        ro.mkdir(mode=0o500)
        r = run(["--db", f"sqlite:///{ro}/sub/siaga.db", "db", "upgrade"], tmp_path)
    assert r.returncode == 2 and "Cannot create the data directory" in r.stderr


def test_user_commands_and_audit_verify(tmp_path: Path) -> None:
    db = tmp_path / "accounts.db"
    url = ["--db", f"sqlite:///{db}"]
    r = run(
        [*url, "user", "add", "kepala", "--role", "admin", "--name", "Kepala", "--password-stdin"],
        tmp_path,
        stdin="kuat-sekali-112\n",
    )
    assert r.returncode == 0 and "created kepala (admin)" in r.stdout, r.stderr
    r = run([*url, "user", "add", "op1", "--password-stdin"], tmp_path, stdin="pendek\n")
    assert r.returncode == 2 and "at least 10 characters" in r.stderr
    r = run([*url, "user", "add", "op1", "--password-stdin"], tmp_path, stdin="kuat-sekali-113\n")
    assert r.returncode == 0, r.stderr
    r = run([*url, "user", "disable", "op1"], tmp_path)
    assert r.returncode == 0 and "disabled" in r.stdout
    r = run([*url, "user", "list"], tmp_path)
    assert "kepala" in r.stdout and "op1" in r.stdout
    r = run([*url, "audit", "verify"], tmp_path)
    assert r.returncode == 0 and "intact" in r.stdout, r.stdout + r.stderr
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as c:
        target = c.scalar(sa.text("SELECT min(id) FROM audit_log WHERE action = 'user.created'"))
        c.execute(
            sa.text("UPDATE audit_log SET username = 'someone-else' WHERE id = :i"), {"i": target}
        )
    engine.dispose()
    r = run([*url, "audit", "verify"], tmp_path)
    assert r.returncode == 1 and f"BROKEN at entry {target}" in r.stdout
