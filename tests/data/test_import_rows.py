"""Row-level rules of the call-log import (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from siaga_console.domain.errors import ValidationError
from siaga_console.domain.phone import normalize_number
from siaga_console.services.calllog import ImportError_, check_header, detect_encoding
from siaga_console.services.import_rows import (
    derived_key,
    fast_number,
    parse_number,
    parse_outcome,
    parse_priority,
    parse_time,
    place_key,
)

separators = st.sampled_from(["", " ", "-", ".", "(", ")"])


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["0", "+62", "+62 ", "0", "62", "+620"]))
    first = draw(st.sampled_from(["8", "8", "2", "5", "9", "0"]))
    digits = draw(st.text("0123456789", min_size=6, max_size=13))
    body = first + digits
    cut = draw(st.integers(0, len(body)))
    return prefix + body[:cut] + draw(separators) + body[cut:]


@settings(max_examples=1000, deadline=None)
@given(id_numbers())
def test_the_fast_path_agrees_with_libphonenumber(text: str) -> None:
    fast = fast_number(text)
    try:
        slow: str | None = normalize_number(text)
    except ValidationError:
        slow = None
    if fast is not None:
        assert fast == slow
    assert parse_number(text) == slow if slow is not None else True


def test_numbers_the_fast_path_leaves_to_libphonenumber() -> None:
    assert fast_number("0254 200123") is None  # a landline: libphonenumber decides
    assert parse_number("0254 200123") == "+62254200123"
    assert parse_number("") == "hidden" and parse_number("Anonim") == "hidden"
    with pytest.raises(ImportError_, match="caller_number is not a valid phone number"):
        parse_number("08")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2026-11-01 10:00:00", datetime(2026, 11, 1, 3, 0, tzinfo=UTC)),
        ("2026-11-01T10:00", datetime(2026, 11, 1, 3, 0, tzinfo=UTC)),
        ("2026-11-01T03:00:00Z", datetime(2026, 11, 1, 3, 0, tzinfo=UTC)),
        ("2026-11-01 10:00:00.250+07:00", datetime(2026, 11, 1, 3, 0, 0, 250000, tzinfo=UTC)),
        (datetime(2026, 11, 1, 10, 0), datetime(2026, 11, 1, 3, 0, tzinfo=UTC)),
        (date(2026, 11, 1), datetime(2026, 10, 31, 17, 0, tzinfo=UTC)),
        (46327.5, datetime(2026, 11, 1, 5, 0, tzinfo=UTC)),  # Excel serial, WIB noon
        ("", None),
        (None, None),
    ],
)
def test_times(cell: object, expected: datetime | None) -> None:
    assert parse_time(cell, "received_at") == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("cell", ["29/11/2026 10:00", "yesterday", 12.5])
def test_bad_times(cell: object) -> None:
    with pytest.raises(ImportError_, match="received_at is not an ISO 8601 date-time"):
        parse_time(cell, "received_at")  # type: ignore[arg-type]


def test_outcomes_priorities_and_names() -> None:
    assert parse_outcome("Wrong Number") == "wrong_number"
    assert parse_outcome("ISENG") == "prank"
    assert parse_outcome("salah sambung") == "wrong_number"
    with pytest.raises(ImportError_, match="Unknown outcome"):
        parse_outcome("angry")
    assert parse_priority("P2") == 2 and parse_priority(3.0) == 3 and parse_priority("") is None
    with pytest.raises(ImportError_):
        parse_priority("5")
    assert place_key("Kec. Cipocok  Jaya") == place_key("cipocok-jaya") == "cipocokjaya"
    assert place_key("Kalang Anyar") == place_key("Kalanganyar")


def test_derived_keys_are_stable_and_content_based() -> None:
    a = {"received_at": "2026-11-01 10:00", "outcome": "prank", "caller_number": "0812"}
    assert derived_key(a) == derived_key(dict(reversed(list(a.items()))))
    assert derived_key(a) != derived_key({**a, "outcome": "silent"})


def test_header_is_case_and_space_tolerant() -> None:
    assert check_header(["\ufeffExternal_ID ", " RECEIVED_AT", "outcome", None]) == (
        "external_id",
        "received_at",
        "outcome",
    )


def test_encoding_detection(tmp_path: object) -> None:
    from pathlib import Path

    p = Path(str(tmp_path)) / "e.csv"
    p.write_bytes("café\n".encode("cp1252"))
    assert detect_encoding(p) == "cp1252"
    p.write_bytes("café\n".encode())
    assert detect_encoding(p) == "utf-8"
    p.write_bytes("\ufeffcafé\n".encode())
    assert detect_encoding(p) == "utf-8-sig"
