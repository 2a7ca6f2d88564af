"""Time helpers: everything is stored in UTC and shown in WIB (Asia/Jakarta, UTC+7)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """An aware UTC datetime; naive input is taken as WIB (the import format's rule)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=WIB)
    return value.astimezone(UTC)


def to_wib(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(WIB)


def wib_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=WIB)


def parse_wib(text: str) -> datetime:
    """Parse an ISO 8601 date or date-time; without an offset it is WIB. Returns UTC."""
    text = text.strip()
    try:
        if len(text) == 10:
            return as_utc(wib_midnight(date.fromisoformat(text)))
        return as_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError as exc:
        raise ValueError(f"not an ISO 8601 date or date-time: {text!r}") from exc


def format_duration(seconds: float | None) -> str:
    """Compact human duration: 42s, 3m 05s, 2h 10m."""
    if seconds is None:
        return "—"
    s = round(seconds)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m {s % 60:02d}s"
    return f"{s // 3600}h {(s % 3600) // 60:02d}m"


def day_span(day: date) -> tuple[datetime, datetime]:
    start = as_utc(wib_midnight(day))
    return start, start + timedelta(days=1)
