"""The packaging tools without building anything: the launcher, versions, sizes, ELF deps.

Fast (a second or two): part of ``make test``. The slow end-to-end package test is
tests/e2e/test_package.py (``make package-test``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import debian_package  # noqa: E402
import elf_deps  # noqa: E402

LIBC = "libc.so.6"


def render_launcher(appdir: Path, libraries: list[str], program: bool = True) -> Path:
    """The real launcher template with APPDIR pointing to a fake bundle that records its args."""
    appdir.mkdir(parents=True, exist_ok=True)
    launcher = appdir.parent / "siaga-console-launcher"
    text = (PACKAGING / "linux" / "launcher.sh").read_text(encoding="utf-8")
    launcher.write_text(text.replace("@APPDIR@", str(appdir)), encoding="utf-8")
    launcher.chmod(0o755)
    (appdir / "system-libraries").write_text(
        "# soname package\n" + "".join(f"{line}\n" for line in libraries), encoding="utf-8"
    )
    if program:
        fake = appdir / "siaga-console"
        fake.write_text(
            '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done > "$(dirname "$0")/args"\n'
        )
        fake.chmod(0o755)
    return launcher


def run(launcher: Path, *args: str, display: bool = True) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(launcher.parent)}
    if display:
        env["DISPLAY"] = ":99"
    return subprocess.run(
        [str(launcher), *args], capture_output=True, text=True, env=env, check=False
    )


def test_launcher_starts_the_program_with_its_arguments(tmp_path: Path) -> None:
    appdir = tmp_path / "opt" / "siaga-console"
    launcher = render_launcher(appdir, [f"{LIBC} libc6"])
    proc = run(launcher, "--db", "sqlite:////tmp/a b.db", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert (appdir / "args").read_text().splitlines() == [
        "--db",
        "sqlite:////tmp/a b.db",
        "--lang",
        "en",
    ]


def test_launcher_names_the_missing_library_and_its_package(tmp_path: Path) -> None:
    appdir = tmp_path / "opt" / "siaga-console"
    launcher = render_launcher(
        appdir,
        [
            f"{LIBC} libc6",
            "libsiaga-missing.so.7 libsiaga-missing7",
            "libsiaga-other.so.1 libsiaga-missing7",
        ],
    )
    proc = run(launcher, "--version")
    assert proc.returncode == 3
    assert "libsiaga-missing.so.7 (Debian package libsiaga-missing7)" in proc.stderr
    assert "sudo apt-get install libsiaga-missing7\n" in proc.stderr  # each package once
    assert LIBC not in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (appdir / "args").exists()  # the program was not started


@pytest.mark.parametrize(
    ("args", "gui"),
    [
        ((), True),
        (("--db", "sqlite:////tmp/x.db", "--lang", "en"), True),
        (("--version",), False),
        (("--selftest",), False),
        (("db", "status"), False),
        (("--db", "stats", "stats", "--json"), False),
    ],
)
def test_launcher_explains_a_missing_display(
    tmp_path: Path, args: tuple[str, ...], gui: bool
) -> None:
    appdir = tmp_path / "opt" / "siaga-console"
    launcher = render_launcher(appdir, [f"{LIBC} libc6"])
    proc = run(launcher, *args, display=False)
    if gui:
        assert proc.returncode == 4
        assert "no graphical display" in proc.stderr
        assert not (appdir / "args").exists()
    else:
        assert proc.returncode == 0, proc.stderr
        assert (appdir / "args").read_text().splitlines() == list(args)


def test_launcher_reports_a_missing_program(tmp_path: Path) -> None:
    launcher = render_launcher(tmp_path / "opt" / "siaga-console", [], program=False)
    proc = run(launcher, "--version")
    assert proc.returncode == 127
    assert "reinstall the siaga-console package" in proc.stderr


@pytest.mark.parametrize(
    ("pep440", "debian"),
    [
        ("0.1.0", "0.1.0"),
        ("1.2.0rc1", "1.2.0~rc1"),
        ("1.2.0.dev3", "1.2.0~dev3"),
        ("1.2.0.post1", "1.2.0+post1"),
        ("0.1.0+pkgtest1", "0.1.0+pkgtest1"),
    ],
)
def test_debian_version(pep440: str, debian: str) -> None:
    assert debian_package.debian_version(pep440) == debian


def test_debian_versions_sort_like_the_releases() -> None:
    if not shutil.which("dpkg"):
        pytest.skip("no dpkg")
    order = ["1.2.0.dev3", "1.2.0rc1", "1.2.0", "1.2.0+pkgtest1", "1.2.0.post1", "1.3.0"]
    debs = [debian_package.debian_version(v) for v in order]
    for older, newer in zip(debs, debs[1:], strict=False):
        ok = subprocess.run(["dpkg", "--compare-versions", older, "lt", newer], check=False)
        assert ok.returncode == 0, f"{older} should sort before {newer}"


def test_installed_size_counts_kib_per_file(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "DEBIAN").mkdir(parents=True)
    (root / "DEBIAN" / "control").write_text("x" * 5000)  # not counted
    (root / "opt" / "a").mkdir(parents=True)
    (root / "opt" / "a" / "one").write_bytes(b"x" * 1)  # 1 KiB
    (root / "opt" / "a" / "two").write_bytes(b"x" * 2049)  # 3 KiB
    (root / "opt" / "link").symlink_to("a/one")  # 1
    # dirs: opt, opt/a -> 2
    assert debian_package.installed_size_kib(root) == 1 + 3 + 1 + 2


def test_merge_depends_keeps_the_strictest() -> None:
    merged = elf_deps.merge_depends(
        ["libc6 (>= 2.34)", "libxcb1 (>= 1.12)", "libc6 (>= 2.36)", "fonts-dejavu-core", "libc6"]
    )
    assert merged == ["fonts-dejavu-core", "libc6 (>= 2.36)", "libxcb1 (>= 1.12)"]


@pytest.mark.skipif(not shutil.which("readelf"), reason="binutils (readelf) not installed")
def test_system_libraries_of_a_real_program(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shutil.copy("/bin/ls", bundle / "ls")
    libs = {lib.soname: lib for lib in elf_deps.system_libraries(bundle)}
    assert LIBC in libs
    assert libs[LIBC].package == "libc6"
    assert libs[LIBC].depends.startswith("libc6 (>= ")
    # A library the bundle carries itself is not a system dependency.
    selinux = next((n for n in libs if n.startswith("libselinux")), None)
    if selinux:
        shutil.copy(libs[selinux].path, bundle / selinux)
        assert selinux not in {lib.soname for lib in elf_deps.system_libraries(bundle)}


@pytest.mark.skipif(not shutil.which("gcc"), reason="no C compiler to make a broken library")
def test_a_library_missing_on_the_build_machine_stops_the_build(tmp_path: Path) -> None:
    """libuser.so needs libsiagafake.so.1, which exists nowhere once its stub is deleted."""
    src = tmp_path / "empty.c"
    src.write_text("int siaga_fake(void) { return 1; }\n")
    stub = tmp_path / "libsiagafake.so.1"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-Wl,-soname,libsiagafake.so.1", "-o", str(stub), str(src)],
        check=True,
    )
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    user_src = tmp_path / "user.c"
    user_src.write_text("int siaga_fake(void);\nint siaga_user(void) { return siaga_fake(); }\n")
    user = bundle / "libuser.so"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(user), str(user_src), str(stub)], check=True
    )
    stub.unlink()
    with pytest.raises(elf_deps.MissingOnBuildHost, match=r"libsiagafake\.so\.1 \(needed by"):
        elf_deps.system_libraries(bundle)


def test_the_desktop_entry_is_valid(tmp_path: Path) -> None:
    validate = shutil.which("desktop-file-validate")
    if not validate:
        pytest.skip("desktop-file-utils not installed (make system-package)")
    entry = tmp_path / "siaga-console.desktop"
    text = (PACKAGING / "linux" / "siaga-console.desktop").read_text(encoding="utf-8")
    entry.write_text(text.replace("@WMCLASS@", "siaga-console"), encoding="utf-8")
    proc = subprocess.run([validate, str(entry)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout + proc.stderr


def test_icons_exist_in_every_size_the_package_installs() -> None:
    icons = ROOT / "resources" / "icons"
    for size in debian_package.ICON_SIZES:
        data = (icons / f"siaga-console-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == (size, size)
    assert (icons / "siaga-console.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert os.path.getsize(icons / "siaga-console.svg") > 0
