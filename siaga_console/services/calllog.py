"""The call-log file format of DOMAIN.md ("Call-log import format"): CSV or XLSX, one call a row.

Reading streams (CSV through the csv module, XLSX through openpyxl's read-only mode), so a
file of any size is read in constant memory. CSV text is UTF-8 (with or without a BOM),
UTF-16 with a BOM (Excel's "Unicode text"), or Windows-1252 (older Excel on Windows); the
delimiter (comma, semicolon or tab) is taken from the header line.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from ..domain.errors import ValidationError

COLUMNS: tuple[str, ...] = (
    "external_id",
    "received_at",
    "answered_at",
    "caller_number",
    "outcome",
    "category",
    "priority",
    "kecamatan",
    "kelurahan",
    "address",
    "latitude",
    "longitude",
    "description",
    "dispatched_at",
    "en_route_at",
    "on_scene_at",
    "resolved_at",
    "closed_at",
)
REQUIRED: tuple[str, ...] = ("received_at", "outcome")
# The timestamps of a row, in the order they must follow.
TIME_ORDER: tuple[str, ...] = (
    "received_at",
    "answered_at",
    "dispatched_at",
    "en_route_at",
    "on_scene_at",
    "resolved_at",
    "closed_at",
)
XLSX_MAGIC = b"PK\x03\x04"

Cell = str | int | float | datetime | date | None


class ImportError_(ValidationError):  # noqa: N801 - "ImportError" is a Python builtin
    """A problem with an import file or one of its rows (``line`` is 1-based, header = 1)."""

    code = "import"

    def __init__(
        self, template: str, *, line: int | None = None, field: str | None = None, **params: Any
    ) -> None:
        super().__init__(template, field=field, line=line, **params)
        self.line = line


@dataclass(frozen=True, slots=True)
class RawRow:
    line: int  # where the row starts in the file (the header is line 1)
    values: dict[str, Cell]
    cells: int = 0  # how many non-empty cells there were when more than the header's columns


class CallLogReader:
    """Base of the two readers: ``columns``, ``rows()``, ``fraction()``, ``close()``."""

    kind = ""
    encoding = ""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.columns: tuple[str, ...] = ()

    def rows(self) -> Iterator[RawRow]:
        raise NotImplementedError

    def fraction(self) -> float | None:
        """How far through the file reading is (0..1), or None when unknown."""
        return None

    def close(self) -> None:
        pass

    def __enter__(self) -> CallLogReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check_header(cells: list[Cell]) -> tuple[str, ...]:
    """Normalise and check the header: every name known, required ones present, no repeats."""
    names = [
        str(c).strip().lstrip("\ufeff").strip().lower() if c is not None else "" for c in cells
    ]
    while names and not names[-1]:
        names.pop()
    unknown = [n for n in names if n not in COLUMNS]
    if unknown:
        hints = []
        for n in unknown:
            close = difflib.get_close_matches(n, COLUMNS, n=1, cutoff=0.6)
            hints.append(f"{n or '(empty)'} → {close[0]}?" if close else (n or "(empty)"))
        raise ImportError_(
            "Unknown column names: {names}. Expected: {expected}",
            line=1,
            names=", ".join(hints),
            expected=", ".join(COLUMNS),
        )
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise ImportError_("Columns appear twice: {names}", line=1, names=", ".join(repeated))
    missing = [n for n in REQUIRED if n not in names]
    if missing:
        raise ImportError_(
            "Required columns are missing: {names}", line=1, names=", ".join(missing)
        )
    return tuple(names)


def _blank(cells: Sequence[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


# -- CSV --------------------------------------------------------------------------------------
def detect_encoding(path: Path, chunk: int = 1 << 16) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252; refuses anything else."""
    with path.open("rb") as fh:
        head = fh.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        offset = 0
        try:
            while block := fh.read(chunk):
                decoder.decode(block)
                offset += len(block)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
        fh.seek(0)
        ansi = codecs.getincrementaldecoder("cp1252")()
        offset = 0
        while block := fh.read(chunk):
            try:
                ansi.decode(block)
            except UnicodeDecodeError as exc:
                raise ImportError_(
                    "The file is not text in UTF-8 or Windows-1252 (byte {byte} at offset "
                    "{offset}); save it again as CSV UTF-8",
                    byte=f"0x{block[exc.start]:02X}",
                    offset=offset + exc.start,
                ) from exc
            offset += len(block)
    return "cp1252"


