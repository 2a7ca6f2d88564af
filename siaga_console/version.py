"""The version, from the package metadata (or the PyInstaller bundle's copy of it)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as pkg_version


def app_version() -> str:
    try:
        return pkg_version("siaga-console")
    except PackageNotFoundError:
        return "0+unknown"
