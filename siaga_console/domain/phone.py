"""Caller numbers: normalised to E.164 with Google's libphonenumber, or ``hidden``."""

from __future__ import annotations

import phonenumbers

from .errors import ValidationError

HIDDEN = "hidden"
_HIDDEN_WORDS = frozenset({"", "hidden", "private", "anonim", "anonymous", "tersembunyi", "-"})
MAX_INPUT = 32


def normalize_number(raw: str | None) -> str:
    """Return the E.164 form of an Indonesian (or international) number, or ``hidden``.

    Raises ValidationError for text that is not a possible phone number.
    """
    text = (raw or "").strip()
    if text.lower() in _HIDDEN_WORDS:
        return HIDDEN
    if len(text) > MAX_INPUT:
        raise ValidationError("Caller number is too long", field="caller_number")
    try:
        parsed = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            "Not a phone number: {number}", field="caller_number", number=text
        ) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(
            "Not a valid phone number: {number}", field="caller_number", number=text
        )
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def display_number(e164: str) -> str:
    """Local display form (0812-3456-7890 style as libphonenumber formats it nationally)."""
    if e164 == HIDDEN or not e164.startswith("+"):
        return e164
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if parsed.country_code == 62:
        return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def mask_number(e164: str) -> str:
    """Mask all but the last three digits, for exports to people without the right."""
    if e164 == HIDDEN or len(e164) < 6:
        return e164
    return e164[:4] + "*" * (len(e164) - 7) + e164[-3:]
