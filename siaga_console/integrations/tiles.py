"""Map tiles: a local cache in the user's cache directory, filled from a tile server.

The map page asks the console for every tile; ``TileSource.get`` answers from the cache when
the tile is fresh, else fetches it (``requests``), stores it and answers; when the network or
the server is down it answers with the cached copy however old, or with nothing (the page
then shows the boundaries, incidents and units on a plain background). After a network
failure the server is left alone for a while (``backoff_s``) so an offline console does not
wait on every tile. Qt-free and thread-safe: the console calls it from a thread pool.
"""

from __future__ import annotations

import configparser
import hashlib
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse

import requests

from ..services.mapping.page import OSM_ATTRIBUTION
from ..version import app_version

log = logging.getLogger(__name__)

OSM_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
MAX_ZOOM = 22
MAX_TILE_BYTES = 2 * 1024 * 1024
IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"RIFF", "image/webp"),
    (b"GIF8", "image/gif"),
)


def image_type(data: bytes) -> str | None:
    """The MIME type of an image by its first bytes, or None when it is not one we serve."""
    for magic, mime in IMAGE_MAGIC:
        if data.startswith(magic):
            if mime == "image/webp" and data[8:12] != b"WEBP":
                return None
            return mime
    return None


def valid_tile(z: int, x: int, y: int, max_zoom: int = MAX_ZOOM) -> bool:
    return 0 <= z <= max_zoom and 0 <= x < 2**z and 0 <= y < 2**z


@dataclass(frozen=True)
class TileConfig:
    """Where tiles come from. ``url`` None: the cache only (no network at all)."""

    url: str | None = OSM_TILE_URL
    attribution: str = OSM_ATTRIBUTION
    cache_max_bytes: int = 512 * 1024 * 1024
    max_age_s: float = 30 * 24 * 3600
    connect_timeout_s: float = 3.0
    read_timeout_s: float = 6.0
    backoff_s: float = 20.0
    max_backoff_s: float = 300.0
    user_agent: str = field(
        default_factory=lambda: f"SiagaConsole/{app_version()} (Serang Siaga 112 dispatch console)"
    )

    @property
    def host(self) -> str:
        return urlparse(self.url).netloc if self.url else ""


@dataclass(frozen=True, slots=True)
class TileResult:
    data: bytes | None
    mime: str
    origin: str  # "cache", "network", "stale" (old cached copy, server unreachable), "none"


@dataclass(frozen=True, slots=True)
class TileStatus:
    """What the map widget tells the user about tiles."""

    online: bool  # the server answered lately (or no request was made yet)
    cache_ok: bool
    detail: str = ""  # the last problem, in English for the log
    kind: str = "ok"  # "ok", "offline" (network/server), "disabled" (no URL), "cache"


class TileCache:
    """Tiles as files: ``root/<source hash>/<z>/<x>/<y>.tile``; written atomically."""

    def __init__(self, root: Path, source: str) -> None:
        self.root = root / hashlib.sha256(source.encode()).hexdigest()[:12]

    def path(self, z: int, x: int, y: int) -> Path:
        return self.root / str(z) / str(x) / f"{y}.tile"

    def read(self, z: int, x: int, y: int) -> tuple[bytes, float] | None:
        """The tile's bytes and age in seconds; None when absent. A broken file is removed."""
        p = self.path(z, x, y)
        try:
            data = p.read_bytes()
            age = time.time() - p.stat().st_mtime
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            return None
        if image_type(data) is None:
            log.warning("removing a broken cached tile %s", p)
            p.unlink(missing_ok=True)
            return None
        return data, age

    def write(self, z: int, x: int, y: int, data: bytes) -> None:
        p = self.path(z, x, y)
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".t", dir=p.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, p)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def size(self) -> tuple[int, int]:
        """(files, bytes) in this source's cache."""
        n = total = 0
        for p in self.root.rglob("*.tile"):
            n += 1
            total += p.stat().st_size
        return n, total

    def prune(self, max_bytes: int) -> int:
        """Delete the least recently written tiles until the cache fits; returns files removed."""
        files = []
        for p in self.root.rglob("*.tile"):
            st = p.stat()
            files.append((st.st_mtime, st.st_size, p))
        total = sum(f[1] for f in files)
        removed = 0
        for _, size, p in sorted(files):
            if total <= max_bytes:
                break
            p.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed


