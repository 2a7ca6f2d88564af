"""Who may do what. Checked in the services layer, so a call that bypasses the UI is refused."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .enums import Role
from .errors import PermissionDenied


class Action(StrEnum):
    LOG_CALL = "log_call"
    HANDLE_INCIDENT = "handle_incident"
    DISPATCH = "dispatch"
    UNIT_STATUS = "unit_status"
    MERGE = "merge"
    REASSIGN = "reassign"
    VIEW_REPORTS = "view_reports"
    HANDOVER = "handover"
    PRANK_LIST = "prank_list"
    VIEW_ALL_SENSITIVE = "view_all_sensitive"
    SEE_CALLER_NUMBERS = "see_caller_numbers"
    IMPORT_EXPORT = "import_export"
    ADMIN_USERS = "admin_users"
    ADMIN_REFERENCE = "admin_reference"
    ADMIN_SETTINGS = "admin_settings"
    AUDIT = "audit"


_OPERATOR = frozenset(
    {Action.LOG_CALL, Action.HANDLE_INCIDENT, Action.DISPATCH, Action.UNIT_STATUS}
)
_SUPERVISOR = _OPERATOR | {
    Action.MERGE,
    Action.REASSIGN,
    Action.VIEW_REPORTS,
    Action.HANDOVER,
    Action.PRANK_LIST,
    Action.VIEW_ALL_SENSITIVE,
    Action.SEE_CALLER_NUMBERS,
    Action.IMPORT_EXPORT,
    Action.AUDIT,
}
_ADMIN = _SUPERVISOR | {Action.ADMIN_USERS, Action.ADMIN_REFERENCE, Action.ADMIN_SETTINGS}

GRANTS: dict[Role, frozenset[Action]] = {
    Role.OPERATOR: _OPERATOR,
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: frozenset(_ADMIN),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting, from where. Every service command takes one."""

    user_id: int | None
    username: str
    role: Role
    workstation: str

    def can(self, action: Action) -> bool:
        return action in GRANTS[self.role]

    def require(self, action: Action) -> None:
        if not self.can(action):
            raise PermissionDenied(
                "{user} ({role}) may not {action}",
                user=self.username,
                action=action.value,
                role=self.role.value,
            )


SYSTEM = Actor(None, "system", Role.ADMIN, "system")
