"""Which system libraries a PyInstaller bundle needs, and which Debian packages provide them.

PyInstaller copies most shared libraries into the bundle but deliberately leaves out the C
library, the GL/EGL/DRM stack, libxcb and the Wayland client libraries (they must match the
machine's graphics drivers). This module reads the ``NEEDED`` entries of every ELF file in
the bundle (``readelf -d``), drops those the bundle provides itself, finds the rest with
``ldconfig -p``, the owning package with ``dpkg -S`` and the minimal version from the
package's ``shlibs`` file, as ``dpkg-shlibdeps`` would.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")
_FILE = re.compile(r"^File: (.+)$")
_LDCONFIG = re.compile(r"^\s+(\S+) \(([^)]*)\) => (\S+)$")
DPKG_INFO = Path("/var/lib/dpkg/info")


@dataclass(frozen=True)
class SystemLibrary:
    soname: str
    path: str  # where the build machine has it
    package: str  # the Debian package that ships it
    depends: str  # "libxcb1 (>= 1.12)": what goes into Depends


class MissingOnBuildHost(RuntimeError):
    """Libraries the bundle needs that the build machine does not have: no Depends possible."""


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def elf_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


def _chunks(items: list[Path], size: int) -> Iterator[list[Path]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def needed_by(files: list[Path]) -> dict[Path, set[str]]:
    """``NEEDED`` sonames of each ELF file (one ``readelf`` run per 200 files)."""
    out: dict[Path, set[str]] = {}
    for chunk in _chunks(files, 200):
        # Two names at least, so that readelf prints its "File:" headers.
        args = [str(p) for p in chunk] + ([str(chunk[0])] if len(chunk) == 1 else [])
        proc = subprocess.run(
            ["readelf", "-d", "--wide", *args], capture_output=True, text=True, check=False
        )
        current: Path | None = None
        for line in proc.stdout.splitlines():
            if m := _FILE.match(line):
                current = Path(m.group(1))
                out.setdefault(current, set())
            elif (m := _NEEDED.search(line)) and current is not None:
                out[current].add(m.group(1))
    return out


def external_sonames(bundle: Path) -> dict[str, set[Path]]:
    """Sonames needed by the bundle's ELF files and not provided by the bundle itself."""
    provided = {p.name for p in bundle.rglob("*") if p.is_file() or p.is_symlink()}
    external: dict[str, set[Path]] = {}
    for path, names in needed_by(elf_files(bundle)).items():
        for name in names - provided:
            external.setdefault(name, set()).add(path)
    return external


def ldconfig_paths(arch_tag: str) -> dict[str, str]:
    """soname -> path from the dynamic linker's cache, for this architecture only."""
    proc = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True)
    paths: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        m = _LDCONFIG.match(line)
        if m and arch_tag in m.group(2).split(","):
            paths.setdefault(m.group(1), m.group(3))
    return paths


def owning_package(path: str) -> str | None:
    candidates = {path, str(Path(path).resolve())}
    for c in list(candidates):  # merged /usr: dpkg may know either spelling
        if c.startswith("/lib"):
            candidates.add("/usr" + c)
        elif c.startswith("/usr/lib"):
            candidates.add(c[4:])
    for c in sorted(candidates):
        proc = subprocess.run(["dpkg", "-S", c], capture_output=True, text=True, check=False)
        if proc.returncode == 0:
            pkg = proc.stdout.split(":", 1)[0].strip()
            return pkg.split(",")[0].strip()
    return None


def shlibs_depends(package: str, soname: str) -> str:
    """The dependency the package's shlibs file declares for ``soname`` (or the bare name)."""
    m = re.match(r"^(.*)\.so\.(.*)$", soname) or re.match(r"^(.*)-([0-9.]+)\.so$", soname)
    if m:
        lib, version = m.group(1), m.group(2)
        for shlibs in sorted(DPKG_INFO.glob(f"{package}*.shlibs")):
            if shlibs.name.split(":")[0].removesuffix(".shlibs") != package:
                continue
            for line in shlibs.read_text(encoding="utf-8").splitlines():
                parts = line.split(None, 2)
                if len(parts) == 3 and parts[0] == lib and parts[1] == version:
                    return parts[2]
    return package


def system_libraries(bundle: Path, arch_tag: str = "x86-64") -> list[SystemLibrary]:
    """Every system library the bundle needs, with its package; raises if one is missing."""
    external = external_sonames(bundle)
    paths = ldconfig_paths(arch_tag)
    found: list[SystemLibrary] = []
    missing: list[str] = []
    for soname in sorted(external):
        path = paths.get(soname)
        package = owning_package(path) if path else None
        if path is None or package is None:
            users = ", ".join(sorted(str(p.relative_to(bundle)) for p in external[soname])[:3])
            missing.append(f"{soname} (needed by {users})")
            continue
        found.append(SystemLibrary(soname, path, package, shlibs_depends(package, soname)))
    if missing:
        raise MissingOnBuildHost(
            "the bundle needs libraries this machine does not have, so their Debian packages "
            "cannot be named: " + "; ".join(missing)
        )
    return found


def merge_depends(items: Iterable[str]) -> list[str]:
    """One entry per package, keeping the strictest (longest-versioned) declaration."""
    best: dict[str, str] = {}
    for item in items:
        name = item.split()[0]
        if name not in best or _version_of(item) > _version_of(best[name]):
            best[name] = item
    return [best[k] for k in sorted(best)]


def _version_of(item: str) -> tuple[int, ...]:
    m = re.search(r"\(>=\s*([0-9][^)\s]*)\)", item)
    if not m:
        return ()
    return tuple(int(x) for x in re.findall(r"\d+", m.group(1)))
