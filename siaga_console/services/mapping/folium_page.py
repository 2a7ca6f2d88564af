"""The folium half of the base map page (``page.build_page`` imports it when it builds)."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from typing import Any

import folium
import shapely
from branca.element import Element, MacroElement
from folium.template import Template
from shapely.geometry import shape

from .assets import QWEBCHANNEL_JS, AssetSet
from .page import BOUNDARY_ATTRIBUTION, CSP, PAGE_VERSION, PageTexts, TileSpec
from .symbols import AGENCY_STYLE, CATEGORY_ICONS, PRIORITY_COLOURS, UNIT_STATUS_ORDER


class _Script(MacroElement):
    """Raw JavaScript placed after the elements added before it."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "SiagaScript"
        self.code = code


def _new_links(element: Any, js: Sequence[tuple[str, str]], css: Sequence[tuple[str, str]]) -> None:
    # New lists per element: folium's add_js_link mutates module-level lists.
    element.default_js = list(js)
    element.default_css = list(css)


def _legend_html(t: PageTexts) -> str:
    e = html.escape
    rows = [f'<div class="siaga-legend-title">{e(t.legend)}</div><div class="siaga-legend-body">']
    rows.append(f"<h4>{e(t.priority_heading)}</h4>")
    for p, colour in PRIORITY_COLOURS.items():
        label = t.priorities.get(p, f"P{p}")
        rows.append(
            f'<div class="row"><span class="siaga-pin-sample" style="background:{colour}"></span>'
            f"{e(label)}</div>"
        )
    rows.append(
        '<div class="row"><span class="siaga-pin-sample siaga-pulse-sample" '
        f'style="background:{PRIORITY_COLOURS[1]}"></span>{e(t.waiting)}</div>'
    )
    rows.append(f'<h4>{e(t.category_heading)}</h4><div class="grid">')
    for code, icon in CATEGORY_ICONS.items():
        label = t.categories.get(code, code)
        rows.append(f'<div class="row"><i class="fa-solid fa-{icon}"></i>{e(label)}</div>')
    rows.append(f'</div><h4>{e(t.unit_heading)}</h4><div class="grid">')
    for code, (colour, icon) in AGENCY_STYLE.items():
        if code not in t.agencies:
            continue
        rows.append(
            f'<div class="row"><span class="siaga-unit-sample" style="background:{colour}">'
            f'<i class="fa-solid fa-{icon}"></i></span>{e(t.agencies[code])}</div>'
        )
    rows.append(f'</div><h4>{e(t.unit_status_heading)}</h4><div class="grid">')
    for st in UNIT_STATUS_ORDER:
        rows.append(
            f'<div class="row"><span class="siaga-unit-sample st-{st}" style="background:#546e7a">'
            f"</span>{e(t.unit_statuses.get(st, st))}</div>"
        )
    rows.append(
        f"</div><h4>{e(t.choropleth_heading)}</h4>"
        f'<div id="siaga-choropleth-legend" data-empty="{e(t.no_incidents)}">'
        f"{e(t.no_incidents)}</div></div>"
    )
    return '<div id="siaga-legend" class="siaga-legend">' + "".join(rows) + "</div>"


def _labels(kecamatan: dict[str, Any]) -> list[tuple[str, str, float, float]]:
    out = []
    for f in kecamatan["features"]:
        pt = shapely.get_coordinates(shape(f["geometry"]).representative_point())[0]
        p = f["properties"]
        out.append((p["kode"], p["kecamatan"], float(pt[1]), float(pt[0])))
    return out


