"""The use cases against a real SQLite file and a real PostgreSQL server (same tests)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from siaga_console.data.models import Call, ChangeFeed, Dispatch, Incident, IncidentEvent, Unit
from siaga_console.domain.enums import CallOutcome, IncidentStatus, Role, UnitStatus
from siaga_console.domain.errors import (
    ConflictError,
    FormErrors,
    PermissionDenied,
    TransitionError,
    ValidationError,
)
from siaga_console.domain.permissions import Actor
from siaga_console.services.container import Services
from siaga_console.services.inputs import CallInput, IncidentInput

from ..conftest import Clock, make_actor

FIRE_AT_SERANG = IncidentInput(
    category_code="fire",
    latitude=-6.12,
    longitude=106.15,
    address="Jl. Ahmad Yani No. 1",
    description="Rumah terbakar",
)


def counts(services: Services) -> dict[str, int]:
    with services.ctx.read() as s:
        return {
            m.__tablename__: int(s.scalar(sa.select(sa.func.count()).select_from(m)) or 0)
            for m in (Call, Incident, IncidentEvent, ChangeFeed, Dispatch)
        }


def add_unit(
    services: Services,
    agency: str = "damkar",
    sign: str = "DAMKAR-01",
    lat: float = -6.118,
    lon: float = 106.152,
) -> int:
    with services.ctx.transaction() as s:
        u = Unit(
            call_sign=sign,
            agency_code=agency,
            unit_type="Mobil pemadam",
            base_lat=lat,
            base_lon=lon,
            status="available",
            status_changed_at=services.ctx.clock(),
            active=True,
        )
        s.add(u)
        s.flush()
        return u.id


class TestIntake:
    def test_prank_call_is_one_row_and_one_feed_entry(
        self, services: Services, operator: Actor
    ) -> None:
        before = counts(services)
        view = services.intake.log_call(operator, CallInput("0812-3456-7890"), CallOutcome.PRANK)
        after = counts(services)
        assert view.caller_number == "+6281234567890" and view.outcome == "prank"
        assert after["calls"] == before["calls"] + 1
        assert after["change_feed"] == before["change_feed"] + 1
        assert after["incidents"] == before["incidents"]
        with services.ctx.read() as s:
            feed = s.scalars(sa.select(ChangeFeed).order_by(ChangeFeed.id.desc())).first()
            assert feed is not None
            assert (feed.kind, feed.entity_id, feed.workstation, feed.user_id) == (
                "call.logged",
                view.id,
                "WS-TEST",
                operator.user_id,
            )

    def test_dropped_call_has_no_answer_time(self, services: Services, operator: Actor) -> None:
        view = services.intake.log_call(operator, CallInput(""), CallOutcome.DROPPED)
        assert view.answered_at is None and view.caller_number == "hidden"

    def test_bad_number_writes_nothing(self, services: Services, operator: Actor) -> None:
        before = counts(services)
        with pytest.raises(ValidationError):
            services.intake.log_call(operator, CallInput("not a number"), CallOutcome.PRANK)
        assert counts(services) == before

    def test_valid_outcome_needs_the_form(self, services: Services, operator: Actor) -> None:
        with pytest.raises(ValidationError):
            services.intake.log_call(operator, CallInput("081234567890"), CallOutcome.VALID)

    def test_same_uuid_is_logged_once(self, services: Services, operator: Actor) -> None:
        call = CallInput("081234567890", uuid="7f1f8a36-8d7a-4c1b-9d65-000000000001")
        a = services.intake.log_call(operator, call, CallOutcome.SILENT)
        b = services.intake.log_call(operator, call, CallOutcome.SILENT)
        assert a.id == b.id
        with services.ctx.read() as s:
            assert s.scalar(sa.select(sa.func.count()).where(Call.uuid == call.uuid)) == 1

    def test_repeat_caller_is_flagged_over_the_daily_threshold(
        self, services: Services, operator: Actor, clock: Clock
    ) -> None:
        for _ in range(5):
            services.intake.log_call(operator, CallInput("081298765432"), CallOutcome.PRANK)
            clock.advance(minutes=3)
        h = services.intake.caller_history("+6281298765432")
        assert (h.total, h.pranks_today, h.flagged) == (5, 5, False)
        services.intake.log_call(operator, CallInput("081298765432"), CallOutcome.PRANK)
        h = services.intake.caller_history("+6281298765432")
        assert h.pranks_today == 6 and h.flagged
        assert len(h.recent) == 6 and h.recent[0].received_at >= h.recent[-1].received_at

    def test_prank_list_needs_a_supervisor(
        self, services: Services, operator: Actor, supervisor: Actor, clock: Clock
    ) -> None:
        for _ in range(6):
            services.intake.log_call(operator, CallInput("081211112222"), CallOutcome.PRANK)
            clock.advance(minutes=1)
        services.intake.log_call(operator, CallInput("081233334444"), CallOutcome.PRANK)
        with pytest.raises(PermissionDenied):
            services.intake.prank_offenders(operator)
        offenders = services.intake.prank_offenders(supervisor)
        assert [o.number for o in offenders] == ["+6281211112222"]
        assert offenders[0].pranks_max_day == 6 and not offenders[0].permanent


class TestIncidents:
    def test_create_from_call(self, services: Services, operator: Actor) -> None:
        row = services.incidents.create_from_call(
            operator, CallInput("081234567890"), FIRE_AT_SERANG
        )
        assert row.number == "SRG-20261129-0001"
        assert (row.priority, row.status, row.kecamatan, row.kelurahan) == (
            1,
            "new",
            "Serang",
            "Serang",
        )
        detail = services.incidents.detail(operator, row.id)
        assert [c.outcome for c in detail.calls] == ["valid"]
        assert [e.kind for e in detail.timeline] == ["created"]
        assert detail.allowed_statuses == ("verified", "cancelled")

    def test_numbers_are_sequential_per_wib_day(
        self, services: Services, operator: Actor, clock: Clock
    ) -> None:
        a = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        b = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        clock.advance(hours=14)  # 00:00 WIB on 30 Nov
        c = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        assert [a.number, b.number, c.number] == [
            "SRG-20261129-0001",
            "SRG-20261129-0002",
            "SRG-20261130-0001",
        ]

    def test_sensitive_categories_are_forced_sensitive(
        self, services: Services, operator: Actor, supervisor: Actor
    ) -> None:
        form = IncidentInput(
            category_code="domestic_violence",
            kecamatan_code="36.73.02",
            caller_name="Ibu X",
            description="detail korban",
            address="Gg. Melati",
        )
        row = services.incidents.create_from_call(operator, CallInput("081234567890"), form)
        assert row.sensitive
        other = make_actor(services, Role.OPERATOR)
        hidden = services.incidents.detail(other, row.id)
        assert hidden.details_hidden and hidden.caller_name is None and hidden.description is None
        assert hidden.row.address is None and hidden.calls[0].caller_number == "•••"
        assert hidden.row.kecamatan == "Kasemen"  # place and status stay visible
        for who in (operator, supervisor):
            d = services.incidents.detail(who, row.id)
            assert not d.details_hidden and d.caller_name == "Ibu X"

    @pytest.mark.parametrize(
        ("form", "fields"),
        [
            (IncidentInput(), {"category_code", "kecamatan_code"}),
            (IncidentInput(category_code="fire", latitude=-6.2, longitude=106.8), {"latitude"}),
            (
                IncidentInput(
                    category_code="fire", kecamatan_code="36.73.01", kelurahan_code="36.73.02.1001"
                ),
                {"kelurahan_code"},
            ),
            (IncidentInput(category_code="nope", address="x"), {"category_code"}),
            (IncidentInput(category_code="fire", priority=7, address="x"), {"priority"}),
            (IncidentInput(category_code="fire", latitude=-6.12, address="x"), {"latitude"}),
            (
                IncidentInput(
                    category_code="fire",
                    kecamatan_code="36.73.02",
                    latitude=-6.12,
                    longitude=106.15,
                ),
                {"latitude"},
            ),
            (IncidentInput(category_code="fire", address="x" * 300), {"address"}),
        ],
    )
    def test_bad_forms_write_nothing(
        self, services: Services, operator: Actor, form: IncidentInput, fields: set[str]
    ) -> None:
        before = counts(services)
        with pytest.raises(FormErrors) as err:
            services.incidents.create_from_call(operator, CallInput("081234567890"), form)
        assert {e.field for e in err.value.errors} == fields
        assert counts(services) == before

    def test_refused_transition_leaves_the_database_unchanged(
        self, services: Services, operator: Actor
    ) -> None:
        row = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        before = counts(services)
        with pytest.raises(TransitionError):
            services.incidents.change_status(operator, row.id, IncidentStatus.CLOSED)
        assert counts(services) == before
        assert services.incidents.rows([row.id])[0].status == "new"

    def test_status_path_fills_timestamps(
        self, services: Services, operator: Actor, clock: Clock
    ) -> None:
        row = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        clock.advance(seconds=30)
        row = services.incidents.change_status(operator, row.id, "verified", row.version)
        unit = add_unit(services)
        clock.advance(seconds=30)
        row = services.dispatch.dispatch(operator, row.id, [unit], row.version)
        assert row.status == "dispatched" and row.units == ("DAMKAR-01",)
        clock.advance(minutes=1)
        services.dispatch.set_unit_status(operator, unit, UnitStatus.EN_ROUTE)
        clock.advance(minutes=9)
        services.dispatch.set_unit_status(operator, unit, UnitStatus.ON_SCENE)
        row = services.incidents.rows([row.id])[0]
        assert row.status == "on_scene"
        clock.advance(minutes=30)
        row = services.incidents.change_status(operator, row.id, "resolved", row.version)
        with services.ctx.read() as s:
            inc = s.get(Incident, row.id)
            assert inc is not None
            gaps = [
                (b - a).total_seconds()
                for a, b in zip(
                    [
                        inc.first_received_at,
                        inc.verified_at,
                        inc.dispatched_at,
                        inc.en_route_at,
                        inc.on_scene_at,
                    ],
                    [
                        inc.verified_at,
                        inc.dispatched_at,
                        inc.en_route_at,
                        inc.on_scene_at,
                        inc.resolved_at,
                    ],
                    strict=True,
                )
            ]  # type: ignore[operator]
            assert gaps == [30, 30, 60, 540, 1800]
            u = s.get(Unit, unit)
            assert u is not None and u.status == "returning" and u.current_incident_id is None
        kinds = [e.kind for e in services.incidents.detail(operator, row.id).timeline]
        assert kinds.count("status") == 4 and "dispatched" in kinds and "unit_status" in kinds

    def test_stale_version_is_refused(self, services: Services, operator: Actor) -> None:
        row = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        services.incidents.update(operator, row.id, {"address": "Jl. Baru"}, row.version)
        with pytest.raises(ConflictError):
            services.incidents.update(operator, row.id, {"address": "Jl. Lama"}, row.version)
        assert services.incidents.rows([row.id])[0].address == "Jl. Baru"

    def test_dispatching_a_busy_unit_is_refused_atomically(
        self, services: Services, operator: Actor
    ) -> None:
        a = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        b = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        u1, u2 = add_unit(services), add_unit(services, sign="DAMKAR-02")
        services.dispatch.dispatch(operator, a.id, [u1])
        before = counts(services)
        with pytest.raises(ConflictError):
            services.dispatch.dispatch(operator, b.id, [u2, u1])
        assert counts(services) == before
        assert services.dispatch.units([u2])[0].status == "available"

    def test_recommendations_prefer_category_agencies_then_distance(
        self, services: Services, operator: Actor
    ) -> None:
        row = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        far = add_unit(services, sign="DAMKAR-FAR", lat=-6.16, lon=106.20)
        near = add_unit(services, sign="DAMKAR-NEAR", lat=-6.121, lon=106.151)
        amb = add_unit(services, agency="psc119", sign="AMB-1", lat=-6.1201, lon=106.1501)
        ids = [s.unit.id for s in services.dispatch.recommend(row.id)]
        assert ids == [near, far, amb]

    def test_duplicates_are_proposed_and_linked(
        self, services: Services, operator: Actor, clock: Clock
    ) -> None:
        row = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        clock.advance(minutes=5)
        probe = IncidentInput(category_code="fire", latitude=-6.1215, longitude=106.1512)
        assert [r.id for r in services.intake.find_duplicates(probe)] == [row.id]
        assert (
            services.intake.find_duplicates(
                IncidentInput(category_code="medical", latitude=-6.12, longitude=106.15)
            )
            == []
        )
        clock.advance(minutes=40)
        assert services.intake.find_duplicates(probe) == []
        call = services.intake.link_duplicate(operator, CallInput("081234567891"), row.id)
        assert call.outcome == "duplicate" and call.incident_id == row.id

    def test_merge_keeps_calls_and_timelines(
        self, services: Services, operator: Actor, supervisor: Actor, clock: Clock
    ) -> None:
        a = services.incidents.create_from_call(operator, CallInput("081234567890"), FIRE_AT_SERANG)
        clock.advance(minutes=2)
        b = services.incidents.create_from_call(operator, CallInput("081234567891"), FIRE_AT_SERANG)
        with pytest.raises(PermissionDenied):
            services.incidents.merge(operator, b.id, a.id)
        merged = services.incidents.merge(supervisor, b.id, a.id)
        assert merged.id == a.id
        src = services.incidents.rows([b.id])[0]
        assert src.status == "merged"
        d = services.incidents.detail(supervisor, a.id)
        assert len(d.calls) == 2
        assert {"merged", "merged_in"} <= {e.kind for e in d.timeline}
        with pytest.raises(TransitionError):
            services.incidents.change_status(supervisor, b.id, "verified")

    def test_queue_lists_open_and_recent(
        self, services: Services, operator: Actor, clock: Clock
    ) -> None:
        a = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        b = services.incidents.create_from_call(operator, CallInput(""), FIRE_AT_SERANG)
        services.incidents.change_status(operator, b.id, "cancelled")
        assert {r.id for r in services.incidents.queue()} == {a.id, b.id}
        clock.advance(days=8)
        assert {r.id for r in services.incidents.queue()} == {a.id}


def test_role_matrix_is_enforced_in_services(services: Services) -> None:
    op = make_actor(services, Role.OPERATOR)
    with pytest.raises(PermissionDenied):
        services.reference.set_setting(op, "prank_daily_threshold", 3)
    admin = make_actor(services, Role.ADMIN)
    services.reference.set_setting(admin, "prank_daily_threshold", 3)
    assert services.reference.settings()["prank_daily_threshold"] == 3
    with pytest.raises(ValidationError):
        services.reference.set_setting(admin, "prank_daily_threshold", "three")


def test_queue_hides_sensitive_addresses_from_others(
    services: Services, operator: Actor, supervisor: Actor
) -> None:
    row = services.incidents.create_from_call(
        operator,
        CallInput(""),
        IncidentInput(
            category_code="domestic_violence", kecamatan_code="36.73.02", address="Gg. Melati 3"
        ),
    )
    other = make_actor(services)
    by_viewer = {
        name: next(r for r in services.incidents.queue(who) if r.id == row.id).address
        for name, who in (
            ("handler", operator),
            ("supervisor", supervisor),
            ("other", other),
            ("nobody", None),
        )
    }
    assert by_viewer == {
        "handler": "Gg. Melati 3",
        "supervisor": "Gg. Melati 3",
        "other": None,
        "nobody": None,
    }
    assert services.incidents.rows([row.id], other)[0].kecamatan == "Kasemen"