class TileSource:
    """Cache first, network when allowed, stale cache when the network fails."""

    def __init__(
        self,
        config: TileConfig,
        cache_root: Path | None,
        *,
        clock: Callable[[], float] = time.monotonic,
        session_factory: Callable[[], requests.Session] = requests.Session,
    ) -> None:
        self.config = config
        self._clock = clock
        self._session_factory = session_factory
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self._offline_until = 0.0
        self._backoff = config.backoff_s
        self._status = TileStatus(online=True, cache_ok=True)
        if config.url is None:
            self._status = TileStatus(True, True, "no tile server configured", "disabled")
        self.cache: TileCache | None = None
        if cache_root is not None:
            self.cache = TileCache(cache_root, config.url or "none")
            try:
                self.cache.root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self._cache_failed(exc)

    # -- status -----------------------------------------------------------------------------
    @property
    def status(self) -> TileStatus:
        with self._lock:
            return self._status

    def _set_status(self, status: TileStatus) -> None:
        with self._lock:
            self._status = status

    def _cache_failed(self, exc: BaseException) -> None:
        log.warning("tile cache unusable: %s", exc)
        self.cache = None
        st = self.status
        self._set_status(TileStatus(st.online, False, f"tile cache unusable: {exc}", "cache"))

    def _went_offline(self, reason: str) -> None:
        with self._lock:
            self._offline_until = self._clock() + self._backoff
            self._backoff = min(self._backoff * 2, self.config.max_backoff_s)
            self._status = TileStatus(False, self._status.cache_ok, reason, "offline")
        log.info("tile server unreachable (%s); using cached tiles", reason)

    def _came_online(self) -> None:
        with self._lock:
            self._backoff = self.config.backoff_s
            self._offline_until = 0.0
            if not self._status.online or self._status.kind == "offline":
                kind = "ok" if self._status.cache_ok else "cache"
                detail = "" if self._status.cache_ok else self._status.detail
                self._status = TileStatus(True, self._status.cache_ok, detail, kind)

    def network_allowed(self) -> bool:
        with self._lock:
            return self.config.url is not None and self._clock() >= self._offline_until

    # -- tiles ------------------------------------------------------------------------------
    def _session(self) -> requests.Session:
        s: requests.Session | None = getattr(self._local, "session", None)
        if s is None:
            s = self._session_factory()
            s.headers["User-Agent"] = self.config.user_agent
            self._local.session = s
            with self._lock:
                self._sessions.append(s)
        return s

    def _read_cache(self, z: int, x: int, y: int) -> tuple[bytes, float] | None:
        if self.cache is None:
            return None
        try:
            return self.cache.read(z, x, y)
        except OSError as exc:
            self._cache_failed(exc)
            return None

    def _fetch(self, z: int, x: int, y: int) -> bytes | None:
        assert self.config.url is not None
        url = self.config.url.format(z=z, x=x, y=y, s="a")
        try:
            r = self._session().get(
                url,
                timeout=(self.config.connect_timeout_s, self.config.read_timeout_s),
                stream=True,
            )
        except requests.RequestException as exc:
            self._went_offline(f"{type(exc).__name__}: {exc}"[:200])
            return None
        with r:
            if r.status_code >= 500 or r.status_code == 429:
                self._went_offline(f"HTTP {r.status_code} from {self.config.host}")
                return None
            if r.status_code != 200:
                self._came_online()  # the server answers; this tile does not exist
                return None
            try:
                data: bytes = r.raw.read(MAX_TILE_BYTES + 1, decode_content=True)
            except (requests.RequestException, OSError) as exc:
                self._went_offline(f"{type(exc).__name__}: {exc}"[:200])
                return None
        if len(data) > MAX_TILE_BYTES or image_type(data) is None:
            log.warning("tile %s/%s/%s from %s is not an image", z, x, y, self.config.host)
            return None
        self._came_online()
        return data

    def get(self, z: int, x: int, y: int) -> TileResult:
        if not valid_tile(z, x, y):
            return TileResult(None, "", "none")
        cached = self._read_cache(z, x, y)
        if cached is not None and cached[1] <= self.config.max_age_s:
            return TileResult(cached[0], image_type(cached[0]) or "image/png", "cache")
        if self.network_allowed():
            data = self._fetch(z, x, y)
            if data is not None:
                if self.cache is not None:
                    try:
                        self.cache.write(z, x, y, data)
                    except OSError as exc:
                        self._cache_failed(exc)
                return TileResult(data, image_type(data) or "image/png", "network")
        if cached is not None:
            return TileResult(cached[0], image_type(cached[0]) or "image/png", "stale")
        return TileResult(None, "", "none")

    def prune(self) -> int:
        """Keep the cache under ``cache_max_bytes`` (oldest tiles go first)."""
        if self.cache is None:
            return 0
        try:
            return self.cache.prune(self.config.cache_max_bytes)
        except OSError as exc:
            log.warning("tile cache prune failed: %s", exc)
            return 0

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for s in sessions:
            s.close()


def load_tile_config(ini_path: Path | None, environ: Mapping[str, str]) -> TileConfig:
    """Tile settings: ``SIAGA_TILE_URL`` / ``SIAGA_TILE_ATTRIBUTION``, else the ``[map]``
    section of the user's config file (``tile_url``, ``tile_attribution``,
    ``tile_max_age_days``, ``tile_cache_mb``), else OpenStreetMap. A URL of ``none`` (or
    empty) means no network: cached tiles only."""
    section: Mapping[str, str] = {}
    if ini_path is not None and ini_path.is_file():
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(ini_path, encoding="utf-8")
            if parser.has_section("map"):
                section = dict(parser.items("map"))
        except (configparser.Error, UnicodeDecodeError, OSError) as exc:
            log.warning("cannot read [map] from %s: %s", ini_path, exc)
    url: str | None = environ.get("SIAGA_TILE_URL", section.get("tile_url", OSM_TILE_URL))
    url = (url or "").strip()
    if url.lower() in ("", "none", "off", "offline"):
        url = None
    default_attr = OSM_ATTRIBUTION if url == OSM_TILE_URL or url is None else ""
    attribution = environ.get(
        "SIAGA_TILE_ATTRIBUTION", section.get("tile_attribution", default_attr)
    )
    if url is not None and not attribution:
        attribution = f"Map tiles: {urlparse(url).netloc}"
    cfg = TileConfig(url=url, attribution=attribution)
    try:
        if "tile_max_age_days" in section:
            cfg = replace(cfg, max_age_s=float(section["tile_max_age_days"]) * 86400)
        if "tile_cache_mb" in section:
            cfg = replace(cfg, cache_max_bytes=int(section["tile_cache_mb"]) * 1024 * 1024)
    except ValueError as exc:
        log.warning("bad number in [map] of %s: %s", ini_path, exc)
    return cfg
