"""A workbook is read once as XML before calamine sees it: to refuse it, and to mark cells.

calamine builds a sheet as a dense grid from its first to its last cell: one value at
``XFD1048576`` in a 5 KB file asks for 17 billion cells, and the process aborts
without a word. So :func:`scan` reads the workbook's parts as a ZIP archive first and
refuses it (a :class:`~loften.errors.Problem`) when it unpacks to more than
:data:`EXPANSION` times the size limit, or when a sheet reaches further than
:data:`MAX_CELLS` cells.

The same pass finds the cells calamine would hand over as empty although they are not:
an Excel error (``#DIV/0!``, ``#REF!``) and a formula saved without its value. The
reader reports them at their row and column instead of losing them.

The extent of a sheet is found in one streaming pass over its XML. When every row and
cell carries its own ``r`` reference (as Excel, LibreOffice and openpyxl write them) a
few C-speed regular expressions bound it; anything else is measured tag by tag (and its
cells are not marked). Either way the estimate only errs on the large side.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from loften.activities.model import megabytes
from loften.errors import Location, Problem

#: The most cells (rows × columns, empty ones included) a sheet may span: about
#: 640 MB in calamine, a million rows of twenty columns.
MAX_CELLS = 20_000_000
#: A workbook may unpack to this many times the file size limit.
EXPANSION = 10

Marks = dict[tuple[int, int], str]
"""(row, column), both 1-based -> the Excel error in the cell, or ``""`` for a formula
saved without its value."""

_CHUNK = 1 << 22
_WIDE = re.compile(rb' r="([A-Z]{2,3})[0-9]')
_TALL = re.compile(rb' r="[A-Z]{0,3}([0-9]{6,7})"')
_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)\b([^>]*?)(/?)>")
_REF = re.compile(rb'\br="([A-Z]{0,3})([0-9]{0,7})"')
_FORMULA = rb"<f\b[^>]*(?:/>|>[^<]*</f>)"
_ERROR_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*\bt="e"[^>]*>\s*(?:' + _FORMULA + rb"\s*)?<v>([^<]*)</v>"
)
_NO_VALUE = re.compile(
    rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*>\s*' + _FORMULA + rb"\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet\b([^>]*)>")
_SHEET_ID = re.compile(rb'\s[\w.-]+:id="([^"]*)"')
_RELATION = re.compile(rb"<(?:[\w.-]+:)?Relationship\b([^>]*)>")
_ATTR = re.compile(rb'\b(Id|Target)="([^"]*)"')


@dataclass(slots=True)
class Scan:
    """What :func:`scan` found: a reason to refuse the workbook, or the marked cells."""

    problem: Problem | None = None
    marks: dict[str, Marks] = field(default_factory=dict)
    """Worksheet part (``xl/worksheets/sheet1.xml``) -> its marked cells."""
    parts: list[str | None] = field(default_factory=list)
    """The worksheet part of each sheet, in the workbook's order, where it is known."""

    def marks_of(self, index: int) -> Marks:
        """The marked cells of the sheet at ``index`` (calamine's order of sheets)."""
        part = self.parts[index] if 0 <= index < len(self.parts) else None
        if part is None and len(self.marks) == 1:
            return next(iter(self.marks.values()))
        return self.marks.get(part or "", {})


@dataclass(slots=True)
class _Extent:
    rows: int = 0
    columns: int = 0
    marks: Marks = field(default_factory=dict)

    @property
    def cells(self) -> int:
        return self.rows * self.columns

    def grow(self, rows: int, columns: int) -> None:
        self.rows = max(self.rows, rows)
        self.columns = max(self.columns, columns)


def scan(data: bytes, path: str, max_bytes: int) -> Scan:
    """Reads the workbook ``data`` as XML: a reason to refuse it, or its marked cells."""
    where = Location(path)
    found = Scan()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            members = book.infolist()
            limit = max_bytes * EXPANSION
            if sum(m.file_size for m in members) > limit:
                found.problem = Problem("xlsx-too-large", where, {"limit": megabytes(limit)})
                return found
            for member in members:
                name = member.filename
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                extent = _sheet_extent(partial(_chunks, book, member))
                if extent.cells > MAX_CELLS:
                    found.problem = _too_many(extent, where)
                    return found
                found.marks[name] = extent.marks
            found.parts = _sheet_parts(book)
    except _BROKEN as err:
        reason = str(err) or type(err).__name__
        found.problem = Problem("xlsx-unreadable", where, {"reason": reason})
    return found


