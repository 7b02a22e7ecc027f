"""The fast lane for spreadsheet rows (CSV and Excel), for logs of a million rows (issue 7).

A national log has a million rows but a few hundred different dates, a dozen
activity types and a few dozen ways of writing the parties. Here each different cell
is converted once per field — by the very functions :mod:`~loften.activities.entry`
uses — and remembered, and a row whose every value converts cleanly becomes its
:class:`~loften.activities.model.Activity` directly, without the general machinery
(a raw entry, its dictionaries, a reader object) per row.

Anything unusual sends the row the general way, :func:`~loften.activities.entry.make_entry`,
so its problems are found, worded and located exactly as before: a value that does
not convert, an unknown word, a place kept as text under ``open_places`` (a notice
per row), a cell beyond the headers or under a blank one, an error cell, a missing
required value, ``end`` and ``days`` that disagree. A sheet with an ``attests``
column (attestations) goes the general way entirely. What this lane builds for the
rows it takes is what the general way builds; ``tests/test_activities_fast.py``
compares the two on many random rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import filterfalse, repeat
from operator import itemgetter
from typing import Any, cast

from loften import values
from loften.activities.entry import (
    FileLog,
    Linked,
    _ceil,
    _nfc,
    as_text,
    clock_time,
    date_and_time,
    hours_of,
    list_texts,
    plain_date,
    positive_days,
)
from loften.activities.fields import FIELDS, Header, Value, cell_text
from loften.activities.model import NO_EXTRA, Activity, Vocabulary
from loften.errors import BadValue, Location, Problem
from loften.values import norm

_NO = object()
"""A cell this lane does not take: its row goes the general way."""
_EMPTY = object()
"""A cell that is empty once trimmed: the field is absent."""
_UNSEEN = object()

Convert = Callable[[Value], Any]


def lane(header: Header, log: FileLog) -> Rows | None:
    """The fast lane for rows under ``header``, or ``None`` when every row must go the
    general way (attestations, or a header with problems)."""
    if header.problems or "attests" in header.header_of:
        return None
    return Rows(header, log)


class Rows:
    """Turns the rows under one header into activities, or declines a row."""

    def __init__(self, header: Header, log: FileLog) -> None:
        self.header = header
        self.log = log
        self.path, self.sheet = header.path, header.sheet
        caches = log.names.cells
        converters = _converters(log.vocab)
        self.width = len(header.keys)
        #: Per column: (field, cache, convert), or None for a column that must stay empty.
        # (field, its converted values by cell, converter, extra-field name or None)
        self.columns: list[tuple[str, dict[object, object], Convert, str | None] | None] = []
        for key, title in zip(header.keys, header.titles, strict=True):
            if key is None:
                self.columns.append(None)
                continue
            f = FIELDS.get(key)
            if f is not None and f.activity:
                field, convert = key, converters[key]
            else:  # an extra field (§3.1), kept as text under its normalised name
                field, convert = "extra:" + (key if f is None else norm(title)), as_text
            extra_name = field[6:] if field.startswith("extra:") else None
            self.columns.append((field, caches.setdefault(field, {}), convert, extra_name))
        #: Whether an activity of these rows can be linked (has an id, same_as, answers).
        self.linking = bool({"id", "same_as", "answers"} & set(header.keys))
        #: ``_span`` of each (date, end, days) met, for the column-wise reading.
        self._spans: dict[
            tuple[date, date | None, Decimal | None], tuple[date, Decimal] | None
        ] = {}

    def take_all(
        self,
        batch: Sequence[tuple[int, Sequence[object] | Problem]],
        decline: Callable[[int, Sequence[object] | Problem], None],
    ) -> None:
        """Takes every row of ``batch`` it can and hands each other one to ``decline``,
        all in row order. Rows as wide as the header are read column by column: each
        column's cells looked up at once, each activity made in one call; a row of
        another width goes through :meth:`take`."""
        numbers, rows = zip(*batch, strict=True)
        if set(map(type, rows)) == _LIST and set(map(len, rows)) == {self.width}:
            regular: Sequence[int] = range(len(batch))  # the usual case: every row fits
        else:
            regular = [
                k
                for k, cells in enumerate(rows)
                if type(cells) is list and len(cells) == self.width
            ]
            numbers = tuple(numbers[k] for k in regular)
            rows = tuple(rows[k] for k in regular)
        columns = list(zip(*rows, strict=True))
        made = self._columns(columns, numbers) if regular else []
        log = self.log
        if len(made) == len(batch) and None not in made:  # every row taken: the usual case
            log.rows += len(made)
            log.entries.extend(cast(list[Activity], made))
            if self.linking:
                for (row, _), done in zip(batch, cast(list[Activity], made), strict=True):
                    self._link(row, done)
            return
        taken = dict(zip(regular, made, strict=True))
        for k, (row, cells) in enumerate(batch):
            activity = taken.get(k)
            if activity is not None:
                log.rows += 1
                log.entries.append(activity)
                self._link(row, activity)
            elif isinstance(cells, Problem) or k in taken or not self.take(row, cells):
                decline(row, cells)

    def take_columns(
        self,
        numbers: Sequence[int],
        columns: Sequence[Sequence[object]],
        decline: Callable[[int, Sequence[object] | Problem], None],
    ) -> None:
        """:meth:`take_all` for rows given column by column, each as wide as the header
        (a quote-free CSV whose lines all hold as many cells): no list made per row."""
        made = self._columns(columns, numbers)
        log = self.log
        if None not in made:  # every row taken: the usual case
            log.rows += len(made)
            log.entries.extend(cast(list[Activity], made))
            if self.linking:
                for row, done in zip(numbers, cast(list[Activity], made), strict=True):
                    self._link(row, done)
            return
        for k, (row, activity) in enumerate(zip(numbers, made, strict=True)):
            if activity is not None:
                log.rows += 1
                log.entries.append(activity)
                self._link(row, activity)
            else:
                decline(row, [col[k] for col in columns])

    def _link(self, row: int, activity: Activity) -> None:
        """Notes an activity with an id, ``same_as`` or ``answers`` for the links check."""
        if activity.id or activity.same_as or activity.answers:
            self.log.linked.append(Linked(activity, self.header.locator(row, activity.where)))

    def _columns(
        self, columns: Sequence[Sequence[object]], numbers: Sequence[int]
    ) -> list[Activity | None]:
        """The activities of rows as wide as the header, given column by column; ``None``
        for each row that must go the general way; what :meth:`take` would make of each."""
        n = len(numbers)
        excel = self.header.excel  # a CSV cell is always text
        bad: set[int] = set()
        found: dict[str, list[Any]] = {}
        extras: list[tuple[str, list[Any]]] = []
        for spec, col in zip(self.columns, columns, strict=True):
            if spec is None:  # a column under a blank header must stay empty
                bad.update(k for k, c in enumerate(col) if type(c) is not str or c.strip())
                continue
            field, cache, convert, extra_name = spec
            vals = _look_up(col, cache, convert, bad, field in _REQUIRED, not excel)
            if extra_name is None:
                found[field] = vals
            else:
                extras.append((extra_name, vals))
        if not all(f in found for f in _REQUIRED):
            return [None] * n
        if not bad:  # the usual case: every row taken
            return self._make(numbers, found, extras)
        good = list(filterfalse(bad.__contains__, range(n)))
        found = {f: list(map(vals.__getitem__, good)) for f, vals in found.items()}
        extras = [(name, list(map(vals.__getitem__, good))) for name, vals in extras]
        made = self._make(list(map(numbers.__getitem__, good)), found, extras)
        out: list[Activity | None] = [None] * n
        for k, activity in zip(good, made, strict=True):
            out[k] = activity
        return out

    def _make(
        self,
        numbers: Sequence[int],
        found: dict[str, list[Any]],
        extras: list[tuple[str, list[Any]]],
    ) -> list[Activity | None]:
        """Activities of rows whose every cell converted: what :func:`_build` makes."""
        # Per-row work is done in C (map, zip, set) and per distinct value in Python.
        starts = found["date"]
        days_of = list(map(_FIRST, starts))
        at = list(map(_SECOND, starts))
        late: set[int] = set()  # rows found wanting only now: a disagreement
        clocks = found.get("time")
        if clocks is not None:
            pairs = set(zip(at, clocks, strict=True))
            if any(a is not None and c is not None and c != a for a, c in pairs):
                late.update(
                    k
                    for k, (a, c) in enumerate(zip(at, clocks, strict=True))
                    if a is not None and c is not None and c != a
                )
            if None in clocks:
                at = [a if c is None else c for a, c in zip(at, clocks, strict=True)]
            else:
                at = clocks
        none = repeat(None)
        ends_in, lengths_in = found.get("end"), found.get("days")
        ends: Iterable[date | None]
        lengths: Iterable[Decimal | None]
        if ends_in is None and lengths_in is None:
            ends, lengths = days_of, repeat(_ONE_DAY)
        else:
            keys = list(zip(days_of, ends_in or none, lengths_in or none, strict=False))
            known = self._spans
            for key in set(keys).difference(known):  # each distinct span worked out once
                known[key] = _span(*key)
            spans: list[Any] = list(map(known.__getitem__, keys))
            if None in spans:
                late.update(k for k, sp in enumerate(spans) if sp is None)
                spans = [sp or (None, None) for sp in spans]
            ends = list(map(_FIRST, spans))
            lengths = list(map(_SECOND, spans))
        if extras:
            # One mapping per distinct combination of extra values, shared by its rows
            # (an activity's ``extra`` is never changed once made).
            names = [name for name, _ in extras]
            combos = list(zip(*(vals for _, vals in extras), strict=True))
            shared = {
                vs: {name: v for name, v in zip(names, vs, strict=True) if v is not None}
                or NO_EXTRA
                for vs in set(combos)
            }
            extra = list(map(shared.__getitem__, combos))
        path, sheet = self.path, self.sheet
        prefix = Location(path, sheet=sheet).ref + ":"  # ``path:N``, as Location.ref says
        get = found.get
        statuses = get("status")
        quantities = get("quantity")
        # tuple.__new__ over zipped columns: each activity and its location made in C.
        wheres = map(
            _new, repeat(Location), zip(repeat(path), none, none, numbers, none, repeat(sheet))
        )
        made: list[Activity | None] = list(
            map(
                _new,
                repeat(Activity),
                zip(
                    wheres,
                    map(prefix.__add__, map(str, numbers)),
                    days_of,
                    found["type"],
                    found["party"],
                    ends,
                    lengths,
                    at,
                    get("end_time") or none,
                    get("hours") or none,
                    get("place") or none,
                    [t or () for t in found["tags"]] if "tags" in found else repeat(()),
                    get("participants") or none,
                    get("id") or none,
                    get("notes") or none,
                    [x or "done" for x in statuses] if statuses else repeat("done"),
                    [1 if q is None else q for q in quantities] if quantities else repeat(1),
                    get("answers") or none,
                    get("same_as") or none,
                    extra if extras else repeat(NO_EXTRA),
                    strict=False,  # the repeats are endless; the lists are as long
                ),
            )
        )
        for k in late:
            made[k] = None
        return made

    def take(self, row: int, cells: Sequence[object]) -> bool:
        """Adds the activity of data row ``row`` to the log and says yes, or says no."""
        found: dict[str, Any] = {}
        extra: dict[str, str] | None = None
        if len(cells) > self.width and not _blank(cells[self.width :]):
            return False
        for column, cell in zip(self.columns, cells, strict=False):  # shorter rows: absent
            kind = type(cell)
            if kind is str:
                key: object = cell
            elif kind in _TYPED:
                key = (kind, cell)
            else:  # an error cell, a truth value, or anything unexpected
                return False
            if column is None:
                if kind is str and not cast(str, cell).strip():
                    continue
                return False
            field, cache, convert, extra_name = column
            value = cache.get(key, _UNSEEN)
            if value is _UNSEEN:
                value = cache[key] = _convert(convert, cast(Value | int | float, cell))
                _bound(cache)
            if value is _EMPTY:
                continue
            if value is _NO:
                return False
            if extra_name is None:
                found[field] = value
            elif extra is None:
                extra = {extra_name: cast(str, value)}
            else:
                extra[extra_name] = cast(str, value)
        activity = _build(Location(self.path, None, None, row, None, self.sheet), found, extra)
        if activity is None:
            return False
        self.log.rows += 1
        self.log.entries.append(activity)
        self._link(row, activity)
        return True


_STR = {str}
_LIST = {list}

_new = tuple.__new__
"""A named tuple made from its fields in order, without its Python ``__new__``."""

_FIRST, _SECOND = itemgetter(0), itemgetter(1)

_REQUIRED = ("date", "type", "party")
"""Fields a row cannot be taken without (the general way says what is missing)."""


def _look_up(
    col: Sequence[object],
    cache: dict[object, object],
    convert: Convert,
    bad: set[int],
    required: bool,
    str_only: bool,
) -> list[Any]:
    """A column's cells converted through ``cache``, each distinct cell once; ``None``
    where a cell is empty. A row whose cell does not convert (or is missing where
    ``required``) is marked in ``bad``. Markers are looked for among the few distinct
    cells, never compared along the column."""
    if str_only or set(map(type, col)) == _STR:
        keys: Sequence[object] = col
    else:  # a typed cell is keyed with its type; a kind the lane does not take is _NO
        keys = [c if type(c) is str else (type(c), c) for c in col]
    wanting: set[object] = set()
    local: dict[object, object] = {}  # this column's distinct cells, as they go in rows
    for key in set(keys):
        value = cache.get(key, _UNSEEN)
        if value is _UNSEEN:
            if type(key) is tuple and key[0] not in _TYPED:
                value = _NO  # an error cell, a truth value: the general way says
            else:
                raw = key[1] if type(key) is tuple else key
                value = _convert(convert, cast(Value | int | float, raw))
            cache[key] = value
        if value is _NO or (required and (value is _EMPTY or not value)):
            wanting.add(key)
        local[key] = None if value is _EMPTY else value
    if wanting:
        bad.update(k for k, key in enumerate(keys) if key in wanting)
    _bound(cache)
    return list(map(local.__getitem__, keys))


CACHE_LIMIT = 50_000
"""Cells remembered per field at most. A field of few values (dates, types, parties)
never reaches it; free text (notes, ids, extra columns) is mostly different on every
row, and remembering a million notes would only cost memory."""


def _bound(cache: dict[object, object]) -> None:
    """Forgets a field's remembered cells once there are too many of them."""
    if len(cache) > CACHE_LIMIT:
        cache.clear()