class CsvReader(CallLogReader):
    kind = "csv"

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        super().__init__(path)
        self.encoding = encoding or detect_encoding(path)
        self._size = max(1, path.stat().st_size)
        self._raw = path.open("rb")
        try:
            self._text: IO[str] = io.TextIOWrapper(self._raw, encoding=self.encoding, newline="")
            first = self._text.readline()
        except (UnicodeDecodeError, LookupError) as exc:
            self._raw.close()
            raise ImportError_(
                "Cannot read the file as {encoding}: {reason}",
                encoding=self.encoding,
                reason=str(exc),
            ) from exc
        if not first.strip():
            self._raw.close()
            raise ImportError_("The file is empty or its first line is not the header", line=1)
        counts = {d: first.count(d) for d in (",", ";", "\t")}
        self.delimiter = max(counts, key=lambda d: counts[d])
        header = next(csv.reader([first], delimiter=self.delimiter))
        try:
            self.columns = check_header(list(header))
        except ImportError_:
            self._raw.close()
            raise

    def rows(self) -> Iterator[RawRow]:
        reader = csv.reader(self._text, delimiter=self.delimiter)
        last = 1  # lines consumed so far (the header)
        n = len(self.columns)
        try:
            for cells in reader:
                start, last = last + 1, reader.line_num + 1
                if _blank(cells):
                    continue
                extra = len(cells) if len(cells) > n and not _blank(cells[n:]) else 0
                if len(cells) < n:
                    cells += [""] * (n - len(cells))
                values: dict[str, Cell] = dict(zip(self.columns, cells, strict=False))
                yield RawRow(start, values, extra)
        except UnicodeDecodeError as exc:
            raise ImportError_(
                "Cannot read the file as {encoding}: {reason}",
                line=last + 1,
                encoding=self.encoding,
                reason=str(exc),
            ) from exc
        except csv.Error as exc:
            raise ImportError_(
                "Line {line}: the CSV is malformed: {reason}", line=last + 1, reason=str(exc)
            ) from exc

    def fraction(self) -> float | None:
        try:
            return min(1.0, self._raw.tell() / self._size)
        except (OSError, ValueError):
            return None

    def close(self) -> None:
        self._raw.close()


# -- XLSX -------------------------------------------------------------------------------------
class XlsxReader(CallLogReader):
    kind = "xlsx"
    encoding = "xlsx"

    def __init__(self, path: Path, sheet: str | None = None) -> None:
        super().__init__(path)
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            self._wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (InvalidFileException, KeyError, OSError, ValueError) as exc:
            raise ImportError_("Not a readable XLSX workbook: {reason}", reason=str(exc)) from exc
        if sheet is not None and sheet not in self._wb.sheetnames:
            self._wb.close()
            raise ImportError_(
                "The workbook has no sheet {sheet} (sheets: {sheets})",
                sheet=sheet,
                sheets=", ".join(self._wb.sheetnames),
            )
        self._ws = self._wb[sheet] if sheet else self._wb.worksheets[0]
        self._max_row = self._ws.max_row if isinstance(self._ws.max_row, int) else None
        self._rows = self._ws.iter_rows(values_only=True)
        self._line = 0
        header: tuple[Cell, ...] = ()
        for cells in self._rows:
            self._line += 1
            if not _blank(cells):
                header = cells
                break
        if not header:
            self._wb.close()
            raise ImportError_("The file is empty or its first line is not the header", line=1)
        try:
            self.columns = check_header(list(header))
        except ImportError_:
            self._wb.close()
            raise

    def rows(self) -> Iterator[RawRow]:
        n = len(self.columns)
        for cells in self._rows:
            self._line += 1
            if _blank(cells):
                continue
            extra = len(cells) if len(cells) > n and not _blank(cells[n:]) else 0
            values = {c: (cells[i] if i < len(cells) else None) for i, c in enumerate(self.columns)}
            yield RawRow(self._line, values, extra)

    def fraction(self) -> float | None:
        if not self._max_row:
            return None
        return min(1.0, self._line / self._max_row)

    def close(self) -> None:
        self._wb.close()


def open_call_log(
    path: Path | str, *, encoding: str | None = None, sheet: str | None = None
) -> CallLogReader:
    """A reader for a CSV or XLSX call log (by its first bytes, not only by its name)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ImportError_(
            "Cannot open {path}: {reason}", path=str(path), reason=exc.strerror or str(exc)
        ) from exc
    if magic == XLSX_MAGIC:
        return XlsxReader(path, sheet)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise ImportError_("Not a readable XLSX workbook: {reason}", reason="not a ZIP file")
    if path.suffix.lower() == ".xls":
        raise ImportError_("Old .xls workbooks are not supported: save the file as XLSX or CSV")
    return CsvReader(path, encoding)


# -- what an import reports -------------------------------------------------------------
# Form fields of validate_incident -> the file's column names.
FIELD_COLUMNS = {
    "category_code": "category",
    "kecamatan_code": "kecamatan",
    "kelurahan_code": "kelurahan",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the file or a row: English message plus template and params."""

    line: int | None
    column: str | None
    template: str
    params: dict[str, Any]
    message: str

    @classmethod
    def of(cls, line: int | None, exc: ValidationError) -> Problem:
        column = FIELD_COLUMNS.get(exc.field or "", exc.field)
        return cls(line, column, exc.template, dict(exc.params), exc.message)


@dataclass(frozen=True, slots=True)
class ImportProgress:
    rows: int
    fraction: float | None  # of the file read, None when the reader cannot tell


@dataclass(frozen=True, slots=True)
class Preview:
    file: str
    kind: str
    encoding: str
    columns: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class ImportSummary:
    file: str
    kind: str
    encoding: str
    rows: int  # data rows read (blank lines not counted)
    calls: int  # calls written (or that would be, on a dry run)
    incidents: int
    already_present: int  # rows skipped because their external_id is in the database
    bad_rows: int
    problems: tuple[Problem, ...]  # the first ``max_problems`` of them
    committed: bool
    dry_run: bool
    ignored_incident_columns: int  # non-valid rows whose incident columns were ignored
    open_incidents: int  # incidents imported without resolved_at/closed_at
    seconds: float
