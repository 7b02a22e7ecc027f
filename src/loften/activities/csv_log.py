"""CSV logs (SPEC §3.1, §5.1): bytes to text, the delimiter, then rows to entries.

Text is UTF-16 when it starts with a UTF-16 byte-order mark, else UTF-8 (with or
without BOM), else Windows-1252 with a warning. The delimiter is the most frequent of
``,`` ``;`` and tab outside quotes on the header line. Row numbers are the
spreadsheet's: one per record, so a quoted cell with a line break keeps the rows
after it right. :func:`read_table` is shared with Excel.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import count, islice, repeat
from typing import cast

from loften.activities import sniff
from loften.activities.entry import FileLog, as_text
from loften.activities.fast import lane
from loften.activities.fields import Header, RawEntry, Value
from loften.errors import Location, Problem

BATCH = 4096
"""Rows the fast lane reads at a time, column by column."""

DELIMITERS = (";", "\t", ",")
"""The delimiters understood, in the order that breaks a tie."""

Cells = Sequence[Value] | Problem
"""One row's cells, or the problem that kept it from being read."""

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_EXPECTED = {"expected": "a CSV file", "expected_sv": "en CSV-fil"}


def read_csv(data: bytes, log: FileLog, *, tsv: bool = False) -> None:
    """Reads a CSV (or TSV, or delimited ``.txt``) file into ``log``."""
    text = decode(data, log)
    if text is None:
        return
    delimiter = detect_delimiter(text, "\t" if tsv else ",")
    lines = _lines(text)
    if lines is None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        read_table(_numbered(reader, log), log)
    elif "" not in lines and len(set(map(str.count, lines, repeat(delimiter)))) == 1:
        # Every line holds as many cells: the rows under the header go in column blocks.
        read_table(_records(lines, delimiter), log, blocks=_Blocks(lines, delimiter))
    else:
        read_table(_records(lines, delimiter), log)


def _split(text: str, delimiter: str) -> Iterator[tuple[int, Cells]] | None:
    """The records of a text without a quote character, split as the csv module would
    split them (one record per line, an empty line an empty record), only faster;
    ``None`` when the text needs the csv module (quotes, or a cell over its limit)."""
    lines = _lines(text)
    return None if lines is None else _records(lines, delimiter)


def _records(lines: list[str], delimiter: str) -> Iterator[tuple[int, Cells]]:
    """The numbered records of the lines of a quote-free text."""
    if "" in lines:  # an empty line is an empty record, not one empty cell
        return ((n, line.split(delimiter) if line else []) for n, line in enumerate(lines, 1))
    return zip(count(1), map(str.split, lines, repeat(delimiter)))  # all in C


class _Blocks:
    """The rows of a quote-free text whose lines all hold as many cells, given column by
    column, :data:`BATCH` rows at a time: each block's lines joined and split once, and
    each column a slice of the cells (no list per row, no turning rows into columns)."""

    def __init__(self, lines: list[str], delimiter: str) -> None:
        self.lines, self.delimiter = lines, delimiter
        self.width = lines[0].count(delimiter) + 1  # every line's, and the header's

    def after(self, row: int) -> Iterator[tuple[range, list[list[str]]]]:
        """Blocks of the rows after ``row`` (the header's): their numbers, their columns."""
        lines, width = self.lines, self.width
        for start in range(row, len(lines), BATCH):
            chunk = lines[start : start + BATCH]
            cells = self.delimiter.join(chunk).split(self.delimiter)
            columns = [cells[k::width] for k in range(width)]
            yield range(start + 1, start + 1 + len(chunk)), columns


def _lines(text: str) -> list[str] | None:
    """The lines of a text without a quote character (the line ends the csv module
    knows); ``None`` when the text needs the csv module (quotes, or a cell over its
    limit)."""
    if '"' in text:
        return None
    end = "\n"  # a line ends in \n, \r\n (Excel's) or \r, as the csv module reads it
    if "\r" in text:
        if text.count("\r") == text.count("\r\n") == text.count("\n"):
            end = "\r\n"  # every line ends so: no copy of a large text to drop its \r
        else:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split(end)
    if lines[-1] == "":
        lines.pop()
    if len(text) > csv.field_size_limit() and max(map(len, lines)) > csv.field_size_limit():
        return None
    return lines


def _numbered(reader: Iterator[list[str]], log: FileLog) -> Iterator[tuple[int, Cells]]:
    """Records with their spreadsheet row (record number, not physical line).

    A record the csv module cannot read comes as its problem; reading goes on with
    the next line, so every broken row is found in one pass.
    """
    row = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            row += 1
            yield row, _syntax(str(err), Location(log.path, row=row))
            continue
        row += 1
        yield row, cells