def _blank(cells: Sequence[object]) -> bool:
    """Whether cells beyond the headers are all empty text (else the general way says why)."""
    return all(type(c) is str and not cast(str, c).strip() for c in cells)


class Items:
    """The fast lane for entries read as field → value (YAML items): texts as written
    (not trimmed), lists of texts only for ``party`` and ``tags``."""

    def __init__(self, log: FileLog) -> None:
        self.converters = _converters(log.vocab)
        self.caches = log.names.cells

    def activity(
        self, values: dict[str, Value], names: dict[str, str], where: Location
    ) -> Activity | None:
        """The activity ``values`` describe, or ``None``: go the general way."""
        if "attests" in values:
            return None
        found: dict[str, Any] = {}
        extra: dict[str, str] = {}
        for key, value in values.items():
            f = FIELDS.get(key)
            if f is None or not f.activity:
                if type(value) is not str:
                    return None  # a list where one text belongs
                extra[key if f is None else norm(names.get(key, key))] = value
                continue
            if type(value) is not str and not (f.many and type(value) is tuple):
                return None
            cache = self.caches.get("item:" + key)
            if cache is None:
                cache = self.caches["item:" + key] = {}
            hit = cache.get(value, _UNSEEN)
            if hit is _UNSEEN:
                try:
                    hit = self.converters[key](value)
                except BadValue:
                    hit = _NO
                cache[value] = hit
                _bound(cache)
            if hit is _NO:
                return None
            found[key] = hit
        return _build(where, found, extra)


