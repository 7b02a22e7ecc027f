"""YAML with a location on every node.

libyaml (through PyYAML's C parser) turns the text into events; this module builds
its own frozen tree from them, so that every node knows its 1-based line and column
and every scalar stays *text as written*: no YAML 1.1 implicit typing (§5.1), so
``code: 0114`` stays ``"0114"``, ``place: No`` stays ``"No"`` and ``time: 19:00``
stays ``"19:00"``. Fields convert the text later (:mod:`loften.values`).

Anchors and aliases work, but their expansion is bounded while the tree is built, so
a "billion laughs" file is refused at once. Merge keys (``<<``), duplicate keys,
non-scalar keys and second documents are errors. Every failure is a located
:class:`~loften.errors.LoftenError`; no other exception escapes for any input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from loften.errors import Location, LoftenError
from loften.messages.values import YAML_PROBLEMS
from loften.values import norm

#: Nodes that aliases may add to a document, counting each collection they copy in full.
MAX_ALIAS_NODES = 10_000
#: Deepest nesting of lists and mappings.
MAX_DEPTH = 100

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NULL_TAG = "tag:yaml.org,2002:null"
_QUOTED_STYLES = frozenset({"'", '"', "|", ">"})
#: The key of a log mapping that holds the list, in English or Swedish.
_LOG_KEYS = frozenset({"activities", "aktiviteter"})


@dataclass(frozen=True, slots=True)
class Scalar:
    """A scalar as written. ``value`` is ``None`` only for a plain null."""

    value: str | None
    line: int
    column: int
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class Seq:
    items: tuple[Node, ...]
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Map:
    items: tuple[tuple[Scalar, Node], ...]
    line: int
    column: int

    def get(self, key: str) -> Node | None:
        """The value under the key written exactly ``key``."""
        found = self.key(key)
        return None if found is None else found[1]

    def key(self, key: str) -> tuple[Scalar, Node] | None:
        """The ``(key, value)`` pair whose key is written exactly ``key``."""
        for pair in self.items:
            if pair[0].value == key:
                return pair
        return None


Node = Scalar | Seq | Map


# -- public API ----------------------------------------------------------------------


def load(data: str | bytes, path: str) -> Node | None:
    """The single document in ``data``; ``None`` when it is empty."""
    events = _Events(_decode(data, path), path)
    first = events.open_document()
    root = None
    if first is not None and not _is_empty(first):
        root = _Builder(path).build(first, events, depth=0)
    events.close_document()
    return root


def iter_items(data: str | bytes, path: str) -> Iterator[Node]:
    """The items of a log, one at a time, without building the whole document.

    A log is a list, or a mapping whose only key ``activities`` (Swedish
    ``aktiviteter``) holds the list.
    """
    events = _Events(_decode(data, path), path)
    first = events.open_document()
    builder = _Builder(path)
    if isinstance(first, yaml.SequenceStartEvent):
        yield from _stream_seq(events, builder, depth=1)
    elif isinstance(first, yaml.MappingStartEvent):
        yield from _stream_log_map(first, events, builder)
    else:
        where = _loc(path, first.start_mark) if first is not None else Location(path, 1, 1)
        raise LoftenError("yaml-not-a-list", where)
    events.close_document()


def decode(data: str | bytes, path: str) -> str:
    """The text of a YAML file, as :func:`load` and :func:`iter_items` read it: a BOM
    chooses UTF-8 or UTF-16; NUL bytes or text that is not UTF-8 are located errors."""
    return _decode(data, path)


def to_plain(node: Node | None) -> Any:
    """Plain Python data for validation: ``str | None | list | dict``."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Seq):
        return [to_plain(item) for item in node.items]
    return {key.value: to_plain(value) for key, value in node.items}


def node_at(root: Node, loc: tuple[str | int, ...]) -> Node:
    """The node a pydantic error ``loc`` points at, as deep as it resolves.

    Parts that do not resolve (pydantic's union and discriminator tags such as
    ``'count'`` or ``'list[str]'``) are skipped when a later part resolves; a missing
    key leaves the mapping that lacks it.
    """
    return _walk(root, loc)


def key_at(root: Node, loc: tuple[str | int, ...]) -> Scalar | None:
    """The key scalar named by the last part of ``loc`` (an unknown or bad key)."""
    parts = tuple(loc)
    if parts and parts[-1] == "[key]":
        parts = parts[:-1]
    if not parts or not isinstance(parts[-1], str):
        return None
    parent = _walk(root, parts[:-1])
    if not isinstance(parent, Map):
        return None
    pair = parent.key(parts[-1])
    return None if pair is None else pair[0]


# -- following a loc -----------------------------------------------------------------


def _step(node: Node, part: str | int) -> Node | None:
    if isinstance(node, Map) and isinstance(part, str):
        return node.get(part)
    if isinstance(node, Seq) and type(part) is int and 0 <= part < len(node.items):
        return node.items[part]
    return None


