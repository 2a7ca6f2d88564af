"""What the console exchanges as an EIDO: one incident with its calls, units, notes, relations.

``EidoIncident`` is the plain picture between the database and the JSON document: the
store reads/writes it, the builder turns it into a document, the parser reads one back.
Also here: the console's identifiers in EIDO (``Ids``) and the code tables.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...domain.errors import ValidationError

EXTENSION_ID = "urn:siaga-console:eido:extension:1"  # our private extension (docs/interop.md)
EXTENSION_KEY = "siagaConsole"
CONTEXT = {"@vocab": "./JSON-LD_Contexts/EmergencyIncidentDataObjectType.jsonld"}
DEFAULT_DOMAIN = "serangsiaga112.serangkota.go.id"
DOMAIN_SETTING = "eido_domain"


class ExchangeError(ValidationError):
    """An EIDO document that cannot be exported or imported (template + params)."""

    code = "exchange"


@dataclass
class EidoCall:
    uuid: str
    call_id: str  # the call's $id in EIDO documents
    received_at: datetime
    answered_at: datetime | None
    number: str | None  # E.164, None when hidden or not shown
    outcome: str
    operator: str | None  # username
    note: str | None = None


@dataclass
class EidoDispatch:
    call_sign: str
    agency_code: str
    agency_name: str
    unit_type: str
    dispatched_at: datetime
    en_route_at: datetime | None = None
    on_scene_at: datetime | None = None
    returning_at: datetime | None = None
    cleared_at: datetime | None = None
    dispatcher: str | None = None


@dataclass
class EidoNote:
    at: datetime
    text: str
    user: str | None = None


@dataclass
class EidoRelation:
    kind: str  # merge, link
    direction: str  # REPLACING, REPLACED, SPLIT / PARENT, CHILD, RELATED, UNLINK
    tracking_id: str
    reason: str | None = None

    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.direction, self.tracking_id)


TIME_FIELDS = (
    "first_received_at",
    "first_answered_at",
    "verified_at",
    "dispatched_at",
    "en_route_at",
    "on_scene_at",
    "resolved_at",
    "closed_at",
    "cancelled_at",
)


@dataclass
class EidoIncident:
    uuid: str
    tracking_id: str
    number: str | None
    category_code: str
    category_label: str
    priority: int
    status: str
    kecamatan: str | None  # names (the store maps codes)
    kelurahan: str | None
    kecamatan_code: str | None
    kelurahan_code: str | None
    address: str | None
    landmark: str | None
    latitude: float | None
    longitude: float | None
    caller_name: str | None
    description: str | None
    sensitive: bool
    times: dict[str, datetime | None]
    updated_at: datetime
    creator: str | None = None
    calls: list[EidoCall] = field(default_factory=list)
    dispatches: list[EidoDispatch] = field(default_factory=list)
    notes: list[EidoNote] = field(default_factory=list)
    relations: list[EidoRelation] = field(default_factory=list)
    issuer: str | None = None  # issuingElementIdentification of an imported document
    details_hidden: bool = False
    warnings: list[str] = field(default_factory=list)


# -- identifiers ------------------------------------------------------------------------------
_UID = re.compile(r"^urn:emergency:uid:(\w+):(.+):([^:]+)$")


class Ids:
    """The console's $id values: NENA-style ``urn:emergency:uid:<kind>:<unique>:<domain>``."""

    def __init__(self, domain: str) -> None:
        self.domain = domain

    def uid(self, kind: str, unique: str) -> str:
        return f"urn:emergency:uid:{kind}:{unique}:{self.domain}"

    def incident(self, uuid: str) -> str:
        return self.uid("incidentid", uuid)

    def call(self, uuid: str) -> str:
        return self.uid("callid", uuid)

    @property
    def psap(self) -> str:
        return self.domain

    def agency(self, code: str) -> str:
        return f"{code}.agency.{self.domain}"

    def agent(self, username: str) -> str:
        return f"{username}@{self.domain}"

    def crew(self, call_sign: str) -> str:
        return f"crew.{call_sign.lower()}@{self.domain}"

    def resource(self, call_sign: str) -> str:
        return self.uid("resourceid", call_sign.lower())

    def agency_code(self, agency_id: str) -> str | None:
        suffix = f".agency.{self.domain}"
        return agency_id.removesuffix(suffix) if agency_id.endswith(suffix) else None

    def username(self, agent_id: str) -> str | None:
        suffix = f"@{self.domain}"
        if agent_id.endswith(suffix) and not agent_id.startswith("crew."):
            return agent_id.removesuffix(suffix)
        return None


def uuid_for(identifier: str, kind: str) -> str:
    """The local uuid of an EIDO identifier: its own when it carries one, else a UUID5."""
    m = _UID.match(identifier)
    if m and m.group(1) == kind:
        try:
            return str(uuidlib.UUID(m.group(2)))
        except ValueError:
            pass
    return str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, identifier))


# -- code tables (registry values: see docs/interop.md) -----------------------------------------
INCIDENT_TYPES = {
    "fire": "Fire",
    "electrical": "ElectricalHazard",
    "traffic_accident": "TrafficCollision",
    "medical": "Medical",
    "fallen_tree": "Hazard",
    "flood_disaster": "Flood",
    "crime_theft": "Theft",
    "domestic_violence": "DomesticViolence",
    "stunting": "WelfareCheck",
    "animal": "AnimalProblem",
    "public_order": "Disturbance",
    "infrastructure": "PublicWorks",
    "other": "Other",
}
INCIDENT_STATUS = {
    "new": "Pending",
    "verified": "Pending",
    "dispatched": "Dispatched",
    "on_scene": "OnScene",
    "resolved": "Cleared",
    "closed": "Closed",
    "cancelled": "Cancelled",
    "merged": "Merged",
}
AGENCY_TYPES = {
    "damkar": "fire",
    "polresta": "police",
    "psc119": "ems",
    "dinkes": "ems",
    "pmi": "ems",
}
RESOURCE_TYPES = {
    "damkar": "FireApparatus",
    "psc119": "Ambulance",
    "pmi": "Ambulance",
    "polresta": "LawEnforcement",
}
PRIORITY_TEXT = {1: "P1", 2: "P2", 3: "P3", 4: "P4"}


def unit_state(d: EidoDispatch) -> str:
    """Where the unit is in its dispatch (the console's unit statuses, plus ``cleared``)."""
    if d.cleared_at:
        return "cleared"
    if d.returning_at:
        return "returning"
    if d.on_scene_at:
        return "on_scene"
    if d.en_route_at:
        return "en_route"
    return "dispatched"


UNIT_STATUS = {
    "dispatched": "Dispatched",
    "en_route": "Enroute",
    "on_scene": "OnScene",
    "returning": "Returning",
    "cleared": "Available",
}


def extension(component: dict[str, Any]) -> dict[str, Any]:
    ext = component.get(EXTENSION_KEY)
    return ext if isinstance(ext, dict) else {}
