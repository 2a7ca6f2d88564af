"""The incident life cycle of DOMAIN.md, as data; and the rules of a unit's reports."""

from __future__ import annotations

from .enums import IncidentStatus as S
from .enums import UnitStatus as U
from .errors import TransitionError, ValidationError

TRANSITIONS: dict[S, frozenset[S]] = {
    S.NEW: frozenset({S.VERIFIED, S.DISPATCHED, S.CANCELLED, S.MERGED}),
    S.VERIFIED: frozenset({S.DISPATCHED, S.CANCELLED, S.MERGED}),
    S.DISPATCHED: frozenset({S.ON_SCENE, S.RESOLVED, S.CANCELLED, S.MERGED}),
    S.ON_SCENE: frozenset({S.RESOLVED}),
    S.RESOLVED: frozenset({S.CLOSED, S.ON_SCENE}),
    S.CLOSED: frozenset(),
    S.CANCELLED: frozenset(),
    S.MERGED: frozenset(),
}

# Transitions that are reached through a dedicated action, not a plain status change.
ACTION_ONLY: frozenset[S] = frozenset({S.MERGED, S.DISPATCHED})


def allowed_transitions(current: S) -> frozenset[S]:
    return TRANSITIONS[current]


def manual_transitions(current: S) -> list[S]:
    """Targets offered to an operator as plain status changes, in life-cycle order."""
    order = list(S)
    return sorted(TRANSITIONS[current] - ACTION_ONLY, key=order.index)


def check_transition(current: S, target: S) -> None:
    if target not in TRANSITIONS[current]:
        raise TransitionError(
            "Status change {current} -> {target} is not allowed",
            current=current.value,
            target=target.value,
        )


# A unit's reports: en route and on scene are towards its incident; available and out of
# service end its assignment (returning does not: the unit is still the incident's).
TOWARDS_INCIDENT: frozenset[U] = frozenset({U.EN_ROUTE, U.ON_SCENE})
ENDS_ASSIGNMENT: frozenset[U] = frozenset({U.AVAILABLE, U.OUT_OF_SERVICE})


def check_unit_report(status: U, call_sign: str, incident_id: int | None) -> None:
    if status in TOWARDS_INCIDENT and incident_id is None:
        raise ValidationError("Unit {unit} has no incident", unit=call_sign)