def _syntax(reason: str, where: Location) -> Problem:
    """The csv module's complaint, in words for people."""
    if reason.startswith("unexpected end of data"):
        return Problem("csv-unclosed-quote", where)
    if reason.endswith("expected after '\"'"):
        return Problem("csv-after-quote", where)
    if reason.startswith("field larger than field limit"):
        return Problem("csv-cell-too-large", where, {"limit": csv.field_size_limit()})
    return Problem("csv-syntax", where, {"reason": reason})


def decode(data: bytes, log: FileLog) -> str | None:
    """The text of a CSV file, or ``None`` after a problem saying why there is none."""
    where = Location(log.path)
    kind = None if data.startswith(_UTF16_BOMS) else sniff.kind_of(data)
    if kind is not None:
        code = "csv-workbook" if kind == "xlsx" else "log-wrong-kind"
        log.problem(Problem(code, where, {**sniff.names(kind), **_EXPECTED}))
        return None
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            log.problem(Problem("csv-bad-utf16", where))
            return None
    elif b"\x00" in data:
        log.problem(Problem("csv-binary", where))
        return None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.removeprefix(codecs.BOM_UTF8).decode("cp1252", errors="replace")
            log.problem(Problem("csv-cp1252", where, severity="warning"))
    if "\x00" in text:
        log.problem(Problem("csv-binary", where))
        return None
    return text


def detect_delimiter(text: str, default: str) -> str:
    """The most frequent delimiter outside quotes on the first non-blank line."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = started = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch in "\r\n":
            if started:
                break
        elif ch in counts:
            counts[ch] += 1
            started = True
        elif not ch.isspace():
            started = True
    # A tie goes to tab in a .tsv file, else to Swedish Excel's semicolon.
    prefer = "\t" if default == "\t" else ";"
    best = max(DELIMITERS, key=lambda d: (counts[d], d == prefer, -DELIMITERS.index(d)))
    return best if counts[best] else default


def read_table(
    rows: Iterable[tuple[int, Sequence[object] | Problem]],
    log: FileLog,
    *,
    sheet: str | None = None,
    excel: bool = False,
    prepare: Callable[[Sequence[object]], list[Value]] | None = None,
    blocks: _Blocks | None = None,
) -> None:
    """Rows of cells, numbered as in the spreadsheet, into entries of ``log``.

    ``prepare`` turns a row the fast lane declines into :data:`Value` cells for the
    general way (Excel's numbers into their text, say); the lane reads raw cells itself.
    ``blocks`` gives the rows after the header column by column, when the source can
    (every row as wide as the header); the lane then takes them so.

    The header is the first non-empty row. Empty rows are skipped. A header that
    cannot be read (two columns for one field, a required column missing, broken
    CSV) is reported once and the rows under it are not read. A broken data row
    (a :class:`Problem` instead of cells) is counted and reported at its row.
    """
    header: Header | None = None

    def general(row: int, cells: Sequence[object] | Problem) -> None:
        """A data row the fast lane does not take: read the general way, or rejected."""
        if isinstance(cells, Problem):
            log.reject([cells])
            return
        assert header is not None
        raw = header.entry(row, cast(Sequence[Value], prepare(cells) if prepare else cells))
        if isinstance(raw, RawEntry):
            log.add(raw)
        elif raw is not None:
            log.reject(raw)

    rows = iter(rows)
    for row, cells in rows:
        if header is not None:
            general(row, cells)
            continue
        if isinstance(cells, Problem):
            log.problem(cells)
            return
        if prepare is not None:
            cells = prepare(cells)
        titles = [as_text(c).strip() for c in cast(Sequence[Value], cells)]
        if not any(titles):
            continue
        header = Header.of(titles, row, log.names, path=log.path, sheet=sheet, excel=excel)
        for key, title in header.header_of.items():
            log.extra(key, title, header.at(row, title))
        if header.problems:
            for problem in header.problems:
                log.problem(problem)
            return
        fast = lane(header, log)
        if fast is not None and blocks is not None and blocks.width == fast.width:
            for numbers, columns in blocks.after(row):  # the rest, in order
                fast.take_columns(numbers, columns, general)
            break
        if fast is not None:  # the rest of the rows go to the lane in batches, in order
            while batch := list(islice(rows, BATCH)):
                fast.take_all(batch, general)
    if header is None:
        log.problem(Problem("table-no-header", Location(log.path, sheet=sheet)))
        return
    for problem in header.problems:
        log.problem(problem)
