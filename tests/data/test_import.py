"""Call-log import against a real SQLite file and a real PostgreSQL server.

Every kind of bad input of the issue: wrong column names, encodings (UTF-8 with and
without BOM, Windows-1252, UTF-16), Excel date and number cells, blank lines, an
external_id twice in one file, unknown places and categories, coordinates outside the
city, timestamps out of order, bad phone numbers; all-or-nothing, skip-bad, idempotence.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import sqlalchemy as sa

from siaga_console.data.models import Call, ChangeFeed, Incident, IncidentEvent
from siaga_console.domain.enums import Role
from siaga_console.domain.errors import PermissionDenied
from siaga_console.domain.permissions import Actor
from siaga_console.services.calllog import COLUMNS, ImportError_
from siaga_console.services.container import Services
from siaga_console.services.importer import ImportCancelled, ImportService, ImportSummary
from siaga_console.services.inputs import CallInput, IncidentInput

from ..conftest import make_actor

FIRE = {
    "external_id": "F-1",
    "received_at": "2026-11-01 10:00:00",
    "answered_at": "2026-11-01 10:00:06",
    "caller_number": "0812-3456-7890",
    "outcome": "valid",
    "category": "Kebakaran",
    "priority": "1",
    "kecamatan": "Curug",
    "kelurahan": "Kamanisan",  # BPS spelling of Kemanisan
    "address": "Jl. Raya Curug No. 5",
    "description": "Rumah terbakar",
    "dispatched_at": "2026-11-01 10:01:00",
    "en_route_at": "2026-11-01 10:01:30",
    "on_scene_at": "2026-11-01 10:12:00",
    "resolved_at": "2026-11-01 11:00:00",
    "closed_at": "2026-11-01 11:30:00",
}
PRANK = {
    "external_id": "P-1",
    "received_at": "2026-11-01 09:00:00",
    "answered_at": "2026-11-01 09:00:04",
    "caller_number": "+62 813 1111 2222",
    "outcome": "prank",
}
DROPPED = {"external_id": "D-1", "received_at": "2026-11-01 09:30:00", "outcome": "dropped"}


def write_csv(
    path: Path,
    rows: list[dict[str, Any]],
    *,
    encoding: str = "utf-8",
    columns: tuple[str, ...] = COLUMNS,
    delimiter: str = ",",
    blank_lines: bool = False,
) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(columns)
        for row in rows:
            w.writerow([row.get(c, "") for c in columns])
            if blank_lines:
                fh.write("\r\n" + delimiter * (len(columns) - 1) + "\r\n")
    return path


def counts(services: Services) -> dict[str, int]:
    with services.ctx.read() as s:
        return {
            m.__tablename__: int(s.scalar(sa.select(sa.func.count()).select_from(m)) or 0)
            for m in (Call, Incident, IncidentEvent, ChangeFeed)
        }


@pytest.fixture
def importer(services: Services) -> ImportService:
    return ImportService(services.ctx)


@pytest.fixture
def chief(services: Services) -> Actor:
    return make_actor(services, Role.SUPERVISOR)


def problems(summary: ImportSummary) -> list[tuple[int | None, str | None, str]]:
    return [(p.line, p.column, p.message) for p in summary.problems]


class TestGoodFiles:
    def test_a_valid_row_creates_the_incident_with_its_timeline(
        self, services: Services, importer: ImportService, chief: Actor, tmp_path: Path
    ) -> None:
        before = counts(services)
        f = write_csv(tmp_path / "log.csv", [PRANK, DROPPED, FIRE])
        r = importer.import_file(chief, f)
        assert (r.rows, r.calls, r.incidents, r.bad_rows, r.committed) == (3, 3, 1, 0, True)
        after = counts(services)
        assert after["calls"] == before["calls"] + 3
        assert after["incidents"] == before["incidents"] + 1
        # One change-feed row summarises the import (not one per row).
        assert after["change_feed"] == before["change_feed"] + 1
        with services.ctx.read() as s:
            inc = s.scalars(sa.select(Incident)).one()
            wib = datetime.fromisoformat
            assert inc.number == "SRG-20261101-0001"
            assert (inc.category_code, inc.priority, inc.status) == ("fire", 1, "closed")
            assert (inc.kecamatan_code, inc.kelurahan_code) == ("36.73.04", "36.73.04.1003")
            assert inc.first_received_at == wib("2026-11-01T10:00:00+07:00")
            assert inc.first_answered_at == wib("2026-11-01T10:00:06+07:00")
            assert inc.dispatched_at == wib("2026-11-01T10:01:00+07:00")
            assert inc.en_route_at == wib("2026-11-01T10:01:30+07:00")
            assert inc.on_scene_at == wib("2026-11-01T10:12:00+07:00")
            assert inc.resolved_at == wib("2026-11-01T11:00:00+07:00")
            assert inc.closed_at == wib("2026-11-01T11:30:00+07:00")
            assert inc.description == "Rumah terbakar"
            events = list(
                s.scalars(
                    sa.select(IncidentEvent)
                    .where(IncidentEvent.incident_id == inc.id)
                    .order_by(IncidentEvent.at)
                )
            )
            path = [(e.kind, e.from_status, e.to_status) for e in events]
            assert path == [
                ("created", None, "new"),
                ("status", "new", "dispatched"),
                ("status", "dispatched", "on_scene"),
                ("status", "on_scene", "resolved"),
                ("status", "resolved", "closed"),
            ]
            assert events[0].text == "import log.csv:4"
            calls = {c.external_id: c for c in s.scalars(sa.select(Call))}
            assert calls["F-1"].incident_id == inc.id
            assert calls["F-1"].caller_number == "+6281234567890"
            assert calls["P-1"].caller_number == "+6281311112222"
            assert calls["D-1"].caller_number == "hidden" and calls["D-1"].answered_at is None
            feed = s.scalars(sa.select(ChangeFeed).order_by(ChangeFeed.id.desc())).first()
            assert feed is not None and feed.kind == "calls.imported"
            assert feed.data == {
                "file": "log.csv",
                "calls": 3,
                "incidents": 1,
                "skipped_bad": 0,
                "already_present": 0,
            }

    def test_reimport_creates_nothing_twice(
        self, services: Services, importer: ImportService, chief: Actor, tmp_path: Path
    ) -> None:
        no_id = {k: v for k, v in PRANK.items() if k != "external_id"}
        f = write_csv(tmp_path / "log.csv", [PRANK, FIRE, no_id])
        first = importer.import_file(chief, f)
        assert first.calls == 3
        before = counts(services)
        again = importer.import_file(chief, f)
        assert (again.calls, again.incidents, again.already_present) == (0, 0, 3)
        assert counts(services) == before  # not even a change-feed row

    def test_numbers_continue_the_days_counter(
        self,
        services: Services,
        importer: ImportService,
        chief: Actor,
        operator: Actor,
        tmp_path: Path,
    ) -> None:
        services.incidents.create_from_call(
            operator,
            CallInput("081234567899", received_at=datetime(2026, 11, 1, 1, 0, tzinfo=UTC)),
            IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15),
        )
        second = {**FIRE, "external_id": "F-2", "kecamatan": "36.73.03", "kelurahan": "Pengampelan"}
        third = {**FIRE, "external_id": "F-3", "kecamatan": "walantaka", "kelurahan": "KEPUREN"}
        f = write_csv(tmp_path / "log.csv", [FIRE, second, third])
        importer.import_file(chief, f)
        with services.ctx.read() as s:
            rows = s.execute(sa.select(Incident.number, Incident.kelurahan_code)).all()
        numbers = sorted(n for n, _ in rows)
        assert numbers == [f"SRG-20261101-000{i}" for i in (1, 2, 3, 4)]
        assert {k for _, k in rows} >= {"36.73.03.1004", "36.73.03.1009"}
        # and the console's own numbering goes on after the imported ones
        later = services.incidents.create_from_call(
            operator,
            CallInput("081234567898", received_at=datetime(2026, 11, 1, 9, 0, tzinfo=UTC)),
            IncidentInput(category_code="fire", latitude=-6.12, longitude=106.15),
        )
        assert later.number == "SRG-20261101-0005"

    def test_times_with_an_offset_and_codes_for_places(
        self, services: Services, importer: ImportService, chief: Actor, tmp_path: Path
    ) -> None:
        row = {
            **FIRE,
            "received_at": "2026-11-01T03:00:00Z",
            "answered_at": "2026-11-01T10:00:05+07:00",
            "kecamatan": "",
            "kelurahan": "36.73.05.1004",
            "latitude": "",
            "longitude": "",
            "dispatched_at": "",
            "en_route_at": "",
            "on_scene_at": "",
            "resolved_at": "",
            "closed_at": "",
        }
        r = importer.import_file(chief, write_csv(tmp_path / "z.csv", [row]))
        assert r.committed and r.open_incidents == 1
        with services.ctx.read() as s:
            inc = s.scalars(sa.select(Incident)).one()
        assert inc.first_received_at == datetime(2026, 11, 1, 3, 0, tzinfo=UTC)
        assert (inc.kecamatan_code, inc.kelurahan_code, inc.status) == (
            "36.73.05",
            "36.73.05.1004",
            "new",
        )

    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
    def test_text_encodings(
        self,
        services: Services,
        importer: ImportService,
        chief: Actor,
        tmp_path: Path,
        encoding: str,
    ) -> None:
        row = {**FIRE, "description": "Asap tebal — kata Bu Désirée"}
        f = write_csv(tmp_path / "enc.csv", [row], encoding=encoding)
        r = importer.import_file(chief, f)
        assert r.committed and r.calls == 1, problems(r)
        assert r.encoding == encoding if encoding != "utf-16" else r.encoding == "utf-16"
        with services.ctx.read() as s:
            assert s.scalar(sa.select(Incident.description)) == "Asap tebal — kata Bu Désirée"

    def test_semicolons_blank_lines_and_decimal_commas(
        self, services: Services, importer: ImportService, chief: Actor, tmp_path: Path
    ) -> None:
        row = {
            **FIRE,
            "kecamatan": "Serang",
            "kelurahan": "",
            "latitude": "-6,12",
            "longitude": "106,15",
        }
        f = write_csv(tmp_path / "semi.csv", [PRANK, row], delimiter=";", blank_lines=True)
        r = importer.import_file(chief, f)
        assert (r.rows, r.calls, r.bad_rows) == (2, 2, 0), problems(r)
        with services.ctx.read() as s:
            inc = s.scalars(sa.select(Incident)).one()
        assert (inc.latitude, inc.longitude, inc.kecamatan_code) == (-6.12, 106.15, "36.73.01")
        assert inc.kelurahan_code is not None  # filled from the coordinates

    def test_xlsx_with_excel_date_and_number_cells(
        self, services: Services, importer: ImportService, chief: Actor, tmp_path: Path
    ) -> None:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(list(COLUMNS))
        ws.append([])  # an empty row in the middle of the sheet
        cells = {c: None for c in COLUMNS}
        cells.update(
            external_id="X-1",
            received_at=datetime(2026, 11, 1, 10, 0, 0),  # an Excel date cell (WIB)
            answered_at=46327.41672453704,  # a serial number: 2026-11-01 10:00:05 (WIB)
            caller_number=81234567890,  # a number cell: the leading 0 is gone
            outcome="Valid",
            category="fire",
            priority=2,
            kecamatan="Cipocok Jaya",
            kelurahan="Banjaragung",
            address="Jl. KH Abdul Fatah Hasan",
        )
        ws.append([cells[c] for c in COLUMNS])
        f = tmp_path / "log.xlsx"
        wb.save(f)
        preview = importer.preview(f)
        assert preview.kind == "xlsx" and preview.rows[0][0] == 3
        r = importer.import_file(chief, f)
        assert (r.calls, r.incidents, r.bad_rows) == (1, 1, 0), problems(r)
        with services.ctx.read() as s:
            call = s.scalars(sa.select(Call)).one()
            inc = s.scalars(sa.select(Incident)).one()
        assert call.received_at == datetime(2026, 11, 1, 3, 0, tzinfo=UTC)
        assert call.answered_at is not None
        assert abs((call.answered_at - call.received_at).total_seconds() - 5) < 0.01
        assert call.caller_number == "+6281234567890"
        assert (inc.priority, inc.kelurahan_code) == (2, "36.73.05.1004")


class TestBadFiles:
    @pytest.mark.parametrize(
        ("columns", "expected"),
        [
            (("id", "received_at", "outcome"), "Unknown column names: id"),
            (("external_id", "recieved_at", "outcome"), "recieved_at → received_at?"),
            (("external_id", "received_at"), "Required columns are missing: outcome"),
            (("outcome", "received_at", "outcome"), "Columns appear twice: outcome"),
        ],
    )
    def test_wrong_column_names(
        self,
        services: Services,
        importer: ImportService,
        chief: Actor,
        tmp_path: Path,
        columns: tuple[str, ...],
        expected: str,
    ) -> None:
        before = counts(services)
        f = tmp_path / "bad.csv"
        f.write_text(",".join(columns) + "\nA,2026-11-01 10:00,prank\n", encoding="utf-8")
        with pytest.raises(ImportError_) as err:
            importer.import_file(chief, f)
        assert expected in err.value.message and err.value.line == 1
        assert counts(services) == before

    def test_not_text_at_all(self, importer: ImportService, chief: Actor, tmp_path: Path) -> None:
        f = tmp_path / "bin.csv"
        f.write_bytes(b"external_id,received_at,outcome\n\x81\x8d\x8f\x90\x9d\n")
        with pytest.raises(ImportError_, match="not text in UTF-8 or Windows-1252"):
            importer.import_file(chief, f)
        g = tmp_path / "fake.xlsx"
        g.write_text("not a workbook", encoding="utf-8")
        with pytest.raises(ImportError_, match="Not a readable XLSX"):
            importer.import_file(chief, g)
        with pytest.raises(ImportError_, match="empty or its first line"):
            importer.import_file(chief, write_empty(tmp_path / "empty.csv"))

    def test_every_bad_row_is_reported_and_nothing_is_written(
        self, services: Services, importer: ImportService, chief: Actor, tmp_path: Path
    ) -> None:
        bad = [
            {**PRANK, "external_id": "B-1", "received_at": "29/11/2026 10:00"},
            {**PRANK, "external_id": "B-2", "outcome": "maybe"},
            {**PRANK, "external_id": "B-3", "caller_number": "12ab"},
            {**PRANK, "external_id": "B-4", "answered_at": "2026-11-01 08:59:00"},
            {**FIRE, "external_id": "B-5", "kecamatan": "Pandeglang"},
            {**FIRE, "external_id": "B-6", "kelurahan": "Cipare"},  # not in Curug
            {**FIRE, "external_id": "B-7", "category": "alien landing"},
            {
                **FIRE,
                "external_id": "B-8",
                "kecamatan": "",
                "kelurahan": "",
                "latitude": "-6.3",
                "longitude": "106.7",
            },
            {**FIRE, "external_id": "B-9", "on_scene_at": "2026-11-01 09:00:00"},
            {**PRANK, "external_id": "B-10", "received_at": ""},
            {**FIRE, "external_id": "B-11", "kecamatan": "", "kelurahan": "Sukawana"},
            {**PRANK, "external_id": "B-12", "received_at": "2099-01-01 00:00:00"},
            {**FIRE, "external_id": "B-13", "priority": "9"},
            PRANK,
            {**PRANK, "received_at": "2026-11-01 09:10:00"},  # P-1 again: same file
        ]
        before = counts(services)
        r = importer.import_file(chief, write_csv(tmp_path / "bad.csv", bad))
        assert not r.committed and r.bad_rows == 14 and r.rows == 15
        assert counts(services) == before
        found = {(line, col) for line, col, _ in problems(r)}
        assert {
            (2, "received_at"),
            (3, "outcome"),
            (4, "caller_number"),
            (5, "answered_at"),
            (6, "kecamatan"),
            (7, "kelurahan"),
            (8, "category"),
            (9, "latitude"),
            (10, "on_scene_at"),
            (11, "received_at"),
            (12, "kelurahan"),
            (13, "received_at"),
            (14, "priority"),
            (16, "external_id"),
        } <= found
        text = "\n".join(f"{line} {msg}" for line, _, msg in problems(r))
        assert "2 received_at is not an ISO 8601 date-time: 29/11/2026 10:00" in text
        assert "6 Unknown kecamatan Pandeglang" in text
        assert "7 Kelurahan Cipare is not in Kecamatan Curug" in text
        assert "9 (-6.30000, 106.70000) is outside Kota Serang" in text
        assert "10 Timestamps out of order: on_scene_at is before dispatched_at" in text
        assert "12 Kelurahan Sukawana exists in several kecamatan" in text
        assert "16 external_id P-1 appears more than once in the file (first on line 15)" in text

    def test_skip_bad_imports_the_good_rows(
        self, services: Services, importer: ImportService, chief: Actor, tmp_path: Path
    ) -> None:
        rows = [PRANK, {**FIRE, "kecamatan": "Atlantis"}, DROPPED]
        r = importer.import_file(chief, write_csv(tmp_path / "s.csv", rows), skip_bad=True)
        assert (r.committed, r.calls, r.incidents, r.bad_rows) == (True, 2, 0, 1)
        assert problems(r) == [(3, "kecamatan", "Unknown kecamatan Atlantis")]
        with services.ctx.read() as s:
            assert set(s.scalars(sa.select(Call.external_id))) == {"P-1", "D-1"}

    def test_duplicates_across_chunks_and_after_a_bad_first_row(
        self, services: Services, importer: ImportService, chief: Actor, tmp_path: Path
    ) -> None:
        rows = [
            PRANK,
            DROPPED,
            {**FIRE, "kecamatan": "Nowhere"},  # F-1, bad
            {**DROPPED, "received_at": "2026-11-01 09:31:00"},  # D-1 again, next chunk
            {**FIRE, "received_at": "2026-11-01 10:00:00"},  # F-1 again: good this time
        ]
        r = importer.import_file(
            chief, write_csv(tmp_path / "d.csv", rows), skip_bad=True, chunk_size=2
        )
        msgs = problems(r)
        assert (5, "external_id", "external_id D-1 appears more than once in the file") in msgs
        assert (
            6,
            "external_id",
            "external_id F-1 appears more than once in the file (first on line 4)",
        ) in msgs
        assert (r.calls, r.bad_rows) == (2, 3)

    def test_extra_cells_and_ignored_incident_columns(
        self, services: Services, importer: ImportService, chief: Actor, tmp_path: Path
    ) -> None:
        f = tmp_path / "x.csv"
        f.write_text(
            "external_id,received_at,outcome,category\n"
            "A,2026-11-01 10:00:00,info,other\n"
            "B,2026-11-01 10:01:00,info,other,surprise\n",
            encoding="utf-8",
        )
        r = importer.import_file(chief, f, skip_bad=True)
        assert r.calls == 1 and r.ignored_incident_columns == 1
        assert problems(r) == [(3, None, "This row has 5 cells but the header has 4")]

    def test_dry_run_writes_nothing(
        self, services: Services, importer: ImportService, chief: Actor, tmp_path: Path
    ) -> None:
        before = counts(services)
        r = importer.import_file(chief, write_csv(tmp_path / "a.csv", [FIRE]), dry_run=True)
        assert (r.calls, r.incidents, r.committed, r.dry_run) == (1, 1, False, True)
        assert counts(services) == before

    def test_cancel_rolls_back(
        self, services: Services, importer: ImportService, chief: Actor, tmp_path: Path
    ) -> None:
        rows = [{**PRANK, "external_id": f"C-{i}"} for i in range(10)]
        seen: list[int] = []
        before = counts(services)
        with pytest.raises(ImportCancelled):
            importer.import_file(
                chief,
                write_csv(tmp_path / "c.csv", rows),
                chunk_size=3,
                progress=lambda p: seen.append(p.rows),
                cancel=lambda: len(seen) >= 2,
            )
        assert seen == [3, 6] and counts(services) == before

    def test_operators_may_not_import(
        self, importer: ImportService, operator: Actor, tmp_path: Path
    ) -> None:
        with pytest.raises(PermissionDenied):
            importer.import_file(operator, write_csv(tmp_path / "a.csv", [PRANK]))


def write_empty(path: Path) -> Path:
    path.write_bytes(b"\r\n\r\n")
    return path
