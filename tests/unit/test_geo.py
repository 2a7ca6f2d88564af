from __future__ import annotations

import random
import time

import pytest
import shapely

from siaga_console.domain.errors import ValidationError
from siaga_console.resources import gazetteer, load_geojson

KECAMATAN = {"Serang", "Kasemen", "Walantaka", "Curug", "Cipocok Jaya", "Taktakan"}


def test_six_kecamatan_and_67_kelurahan() -> None:
    gaz = gazetteer()
    assert {name for _, name in gaz.kecamatan} == KECAMATAN
    assert len(gaz.places) == 67
    counts: dict[str, int] = {}
    for p in gaz.places:
        counts[p.kecamatan] = counts.get(p.kecamatan, 0) + 1
    assert counts == {
        "Serang": 12,
        "Kasemen": 10,
        "Walantaka": 14,
        "Curug": 10,
        "Cipocok Jaya": 8,
        "Taktakan": 13,
    }


def test_known_point_is_in_kelurahan_serang() -> None:
    place = gazetteer().locate(-6.12, 106.15)
    assert place is not None
    assert (place.kecamatan, place.kelurahan) == ("Serang", "Serang")


@pytest.mark.parametrize("kec", sorted(KECAMATAN))
def test_a_real_interior_point_of_each_kecamatan(kec: str) -> None:
    # An interior point computed by GEOS from the real polygon, independently of the gazetteer.
    feature = next(
        f
        for f in load_geojson("serang_kecamatan.geojson")["features"]
        if f["properties"]["kecamatan"] == kec
    )
    pt = shapely.geometry.shape(feature["geometry"]).representative_point()
    place = gazetteer().locate(pt.y, pt.x)
    assert place is not None and place.kecamatan == kec


def test_each_kelurahan_interior_point_maps_back() -> None:
    for f in load_geojson("serang_kelurahan.geojson")["features"]:
        pt = shapely.geometry.shape(f["geometry"]).representative_point()
        place = gazetteer().locate(pt.y, pt.x)
        assert place is not None and place.kelurahan_code == f["properties"]["kode"]


@pytest.mark.parametrize(("lat", "lon"), [(-6.2, 106.8), (0, 0), (-6.05, 106.0), (91, 0)])
def test_outside_the_city_is_refused(lat: float, lon: float) -> None:
    assert gazetteer().locate(lat, lon) is None if abs(lat) <= 90 else True
    with pytest.raises(ValidationError):
        gazetteer().check(lat, lon)


def test_locate_many_agrees_with_locate() -> None:
    gaz = gazetteer()
    s, w, n, e = gaz.bounds
    rng = random.Random(7)
    pts = [(rng.uniform(s, n), rng.uniform(w, e)) for _ in range(500)]
    many = gaz.locate_many([p[0] for p in pts], [p[1] for p in pts])
    assert many == [gaz.locate(lat, lon) for lat, lon in pts]
    assert any(m is None for m in many) and any(m is not None for m in many)


def test_locate_many_10k_points_runs() -> None:
    # Speed is measured in `make bench`; here only that the batch path works at size.
    gaz = gazetteer()
    s, w, n, e = gaz.bounds
    rng = random.Random(1)
    lats = [rng.uniform(s, n) for _ in range(10_000)]
    lons = [rng.uniform(w, e) for _ in range(10_000)]
    t = time.perf_counter()
    out = gaz.locate_many(lats, lons)
    assert len(out) == 10_000 and time.perf_counter() - t >= 0
