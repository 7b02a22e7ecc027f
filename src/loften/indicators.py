"""Indicator data (SPEC §3.3): outcome figures from outside the logs.

A survey share, an index, a count of reported crimes: one :class:`Point` per CSV row
or YAML list item, with ``metric``, ``year`` (or ``date``) and ``value``, and
optionally ``area``, ``unit`` (``%``, ``index``, ``scale 1-10``, ``count``),
``source`` (Polisens trygghetsmätning, NTU …) and ``n`` (respondents). Headers and
keys match after trimming and case-folding, in English or Swedish (``mått`` or
``indikator``, ``år``, ``datum``, ``värde``, ``område``, ``enhet``, ``källa``,
``antal_svarande``); a ``kommentar`` column is allowed and not read. Any other
header or key is an error naming the nearest known one, so a typo never silently
drops a figure.

Values are exact decimals: ``70%``, ``70``, ``3,5``; a value written with ``%``
gives the point the unit ``%``. Two points with the same metric, area and year (or
date) are an error at the second, naming the first. Problems are collected, never
raised, each located (``path:line:col`` or ``path:row N, column 'Header'``).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from loften import values, yamlnodes
from loften.activities.csv_log import detect_delimiter
from loften.errors import BadValue, Location, LoftenError, Problem, suggest
from loften.files import readable_files
from loften.values import norm


@dataclass(frozen=True, slots=True)
class Point:
    """One data point: a metric's value for a year (or on a date), in an area."""

    where: Location
    metric: str
    value: Decimal
    year: int | None
    date: dt.date | None
    area: str | None = None
    unit: str | None = None
    source: str | None = None
    n: int | None = None

    @property
    def day(self) -> dt.date:
        """The day the point exists from: its date, or 1 January of its year (§5.9)."""
        if self.date is not None:
            return self.date
        assert self.year is not None
        return dt.date(self.year, 1, 1)

    @property
    def label(self) -> str:
        """``2021`` or ``2021-05-03``: how reports name the point."""
        return self.date.isoformat() if self.date is not None else str(self.year)

    @property
    def ref(self) -> str:
        return self.where.ref

    @property
    def percent(self) -> bool:
        return self.unit == "%"


@dataclass(frozen=True, slots=True)
class _Field:
    sv: str
    names: tuple[str, ...]


FIELDS: dict[str, _Field] = {
    "metric": _Field("mått", ("metric", "mått", "indikator", "indicator")),
    "year": _Field("år", ("year", "år")),
    "date": _Field("datum", ("date", "datum")),
    "value": _Field("värde", ("value", "värde")),
    "area": _Field("område", ("area", "område")),
    "unit": _Field("enhet", ("unit", "enhet")),
    "source": _Field("källa", ("source", "källa")),
    "n": _Field("antal svarande", ("n", "antal_svarande", "svarande", "respondents")),
}
_COMMENTS = ("kommentar", "comment", "anteckning", "note", "notes")
_SPACES = re.compile(r"[\s\-]+")


def _key(name: str) -> str:
    return _SPACES.sub("_", norm(name))


_BY_NAME: dict[str, str] = {_key(n): f for f, spec in FIELDS.items() for n in spec.names}
_BY_NAME.update({_key(n): "" for n in _COMMENTS})
_PERCENT_UNITS = frozenset({"%", "procent", "percent"})
_READERS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".yaml": "yaml", ".yml": "yaml"}
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def _field_params(name: str) -> dict[str, str]:
    return {"field": name, "field_sv": FIELDS[name].sv}


def load_indicators(
    paths: Sequence[tuple[Path, str, Location | None]],
) -> tuple[tuple[Point, ...], list[Problem]]:
    """Every data point in the files (or folders) listed, and every problem found.

    Each entry is ``(path, display, where)``: the file to read, how locations name
    it, and where the promise lists it (for a path that does not exist).
    """
    book = _Book()
    for path, display, where in paths:
        if not path.exists():
            book.problems.append(Problem("indicator-path-missing", where, {"path": display}))
        elif path.is_dir():
            for file, shown in _folder(path, display):
                book.read(file, shown)
        elif path.suffix.lower() not in _READERS:
            book.problems.append(Problem("indicator-file-type", where, {"path": display}))
        else:
            book.read(path, display)
    return tuple(book.points), book.problems


def _folder(root: Path, display: str) -> Iterator[tuple[Path, str]]:
    for path in readable_files(root, _READERS):
        yield path, f"{display.rstrip('/')}/{path.relative_to(root).as_posix()}"


Locate = Callable[[str], Location]