#: What a damaged archive raises: a bad header or CRC, an unsupported compression
#: method, an encrypted member, a member named but missing.
_BROKEN = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OSError,
    KeyError,
)


def _too_many(extent: _Extent, where: Location) -> Problem:
    params = {
        "cell": f"{column_name(extent.columns)}{extent.rows}",
        "millions": MAX_CELLS // 1_000_000,
    }
    return Problem("xlsx-too-many-cells", where, params)


def _chunks(book: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in pieces that never split a tag."""
    tail = b""
    with book.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            cut = data.rfind(b"<c ")
            if cut <= 0:
                cut = data.rfind(b"<")
            if cut <= 0:
                yield data
                tail = b""
            else:
                yield data[:cut]
                tail = data[cut:]
    if tail:
        yield tail


def _sheet_extent(read: Callable[[], Iterator[bytes]]) -> _Extent:
    """How far the sheet reaches, never less than calamine will make of it."""
    fast = _Extent(99_999, 26)
    for i, data in enumerate(read()):
        if i == 0 and b"<worksheet" not in data[:4096]:
            return _slow(read())  # a namespace prefix on the tags
        if not _all_referenced(data):
            return _slow(read())
        for col in set(_WIDE.findall(data)):
            fast.grow(0, column_number(col))
        for row in set(_TALL.findall(data)):
            fast.grow(int(row), 0)
        if b't="e"' in data:
            for col, row, value in _ERROR_CELL.findall(data):
                fast.marks[int(row), column_number(col)] = value.decode("utf-8", "replace")
        if b"<f" in data:
            for col, row in _NO_VALUE.findall(data):
                fast.marks[int(row), column_number(col)] = ""
    return fast if fast.cells <= MAX_CELLS else _slow(read())


def _all_referenced(data: bytes) -> bool:
    """Whether every row and cell tag starts with its own ``r`` reference."""
    cells = data.count(b"<c ") + data.count(b"<c>")
    rows = data.count(b"<row ") + data.count(b"<row>")
    return cells == data.count(b'<c r="') and rows == data.count(b'<row r="')


def _slow(chunks: Iterator[bytes]) -> _Extent:
    """Tag by tag, with calamine's positions for rows and cells without ``r``."""
    extent = _Extent()
    row, column = 0, 0
    for data in chunks:
        for match in _TAG.finditer(data):
            name, attrs, closed = match.groups()
            ref = _REF.search(attrs)
            if name == b"row":
                row = int(ref[2]) if ref is not None and ref[2] else row + 1
                column = 0
                continue
            if ref is not None and ref[1]:
                column = column_number(ref[1])
                if ref[2]:
                    row = max(row, int(ref[2]))
            else:
                column += 1
            if not closed:  # a self-closing cell holds no value, only a style
                extent.grow(max(row, 1), column)
    return extent


def _sheet_parts(book: zipfile.ZipFile) -> list[str | None]:
    """The worksheet part of each sheet in ``xl/workbook.xml``, through its relationships."""
    names = set(book.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return []
    targets: dict[bytes, str] = {}
    for attrs in _RELATION.findall(book.read("xl/_rels/workbook.xml.rels")):
        found = dict(_ATTR.findall(attrs))
        target = found.get(b"Target", b"").decode("utf-8", "replace")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[found.get(b"Id", b"")] = part
    parts: list[str | None] = []
    for attrs in _SHEET.findall(book.read("xl/workbook.xml")):
        ident = _SHEET_ID.search(attrs)
        parts.append(targets.get(ident[1]) if ident else None)
    return parts


def column_number(letters: bytes | str) -> int:
    """``A`` is 1, ``Z`` 26, ``AA`` 27, ``XFD`` 16384."""
    text = letters.decode("ascii") if isinstance(letters, bytes) else letters
    n = 0
    for ch in text:
        n = n * 26 + (ord(ch) - ord("A") + 1)
    return n


def column_name(number: int) -> str:
    """``1`` is ``A``, ``16384`` is ``XFD``."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters or "A"
