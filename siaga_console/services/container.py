"""Opening a database and wiring the services (Qt-free; the CLI and the GUI both use it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from sqlalchemy import Engine

from ..data.engine import backup_sqlite, check_connection, make_engine, make_session_factory
from ..data.migrate import SchemaState, schema_state, upgrade
from ..domain.errors import DatabaseError
from ..domain.geo import Gazetteer
from ..domain.timeutil import utcnow
from ..resources import gazetteer as load_gazetteer
from ..resources import load_geojson
from .accounts import AccountService
from .admin import AdminService
from .audit import AuditService
from .context import ServiceContext
from .dispatch import DispatchService
from .feed import FeedService
from .incidents import IncidentService
from .intake import IntakeService
from .reference import ReferenceService, seed_reference_data
from .reports import ReportService
from .stats import StatsService


@dataclass
class Services:
    engine: Engine
    ctx: ServiceContext
    reference: ReferenceService
    intake: IntakeService
    incidents: IncidentService
    dispatch: DispatchService
    stats: StatsService
    reports: ReportService
    feed: FeedService
    accounts: AccountService
    audit: AuditService
    admin: AdminService

    def close(self) -> None:
        self.engine.dispose()


def build_services(
    engine: Engine,
    gazetteer: Gazetteer | None = None,
    clock: Callable[[], datetime] = utcnow,
    hasher: PasswordHasher | None = None,
) -> Services:
    ctx = ServiceContext(make_session_factory(engine), gazetteer or load_gazetteer(), clock)
    reference = ReferenceService(ctx)
    settings = reference.settings()
    incidents = IncidentService(ctx)
    return Services(
        engine=engine,
        ctx=ctx,
        reference=reference,
        intake=IntakeService(
            ctx, (int(settings["prank_daily_threshold"]), int(settings["prank_total_threshold"]))
        ),
        incidents=incidents,
        dispatch=DispatchService(ctx, incidents),
        stats=(stats := StatsService(ctx)),
        reports=ReportService(ctx, stats, reference),
        feed=FeedService(ctx),
        accounts=AccountService(ctx, hasher),
        audit=AuditService(ctx),
        admin=AdminService(ctx),
    )


def prepare_database(engine: Engine, *, migrate: bool = True) -> SchemaState:
    """Check the connection, migrate (if asked) and seed reference data.

    Returns the schema state found before migrating. Raises DatabaseError for an
    unreachable, damaged, foreign or newer database.
    """
    check_connection(engine)
    state = schema_state(engine)
    if state is SchemaState.BEHIND and not migrate:
        raise DatabaseError(
            "The database needs an upgrade: run siaga-console db upgrade", state=state.value
        )
    if state is SchemaState.BEHIND:
        backup_sqlite(engine)
    if state is not SchemaState.CURRENT:
        upgrade(engine)  # refuses NEWER and FOREIGN with a clear DatabaseError
    with make_session_factory(engine).begin() as s:
        seed_reference_data(
            s,
            load_geojson("serang_kecamatan.geojson")["features"],
            load_geojson("serang_kelurahan.geojson")["features"],
        )
    return state


def open_services(
    url: str, *, migrate: bool = True, clock: Callable[[], datetime] = utcnow
) -> Services:
    engine = make_engine(url)
    try:
        prepare_database(engine, migrate=migrate)
    except Exception:
        engine.dispose()
        raise
    return build_services(engine, clock=clock)