def _build(where: Location, found: dict[str, Any], extra: dict[str, str] | None) -> Activity | None:
    """The activity of converted values, as ``make_entry`` builds it when nothing is
    wrong; ``None`` when something is (a missing or disagreeing value)."""
    start = found.get("date")
    type_ = found.get("type")
    parties = found.get("party")
    if start is None or type_ is None or not parties:
        return None
    day, at = start
    clock = found.get("time")
    if clock is not None:
        if at is not None and clock != at:
            return None
        at = clock
    span = _span(day, found.get("end"), found.get("days"))
    if span is None:
        return None
    quantity = found.get("quantity")
    get = found.get
    return Activity(  # by position, in the order of its fields: a million times over
        where,
        where.ref,
        day,
        type_,
        parties,
        span[0],
        span[1],
        at,
        get("end_time"),
        get("hours"),
        get("place"),
        get("tags", ()),
        get("participants"),
        get("id"),
        get("notes"),
        get("status") or "done",
        quantity if quantity is not None else 1,
        get("answers"),
        get("same_as"),
        extra or NO_EXTRA,
    )


_TYPED = frozenset({date, datetime, time, timedelta, int, float})
"""Typed Excel cells (dates, date-times, times, durations, numbers) besides text;
each is remembered under its type too, so ``1`` and ``1.0`` and a date and a
date-time never share an entry. (A ``bool`` cell goes the general way.)"""

