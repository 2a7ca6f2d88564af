from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from siaga_console.domain.enums import IncidentStatus as S
from siaga_console.domain.errors import TransitionError, ValidationError
from siaga_console.domain.phone import HIDDEN, display_number, mask_number, normalize_number
from siaga_console.domain.shifts import DEFAULT_SHIFTS, ShiftDefinition, ShiftSchedule
from siaga_console.domain.state_machine import check_transition, manual_transitions


class TestStateMachine:
    def test_happy_path_is_allowed(self) -> None:
        path = [S.NEW, S.VERIFIED, S.DISPATCHED, S.ON_SCENE, S.RESOLVED, S.CLOSED]
        for a, b in zip(path, path[1:], strict=False):
            check_transition(a, b)

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            (S.NEW, S.CLOSED),
            (S.CLOSED, S.NEW),
            (S.CANCELLED, S.VERIFIED),
            (S.MERGED, S.NEW),
            (S.ON_SCENE, S.NEW),
            (S.NEW, S.NEW),
        ],
    )
    def test_invalid_transitions_are_refused(self, a: S, b: S) -> None:
        with pytest.raises(TransitionError) as err:
            check_transition(a, b)
        assert err.value.params == {"current": a.value, "target": b.value}

    def test_manual_transitions_exclude_action_only_targets(self) -> None:
        assert manual_transitions(S.NEW) == [S.VERIFIED, S.CANCELLED]
        assert manual_transitions(S.CLOSED) == []


class TestShifts:
    sched = ShiftSchedule()

    @pytest.mark.parametrize(
        ("utc", "key"),
        [
            (datetime(2026, 11, 29, 0, 0, tzinfo=UTC), "2026-11-29/pagi"),  # 07:00 WIB
            (datetime(2026, 11, 29, 7, 59, tzinfo=UTC), "2026-11-29/pagi"),  # 14:59 WIB
            (datetime(2026, 11, 29, 15, 59, tzinfo=UTC), "2026-11-29/siang"),  # 22:59 WIB
            (datetime(2026, 11, 29, 16, 0, tzinfo=UTC), "2026-11-29/malam"),  # 23:00 WIB
            (datetime(2026, 11, 28, 23, 30, tzinfo=UTC), "2026-11-28/malam"),  # 06:30 WIB 29th
        ],
    )
    def test_at_boundaries(self, utc: datetime, key: str) -> None:
        assert self.sched.at(utc).key == key

    def test_night_shift_runs_across_midnight(self) -> None:
        inst = self.sched.parse("2026-11-29/malam")
        assert inst.start == datetime(2026, 11, 29, 16, 0, tzinfo=UTC)  # 23:00 WIB
        assert inst.end == datetime(2026, 11, 30, 0, 0, tzinfo=UTC)  # 07:00 WIB on the 30th
        # 02:00 WIB on the 30th belongs to the night shift of the 29th
        assert self.sched.at(datetime(2026, 11, 29, 19, 0, tzinfo=UTC)).key == "2026-11-29/malam"
        # 06:59:59 WIB on the 30th still does; 07:00 is the morning shift of the 30th
        assert (
            self.sched.at(datetime(2026, 11, 29, 23, 59, 59, tzinfo=UTC)).key == "2026-11-29/malam"
        )
        assert self.sched.at(datetime(2026, 11, 30, 0, 0, tzinfo=UTC)).key == "2026-11-30/pagi"

    def test_siang_boundary(self) -> None:
        assert self.sched.at(datetime(2026, 11, 29, 8, 0, tzinfo=UTC)).key == "2026-11-29/siang"
        assert self.sched.at(datetime(2026, 11, 29, 7, 59, 59, tzinfo=UTC)).key == "2026-11-29/pagi"

    def test_previous_shifts_are_contiguous(self) -> None:
        last = self.sched.parse("2026-11-29/pagi")
        shifts = self.sched.previous(last, 30)
        assert len(shifts) == 30 and shifts[-1] == last
        for a, b in zip(shifts, shifts[1:], strict=False):
            assert a.end == b.start
        assert shifts[0].key == "2026-11-19/siang"

    @pytest.mark.parametrize("bad", ["2026-11-29", "2026-11-29/sore", "2026-13-01/pagi", "x/pagi"])
    def test_bad_names(self, bad: str) -> None:
        with pytest.raises(ValidationError):
            self.sched.parse(bad)

    def test_gaps_and_overlaps_are_refused(self) -> None:
        with pytest.raises(ValidationError, match="No shift covers 23:00"):
            ShiftSchedule(
                DEFAULT_SHIFTS[:2] + (ShiftDefinition("malam", "Malam", 23 * 60 + 30, 450),)
            )
        with pytest.raises(ValidationError, match="overlap"):
            ShiftSchedule(
                DEFAULT_SHIFTS[:2] + (ShiftDefinition("malam", "Malam", 22 * 60, 9 * 60),)
            )

    def test_custom_two_shift_schedule(self) -> None:
        s = ShiftSchedule(
            [
                ShiftDefinition("day", "Day", 6 * 60, 720),
                ShiftDefinition("night", "N", 18 * 60, 720),
            ]
        )
        assert (
            s.at(datetime(2026, 11, 29, 22, 0, tzinfo=UTC)).key == "2026-11-29/night"
        )  # 05:00 WIB 30th
        assert s.parse("2026-11-29/day").day == date(2026, 11, 29)


class TestPhone:
    @pytest.mark.parametrize(
        ("raw", "e164"),
        [
            ("081234567890", "+6281234567890"),
            ("0812-3456-7890", "+6281234567890"),
            ("+62 812 3456 7890", "+6281234567890"),
            ("6281234567890", "+6281234567890"),
            ("(0254) 200112", "+62254200112"),
            ("0254 200112", "+62254200112"),
        ],
    )
    def test_normalises_indonesian_numbers(self, raw: str, e164: str) -> None:
        assert normalize_number(raw) == e164

    @pytest.mark.parametrize("raw", ["", "  ", "hidden", "Tersembunyi", None])
    def test_hidden(self, raw: str | None) -> None:
        assert normalize_number(raw) == HIDDEN

    @pytest.mark.parametrize("raw", ["abc", "12", "0812", "'; DROP TABLE calls;--", "9" * 40])
    def test_garbage_is_refused(self, raw: str) -> None:
        with pytest.raises(ValidationError) as err:
            normalize_number(raw)
        assert err.value.field == "caller_number"

    def test_display_and_mask(self) -> None:
        assert display_number("+6281234567890").startswith("0812")
        assert mask_number("+6281234567890") == "+628*******890"
        assert mask_number(HIDDEN) == HIDDEN
