"""Excel logs (SPEC §3.1): the first sheet, or the one the ``logs`` entry names.

Cells are used by value: real dates, date-times and times stay typed, numbers become
their exact decimal text (``2.5``, ``12``), empty cells are absent. The rows then go
through the same :func:`~loften.activities.csv_log.read_table` as a CSV file, with the
sheet's own row numbers.

Before calamine sees the bytes, a file that is not a workbook gets a clear word
(:mod:`~loften.activities.sniff`) and a workbook is scanned
(:mod:`~loften.activities.xlsx_guard`): refused when it would exhaust the machine, and
its error cells and formulas without values marked, so they are reported, not lost.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from datetime import date, time, timedelta
from typing import cast

import python_calamine as calamine

from loften.activities import sniff, xlsx_guard
from loften.activities.csv_log import read_table
from loften.activities.entry import FileLog
from loften.activities.fields import CellError, Value, cell_text
from loften.errors import Location, Problem, suggest

_EXPECTED = {"expected": "an Excel workbook (.xlsx)", "expected_sv": "en Excel-arbetsbok (.xlsx)"}


def read_xlsx(data: bytes, log: FileLog, *, sheet: str | None = None) -> None:
    """Reads one sheet of an ``.xlsx`` workbook into ``log``."""
    where = Location(log.path)
    problem = _not_a_workbook(data, where)
    if problem is not None:
        log.problem(problem)
        return
    found = xlsx_guard.scan(data, log.path, log.max_bytes)
    if found.problem is not None:
        log.problem(found.problem)
        return
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        log.problem(Problem("xlsx-password", where))
        return
    except calamine.CalamineError as err:
        log.problem(Problem("xlsx-unreadable", where, {"reason": str(err)}))
        return
    names = list(book.sheet_names)
    if not names:
        log.problem(Problem("xlsx-no-sheets", where))
        return
    name = names[0] if sheet is None else _find(sheet, names)
    if name is None:
        params = {"sheet": sheet, "sheets": ", ".join(names)}
        near = suggest(str(sheet), names)
        if near is not None:
            log.problem(
                Problem("xlsx-sheet-unknown-suggest", where, {**params, "suggestion": near})
            )
        else:
            log.problem(Problem("xlsx-sheet-unknown", where, params))
        return
    try:
        cells = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except calamine.CalamineError as err:
        log.problem(Problem("xlsx-unreadable", where, {"reason": str(err)}))
        return
    label = None if name == names[0] else name
    marks = found.marks_of(names.index(name))
    read_table(_rows(cells, marks), log, sheet=label, excel=True, prepare=_Prepare())


def _not_a_workbook(data: bytes, where: Location) -> Problem | None:
    """A clear word for a file that is not an ``.xlsx`` workbook, before calamine tries."""
    kind = sniff.kind_of(data)
    if kind == "xlsx":
        return None
    if kind == "ole":
        try:  # a password-protected workbook is an OLE file too
            calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        except calamine.PasswordError:
            return Problem("xlsx-password", where)
        except calamine.CalamineError:
            pass
    if kind is None and _is_text(data):
        return Problem("xlsx-is-text", where)
    if kind is None and not data.startswith(b"PK\x03\x04"):
        kind = "binary"
    if kind is not None:
        return Problem("log-wrong-kind", where, {**sniff.names(kind), **_EXPECTED})
    return None


def _is_text(data: bytes) -> bool:
    """Text in any encoding loften reads: no control bytes but tab and line breaks."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return not data[:4096].translate(None, _TEXT_BYTES)


_TEXT_BYTES = bytes(range(32, 256)) + b"\t\n\r\f"


def _find(sheet: str, names: Sequence[str]) -> str | None:
    if sheet in names:
        return sheet
    wanted = sheet.strip().casefold()
    return next((n for n in names if n.strip().casefold() == wanted), None)


def _rows(
    cells: Sequence[Sequence[object]], marks: xlsx_guard.Marks
) -> Iterator[tuple[int, Sequence[object]]]:
    """The sheet's rows as calamine gives them, numbered; a cell the guard marked (an
    error, a formula without a value) becomes a :class:`CellError`."""
    if not marks:
        yield from enumerate(cells, start=1)
        return
    marked_rows = {row for row, _ in marks}
    for n, row in enumerate(cells, start=1):
        if n in marked_rows:
            row = list(row)
            for column, cell in enumerate(row, start=1):
                mark = marks.get((n, column))
                if mark is not None and cell == "":
                    row[column - 1] = CellError(mark)
        yield n, row


class _Prepare:
    """A row of calamine's cells as :data:`Value` cells, for the general way: text
    as it is, every other value (a date, a number) converted once per workbook."""

    def __init__(self) -> None:
        self.seen: dict[tuple[type, object], Value] = {}

    def __call__(self, row: Sequence[object]) -> list[Value]:
        seen = self.seen
        values: list[Value] = []
        for c in row:
            if type(c) is str or type(c) is CellError:
                values.append(cast(Value, c))
                continue
            key = (type(c), c)
            value = seen.get(key)
            if value is None:
                value = seen[key] = _value(c)
            values.append(value)
        return values


def _value(cell: object) -> Value:
    if isinstance(cell, date | time | timedelta):
        return cell
    return cell_text(cell)