_NUMBERS = (int, float)


def _convert(convert: Convert, raw: Value | int | float) -> object:
    """A cell converted as the general way would (trimmed text first), or a marker."""
    # an Excel number: its exact text, as the general way reads it
    cell: Value = cell_text(raw) if isinstance(raw, _NUMBERS) else raw
    if isinstance(cell, str):
        cell = cell.strip()
        if not cell:
            return _EMPTY
    try:
        return convert(cell)
    except BadValue:
        return _NO


_ONE_DAY = Decimal(1)
_WHOLE_DAYS: dict[int, Decimal] = {}


def _whole_days(n: int) -> Decimal:
    """``Decimal(n)``, one object per length: a million one-day activities share one."""
    found = _WHOLE_DAYS.get(n)
    if found is None:
        found = _WHOLE_DAYS[n] = Decimal(n)
    return found


def _span(day: date, end: date | None, days: Decimal | None) -> tuple[date, Decimal] | None:
    """``end`` and ``days`` completed from each other, as ``make_entry`` does when
    nothing is wrong; ``None`` when something is (the general way says what)."""
    if end is not None:
        if end < day:
            return None
        length = (end - day).days + 1
        if days is not None and _ceil(days) != length:
            return None
        return end, days if days is not None else _whole_days(length)
    if days is None:
        return day, _ONE_DAY
    try:
        return day + timedelta(days=_ceil(days) - 1), days
    except OverflowError:
        return None


