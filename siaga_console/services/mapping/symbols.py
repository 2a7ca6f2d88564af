"""How incidents and units look on the map: colours, icons, and the items pushed to the page.

One table for the legend (built into the page) and for the markers (pushed live), so the two
always agree. Icons are Font Awesome 6 solid names (vendored in resources/map/vendor/).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ...domain.enums import OPEN_STATUSES, IncidentStatus, UnitStatus
from ..views import IncidentRow, UnitRow

PRIORITY_COLOURS: dict[int, str] = {
    1: "#c62828",  # red: life at risk
    2: "#ef6c00",  # orange: urgent
    3: "#f9a825",  # amber: normal
    4: "#546e7a",  # blue grey: no urgency
}

CATEGORY_ICONS: dict[str, str] = {
    "fire": "fire",
    "electrical": "bolt",
    "traffic_accident": "car-burst",
    "medical": "truck-medical",
    "fallen_tree": "tree",
    "flood_disaster": "house-flood-water",
    "crime_theft": "user-secret",
    "domestic_violence": "house-user",
    "stunting": "child",
    "animal": "paw",
    "public_order": "bullhorn",
    "infrastructure": "road",
    "other": "circle-exclamation",
}
DEFAULT_CATEGORY_ICON = "circle-exclamation"

# Agencies by family: a colour per family, an icon per agency.
AGENCY_STYLE: dict[str, tuple[str, str]] = {
    "damkar": ("#b71c1c", "fire-extinguisher"),
    "bpbd": ("#e65100", "life-ring"),
    "basarnas": ("#e65100", "helicopter"),
    "psc119": ("#2e7d32", "truck-medical"),
    "dinkes": ("#2e7d32", "heart-pulse"),
    "pmi": ("#2e7d32", "kit-medical"),
    "polresta": ("#1a237e", "shield-halved"),
    "kodim": ("#33691e", "person-military-rifle"),
    "satpolpp": ("#5d4037", "user-shield"),
    "dishub": ("#00838f", "traffic-light"),
    "dlh": ("#558b2f", "tree"),
    "dpupr": ("#6d4c41", "helmet-safety"),
    "pln": ("#f9a825", "plug"),
    "dp3akb": ("#6a1b9a", "hand-holding-heart"),
    "dinsos": ("#6a1b9a", "people-group"),
}
DEFAULT_AGENCY_STYLE = ("#37474f", "truck")

UNIT_STATUS_ORDER: tuple[str, ...] = tuple(s.value for s in UnitStatus)

# Choropleth classes (sequential, ColorBrewer Blues 5): blue, so that the districts' shading
# never competes with the red-orange-amber of the incidents' priorities.
CHOROPLETH_COLOURS: tuple[str, ...] = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")

WAITING_STATUSES = frozenset({IncidentStatus.NEW.value, IncidentStatus.VERIFIED.value})
OPEN_VALUES = frozenset(s.value for s in OPEN_STATUSES)


@dataclass(frozen=True, slots=True)
class Labels:
    """Translated words used inside pushed items (the UI fills them in)."""

    categories: Mapping[str, str]
    statuses: Mapping[str, str]
    unit_statuses: Mapping[str, str]
    priorities: Mapping[int, str]
    agencies: Mapping[str, str]


def category_icon(code: str) -> str:
    return CATEGORY_ICONS.get(code, DEFAULT_CATEGORY_ICON)


def agency_style(code: str) -> tuple[str, str]:
    return AGENCY_STYLE.get(code, DEFAULT_AGENCY_STYLE)


def is_waiting(row: IncidentRow) -> bool:
    """Priority 1 and no unit dispatched yet: the marker pulses."""
    return row.priority == 1 and row.status in WAITING_STATUSES and row.dispatched_at is None


def on_map(row: IncidentRow) -> bool:
    return row.status in OPEN_VALUES and row.latitude is not None and row.longitude is not None


def incident_item(row: IncidentRow, labels: Labels) -> dict[str, Any]:
    """What the page needs to draw one incident. Sensitive ones carry no number or address."""
    place = ", ".join(p for p in (row.kelurahan, row.kecamatan) if p)
    item: dict[str, Any] = {
        "id": row.id,
        "lat": row.latitude,
        "lon": row.longitude,
        "p": row.priority,
        "icon": category_icon(row.category_code),
        "waiting": is_waiting(row),
        "title": labels.categories.get(row.category_code, row.category_code),
        "status": labels.statuses.get(row.status, row.status),
        "priority": labels.priorities.get(row.priority, f"P{row.priority}"),
        "place": place,
        "sensitive": row.sensitive,
    }
    if not row.sensitive:
        item["number"] = row.number
        item["address"] = row.address or ""
        item["units"] = ", ".join(row.units)
    return item


def unit_item(row: UnitRow, labels: Labels) -> dict[str, Any]:
    colour, icon = agency_style(row.agency_code)
    return {
        "id": row.id,
        "lat": row.latitude,
        "lon": row.longitude,
        "colour": colour,
        "icon": icon,
        "st": row.status,
        "title": row.call_sign,
        "agency": labels.agencies.get(row.agency_code, row.agency),
        "type": row.unit_type,
        "status": labels.unit_statuses.get(row.status, row.status),
        "incident": row.incident_number or "",
        "base": row.base_label or "",
    }


def incident_items(rows: Iterable[IncidentRow], labels: Labels) -> list[dict[str, Any]]:
    return [incident_item(r, labels) for r in rows if on_map(r)]


def unit_items(rows: Iterable[UnitRow], labels: Labels) -> list[dict[str, Any]]:
    return [
        unit_item(r, labels) for r in rows if r.latitude is not None and r.longitude is not None
    ]


def choropleth_classes(counts: Mapping[str, int]) -> list[tuple[int, int, str]]:
    """Class limits ``(low, high, colour)`` for the counts (at most 5 classes, 1 and up)."""
    top = max((n for n in counts.values() if n > 0), default=0)
    if top == 0:
        return []
    n_classes = min(len(CHOROPLETH_COLOURS), top)
    out: list[tuple[int, int, str]] = []
    low = 1
    for i in range(n_classes):
        high = max(low, round(top * (i + 1) / n_classes))
        colour = CHOROPLETH_COLOURS[
            round(i * (len(CHOROPLETH_COLOURS) - 1) / max(1, n_classes - 1))
        ]
        out.append((low, high, colour))
        low = high + 1
    return out


def choropleth_item(counts: Mapping[str, int], names: Mapping[str, str]) -> dict[str, Any]:
    """Counts per kecamatan code, each with its class colour, plus the classes for the legend."""
    classes = choropleth_classes(counts)

    def colour(n: int) -> str | None:
        for low, high, c in classes:
            if low <= n <= high:
                return c
        return None

    return {
        "counts": {code: int(counts.get(code, 0)) for code in names},
        "colours": {code: colour(int(counts.get(code, 0))) for code in names},
        "classes": [[low, high, c] for low, high, c in classes],
        "names": dict(names),
    }
