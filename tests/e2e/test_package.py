"""The Debian package end to end: build, install, run, upgrade, remove.

Slow (a few minutes: PyInstaller), root only (dpkg -i), and it installs the package on this
machine, so it runs only when asked: ``make package-test`` (SIAGA_PACKAGE_TEST=1;
SIAGA_PACKAGE_REUSE=1 tests the last ``make package`` instead of building). The package is
removed at the end even when a step fails. The tests run in order and share the install.
The installed program runs with HOME, SIAGA_DATA_DIR and SIAGA_CONFIG_DIR in a temporary
directory: the user's real configuration and data are never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import debian_package  # noqa: E402

from .xsession import log_in_and_quit, running, xsession  # noqa: E402

PKG = "siaga-console"
APPDIR = Path("/opt/siaga-console")
LAUNCHER = Path("/usr/bin/siaga-console")
DESKTOP = Path("/usr/share/applications/siaga-console.desktop")
ICON = Path("/usr/share/icons/hicolor/256x256/apps/siaga-console.png")
SHOTS = PACKAGING / "out" / "screenshots"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("SIAGA_PACKAGE_TEST") != "1",
        reason="installs a .deb on this machine: run it with `make package-test`",
    ),
]


@dataclass(frozen=True)
class Built:
    deb: Path
    version: str  # the Python package version
    debver: str
    bundle: Path
    seconds: float


def sh(*args: str, check: bool = True, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=check, **kw)  # type: ignore[call-overload]


def installed_version() -> str | None:
    proc = sh("dpkg-query", "-W", "-f=${Status} ${Version}", PKG, check=False)
    if proc.returncode != 0 or not proc.stdout.startswith("install ok installed"):
        return None
    return proc.stdout.split()[-1]


def app_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean environment: nothing from the developer's session leaks into the program."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "SIAGA_DATA_DIR": str(home / "data"),
        "SIAGA_CONFIG_DIR": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.update(extra)
    return {k: v for k, v in env.items() if v}


def run_app(
    home: Path, *args: str, timeout: float = 180, **extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LAUNCHER), *args],
        capture_output=True,
        text=True,
        env=app_env(home, **extra),
        cwd="/",
        timeout=timeout,
        check=False,
    )


def schema(db: Path) -> tuple[str, int]:
    with sqlite3.connect(db) as conn:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        incidents = conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
    return str(revision), int(incidents)


@pytest.fixture(scope="module")
def built() -> Built:
    if os.geteuid() != 0:
        pytest.skip("dpkg -i needs root")
    for tool in ("dpkg-deb", "readelf"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} missing: make system-package")
    if installed_version() is not None:
        pytest.skip(f"{PKG} is installed on this machine: remove it first (dpkg -r {PKG})")
    t = time.perf_counter()
    if os.environ.get("SIAGA_PACKAGE_REUSE") != "1":  # 1: test the last `make package`
        proc = subprocess.run(
            [sys.executable, str(PACKAGING / "build_package.py"), "all"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        print(proc.stdout)
    seconds = time.perf_counter() - t
    from importlib.metadata import version

    v = version(PKG)
    debver = debian_package.debian_version(v)
    arch = debian_package.dpkg_architecture()
    deb = PACKAGING / "out" / f"{PKG}_{debver}_{arch}.deb"
    assert deb.is_file(), f"{deb} was not built"
    return Built(deb, v, debver, PACKAGING / "out" / "dist" / PKG, seconds)


@pytest.fixture(scope="module")
def installed(built: Built) -> Iterator[Built]:
    try:
        sh("dpkg", "-i", str(built.deb))
        yield built
    finally:
        sh("dpkg", "--purge", PKG, check=False)
        assert installed_version() is None


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("installed-home")


@pytest.mark.timeout(1800)
def test_package_file(built: Built) -> None:
    assert built.deb.name == f"{PKG}_{built.debver}_{debian_package.dpkg_architecture()}.deb"
    fields = {
        name: sh("dpkg-deb", "-f", str(built.deb), name).stdout.strip()
        for name in ("Package", "Version", "Installed-Size", "Depends", "Architecture")
    }
    assert fields["Package"] == PKG and fields["Version"] == built.debver
    depends = [d.strip() for d in fields["Depends"].split(",")]
    names = [d.split()[0] for d in depends]
    assert len(names) == len(set(names))
    assert any(re.fullmatch(r"libc6 \(>= 2\.\d+\)", d) for d in depends)
    assert {"libgl1", "libegl1", "libxcb1", "fonts-dejavu-core", "fontconfig-config"} <= set(names)
    # Installed-Size (KiB) agrees with the sizes in the archive (rounding per file aside).
    listing = sh("dpkg-deb", "-c", str(built.deb)).stdout.splitlines()
    total = sum(int(line.split()[2]) for line in listing) / 1024
    assert abs(int(fields["Installed-Size"]) - total) / total < 0.02
    print(
        f"package {built.deb.stat().st_size / 2**20:.0f} MiB, installed "
        f"{int(fields['Installed-Size']) / 1024:.0f} MiB, built in {built.seconds:.0f} s"
    )


def test_installed_files(installed: Built) -> None:
    assert installed_version() == installed.debver
    assert os.access(LAUNCHER, os.X_OK) and (APPDIR / PKG).is_file()
    internal = APPDIR / "_internal"
    # What the spec promises: migrations as files, compiled translations, metadata, assets.
    assert list((internal / "siaga_console/data/migrations/versions").glob("0001_*.py"))
    assert (internal / "siaga_console/data/migrations/env.py").is_file()
    assert (internal / "resources/translations/siaga_id.qm").is_file()
    assert (internal / "resources/geo/serang_kelurahan.geojson").is_file()
    assert (internal / "resources/icons/siaga-console.svg").is_file()
    assert list(internal.glob(f"siaga_console-{installed.version}.dist-info"))
    assert (internal / "PySide6/Qt/lib/libQt6WebEngineCore.so.6").is_file()
    locales = internal / "PySide6/Qt/translations/qtwebengine_locales"
    assert sorted(p.name for p in locales.iterdir()) == ["en-GB.pak", "en-US.pak", "id.pak"]
    assert not (internal / "PySide6/Qt/qml").exists()
    # Desktop integration.
    if shutil.which("desktop-file-validate"):
        sh("desktop-file-validate", str(DESKTOP))
    assert "Exec=siaga-console" in DESKTOP.read_text(encoding="utf-8")
    assert ICON.is_file()
    owned = set(sh("dpkg", "-L", PKG).stdout.split())
    assert {str(LAUNCHER), str(DESKTOP), str(ICON), str(APPDIR / PKG)} <= owned


def test_version_commands_and_plugins_from_the_bundle(installed: Built, home: Path) -> None:
    proc = run_app(home, "--version")
    assert (proc.returncode, proc.stdout.strip()) == (0, f"{PKG} {installed.version}")
    status = run_app(home, "db", "status")
    assert status.returncode == 0 and "state: empty" in status.stdout, status.stderr
    upgrade = run_app(home, "db", "upgrade")
    assert upgrade.returncode == 0, upgrade.stderr
    assert re.search(r"empty -> \w+", upgrade.stdout)
    demo = run_app(home, "demo-data", "--days", "2", "--calls-per-day", "40")
    assert demo.returncode == 0, demo.stderr
    assert schema(home / "data" / "siaga.db")[1] > 0
    # Alembic loaded the migration scripts; nothing was written into /opt.
    assert not list(APPDIR.rglob("__pycache__"))
    # The same subcommands as the source tree: the plug-in modules were bundled.
    bundled = run_app(home, "--help", COLUMNS="100").stdout
    source = subprocess.run(
        [sys.executable, "-m", "siaga_console.cli", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, COLUMNS="100"),
        check=True,
    ).stdout
    assert bundled == source


def test_selftest_from_the_installed_copy(installed: Built, home: Path) -> None:
    proc = run_app(home, "--selftest")
    verdict = next((ln for ln in proc.stdout.splitlines() if ln.startswith("selftest:")), "")
    assert "window=ok" in verdict and "database=ok" in verdict, proc.stdout + proc.stderr
    # The map page is checked too (needs the map feature wired into the main window).
    assert proc.returncode == 0 and verdict.startswith("selftest: PASS"), verdict


def test_real_window_under_xvfb(installed: Built, home: Path) -> None:
    """The installed console in a real X window: log in with a demo account, look, Ctrl+Q."""
    # Not the first start: the workstation already chose its (demo) database, so the login
    # comes next (the first-run dialog is tested in tests/ui/test_first_run.py).
    config = home / "config" / "siaga-console.ini"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f"[database]\nurl = sqlite:///{home / 'data' / 'siaga.db'}\n")
    config.chmod(0o600)
    with xsession() as x:
        env = app_env(home, QT_QPA_PLATFORM="", DISPLAY=x.display)
        with running([str(LAUNCHER)], env) as app:
            log_in_and_quit(x, app, SHOTS, "installed-xvfb")


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A temporary directory other users can enter (pytest's tmp_path is root-only)."""
    path = Path(tempfile.mkdtemp(prefix="siaga-pkgtest-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_clear_messages_instead_of_stack_traces(installed: Built, open_tmp: Path) -> None:
    # No display for the graphical console.
    proc = run_app(open_tmp, QT_QPA_PLATFORM="")
    assert proc.returncode == 4 and "no graphical display" in proc.stderr
    # An unprivileged user runs the program from read-only /opt; a data directory it cannot
    # write to gives one sentence naming it, not a traceback.
    home = open_tmp / "nobody"
    home.mkdir()
    shutil.chown(home, "nobody", "nogroup")
    locked = open_tmp / "locked"
    locked.mkdir(mode=0o755)

    def as_nobody(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
        env = app_env(home, SIAGA_DATA_DIR=str(data))
        return subprocess.run(
            [
                "runuser",
                "-u",
                "nobody",
                "--",
                "env",
                "-i",
                *[f"{k}={v}" for k, v in env.items()],
                str(LAUNCHER),
                *args,
            ],
            capture_output=True,
            text=True,
            cwd="/",
            check=False,
        )

    ok = as_nobody("db", "upgrade", data=home / "data")
    assert ok.returncode == 0, ok.stderr
    for data, message in (
        (locked / "data", f"Cannot create the data directory {locked / 'data'}"),
        (locked, "Cannot open the database"),
    ):
        refused = as_nobody("db", "upgrade", data=data)
        assert refused.returncode == 2
        assert message in refused.stderr and "Traceback" not in refused.stderr


def test_upgrade_keeps_config_and_data_and_migrates(
    installed: Built, home: Path, tmp_path: Path
) -> None:
    """A newer package over the installed one: same user files, database migrated on start."""
    from siaga_console.data.migrate import head_revision

    db = home / "data" / "siaga.db"
    config = home / "config" / "siaga-console.ini"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[workstation]\nname = MEJA-UPGRADE\n", encoding="utf-8")
    config.chmod(0o600)
    revision, incidents = schema(db)
    assert revision == head_revision() and incidents > 0

    # The next release: the same bundle with a higher version and one more migration.
    bundle = tmp_path / "bundle"
    subprocess.run(["cp", "-al", str(installed.bundle), str(bundle)], check=True)
    new_version = f"{installed.version}+pkgtest1"
    internal = bundle / "_internal"
    old_info = internal / f"siaga_console-{installed.version}.dist-info"
    new_info = internal / f"siaga_console-{new_version}.dist-info"
    shutil.copytree(old_info, new_info)  # a real copy: the hard links stay untouched
    shutil.rmtree(old_info)
    metadata = (new_info / "METADATA").read_text(encoding="utf-8")
    (new_info / "METADATA").write_text(
        re.sub(r"(?m)^Version: .*$", f"Version: {new_version}", metadata), encoding="utf-8"
    )
    versions = internal / "siaga_console/data/migrations/versions"
    (versions / "9001_pkgtest_upgrade.py").write_text(
        f'''"""package upgrade test: a marker table"""
import sqlalchemy as sa
from alembic import op

revision = "9001_pkgtest"
down_revision = "{head_revision()}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("pkgtest_upgrade_marker", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("pkgtest_upgrade_marker")
''',
        encoding="utf-8",
    )
    newer = debian_package.build_deb(bundle, new_version, tmp_path / "out")
    sh("dpkg", "-i", str(newer.path))
    assert installed_version() == newer.version

    assert run_app(home, "--version").stdout.strip() == f"{PKG} {new_version}"
    status = run_app(home, "db", "status")
    assert "state: behind" in status.stdout, status.stdout + status.stderr
    # First start of the new version: backup of the SQLite file, then the migration.
    run_app(home, "--selftest")
    assert (db.parent / "siaga.db.bak").is_file()
    assert schema(db.parent / "siaga.db.bak") == (revision, incidents)
    assert schema(db) == ("9001_pkgtest", incidents)
    assert config.read_text(encoding="utf-8") == "[workstation]\nname = MEJA-UPGRADE\n"


def test_remove_cleanly(installed: Built, home: Path) -> None:
    removed = sh("dpkg", "-r", PKG)
    # dpkg also tries to remove /opt (no package owns it) and says so when other software
    # lives there; any other warning means files were left behind.
    warnings = [
        ln for ln in removed.stderr.splitlines() if "warning" in ln and "'/opt' not empty" not in ln
    ]
    assert warnings == []
    assert installed_version() is None
    status = sh("dpkg-query", "-W", "-f=${Status}", PKG, check=False).stdout
    assert "config-files" not in status  # nothing left for a purge to remove
    for path in (APPDIR, LAUNCHER, DESKTOP, ICON, Path("/usr/share/doc/siaga-console")):
        assert not path.exists(), f"{path} left behind"
    # The user's configuration and data stay (Debian policy: never touch home directories).
    assert (home / "data" / "siaga.db").is_file()
    assert (home / "config" / "siaga-console.ini").is_file()
