"""The outage outbox against a real SQLite file and a real database (SQLite and PostgreSQL):
durable enqueue, ordered idempotent replay, conflicts for a person, a console killed with
writes in its outbox."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from siaga_console.data.models import Call, ChangeFeed, Incident, IncidentEvent
from siaga_console.domain.errors import ConflictError, ValidationError
from siaga_console.domain.permissions import Actor
from siaga_console.services.container import Services
from siaga_console.services.inputs import CallInput, IncidentInput
from siaga_console.sync import commands as cmds
from siaga_console.sync.gateway import CommandGateway, OfflineReference
from siaga_console.sync.outbox import Outbox, outbox_path

from ..conftest import Clock

ROOT = Path(__file__).resolve().parents[2]
FIRE = IncidentInput(
    category_code="fire", latitude=-6.12, longitude=106.15, address="Jl. Ahmad Yani"
)


def table_counts(services: Services) -> dict[str, int]:
    with services.ctx.read() as s:
        return {
            m.__tablename__: int(s.scalar(sa.select(sa.func.count()).select_from(m)) or 0)
            for m in (Call, Incident, IncidentEvent, ChangeFeed)
        }


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    box = Outbox(tmp_path / "outbox.sqlite", "sqlite:///x.db")
    yield box
    box.close()


@pytest.fixture
def offline(services: Services, outbox: Outbox) -> CommandGateway:
    """A gateway that the follower has told: the database does not answer."""
    gw = CommandGateway(services, outbox, OfflineReference.from_bundle(services.reference.bundle()))
    gw.set_online(False)
    return gw


def test_outbox_is_durable_ordered_and_idempotent_on_uuid(tmp_path: Path) -> None:
    from siaga_console.domain.enums import Role

    operator = Actor(7, "ani", Role.OPERATOR, "WS-1")
    path = outbox_path(tmp_path, "postgresql+psycopg://ani:secret@db/siaga")
    assert path == outbox_path(tmp_path, "postgresql+psycopg://ani:other@db/siaga")  # no password
    box = Outbox(path)
    from datetime import UTC, datetime

    now = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
    made = [
        cmds.log_call(operator, CallInput(f"0812345678{i:02d}", uuid=f"u-{i}"), "prank", now)
        for i in range(5)
    ]
    seqs = [box.enqueue(c).seq for c in made]
    assert seqs == sorted(seqs)
    assert box.enqueue(made[2]).seq == seqs[2]  # same command uuid: stored once
    box.close()
    # a new process (here: a new connection) sees exactly what was confirmed
    box = Outbox(path)
    pending = box.pending()
    assert [p.command.payload["call"]["uuid"] for p in pending] == [f"u-{i}" for i in range(5)]
    assert pending[0].command.actor == operator
    assert pending[0].command.created_at == now
    box.close()


def test_offline_commands_replay_in_order_exactly_once(
    services: Services, offline: CommandGateway, operator: Actor, clock: Clock
) -> None:
    before = table_counts(services)
    view = offline.log_call(operator, CallInput("081234567890"), "prank")
    assert view.id < 0 and view.outcome == "prank" and view.caller_number == "+6281234567890"
    row = offline.create_from_call(operator, CallInput("081298765432"), FIRE)
    assert row.id < 0 and row.version == 0
    assert row.number == "SRG-20261129-L-WSTEST-0001"
    assert row.kecamatan is not None and row.priority == 1  # validated on the cached lists
    clock.advance(seconds=20)
    verified = offline.change_status(operator, row.id, "verified", known=row)
    assert verified.status == "verified"
    offline.add_note(operator, row.id, "Warga sudah memadamkan sebagian")
    dup = offline.link_duplicate(operator, CallInput("081311112222"), row.id)
    assert dup.outcome == "duplicate"
    second = offline.create_from_call(operator, CallInput("081298765433"), FIRE)
    assert second.number == "SRG-20261129-L-WSTEST-0002"
    assert table_counts(services) == before  # nothing reached the database
    assert offline.queued == 6

    report = offline.replay()
    assert not report.interrupted and report.remaining == 0
    assert [o.result for o in report.outcomes] == ["applied"] * 6
    assert report.conflicts == []
    numbers = report.renumbered
    assert set(numbers) == {"SRG-20261129-L-WSTEST-0001", "SRG-20261129-L-WSTEST-0002"}
    assert all(n.startswith("SRG-20261129-") and "-L-" not in n for n in numbers.values())
    after = table_counts(services)
    assert after["calls"] == before["calls"] + 4
    assert after["incidents"] == before["incidents"] + 2
    first = services.incidents.by_number(numbers["SRG-20261129-L-WSTEST-0001"])
    assert first.status == "verified"
    detail = services.incidents.detail(operator, first.id)
    kinds = [e.kind for e in detail.timeline]
    assert kinds == ["created", "status", "note", "call_linked"]
    # the status change keeps the time the operator pressed the button
    assert detail.timeline[1].at == clock.now
    assert offline.online

    # replaying again changes nothing; so does a crash right after the commits
    assert offline.replay().outcomes == []
    with sqlite3.connect(offline.outbox.path) as db:
        db.execute("UPDATE commands SET state='sending', attempt_at=?", (clock.now.isoformat(),))
    again = offline.replay()
    assert [o.result for o in again.outcomes] == ["applied", "applied", "already", "already"] + [
        "applied",
        "applied",
    ]
    assert table_counts(services) == after  # the uuids made the "applied" ones no-ops


def test_conflicts_are_parked_for_a_person(
    services: Services, offline: CommandGateway, operator: Actor, supervisor: Actor
) -> None:
    row = services.incidents.create_from_call(operator, CallInput("081234567890"), FIRE)
    # offline, the operator verifies what they saw (version 1) ...
    offline.change_status(operator, row.id, "verified", row.version, known=row)
    offline.log_call(operator, CallInput("081200000001"), "silent")
    # ... while the supervisor, still connected, cancels it
    services.incidents.change_status(supervisor, row.id, "cancelled", row.version)

    report = offline.replay()
    assert [o.result for o in report.outcomes] == ["conflict", "applied"]
    conflict = report.conflicts[0]
    assert isinstance(conflict.error, ConflictError)
    assert offline.outbox.count() == 0 and len(offline.outbox.parked()) == 1
    assert services.incidents.rows([row.id])[0].status == "cancelled"  # not overwritten

    # a stale version is a conflict too, and a person may reapply on the new version
    other = services.incidents.create_from_call(operator, CallInput("081234567891"), FIRE)
    offline.set_online(False)  # the replay found the database; it is gone again
    offline.change_status(operator, other.id, "verified", other.version, known=other)
    services.incidents.update(supervisor, other.id, {"priority": 2}, other.version)
    report = offline.replay()
    assert [o.result for o in report.outcomes] == ["conflict"]
    seq = report.outcomes[0].seq
    stored = offline.outbox.get(seq)
    assert stored is not None and stored.state == "conflict"
    assert stored.error and "changed by someone else" in stored.error["message"]
    current = services.incidents.rows([other.id])[0]
    offline.outbox.resolve(seq, "retry", expected_version=current.version)
    offline.set_online(False)
    assert [o.result for o in offline.replay().outcomes] == ["applied"]
    final = services.incidents.rows([other.id])[0]
    assert (final.status, final.priority) == ("verified", 2)  # both changes kept

    offline.outbox.resolve(report.outcomes[0].seq, "discard")  # no longer parked: no effect
    first_seq = offline.outbox.parked()[0].seq
    offline.outbox.resolve(first_seq, "discard")
    assert offline.outbox.parked() == []


def test_a_chain_on_one_incident_survives_an_interrupted_replay(
    services: Services, offline: CommandGateway, operator: Actor, clock: Clock
) -> None:
    row = services.incidents.create_from_call(operator, CallInput("081234567890"), FIRE)
    offline.change_status(operator, row.id, "verified", row.version, known=row)
    clock.advance(seconds=5)
    offline.add_note(operator, row.id, "catatan")
    clock.advance(seconds=5)
    offline.change_status(operator, row.id, "cancelled", row.version, known=row)
    # replay one command at a time, as a replay cut short by a new outage would
    for _ in range(3):
        report = offline.outbox.replay(services, limit=1)
        assert [o.result for o in report.outcomes] == ["applied"]
    assert services.incidents.rows([row.id])[0].status == "cancelled"


def test_offline_input_is_still_validated(offline: CommandGateway, operator: Actor) -> None:
    with pytest.raises(ValidationError):
        offline.log_call(operator, CallInput("12"), "prank")
    with pytest.raises(ValidationError):
        offline.log_call(operator, CallInput("081234567890"), "valid")
    with pytest.raises(ValidationError):
        offline.create_from_call(operator, CallInput("081234567890"), IncidentInput())
    row_like = None
    with pytest.raises(Exception) as exc_info:
        offline.change_status(operator, 12345, "verified", 1, known=row_like)
    assert "not on screen" in str(exc_info.value)
    assert offline.queued == 0


KILLED_SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, {root!r})
    from siaga_console.data.engine import make_engine
    from siaga_console.domain.enums import Role
    from siaga_console.domain.permissions import Actor
    from siaga_console.services.container import build_services
    from siaga_console.services.inputs import CallInput
    from siaga_console.sync.gateway import CommandGateway
    from siaga_console.sync.outbox import Outbox

    services = build_services(make_engine({url!r}))
    gateway = CommandGateway(services, Outbox({outbox!r}))
    gateway.set_online(False)
    actor = Actor({user_id!r}, "ani", Role.OPERATOR, "WS-K")
    for i in range(25):
        gateway.log_call(actor, CallInput("08123456%04d" % i, uuid="kill-%d" % i), "prank")
        print("confirmed", i, flush=True)
    time.sleep(60)
    """
)