def _walk(root: Node, loc: tuple[str | int, ...]) -> Node:
    node, i = root, 0
    while i < len(loc):
        child = _step(node, loc[i])
        if child is not None:
            node, i = child, i + 1
            continue
        later = [k for k in range(i + 1, len(loc)) if _step(node, loc[k]) is not None]
        if not later:
            break
        i = later[0]
    return node


# -- text and events -----------------------------------------------------------------


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _decode(data: str | bytes, path: str) -> str:
    if isinstance(data, str):
        return data
    skip, encoding = 0, "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            skip, encoding = len(bom), name
            break
    body = data[skip:]
    if not skip and b"\x00" in body[:8192]:
        raise LoftenError("yaml-binary", Location(path, 1, 1))
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as err:
        prefix = body[: err.start].decode(encoding, errors="replace")
        raise _not_utf8(prefix, skip + err.start, path) from err


def _not_utf8(prefix: str, offset: int, path: str) -> LoftenError:
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return LoftenError("yaml-not-utf8", Location(path, line, column), offset=offset)


def _loc(path: str, mark: Any) -> Location:
    if mark is None:
        return Location(path, 1, 1)
    return Location(path, mark.line + 1, mark.column + 1)


def _syntax_error(err: yaml.MarkedYAMLError, text: str, path: str) -> LoftenError:
    mark = err.problem_mark
    problem = str(err.problem or err.context or "")
    index = getattr(mark, "index", -1)
    key = "tab" if 0 <= index < len(text) and text[index] == "\t" else problem
    sv, en = YAML_PROBLEMS.get(key, (problem, problem))
    return LoftenError("yaml-syntax", _loc(path, mark), problem=en, problem_sv=sv)


def _reader_error(err: yaml.YAMLError, text: str, path: str) -> LoftenError:
    """libyaml's reader errors give a byte offset into the UTF-8 text."""
    problem = str(getattr(err, "reason", "") or err)
    offset = int(getattr(err, "position", 0) or 0)
    prefix = text.encode("utf-8", errors="surrogatepass")[:offset]
    before = prefix.decode("utf-8", errors="replace")
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    sv, en = YAML_PROBLEMS.get(problem, (problem, problem))
    return LoftenError("yaml-syntax", Location(path, line, column), problem=en, problem_sv=sv)


class _Events:
    """libyaml's events for one text, with parser errors turned into LoftenErrors."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self._iter = self._generate(text, path)
        self.pull: Callable[[], yaml.Event] = self._iter.__next__

    @staticmethod
    def _generate(text: str, path: str) -> Iterator[yaml.Event]:
        try:
            parser = yaml.CSafeLoader(text)
        except UnicodeEncodeError as err:  # lone surrogates in a str
            prefix = text[: err.start]
            raise _not_utf8(prefix, len(prefix.encode("utf-8", "replace")), path) from err
        try:
            while (event := parser.get_event()) is not None:
                yield event
        except yaml.MarkedYAMLError as err:
            raise _syntax_error(err, text, path) from err
        except yaml.YAMLError as err:
            raise _reader_error(err, text, path) from err
        finally:
            parser.dispose()

    def open_document(self) -> yaml.Event | None:
        """Skip to the first event of the document's content; ``None`` if none."""
        self.pull()  # StreamStartEvent
        event = self.pull()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        return self.pull()  # the event after DocumentStartEvent

    def close_document(self) -> None:
        """Read to the end of the stream; a second document is an error."""
        for event in self._iter:
            if isinstance(event, yaml.DocumentStartEvent):
                raise LoftenError("yaml-multiple-documents", _loc(self.path, event.start_mark))


def _is_empty(event: yaml.Event) -> bool:
    return (
        isinstance(event, yaml.ScalarEvent)
        and event.value == ""
        and not event.style
        and event.tag is None
        and event.anchor is None
    )


# -- building nodes ------------------------------------------------------------------


@dataclass(slots=True)
class _Frame:
    """A list or mapping being built."""

    is_map: bool
    line: int
    column: int
    anchor: str | None
    items: list[Any] = field(default_factory=list)
    size: int = 1
    height: int = 0
    key: Scalar | None = None
    has_key: bool = False
    seen: dict[str | None, int] = field(default_factory=dict)

    def finish(self) -> tuple[Node, int, int]:
        node: Node
        if self.is_map:
            node = Map(tuple(self.items), self.line, self.column)
        else:
            node = Seq(tuple(self.items), self.line, self.column)
        return node, self.size, self.height + 1


