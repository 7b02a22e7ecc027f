"""YAML logs (SPEC §3.1, §5.1): a list of entries, or a mapping whose ``activities`` holds it.

Items are read one at a time, so a large log never sits in memory as a tree: by
:class:`~loften.activities.yaml_fast.Scan` while the log keeps to the plain subset
logs are written in, and by libyaml (:func:`loften.yamlnodes.iter_items`) from the
first item it does not read exactly as libyaml would. Both give an item as its keys
and values with their places (:data:`~loften.activities.yaml_fast.Item`). Every
scalar arrives as text as written; the fields convert it
(:mod:`loften.activities.entry`). Each value is located at its own ``line:column``,
a missing field at its item.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from loften.activities import sniff
from loften.activities.entry import FileLog, Linked
from loften.activities.fast import Items
from loften.activities.fields import BY_NAME, FIELDS, RawEntry, Value, key_norm
from loften.activities.yaml_fast import NESTED, Element, Item, Pair, Scan, Val
from loften.errors import Location, LoftenError, Problem
from loften.yamlnodes import Map, Node, Scalar, decode, iter_items

#: Problems that refuse the whole file: nothing read from it before them counts.
REFUSALS = frozenset({"yaml-alias-bomb", "yaml-too-deep"})

_EXPECTED = {"expected": "a YAML log", "expected_sv": "en YAML-logg"}


def read_yaml(data: bytes, log: FileLog, *, scan: bool = True) -> None:
    """Reads a YAML log into ``log``; a broken file stops at its first syntax error.

    ``scan=False`` reads it with libyaml alone (the tests compare the two)."""
    kind = sniff.kind_of(data)
    if kind is not None:
        code = "log-is-workbook" if kind == "xlsx" else "log-wrong-kind"
        log.problem(Problem(code, Location(log.path), {**sniff.names(kind), **_EXPECTED}))
        return
    reader = _Reader(log)
    try:
        text = decode(data, log.path)
        rest = text
        if scan:
            scanner = Scan(text)
            for item in scanner.items():
                reader.item(item)
            if scanner.resume is None:
                return
            rest = scanner.rest()
        for node in iter_items(rest, log.path):
            reader.item(_item_of(node))
    except LoftenError as err:
        problem = err.problem
        if problem.code in REFUSALS:
            log.refuse(problem)
            return
        if problem.code == "yaml-top-level-key" and _is_field(problem.params.get("key")):
            problem = Problem("yaml-entry-without-dash", problem.where)
        for p in (problem, *err.problems[1:]):
            log.problem(p)


def _is_field(key: object) -> bool:
    """Whether a top-level key names a field: one entry written without its ``- ``."""
    return isinstance(key, str) and key_norm(key) in BY_NAME


# -- libyaml's nodes as items --------------------------------------------------------


def _item_of(node: Node) -> Item:
    if not isinstance(node, Map):
        return node.line, node.column, None
    return node.line, node.column, tuple(_pair(key, value) for key, value in node.items)


def _pair(key: Scalar, node: Node) -> Pair:
    value: Val
    if isinstance(node, Scalar):
        value = node.value
    elif isinstance(node, Map):
        value = NESTED
    else:
        value = tuple(_element(item) for item in node.items)
    return key.value, key.line, key.column, value, node.line, node.column


def _element(node: Node) -> Element:
    return node.value if isinstance(node, Scalar) else (node.line, node.column)


# -- an item as an entry -------------------------------------------------------------


class _Reader:
    """Turns items into entries. Remembers, per key as written, the field it names,
    and registers each key with the log once (:meth:`FileLog.extra`)."""

    def __init__(self, log: FileLog) -> None:
        self.log = log
        self.path = log.path
        self.fast = Items(log)
        #: key as written -> (field, name), or None for a name that is no field name
        self.fields: dict[str | None, tuple[str, str] | None] = {}
        self.registered: set[tuple[str, str]] = set()
        #: keys as written whose (field, name) is registered
        self.registered_keys: set[str | None] = set()

    def _field(self, key: str | None) -> tuple[str, str] | None:
        name = (key or "").strip()
        found = (self.log.names.key(name), name) if name[:1].isalpha() else None
        self.fields[key] = found
        return found

    def _register(self, key: str | None, field: str, name: str, where: Location) -> None:
        """Tells the log of a key's first use; registering again would change nothing."""
        self.registered_keys.add(key)
        if (field, name) not in self.registered:
            self.registered.add((field, name))
            self.log.extra(field, name, where)

    def item(self, item: Item) -> None:
        """One item: its entry, or its problems."""
        line, column, pairs = item
        log, path = self.log, self.path
        where = Location(path, line, column)
        if pairs is None:
            log.reject([Problem("entry-not-mapping", where)])
            return
        values: dict[str, Value] = {}
        names: dict[str, str] = {}
        problems: list[Problem] = []
        fields, registered = self.fields, self.registered_keys
        for key, kline, kcol, value, vline, vcol in pairs:
            known = fields.get(key, _UNKNOWN)
            if known is _UNKNOWN:
                known = self._field(key)
            if known is None:
                name = (key or "").strip()
                at = Location(path, kline, kcol)
                problems.append(Problem("field-name-invalid", at, {"name": name}))
                continue
            field, name = known
            if field in names:
                params = {"first": names[field], "second": name, "field": field}
                params["field_sv"] = FIELDS[field].sv if field in FIELDS else field
                problems.append(Problem("field-twice", Location(path, kline, kcol), params))
                continue
            names[field] = name
            if key not in registered:
                self._register(key, field, name, Location(path, kline, kcol))
            if type(value) is str:
                if value.strip():
                    values[field] = value
            elif value is not None:
                read = self._value(value, vline, vcol, name, field, problems)
                if read is not None:
                    values[field] = read

        if not problems:
            activity = self.fast.activity(values, names, where)
            if activity is not None:
                log.rows += 1
                log.entries.append(activity)
                if activity.id or activity.same_as or activity.answers:
                    log.linked.append(Linked(activity, self._locator(pairs, where)))
                return
        log.add(RawEntry(where, values, names, self._locator(pairs, where)), problems)

    def _value(
        self, value: Val, line: int, column: int, name: str, field: str, problems: list[Problem]
    ) -> Value | None:
        """A list of texts; ``None`` when empty or not readable."""
        if value is NESTED:
            where = Location(self.path, line, column)
            problems.append(Problem("field-not-scalar", where, {"name": name, "field": field}))
            return None
        texts: list[str] = []
        for element in value or ():
            if type(element) is tuple:
                where = Location(self.path, *element)
                problems.append(Problem("field-list-item", where, {"name": name, "field": field}))
            elif element is not None and element.strip():  # type: ignore[union-attr]
                texts.append(element)  # type: ignore[arg-type]
        return tuple(texts) if texts else None

    def _locator(self, pairs: tuple[Pair, ...], where: Location) -> Callable[[str], Location]:
        """Where each field of the item stands: its value, or the item when it has none."""
        fields, path = self.fields, self.path

        def places() -> Iterator[tuple[str, Location]]:
            for key, _kline, _kcol, _value, vline, vcol in pairs:
                known = fields.get(key)
                if known is not None:
                    yield known[0], Location(path, vline, vcol)

        def locate(field: str) -> Location:
            for name, place in places():
                if name == field:
                    return place
            return where

        return locate


_UNKNOWN = ("", "")
