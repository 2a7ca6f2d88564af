"""Build the one-folder bundle (PyInstaller) and the Debian package: ``make package``.

    .venv/bin/python packaging/build_package.py all            # bundle + .deb
    .venv/bin/python packaging/build_package.py bundle         # packaging/out/dist/siaga-console
    .venv/bin/python packaging/build_package.py deb [--bundle DIR] [--version V] [--compress xz]

Outputs go to packaging/out/ (ignored by git). The version is the package metadata's
(pyproject.toml, as installed in the venv); the two must agree.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import tomllib
from importlib.metadata import version as installed_version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
DIST = OUT / "dist"
APP = "siaga-console"


def project_version() -> str:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    installed = installed_version(APP)
    if declared != installed:
        raise SystemExit(
            f"pyproject.toml says {declared} but the venv has {installed} installed: "
            "reinstall it (make venv, or pip install -e .) so the bundle carries the right version"
        )
    return str(declared)


def du_mib(path: Path) -> float:
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 2**20


def build_bundle(clean: bool = False) -> Path:
    version = project_version()
    if not list((ROOT / "resources" / "translations").glob("*.qm")):
        raise SystemExit("no compiled translations: run `make translations` first")
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(OUT / "build"),
        *(["--clean"] if clean else []),
        str(HERE / f"{APP}.spec"),
    ]
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True)
    bundle = DIST / APP
    print(f"bundle: {bundle} ({du_mib(bundle):.0f} MiB) in {time.perf_counter() - t:.0f} s")
    verify_bundle(bundle, version)
    return bundle


def verify_bundle(bundle: Path, version: str) -> None:
    """The frozen program starts and knows its version (the dist-info is in the bundle)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [str(bundle / APP), "--version"], capture_output=True, text=True, env=env, check=False
    )
    expected = f"{APP} {version}"
    if proc.returncode != 0 or proc.stdout.strip() != expected:
        raise SystemExit(
            f"the bundle's --version printed {proc.stdout.strip()!r} (exit {proc.returncode}), "
            f"expected {expected!r}:\n{proc.stderr}"
        )
    print(f"bundle --version: {proc.stdout.strip()}")


def build_deb(bundle: Path, version: str | None, compress: str, out: Path) -> Path:
    from debian_package import build_deb as _build

    t = time.perf_counter()
    built = _build(bundle, version or project_version(), out, compress=compress)
    print(
        f"package: {built.path} ({built.path.stat().st_size / 2**20:.0f} MiB, "
        f"Installed-Size {built.installed_size_kib / 1024:.0f} MiB) "
        f"in {time.perf_counter() - t:.0f} s"
    )
    print(f"Depends: {', '.join(built.depends)}")
    return built.path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = p.add_subparsers(dest="step", required=True)
    b = sub.add_parser("bundle", help="PyInstaller one-folder bundle")
    b.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    for name in ("deb", "all"):
        d = sub.add_parser(name, help="Debian package" if name == "deb" else "bundle + .deb")
        d.add_argument("--bundle", type=Path, default=DIST / APP)
        d.add_argument("--version", help="package version (default: the metadata's)")
        d.add_argument("--compress", default="zstd", choices=["zstd", "xz", "gzip", "none"])
        d.add_argument("--out", type=Path, default=OUT)
        if name == "all":
            d.add_argument("--clean", action="store_true")
    args = p.parse_args(argv)
    if args.step in ("bundle", "all"):
        bundle = build_bundle(clean=args.clean)
        if args.step == "bundle":
            return 0
        args.bundle = bundle
    build_deb(args.bundle, args.version, args.compress, args.out)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    raise SystemExit(main())
