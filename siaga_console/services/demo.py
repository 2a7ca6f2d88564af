"""Realistic demo history: Serang-like volume, mostly nuisance calls, a few real incidents.

Everything written here is marked as demo data (the ``demo_data`` setting, unit bases
labelled DEMO); no real coordinates of real posts ship with the project.
"""

from __future__ import annotations

import random
import uuid as uuidlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import shapely
from argon2 import PasswordHasher
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..data.models import (
    Call,
    CategoryAgency,
    ChangeFeed,
    Dispatch,
    Incident,
    IncidentCounter,
    IncidentEvent,
    Kelurahan,
    Setting,
    Unit,
    User,
)
from ..domain.categories import AGENCIES
from ..domain.enums import CallOutcome, IncidentStatus, Role, UnitStatus
from ..domain.geo import Gazetteer
from ..domain.numbering import incident_number
from ..domain.timeutil import to_wib
from .context import ServiceContext

# Share of calls per outcome (Serang: 162 valid out of 23,734 in nine months; here a few
# more valid calls so that the dashboards have something to show).
OUTCOME_WEIGHTS: dict[CallOutcome, float] = {
    CallOutcome.PRANK: 0.36,
    CallOutcome.SILENT: 0.28,
    CallOutcome.DROPPED: 0.12,
    CallOutcome.WRONG_NUMBER: 0.06,
    CallOutcome.INFO: 0.09,
    CallOutcome.TEST: 0.01,
    CallOutcome.VALID: 0.05,
    CallOutcome.DUPLICATE: 0.03,
}
# Relative call volume per WIB hour (quiet before dawn, busy after school and evenings).
HOUR_WEIGHTS = [
    2,
    1.5,
    1,
    1,
    1,
    1.5,
    3,
    4,
    5,
    5,
    5.5,
    6,
    6,
    7,
    7.5,
    7.5,
    7,
    7,
    7.5,
    8,
    8,
    6.5,
    5,
    3,
]
CATEGORY_WEIGHTS = {
    "electrical": 34,
    "traffic_accident": 22,
    "fire": 19,
    "medical": 19,
    "fallen_tree": 18,
    "flood_disaster": 8,
    "crime_theft": 12,
    "domestic_violence": 6,
    "stunting": 3,
    "animal": 9,
    "public_order": 7,
    "infrastructure": 6,
    "other": 5,
}
# Approximate population shares of the six kecamatan (2020 census).
KECAMATAN_WEIGHTS = {
    "36.73.01": 0.31,
    "36.73.02": 0.15,
    "36.73.03": 0.14,
    "36.73.04": 0.08,
    "36.73.05": 0.15,
    "36.73.06": 0.17,
}
STREETS = [
    "Jl. Ahmad Yani",
    "Jl. Diponegoro",
    "Jl. Veteran",
    "Jl. Raya Pandeglang",
    "Jl. Raya Petir",
    "Jl. Sudirman",
    "Jl. Trip Jamaksari",
    "Jl. Kitapa",
    "Jl. Raya Banten",
    "Jl. Lingkar Selatan",
    "Jl. Maulana Hasanudin",
    "Jl. KH Abdul Fatah Hasan",
]
UNIT_TYPES = {
    "damkar": ["Mobil pemadam", "Mobil pemadam", "Mobil tangki", "Rescue"],
    "psc119": ["Ambulans", "Ambulans", "Ambulans"],
    "polresta": ["Patroli", "Patroli", "Lantas", "PPA"],
    "bpbd": ["TRC", "Truk logistik"],
    "dishub": ["Derek", "Patroli"],
    "dlh": ["Tim pohon", "Truk"],
    "pln": ["Yantek", "Yantek"],
    "satpolpp": ["Patroli"],
    "dp3akb": ["Tim PPA"],
    "dinkes": ["Tim gizi"],
    "dpupr": ["Tim jalan"],
}
DEMO_PASSWORD = {
    "admin": "admin-demo-112",
    "supervisor": "super-demo-112",
    "operator1": "operator-demo-112",
    "operator2": "operator-demo-112",
    "operator3": "operator-demo-112",
}


@dataclass(frozen=True, slots=True)
class DemoSummary:
    days: int
    calls: int
    incidents: int
    units: int


def _mobile(rng: random.Random) -> str:
    prefix = rng.choice(
        [
            "812",
            "813",
            "821",
            "822",
            "852",
            "853",
            "857",
            "858",
            "877",
            "878",
            "895",
            "896",
            "838",
            "859",
        ]
    )
    return f"+62{prefix}{rng.randrange(10**7, 10**8)}"