@dataclass
class _Book:
    """The points read so far, for the duplicate check across files."""

    points: list[Point] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seen: dict[tuple[str, str, str], Point] = field(default_factory=dict)

    def read(self, path: Path, display: str) -> None:
        try:
            data = path.read_bytes()
        except OSError as err:
            reason = err.strerror or ""
            self.problems.append(Problem("file-unreadable", Location(display), {"reason": reason}))
            return
        if not data.strip():
            self.problems.append(Problem("indicator-file-empty", Location(display)))
        elif _READERS[path.suffix.lower()] == "yaml":
            self._yaml(data, display)
        else:
            self._csv(data, display)

    # -- YAML ----------------------------------------------------------------------

    def _yaml(self, data: bytes, display: str) -> None:
        try:
            root = yamlnodes.load(data, display)
        except LoftenError as err:
            self.problems.extend(err.problems)
            return
        if not isinstance(root, yamlnodes.Seq):
            line, column = (root.line, root.column) if root is not None else (1, 1)
            self.problems.append(Problem("indicator-not-a-list", Location(display, line, column)))
            return
        for item in root.items:
            where = Location(display, item.line, item.column)
            if not isinstance(item, yamlnodes.Map):
                self.problems.append(Problem("indicator-not-mapping", where))
                continue
            self._yaml_item(item, where)

    def _yaml_item(self, item: yamlnodes.Map, where: Location) -> None:
        cells: dict[str, str] = {}
        places: dict[str, Location] = {}
        names: dict[str, str] = {}
        bad = False
        for key, node in item.items:
            name = (key.value or "").strip()
            at = Location(where.path, node.line, node.column)
            field_name = self._field_of(name, Location(where.path, key.line, key.column), names)
            if not field_name:
                bad = bad or field_name is None
                continue
            if not isinstance(node, yamlnodes.Scalar):
                self.problems.append(Problem("indicator-not-scalar", at, {"name": name}))
                bad = True
                continue
            if node.value is not None and node.value.strip():
                cells[field_name] = node.value
            places[field_name] = at
        if not bad:
            self._add(cells, where, lambda f: places.get(f, where))

    # -- CSV -----------------------------------------------------------------------

    def _csv(self, data: bytes, display: str) -> None:
        text = self._decode(data, display)
        if text is None:
            return
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        default = "\t" if display.lower().endswith(".tsv") else ","
        reader = csv.reader(
            io.StringIO(text, newline=""), delimiter=detect_delimiter(text, default), strict=True
        )
        header: list[tuple[str, str]] | None = None
        row = 0
        try:
            for cells in reader:
                row += 1
                if not any(c.strip() for c in cells):
                    continue
                if header is None:
                    header = self._header(cells, row, display)
                    if header is None:
                        return
                    continue
                self._row(header, cells, row, display)
        except csv.Error as err:
            where = Location(display, row=row + 1)
            self.problems.append(Problem("csv-syntax", where, {"reason": str(err)}))
            return
        if header is None:
            self.problems.append(Problem("table-no-header", Location(display)))

    def _decode(self, data: bytes, display: str) -> str | None:
        where = Location(display)
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            try:
                return data.decode("utf-16")
            except UnicodeDecodeError:
                self.problems.append(Problem("csv-bad-utf16", where))
                return None
        if data.startswith(_WORKBOOKS):
            self.problems.append(Problem("csv-workbook", where))
            return None
        if b"\x00" in data:
            self.problems.append(Problem("csv-binary", where))
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.problems.append(Problem("csv-cp1252", where, severity="warning"))
            return data.decode("cp1252", errors="replace")

    def _header(self, cells: list[str], row: int, display: str) -> list[tuple[str, str]] | None:
        """``(field, header)`` per column (field ``""`` for a column not read), or None."""
        names: dict[str, str] = {}
        out: list[tuple[str, str]] = []
        ok = True
        for cell in cells:
            title = cell.strip()
            field_name = self._field_of(title, Location(display, row=row, header=title), names)
            ok = ok and field_name is not None
            out.append((field_name or "", title))
        have = {f for f, _ in out}
        headers = ", ".join(t for _, t in out if t)
        for needed in ("metric", "value"):
            if needed not in have:
                params = {**_field_params(needed), "headers": headers}
                self.problems.append(
                    Problem("indicator-column-missing", Location(display, row=row), params)
                )
                ok = False
        if "year" not in have and "date" not in have:
            params = {"field": "year or date", "field_sv": "år eller datum", "headers": headers}
            self.problems.append(
                Problem("indicator-column-missing", Location(display, row=row), params)
            )
            ok = False
        return out if ok else None

    def _row(self, header: list[tuple[str, str]], cells: list[str], row: int, display: str) -> None:
        got: dict[str, str] = {}
        titles: dict[str, str] = {}
        for (field_name, title), cell in zip(header, cells, strict=False):
            titles[field_name] = title
            if field_name and cell.strip():
                got[field_name] = cell
        where = Location(display, row=row)
        self._add(got, where, lambda f: where.with_header(titles[f]) if f in titles else where)

    # -- both ----------------------------------------------------------------------

    def _field_of(self, name: str, where: Location, names: dict[str, str]) -> str | None:
        """The field a header or key names; ``""`` for a comment, None after a problem."""
        if not name:
            return ""
        hit = _BY_NAME.get(_key(name))
        if hit is None:
            known = ", ".join(spec.names[0] for spec in FIELDS.values())
            hint = suggest(_key(name), _BY_NAME) or ""
            self.problems.append(
                Problem(
                    "indicator-field-unknown", where, {"name": name, "hint": hint, "known": known}
                )
            )
            return None
        if hit and hit in names:
            params = {"first": names[hit], "second": name, **_field_params(hit)}
            self.problems.append(Problem("indicator-field-twice", where, params))
            return None
        if hit:
            names[hit] = name
        return hit

    def _add(self, cells: Mapping[str, str], where: Location, locate: Locate) -> None:
        point = _Point(cells, where, locate).read()
        if isinstance(point, list):
            self.problems.extend(point)
            return
        key = (norm(point.metric), norm(point.area or ""), point.label)
        first = self.seen.get(key)
        if first is not None:
            params = {"metric": point.metric, "area": point.area or "", "when": point.label}
            code = "indicator-duplicate-area" if point.area else "indicator-duplicate"
            self.problems.append(Problem(code, where, {**params, "first": first.ref}))
            return
        self.seen[key] = point
        self.points.append(point)


