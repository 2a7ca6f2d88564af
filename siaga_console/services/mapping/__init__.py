"""The map page (folium, local files only) and the items pushed to it. Qt-free."""

from .assets import ASSETS, Asset, AssetSet
from .cache import CachedPage, PageSpec, cache_dir, ensure_page
from .page import BOUNDARY_ATTRIBUTION, OSM_ATTRIBUTION, TILE_URL, PageTexts, TileSpec, build_page

__all__ = [
    "ASSETS",
    "BOUNDARY_ATTRIBUTION",
    "OSM_ATTRIBUTION",
    "TILE_URL",
    "Asset",
    "AssetSet",
    "CachedPage",
    "PageSpec",
    "PageTexts",
    "TileSpec",
    "build_page",
    "cache_dir",
    "ensure_page",
]