class _Builder:
    """Builds nodes from events. Anchors and the alias budget span the document."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.anchors: dict[str, tuple[Node, int, int]] = {}
        self.expanded = 0

    def build(self, event: yaml.Event, events: _Events, depth: int) -> Node:
        """The whole node that starts with ``event``; ``depth`` collections enclose it."""
        stack: list[_Frame] = []
        while True:
            done = self._consume(event, stack, depth)
            if done is not None:
                if not stack:
                    return done[0]
                self._add(stack[-1], done)
            event = events.pull()

    def _consume(
        self, event: yaml.Event, stack: list[_Frame], depth: int
    ) -> tuple[Node, int, int] | None:
        if isinstance(event, yaml.ScalarEvent):
            return self._register(event.anchor, (_scalar(event), 1, 0))
        if isinstance(event, yaml.AliasEvent):
            return self._alias(event, stack, depth)
        if isinstance(event, yaml.CollectionStartEvent):
            self._open(event, stack, depth)
            return None
        frame = stack.pop()  # the end of a list or mapping
        return self._register(frame.anchor, frame.finish())

    def _open(self, event: yaml.CollectionStartEvent, stack: list[_Frame], depth: int) -> None:
        where = _loc(self.path, event.start_mark)
        if _expects_key(stack):
            raise LoftenError("yaml-complex-key", where)
        if depth + len(stack) + 1 > MAX_DEPTH:
            raise LoftenError("yaml-too-deep", where, limit=MAX_DEPTH)
        is_map = isinstance(event, yaml.MappingStartEvent)
        stack.append(_Frame(is_map, where.line or 1, where.column or 1, event.anchor))

    def _register(self, anchor: str | None, done: tuple[Node, int, int]) -> tuple[Node, int, int]:
        if anchor is not None:
            self.anchors[anchor] = done
        return done

    def _alias(
        self, event: yaml.AliasEvent, stack: list[_Frame], depth: int
    ) -> tuple[Node, int, int]:
        where = _loc(self.path, event.start_mark)
        known = self.anchors.get(event.anchor or "")
        if known is None:
            raise LoftenError("yaml-unknown-alias", where, anchor=event.anchor)
        node, size, height = known
        if isinstance(node, Scalar):  # one node, as if written here: no expansion
            return Scalar(node.value, where.line or 1, where.column or 1, node.quoted), 1, 0
        if _expects_key(stack):
            raise LoftenError("yaml-complex-key", where)
        self.expanded += size
        if self.expanded > MAX_ALIAS_NODES:
            raise LoftenError("yaml-alias-bomb", where, limit=MAX_ALIAS_NODES)
        if depth + len(stack) + height > MAX_DEPTH:
            raise LoftenError("yaml-too-deep", where, limit=MAX_DEPTH)
        return known

    def _add(self, frame: _Frame, done: tuple[Node, int, int]) -> None:
        node, size, height = done
        frame.size += size
        if height > frame.height:
            frame.height = height
        if not frame.is_map:
            frame.items.append(node)
        elif frame.has_key:
            frame.items.append((frame.key, node))
            frame.key, frame.has_key = None, False
        else:
            frame.key, frame.has_key = self.check_key(node, frame.seen, exact=True), True

    def check_key(self, node: Node, seen: dict[str | None, int], *, exact: bool) -> Scalar:
        """``node`` as a mapping key: a scalar, not ``<<``, not seen before."""
        where = Location(self.path, node.line, node.column)
        if not isinstance(node, Scalar):
            raise LoftenError("yaml-complex-key", where)
        if node.value == "<<" and not node.quoted:
            raise LoftenError("yaml-merge-key", where)
        text = node.value if exact or node.value is None else norm(node.value)
        if text in seen:
            raise LoftenError("yaml-duplicate-key", where, key=node.value, first_line=seen[text])
        seen[text] = node.line
        return node


def _expects_key(stack: list[_Frame]) -> bool:
    return bool(stack) and stack[-1].is_map and not stack[-1].has_key


def _scalar(event: yaml.ScalarEvent) -> Scalar:
    mark = event.start_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    quoted = event.style in _QUOTED_STYLES
    if not quoted and event.tag in (None, _NULL_TAG) and event.value in _NULLS:
        return Scalar(None, line, column, quoted=False)
    return Scalar(event.value, line, column, quoted)


# -- streaming a log -----------------------------------------------------------------


def _stream_seq(events: _Events, builder: _Builder, depth: int) -> Iterator[Node]:
    while not isinstance(event := events.pull(), yaml.SequenceEndEvent):
        yield builder.build(event, events, depth)


def _stream_log_map(
    start: yaml.MappingStartEvent, events: _Events, builder: _Builder
) -> Iterator[Node]:
    """The items under ``activities:`` (or ``aktiviteter:``), the only key a log may hold."""
    seen: dict[str | None, int] = {}
    while not isinstance(event := events.pull(), yaml.MappingEndEvent):
        key = builder.check_key(builder.build(event, events, 1), seen, exact=False)
        where = Location(builder.path, key.line, key.column)
        if key.value is None or norm(key.value) not in _LOG_KEYS:
            raise LoftenError("yaml-top-level-key", where, key=key.value or "")
        value = events.pull()
        if not isinstance(value, yaml.SequenceStartEvent):
            raise LoftenError("yaml-not-a-list", _loc(builder.path, value.start_mark))
        yield from _stream_seq(events, builder, depth=2)
    if not seen:
        raise LoftenError("yaml-not-a-list", _loc(builder.path, start.start_mark))
