"""The fields of a log entry (SPEC §3.1, §3.2), and how headers and keys name them.

:data:`FIELDS` is the one table: each field's English name, its Swedish name for
messages, and every other header or key that means it. Headers and keys match after
trimming, NFC and case-folding, with spaces and hyphens read as ``_`` (``End time``,
``samma som``). The promise's ``columns:`` maps any other header to a field; a header
that names no field is an *extra* field, keyed by its normalised name.

:class:`Header` is the mapping of one CSV or Excel header row, computed once per file;
it turns each data row into a :class:`RawEntry`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from loften.activities.model import Vocabulary
from loften.errors import Location, Problem, suggest
from loften.values import norm

Value = str | date | time | timedelta | tuple[str, ...]
"""A raw value: text as written, a list of texts (YAML), or a typed Excel cell."""


class CellError(str):
    """An Excel cell holding an error (``#DIV/0!``), or ``""`` for a formula saved
    without its value: a problem at its row and column, never an empty cell."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    sv: str
    aliases: tuple[str, ...] = ()
    activity: bool = True
    attestation: bool = False
    many: bool = False
    """Takes a list (YAML) or ``a|b`` (every format)."""


FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("date", "datum", ("datum",), attestation=True),
        Field("time", "tid", ("tid", "starttid", "start_time")),
        Field("end_time", "sluttid", ("sluttid",)),
        Field("end", "slutdatum", ("slutdatum", "end_date")),
        Field("days", "dagar", ("dagar", "antal_dagar")),
        Field("hours", "timmar", ("timmar", "antal_timmar")),
        Field("type", "typ", ("typ", "aktivitet", "aktivitetstyp")),
        Field("party", "part", ("part", "parter", "parties"), many=True),
        Field("place", "plats", ("plats",)),
        Field("tags", "taggar", ("taggar", "tagg", "tag", "målgrupp"), many=True),
        Field("participants", "deltagare", ("deltagare", "antal_deltagare")),
        Field("id", "id"),
        Field("notes", "anteckning", ("anteckning", "anteckningar", "kommentar", "note")),
        Field("status", "status", attestation=True),
        Field("quantity", "antal", ("antal",)),
        Field("answers", "svarar", ("svarar", "svarar_på")),
        Field("same_as", "samma_som", ("samma_som",)),
        Field("attests", "intygar", ("intygar",), activity=False, attestation=True),
        Field("by", "av", ("av", "intygas_av"), activity=False, attestation=True),
        Field("evidence", "underlag", ("underlag",), activity=False, attestation=True),
        Field("bucket", "period", ("period",), activity=False, attestation=True),
    )
}

REQUIRED_ACTIVITY = ("date", "type", "party")
REQUIRED_ATTESTATION = ("attests", "status", "date", "by", "evidence")

_SPACES = re.compile(r"[\s\-]+")


def key_norm(name: str) -> str:
    """A header or key as compared with the field table."""
    return _SPACES.sub("_", norm(name))


BY_NAME: dict[str, str] = {}
for _f in FIELDS.values():
    for _n in (_f.name, *_f.aliases):
        BY_NAME[key_norm(_n)] = _f.name


def known_names() -> list[str]:
    """Every name a header or key may use for a field, for suggestions."""
    return sorted(BY_NAME)


def field_params(name: str) -> dict[str, str]:
    """Message parameters naming a field in both languages."""
    f = FIELDS.get(name)
    return {"field": name, "field_sv": f.sv if f else name}


class Names:
    """Resolves headers and keys to fields for one vocabulary, with a cache."""

    def __init__(self, vocab: Vocabulary | None) -> None:
        self._columns: Mapping[str, str] = vocab.columns if vocab else {}
        self._cache: dict[str, str] = {}
        #: Cell values already converted, by field, shared by every file of one load
        #: (:mod:`loften.activities.fast`).
        self.cells: dict[str, dict[object, object]] = {}

    def key(self, name: str) -> str:
        """The field ``name`` stands for, or else its extra-field key."""
        hit = self._cache.get(name)
        if hit is None:
            hit = self._resolve(name)
            self._cache[name] = hit
        return hit

    def _resolve(self, name: str) -> str:
        target = self._columns.get(norm(name))
        if target is not None:
            return BY_NAME.get(key_norm(target), norm(target))
        return BY_NAME.get(key_norm(name), norm(name))


@dataclass(slots=True)
class RawEntry:
    """One YAML item or spreadsheet row, before its values are converted.

    ``values`` maps a field name (or an extra field's key) to its non-empty value;
    ``names`` gives the key or header as written; ``locate`` places one field.
    """

    where: Location
    values: dict[str, Value]
    names: dict[str, str]
    locate: Callable[[str], Location]


