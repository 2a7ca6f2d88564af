"""Shift schedule rules: which shift a moment belongs to and a shift's bounds.

A shift is named ``YYYY-MM-DD/<name>`` by its start date (WIB). The night shift of
29 Nov runs to 07:00 on 30 Nov.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .errors import ValidationError
from .timeutil import WIB, as_utc, wib_midnight

MINUTES_PER_DAY = 24 * 60
SHIFT_NAME_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})/([a-z0-9_]+)$")


@dataclass(frozen=True, slots=True)
class ShiftDefinition:
    name: str  # stable code: pagi, siang, malam
    label: str
    start_minute: int  # minutes after local midnight
    duration_minutes: int

    @property
    def end_minute(self) -> int:
        return (self.start_minute + self.duration_minutes) % MINUTES_PER_DAY

    def covers(self, minute_of_day: int) -> bool:
        offset = (minute_of_day - self.start_minute) % MINUTES_PER_DAY
        return offset < self.duration_minutes


DEFAULT_SHIFTS: tuple[ShiftDefinition, ...] = (
    ShiftDefinition("pagi", "Pagi", 7 * 60, 8 * 60),
    ShiftDefinition("siang", "Siang", 15 * 60, 8 * 60),
    ShiftDefinition("malam", "Malam", 23 * 60, 8 * 60),
)


@dataclass(frozen=True, slots=True)
class ShiftInstance:
    day: date  # the local start date
    definition: ShiftDefinition
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive

    @property
    def key(self) -> str:
        return f"{self.day.isoformat()}/{self.definition.name}"


def validate_schedule(shifts: Sequence[ShiftDefinition]) -> None:
    """Refuse a schedule with gaps, overlaps, duplicate names or bad times."""
    if not shifts:
        raise ValidationError("A shift schedule needs at least one shift", field="shifts")
    names = [s.name for s in shifts]
    if len(set(names)) != len(names):
        raise ValidationError("Shift names must be unique", field="shifts")
    for s in shifts:
        if not re.fullmatch(r"[a-z0-9_]+", s.name):
            raise ValidationError("Bad shift name {name}", field="shifts", name=s.name)
        if not 0 <= s.start_minute < MINUTES_PER_DAY or not 0 < s.duration_minutes <= 1440:
            raise ValidationError("Bad times for shift {name}", field="shifts", name=s.name)
    covered = [0] * MINUTES_PER_DAY
    for s in shifts:
        for m in range(s.duration_minutes):
            covered[(s.start_minute + m) % MINUTES_PER_DAY] += 1
    if any(c > 1 for c in covered):
        first = next(i for i, c in enumerate(covered) if c > 1)
        raise ValidationError(
            "Shifts overlap at {time}", field="shifts", time=f"{first // 60:02d}:{first % 60:02d}"
        )
    if any(c == 0 for c in covered):
        first = next(i for i, c in enumerate(covered) if c == 0)
        raise ValidationError(
            "No shift covers {time}", field="shifts", time=f"{first // 60:02d}:{first % 60:02d}"
        )


class ShiftSchedule:
    """A validated schedule."""

    def __init__(self, shifts: Sequence[ShiftDefinition] = DEFAULT_SHIFTS) -> None:
        validate_schedule(shifts)
        self.shifts = tuple(sorted(shifts, key=lambda s: s.start_minute))

    def by_name(self, name: str) -> ShiftDefinition:
        for s in self.shifts:
            if s.name == name:
                return s
        raise ValidationError("Unknown shift {name}", field="shift", name=name)

    def instance(self, day: date, name: str) -> ShiftInstance:
        d = self.by_name(name)
        start_local = wib_midnight(day) + timedelta(minutes=d.start_minute)
        start = as_utc(start_local)
        return ShiftInstance(day, d, start, start + timedelta(minutes=d.duration_minutes))

    def parse(self, key: str) -> ShiftInstance:
        m = SHIFT_NAME_RE.match(key.strip().lower())
        if not m:
            raise ValidationError(
                "Bad shift {key}: expected YYYY-MM-DD/<name>", field="shift", key=key
            )
        try:
            day = date.fromisoformat(m.group(1))
        except ValueError as exc:
            raise ValidationError("Bad date in shift {key}", field="shift", key=key) from exc
        return self.instance(day, m.group(2))

    def at(self, moment: datetime) -> ShiftInstance:
        """The shift that contains ``moment`` (aware, any zone)."""
        local = moment.astimezone(WIB)
        minute = local.hour * 60 + local.minute
        for d in self.shifts:
            if d.covers(minute):
                offset = (minute - d.start_minute) % MINUTES_PER_DAY
                start_local = local.replace(second=0, microsecond=0) - timedelta(minutes=offset)
                return self.instance(start_local.date(), d.name)
        raise AssertionError("validated schedule covers every minute")

    def previous(self, inst: ShiftInstance, count: int) -> list[ShiftInstance]:
        """``count`` shifts ending with ``inst``, oldest first."""
        out = [inst]
        while len(out) < count:
            out.append(self.at(out[-1].start - timedelta(seconds=1)))
        return out[::-1]
