"""EidoIncident -> an EIDO JSON document (NENA-STA-021, eidoVersion 1.0).

Mapping (docs/interop.md has the table): the incident -> ``incidentComponent``; each call
-> ``callComponent`` (+ ``callbackComponent`` with a ``tel:`` URI); the location ->
``locationComponent`` with a PIDF-LO (geo point and civic address); each unit sent ->
``dispatchComponent`` + ``emergencyResourceComponent`` + a crew ``agentComponent``;
operators -> ``agentComponent``; the center and the agencies -> ``agencyComponent``;
notes and the description -> ``notesComponent``; the caller's name -> ``personComponent``;
merges and links -> ``mergeComponent`` / ``linkComponent``. What EIDO has no field for
(the timeline's times, the sensitive flag, unit progress times) travels in our private
extension (``siagaConsole`` objects, declared in ``eidoExtensionId``).
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from ...domain.timeutil import to_wib
from .model import (
    AGENCY_TYPES,
    CONTEXT,
    EXTENSION_ID,
    EXTENSION_KEY,
    INCIDENT_STATUS,
    INCIDENT_TYPES,
    PRIORITY_TEXT,
    RESOURCE_TYPES,
    UNIT_STATUS,
    EidoIncident,
    Ids,
    unit_state,
)

PSAP_NAME = "Serang Siaga 112 (Command Center Kota Serang)"


def ts(value: datetime) -> str:
    """RFC 3339 in WIB (the center's local time, with its offset)."""
    return to_wib(value).isoformat()


def _ts_or_none(value: datetime | None) -> str | None:
    return ts(value) if value is not None else None


def _jcard(name: str) -> str:
    return json.dumps(["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", name]]])


def pidf_lo(inc: EidoIncident, entity: str) -> str:
    """A PIDF-LO presence document with the point (WGS 84) and the civic address."""
    geo = ""
    if inc.latitude is not None and inc.longitude is not None:
        geo = (
            '<gml:Point srsName="urn:ogc:def:crs:EPSG::4326">'
            f"<gml:pos>{inc.latitude!r} {inc.longitude!r}</gml:pos></gml:Point>"
        )
    civic: list[tuple[str, str | None]] = [("country", "ID"), ("A1", "Banten")]
    civic += [("A2", "Kota Serang")]
    civic += [("A3", inc.kecamatan), ("A4", inc.kelurahan), ("RD", inc.address)]
    civic += [("LMK", inc.landmark)]
    civic_xml = "".join(f"<ca:{k}>{escape(v)}</ca:{k}>" for k, v in civic if v)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<presence xmlns="urn:ietf:params:xml:ns:pidf" '
        'xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10" '
        'xmlns:gml="http://www.opengis.net/gml" '
        'xmlns:ca="urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr" '
        f'entity="{escape(entity, {chr(34): "&quot;"})}">'
        '<tuple id="incident"><status><gp:geopriv><gp:location-info>'
        f'{geo}<ca:civicAddress xml:lang="id">{civic_xml}</ca:civicAddress>'
        "</gp:location-info><gp:method>Manual</gp:method></gp:geopriv></status></tuple>"
        "</presence>"
    )