def render_page(
    kecamatan: dict[str, Any],
    kelurahan: dict[str, Any],
    assets: AssetSet,
    texts: PageTexts,
    tiles: TileSpec,
    decorate: Callable[[folium.Map], None] | None = None,
) -> str:
    """``page.build_page``'s work (see there)."""
    assets.check()
    js = [*assets.links("js")[:1], ("qwebchannel", QWEBCHANNEL_JS), *assets.links("js")[1:]]
    css = assets.links("css")
    bounds = shapely.union_all([shape(f["geometry"]) for f in kecamatan["features"]]).bounds
    west, south, east, north = bounds
    centre = ((south + north) / 2, (west + east) / 2)
    pad = 0.15
    m = folium.Map(
        location=centre,
        zoom_start=12,
        tiles=None,
        control_scale=False,
        max_bounds=True,
        min_lat=south - pad,
        max_lat=north + pad,
        min_lon=west - pad,
        max_lon=east + pad,
        zoom_snap=0.25,
    )
    _new_links(m, js, css)
    # Map-wide zoom limits (folium's min_zoom/max_zoom only reach its own tile layer).
    m.options.update({"min_zoom": 10, "max_zoom": tiles.max_zoom})
    root: Any = m.get_root()
    root.header.add_child(
        Element(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'), name="csp"
    )
    if tiles.url:
        folium.TileLayer(
            tiles=tiles.url,
            attr=tiles.attribution,
            name="tiles",
            control=False,
            max_zoom=tiles.max_zoom,
            max_native_zoom=tiles.max_zoom,
            subdomains="",
        ).add_to(m)

    choropleth = folium.GeoJson(
        kecamatan,
        name=texts.choropleth,
        style_function=lambda f: {"stroke": False, "fillOpacity": 0, "fillColor": "#ffffff"},
        interactive=False,
        control=True,
        show=True,
        embed=True,
    )
    choropleth.add_to(m)
    kel = folium.GeoJson(
        kelurahan,
        name=texts.kelurahan,
        style_function=lambda f: {
            "color": "#546e7a",
            "weight": 1,
            "dashArray": "4 3",
            "fillOpacity": 0,
            "className": "siaga-kel",
        },
        highlight_function=lambda f: {"fillOpacity": 0.12, "fillColor": "#1565c0"},
        tooltip=folium.GeoJsonTooltip(
            fields=["kelurahan", "kecamatan"], aliases=[texts.kelurahan, texts.kecamatan]
        ),
        show=True,
    )
    kel.add_to(m)
    # Kecamatan names under the incidents' canvas (590) and the unit markers (600).
    folium.map.CustomPane("siagaLabels", z_index=450, pointer_events=False).add_to(m)
    kec_group = folium.FeatureGroup(name=texts.kecamatan, show=True)
    kec = folium.GeoJson(
        kecamatan,
        style_function=lambda f: {
            "color": "#263238",
            "weight": 2.5,
            "fill": False,
            "className": "siaga-kec",
        },
        interactive=False,
        control=False,
    )
    kec.add_to(kec_group)
    for code, name, lat, lon in _labels(kecamatan):
        folium.Marker(
            (lat, lon),
            icon=folium.DivIcon(
                html=f'<div class="siaga-kec-label" data-code="{code}">{html.escape(name)}</div>',
                icon_size=(0, 0),
                icon_anchor=(0, 0),
                class_name="siaga-kec-label-icon",
            ),
            interactive=False,
            keyboard=False,
            pane="siagaLabels",
        ).add_to(kec_group)
    kec_group.add_to(m)
    if decorate is not None:
        decorate(m)
    control = folium.LayerControl(position="topright", collapsed=True)
    control.add_to(m)
    _Script(f"L.control.scale({{imperial: false, maxWidth: 150}}).addTo({m.get_name()});").add_to(m)
    root.html.add_child(Element(_legend_html(texts)), name="legend")
    config = {
        "map": "@" + m.get_name(),
        "control": "@" + control.get_name(),
        "kecamatan": "@" + kec.get_name(),
        "kelurahan": "@" + kel.get_name(),
        "choropleth": "@" + choropleth.get_name(),
        "bounds": [[south, west], [north, east]],
        "attribution": BOUNDARY_ATTRIBUTION,
        "names": {"incidents": texts.incidents, "units": texts.units},
        "popup": dict(texts.popup),
        "pageVersion": PAGE_VERSION,
    }
    _Script(f"SiagaMap.init({_js_config(config)});").add_to(m)
    return str(root.render())


def _js_config(config: dict[str, Any]) -> str:
    """JSON, except that strings starting with ``@`` are JavaScript variable names."""
    parts = []
    for key, value in config.items():
        if isinstance(value, str) and value.startswith("@"):
            parts.append(f"{json.dumps(key)}: {value[1:]}")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{" + ", ".join(parts) + "}"
