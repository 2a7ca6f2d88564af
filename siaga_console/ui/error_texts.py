"""Translatable texts of the errors raised by the Qt-free layers, and their rendering.

Every template raised in domain/, data/, services/, sync/ and integrations/ is listed here
(context ``Errors``) so that lupdate extracts it; tests/unit/test_translations.py keeps the
list complete.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.errors import FormErrors, SiagaError
from .labels import FIELDS, ROLES, STATUSES, label

TEMPLATES = (
    QT_TRANSLATE_NOOP("Errors", "({lat:.5f}, {lon:.5f}) is outside Kota Serang"),
    QT_TRANSLATE_NOOP("Errors", "--to is required with --from"),
    QT_TRANSLATE_NOOP("Errors", "A shift schedule needs at least one shift"),
    QT_TRANSLATE_NOOP("Errors", "An incident cannot be merged into itself"),
    QT_TRANSLATE_NOOP("Errors", "Bad date in shift {key}"),
    QT_TRANSLATE_NOOP("Errors", "Bad shift name {name}"),
    QT_TRANSLATE_NOOP("Errors", "Bad shift {key}: expected YYYY-MM-DD/<name>"),
    QT_TRANSLATE_NOOP("Errors", "Bad times for shift {name}"),
    QT_TRANSLATE_NOOP("Errors", "Caller number is too long"),
    QT_TRANSLATE_NOOP("Errors", "Cannot create the data directory {path}: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "Cannot open the database {url}: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "Choose a category"),
    QT_TRANSLATE_NOOP("Errors", "Choose at least one unit"),
    QT_TRANSLATE_NOOP("Errors", "Coordinates out of range"),
    QT_TRANSLATE_NOOP("Errors", "Fields cannot be edited: {fields}"),
    QT_TRANSLATE_NOOP("Errors", "Give a kecamatan, coordinates or an address"),
    QT_TRANSLATE_NOOP("Errors", "Give both latitude and longitude"),
    QT_TRANSLATE_NOOP("Errors", "Incident {id} does not exist"),
    QT_TRANSLATE_NOOP("Errors", "Incident {number} is not open"),
    QT_TRANSLATE_NOOP(
        "Errors", "Incident {number} was changed by someone else; reload and try again"
    ),
    QT_TRANSLATE_NOOP("Errors", "Kelurahan {kelurahan} is not in the chosen kecamatan"),
    QT_TRANSLATE_NOOP("Errors", "No shift covers {time}"),
    QT_TRANSLATE_NOOP("Errors", "Not a database URL: {url}"),
    QT_TRANSLATE_NOOP("Errors", "Not a phone number: {number}"),
    QT_TRANSLATE_NOOP("Errors", "Not a valid phone number: {number}"),
    QT_TRANSLATE_NOOP("Errors", "Priority must be 1 to 4"),
    QT_TRANSLATE_NOOP("Errors", "Shift names must be unique"),
    QT_TRANSLATE_NOOP("Errors", "Shifts overlap at {time}"),
    QT_TRANSLATE_NOOP("Errors", "Status change {current} -> {target} is not allowed"),
    QT_TRANSLATE_NOOP("Errors", "The call was answered before it rang"),
    QT_TRANSLATE_NOOP(
        "Errors", "The coordinates are in Kecamatan {found}, not in the chosen kecamatan"
    ),
    QT_TRANSLATE_NOOP("Errors", "The database needs an upgrade: run siaga-console db upgrade"),
    QT_TRANSLATE_NOOP("Errors", "The database {url} is damaged or not a database: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "The database {url} refused the password of {user}: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "The end of the period is not after its start"),
    QT_TRANSLATE_NOOP("Errors", "The note is empty"),
    QT_TRANSLATE_NOOP("Errors", "This database has tables that are not Siaga Console's"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "This database was written by a newer version of Siaga Console; update the console before opening it",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP("Errors", "Unit {id} does not exist"),
    QT_TRANSLATE_NOOP("Errors", "Unit {unit} has no incident"),
    QT_TRANSLATE_NOOP("Errors", "Unit {unit} is not available ({status})"),
    QT_TRANSLATE_NOOP("Errors", "Unit {unit} was changed by someone else; reload and try again"),
    QT_TRANSLATE_NOOP("Errors", "Unknown category {code}"),
    QT_TRANSLATE_NOOP("Errors", "Unknown kecamatan {code}"),
    QT_TRANSLATE_NOOP("Errors", "Unknown kelurahan {code}"),
    QT_TRANSLATE_NOOP("Errors", "Unknown shift {name}"),
    QT_TRANSLATE_NOOP("Errors", "Unsupported database driver in {url}"),
    QT_TRANSLATE_NOOP(
        "Errors", "Unsupported database {backend}: use sqlite:/// or postgresql+psycopg://"
    ),
    QT_TRANSLATE_NOOP("Errors", "Use the incident form for outcome {outcome}"),
    QT_TRANSLATE_NOOP("Errors", "{count} problems in the form"),
    QT_TRANSLATE_NOOP("Errors", "{field} is too long ({length} characters, at most {limit})"),
    QT_TRANSLATE_NOOP("Errors", "{reason}"),
    QT_TRANSLATE_NOOP("Errors", "{user} ({role}) may not {action}"),
    QT_TRANSLATE_NOOP("Errors", "Unexpected error: {error}"),
    QT_TRANSLATE_NOOP("Errors", "Call sign {sign} is already used"),
    QT_TRANSLATE_NOOP("Errors", "Codes are 2 to 32 lowercase letters, digits or underscores"),
    QT_TRANSLATE_NOOP("Errors", "Unknown agency {code}"),
    QT_TRANSLATE_NOOP("Errors", "{field} is required"),
    QT_TRANSLATE_NOOP("Errors", "The channel URL must start with http:// or https://"),
    QT_TRANSLATE_NOOP("Errors", "Give a display name of at most 128 characters"),
    QT_TRANSLATE_NOOP("Errors", "No terminal to ask for the password: use --password-stdin"),
    QT_TRANSLATE_NOOP("Errors", "The password is too long"),
    QT_TRANSLATE_NOOP("Errors", "The password must not contain the user name"),
    QT_TRANSLATE_NOOP("Errors", "The password needs at least {min} characters"),
    QT_TRANSLATE_NOOP("Errors", "The two passwords differ"),
    QT_TRANSLATE_NOOP(
        "Errors", "User names are 3 to 32 lowercase letters, digits, dots, dashes or underscores"
    ),
    QT_TRANSLATE_NOOP("Errors", "User {id} does not exist"),
    QT_TRANSLATE_NOOP("Errors", "User {username} already exists"),
    QT_TRANSLATE_NOOP("Errors", "You cannot disable your own account"),
    QT_TRANSLATE_NOOP("Errors", "Wrong user name or password"),
    QT_TRANSLATE_NOOP("Errors", "Too many failed logins: the account is locked until {time}"),
    QT_TRANSLATE_NOOP("Errors", "Give --pdf, --csv or --xlsx"),
    QT_TRANSLATE_NOOP("Errors", "No such folder: {path}"),
    QT_TRANSLATE_NOOP(
        "Errors", "An earlier change to incident {number} was not applied; check it and try again"
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "The database cannot be reached and incident {id} is not on screen"
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "An earlier change to unit {unit} was not applied; check it and try again"
    ),
    QT_TRANSLATE_NOOP("Errors", "The database cannot be reached and unit {id} is not on screen"),
    # Issue 9: call-log import and export, EIDO, field notifications.
    QT_TRANSLATE_NOOP("Errors", "Agency {agency} has no notification channel"),
    QT_TRANSLATE_NOOP("Errors", "Cannot open {path}: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "Cannot read the file as {encoding}: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "Cannot read {path}: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "Columns appear twice: {names}"),
    QT_TRANSLATE_NOOP("Errors", "Export to CSV or XLSX: {name} has neither extension"),
    QT_TRANSLATE_NOOP("Errors", "Give --out FOLDER for the documents of a period"),
    QT_TRANSLATE_NOOP(
        "Errors", "Kelurahan {value} exists in several kecamatan: give the kecamatan too"
    ),
    QT_TRANSLATE_NOOP("Errors", "Kelurahan {value} is not in Kecamatan {kecamatan}"),
    QT_TRANSLATE_NOOP("Errors", "Line {line}: the CSV is malformed: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "No active user {name}"),
    QT_TRANSLATE_NOOP("Errors", "Not a readable XLSX workbook: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "Notification {id} does not exist"),
    QT_TRANSLATE_NOOP(
        "Errors", "Old .xls workbooks are not supported: save the file as XLSX or CSV"
    ),
    QT_TRANSLATE_NOOP("Errors", "Only a failed message can be sent again"),
    QT_TRANSLATE_NOOP("Errors", "Required columns are missing: {names}"),
    QT_TRANSLATE_NOOP("Errors", "The EIDO document does not match the schema: {errors}"),
    QT_TRANSLATE_NOOP("Errors", "The EIDO document has no incident identifier"),
    QT_TRANSLATE_NOOP("Errors", "The EIDO document is not JSON: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "The EIDO document is not a JSON object"),
    QT_TRANSLATE_NOOP("Errors", "The EIDO document is too large ({path})"),
    QT_TRANSLATE_NOOP(
        "Errors", "The EIDO document refers to components it does not contain: {refs}"
    ),
    QT_TRANSLATE_NOOP("Errors", "The EIDO incident cannot be stored: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "The EIDO schema is missing: {path}"),
    QT_TRANSLATE_NOOP("Errors", "The file is empty or its first line is not the header"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The file is not text in UTF-8 or Windows-1252 (byte {byte} at offset {offset}); save it again as CSV UTF-8",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP("Errors", "The workbook has no sheet {sheet} (sheets: {sheets})"),
    QT_TRANSLATE_NOOP("Errors", "This row has {count} cells but the header has {expected}"),
    QT_TRANSLATE_NOOP("Errors", "This row repeats an earlier row of the file"),
    QT_TRANSLATE_NOOP("Errors", "This row repeats line {first} of the file"),
    QT_TRANSLATE_NOOP("Errors", "Timestamps out of order: {later} is before {earlier}"),
    QT_TRANSLATE_NOOP("Errors", "Unknown category {value}"),
    QT_TRANSLATE_NOOP("Errors", "Unknown column names: {names}. Expected: {expected}"),
    QT_TRANSLATE_NOOP("Errors", "Unknown kecamatan {value}"),
    QT_TRANSLATE_NOOP("Errors", "Unknown kelurahan {value}"),
    QT_TRANSLATE_NOOP("Errors", "Unknown outcome {value} (expected one of: {expected})"),
    QT_TRANSLATE_NOOP("Errors", "caller_number is not a valid phone number: {value}"),
    QT_TRANSLATE_NOOP("Errors", "external_id is longer than 64 characters"),
    QT_TRANSLATE_NOOP("Errors", "external_id {value} appears more than once in the file"),
    QT_TRANSLATE_NOOP(
        "Errors", "external_id {value} appears more than once in the file (first on line {first})"
    ),
    QT_TRANSLATE_NOOP("Errors", "outcome is empty"),
    QT_TRANSLATE_NOOP("Errors", "priority must be 1 to 4, not {value}"),
    QT_TRANSLATE_NOOP("Errors", "received_at is empty"),
    QT_TRANSLATE_NOOP("Errors", "received_at {value} is in the future"),
    QT_TRANSLATE_NOOP("Errors", "{column} is not a number: {value}"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{column} is not an ISO 8601 date-time: {value} (expected YYYY-MM-DD HH:MM:SS, WIB unless an offset is given)",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{count} bad rows: nothing was imported (fix them, or use --skip-bad)"
    ),
    QT_TRANSLATE_NOOP("Errors", "The import was cancelled; nothing was imported"),
    QT_TRANSLATE_NOOP("Errors", "The export was cancelled"),
    # Issue 4: the map.
    QT_TRANSLATE_NOOP("Errors", "Map files are missing: {files}"),
)


def _translate_params(params: dict[str, Any]) -> dict[str, Any]:
    out = dict(params)
    if isinstance(out.get("field"), str):
        out["field"] = label(FIELDS, out["field"])
    for key in ("current", "target", "status"):
        if isinstance(out.get(key), str) and out[key] in STATUSES:
            out[key] = label(STATUSES, out[key])
    if isinstance(out.get("role"), str):
        out["role"] = label(ROLES, out["role"])
    return out


def error_text(exc: BaseException) -> str:
    """The message of an error in the user's language."""
    if isinstance(exc, FormErrors):
        return "\n".join(error_text(e) for e in exc.errors)
    if isinstance(exc, SiagaError):
        template = QCoreApplication.translate("Errors", exc.template)
        try:
            return template.format(**_translate_params(exc.params))
        except (KeyError, IndexError, ValueError):
            return exc.message
    return QCoreApplication.translate("Errors", "Unexpected error: {error}").format(
        error=f"{type(exc).__name__}: {exc}"
    )
