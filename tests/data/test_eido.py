"""EIDO export and import, validated against NENA's real schema (tests/data/eido/).

The schema is loaded here independently of the product's copy, and references are
checked here by a walk of the document (the schema does not check ``$ref`` targets).
"""

from __future__ import annotations

import copy
import difflib
import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from siaga_console.data.models import Call, Incident, IncidentEvent, Unit
from siaga_console.domain.enums import Role, UnitStatus
from siaga_console.domain.errors import PermissionDenied
from siaga_console.domain.permissions import Actor
from siaga_console.services.container import Services
from siaga_console.services.eido import EidoSchema, EidoService, ExchangeError
from siaga_console.services.inputs import CallInput, IncidentInput

from ..conftest import Clock, make_actor

DATA = Path(__file__).parent / "eido"
SCHEMA_DIR = DATA / "Schema"
SAMPLE = DATA / "Samples" / "Sample call transfer EIDO.json"


# -- an independent validator and reference check ---------------------------------------------
def _yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.CSafeLoader)


def make_validator(patch: bool = True) -> OAS30Validator:
    spec = _yaml(SCHEMA_DIR / "openapi.yaml")
    if patch:  # upstream typo: AgentType.agentRoleRegistryText has "minItems: 1,"
        props = spec["components"]["schemas"]["AgentType"]["allOf"][1]["properties"]
        props["agentRoleRegistryText"]["minItems"] = 1

    def retrieve(uri: str) -> Resource[Any]:
        rel = uri.removeprefix("file:///s/").replace("//", "/")
        return Resource.from_contents(_yaml(SCHEMA_DIR / rel), default_specification=DRAFT4)

    registry = Registry(retrieve=retrieve).with_resource(  # type: ignore[call-arg]
        "file:///s/openapi.yaml", Resource.from_contents(spec, default_specification=DRAFT4)
    )
    return OAS30Validator(
        {"$ref": "file:///s/openapi.yaml#/components/schemas/EmergencyIncidentDataObjectType"},
        registry=registry,
        format_checker=oas30_format_checker,
    )


@pytest.fixture(scope="module")
def validator() -> OAS30Validator:
    return make_validator()


