"""The base page is built once and kept in the user's cache directory.

The file name carries a hash of everything the page is made of (the GeoJSON bytes, every
asset's bytes, the texts, the tile layer, folium's and the page's versions), so the page is
rebuilt only when one of those changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from platformdirs import user_cache_dir

from .assets import AssetSet
from .page import PAGE_VERSION, PageTexts, TileSpec, build_page

APP_NAME = "siaga-console"
PAGE_PREFIX = "page-"


def cache_dir() -> Path:
    """The user's cache directory (``SIAGA_CACHE_DIR`` moves it: tests, portable installs)."""
    return Path(os.environ.get("SIAGA_CACHE_DIR") or user_cache_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class PageSpec:
    kecamatan_file: Path
    kelurahan_file: Path
    assets: AssetSet
    texts: PageTexts
    tiles: TileSpec

    def key(self) -> str:
        h = hashlib.sha256()
        for part in (
            PAGE_VERSION,
            version("folium"),
            self.assets.fingerprint(),
            self.texts.key(),
            self.tiles.key(),
        ):
            h.update(part.encode())
            h.update(b"\0")
        h.update(self.kecamatan_file.read_bytes())
        h.update(b"\0")
        h.update(self.kelurahan_file.read_bytes())
        return h.hexdigest()[:24]

    def build(self) -> str:
        kec = json.loads(self.kecamatan_file.read_text(encoding="utf-8"))
        kel = json.loads(self.kelurahan_file.read_text(encoding="utf-8"))
        return build_page(kec, kel, self.assets, self.texts, self.tiles)


@dataclass(frozen=True, slots=True)
class CachedPage:
    path: Path
    built: bool  # False: taken from the cache


def ensure_page(spec: PageSpec, directory: Path) -> CachedPage:
    """The page file for ``spec``: reused when present, else built and written atomically.

    Raises OSError when the directory cannot be written (the caller can still show the
    page from memory with ``spec.build()``).
    """
    key = spec.key()
    path = directory / f"{PAGE_PREFIX}{key}.html"
    if path.is_file() and path.stat().st_size > 0:
        return CachedPage(path, built=False)
    html = spec.build()
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".page-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(html)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    for old in directory.glob(f"{PAGE_PREFIX}*.html"):
        if old != path:
            old.unlink(missing_ok=True)
    return CachedPage(path, built=True)