def _converters(vocab: Vocabulary | None) -> dict[str, Convert]:
    """Each activity field's conversion of one trimmed value; ``_NO`` or a
    :class:`BadValue` where ``make_entry`` would find a problem."""

    def word(known: Any) -> Convert:
        def resolve(value: Value) -> object:
            wanted = norm(as_text(value))
            if known is None:
                return wanted
            hit = known.get(wanted)
            return _NO if hit is None else hit

        return resolve

    def many(known: Any) -> Convert:
        def resolve(value: Value) -> object:
            out: list[str] = []
            for text in list_texts(value):
                wanted = norm(text)
                hit = wanted if known is None else known.get(wanted)
                if hit is None:
                    return _NO
                if hit not in out:
                    out.append(hit)
            return tuple(out)

        return resolve

    def place(value: Value) -> object:
        text = _nfc(as_text(value).strip())
        if vocab is None or vocab.places is None:
            return text
        hit = vocab.places.get(norm(text))
        return _NO if hit is None else hit  # kept as text, or unknown: the general way

    return {
        "date": date_and_time,
        "time": clock_time,
        "end_time": clock_time,
        "end": plain_date,
        "days": positive_days,
        "hours": hours_of,
        "type": word(vocab.types if vocab else None),
        "party": many(vocab.parties if vocab else None),
        "place": place,
        "tags": list_texts,
        "participants": lambda v: values.parse_int(as_text(v), minimum=0),
        "quantity": lambda v: values.parse_int(as_text(v), minimum=1),
        "status": lambda v: values.parse_status(as_text(v)),
        "id": as_text,
        "notes": as_text,
        "answers": as_text,
        "same_as": as_text,
    }


__all__ = ["Items", "Rows", "lane"]
