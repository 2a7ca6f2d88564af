"""Names of codes in the user's language, and labels of slots and shifts for the charts."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...domain.timeutil import to_wib
from ...services.reports import Snapshot


@dataclass
class Names:
    """Labels of codes in the user's language (read once from the reference tables)."""

    categories: dict[str, str] = field(default_factory=dict)
    kecamatan: dict[str, str] = field(default_factory=dict)
    shifts: dict[str, str] = field(default_factory=dict)  # shift name -> label


def slot_labels(snapshot: Snapshot) -> list[str]:
    fmt = "%H:%M" if snapshot.slots.unit == "hour" else "%d/%m"
    return [to_wib(s).strftime(fmt) for s in snapshot.slots.starts]


def day_ticks(keys: list[str | None], most: int = 6) -> list[str]:
    """Axis labels of a run of shifts: 'dd/mm' at the first shift of every n-th day."""
    firsts = [i for i, k in enumerate(keys) if k and (i == 0 or (keys[i - 1] or "")[:10] != k[:10])]
    step = max(1, -(-len(firsts) // most))
    chosen = set(firsts[::step])
    return [f"{k[8:10]}/{k[5:7]}" if i in chosen and k else "" for i, k in enumerate(keys)]


def shift_label(key: str | None, names: Names) -> str:
    if not key:
        return ""
    day, name = key.split("/")
    return f"{day[8:10]}/{day[5:7]} {names.shifts.get(name, name)}"