def schema_errors(validator: OAS30Validator, doc: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def references(doc: Any) -> tuple[list[str], list[str]]:
    """All $id values (with repeats) and all $ref values of a document."""
    ids: list[str] = []
    refs: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "$id" in node:
                ids.append(node["$id"])
            if set(node) == {"$ref"}:
                refs.append(node["$ref"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(doc)
    return ids, refs


def json_diff(a: Any, b: Any) -> str:
    lines = difflib.unified_diff(
        json.dumps(a, indent=1, sort_keys=True).splitlines(),
        json.dumps(b, indent=1, sort_keys=True).splitlines(),
        lineterm="",
    )
    return "\n".join(lines)


def check_references(doc: dict[str, Any]) -> None:
    ids, refs = references(doc)
    assert set(refs) <= set(ids), set(refs) - set(ids)
    components = ids[1:]  # the document's own $id is the incident's tracking id
    assert len(components) == len(set(components)), "a component $id is repeated"


# -- a realistic incident -----------------------------------------------------------------------
@pytest.fixture
def other(second_services: Services) -> Services:
    """A second console (empty database, same backend)."""
    return second_services


def staff(services: Services) -> tuple[Actor, Actor]:
    return (
        make_actor(services, Role.OPERATOR, "siti"),
        make_actor(services, Role.SUPERVISOR, "budi"),
    )


def scenario(services: Services, clock: Clock) -> tuple[int, int]:
    """A fire with a note, a caller's name, a unit on scene, and a second report merged in."""
    op, chief = staff(services)
    form = IncidentInput(
        category_code="fire",
        kecamatan_code="36.73.01",
        latitude=-6.1205,
        longitude=106.1502,
        address="Jl. Ahmad Yani No. 12",
        landmark="depan Masjid Agung",
        caller_name="Ibu Sari",
        description="Rumah terbakar, <2 orang> di dalam & asap tebal",
    )
    a = services.incidents.create_from_call(op, CallInput("0812-3456-7890"), form)
    clock.advance(seconds=40)
    b = services.incidents.create_from_call(
        op,
        CallInput("081298765432"),
        IncidentInput(category_code="fire", kecamatan_code="36.73.01"),
    )
    clock.advance(seconds=20)
    services.incidents.merge(chief, b.id, a.id)
    services.incidents.add_note(op, a.id, "Damkar diminta membawa\ntangga")
    with services.ctx.transaction() as s:
        u = Unit(
            call_sign="DAMKAR-07",
            agency_code="damkar",
            unit_type="Mobil pemadam",
            status="available",
            status_changed_at=clock.now,
            active=True,
        )
        s.add(u)
        s.flush()
        unit_id = u.id
    clock.advance(seconds=30)
    services.dispatch.dispatch(op, a.id, [unit_id])
    clock.advance(minutes=2)
    services.dispatch.set_unit_status(op, unit_id, UnitStatus.EN_ROUTE)
    clock.advance(minutes=9)
    services.dispatch.set_unit_status(op, unit_id, UnitStatus.ON_SCENE)
    return a.id, b.id


def number_of(services: Services, incident_id: int) -> str:
    with services.ctx.read() as s:
        return str(s.scalar(sa.select(Incident.number).where(Incident.id == incident_id)))


# -- tests --------------------------------------------------------------------------------------
def test_the_upstream_typo_breaks_validation_unless_patched() -> None:
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    with pytest.raises(TypeError):
        list(make_validator(patch=False).iter_errors(sample))
    assert schema_errors(make_validator(), sample) == []
    assert EidoSchema(SCHEMA_DIR).errors(sample) == []


def test_exported_documents_validate_and_their_references_resolve(
    services: Services, clock: Clock, validator: OAS30Validator
) -> None:
    a, b = scenario(services, clock)
    _, chief = staff_names(services)
    eido = EidoService(services.ctx)
    doc = eido.export_incident(chief, number_of(services, a))
    assert schema_errors(validator, doc) == []
    check_references(doc)
    inc = doc["incidentComponent"]
    assert inc["incidentTypeInternalCode"] == "fire"
    assert inc["incidentStatusInternalText"] == ["on_scene"]
    assert inc["incidentCommonPriorityNumber"] == 1
    assert len(doc["callComponent"]) == 2  # the merged report's call came along
    assert doc["callbackComponent"][0]["callBackInformationUri"] == ["tel:+6281234567890"]
    assert doc["mergeComponent"][0]["incidentMergeDirectionCode"] == "REPLACING"
    names = [r["emergencyResourceName"] for r in doc["emergencyResourceComponent"]]
    assert names == ["DAMKAR-07"]
    assert doc["emergencyResourceComponent"][0]["primaryUnitStatusRegistryText"] == "OnScene"
    notes = [n["notesActionComments"] for n in doc["notesComponent"]]
    assert "Rumah terbakar, &lt;2 orang&gt; di dalam &amp; asap tebal" in notes
    assert "Damkar diminta membawa<br>tangga" in notes
    location = doc["locationComponent"][0]["locationByValue"]
    assert "<gml:pos>-6.1205 106.1502</gml:pos>" in location
    assert "<ca:LMK>depan Masjid Agung</ca:LMK>" in location
    person = doc["personComponent"][0]
    assert person["ncPersonComponent"]["name"][0]["personFullName"][0]["value"] == "Ibu Sari"
    merged = eido.export_incident(chief, number_of(services, b))
    assert schema_errors(validator, merged) == []
    check_references(merged)
    assert merged["mergeComponent"][0]["incidentMergeDirectionCode"] == "REPLACED"
    assert merged["mergeComponent"][0]["incidentTrackingIdentifier"] == doc["$id"]


def staff_names(services: Services) -> tuple[Actor, Actor]:
    with services.ctx.read() as s:
        from siaga_console.data.models import User

        users = {u.username: u for u in s.scalars(sa.select(User))}
    return (
        Actor(users["siti"].id, "siti", Role.OPERATOR, "WS-TEST"),
        Actor(users["budi"].id, "budi", Role.SUPERVISOR, "WS-TEST"),
    )


def test_round_trip_keeps_what_the_console_models(
    services: Services, other: Services, clock: Clock, validator: OAS30Validator
) -> None:
    a, b = scenario(services, clock)
    _, chief = staff_names(services)
    docs = EidoService(services.ctx).export_period(
        chief, clock.now.replace(hour=0), clock.now.replace(hour=23)
    )
    assert [n for n, _ in docs] == [number_of(services, a), number_of(services, b)]
    _, other_chief = staff(other)  # the same people work at the other console
    eido = EidoService(other.ctx)
    results = [eido.import_document(other_chief, d) for _, d in docs]
    assert [r.created for r in results] == [True, True]
    assert results[0].calls == 2 and results[0].units == 1 and results[0].warnings == ()
    again = [eido.export_incident(other_chief, r.number) for r in results]
    for (_, original), copied in zip(docs, again, strict=True):
        assert schema_errors(validator, copied) == []
        check_references(copied)
        assert copied == original, json_diff(original, copied)
    with other.ctx.read() as s:
        src = s.scalar(sa.select(Incident).where(Incident.id == results[1].incident_id))
        assert src is not None and src.status == "merged"
        assert src.merged_into_id == results[0].incident_id
    # importing the same documents again changes nothing
    assert [eido.import_document(other_chief, d).created for _, d in docs] == [False, False]


def test_links_travel_as_link_components(
    services: Services, other: Services, clock: Clock, validator: OAS30Validator
) -> None:
    a, _ = scenario(services, clock)
    _, chief = staff_names(services)
    doc = EidoService(services.ctx).export_incident(chief, number_of(services, a))
    doc["linkComponent"] = [
        {
            "$id": "urn:emergency:uid:linkid:1:pandeglang.example",
            "lastUpdateTimeStamp": doc["lastUpdateTimeStamp"],
            "updatedByAgencyReference": doc["updatedByAgencyReference"],
            "incidentTrackingIdentifier": "urn:emergency:uid:incidentid:77:pandeglang.example",
            "linkDirectionCode": "RELATED",
            "transactionReasonText": "same fire seen from Pandeglang",
        }
    ]
    _, other_chief = staff(other)
    r = EidoService(other.ctx).import_document(other_chief, doc)
    out = EidoService(other.ctx).export_incident(other_chief, r.number)
    assert schema_errors(validator, out) == []
    link = out["linkComponent"][0]
    assert (link["linkDirectionCode"], link["transactionReasonText"]) == (
        "RELATED",
        "same fire seen from Pandeglang",
    )
    assert link["incidentTrackingIdentifier"].endswith(":77:pandeglang.example")


def test_the_repository_sample_imports(
    services: Services, clock: Clock, validator: OAS30Validator
) -> None:
    chief = make_actor(services, Role.SUPERVISOR)
    eido = EidoService(services.ctx)
    r = eido.import_document(chief, SAMPLE)
    assert r.created and r.calls == 1
    assert r.tracking_id == "urn:emergency:uid:incidentid:a56e556d871:bcf.state.pa.us"
    with services.ctx.read() as s:
        inc = s.scalars(sa.select(Incident).where(Incident.id == r.incident_id)).one()
        call = s.scalars(sa.select(Call).where(Call.incident_id == inc.id)).one()
    assert inc.category_code == "other" and inc.status == "new"
    assert inc.address is not None and "Wilmington" in inc.address
    # A US number is not an Indonesian one: kept in the call's note, not lost.
    assert call.caller_number == "hidden" and "tel:8195551212" in (call.note or "")
    assert call.external_id == "urn:emergency:uid:callid:a56e556d871:bcf.state.pa.us"
    assert not eido.import_document(chief, SAMPLE).created
    out = eido.export_incident(chief, r.number)
    assert schema_errors(validator, out) == []
    assert out["$id"] == r.tracking_id  # the foreign identity is kept
    assert out["callComponent"][0]["$id"] == call.external_id


def test_documents_that_fail_the_schema_are_refused(
    services: Services, clock: Clock, tmp_path: Path
) -> None:
    chief = make_actor(services, Role.SUPERVISOR)
    eido = EidoService(services.ctx)
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    with services.ctx.read() as s:
        before = s.scalar(sa.select(sa.func.count(IncidentEvent.id)))
    broken = copy.deepcopy(sample)
    del broken["eidoVersion"]
    broken["callComponent"][0]["direction"] = "sideways"
    with pytest.raises(ExchangeError) as err:
        eido.import_document(chief, broken)
    assert "does not match the schema" in err.value.message
    assert "eidoVersion" in err.value.message and "sideways" in err.value.message
    for text, match in (("{not json", "not JSON"), ("[1, 2]", "not a JSON object")):
        f = tmp_path / "x.json"
        f.write_text(text, encoding="utf-8")
        with pytest.raises(ExchangeError, match=match):
            eido.import_document(chief, f)
    with services.ctx.read() as s:
        assert s.scalar(sa.select(sa.func.count(IncidentEvent.id))) == before
        assert s.scalar(sa.select(sa.func.count(Incident.id))) == 0
    with pytest.raises(PermissionDenied):
        eido.import_document(make_actor(services, Role.OPERATOR), sample)


def test_dry_run_and_unknown_incident(services: Services) -> None:
    chief = make_actor(services, Role.SUPERVISOR)
    eido = EidoService(services.ctx)
    r = eido.import_document(chief, SAMPLE, dry_run=True)
    assert r.created and not r.committed
    with services.ctx.read() as s:
        assert s.scalar(sa.select(sa.func.count(Incident.id))) == 0
    with pytest.raises(ExchangeError, match="does not exist"):
        eido.export_incident(chief, "SRG-20260101-0099")
