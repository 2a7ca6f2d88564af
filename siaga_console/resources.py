"""Where the shipped resources live (source tree, installed bundle or PyInstaller)."""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from .domain.geo import Gazetteer


def resources_dir() -> Path:
    env = os.environ.get("SIAGA_RESOURCES")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def load_geojson(name: str) -> dict[str, Any]:
    with resource("geo", name).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


@cache
def gazetteer() -> Gazetteer:
    """The city's gazetteer, built once per process (the boundaries never change at run time)."""
    kec = load_geojson("serang_kecamatan.geojson")["features"]
    kel = load_geojson("serang_kelurahan.geojson")["features"]
    return Gazetteer(kec, kel)
