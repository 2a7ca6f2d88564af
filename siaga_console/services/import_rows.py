"""One row of a call log: from file cells to checked values, with the domain's own rules.

Phone numbers go through ``domain.phone.normalize_number``, coordinates through the
gazetteer, categories and places through the database's reference tables (kecamatan and
kelurahan by name, BPS spelling or code), incidents through ``validate_incident``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from phonenumbers import PhoneMetadata
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..data.models import Category, Kecamatan, Kelurahan
from ..domain.enums import CallOutcome
from ..domain.errors import FormErrors, ValidationError
from ..domain.geo import Gazetteer
from ..domain.phone import MAX_INPUT, normalize_number
from ..domain.timeutil import as_utc
from .calllog import TIME_ORDER, Cell, ImportError_, RawRow
from .inputs import IncidentInput, clean_text, validate_incident

INCIDENT_TIMES = ("dispatched_at", "en_route_at", "on_scene_at", "resolved_at", "closed_at")
INCIDENT_ONLY = ("category", "priority", "kecamatan", "kelurahan", "latitude", "longitude")
OUTCOME_ALIASES = {
    "iseng": "prank",
    "diam": "silent",
    "senyap": "silent",
    "salah sambung": "wrong_number",
    "wrong number": "wrong_number",
    "informasi": "info",
    "terputus": "dropped",
    "putus": "dropped",
    "duplikat": "duplicate",
    "uji": "test",
    "tes": "test",
    "darurat": "valid",
}
# (earlier, later) pairs of timestamps checked when both are given. en_route_at is not
# compared with on_scene_at: one unit may arrive before another sets off.
_CHAIN = ("received_at", "answered_at", "dispatched_at", "on_scene_at", "resolved_at", "closed_at")
ORDER_PAIRS: tuple[tuple[str, str], ...] = (
    *(  # neighbours first, so that a message names the closest pair
        (_CHAIN[i], _CHAIN[i + gap]) for gap in range(1, 6) for i in range(len(_CHAIN) - gap)
    ),
    ("received_at", "en_route_at"),
    ("answered_at", "en_route_at"),
    ("dispatched_at", "en_route_at"),
    ("en_route_at", "resolved_at"),
    ("en_route_at", "closed_at"),
)
IGNORED_IF_NOT_VALID = (*INCIDENT_ONLY, *INCIDENT_TIMES)
FUTURE_SLACK = timedelta(hours=1)
EXCEL_SERIAL_RANGE = (20000.0, 80000.0)  # 1954..2119: a number in a time column is a date


def place_key(text: str) -> str:
    """Compare place and category names without case, spaces, dots or dashes."""
    text = text.strip().lower()
    text = re.sub(r"^(kecamatan|kelurahan|kec\.?|kel\.?|desa)\s+", "", text)
    return re.sub(r"[\s\-_.'’/]", "", text)


@dataclass(frozen=True, slots=True)
class ParsedRow:
    line: int
    key: str  # external_id, or a key derived from the row's content
    received_at: datetime
    answered_at: datetime | None
    caller_number: str
    outcome: str
    note: str | None
    incident: IncidentInput | None  # checked and completed (valid rows only)
    times: dict[str, datetime]  # dispatched_at .. closed_at, those given
    ignored: bool = False  # incident columns given on a row that is not outcome=valid


class Lookups:
    """Reference data of the database, read once per import."""

    def __init__(self, s: Session) -> None:
        self.categories: dict[str, tuple[int, bool]] = {}
        self.category_keys: dict[str, str] = {}
        for c in s.scalars(select(Category).where(Category.active.is_(True))):
            self.categories[c.code] = (c.default_priority, c.sensitive)
            for name in (c.code, c.label_id, c.label_en):
                self.category_keys.setdefault(place_key(name), c.code)
        self.kecamatan: dict[str, str] = {}
        self.kecamatan_names: dict[str, str] = {}
        for k in s.scalars(select(Kecamatan)):
            self.kecamatan_names[k.code] = k.name
            for name in (k.code, k.code_bps, k.name):
                self.kecamatan[place_key(name)] = k.code
        self.kelurahan: dict[str, list[tuple[str, str]]] = {}
        self.kelurahan_names: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        for kel in s.scalars(select(Kelurahan)):
            self.parents[kel.code] = kel.kecamatan_code
            self.kelurahan_names[kel.code] = kel.name
            for name in {place_key(kel.code), place_key(kel.name), place_key(kel.name_bps)}:
                self.kelurahan.setdefault(name, []).append((kel.code, kel.kecamatan_code))

    def category(self, text: str) -> str:
        code = self.category_keys.get(place_key(text))
        if code is None:
            raise ImportError_("Unknown category {value}", field="category", value=text)
        return code

    def kecamatan_code(self, text: str) -> str:
        code = self.kecamatan.get(place_key(text))
        if code is None:
            raise ImportError_("Unknown kecamatan {value}", field="kecamatan", value=text)
        return code

    def kelurahan_code(self, text: str, kecamatan_code: str | None) -> str:
        found = self.kelurahan.get(place_key(text), [])
        if kecamatan_code is not None:
            inside = [f for f in found if f[1] == kecamatan_code]
            if found and not inside:
                raise ImportError_(
                    "Kelurahan {value} is not in Kecamatan {kecamatan}",
                    field="kelurahan",
                    value=text,
                    kecamatan=self.kecamatan_names.get(kecamatan_code, kecamatan_code),
                )
            found = inside
        if not found:
            raise ImportError_("Unknown kelurahan {value}", field="kelurahan", value=text)
        if len(found) > 1:
            raise ImportError_(
                "Kelurahan {value} exists in several kecamatan: give the kecamatan too",
                field="kelurahan",
                value=text,
            )
        return found[0][0]


def _text(value: Cell) -> str:
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def parse_time(value: Cell, column: str) -> datetime | None:
    """A timestamp cell: ISO 8601 text or an Excel date; without an offset it is WIB."""
    if type(value) is str:  # the common case first: CSV text
        if not value:
            return None
        try:
            return as_utc(datetime.fromisoformat(value))
        except ValueError:
            pass
    if value is None:
        return None
    if isinstance(value, datetime):
        return as_utc(value)
    if isinstance(value, date):
        return as_utc(datetime.combine(value, time()))
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and EXCEL_SERIAL_RANGE[0] <= value <= EXCEL_SERIAL_RANGE[1]
    ):
        from openpyxl.utils.datetime import from_excel

        return as_utc(from_excel(value))
    text = _text(value)
    if not text:
        return None
    try:
        return as_utc(datetime.fromisoformat(text))
    except ValueError:
        raise ImportError_(
            "{column} is not an ISO 8601 date-time: {value} (expected YYYY-MM-DD HH:MM:SS, "
            "WIB unless an offset is given)",
            field=column,
            column=column,
            value=text[:40],
        ) from None


def parse_float(value: Cell, column: str) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = _text(value).replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ImportError_(
            "{column} is not a number: {value}", field=column, column=column, value=text[:40]
        ) from None


def parse_priority(value: Cell) -> int | None:
    text = _text(value).upper().removeprefix("P")
    if not text:
        return None
    if text not in ("1", "2", "3", "4"):
        raise ImportError_(
            "priority must be 1 to 4, not {value}", field="priority", value=_text(value)[:20]
        )
    return int(text)


def parse_outcome(value: Cell) -> str:
    text = _text(value).lower()
    if not text:
        raise ImportError_("outcome is empty", field="outcome")
    text = OUTCOME_ALIASES.get(text, text)
    try:
        return CallOutcome(text.replace(" ", "_")).value
    except ValueError:
        raise ImportError_(
            "Unknown outcome {value} (expected one of: {expected})",
            field="outcome",
            value=_text(value)[:40],
            expected=", ".join(o.value for o in CallOutcome),
        ) from None


_ID_META: Any = PhoneMetadata.metadata_for_region("ID")
_MOBILE = re.compile(str(_ID_META.mobile.national_number_pattern))
_GENERAL = re.compile(str(_ID_META.general_desc.national_number_pattern))
_LENGTHS = frozenset(_ID_META.mobile.possible_length) & frozenset(
    _ID_META.general_desc.possible_length
)
_PLAIN = re.compile(r"(?:\+62|0)[\d\s().-]+")
_SEPARATORS = re.compile(r"[\s().-]")


def fast_number(text: str) -> str | None:
    """E.164 of a plain Indonesian mobile number (0812-..., +62 812...), else None.

    Applies libphonenumber's own metadata for Indonesia (general and mobile patterns and
    lengths) the way ``is_valid_number`` does; anything else goes to ``normalize_number``.
    tests/data/test_import_rows.py checks the two agree on many random numbers.
    """
    if len(text) > MAX_INPUT or not _PLAIN.fullmatch(text):
        return None
    digits = _SEPARATORS.sub("", text)
    nsn = digits[3:] if digits.startswith("+62") else digits[1:]
    if len(nsn) in _LENGTHS and _MOBILE.fullmatch(nsn) and _GENERAL.fullmatch(nsn):
        return "+62" + nsn
    return None


@lru_cache(maxsize=4096)
def _number(text: str) -> str | ValidationError:
    try:
        return normalize_number(text)
    except ValidationError as exc:
        return exc


def parse_number(value: Cell) -> str:
    """E.164 or ``hidden``; an Excel number cell loses its leading 0, libphonenumber copes."""
    text = _text(value)
    result = fast_number(text) or _number(text)
    if isinstance(result, ValidationError):
        raise ImportError_(
            "caller_number is not a valid phone number: {value}",
            field="caller_number",
            value=_text(value)[:32],
        )
    return result


def derived_key(values: dict[str, Cell]) -> str:
    """The identity of a row without external_id: a hash of its cells (same file, same keys)."""
    digest = hashlib.sha256("\x1f".join(_text(values.get(c)) for c in sorted(values)).encode())
    return "auto-" + digest.hexdigest()[:40]


class RowParser:
    def __init__(self, lookups: Lookups, gazetteer: Gazetteer, now: Callable[[], datetime]) -> None:
        self.lookups = lookups
        self.gazetteer = gazetteer
        self.latest = now() + FUTURE_SLACK

    def parse(self, raw: RawRow) -> ParsedRow:
        """The checked row, or FormErrors / ImportError_ listing what is wrong with it."""
        v = raw.values
        if raw.cells:
            raise ImportError_(
                "This row has {count} cells but the header has {expected}",
                count=raw.cells,
                expected=len(v),
            )
        errors: list[ValidationError] = []
        times: dict[str, datetime] = {}
        for col in TIME_ORDER:
            if col in v:
                try:
                    t = parse_time(v[col], col)
                except ValidationError as exc:
                    errors.append(exc)
                    continue
                if t is not None:
                    times[col] = t
        received = times.get("received_at")
        if received is None and not errors:
            errors.append(ImportError_("received_at is empty", field="received_at"))
        outcome = number = ""
        try:
            outcome = parse_outcome(v.get("outcome"))
        except ValidationError as exc:
            errors.append(exc)
        try:
            number = parse_number(v.get("caller_number"))
        except ValidationError as exc:
            errors.append(exc)
        ext = _text(v.get("external_id"))
        if len(ext) > 64:
            errors.append(
                ImportError_("external_id is longer than 64 characters", field="external_id")
            )
        if len(times) > 1:
            for a, b in ORDER_PAIRS:
                if a in times and b in times and times[b] < times[a]:
                    errors.append(
                        ImportError_(
                            "Timestamps out of order: {later} is before {earlier}",
                            field=b,
                            later=b,
                            earlier=a,
                        )
                    )
                    break
        if received is not None and received > self.latest:
            errors.append(
                ImportError_(
                    "received_at {value} is in the future",
                    field="received_at",
                    value=_text(v.get("received_at"))[:40],
                )
            )
        description = _text(v.get("description")) or None
        incident: IncidentInput | None = None
        note: str | None = None
        if outcome == CallOutcome.VALID.value:
            incident = self._incident(v, description, errors)
        elif description is not None:
            try:
                note = clean_text(description, "note")
            except ValidationError as exc:
                errors.append(exc)
        if errors:
            raise FormErrors(errors)
        assert received is not None
        return ParsedRow(
            line=raw.line,
            key=ext or derived_key(v),
            received_at=received,
            answered_at=times.get("answered_at"),
            caller_number=number,
            outcome=outcome,
            note=note,
            incident=incident,
            times={c: times[c] for c in INCIDENT_TIMES if c in times} if incident else {},
            ignored=incident is None and any(map(v.get, IGNORED_IF_NOT_VALID)),
        )

    def _incident(
        self, v: dict[str, Cell], description: str | None, errors: list[ValidationError]
    ) -> IncidentInput | None:
        n_before = len(errors)
        kec = kel = category = None
        priority = lat = lon = None
        try:
            category = (
                self.lookups.category(_text(v.get("category")))
                if _text(v.get("category"))
                else None
            )
        except ValidationError as exc:
            errors.append(exc)
        try:
            priority = parse_priority(v.get("priority"))
        except ValidationError as exc:
            errors.append(exc)
        try:
            kec_text = _text(v.get("kecamatan"))
            kec = self.lookups.kecamatan_code(kec_text) if kec_text else None
            kel_text = _text(v.get("kelurahan"))
            kel = self.lookups.kelurahan_code(kel_text, kec) if kel_text else None
        except ValidationError as exc:
            errors.append(exc)
        for col in ("latitude", "longitude"):
            try:
                value = parse_float(v.get(col), col)
            except ValidationError as exc:
                errors.append(exc)
                continue
            if col == "latitude":
                lat = value
            else:
                lon = value
        if len(errors) > n_before:
            return None
        form = IncidentInput(
            category_code=category or "",
            priority=priority,
            kecamatan_code=kec,
            kelurahan_code=kel,
            address=_text(v.get("address")) or None,
            latitude=lat,
            longitude=lon,
            description=description,
        )
        try:
            return validate_incident(
                form, self.gazetteer, self.lookups.categories, self.lookups.parents
            )
        except FormErrors as exc:
            errors.extend(exc.errors)
        return None
