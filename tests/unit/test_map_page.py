"""The folium base page (local files only), its cache, and the items pushed to it. No Qt."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import folium
import folium.folium
import pytest

from siaga_console.domain.errors import SiagaError
from siaga_console.resources import resource
from siaga_console.services.mapping import (
    ASSETS,
    BOUNDARY_ATTRIBUTION,
    AssetSet,
    PageSpec,
    PageTexts,
    TileSpec,
    build_page,
    ensure_page,
)
from siaga_console.services.mapping.assets import QWEBCHANNEL_JS
from siaga_console.services.mapping.symbols import (
    CATEGORY_ICONS,
    PRIORITY_COLOURS,
    Labels,
    choropleth_classes,
    choropleth_item,
    incident_item,
    is_waiting,
    on_map,
    unit_item,
)
from siaga_console.services.views import IncidentRow, UnitRow

GEO = resource("geo")
MAP = resource("map")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []  # what the browser would fetch
        self.metas: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.loads.append(str(a["src"]))
        if tag == "link" and a.get("href"):
            self.loads.append(str(a["href"]))
        if tag == "img" and a.get("src"):
            self.loads.append(str(a["src"]))
        if tag == "meta":
            self.metas.append(a)


def spec(texts: PageTexts | None = None, geo: Path = GEO, assets: Path = MAP) -> PageSpec:
    return PageSpec(
        geo / "serang_kecamatan.geojson",
        geo / "serang_kelurahan.geojson",
        AssetSet(assets),
        texts or PageTexts(),
        TileSpec(),
    )


@pytest.fixture(scope="module")
def page() -> str:
    return spec().build()


def test_every_file_the_page_loads_is_local(page: str) -> None:
    parser = Links()
    parser.feed(page)
    assert len(parser.loads) == sum(1 for a in ASSETS if a.kind in ("js", "css")) + 1
    for url in parser.loads:
        if url == QWEBCHANNEL_JS:
            continue
        assert url.startswith("file:///"), url
        assert Path(url.removeprefix("file://")).is_file(), url
    assert "cdn" not in page.lower() and "googleapis" not in page
    csp = [m for m in parser.metas if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "connect-src 'none'" in str(csp[0]["content"])


def test_folium_module_lists_are_left_alone(page: str) -> None:
    # folium's add_js_link mutates module-level lists: the builder must not touch them.
    assert folium.Map.default_js is folium.folium._default_js
    assert any("cdn.jsdelivr.net" in url for _, url in folium.folium._default_js)
    assert all(not url.startswith("file:") for _, url in folium.folium._default_css)


def test_the_page_carries_the_boundaries_and_their_attribution(page: str) -> None:
    assert BOUNDARY_ATTRIBUTION in page
    assert page.count('"kelurahan": ') >= 67
    for code in ("36.73.01", "36.73.02", "36.73.03", "36.73.04", "36.73.05", "36.73.06"):
        assert f'data-code=\\"{code}\\"' in page  # one label per kecamatan (JSON-escaped)
    assert "L.control.scale(" in page and "L.control.layers(" in page
    assert 'id="siaga-legend"' in page and "SiagaMap.init(" in page


def test_legend_words_come_from_the_texts_and_are_escaped() -> None:
    texts = PageTexts(
        legend="Keterangan",
        priorities={1: "P1 nyawa terancam"},
        categories={"fire": "Kebakaran <b>"},
        agencies={"damkar": "Damkar"},
    )
    html = spec(texts).build()
    assert "Keterangan" in html and "P1 nyawa terancam" in html
    assert "Kebakaran &lt;b&gt;" in html and "Kebakaran <b>" not in html
    assert "fa-fire-extinguisher" in html  # Damkar's symbol; agencies not given are left out
    assert "fa-helicopter" not in html


def test_a_missing_asset_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "map"
    shutil.copytree(MAP, copy)
    (copy / "vendor" / "leaflet-1.9.3" / "leaflet.js").unlink()
    with pytest.raises(SiagaError) as err:
        spec(assets=copy).build()
    assert "leaflet.js" in err.value.message


def test_the_page_is_built_once_and_again_only_when_its_inputs_change(tmp_path: Path) -> None:
    out = tmp_path / "cache"
    first = ensure_page(spec(), out)
    assert first.built and first.path.is_file()
    again = ensure_page(spec(), out)
    assert not again.built and again.path == first.path

    other_texts = ensure_page(spec(PageTexts(legend="Keterangan")), out)
    assert other_texts.built and other_texts.path != first.path
    assert not first.path.exists()  # old pages are removed

    geo = tmp_path / "geo"
    shutil.copytree(GEO, geo)
    data = json.loads((geo / "serang_kelurahan.geojson").read_text(encoding="utf-8"))
    data["features"][0]["properties"]["kelurahan"] = "Kemanisan Baru"
    (geo / "serang_kelurahan.geojson").write_text(json.dumps(data), encoding="utf-8")
    changed_geo = ensure_page(spec(geo=geo), out)
    assert changed_geo.built and "Kemanisan Baru" in changed_geo.path.read_text(encoding="utf-8")

    assets = tmp_path / "map"
    shutil.copytree(MAP, assets)
    before = spec(assets=assets).key()
    with (assets / "siaga-map.js").open("a", encoding="utf-8") as fh:
        fh.write("\n// changed\n")
    assert spec(assets=assets).key() != before


def test_an_unwritable_cache_directory_raises_oserror(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file, not a directory")
    with pytest.raises(OSError):
        ensure_page(spec(), blocker / "map")


def test_readme_names_every_vendored_file_with_version_and_licence() -> None:
    readme = (MAP / "README.md").read_text(encoding="utf-8")
    for asset in ASSETS:
        assert asset.path in readme, asset.path
    for words in ("leaflet@1.9.3", "@fortawesome/fontawesome-free@6.2.0", "BSD-2-Clause", "OFL"):
        assert words in readme
    vendored = {str(p.relative_to(MAP)) for p in (MAP / "vendor").rglob("*") if p.is_file()}
    assert vendored == {a.path for a in ASSETS if a.path.startswith("vendor/")}


# -- the items pushed to the page -------------------------------------------------------------
NOW = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
LABELS = Labels(
    categories={"fire": "Kebakaran", "domestic_violence": "KDRT"},
    statuses={"new": "Baru"},
    unit_statuses={"available": "Tersedia"},
    priorities={1: "P1"},
    agencies={"damkar": "Damkar"},
)


def row(**kw: object) -> IncidentRow:
    base: dict[str, object] = {
        "id": 1,
        "number": "SRG-20261129-0001",
        "priority": 1,
        "status": "new",
        "category_code": "fire",
        "kecamatan": "Serang",
        "kelurahan": "Cipare",
        "address": "Jl. Rahasia 7",
        "latitude": -6.12,
        "longitude": 106.15,
        "first_received_at": NOW,
        "dispatched_at": None,
        "updated_at": NOW,
        "sensitive": False,
        "units": ("DAMKAR-01",),
        "operator": "op",
        "version": 1,
    }
    base.update(kw)
    return IncidentRow(**base)  # type: ignore[arg-type]


def test_incident_item_and_the_pulse() -> None:
    item = incident_item(row(), LABELS)
    assert item["waiting"] is True and item["icon"] == CATEGORY_ICONS["fire"]
    assert item["address"] == "Jl. Rahasia 7" and item["number"] == "SRG-20261129-0001"
    assert item["place"] == "Cipare, Serang" and item["title"] == "Kebakaran"
    assert not is_waiting(row(status="dispatched", dispatched_at=NOW))
    assert not is_waiting(row(priority=2))


def test_a_sensitive_incident_carries_category_place_and_status_only() -> None:
    item = incident_item(row(category_code="domestic_violence", sensitive=True), LABELS)
    assert item["title"] == "KDRT" and item["status"] == "Baru" and item["place"]
    assert "Rahasia" not in json.dumps(item)
    assert not {"address", "number", "units"} & set(item)


def test_what_is_on_the_map() -> None:
    assert on_map(row())
    assert not on_map(row(status="resolved"))
    assert not on_map(row(status="merged"))
    assert not on_map(row(latitude=None))


def test_unit_item_colour_by_agency() -> None:
    unit = UnitRow(
        id=3,
        call_sign="DAMKAR-01",
        agency_code="damkar",
        agency="Damkar",
        unit_type="Mobil pemadam",
        status="available",
        status_changed_at=NOW,
        base_label="DEMO",
        latitude=-6.1,
        longitude=106.1,
        incident_id=None,
        incident_number=None,
        version=1,
    )
    item = unit_item(unit, LABELS)
    assert (
        item["colour"] == "#b71c1c" and item["status"] == "Tersedia" and item["st"] == "available"
    )


@pytest.mark.parametrize("counts", [{"a": 1}, {"a": 3, "b": 1}, {"a": 40, "b": 7, "c": 1, "d": 0}])
def test_choropleth_classes_cover_every_count(counts: dict[str, int]) -> None:
    classes = choropleth_classes(counts)
    assert classes[0][0] == 1 and classes[-1][1] == max(counts.values())
    for (_, high, _), (low, _, _) in zip(classes, classes[1:], strict=False):
        assert low == high + 1
    item = choropleth_item(counts, {k: k.upper() for k in counts})
    for code, n in counts.items():
        assert (item["colours"][code] is None) == (n == 0)
    top = max(counts, key=lambda k: counts[k])
    assert item["colours"][top] == classes[-1][2]
    assert choropleth_classes({}) == [] and choropleth_classes({"a": 0}) == []


def test_priority_colours_are_distinct() -> None:
    assert len(set(PRIORITY_COLOURS.values())) == 4


def test_build_page_without_tiles_has_no_tile_layer() -> None:
    kec = json.loads((GEO / "serang_kecamatan.geojson").read_text(encoding="utf-8"))
    kel = json.loads((GEO / "serang_kelurahan.geojson").read_text(encoding="utf-8"))
    html = build_page(kec, kel, AssetSet(MAP), PageTexts(), TileSpec(url=None))
    assert "L.tileLayer(" not in html and "siagatile:" not in html.split("<body>")[1]


def test_live_layer_sends_only_what_changed() -> None:
    from siaga_console.services.mapping.live import LiveLayer

    layer = LiveLayer("incidents")
    a = {"id": 1, "lat": -6.1, "lon": 106.1, "p": 2, "address": "Jl. A"}
    b = {"id": 2, "lat": -6.2, "lon": 106.2, "p": 3, "address": "Jl. B"}
    assert layer.update([a, b]) == {"op": "incidents", "items": [a, b], "remove": []}
    assert layer.update([a, b]) is None  # nothing changed: nothing sent
    moved = {**a, "lat": -6.11}
    assert layer.update([moved, b]) == {
        "op": "incidents",
        "items": [{"id": 1, "lat": -6.11}],
        "remove": [],
    }
    hidden = {k: v for k, v in b.items() if k != "address"}  # became sensitive
    assert layer.update([hidden])["items"] == [{"id": 2, "address": None}]  # type: ignore[index]
    assert layer.replace([moved]) == {"op": "incidents", "items": [], "remove": [2]}
    assert layer.update([], remove=[2]) is None  # already gone
    layer.reset()  # the page reloaded: everything is new again
    assert layer.replace([moved]) == {"op": "incidents", "items": [moved], "remove": []}