def _landline(rng: random.Random) -> str:
    return f"+62254{rng.randrange(200000, 899999)}"


class DemoGenerator:
    def __init__(
        self, ctx: ServiceContext, seed: int = 112, hasher: PasswordHasher | None = None
    ) -> None:
        self.ctx = ctx
        self.hasher = hasher or PasswordHasher()
        self.rng = random.Random(seed)
        self.gaz: Gazetteer = ctx.gazetteer
        self._points: dict[str, list[tuple[float, float]]] = {}

    # -- places -------------------------------------------------------------------------
    def _point_in(self, kel_code: str) -> tuple[float, float]:
        pool = self._points.get(kel_code)
        if pool is None:
            idx = next(i for i, p in enumerate(self.gaz.places) if p.kelurahan_code == kel_code)
            geom = self.gaz._kel_geoms[idx]
            minx, miny, maxx, maxy = geom.bounds
            pool = []
            r = random.Random(hash(kel_code) & 0xFFFF)
            while len(pool) < 40:
                x, y = r.uniform(minx, maxx), r.uniform(miny, maxy)
                if shapely.contains_xy(geom, x, y):
                    pool.append((round(y, 6), round(x, 6)))
            self._points[kel_code] = pool
        return self.rng.choice(pool)

    # -- accounts and units -------------------------------------------------------------
    def ensure_users(self, s: Session) -> dict[str, int]:
        existing = dict(s.execute(select(User.username, User.id)).all())
        if "operator1" in existing:
            return existing
        hasher = self.hasher
        now = self.ctx.clock()
        roles = {"admin": Role.ADMIN, "supervisor": Role.SUPERVISOR}
        names = {
            "admin": "Admin Demo",
            "supervisor": "Supervisor Demo",
            "operator1": "Operator Satu",
            "operator2": "Operator Dua",
            "operator3": "Operator Tiga",
        }
        for username, pw in DEMO_PASSWORD.items():
            if username in existing:
                continue
            s.add(
                User(
                    username=username,
                    display_name=names[username],
                    role=roles.get(username, Role.OPERATOR).value,
                    password_hash=hasher.hash(pw),
                    active=True,
                    failed_logins=0,
                    created_at=now,
                )
            )
        s.flush()
        return dict(s.execute(select(User.username, User.id)).all())

    def ensure_units(self, s: Session) -> list[Unit]:
        units = list(s.scalars(select(Unit)))
        if units:
            return units
        now = self.ctx.clock()
        places = self.gaz.places
        kel_by_kec: dict[str, list[str]] = {}
        for p in places:
            kel_by_kec.setdefault(p.kecamatan_code, []).append(p.kelurahan_code)
        short = {a.code: a.short_name for a in AGENCIES}
        for agency, types in UNIT_TYPES.items():
            base_kec = "36.73.01" if agency not in ("damkar", "psc119", "polresta") else None
            for i, utype in enumerate(types, start=1):
                kec = base_kec or list(KECAMATAN_WEIGHTS)[(i - 1) % 6]
                kel = kel_by_kec[kec][i % len(kel_by_kec[kec])]
                lat, lon = self._point_in(kel)
                s.add(
                    Unit(
                        call_sign=f"{short[agency].upper().replace(' ', '')}-{i:02d}",
                        agency_code=agency,
                        unit_type=utype,
                        base_label=f"DEMO — pos {short[agency]} {i}",
                        base_lat=lat,
                        base_lon=lon,
                        status=UnitStatus.AVAILABLE.value,
                        status_changed_at=now,
                        active=True,
                    )
                )
        s.flush()
        return list(s.scalars(select(Unit)))

    # -- history ------------------------------------------------------------------------
    def generate(
        self,
        days: int,
        *,
        calls_per_day: float = 90,
        valid_share: float | None = None,
        open_incidents: int = 0,
        live_incidents: int = 0,
        end: datetime | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> DemoSummary:
        rng = self.rng
        end = end or self.ctx.clock()
        start = end - timedelta(days=days)
        with self.ctx.transaction() as s:
            users = self.ensure_users(s)
            units = self.ensure_units(s)
            cat_agencies: dict[str, set[str]] = {}
            for ca in s.scalars(select(CategoryAgency)):
                cat_agencies.setdefault(ca.category_code, set()).add(ca.agency_code)
            sensitive = {"domestic_violence", "stunting"}
            default_prio = {
                "fire": 1,
                "electrical": 2,
                "traffic_accident": 1,
                "medical": 1,
                "fallen_tree": 2,
                "flood_disaster": 1,
                "crime_theft": 2,
                "domestic_violence": 1,
                "stunting": 4,
                "animal": 3,
                "public_order": 3,
                "infrastructure": 4,
                "other": 3,
            }
            kel_rows = list(s.execute(select(Kelurahan.code, Kelurahan.kecamatan_code)).all())
            operators = [users[u] for u in ("operator1", "operator2", "operator3")]
            pranksters = [_mobile(rng) for _ in range(40)]
            weights = dict(OUTCOME_WEIGHTS)
            if valid_share is not None:
                weights[CallOutcome.VALID] = valid_share
                weights[CallOutcome.DUPLICATE] = valid_share * 0.5
            outcomes = list(weights)
            o_weights = list(weights.values())
            cats = list(CATEGORY_WEIGHTS)
            c_weights = list(CATEGORY_WEIGHTS.values())
            kec_codes = list(KECAMATAN_WEIGHTS)
            k_weights = list(KECAMATAN_WEIGHTS.values())
            kel_by_kec: dict[str, list[str]] = {}
            for kel, kec in kel_rows:
                kel_by_kec.setdefault(kec, []).append(kel)

            total_calls = int(days * calls_per_day)
            # Ring times: a uniform day, an hour by the profile; kept when inside [start, end).
            first_midnight = to_wib(start).replace(hour=0, minute=0, second=0, microsecond=0)
            times: list[datetime] = []
            while len(times) < total_calls:
                h = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
                t = first_midnight + timedelta(
                    days=rng.randrange(days + 1), hours=h, seconds=rng.uniform(0, 3600)
                )
                if start <= t < end:
                    times.append(t)
            # A few emergencies in the last 90 minutes: a console opened on demo data shows
            # incidents at every stage (new, verified, dispatched, on scene).
            live = {end - timedelta(minutes=rng.uniform(1, 90)) for _ in range(live_incidents)}
            times.extend(live)
            times.sort()
            counters: dict[Any, int] = dict(
                s.execute(select(IncidentCounter.day, IncidentCounter.last)).all()
            )
            call_rows: list[dict[str, Any]] = []
            inc_rows: list[dict[str, Any]] = []
            inc_extra: list[dict[str, Any]] = []
            now = self.ctx.clock()
            for idx, received in enumerate(times):
                outcome = (
                    CallOutcome.VALID
                    if received in live
                    else rng.choices(outcomes, weights=o_weights)[0]
                )
                if outcome is CallOutcome.DUPLICATE and not inc_rows:
                    outcome = CallOutcome.VALID
                number = (
                    rng.choice(pranksters)
                    if outcome is CallOutcome.PRANK and rng.random() < 0.55
                    else _landline(rng)
                    if rng.random() < 0.1
                    else "hidden"
                    if outcome is CallOutcome.SILENT and rng.random() < 0.3
                    else _mobile(rng)
                )
                ring = rng.lognormvariate(1.8, 0.55)  # median ~6 s, some over 15-20 s
                answered = (
                    None if outcome is CallOutcome.DROPPED else received + timedelta(seconds=ring)
                )
                row = {
                    "uuid": str(uuidlib.UUID(int=rng.getrandbits(128), version=4)),
                    "received_at": received,
                    "answered_at": answered,
                    "caller_number": number,
                    "outcome": outcome.value,
                    "incident_id": None,
                    "operator_id": rng.choice(operators),
                    "workstation": f"WS-{rng.randint(1, 3)}",
                    "note": None,
                    "created_at": answered or received,
                }
                call_rows.append(row)
                if outcome is CallOutcome.VALID:
                    assert answered is not None
                    cat = rng.choices(cats, weights=c_weights)[0]
                    kec = rng.choices(kec_codes, weights=k_weights)[0]
                    kel = rng.choice(kel_by_kec[kec])
                    lat, lon = self._point_in(kel)
                    day = to_wib(received).date()
                    counters[day] = counters.get(day, 0) + 1
                    prio = default_prio[cat]
                    if rng.random() < 0.15:
                        prio = max(1, min(4, prio + rng.choice((-1, 1))))
                    inc = self._incident_times(received, answered, prio, end)
                    inc.update(
                        {
                            "uuid": str(uuidlib.UUID(int=rng.getrandbits(128), version=4)),
                            "number": incident_number(day, counters[day]),
                            "category_code": cat,
                            "priority": prio,
                            "kecamatan_code": kec,
                            "kelurahan_code": kel,
                            "address": f"{rng.choice(STREETS)} No. {rng.randint(1, 250)}",
                            "landmark": None,
                            "latitude": lat,
                            "longitude": lon,
                            "caller_name": None,
                            "description": "Data demo: laporan warga (bukan kejadian nyata)",
                            "sensitive": cat in sensitive,
                            "merged_into_id": None,
                            "created_by_id": row["operator_id"],
                            "handler_id": row["operator_id"],
                            "workstation": row["workstation"],
                            "created_at": answered,
                            "version": 1,
                        }
                    )
                    inc_rows.append(inc)
                    inc_extra.append({"call_index": idx, "agencies": cat_agencies.get(cat, set())})
                    row["incident_index"] = len(inc_rows) - 1
                elif outcome is CallOutcome.DUPLICATE:
                    # Another caller about a recent incident.
                    recent = [
                        i
                        for i in range(max(0, len(inc_rows) - 5), len(inc_rows))
                        if inc_rows[i]["first_received_at"] > received - timedelta(hours=1)
                    ]
                    if recent:
                        row["incident_index"] = rng.choice(recent)
                    else:
                        row["outcome"] = CallOutcome.INFO.value
                if progress and idx % 50000 == 0:
                    progress(idx, len(times))

            if open_incidents:
                self._reopen_latest(inc_rows, open_incidents)
            # Incidents first (ids by RETURNING), then calls linked to them.
            inc_ids: list[int] = []
            for chunk in _chunks(inc_rows, 2000):
                result = s.execute(
                    insert(Incident).returning(Incident.id, sort_by_parameter_order=True), chunk
                )
                inc_ids.extend(result.scalars())
            for row in call_rows:
                i = row.pop("incident_index", None)
                if isinstance(i, int):
                    row["incident_id"] = inc_ids[i]
            for n, chunk in enumerate(_chunks(call_rows, 5000)):
                s.execute(insert(Call), chunk)
                if progress:
                    progress(min((n + 1) * 5000, len(call_rows)), len(call_rows))
            self._timelines(s, inc_rows, inc_ids, inc_extra, units)
            for day, last in counters.items():
                existing = s.get(IncidentCounter, day)
                if existing is None:
                    s.add(IncidentCounter(day=day, last=last))
                else:
                    existing.last = last
            flag = s.get(Setting, "demo_data")
            if flag is None:
                s.add(Setting(key="demo_data", value={"v": True}))
            s.add(
                ChangeFeed(
                    kind="demo.generated",
                    entity="database",
                    entity_id=None,
                    workstation="demo",
                    user_id=None,
                    at=now,
                    data={"days": days, "calls": len(call_rows), "incidents": len(inc_rows)},
                )
            )
            return DemoSummary(days, len(call_rows), len(inc_rows), len(units))

    def _incident_times(
        self, received: datetime, answered: datetime, prio: int, end: datetime
    ) -> dict[str, Any]:
        rng = self.rng
        t: dict[str, Any] = {"first_received_at": received, "first_answered_at": answered}
        steps = [
            # Priority 1 moves fastest: most meet NFPA's 60 s from answer to dispatch.
            ("verified_at", rng.uniform(10, 35) if prio == 1 else rng.uniform(20, 90)),
            ("dispatched_at", rng.lognormvariate(2.9 if prio == 1 else 4.6, 0.5)),
            ("en_route_at", rng.uniform(30, 150)),
            ("on_scene_at", rng.lognormvariate(6.4, 0.45)),  # ~10 min travel
            ("resolved_at", rng.lognormvariate(8.2, 0.6)),  # ~1 h on scene
            ("closed_at", rng.uniform(600, 3600)),
        ]
        status = IncidentStatus.NEW
        order = [
            IncidentStatus.VERIFIED,
            IncidentStatus.DISPATCHED,
            IncidentStatus.DISPATCHED,
            IncidentStatus.ON_SCENE,
            IncidentStatus.RESOLVED,
            IncidentStatus.CLOSED,
        ]
        cur = answered
        cancelled = rng.random() < 0.04
        for (col, delay), st in zip(steps, order, strict=True):
            if cancelled and col == "dispatched_at":
                t["cancelled_at"] = cur + timedelta(seconds=rng.uniform(60, 600))
                if t["cancelled_at"] < end:
                    status = IncidentStatus.CANCELLED
                else:
                    t["cancelled_at"] = None
                break
            cur = cur + timedelta(seconds=delay)
            if cur >= end:
                break
            t[col] = cur
            status = st
        for col, _ in steps:
            t.setdefault(col, None)
        t.setdefault("cancelled_at", None)
        t["status"] = status.value
        t["updated_at"] = max(v for v in t.values() if isinstance(v, datetime))
        return t

    def _reopen_latest(self, incs: list[dict[str, Any]], count: int) -> None:
        """Leave the latest ``count`` incidents open at a random stage (benchmarks)."""
        stages = [
            ("new", "verified_at"),
            ("verified", "dispatched_at"),
            ("dispatched", "on_scene_at"),
            ("on_scene", "resolved_at"),
        ]
        cols = [
            "verified_at",
            "dispatched_at",
            "en_route_at",
            "on_scene_at",
            "resolved_at",
            "closed_at",
            "cancelled_at",
        ]
        for inc in incs[-count:]:
            status, first_unset = self.rng.choice(stages)
            for col in cols[cols.index(first_unset) :]:
                inc[col] = None
            if status == "dispatched":
                inc["en_route_at"] = None
            inc["cancelled_at"] = None
            inc["status"] = status

    def _timelines(
        self,
        s: Session,
        incs: Sequence[dict[str, Any]],
        ids: Sequence[int],
        extra: Sequence[dict[str, Any]],
        units: Sequence[Unit],
    ) -> None:
        rng = self.rng
        by_agency: dict[str, list[Unit]] = {}
        for u in units:
            by_agency.setdefault(u.agency_code, []).append(u)
        busy: set[int] = set()
        events: list[dict[str, Any]] = []
        dispatches: list[dict[str, Any]] = []
        status_path = [
            ("verified_at", "new", "verified"),
            ("dispatched_at", "verified", "dispatched"),
            ("on_scene_at", "dispatched", "on_scene"),
            ("resolved_at", "on_scene", "resolved"),
            ("closed_at", "resolved", "closed"),
        ]
        for inc, inc_id, ex in zip(incs, ids, extra, strict=True):
            user = inc["handler_id"]
            ws = inc["workstation"]
            events.append(
                {
                    "incident_id": inc_id,
                    "at": inc["first_answered_at"],
                    "kind": "created",
                    "from_status": None,
                    "to_status": "new",
                    "unit_id": None,
                    "call_id": None,
                    "user_id": user,
                    "workstation": ws,
                    "text": None,
                }
            )
            for col, frm, to in status_path:
                if inc[col] is not None:
                    events.append(
                        {
                            "incident_id": inc_id,
                            "at": inc[col],
                            "kind": "status",
                            "from_status": frm,
                            "to_status": to,
                            "unit_id": None,
                            "call_id": None,
                            "user_id": user,
                            "workstation": ws,
                            "text": None,
                        }
                    )
            if inc["cancelled_at"] is not None:
                events.append(
                    {
                        "incident_id": inc_id,
                        "at": inc["cancelled_at"],
                        "kind": "status",
                        "from_status": "verified",
                        "to_status": "cancelled",
                        "unit_id": None,
                        "call_id": None,
                        "user_id": user,
                        "workstation": ws,
                        "text": None,
                    }
                )
            if inc["dispatched_at"] is None:
                continue
            pool = [u for a in sorted(ex["agencies"]) for u in by_agency.get(a, [])] or list(units)
            still_open = inc["status"] in ("dispatched", "on_scene")
            if still_open:
                pool = [u for u in pool if u.id not in busy] or []
            chosen = rng.sample(pool, k=min(len(pool), rng.choice((1, 1, 2))))
            for u in chosen:
                cleared = inc["resolved_at"] or inc["cancelled_at"]
                dispatches.append(
                    {
                        "incident_id": inc_id,
                        "unit_id": u.id,
                        "dispatched_at": inc["dispatched_at"],
                        "en_route_at": inc["en_route_at"],
                        "on_scene_at": inc["on_scene_at"],
                        "returning_at": cleared,
                        "cleared_at": cleared,
                        "dispatched_by_id": user,
                    }
                )
                events.append(
                    {
                        "incident_id": inc_id,
                        "at": inc["dispatched_at"],
                        "kind": "dispatched",
                        "from_status": None,
                        "to_status": None,
                        "unit_id": u.id,
                        "call_id": None,
                        "user_id": user,
                        "workstation": ws,
                        "text": None,
                    }
                )
                if still_open:
                    busy.add(u.id)
                    u.status = (
                        "on_scene"
                        if inc["status"] == "on_scene"
                        else ("en_route" if inc["en_route_at"] else "dispatched")
                    )
                    u.current_incident_id = inc_id
                    u.status_changed_at = (
                        inc["on_scene_at"] or inc["en_route_at"] or inc["dispatched_at"]
                    )
        for chunk in _chunks(events, 5000):
            s.execute(insert(IncidentEvent), chunk)
        for chunk in _chunks(dispatches, 5000):
            s.execute(insert(Dispatch), chunk)
        s.flush()


def _chunks(rows: Sequence[dict[str, Any]], size: int) -> list[Sequence[dict[str, Any]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]
