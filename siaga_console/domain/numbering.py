"""Incident numbers: SRG-YYYYMMDD-NNNN, by the WIB date, unique across workstations."""

from __future__ import annotations

from datetime import date

PREFIX = "SRG"


def incident_number(day: date, seq: int) -> str:
    return f"{PREFIX}-{day:%Y%m%d}-{seq:04d}"
