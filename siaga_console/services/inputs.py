"""Form inputs of the intake and incident use cases, and their validation."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass, replace
from datetime import datetime

from ..domain.errors import FormErrors, ValidationError
from ..domain.geo import Gazetteer
from ..domain.permissions import Actor
from ..domain.phone import normalize_number

MAX_TEXT = {"address": 256, "landmark": 256, "caller_name": 128, "description": 4000, "note": 512}


@dataclass(frozen=True, slots=True)
class CallInput:
    caller_number: str = ""
    received_at: datetime | None = None
    answered_at: datetime | None = None
    note: str | None = None
    uuid: str | None = None  # client-made (outbox replay is idempotent on it)


@dataclass(frozen=True, slots=True)
class IncidentInput:
    category_code: str = ""
    priority: int | None = None
    kecamatan_code: str | None = None
    kelurahan_code: str | None = None
    address: str | None = None
    landmark: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    caller_name: str | None = None
    description: str | None = None
    sensitive: bool | None = None
    uuid: str | None = None


def clean_text(value: str | None, field: str) -> str | None:
    if value is None:
        return None
    value = value.replace("\x00", "").strip()
    if not value:
        return None
    if len(value) > MAX_TEXT[field]:
        raise ValidationError(
            "{field} is too long ({length} characters, at most {limit})",
            field=field,
            length=len(value),
            limit=MAX_TEXT[field],
        )
    return value


def validate_call(call: CallInput) -> tuple[str, datetime | None, datetime | None]:
    number = normalize_number(call.caller_number)
    if call.received_at and call.answered_at and call.answered_at < call.received_at:
        raise ValidationError("The call was answered before it rang", field="answered_at")
    return number, call.received_at, call.answered_at


def validate_incident(
    form: IncidentInput,
    gazetteer: Gazetteer,
    categories: dict[str, tuple[int, bool]],
    kelurahan_parent: dict[str, str],
) -> IncidentInput:
    """Check and complete a form. ``categories`` maps code -> (default priority, sensitive).

    Returns the cleaned form (priority and sensitivity defaulted, kecamatan/kelurahan filled
    from the coordinates). Raises FormErrors listing every problem at once.
    """
    errors: list[ValidationError] = []
    cleaned: dict[str, str | None] = {}
    for name in ("address", "landmark", "caller_name", "description"):
        try:
            cleaned[name] = clean_text(getattr(form, name), name)
        except ValidationError as exc:
            errors.append(exc)
            cleaned[name] = getattr(form, name)
    form = replace(form, **cleaned)  # type: ignore[arg-type]

    cat = categories.get(form.category_code or "")
    if not form.category_code:
        errors.append(ValidationError("Choose a category", field="category_code"))
    elif cat is None:
        errors.append(
            ValidationError(
                "Unknown category {code}", field="category_code", code=form.category_code
            )
        )
    priority = form.priority if form.priority is not None else (cat[0] if cat else 3)
    if priority not in (1, 2, 3, 4):
        errors.append(ValidationError("Priority must be 1 to 4", field="priority"))

    kec, kel = form.kecamatan_code or None, form.kelurahan_code or None
    if kel is not None:
        parent = kelurahan_parent.get(kel)
        if parent is None:
            errors.append(
                ValidationError("Unknown kelurahan {code}", field="kelurahan_code", code=kel)
            )
        elif kec is None:
            kec = parent
        elif parent != kec:
            errors.append(
                ValidationError(
                    "Kelurahan {kelurahan} is not in the chosen kecamatan",
                    field="kelurahan_code",
                    kelurahan=kel,
                )
            )
    if kec is not None and kec not in set(kelurahan_parent.values()):
        errors.append(ValidationError("Unknown kecamatan {code}", field="kecamatan_code", code=kec))

    lat, lon = form.latitude, form.longitude
    if (lat is None) != (lon is None):
        errors.append(ValidationError("Give both latitude and longitude", field="latitude"))
    elif lat is not None and lon is not None:
        try:
            place = gazetteer.check(lat, lon)
        except ValidationError as exc:
            errors.append(exc)
        else:
            if kec is None:
                kec, kel = place.kecamatan_code, kel or place.kelurahan_code
            elif kec != place.kecamatan_code:
                errors.append(
                    ValidationError(
                        "The coordinates are in Kecamatan {found}, not in the chosen kecamatan",
                        field="latitude",
                        found=place.kecamatan,
                    )
                )
            elif kel is None:
                kel = place.kelurahan_code
    if kec is None and lat is None and not form.address:
        errors.append(
            ValidationError("Give a kecamatan, coordinates or an address", field="kecamatan_code")
        )
    if errors:
        raise FormErrors(errors)
    sensitive = bool(form.sensitive) or bool(cat and cat[1])
    return replace(
        form, priority=priority, kecamatan_code=kec, kelurahan_code=kel, sensitive=sensitive
    )


FORM_COLUMNS = (
    "category_code",
    "priority",
    "kecamatan_code",
    "kelurahan_code",
    "address",
    "landmark",
    "latitude",
    "longitude",
    "caller_name",
    "description",
)


def form_columns(form: IncidentInput) -> dict[str, object]:
    """The incident columns a validated form fills (one place for every creator)."""
    return {**{k: getattr(form, k) for k in FORM_COLUMNS}, "sensitive": bool(form.sensitive)}


def call_columns(
    call: CallInput,
    actor: Actor,
    number: str,
    received: datetime,
    answered: datetime | None,
    now: datetime,
) -> dict[str, object]:
    """The call columns every creator fills (with ``validate_call``'s number and times);
    the outcome and the incident are the creator's."""
    return {
        "uuid": call.uuid or str(uuidlib.uuid4()),
        "received_at": received,
        "answered_at": answered,
        "caller_number": number,
        "operator_id": actor.user_id,
        "workstation": actor.workstation,
        "note": clean_text(call.note, "note"),
        "created_at": now,
    }
