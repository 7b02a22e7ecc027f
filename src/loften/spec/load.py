"""Read a promise file: YAML with locations → :class:`Promise`, every error located.

Pydantic validates the plain data; each of its errors is mapped back through the
located YAML tree to ``path:line:col`` and to a catalog code, with the nearest
known key suggested for a typo. Cross-references that pydantic cannot see
(parties of a commitment, the rule an exception names, ``within`` of a place,
aliases) are checked here too, and every problem is reported, not just the first.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from loften import values, yamlnodes
from loften.errors import BadValue, Location, LoftenError, Problem, suggest
from loften.files import shown
from loften.spec.model import Promise
from loften.yamlnodes import Map, Node, Scalar, Seq

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class LoadedPromise:
    """A valid promise with the means to locate any of its nodes."""

    promise: Promise
    path: Path
    display: str
    root: Node

    def where(self, loc: Loc, *, key: bool = False) -> Location:
        node = _follow(self.root, loc, key=key)
        return Location(self.display, node.line, node.column)


def load_promise(path: Path, cwd: Path) -> LoadedPromise:
    """Load and check one promise file; raise :class:`LoftenError` with every problem."""
    display = shown(path, cwd)
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise LoftenError("file-not-found", Location(display)) from err
    except OSError as err:
        raise LoftenError("file-unreadable", Location(display), reason=err.strerror or "") from err
    if not data.strip():
        raise LoftenError("promise-empty", Location(display))
    root = yamlnodes.load(data, display)
    if not isinstance(root, Map):
        where = Location(display, getattr(root, "line", 1), getattr(root, "column", 1))
        raise LoftenError("promise-not-mapping", where)
    try:
        promise = Promise.model_validate(yamlnodes.to_plain(root))
    except ValidationError as err:
        raise LoftenError.of(sorted(_problems(err, root, display), key=Problem.sort_key)) from err
    loaded = LoadedPromise(promise, path, display, root)
    problems = sorted(_references(loaded), key=Problem.sort_key)
    if problems:
        raise LoftenError.of(problems)
    return loaded


# --- pydantic errors → located problems -------------------------------------------------


def _problems(err: ValidationError, root: Map, display: str) -> Iterator[Problem]:
    seen: set[tuple[Any, ...]] = set()
    errors = err.errors(include_url=False)
    locs = [tuple(e["loc"]) for e in errors]
    for e in errors:
        loc: Loc = tuple(e["loc"])
        if any(len(other) > len(loc) and other[: len(loc)] == loc for other in locs):
            continue  # a deeper error says it more precisely
        kind = e["type"]
        ctx = e.get("ctx") or {}
        if kind == "extra_forbidden":
            key = str(loc[-1])
            node = _follow(root, loc, key=True)
            known = _known_keys(root, loc[:-1])
            problem = Problem(
                "unknown-key", _at(display, node), {"key": key, "hint": _hint(key, known)}
            )
        elif kind == "missing":
            node = _follow(root, loc[:-1])
            problem = Problem("missing-key", _at(display, node), {"key": str(loc[-1])})
        elif kind == "union_tag_invalid":
            from loften.rules import KINDS

            tag = str(ctx.get("tag", ""))
            node = _follow(root, (*loc, "kind"))
            problem = Problem(
                "unknown-kind", _at(display, node), {"kind": tag, "hint": _hint(tag, KINDS)}
            )
        elif kind == "union_tag_not_found":
            problem = Problem("missing-key", _at(display, _follow(root, loc)), {"key": "kind"})
        elif kind == "value_error" and isinstance(ctx.get("error"), BadValue):
            bad: BadValue = ctx["error"]
            problem = bad.at(_at(display, _follow(root, loc)))
        else:
            problem = Problem(
                _generic_code(kind), _at(display, _follow(root, loc)), _generic_params(e)
            )
        ident = (problem.code, problem.where)
        if ident not in seen:
            seen.add(ident)
            yield problem


def _generic_code(kind: str) -> str:
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "expected-mapping"
    if kind in ("list_type", "tuple_type"):
        return "expected-list"
    if kind in ("string_type",):
        return "expected-text"
    if kind == "too_short":
        return "expected-nonempty"
    if kind == "literal_error":
        return "invalid-choice"
    return "invalid-value"


def _generic_params(e: Any) -> dict[str, Any]:
    ctx = e.get("ctx") or {}
    inp = e.get("input")
    return {
        "text": inp if isinstance(inp, str) else "",
        "expected": str(ctx.get("expected", "")).replace("'", ""),
        "detail": e.get("msg", ""),
    }


def _hint(word: str, known: Any) -> str:
    best = suggest(word, known) if known else None
    return best or ""


def _at(display: str, node: Node | None) -> Location:
    if node is None:
        return Location(display)
    return Location(display, node.line, node.column)


def _follow(root: Node, loc: Loc, *, key: bool = False) -> Node:
    """The deepest YAML node along a pydantic ``loc``; with ``key``, the last key itself."""
    node: Node = root
    for i, el in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, Map) and isinstance(el, str):
            for k, v in node.items:
                if k.value is not None and k.value.strip() == el:
                    if last and key:
                        return k
                    node = v
                    break
            # not a key here: a union tag or a model name in the loc; skip it
        elif isinstance(node, Seq) and isinstance(el, int):
            if 0 <= el < len(node.items):
                node = node.items[el]
            else:
                return node
    return node


def _known_keys(root: Node, loc: Loc) -> list[str]:
    """The keys the model at ``loc`` accepts, for 'did you mean' hints."""
    tp: Any = Promise
    node: Node | None = root
    for el in loc:
        tp = _unwrap(tp)
        if isinstance(el, int):
            args = typing.get_args(tp)
            tp = args[0] if args else Any
            node = node.items[el] if isinstance(node, Seq) and el < len(node.items) else None
            continue
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = _field(tp, el)
            if field is None:
                continue
            tp = field
            node = node.get(el) if isinstance(node, Map) else None
        elif typing.get_origin(tp) is dict:
            tp = typing.get_args(tp)[1]
            node = node.get(el) if isinstance(node, Map) else None
        else:
            members = [m for m in _members(tp) if isinstance(m, type) and issubclass(m, BaseModel)]
            chosen = [m for m in members if _kind_of(m) == el]
            if chosen:
                tp = chosen[0]
    tp = _unwrap(tp)
    if isinstance(node, Map) and not (isinstance(tp, type) and issubclass(tp, BaseModel)):
        kind = node.get("kind")
        if isinstance(kind, Scalar) and kind.value:
            from loften.rules import KINDS

            tp = KINDS.get(kind.value.strip(), tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [f.alias or name for name, f in tp.model_fields.items()]
    return []


def _field(model: type[BaseModel], key: str) -> Any:
    for name, f in model.model_fields.items():
        if key in (name, f.alias):
            return f.annotation
    return None


def _kind_of(model: type[BaseModel]) -> str | None:
    f = model.model_fields.get("kind")
    args = typing.get_args(f.annotation) if f else ()
    return str(args[0]) if args else None


def _members(tp: Any) -> tuple[Any, ...]:
    return typing.get_args(_unwrap(tp)) or (tp,)


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) == 1:
                tp = args[0]
            else:
                return tp
        elif origin in (tuple, list) and typing.get_args(tp):
            return tp
        else:
            return tp


# --- cross-references ----------------------------------------------------------------------


def _references(lp: LoadedPromise) -> Iterator[Problem]:
    p = lp.promise
    yield from _aliases(lp, "parties", p.parties)
    yield from _aliases(lp, "activity_types", p.activity_types)
    if p.places is not None:
        yield from _aliases(lp, "places", p.places)
        for pid, place in p.places.items():
            if place.within is not None and place.within not in p.places:
                yield Problem(
                    "unknown-place",
                    lp.where(("places", _key(lp, "places", pid), "within")),
                    {"text": place.within, "hint": _hint(place.within, p.places)},
                )
    for ci, c in enumerate(p.commitments):
        for pi, party in enumerate(c.party):
            if party not in p.parties:
                loc: Loc = (
                    ("commitments", ci, "party", pi)
                    if _is_list(lp, ci)
                    else ("commitments", ci, "party")
                )
                yield Problem(
                    "unknown-party", lp.where(loc), {"text": party, "hint": _hint(party, p.parties)}
                )
    rules = {f"{c.id}/{r.id}" for c in p.commitments for r in c.rules}
    single = {c.id: f"{c.id}/{c.rules[0].id}" for c in p.commitments if len(c.rules) == 1}
    for ei, e in enumerate(p.exceptions):
        name = e.rule.strip()
        if name not in rules and name not in single:
            yield Problem(
                "exception-unknown-rule",
                lp.where(("exceptions", ei, "rule")),
                {"text": name, "hint": _hint(name, rules)},
            )


def _is_list(lp: LoadedPromise, ci: int) -> bool:
    node = _follow(lp.root, ("commitments", ci, "party"))
    return isinstance(node, Seq)


def _key(lp: LoadedPromise, section: str, ident: str) -> str:
    node = lp.root.get(section) if isinstance(lp.root, Map) else None
    if isinstance(node, Map):
        for k, _ in node.items:
            if k.value is not None and values.norm(k.value) == ident:
                return k.value.strip()
    return ident


def _aliases(lp: LoadedPromise, section: str, table: dict[str, Any]) -> Iterator[Problem]:
    owner: dict[str, str] = {}
    for ident in table:
        owner[ident] = ident
    for ident, entry in table.items():
        for ai, alias in enumerate(entry.aliases):
            key = values.norm(alias)
            other = owner.get(key)
            if other is not None and other != ident:
                yield Problem(
                    "alias-ambiguous",
                    lp.where((section, _key(lp, section, ident), "aliases", ai)),
                    {"alias": alias, "first": other, "second": ident},
                )
            owner[key] = ident


def vocabulary_maps(p: Promise) -> tuple[dict[str, str], dict[str, str], dict[str, str] | None]:
    """Normalised id/alias → id for types, parties and places."""

    def table(entries: dict[str, Any]) -> dict[str, str]:
        out: dict[str, str] = {}
        for ident, entry in entries.items():
            out[ident] = ident
            for alias in entry.aliases:
                out.setdefault(values.norm(alias), ident)
        return out

    return (
        table(p.activity_types),
        table(p.parties),
        table(p.places) if p.places is not None else None,
    )
