"""The translated words of the map page and of the pushed markers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from ...services.mapping import PageTexts
from ...services.mapping.symbols import Labels
from ...services.views import CategoryView
from ..labels import PRIORITIES, STATUSES, UNIT_STATUSES, label


def category_labels(categories: Sequence[CategoryView], language: str) -> dict[str, str]:
    return {c.code: (c.label_id if language == "id" else c.label_en) for c in categories}


def make_labels(categories: Mapping[str, str], agencies: Mapping[str, str]) -> Labels:
    return Labels(
        categories=dict(categories),
        statuses={k: label(STATUSES, k) for k in STATUSES},
        unit_statuses={k: label(UNIT_STATUSES, k) for k in UNIT_STATUSES},
        priorities={k: label(PRIORITIES, k) for k in PRIORITIES},
        agencies=dict(agencies),
    )


def make_page_texts(labels: Labels) -> PageTexts:
    return PageTexts(
        kecamatan=QCoreApplication.translate("MapPage", "Kecamatan"),
        kelurahan=QCoreApplication.translate("MapPage", "Kelurahan"),
        choropleth=QCoreApplication.translate("MapPage", "Incidents this shift"),
        incidents=QCoreApplication.translate("MapPage", "Open incidents"),
        units=QCoreApplication.translate("MapPage", "Units"),
        legend=QCoreApplication.translate("MapPage", "Legend"),
        priority_heading=QCoreApplication.translate("MapPage", "Incidents: colour = priority"),
        waiting=QCoreApplication.translate("MapPage", "Pulsing: priority 1 waiting for dispatch"),
        category_heading=QCoreApplication.translate("MapPage", "Symbol = category"),
        unit_heading=QCoreApplication.translate("MapPage", "Units: colour = agency"),
        unit_status_heading=QCoreApplication.translate("MapPage", "Unit status (border)"),
        choropleth_heading=QCoreApplication.translate(
            "MapPage", "Incidents this shift per kecamatan"
        ),
        no_incidents=QCoreApplication.translate("MapPage", "none yet"),
        priorities=dict(labels.priorities),
        categories=dict(labels.categories),
        agencies=dict(labels.agencies),
        unit_statuses=dict(labels.unit_statuses),
        popup={
            "priority": QCoreApplication.translate("MapPage", "Priority"),
            "status": QCoreApplication.translate("MapPage", "Status"),
            "place": QCoreApplication.translate("MapPage", "Place"),
            "address": QCoreApplication.translate("MapPage", "Address"),
            "units": QCoreApplication.translate("MapPage", "Units"),
            "sensitive": QCoreApplication.translate(
                "MapPage", "Sensitive report: details only in the incident record."
            ),
            "agency": QCoreApplication.translate("MapPage", "Agency"),
            "type": QCoreApplication.translate("MapPage", "Type"),
            "incident": QCoreApplication.translate("MapPage", "Incident"),
            "base": QCoreApplication.translate("MapPage", "Base"),
        },
    )