def test_a_killed_console_loses_nothing(
    services: Services, db_url: str, operator: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "killed-outbox.sqlite"
    script = KILLED_SCRIPT.format(
        root=str(ROOT), url=db_url, outbox=str(path), user_id=operator.user_id
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    confirmed = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("confirmed"):
            confirmed += 1
        if confirmed == 25:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL

    # the next start replays (twice, to be sure nothing doubles)
    for _ in range(2):
        box = Outbox(path)
        CommandGateway(services, box).replay()
        box.close()
    with services.ctx.read() as s:
        uuids = list(s.scalars(sa.select(Call.uuid).where(Call.uuid.like("kill-%"))))
    assert sorted(uuids) == sorted(f"kill-{i}" for i in range(25))
    box = Outbox(path)
    assert box.count() == 0 and len(box.all()) == 25
    assert json.loads(json.dumps(box.all()[0].result))["result"] == "applied"
    box.close()


def test_received_time_is_the_time_of_the_call(
    services: Services, offline: CommandGateway, operator: Actor, clock: Clock
) -> None:
    rang = clock.now
    view = offline.log_call(operator, CallInput("081234567890"), "info")
    clock.advance(hours=2)  # the outage lasted two hours
    offline.replay()
    with services.ctx.read() as s:
        call = s.scalar(sa.select(Call).where(Call.uuid == view.uuid))
    assert call is not None and call.received_at == rang
    assert call.created_at == rang + timedelta(hours=2)


def _dispatched_unit(
    services: Services, operator: Actor, sign: str = "DAMKAR-01"
) -> tuple[int, int]:
    """An incident with one unit sent to it (while the database answered)."""
    from ..data.test_services import add_unit

    row = services.incidents.create_from_call(operator, CallInput("081234567890"), FIRE)
    unit = add_unit(services, sign=sign)
    services.dispatch.dispatch(operator, row.id, [unit], row.version)
    return row.id, unit


def test_unit_reports_by_radio_are_queued_with_their_times(
    services: Services, offline: CommandGateway, operator: Actor, clock: Clock
) -> None:
    inc_id, unit_id = _dispatched_unit(services, operator)
    seen = services.dispatch.units([unit_id])[0]
    clock.advance(minutes=2)
    en_route_at = clock.now
    shown = offline.set_unit_status(operator, unit_id, "en_route", seen.version, known=seen)
    assert shown.status == "en_route" and shown.status_changed_at == en_route_at  # at once
    clock.advance(minutes=9)
    on_scene_at = clock.now
    offline.set_unit_status(operator, unit_id, "on_scene", shown.version, known=shown)
    assert services.dispatch.units([unit_id])[0].status == "dispatched"  # nothing sent yet
    assert offline.outbox.count() == 2

    clock.advance(minutes=5)  # the database answers again five minutes later
    report = offline.replay()
    assert [o.result for o in report.outcomes] == ["applied", "applied"]
    unit = services.dispatch.units([unit_id])[0]
    assert unit.status == "on_scene" and unit.status_changed_at == on_scene_at
    with services.ctx.read() as s:
        inc = s.get(Incident, inc_id)
        assert inc is not None and inc.status == "on_scene"
        # the measures get the moments the unit reported, not the moment of the replay
        assert (inc.en_route_at, inc.on_scene_at) == (en_route_at, on_scene_at)

    # a report already applied (the console died before it noted so) is not applied twice
    offline.set_online(False)
    offline.set_unit_status(operator, unit_id, "on_scene", unit.version, known=unit)
    before = table_counts(services)
    assert [o.result for o in offline.replay().outcomes] == ["already"]
    assert table_counts(services) == before


def test_a_unit_changed_meanwhile_is_parked_then_sent_again_on_top(
    services: Services, offline: CommandGateway, operator: Actor, supervisor: Actor
) -> None:
    _inc, unit_id = _dispatched_unit(services, operator)
    seen = services.dispatch.units([unit_id])[0]
    offline.set_unit_status(operator, unit_id, "en_route", seen.version, known=seen)
    # meanwhile, on a console still connected, the unit is reported on scene
    services.dispatch.set_unit_status(supervisor, unit_id, "on_scene", seen.version)
    report = offline.replay()
    assert [o.result for o in report.outcomes] == ["conflict"]
    assert services.dispatch.units([unit_id])[0].status == "on_scene"  # not overwritten
    parked = offline.outbox.parked()
    assert len(parked) == 1 and parked[0].command.payload["call_sign"] == "DAMKAR-01"

    # a person checks, and sends it again on top of what the database has now
    offline.outbox.resolve(parked[0].seq, "retry")  # as it was: refused again
    offline.set_online(False)
    assert [o.result for o in offline.replay().outcomes] == ["conflict"]  # still stale
    now = services.dispatch.units([unit_id])[0]
    offline.outbox.resolve(offline.outbox.parked()[0].seq, "retry", expected_version=now.version)
    offline.set_online(False)
    assert [o.result for o in offline.replay().outcomes] == ["applied"]
    assert services.dispatch.units([unit_id])[0].status == "en_route"


def test_offline_unit_reports_are_checked(
    services: Services, offline: CommandGateway, operator: Actor
) -> None:
    from siaga_console.domain.errors import DatabaseError

    from ..data.test_services import add_unit

    unit_id = add_unit(services)
    idle = services.dispatch.units([unit_id])[0]
    with pytest.raises(ValidationError):  # no incident: it cannot be on its way to one
        offline.set_unit_status(operator, unit_id, "en_route", idle.version, known=idle)
    with pytest.raises(DatabaseError):  # not on screen: nothing to base it on
        offline.set_unit_status(operator, unit_id, "out_of_service", idle.version)
    assert offline.outbox.count() == 0
    shown = offline.set_unit_status(operator, unit_id, "out_of_service", idle.version, known=idle)
    assert shown.status == "out_of_service" and offline.outbox.count() == 1

    # back on its base, the board no longer shows the unit on its incident (as online)
    inc_id, busy_id = _dispatched_unit(services, operator, "DAMKAR-02")
    busy = services.dispatch.units([busy_id])[0]
    assert busy.incident_id == inc_id
    shown = offline.set_unit_status(operator, busy_id, "available", busy.version, known=busy)
    assert (shown.status, shown.incident_id, shown.incident_number) == ("available", None, None)
    offline.replay()
    assert services.dispatch.units([busy_id])[0].incident_id is None
