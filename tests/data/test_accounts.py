"""Accounts, roles and the audit trail, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from siaga_console.data.models import AuditEntry, User
from siaga_console.domain.enums import CallOutcome, Role
from siaga_console.domain.errors import PermissionDenied, SiagaError, ValidationError
from siaga_console.domain.permissions import GRANTS, Action, Actor
from siaga_console.domain.shifts import DEFAULT_SHIFTS
from siaga_console.services.accounts import MAX_FAILURES, AccountService, LoginFailed
from siaga_console.services.container import Services
from siaga_console.services.inputs import CallInput, IncidentInput

from ..conftest import Clock, make_actor

PW = "kuat-sekali-112"


def admin(services: Services) -> Actor:
    services.accounts.create_first_admin("kepala", "Kepala Pusat", PW)
    return services.accounts.authenticate("kepala", PW, "WS-1")


class TestAccounts:
    def test_first_admin_only_once_and_hashed(self, services: Services) -> None:
        a = admin(services)
        assert a.role is Role.ADMIN
        with pytest.raises(PermissionDenied):
            services.accounts.create_first_admin("kedua", "Kedua", PW)
        with services.ctx.read() as s:
            u = s.scalar(sa.select(User).where(User.username == "kepala"))
        assert u is not None and u.password_hash and u.password_hash.startswith("$argon2")
        assert PW not in u.password_hash

    def test_login_lockout_and_expiry(self, services: Services, clock: Clock) -> None:
        a = admin(services)
        services.accounts.create_user(a, "operator9", "Op", Role.OPERATOR, PW)
        for _ in range(MAX_FAILURES):
            with pytest.raises(LoginFailed, match="Wrong user name or password"):
                services.accounts.authenticate("operator9", "salah-password", "WS-1")
        with pytest.raises(LoginFailed, match="locked"):
            services.accounts.authenticate("operator9", PW, "WS-1")  # right password, locked
        clock.advance(minutes=16)
        assert services.accounts.authenticate("operator9", PW, "WS-1").username == "operator9"

    def test_unknown_user_costs_the_same_verification(self, services: Services) -> None:
        calls: list[str] = []

        class Spy(PasswordHasher):
            def verify(self, hash: str | bytes, password: str | bytes) -> bool:
                calls.append("verify")
                return super().verify(hash, password)

        accounts = AccountService(services.ctx, Spy(time_cost=1, memory_cost=1024, parallelism=1))
        accounts.create_first_admin("kepala", "Kepala", PW)
        for name in ("kepala", "tidak-ada"):
            with pytest.raises(LoginFailed) as err:
                accounts.authenticate(name, "salah-password", "WS-1")
            assert err.value.template == "Wrong user name or password"  # same answer
        assert calls == ["verify", "verify"]

    def test_disabled_user_cannot_log_in(self, services: Services) -> None:
        a = admin(services)
        services.accounts.create_user(a, "operator8", "Op", Role.OPERATOR, PW)
        services.accounts.set_active(a, "operator8", False)
        with pytest.raises(LoginFailed):
            services.accounts.authenticate("operator8", PW, "WS-1")
        with pytest.raises(ValidationError):
            services.accounts.set_active(a, "kepala", False)  # not yourself

    def test_password_change_needs_the_old_one(self, services: Services) -> None:
        a = admin(services)
        with pytest.raises(LoginFailed):
            services.accounts.change_password(a, "salah-password", "baru-sekali-112")
        services.accounts.change_password(a, PW, "baru-sekali-112")
        services.accounts.authenticate("kepala", "baru-sekali-112", "WS-1")

    @pytest.mark.parametrize(
        ("username", "password"),
        [
            ("'; DROP TABLE users;--", PW),
            ("ab", PW),
            ("x" * 40, PW),
            ("valid", "short"),
            ("valid", "p" * 300),
            ("valid", "valid-valid-pw"),
        ],
    )
    def test_bad_account_input_is_refused(
        self, services: Services, username: str, password: str
    ) -> None:
        a = admin(services)
        with pytest.raises(ValidationError):
            services.accounts.create_user(a, username, "Nama", Role.OPERATOR, password)
        with services.ctx.read() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(User)) == 1

    def test_role_escalation_through_the_services_is_refused(self, services: Services) -> None:
        a = admin(services)
        services.accounts.create_user(a, "operator7", "Op", Role.OPERATOR, PW)
        op = services.accounts.authenticate("operator7", PW, "WS-1")
        with pytest.raises(PermissionDenied):
            services.accounts.set_role(op, "operator7", Role.ADMIN)
        with pytest.raises(PermissionDenied):
            services.accounts.create_user(op, "evil", "Evil", Role.ADMIN, PW)
        forged = Actor(op.user_id, op.username, Role.OPERATOR, "WS-1")
        with pytest.raises(PermissionDenied):
            services.accounts.set_password(forged, "kepala", "diambil-alih-112")
        services.accounts.authenticate("kepala", PW, "WS-1")


def _service_actions(services: Services) -> dict[Action, Callable[[Actor], Any]]:
    """One real service call per action (fresh objects so each call can succeed)."""

    def incident(a: Actor) -> int:
        return services.incidents.create_from_call(
            a, CallInput(""), IncidentInput(category_code="fire", kecamatan_code="36.73.01")
        ).id

    base = make_actor(services, Role.ADMIN, "setup")
    unit_counter = iter(range(1000))

    def dispatch(a: Actor) -> Any:
        from siaga_console.data.models import Unit

        with services.ctx.transaction() as s:
            u = Unit(
                call_sign=f"U-{next(unit_counter)}",
                agency_code="damkar",
                unit_type="x",
                status="available",
                status_changed_at=services.ctx.clock(),
                active=True,
            )
            s.add(u)
            s.flush()
            uid = u.id
        return services.dispatch.dispatch(a, incident(base), [uid])

    return {
        Action.LOG_CALL: lambda a: services.intake.log_call(a, CallInput(""), CallOutcome.PRANK),
        Action.HANDLE_INCIDENT: incident,
        Action.DISPATCH: dispatch,
        Action.MERGE: lambda a: services.incidents.merge(a, incident(base), incident(base)),
        Action.PRANK_LIST: lambda a: services.intake.prank_offenders(a),
        Action.ADMIN_SETTINGS: lambda a: services.reference.save_schedule(a, DEFAULT_SHIFTS),
        Action.ADMIN_USERS: lambda a: services.accounts.list_users(a),
        Action.AUDIT: lambda a: services.audit.search(a),
    }


@pytest.mark.parametrize("role", list(Role))
def test_each_role_against_each_service_action(services: Services, role: Role) -> None:
    actor = make_actor(services, role)
    for action, call in _service_actions(services).items():
        if action in GRANTS[role]:
            call(actor)
        else:
            with pytest.raises(PermissionDenied):
                call(actor)


class TestAudit:
    def test_changes_are_chained_and_verified(self, services: Services) -> None:
        a = admin(services)
        op = make_actor(services)
        services.intake.log_call(op, CallInput("081234567890"), CallOutcome.PRANK)
        row = services.incidents.create_from_call(
            op, CallInput(""), IncidentInput(category_code="fire", kecamatan_code="36.73.01")
        )
        services.incidents.update(op, row.id, {"address": "Jl. Baru"}, row.version)
        result = services.audit.verify()
        assert result.ok and result.checked >= 5
        entries = services.audit.search(a, entity_id=row.id)
        kinds = [e.action for e in entries]
        assert "incident.created" in kinds and "incident.updated" in kinds
        upd = next(e for e in entries if e.action == "incident.updated")
        assert upd.username == op.username and upd.workstation == "WS-TEST"

    def test_an_edited_row_is_detected(self, services: Services) -> None:
        op = make_actor(services)
        for _ in range(4):
            services.intake.log_call(op, CallInput(""), CallOutcome.SILENT)
        with services.ctx.read() as s:
            ids = list(s.scalars(sa.select(AuditEntry.id).order_by(AuditEntry.id)))
        victim = ids[2]
        with services.ctx.transaction() as s:
            s.execute(
                sa.update(AuditEntry).where(AuditEntry.id == victim).values(workstation="WS-EVIL")
            )
        result = services.audit.verify()
        assert not result.ok and result.first_broken_id == victim
        assert result.checked == 2

    def test_a_deleted_row_is_detected(self, services: Services) -> None:
        op = make_actor(services)
        for _ in range(4):
            services.intake.log_call(op, CallInput(""), CallOutcome.SILENT)
        with services.ctx.read() as s:
            ids = list(s.scalars(sa.select(AuditEntry.id).order_by(AuditEntry.id)))
        with services.ctx.transaction() as s:
            s.execute(sa.delete(AuditEntry).where(AuditEntry.id == ids[1]))
        result = services.audit.verify()
        assert result.first_broken_id == ids[2]

    def test_viewing_a_sensitive_incident_is_audited(
        self, services: Services, supervisor: Actor
    ) -> None:
        op = make_actor(services)
        row = services.incidents.create_from_call(
            op,
            CallInput("081234567890"),
            IncidentInput(category_code="domestic_violence", kecamatan_code="36.73.02"),
        )
        services.incidents.detail(supervisor, row.id)
        other = make_actor(services)
        services.incidents.detail(other, row.id)  # details hidden: not a view of them
        views = [
            e
            for e in services.audit.search(supervisor, entity_id=row.id)
            if e.action == "incident.viewed_sensitive"
        ]
        assert [v.username for v in views] == [supervisor.username]

    def test_failed_logins_are_audited(self, services: Services) -> None:
        a = admin(services)
        with pytest.raises(LoginFailed):
            services.accounts.authenticate("kepala", "salah-password", "WS-9")
        failed = [e for e in services.audit.search(a) if e.action == "login.failed"]
        assert failed and failed[0].workstation == "WS-9"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    number=st.text(max_size=60),
    address=st.text(max_size=400),
    lat=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    lon=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    category=st.sampled_from(["", "fire", "nope", "'; DROP TABLE incidents;--"]),
)
def test_intake_validation_never_crashes_and_writes_nothing_on_refusal(
    services: Services,
    number: str,
    address: str,
    lat: float | None,
    lon: float | None,
    category: str,
) -> None:
    op = Actor(None, "prop", Role.OPERATOR, "WS-P")
    with services.ctx.read() as s:
        before = s.scalar(sa.select(sa.func.count()).select_from(AuditEntry))
    try:
        services.incidents.create_from_call(
            op,
            CallInput(number),
            IncidentInput(category_code=category, address=address, latitude=lat, longitude=lon),
        )
    except SiagaError:
        with services.ctx.read() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) == before
