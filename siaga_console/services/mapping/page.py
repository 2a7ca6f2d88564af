"""The base map page, built with folium from the real boundaries and local files only.

The page holds what changes only with the base data: kecamatan (outlined and labelled),
kelurahan (a toggled layer), the choropleth layer (coloured later from Python), legend,
layer control, scale and attributions. Incidents and units are pushed live through the
QWebChannel bridge by ``resources/map/siaga-map.js``; nothing here depends on the database.

folium (with jinja2's template compilation, about half a second) is imported only when a
page is really built (``folium_page``), not when the console starts with a cached page.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .assets import AssetSet

if TYPE_CHECKING:
    import folium

BOUNDARY_ATTRIBUTION = "Boundaries: BPS – Statistics Indonesia, via OCHA/HDX (CC BY-IGO)"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)
TILE_URL = "siagatile:tiles/{z}/{x}/{y}"  # answered by the console (cache, then network)
PAGE_VERSION = "1"  # bump when the page's structure changes (part of the cache key)

CSP = (
    "default-src 'none'; script-src file: qrc: 'unsafe-inline'; "
    "style-src file: 'unsafe-inline'; font-src file:; img-src file: siagatile: data:; "
    "connect-src 'none'"
)


@dataclass(frozen=True)
class PageTexts:
    """Every word the base page shows, already translated by the UI."""

    kecamatan: str = "Kecamatan"
    kelurahan: str = "Kelurahan"
    choropleth: str = "Incidents this shift"
    incidents: str = "Open incidents"
    units: str = "Units"
    legend: str = "Legend"
    priority_heading: str = "Incidents: colour = priority"
    waiting: str = "Pulsing: priority 1 waiting for dispatch"
    category_heading: str = "Symbol = category"
    unit_heading: str = "Units: colour = agency"
    unit_status_heading: str = "Unit status"
    choropleth_heading: str = "Incidents this shift per kecamatan"
    no_incidents: str = "none yet"
    priorities: Mapping[int, str] = field(default_factory=dict)
    categories: Mapping[str, str] = field(default_factory=dict)
    agencies: Mapping[str, str] = field(default_factory=dict)
    unit_statuses: Mapping[str, str] = field(default_factory=dict)
    # Labels used by the page's script in popups.
    popup: Mapping[str, str] = field(default_factory=dict)

    def key(self) -> str:
        return json.dumps(_plain(self), sort_keys=True, ensure_ascii=False)


def _plain(t: PageTexts) -> dict[str, Any]:
    return {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in t.__dict__.items()}


@dataclass(frozen=True)
class TileSpec:
    url: str | None = TILE_URL  # None: no tile layer at all (plain background)
    attribution: str = OSM_ATTRIBUTION
    max_zoom: int = 19

    def key(self) -> str:
        return json.dumps([self.url, self.attribution, self.max_zoom])


def build_page(
    kecamatan: dict[str, Any],
    kelurahan: dict[str, Any],
    assets: AssetSet,
    texts: PageTexts,
    tiles: TileSpec,
    decorate: Callable[[folium.Map], None] | None = None,
) -> str:
    """The complete HTML of the base page (every link a local file or Qt resource).

    ``decorate`` may add elements to the map before the layer control (the benchmark bakes
    markers into the page this way, to compare with pushing them live)."""
    from .folium_page import render_page

    return render_page(kecamatan, kelurahan, assets, texts, tiles, decorate)