class _Point:
    """Converts the cells of one row or item, collecting every problem."""

    def __init__(self, cells: Mapping[str, str], where: Location, locate: Locate) -> None:
        self.cells, self.where, self.locate = cells, where, locate
        self.problems: list[Problem] = []

    def convert(self, name: str, parse: Callable[[str], object]) -> object:
        text = self.cells.get(name)
        if text is None:
            return None
        try:
            return parse(text)
        except BadValue as err:
            self.problems.append(err.at(self.locate(name), **_field_params(name)))
            return None

    def text(self, name: str) -> str | None:
        text = self.cells.get(name)
        return unicodedata.normalize("NFC", " ".join(text.split())) if text is not None else None

    def read(self) -> Point | list[Problem]:
        metric, area, source = self.text("metric"), self.text("area"), self.text("source")
        unit = self.text("unit")
        if unit is not None and norm(unit) in _PERCENT_UNITS:
            unit = "%"
        amount = self.convert("value", values.parse_percent_or_number)
        year = self.convert("year", _year)
        day = self.convert("date", values.parse_date)
        n = self.convert("n", lambda s: values.parse_int(s, minimum=0))
        for name, have in (("metric", metric), ("value", self.cells.get("value"))):
            if have is None:
                self.problems.append(
                    Problem("indicator-field-missing", self.where, _field_params(name))
                )
        if "year" not in self.cells and "date" not in self.cells:
            self.problems.append(Problem("indicator-when-missing", self.where))
        if isinstance(year, int) and isinstance(day, dt.date) and day.year != year:
            params = {"year": year, "date": day}
            self.problems.append(
                Problem("indicator-year-date-disagree", self.locate("date"), params)
            )
        value: Decimal | None = None
        if isinstance(amount, tuple):
            value, written_percent = amount
            if written_percent and unit not in (None, "%"):
                params = {"text": self.cells["value"].strip(), "unit": unit}
                self.problems.append(
                    Problem("indicator-percent-unit", self.locate("value"), params)
                )
            elif written_percent:
                unit = "%"
        if self.problems or metric is None or value is None or (year is None and day is None):
            return self.problems
        return Point(
            where=self.where,
            metric=metric,
            value=value,
            year=year if isinstance(year, int) else None,
            date=day if isinstance(day, dt.date) else None,
            area=area,
            unit=unit,
            source=source,
            n=n if isinstance(n, int) else None,
        )


def _year(text: str) -> int:
    s = text.strip()
    if not (len(s) == 4 and s.isdigit() and values.MIN_YEAR <= int(s) <= values.MAX_YEAR):
        raise BadValue("expected-year", text=s)
    return int(s)


def metrics(points: Iterable[Point]) -> dict[str, str]:
    """Normalised metric -> the metric as first written, for messages and suggestions."""
    out: dict[str, str] = {}
    for p in points:
        out.setdefault(norm(p.metric), p.metric)
    return out


__all__ = ["FIELDS", "Point", "load_indicators", "metrics"]
