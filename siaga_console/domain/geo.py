"""Point-in-polygon over the real boundaries of Kota Serang (shapely / GEOS).

The gazetteer is built from parsed GeoJSON features (no file I/O here), so the domain
stays pure; ``siaga_console.resources`` loads the files.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape

from .errors import ValidationError


@dataclass(frozen=True, slots=True)
class Place:
    kecamatan_code: str
    kecamatan: str
    kelurahan_code: str
    kelurahan: str


class Gazetteer:
    """Locates points in the 67 kelurahan (and so the 6 kecamatan) of the city."""

    def __init__(
        self,
        kecamatan_features: Sequence[Mapping[str, Any]],
        kelurahan_features: Sequence[Mapping[str, Any]],
    ) -> None:
        kec_by_name = {f["properties"]["kecamatan"]: f["properties"] for f in kecamatan_features}
        self.kecamatan = [
            (p["kode"], p["kecamatan"])
            for p in sorted(kec_by_name.values(), key=lambda p: p["kode"])
        ]
        self._kel_geoms = [shape(f["geometry"]) for f in kelurahan_features]
        self._places: list[Place] = []
        for f in kelurahan_features:
            p = f["properties"]
            kec = kec_by_name[p["kecamatan"]]
            self._places.append(Place(kec["kode"], kec["kecamatan"], p["kode"], p["kelurahan"]))
        for g in self._kel_geoms:
            shapely.prepare(g)
        self._tree = shapely.STRtree(self._kel_geoms)
        self._city = shapely.union_all(self._kel_geoms)
        shapely.prepare(self._city)
        minx, miny, maxx, maxy = self._city.bounds
        self.bounds = (miny, minx, maxy, maxx)  # south, west, north, east

    @property
    def places(self) -> list[Place]:
        return list(self._places)

    def locate(self, lat: float, lon: float) -> Place | None:
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        idx = self._tree.query(shapely.points(lon, lat), predicate="intersects")
        if len(idx) == 0:
            return None
        return self._places[int(min(idx))]

    def locate_many(self, lats: Sequence[float], lons: Sequence[float]) -> list[Place | None]:
        """Vectorised lookup: one GEOS pass for all points."""
        pts = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        point_idx, geom_idx = self._tree.query(pts, predicate="intersects")
        out: list[Place | None] = [None] * len(pts)
        for p, g in zip(point_idx.tolist(), geom_idx.tolist(), strict=True):
            if out[p] is None:
                out[p] = self._places[g]
        return out

    def in_city(self, lat: float, lon: float) -> bool:
        return bool(shapely.contains_xy(self._city, lon, lat))

    def check(self, lat: float, lon: float) -> Place:
        """The place of a point, or ValidationError when it is outside Kota Serang."""
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValidationError("Coordinates out of range", field="latitude", lat=lat, lon=lon)
        place = self.locate(lat, lon)
        if place is None:
            raise ValidationError(
                "({lat:.5f}, {lon:.5f}) is outside Kota Serang", field="latitude", lat=lat, lon=lon
            )
        return place

    def kelurahan_of(self, kecamatan_code: str) -> list[Place]:
        return [p for p in self._places if p.kecamatan_code == kecamatan_code]


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    r = 6_371_000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))
