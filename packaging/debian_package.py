"""The Debian/Ubuntu package around the PyInstaller bundle.

Layout: the bundle in /opt/siaga-console, the launcher /usr/bin/siaga-console, a desktop
entry, the icon in the hicolor theme, /usr/share/doc/siaga-console/copyright. No
maintainer scripts: dpkg's own triggers refresh the desktop and icon caches, and removing
the package removes every file it installed (the program never writes into /opt: see
rthook_siaga.py). Per-user configuration and data live in the users' home directories and
are left alone on removal and upgrade, as Debian policy wants.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import elf_deps

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE = "siaga-console"
APPDIR = f"/opt/{PACKAGE}"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Not ELF dependencies, but needed: the fontconfig configuration the bundled libfontconfig
# reads, and one font (Qt draws no text without a system font).
EXTRA_DEPENDS = ("fontconfig-config", "fonts-dejavu-core")
DEFAULT_MAINTAINER = "Siaga Console developers <siaga-console@localhost>"
DESCRIPTION = """Dispatcher console for Serang Siaga 112
 The desktop dispatcher console of Serang Siaga 112, the emergency number of
 Kota Serang (Banten, Indonesia): call intake, the incident queue, a live map of
 the city's kecamatan and kelurahan, shift dashboards and reports, and sync
 between the workstations of one command center, on an embedded SQLite
 database or a shared PostgreSQL server. Indonesian and English interface."""


@dataclass(frozen=True)
class BuiltPackage:
    path: Path
    version: str
    installed_size_kib: int
    depends: tuple[str, ...]


def debian_version(version: str) -> str:
    """A PEP 440 version as a Debian version that sorts the same way.

    ``1.2.0rc1`` -> ``1.2.0~rc1`` and ``1.2.0.dev3`` -> ``1.2.0~dev3`` (before the release),
    ``1.2.0.post1`` -> ``1.2.0+post1`` and the local part ``1.2.0+abc`` stays after it.
    """
    public, _, local = version.partition("+")
    m = re.fullmatch(r"(\d+(?:\.\d+)*)(?:\.?(a|b|rc|dev)(\d*))?(?:\.?post(\d+))?", public)
    if not m:
        raise ValueError(f"not a version this recipe understands: {version!r}")
    out = m.group(1)
    if m.group(2):
        out += f"~{m.group(2)}{m.group(3)}"
    if m.group(4):
        out += f"+post{m.group(4)}"
    if local:
        out += "+" + re.sub(r"[^A-Za-z0-9.+~]", ".", local)
    return out


def dpkg_architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def ldconfig_tag(arch: str) -> str:
    """How ``ldconfig -p`` labels this architecture's libraries."""
    return {"amd64": "x86-64", "arm64": "AArch64", "i386": "libc6"}.get(arch, "libc6")


def installed_size_kib(root: Path) -> int:
    """Installed-Size as dpkg-gencontrol counts it: KiB per file rounded up, 1 per other entry."""
    total = 0
    for dirpath, dirnames, filenames in os.walk(root):
        if Path(dirpath) == root:
            dirnames[:] = [d for d in dirnames if d != "DEBIAN"]
        total += len(dirnames)
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_symlink():
                total += 1
            else:
                total += (path.stat().st_size + 1023) // 1024
    return total