@dataclass(slots=True)
class Header:
    """The header row of a CSV file or sheet, mapped to fields once per file."""

    path: str
    row: int
    sheet: str | None
    keys: list[str | None]
    titles: list[str]
    header_of: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    excel: bool = False
    _blank_reported: set[int] = field(default_factory=set)

    @classmethod
    def of(
        cls,
        cells: Sequence[str],
        row: int,
        names: Names,
        *,
        path: str,
        sheet: str | None = None,
        excel: bool = False,
    ) -> Header:
        titles = [c.strip() for c in cells]
        while titles and not titles[-1]:
            titles.pop()
        head = cls(path, row, sheet, [], titles, excel=excel)
        first: dict[str, str] = {}
        for title in titles:
            if not title:
                head.keys.append(None)
                continue
            key = names.key(title)
            if key in first:
                head.problems.append(
                    Problem(
                        "field-twice",
                        head.at(row, title),
                        {"first": first[key], "second": title, **field_params(key)},
                    )
                )
                head.keys.append(None)
                continue
            first[key] = title
            head.keys.append(key)
            head.header_of[key] = title
        has = set(first)
        required = REQUIRED_ACTIVITY if "attests" not in has else ("date",)
        for name in required:
            if name not in has:
                params = {**field_params(name), "headers": ", ".join(t for t in titles if t)}
                near = suggest(name, [t for t in titles if t and names.key(t) not in FIELDS])
                if near is None:
                    head.problems.append(Problem("column-missing", head.at(row, None), params))
                else:
                    params["name"] = near
                    # Located at the header that is probably the misspelt one.
                    problem = Problem("column-missing-typo", head.at(row, near), params)
                    head.problems.append(problem)
        return head

    def at(self, row: int, title: str | None) -> Location:
        return Location(self.path, row=row, header=title, sheet=self.sheet)

    def entry(self, row: int, cells: Sequence[Value]) -> RawEntry | list[Problem] | None:
        """The raw entry of data row ``row``; ``None`` for an empty row."""
        values: dict[str, Value] = {}
        names: dict[str, str] = {}
        problems: list[Problem] = []
        width = len(self.keys)
        for i, cell in enumerate(cells):
            if isinstance(cell, CellError) and i < width and self.keys[i] is not None:
                problems.append(_cell_error(cell, self.at(row, self.titles[i])))
                continue
            if isinstance(cell, str):
                cell = cell.strip()
                if not cell:
                    continue
            if i >= width:
                problems.append(self._outside(row, cells, i))
                break
            key = self.keys[i]
            if key is None:
                if not self.titles[i] and i not in self._blank_reported:
                    # A problem of the header, located there: the row itself is read.
                    self._blank_reported.add(i)
                    self.problems.append(
                        Problem("column-blank-header", self.at(self.row, None), {"column": i + 1})
                    )
                continue
            values[key] = cell
            names[key] = self.titles[i]
        if problems:
            return problems
        if not values:
            return None if not any(_filled(c) for c in cells) else values_missing(self, row)
        where = Location(self.path, row=row, sheet=self.sheet)
        return RawEntry(where, values, names, self.locator(row, where))

    def locator(self, row: int, where: Location) -> Callable[[str], Location]:
        """Places a field of data row ``row``: at its column, else at the row (``where``)."""
        header_of, path, sheet = self.header_of, self.path, self.sheet

        def locate(key: str) -> Location:
            title = header_of.get(key)
            return where if title is None else Location(path, row=row, header=title, sheet=sheet)

        return locate

    def _outside(self, row: int, cells: Sequence[Value], i: int) -> Problem:
        """A value right of the last header: in CSV, usually an unquoted delimiter."""
        value = _shown(cells[i])
        if self.excel:
            params: dict[str, object] = {"column": i + 1, "value": value}
            return Problem("row-value-outside-header", self.at(row, None), params)
        params = {"cells": _last_filled(cells), "headers": len(self.keys), "value": value}
        return Problem("row-too-many-cells", self.at(row, None), params)


def _cell_error(cell: CellError, where: Location) -> Problem:
    if cell:
        return Problem("xlsx-error-cell", where, {"value": str(cell)})
    return Problem("xlsx-formula-no-value", where)


def _shown(cell: Value, limit: int = 40) -> str:
    text = cell if isinstance(cell, str) else cell_text(cell)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def values_missing(head: Header, row: int) -> RawEntry:
    """A row whose only values stand under blank headers: an entry with no values."""
    where = Location(head.path, row=row, sheet=head.sheet)
    return RawEntry(where, {}, {}, lambda _key: where)


def _filled(cell: Value) -> bool:
    return not isinstance(cell, str) or bool(cell.strip())


def _last_filled(cells: Sequence[Value]) -> int:
    n = len(cells)
    while n and not _filled(cells[n - 1]):
        n -= 1
    return n


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: numbers exactly as stored, dates as ISO."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)
