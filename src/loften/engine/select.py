"""Compile the filters of SPEC §2.1 into fast predicates over activities.

A filter is compiled once per rule, against the promise's vocabulary and the fields
present in the loaded logs. Values are typed by the field they test (a number for
``days``, a date for ``date``, an id for ``type`` …), vocabulary values resolve
through aliases, and a filter on a place also matches the places declared
``within`` it. Every mistake — an unknown field, an unknown type or party, ``all``
on a field that is not a list — is a :class:`BadValue` the engine locates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal, InvalidOperation
from operator import attrgetter
from typing import Any

from loften import values
from loften.activities.model import Activity
from loften.activities.picked import Picked
from loften.calendar import WEEKDAY_KEYS, is_holiday, parse_weekday
from loften.errors import BadValue, suggest
from loften.results import Msg
from loften.spec.filters import Cond, Filter

Getter = Callable[[Activity], Any]

# field -> (kind, getter). Kinds: text, id, list, num, date, time, bool, weekday.
_EVENING, _NIGHT_END = time(18, 0), time(6, 0)


def _evening(a: Activity) -> bool:
    return a.time is not None and a.time >= _EVENING


def _night(a: Activity) -> bool:
    return a.time is not None and a.time < _NIGHT_END


STANDARD: dict[str, tuple[str, Getter]] = {
    "date": ("date", attrgetter("date")),
    "end": ("date", attrgetter("end")),
    "time": ("time", attrgetter("time")),
    "end_time": ("time", attrgetter("end_time")),
    "days": ("num", attrgetter("days")),
    "hours": ("num", attrgetter("hours")),
    "participants": ("num", attrgetter("participants")),
    "quantity": ("num", attrgetter("quantity")),
    "type": ("type", attrgetter("type")),
    "party": ("party", attrgetter("parties")),
    "place": ("place", attrgetter("place")),
    "tags": ("list", attrgetter("tags")),
    "id": ("text", attrgetter("id")),
    "notes": ("text", attrgetter("notes")),
    "status": ("text", attrgetter("status")),
    "answers": ("text", attrgetter("answers")),
    "same_as": ("text", attrgetter("same_as")),
    "weekday": ("weekday", lambda a: a.date.weekday()),
    "month": ("num", lambda a: a.date.month),
    "holiday": ("bool", lambda a: is_holiday(a.date)),
    "evening": ("bool", _evening),
    "night": ("bool", _night),
    "weekend": ("bool", lambda a: a.date.weekday() >= 5),
}
LIST_KINDS = ("list", "party")


@dataclass(frozen=True)
class Vocab:
    """What filter values resolve through (normalised alias → id) and the known fields."""

    types: Mapping[str, str]
    parties: Mapping[str, str]
    places: Mapping[str, str] | None
    within: Mapping[str, str]
    """place id -> the place it lies within."""
    aliases: Mapping[str, str]
    """Other names of standard fields (Swedish headers, ``columns:`` targets) → field."""
    extra: frozenset[str]
    """Extra fields present in the loaded logs (normalised)."""


@dataclass(frozen=True)
class Test:
    field: str
    cond: Cond
    check: Callable[[Activity], bool]
    getter: Getter
    kind: str
    types: frozenset[str] | None = None
    """The type ids a positive ``type`` condition admits (none other can pass)."""


class Selector:
    """A compiled filter: call it on an activity; ask ``why_not`` for the reason.

    ``types`` is the set of activity types the filter can select at all, when it has a
    positive ``type`` condition (``None`` otherwise), so the engine can look only at
    activities of those types (:mod:`loften.engine.matches`).
    """

    def __init__(self, tests: tuple[Test, ...], label: Callable[[str], str]) -> None:
        self.tests = tests
        self._checks = tuple(t.check for t in tests)
        self._label = label
        self._test = _all(self._checks)
        types: frozenset[str] | None = None
        for t in tests:
            if t.types is not None:
                types = t.types if types is None else types & t.types
        self.types = types
        #: Whether every test is a positive ``type`` condition: then each activity of
        #: the admitted types passes, and none needs to be asked.
        self.types_only = bool(tests) and all(t.types is not None for t in tests)
        #: Whether it takes every activity (an empty filter).
        self.takes_all = not tests

    def __call__(self, activity: Activity) -> bool:
        return self._test(activity)

    def why_not(self, activity: Activity) -> Msg:
        for t in self.tests:
            if not t.check(activity):
                return _reason(t, activity, self._label(activity.type))
        return Msg(
            code="each-failed", params={"date": activity.date, "type": self._label(activity.type)}
        )


def _all(checks: tuple[Callable[[Activity], bool], ...]) -> Callable[[Activity], bool]:
    """One predicate for every check: called a million times, so no generator for one or two."""
    if not checks:
        return lambda a: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda a: first(a) and second(a)
    return lambda a: all(check(a) for check in checks)


def _reason(t: Test, a: Activity, label: str) -> Msg:
    actual = t.getter(a)
    base = {"date": a.date, "type": label, "field": t.field}
    if actual is None or actual == ():
        return Msg(code="each-missing", params=base)
    op = t.cond.op
    if op in ("at_least", "at_most") and t.kind == "num":
        unit = t.field if t.field in ("days", "hours", "participants") else "other"
        return Msg(
            code=f"each-{op.replace('_', '-')}",
            params={
                **base,
                "actual": Msg(code=f"amount-{unit}", params={"n": actual, "field": t.field}),
                "bound": Decimal(t.cond.values[0].replace(",", ".")),
            },
        )
    shown = ", ".join(actual) if isinstance(actual, tuple) else str(actual)
    return Msg(
        code="each-not-matching",
        params={**base, "actual": shown, "wanted": ", ".join(t.cond.values)},
    )


def compile_filter(flt: Filter, vocab: Vocab, label: Callable[[str], str]) -> Selector:
    """Compile ``flt``; raise :class:`BadValue` (with ``field`` in its params) on a mistake."""
    tests = []
    for name, cond in flt.items():
        field = _field(name, vocab)
        try:
            tests.append(_test(field, cond, vocab))
        except BadValue as err:
            err.params.setdefault("field", name)
            raise
    return Selector(tuple(tests), label)


def _field(name: str, vocab: Vocab) -> str:
    if not name or not name[0].isalpha():
        raise BadValue("filter-field-name", field=name)
    key = values.norm(name)
    if key in STANDARD:
        return key
    alias = vocab.aliases.get(key) or vocab.aliases.get(key.replace(" ", "_").replace("-", "_"))
    if alias is not None:
        return alias
    if key in vocab.extra:
        return "extra:" + key
    known = list(STANDARD) + list(vocab.aliases) + sorted(vocab.extra)
    raise BadValue("filter-unknown-field", field=name, hint=suggest(name, known) or "")


def _test(field: str, cond: Cond, vocab: Vocab) -> Test:
    getter: Getter
    if field.startswith("extra:"):
        key = field[6:]

        def extra_value(a: Activity) -> Any:
            return a.extra.get(key)

        kind, getter = "extra", extra_value
    else:
        kind, getter = STANDARD[field]
    check = _check(kind, cond, vocab, getter, field)
    types = (
        _wanted(kind, cond.values, vocab) if kind == "type" and cond.op in ("eq", "in") else None
    )
    return Test(field.removeprefix("extra:"), cond, check, getter, kind, types)


def _check(
    kind: str, cond: Cond, vocab: Vocab, getter: Getter, field: str
) -> Callable[[Activity], bool]:
    if cond.op == "not":
        assert cond.inner is not None
        inner = _check(kind, cond.inner, vocab, getter, field)
        return lambda a: not inner(a)
    if cond.op == "all" and kind not in LIST_KINDS:
        raise BadValue("filter-all-not-list", field=field)
    if cond.op in ("at_least", "at_most", "between"):
        return _compare(kind, cond, getter, field)
    wanted = _wanted(kind, cond.values, vocab)
    if kind in LIST_KINDS:
        want = frozenset(wanted)
        if cond.op == "all":
            return lambda a: (
                want <= {values.norm(x) for x in getter(a)}
                if kind == "list"
                else want <= set(getter(a))
            )
        if kind == "list":
            return lambda a: not want.isdisjoint(values.norm(x) for x in getter(a))
        return lambda a: not want.isdisjoint(getter(a))
    if kind == "place":
        within = vocab.within

        def in_place(a: Activity) -> bool:
            p = a.place
            seen = 0
            while p is not None and seen < 50:
                if (values.norm(p) if vocab.places is None else p) in wanted:
                    return True
                p = within.get(p)
                seen += 1
            return False

        return in_place
    if kind in ("text", "extra"):
        return lambda a: (v := getter(a)) is not None and values.norm(str(v)) in wanted
    if kind == "num":
        return lambda a: (v := getter(a)) is not None and Decimal(v) in wanted
    return lambda a: getter(a) in wanted


def _wanted(kind: str, raw: tuple[str, ...], vocab: Vocab) -> frozenset[Any]:
    out: set[Any] = set()
    for text in raw:
        key = values.norm(text)
        if kind == "type":
            out.add(_resolve(vocab.types, key, text, "filter-unknown-type"))
        elif kind == "party":
            out.add(_resolve(vocab.parties, key, text, "filter-unknown-party"))
        elif kind == "place" and vocab.places is not None:
            out.add(_resolve(vocab.places, key, text, "filter-unknown-place"))
        elif kind == "num":
            out.add(values.parse_decimal(text))
        elif kind == "date":
            out.add(values.parse_date(text))
        elif kind == "time":
            out.add(values.parse_time(text))
        elif kind == "bool":
            out.add(values.parse_bool(text))
        elif kind == "weekday":
            out.add(parse_weekday(text))
        else:
            out.add(key)
    return frozenset(out)


def _resolve(table: Mapping[str, str], key: str, text: str, code: str) -> str:
    if key in table:
        return table[key]
    raise BadValue(code, text=text, hint=suggest(text, sorted(set(table.values()))) or "")


def _compare(kind: str, cond: Cond, getter: Getter, field: str) -> Callable[[Activity], bool]:
    parse: Callable[[str], Any]
    if kind in ("num", "extra"):
        parse = values.parse_decimal
    elif kind == "date":
        parse = values.parse_date
    elif kind == "time":
        parse = values.parse_time
    else:
        raise BadValue("filter-not-comparable", field=field)
    bounds = [parse(v) for v in cond.values]
    lo = bounds[0] if cond.op in ("at_least", "between") else None
    hi = bounds[-1] if cond.op in ("at_most", "between") else None
    numeric = kind in ("num", "extra")

    def check(a: Activity) -> bool:
        v = getter(a)
        if v is None:
            return False
        if numeric and not isinstance(v, Decimal | int):
            try:
                v = Decimal(str(v).strip().replace(",", "."))
            except InvalidOperation:
                return False
        return (lo is None or v >= lo) and (hi is None or v <= hi)

    return check


_FIELD_KEYS: dict[str, str] = {}


def _field_key(name: str) -> str:
    """A rule's field name as compared (asked once per activity: remembered)."""
    key = _FIELD_KEYS.get(name)
    if key is None:
        key = _FIELD_KEYS[name] = values.norm(name)
    return key