class DocumentBuilder:
    def __init__(self, ids: Ids, agency_names: dict[str, str]) -> None:
        self.ids = ids
        self.agency_names = agency_names

    def build(self, inc: EidoIncident) -> dict[str, Any]:
        ids = self.ids
        now = ts(inc.updated_at)
        tracking = inc.tracking_id
        self._psap = {"$ref": ids.psap}
        agencies: dict[str, dict[str, Any]] = {}
        agents: dict[str, dict[str, Any]] = {}
        notes: list[dict[str, Any]] = []

        def prologue(cid: str, at: datetime, agent: str | None = None) -> dict[str, Any]:
            out: dict[str, Any] = {
                "$id": cid,
                "lastUpdateTimeStamp": ts(at),
                "updatedByAgencyReference": dict(self._psap),
            }
            if agent:
                out["updatedByAgentReference"] = {"$ref": self._agent(agents, agent, at)}
            return out

        agencies[ids.psap] = {
            "$id": ids.psap,
            "lastUpdateTimeStamp": now,
            "updatedByAgencyReference": dict(self._psap),
            "agencyJcard": _jcard(PSAP_NAME),
            "agencyRoleDescriptionRegistryText": ["CallReceiving", "Dispatching"],
            "agencyType": ["psap"],
            "incidentOwningAgencyIndicator": True,
        }
        self._now = inc.updated_at

        def note(cid: str, text: str, at: datetime, user: str | None) -> dict[str, str]:
            n = prologue(cid, at, user)
            n["notesActionComments"] = html.escape(text).replace("\n", "<br>")
            if user:
                n["agentReference"] = {"$ref": self._agent(agents, user, at)}
            notes.append(n)
            return {"$ref": cid}

        location_id = ids.uid("locationid", inc.uuid)
        location = prologue(location_id, inc.updated_at)
        location["locationTypeDescriptionRegistryText"] = "Incident"
        location["locationByValue"] = pidf_lo(inc, tracking)
        desc = ", ".join(x for x in (inc.address, inc.kelurahan, inc.kecamatan) if x)
        if desc:
            location["locationDescriptionText"] = desc
        codes = [c for c in (inc.kelurahan_code, inc.kecamatan_code) if c]
        if codes:
            location["localIdentifier"] = codes

        incident = prologue(tracking, inc.updated_at, inc.creator)
        incident.update(
            {
                "incidentTypeInternalCode": inc.category_code,
                "incidentTypeInternalText": inc.category_label,
                "incidentTypeCommonRegistryText": INCIDENT_TYPES.get(inc.category_code, "Other"),
                "incidentStatusInternalText": [inc.status],
                "incidentStatusCommonRegistryText": [INCIDENT_STATUS.get(inc.status, "Pending")],
                "incidentPriorityInternalText": PRIORITY_TEXT.get(inc.priority, str(inc.priority)),
                "incidentCommonPriorityNumber": inc.priority,
                "locationReference": [{"$ref": location_id}],
            }
        )
        if inc.number:
            incident["internalIncidentId"] = inc.number
        if inc.creator:
            incident["agentReference"] = [
                {"$ref": self._agent(agents, inc.creator, inc.updated_at)}
            ]
        note_refs: list[dict[str, str]] = []
        ext: dict[str, Any] = {
            "sensitive": inc.sensitive,
            "times": {k: _ts_or_none(v) for k, v in inc.times.items()},
        }
        if inc.description:
            did = ids.uid("noteid", f"{inc.uuid}.description")
            note_refs.append(note(did, inc.description, inc.updated_at, inc.creator))
            ext["descriptionNoteReference"] = did
        for n, item in enumerate(inc.notes, start=1):
            note_refs.append(
                note(ids.uid("noteid", f"{inc.uuid}.{n}"), item.text, item.at, item.user)
            )
        if note_refs:
            incident["notesReference"] = note_refs
        incident[EXTENSION_KEY] = ext

        doc: dict[str, Any] = {
            "$id": tracking,
            "lastUpdateTimeStamp": now,
            "updatedByAgencyReference": dict(self._psap),
            "eidoVersion": "1.0",
            "eidoExtensionId": [EXTENSION_ID],
            "issuingElementIdentification": f"siaga-console.{ids.domain}",
        }
        calls, callbacks = self._calls(inc, prologue, note, agents)
        dispatches, resources = self._dispatches(inc, prologue, agencies, agents)
        persons = self._persons(inc, prologue, callbacks)
        merges, links = self._relations(inc, prologue)
        doc["incidentComponent"] = incident
        for key, value in (
            ("mergeComponent", merges),
            ("linkComponent", links),
            ("callComponent", calls),
            ("callbackComponent", callbacks),
            ("dispatchComponent", dispatches),
            ("emergencyResourceComponent", resources),
            ("notesComponent", notes),
            ("agencyComponent", list(agencies.values())),
            ("agentComponent", list(agents.values())),
            ("locationComponent", [location]),
            ("personComponent", persons),
        ):
            if value:
                doc[key] = value
        doc["@context"] = dict(CONTEXT)
        return doc

    # -- parts ----------------------------------------------------------------------------
    def _agent(
        self,
        agents: dict[str, dict[str, Any]],
        username: str,
        at: datetime,
        *,
        crew_of: tuple[str, str] | None = None,
    ) -> str:
        ids = self.ids
        aid = ids.crew(crew_of[0]) if crew_of else ids.agent(username)
        if aid not in agents:
            agents[aid] = {
                "$id": aid,
                "lastUpdateTimeStamp": ts(at),
                "updatedByAgencyReference": dict(self._psap),
                "agentRoleRegistryText": ["Responder"] if crew_of else ["Call Taking"],
                "agencyReference": {"$ref": ids.agency(crew_of[1]) if crew_of else ids.psap},
            }
        return aid

    def _calls(
        self, inc: EidoIncident, prologue: Any, note: Any, agents: dict[str, dict[str, Any]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        calls, callbacks = [], []
        for c in inc.calls:
            comp = prologue(c.call_id, c.answered_at or c.received_at, c.operator)
            comp.update(
                {
                    "standardPrimaryCallType": "emergency",
                    "direction": "incoming",
                    "localCallType": c.outcome,
                    "callStartTimestamp": ts(c.received_at),
                    "callStateRegistryText": "callEnd",
                }
            )
            if c.answered_at:
                comp["answerDate"] = ts(c.answered_at)
            if c.operator:
                comp["agentReference"] = [{"$ref": self._agent(agents, c.operator, c.received_at)}]
            if c.number:
                cb_id = self.ids.uid("callbackid", c.uuid)
                callbacks.append(
                    {
                        **prologue(cb_id, c.received_at),
                        "callBackInformationUri": [f"tel:{c.number}"],
                    }
                )
                comp["callBackReference"] = {"$ref": cb_id}
            if c.note:
                nid = self.ids.uid("noteid", f"{c.uuid}.call")
                comp["notesReference"] = [note(nid, c.note, c.received_at, c.operator)]
            calls.append(comp)
        return calls, callbacks

    def _dispatches(
        self,
        inc: EidoIncident,
        prologue: Any,
        agencies: dict[str, dict[str, Any]],
        agents: dict[str, dict[str, Any]],
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        ids = self.ids
        dispatches: list[dict[str, Any]] = []
        resources: dict[str, dict[str, Any]] = {}
        for n, d in enumerate(inc.dispatches, start=1):
            agency_id = ids.agency(d.agency_code)
            if agency_id not in agencies:
                agencies[agency_id] = {
                    **prologue(agency_id, d.dispatched_at),
                    "agencyJcard": _jcard(d.agency_name),
                    "agencyRoleDescriptionRegistryText": ["Responding"],
                    "agencyType": [AGENCY_TYPES.get(d.agency_code, "other")],
                }
            last = max(
                t
                for t in (
                    d.dispatched_at,
                    d.en_route_at,
                    d.on_scene_at,
                    d.returning_at,
                    d.cleared_at,
                )
                if t is not None
            )
            rid = ids.resource(d.call_sign)
            state = unit_state(d)
            crew = self._agent(
                agents, d.call_sign, d.dispatched_at, crew_of=(d.call_sign, d.agency_code)
            )
            resources[rid] = {
                **prologue(rid, last),
                "emergencyResourceName": d.call_sign,
                "emergencyResourceTypeCommonRegistryText": RESOURCE_TYPES.get(
                    d.agency_code, "Other"
                ),
                "emergencyResourceTypeInternalText": d.unit_type,
                "primaryUnitStatusRegistryText": UNIT_STATUS[state],
                "secondaryUnitStatusRegistryText": [],
                "resourceAttributeRegistryText": [],
                "unitStatusInternal": [state],
                "agentReference": [{"$ref": crew}],
            }
            comp = prologue(ids.uid("dispatchid", f"{inc.uuid}.{n}"), d.dispatched_at, d.dispatcher)
            comp["agencyReference"] = {"$ref": agency_id}
            if d.dispatcher:
                comp["agentReference"] = {
                    "$ref": self._agent(agents, d.dispatcher, d.dispatched_at)
                }
            comp["emergencyResourceReference"] = [{"$ref": rid}]
            comp[EXTENSION_KEY] = {
                "dispatchedAt": ts(d.dispatched_at),
                "enRouteAt": _ts_or_none(d.en_route_at),
                "onSceneAt": _ts_or_none(d.on_scene_at),
                "returningAt": _ts_or_none(d.returning_at),
                "clearedAt": _ts_or_none(d.cleared_at),
            }
            dispatches.append(comp)
        return dispatches, list(resources.values())

    def _persons(
        self, inc: EidoIncident, prologue: Any, callbacks: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        if not inc.caller_name:
            return []
        person = prologue(self.ids.uid("personid", f"{inc.uuid}.caller"), inc.updated_at)
        person["personIncidentRoleRegistryText"] = ["Caller"]
        person["ncPersonComponent"] = {"name": [{"personFullName": [{"value": inc.caller_name}]}]}
        if inc.calls:
            person["callIdentifier"] = [inc.calls[0].call_id]
        if callbacks:
            person["callBackReference"] = {"$ref": callbacks[0]["$id"]}
        return [person]

    def _relations(
        self, inc: EidoIncident, prologue: Any
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        merges, links = [], []
        for n, r in enumerate(inc.relations, start=1):
            comp = prologue(self.ids.uid(f"{r.kind}id", f"{inc.uuid}.{n}"), inc.updated_at)
            comp["incidentTrackingIdentifier"] = r.tracking_id
            if r.kind == "merge":
                comp["incidentMergeDirectionCode"] = r.direction
                merges.append(comp)
            else:
                comp["linkDirectionCode"] = r.direction
                if r.reason:
                    comp["transactionReasonText"] = r.reason
                links.append(comp)
        return merges, links
