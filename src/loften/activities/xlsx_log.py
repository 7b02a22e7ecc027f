"""Excel logs (SPEC §3.1): the first sheet, or the one the ``logs`` entry names.

Cells are used by value: real dates, date-times and times stay typed, numbers become
their exact decimal text (``2.5``, ``12``), empty cells are absent. The rows then go
through the same :func:`~loften.activities.csv_log.read_table` as a CSV file, with the
sheet's own row numbers.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from datetime import date, time, timedelta

import python_calamine as calamine

from loften.activities.csv_log import read_table
from loften.activities.entry import FileLog
from loften.activities.fields import Value, cell_text
from loften.errors import Location, Problem, suggest


def read_xlsx(data: bytes, log: FileLog, *, sheet: str | None = None) -> None:
    """Reads one sheet of an ``.xlsx`` workbook into ``log``."""
    where = Location(log.path)
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
    read_table(_rows(cells), log, sheet=label)


def _find(sheet: str, names: Sequence[str]) -> str | None:
    if sheet in names:
        return sheet
    wanted = sheet.strip().casefold()
    return next((n for n in names if n.strip().casefold() == wanted), None)


def _rows(cells: Sequence[Sequence[object]]) -> Iterator[tuple[int, list[Value]]]:
    for n, row in enumerate(cells, start=1):
        yield n, [_value(c) for c in row]


def _value(cell: object) -> Value:
    if isinstance(cell, date | time | timedelta):
        return cell
    return cell_text(cell)
