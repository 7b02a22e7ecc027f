"""YAML logs (SPEC §3.1, §5.1): a list of entries, or a mapping whose ``activities`` holds it.

Items are read one at a time (:func:`loften.yamlnodes.iter_items`), so a large log
never sits in memory as a tree. Every scalar arrives as text as written; the fields
convert it (:mod:`loften.activities.entry`). Each value is located at its own
``line:column``, a missing field at its item.
"""

from __future__ import annotations

from loften.activities import sniff
from loften.activities.entry import FileLog, Linked
from loften.activities.fast import Items
from loften.activities.fields import BY_NAME, FIELDS, RawEntry, Value, key_norm
from loften.errors import Location, LoftenError, Problem
from loften.yamlnodes import Map, Node, Scalar, iter_items

#: Problems that refuse the whole file: nothing read from it before them counts.
REFUSALS = frozenset({"yaml-alias-bomb", "yaml-too-deep"})

_EXPECTED = {"expected": "a YAML log", "expected_sv": "en YAML-logg"}


def read_yaml(data: bytes, log: FileLog) -> None:
    """Reads a YAML log into ``log``; a broken file stops at its first syntax error."""
    kind = sniff.kind_of(data)
    if kind is not None:
        code = "log-is-workbook" if kind == "xlsx" else "log-wrong-kind"
        log.problem(Problem(code, Location(log.path), {**sniff.names(kind), **_EXPECTED}))
        return
    fast = Items(log)
    seen: set[tuple[str, str]] = set()
    try:
        for node in iter_items(data, log.path):
            _item(node, log, fast, seen)
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


def _at(log: FileLog, node: Node) -> Location:
    return Location(log.path, line=node.line, column=node.column)


def _item(node: Node, log: FileLog, fast: Items, seen: set[tuple[str, str]]) -> None:
    """One item: its entry, or its problems. ``seen`` holds the keys this file has
    already named, as written, so each is registered as a field once."""
    where = _at(log, node)
    if not isinstance(node, Map):
        log.reject([Problem("entry-not-mapping", where)])
        return
    values: dict[str, Value] = {}
    names: dict[str, str] = {}
    places: dict[str, Node] = {}
    problems: list[Problem] = []
    for key, value in node.items:
        name = (key.value or "").strip()
        if not name[:1].isalpha():
            problems.append(Problem("field-name-invalid", _at(log, key), {"name": name}))
            continue
        field = log.names.key(name)
        if field in names:
            params = {"first": names[field], "second": name, "field": field}
            params["field_sv"] = FIELDS[field].sv if field in FIELDS else field
            problems.append(Problem("field-twice", _at(log, key), params))
            continue
        names[field] = name
        places[field] = value
        if (field, name) not in seen:  # registering it again would change nothing
            seen.add((field, name))
            log.extra(field, name, _at(log, key))
        read = _value(value, name, field, log, problems)
        if read is not None:
            values[field] = read

    def locate(field: str) -> Location:
        place = places.get(field)
        return where if place is None else _at(log, place)

    if not problems:
        activity = fast.activity(values, names, where)
        if activity is not None:
            log.rows += 1
            log.entries.append(activity)
            if activity.id or activity.same_as or activity.answers:
                log.linked.append(Linked(activity, locate))
            return
    log.add(RawEntry(where, values, names, locate), problems)


def _value(
    node: Node, name: str, field: str, log: FileLog, problems: list[Problem]
) -> Value | None:
    """A scalar's text, or a list of texts; ``None`` when empty or not readable."""
    if isinstance(node, Scalar):
        text = node.value
        return text if text is not None and text.strip() else None
    if isinstance(node, Map):
        problems.append(Problem("field-not-scalar", _at(log, node), {"name": name, "field": field}))
        return None
    texts: list[str] = []
    for item in node.items:
        if not isinstance(item, Scalar):
            problems.append(
                Problem("field-list-item", _at(log, item), {"name": name, "field": field})
            )
        elif item.value is not None and item.value.strip():
            texts.append(item.value)
    return tuple(texts) if texts else None
