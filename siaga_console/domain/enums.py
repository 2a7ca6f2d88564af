"""Enumerations of the domain (values are the stable codes stored in the database)."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class CallOutcome(StrEnum):
    VALID = "valid"
    PRANK = "prank"
    SILENT = "silent"
    WRONG_NUMBER = "wrong_number"
    INFO = "info"
    DROPPED = "dropped"
    DUPLICATE = "duplicate"
    TEST = "test"

    @property
    def is_nuisance(self) -> bool:
        """Outcomes that close the call without an incident."""
        return self not in (CallOutcome.VALID, CallOutcome.DUPLICATE)


# The outcomes an operator logs with a single keystroke, with their default keys.
QUICK_OUTCOMES: tuple[tuple[CallOutcome, str], ...] = (
    (CallOutcome.PRANK, "F5"),
    (CallOutcome.SILENT, "F6"),
    (CallOutcome.DROPPED, "F7"),
    (CallOutcome.WRONG_NUMBER, "F8"),
    (CallOutcome.INFO, "F9"),
    (CallOutcome.TEST, "F10"),
)


class IncidentStatus(StrEnum):
    NEW = "new"
    VERIFIED = "verified"
    DISPATCHED = "dispatched"
    ON_SCENE = "on_scene"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    MERGED = "merged"

    @property
    def is_open(self) -> bool:
        return self in OPEN_STATUSES


OPEN_STATUSES = frozenset(
    {
        IncidentStatus.NEW,
        IncidentStatus.VERIFIED,
        IncidentStatus.DISPATCHED,
        IncidentStatus.ON_SCENE,
    }
)


class UnitStatus(StrEnum):
    AVAILABLE = "available"
    DISPATCHED = "dispatched"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    RETURNING = "returning"
    OUT_OF_SERVICE = "out_of_service"


class Priority(IntEnum):
    LIFE_AT_RISK = 1
    URGENT = 2
    NORMAL = 3
    NO_URGENCY = 4


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