def field_values(a: Activity, name: str) -> tuple[str, ...]:
    """The normalised values of a field, for ``distinct`` and ``coverage``."""
    key = _field_key(name)
    v = STANDARD[key][1](a) if key in STANDARD else a.extra.get(key)
    if v is None:
        return ()
    if isinstance(v, tuple):
        return tuple(values.norm(x) for x in v)
    if isinstance(v, date | time | int | Decimal | bool):
        return (str(v),)
    return (values.norm(str(v)),) if str(v).strip() else ()


def field_number(a: Activity, name: str) -> Decimal | None:
    """The numeric value of a field, for ``sum``: ``days``, ``hours``, ``participants``, extras."""
    key = _field_key(name)
    if key in STANDARD:
        v = STANDARD[key][1](a)
        return None if v is None else Decimal(v)
    raw = a.extra.get(key)
    if raw is None:
        return None
    try:
        return values.parse_decimal(raw)
    except BadValue:
        return None


def field_numbers(activities: Sequence[Activity], name: str) -> list[Decimal | None]:
    """:func:`field_number` of each activity, at once. A standard field is read out in C
    and converted only where it is not a ``Decimal`` already (``Decimal(d)`` is ``d``'s
    value, exponent and all); for a :class:`Picked` sequence it is read out of all the
    rules' activities once and gathered. A national ``sum`` adds up hundreds of thousands
    (issue 7). An extra field is read one activity at a time, only those given."""
    key = _field_key(name)
    if key not in STANDARD:
        return [field_number(a, name) for a in activities]
    get = STANDARD[key][1]
    if isinstance(activities, Picked):
        return activities.gather(("number", key), lambda every: _numbers(map(get, every)))
    return _numbers(map(get, activities))


def _numbers(read: Iterable[Any]) -> list[Decimal | None]:
    found = list(read)
    if set(map(type, found)) <= _DECIMAL_OR_NONE:
        return found
    return [None if v is None else Decimal(v) for v in found]


_DECIMAL_OR_NONE = {Decimal, type(None)}

__all__ = [
    "WEEKDAY_KEYS",
    "Selector",
    "Vocab",
    "compile_filter",
    "field_number",
    "field_numbers",
    "field_values",
]