def _copy_tree(src: Path, dest: Path) -> None:
    """Hard links when possible (fast, no extra space), else a real copy."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["cp", "-al", str(src), str(dest)], capture_output=True, check=False)
    if proc.returncode != 0:
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(src, dest, symlinks=True)


def _install(src: Path, dest: Path, mode: int = 0o644, text: str | None = None) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    if text is None:
        shutil.copyfile(src, dest)
    else:
        dest.write_text(text, encoding="utf-8")
    dest.chmod(mode)


def _normalise_modes(root: Path) -> None:
    """Directories 755, nothing writable by group or others (dpkg-deb checks DEBIAN too)."""
    for dirpath, _dirnames, filenames in os.walk(root):
        Path(dirpath).chmod(0o755)
        for name in filenames:
            p = Path(dirpath) / name
            if not p.is_symlink():
                mode = p.stat().st_mode & 0o7777
                if mode & 0o022:
                    p.chmod(mode & ~0o022)


def stage(bundle: Path, root: Path, arch: str) -> list[str]:
    """Lay out the package tree under ``root``; returns the Depends entries."""
    if root.exists():
        shutil.rmtree(root)
    appdir = root / APPDIR.lstrip("/")
    _copy_tree(bundle, appdir)
    libs = elf_deps.system_libraries(appdir, ldconfig_tag(arch))
    lines = [f"{lib.soname} {lib.package}" for lib in libs]
    (appdir / "system-libraries").write_text(
        "# soname Debian-package: checked by /usr/bin/siaga-console before starting\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    launcher = (HERE / "linux" / "launcher.sh").read_text(encoding="utf-8")
    _install(
        HERE / "linux" / "launcher.sh",
        root / "usr/bin" / PACKAGE,
        0o755,
        launcher.replace("@APPDIR@", APPDIR),
    )
    desktop = (HERE / "linux" / f"{PACKAGE}.desktop").read_text(encoding="utf-8")
    _install(
        HERE / "linux" / f"{PACKAGE}.desktop",
        root / "usr/share/applications" / f"{PACKAGE}.desktop",
        text=desktop.replace("@WMCLASS@", PACKAGE),
    )
    icons = ROOT / "resources" / "icons"
    hicolor = root / "usr/share/icons/hicolor"
    for size in ICON_SIZES:
        _install(icons / f"{PACKAGE}-{size}.png", hicolor / f"{size}x{size}/apps/{PACKAGE}.png")
    _install(icons / f"{PACKAGE}.svg", hicolor / f"scalable/apps/{PACKAGE}.svg")
    _install(HERE / "linux" / "copyright", root / "usr/share/doc" / PACKAGE / "copyright")
    return elf_deps.merge_depends([lib.depends for lib in libs] + list(EXTRA_DEPENDS))


def control_text(version: str, arch: str, installed_kib: int, depends: list[str]) -> str:
    maintainer = os.environ.get("DEB_MAINTAINER", DEFAULT_MAINTAINER)
    fields = [
        ("Package", PACKAGE),
        ("Version", version),
        ("Architecture", arch),
        ("Maintainer", maintainer),
        ("Installed-Size", str(installed_kib)),
        ("Depends", ", ".join(depends)),
        ("Section", "misc"),
        ("Priority", "optional"),
        ("Description", DESCRIPTION),
    ]
    return "".join(f"{k}: {v}\n" for k, v in fields)


def build_deb(bundle: Path, version: str, out_dir: Path, *, compress: str = "zstd") -> BuiltPackage:
    """Build ``siaga-console_<version>_<arch>.deb`` from a PyInstaller one-folder bundle."""
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"no bundle in {bundle}: run `make package` (or build_package.py bundle)")
    arch = dpkg_architecture()
    debver = debian_version(version)
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir / f"deb-root-{debver}"
    depends = stage(bundle, root, arch)
    # QtWebEngine (PySide6 6.11) creates this empty folder at first start when it is missing;
    # shipping it lets dpkg own it, so that removal leaves nothing behind.
    (root / "opt" / PACKAGE / "_internal" / "PySide6" / "Qt" / "resources" / "locales").mkdir(
        parents=True, exist_ok=True
    )
    size = installed_size_kib(root)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        control_text(debver, arch, size, depends), encoding="utf-8"
    )
    _normalise_modes(root)
    deb = out_dir / f"{PACKAGE}_{debver}_{arch}.deb"
    deb.unlink(missing_ok=True)
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", f"-Z{compress}", "--build", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root)
    return BuiltPackage(deb, debver, size, tuple(depends))
