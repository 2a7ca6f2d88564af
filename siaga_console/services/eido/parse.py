"""An EIDO JSON document -> EidoIncident (ours, or another center's: best effort).

Our own documents come back whole through the ``siagaConsole`` extension; from a foreign
document the parser takes what the console models (type, status, priority, location,
calls, callback numbers, units, notes, the caller's name, merges and links) and lists
what it had to leave out in ``warnings``.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

from ...domain.enums import CallOutcome, IncidentStatus
from .model import (
    INCIDENT_STATUS,
    INCIDENT_TYPES,
    TIME_FIELDS,
    EidoCall,
    EidoDispatch,
    EidoIncident,
    EidoNote,
    EidoRelation,
    ExchangeError,
    Ids,
    extension,
    uuid_for,
)

CIVIC_FIELDS = frozenset(
    [
        "country",
        "A1",
        "A2",
        "A3",
        "A4",
        "A5",
        "A6",
        "PRD",
        "POD",
        "RD",
        "STS",
        "HNO",
        "HNS",
        "LMK",
        "LOC",
        "NAM",
        "PC",
    ]
)
# Parts of an EIDO the console has nowhere to keep: the import says so.
NOT_KEPT = (
    "additionalDataComponent",
    "vehicleComponent",
    "alarmsSensorsComponent",
    "mediaComponent",
    "cautionComponent",
    "sharedCommunicationResourceComponent",
    "externalInformationSourceComponent",
)
_TAG = re.compile(r"<[^>]+>")
_STATUS_BACK = {v: k for k, v in INCIDENT_STATUS.items() if k not in ("verified",)}
_TYPES_BACK = {v.lower(): k for k, v in INCIDENT_TYPES.items()}


def parse_ts(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        return None
    return t.astimezone(UTC) if t.tzinfo else t.replace(tzinfo=UTC)


def _text_of_note(value: Any) -> str:
    text = str(value or "").replace("<br>", "\n").replace("<br/>", "\n")
    return html.unescape(_TAG.sub("", text)).strip()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_pidf(xml: str) -> dict[str, Any]:
    """Point and civic address of a PIDF-LO (documents with a DTD or entities are refused)."""
    out: dict[str, Any] = {}
    if "<!DOCTYPE" in xml or "<!ENTITY" in xml:
        return out
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return out
    for el in root.iter():
        name = _local(el.tag)
        text = (el.text or "").strip()
        if name == "pos" and text:
            parts = text.split()
            with contextlib.suppress(IndexError, ValueError):
                out["lat"], out["lon"] = float(parts[0]), float(parts[1])
        elif name in CIVIC_FIELDS:
            out.setdefault(name, text)
    return out


def _civic_address(p: dict[str, Any], ours: bool) -> str | None:
    if ours:
        return p.get("RD") or None
    street = " ".join(x for x in (p.get("HNO"), p.get("PRD"), p.get("RD"), p.get("STS")) if x)
    parts = [street, p.get("LOC"), p.get("A6"), p.get("A5"), p.get("A4"), p.get("A3")]
    parts += [p.get("A2"), p.get("A1"), p.get("country")]
    text = ", ".join(x for x in parts if x)
    return text or None


def _person_name(person: dict[str, Any]) -> str | None:
    comp = person.get("ncPersonComponent")
    if not isinstance(comp, dict):
        return None
    for name in comp.get("name") or []:
        if not isinstance(name, dict):
            continue
        full = name.get("personFullName")
        values = full if isinstance(full, list) else [full]
        for v in values:
            if isinstance(v, dict) and v.get("value"):
                return str(v["value"]).strip()
        pieces = []
        for key in ("personGivenName", "personMiddleName", "personSurName"):
            for v in name.get(key) or []:
                if isinstance(v, dict) and v.get("value"):
                    pieces.append(str(v["value"]).strip())
        if pieces:
            return " ".join(pieces)
    return None


class DocumentParser:
    def __init__(self, ids: Ids) -> None:
        self.ids = ids

    def parse(self, doc: dict[str, Any]) -> EidoIncident:
        by_id: dict[str, dict[str, Any]] = {}
        for key, value in doc.items():
            if key.endswith("Component"):
                for comp in value if isinstance(value, list) else [value]:
                    if isinstance(comp, dict) and "$id" in comp:
                        by_id.setdefault(str(comp["$id"]), comp)
        inc = doc.get("incidentComponent") if isinstance(doc.get("incidentComponent"), dict) else {}
        assert isinstance(inc, dict)
        ext = extension(inc)
        ours = bool(ext)
        tracking = str(inc.get("$id") or doc.get("$id") or "")
        if not tracking:
            raise ExchangeError("The EIDO document has no incident identifier")
        warnings: list[str] = []
        updated = parse_ts(inc.get("lastUpdateTimeStamp") or doc.get("lastUpdateTimeStamp"))

        code = str(inc.get("incidentTypeInternalCode") or "")
        if code not in INCIDENT_TYPES:
            code = _TYPES_BACK.get(
                str(inc.get("incidentTypeCommonRegistryText") or "").lower(), "other"
            )
        status = self._status(inc)
        priority = inc.get("incidentCommonPriorityNumber")
        if not isinstance(priority, int) or priority not in (1, 2, 3, 4):
            m = re.search(r"[1-4]", str(inc.get("incidentPriorityInternalText") or ""))
            priority = int(m.group(0)) if m else 0

        desc_ref = ext.get("descriptionNoteReference")
        description = None
        notes: list[EidoNote] = []
        for ref in inc.get("notesReference") or []:
            n = by_id.get(str(ref.get("$ref"))) if isinstance(ref, dict) else None
            if n is None:
                continue
            text = _text_of_note(n.get("notesActionComments"))
            if ref.get("$ref") == desc_ref:
                description = text
            elif text:
                at = parse_ts(n.get("lastUpdateTimeStamp")) or updated
                notes.append(EidoNote(at or datetime.now(UTC), text, self._user(n)))

        place = self._location(inc, by_id, ours, warnings)
        calls = [
            self._call(c, by_id) for c in doc.get("callComponent") or [] if isinstance(c, dict)
        ]
        calls.sort(key=lambda c: c.received_at)
        times: dict[str, datetime | None] = dict.fromkeys(TIME_FIELDS)
        for k, v in (ext.get("times") or {}).items():
            if k in times:
                times[k] = parse_ts(v)
        if times["first_received_at"] is None:
            times["first_received_at"] = calls[0].received_at if calls else updated
            times["first_answered_at"] = calls[0].answered_at if calls else None
        caller = None
        for p in doc.get("personComponent") or []:
            roles = [str(r).lower() for r in p.get("personIncidentRoleRegistryText") or []]
            if any("caller" in r or "reporting" in r for r in roles):
                caller = _person_name(p)
                if caller:
                    break
        for key in NOT_KEPT:
            if doc.get(key):
                warnings.append(f"{len(doc[key])} × {key} not kept")
        return EidoIncident(
            uuid=uuid_for(tracking, "incidentid"),
            tracking_id=tracking,
            number=str(inc.get("internalIncidentId") or "") or None,
            category_code=code,
            category_label=str(inc.get("incidentTypeInternalText") or ""),
            priority=priority,
            status=status,
            kecamatan=place.get("A3") if place.get("country") == "ID" else None,
            kelurahan=place.get("A4") if place.get("country") == "ID" else None,
            kecamatan_code=None,
            kelurahan_code=None,
            address=place.get("address"),
            landmark=place.get("LMK") if ours else None,
            latitude=place.get("lat"),
            longitude=place.get("lon"),
            caller_name=caller,
            description=description,
            sensitive=bool(ext.get("sensitive", False)),
            times=times,
            updated_at=updated or datetime.now(UTC),
            creator=self._user(inc),
            calls=calls,
            dispatches=self._dispatches(doc, by_id, warnings),
            notes=notes,
            relations=self._relations(doc),
            issuer=str(doc.get("issuingElementIdentification") or "") or None,
            warnings=warnings,
        )

    def _status(self, inc: dict[str, Any]) -> str:
        for s in inc.get("incidentStatusInternalText") or []:
            if s in {x.value for x in IncidentStatus}:
                return str(s)
        for s in inc.get("incidentStatusCommonRegistryText") or []:
            if s in _STATUS_BACK:
                return _STATUS_BACK[s]
        return IncidentStatus.NEW.value

    def _user(self, comp: dict[str, Any]) -> str | None:
        ref = comp.get("updatedByAgentReference")
        if isinstance(ref, dict):
            return self.ids.username(str(ref.get("$ref", "")))
        return None

    def _location(
        self, inc: dict[str, Any], by_id: dict[str, dict[str, Any]], ours: bool, warnings: list[str]
    ) -> dict[str, Any]:
        refs = [r.get("$ref") for r in inc.get("locationReference") or [] if isinstance(r, dict)]
        candidates = [by_id[str(r)] for r in refs if str(r) in by_id]
        if not candidates:  # no incident component: a call's locations, caller's first
            candidates = [c for c in by_id.values() if "locationTypeDescriptionRegistryText" in c]
        place: dict[str, Any] = {}
        for loc in candidates:
            if isinstance(loc.get("locationByValue"), str):
                place = parse_pidf(loc["locationByValue"])
                place["address"] = _civic_address(place, ours) or (
                    None if ours else loc.get("locationDescriptionText")
                )
                if place.get("address") or "lat" in place:
                    return place
            elif loc.get("locationByReferenceUrl"):
                warnings.append(
                    f"location by reference not dereferenced: {loc['locationByReferenceUrl']}"
                )
        return place

    def _call(self, c: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> EidoCall:
        cid = str(c.get("$id"))
        number = None
        cb = by_id.get(str((c.get("callBackReference") or {}).get("$ref")))
        uris = (cb or {}).get("callBackInformationUri") or []
        for uri in uris:
            if isinstance(uri, str) and uri.startswith("tel:"):
                number = uri.removeprefix("tel:")
                break
        note = None
        for ref in c.get("notesReference") or []:
            n = by_id.get(str(ref.get("$ref"))) if isinstance(ref, dict) else None
            if n is not None:
                note = _text_of_note(n.get("notesActionComments"))[:512] or None
        outcome = str(c.get("localCallType") or "")
        if outcome not in {o.value for o in CallOutcome}:
            outcome = CallOutcome.VALID.value
        operator = None
        for ref in c.get("agentReference") or []:
            if isinstance(ref, dict):
                operator = self.ids.username(str(ref.get("$ref", ""))) or operator
        received = parse_ts(c.get("callStartTimestamp")) or datetime.now(UTC)
        return EidoCall(
            uuid=uuid_for(cid, "callid"),
            call_id=cid,
            received_at=received,
            answered_at=parse_ts(c.get("answerDate")),
            number=number,
            outcome=outcome,
            operator=operator,
            note=note,
        )

    def _dispatches(
        self, doc: dict[str, Any], by_id: dict[str, dict[str, Any]], warnings: list[str]
    ) -> list[EidoDispatch]:
        out = []
        for d in doc.get("dispatchComponent") or []:
            ext = extension(d)
            agency_id = str((d.get("agencyReference") or {}).get("$ref", ""))
            agency = by_id.get(agency_id, {})
            code = self.ids.agency_code(agency_id) or agency_id
            name = code
            try:
                card = json.loads(agency.get("agencyJcard") or "null")
                name = next(p[3] for p in card[1] if p[0] == "fn")
            except (ValueError, TypeError, StopIteration, IndexError, KeyError):
                pass
            at = parse_ts(ext.get("dispatchedAt")) or parse_ts(d.get("lastUpdateTimeStamp"))
            for ref in d.get("emergencyResourceReference") or []:
                res = by_id.get(str(ref.get("$ref"))) if isinstance(ref, dict) else None
                if res is None or at is None:
                    warnings.append("a dispatch without its resource or time was not kept")
                    continue
                out.append(
                    EidoDispatch(
                        call_sign=str(res.get("emergencyResourceName") or res["$id"])[:32],
                        agency_code=code,
                        agency_name=name,
                        unit_type=str(
                            res.get("emergencyResourceTypeInternalText")
                            or res.get("emergencyResourceTypeCommonRegistryText")
                            or ""
                        )[:64],
                        dispatched_at=at,
                        en_route_at=parse_ts(ext.get("enRouteAt")),
                        on_scene_at=parse_ts(ext.get("onSceneAt")),
                        returning_at=parse_ts(ext.get("returningAt")),
                        cleared_at=parse_ts(ext.get("clearedAt")),
                        dispatcher=self._user(d),
                    )
                )
        return out

    def _relations(self, doc: dict[str, Any]) -> list[EidoRelation]:
        out = []
        for m in doc.get("mergeComponent") or []:
            out.append(
                EidoRelation(
                    "merge",
                    str(m.get("incidentMergeDirectionCode")),
                    str(m.get("incidentTrackingIdentifier")),
                )
            )
        for link in doc.get("linkComponent") or []:
            out.append(
                EidoRelation(
                    "link",
                    str(link.get("linkDirectionCode")),
                    str(link.get("incidentTrackingIdentifier")),
                    link.get("transactionReasonText"),
                )
            )
        return out
