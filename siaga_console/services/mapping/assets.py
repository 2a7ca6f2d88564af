"""The map page's local files: vendored libraries and our own script and style.

Nothing loads from a CDN: the page links these files by ``file://`` URL. Their contents
(not only their names) are part of the page cache key, so replacing a file rebuilds the page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ...domain.errors import SiagaError


@dataclass(frozen=True, slots=True)
class Asset:
    path: str  # relative to resources/map
    package: str
    version: str
    licence: str
    kind: str = "file"  # "js", "css" (linked by the page) or "file" (loaded by a stylesheet)


LEAFLET = "vendor/leaflet-1.9.3"
FONTAWESOME = "vendor/fontawesome-free-6.2.0"

ASSETS: tuple[Asset, ...] = (
    Asset(f"{LEAFLET}/leaflet.js", "leaflet", "1.9.3", "BSD-2-Clause", "js"),
    Asset(f"{LEAFLET}/leaflet.css", "leaflet", "1.9.3", "BSD-2-Clause", "css"),
    Asset(f"{LEAFLET}/images/layers.png", "leaflet", "1.9.3", "BSD-2-Clause"),
    Asset(f"{LEAFLET}/images/layers-2x.png", "leaflet", "1.9.3", "BSD-2-Clause"),
    Asset(f"{LEAFLET}/LICENSE", "leaflet", "1.9.3", "BSD-2-Clause"),
    Asset(
        f"{FONTAWESOME}/css/fontawesome.min.css",
        "@fortawesome/fontawesome-free",
        "6.2.0",
        "MIT (code)",
        "css",
    ),
    Asset(
        f"{FONTAWESOME}/css/solid.min.css",
        "@fortawesome/fontawesome-free",
        "6.2.0",
        "MIT (code)",
        "css",
    ),
    Asset(
        f"{FONTAWESOME}/webfonts/fa-solid-900.woff2",
        "@fortawesome/fontawesome-free",
        "6.2.0",
        "OFL-1.1 (font), CC-BY-4.0 (icons)",
    ),
    Asset(
        f"{FONTAWESOME}/LICENSE.txt",
        "@fortawesome/fontawesome-free",
        "6.2.0",
        "OFL-1.1 / CC-BY-4.0 / MIT",
    ),
    Asset("siaga-map.css", "siaga-console", "own", "MIT", "css"),
    Asset("siaga-pins.js", "siaga-console", "own", "MIT", "js"),
    Asset("siaga-map.js", "siaga-console", "own", "MIT", "js"),
)

# Served by QtWebEngine itself (Qt's resources), so not a file of ours.
QWEBCHANNEL_JS = "qrc:///qtwebchannel/qwebchannel.js"


@dataclass(frozen=True, slots=True)
class AssetSet:
    root: Path  # resources/map

    def path(self, asset: Asset) -> Path:
        return self.root / asset.path

    def url(self, asset: Asset) -> str:
        return self.path(asset).resolve().as_uri()

    def missing(self) -> list[str]:
        return [a.path for a in ASSETS if not self.path(a).is_file()]

    def check(self) -> None:
        missing = self.missing()
        if missing:
            raise SiagaError("Map files are missing: {files}", files=", ".join(missing[:3]))

    def fingerprint(self) -> str:
        """sha256 over every asset's path and bytes (and where they are: URLs are absolute)."""
        self.check()
        h = hashlib.sha256(str(self.root.resolve()).encode())
        for a in ASSETS:
            h.update(a.path.encode())
            h.update(self.path(a).read_bytes())
        return h.hexdigest()

    def links(self, kind: str) -> list[tuple[str, str]]:
        """``(name, url)`` pairs for folium's default_js / default_css lists."""
        return [(a.path, self.url(a)) for a in ASSETS if a.kind == kind]
