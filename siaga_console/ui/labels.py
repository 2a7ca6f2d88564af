"""Translated labels of the domain's codes (statuses, outcomes, roles, ...)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

OUTCOMES = {
    "valid": QT_TRANSLATE_NOOP("Labels", "Valid"),
    "prank": QT_TRANSLATE_NOOP("Labels", "Prank"),
    "silent": QT_TRANSLATE_NOOP("Labels", "Silent"),
    "wrong_number": QT_TRANSLATE_NOOP("Labels", "Wrong number"),
    "info": QT_TRANSLATE_NOOP("Labels", "Information"),
    "dropped": QT_TRANSLATE_NOOP("Labels", "Dropped"),
    "duplicate": QT_TRANSLATE_NOOP("Labels", "Duplicate"),
    "test": QT_TRANSLATE_NOOP("Labels", "Test"),
}
STATUSES = {
    "new": QT_TRANSLATE_NOOP("Labels", "New"),
    "verified": QT_TRANSLATE_NOOP("Labels", "Verified"),
    "dispatched": QT_TRANSLATE_NOOP("Labels", "Dispatched"),
    "on_scene": QT_TRANSLATE_NOOP("Labels", "On scene"),
    "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    "merged": QT_TRANSLATE_NOOP("Labels", "Merged"),
}
UNIT_STATUSES = {
    "available": QT_TRANSLATE_NOOP("Labels", "Available"),
    "dispatched": QT_TRANSLATE_NOOP("Labels", "Dispatched"),
    "en_route": QT_TRANSLATE_NOOP("Labels", "En route"),
    "on_scene": QT_TRANSLATE_NOOP("Labels", "On scene"),
    "returning": QT_TRANSLATE_NOOP("Labels", "Returning"),
    "out_of_service": QT_TRANSLATE_NOOP("Labels", "Out of service"),
}
ROLES = {
    "operator": QT_TRANSLATE_NOOP("Labels", "Operator"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
}
PRIORITIES = {
    1: QT_TRANSLATE_NOOP("Labels", "P1 life at risk"),
    2: QT_TRANSLATE_NOOP("Labels", "P2 urgent"),
    3: QT_TRANSLATE_NOOP("Labels", "P3 normal"),
    4: QT_TRANSLATE_NOOP("Labels", "P4 no urgency"),
}
FIELDS = {
    "caller_number": QT_TRANSLATE_NOOP("Labels", "Caller number"),
    "category_code": QT_TRANSLATE_NOOP("Labels", "Category"),
    "priority": QT_TRANSLATE_NOOP("Labels", "Priority"),
    "kecamatan_code": QT_TRANSLATE_NOOP("Labels", "Kecamatan"),
    "kelurahan_code": QT_TRANSLATE_NOOP("Labels", "Kelurahan"),
    "address": QT_TRANSLATE_NOOP("Labels", "Address"),
    "landmark": QT_TRANSLATE_NOOP("Labels", "Landmark"),
    "latitude": QT_TRANSLATE_NOOP("Labels", "Coordinates"),
    "caller_name": QT_TRANSLATE_NOOP("Labels", "Caller name"),
    "description": QT_TRANSLATE_NOOP("Labels", "Description"),
    "note": QT_TRANSLATE_NOOP("Labels", "Note"),
    "call_sign": QT_TRANSLATE_NOOP("Labels", "Call sign"),
    "unit_type": QT_TRANSLATE_NOOP("Labels", "Unit type"),
    "base_label": QT_TRANSLATE_NOOP("Labels", "Base"),
    "name": QT_TRANSLATE_NOOP("Labels", "Name"),
    "short_name": QT_TRANSLATE_NOOP("Labels", "Short name"),
    "label_id": QT_TRANSLATE_NOOP("Labels", "Indonesian label"),
    "label_en": QT_TRANSLATE_NOOP("Labels", "English label"),
    "username": QT_TRANSLATE_NOOP("Labels", "User name"),
    "password": QT_TRANSLATE_NOOP("Labels", "Password"),
    "display_name": QT_TRANSLATE_NOOP("Labels", "Full name"),
}


def label(table: dict[str, str] | dict[int, str], code: str | int | None) -> str:
    if code is None:
        return ""
    text = table.get(code)  # type: ignore[call-overload]
    return QCoreApplication.translate("Labels", text) if text else str(code)
