"""A fast reader for the plain subset of YAML that logs are written in (issue 7).

libyaml hands every event of a large log to Python as an object, and that, not the
parsing, is where a YAML log's time goes. Most logs use a small part of YAML: a list
of ``- key: value`` items (at the top, or under ``activities:``), each a flat mapping
of plain or simply quoted scalars, flow lists ``[a, b]``, block lists of scalars,
block notes (``>-``, ``|``), comments and blank lines. :class:`Scan` reads that
subset line by line and gives each item in the form :mod:`loften.activities.yaml_log`
reads: the text of every key and value, and where each stands, exactly as libyaml
would give them.

Anything it does not read *exactly* as libyaml would — anchors, aliases, tags, flow
mappings, multi-line plain or quoted scalars, escapes, tabs, document markers, odd
indentation, duplicate keys, a character libyaml refuses — stops it at the start of
the item it is reading. Only items followed by the start of another item (or by the
end of the file) are given out, so :meth:`Scan.rest` can hand libyaml the file from
that item on, with every item already read commented out: lines, columns and
offsets unchanged, so every later item, problem and error is libyaml's own.
``tests/test_yaml_fast.py`` compares the two readers on random logs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: Marks a value that is a mapping (only libyaml's reader gives one).
NESTED = ("mapping",)

Element = str | None | tuple[int, int]
"""A list element: its text (``None`` for a null), or the place of a non-scalar."""
Val = str | None | tuple[Element, ...]
"""A value: its text as written, ``None`` for a null, a list, or :data:`NESTED`."""
Pair = tuple[str | None, int, int, Val, int, int]
"""``(key, line, column, value, line, column)``, 1-based."""
Item = tuple[int, int, tuple[Pair, ...] | None]
"""``(line, column, pairs)``; ``pairs`` is ``None`` for an item that is not a mapping."""

_NULLS = frozenset({"~", "null", "Null", "NULL"})
#: Characters a plain scalar cannot start with here (YAML indicators, and space).
_NOT_PLAIN = frozenset("-?:,[]{}#&*!|>'\"%@` ") | {""}
#: Keys of a log mapping that holds the list, as libyaml would read them plainly.
_LOG_KEYS = frozenset({"activities", "aktiviteter"})
#: Block scalar headers read here: literal or folded, clipped or stripped.
#: Last characters that make a value more than a plain scalar alone on its line.
_PLAIN_END = frozenset(" :")
_BLOCK = frozenset({"|", "|-", ">", ">-"})
#: libyaml refuses a simple key longer than this.
_MAX_KEY = 1000
_CHUNK = 1 << 20
_BREAK_OR_SPACE = ("", " ")

#: Characters outside the subset anywhere in a file: tabs, carriage returns, libyaml's
#: other line breaks (NEL, U+2028, U+2029), a byte-order mark and what libyaml refuses.
#: Compiled when first needed (5 ms: every ``validate`` of a CSV repository would pay it).
_ODD = "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
#: The Latin-1 bytes allowed (a text that encodes as Latin-1 is checked as bytes).
_LATIN1_OK = bytes([10, *range(0x20, 0x7F), *range(0xA0, 0x100)])
_HIDE = re.compile("^[ -]", re.MULTILINE)


class _Unsupported(Exception):
    """Text outside the subset: libyaml reads the file from the current item on."""


def first_odd(text: str) -> int:
    """The offset of the first character the subset does not read, or -1."""
    try:
        latin = text.encode("latin-1")
    except UnicodeEncodeError:
        pass
    else:
        if not latin.translate(None, _LATIN1_OK):
            return -1
    found = re.search(_ODD, text)  # (the re module keeps it compiled after the first)
    return -1 if found is None else found.start()


class Scan:
    """The items of one log's text, read while they stay within the subset.

    Iterate :meth:`items`; afterwards :attr:`resume` is ``None`` when the whole file
    was read, else the 0-based line at which :meth:`rest` takes over.
    """

    def __init__(self, text: str) -> None:
        self.source = text
        if "\r" in text and text.count("\r") == text.count("\r\n"):
            text = text.replace("\r\n", "\n")  # libyaml reads CR LF as LF, columns unmoved
        self.text = text
        self.resume: int | None = None
        #: The first line of the first item, once known.
        self.first: int | None = None
        self._start = 0

    def items(self) -> Iterator[Item]:
        """Each item, once the line after it shows that it is complete."""
        try:
            yield from self._items()
        except _Unsupported:
            self.resume = self._start if self.first is not None else 0

    def rest(self) -> str:
        """The text for libyaml: the items already read commented out, nothing moved."""
        text, first, resume = self.source, self.first, self.resume
        if first is None or resume is None or resume <= first:
            return text
        start = _offset(text, first)
        end = _offset(text, resume, start, first)
        return text[:start] + _HIDE.sub("#", text[start:end]) + text[end:]

    # -- the scanner -----------------------------------------------------------------

    def _lines(self) -> Iterator[list[str]]:
        """The text's lines, a chunk at a time (a list of every line would cost more
        memory than the rest of the read), up to the line of the first character
        outside the subset; :class:`_Unsupported` after them if there is one."""
        text = self.text
        odd = first_odd(text)
        pos, size = 0, len(text) if odd < 0 else text.rfind("\n", 0, odd) + 1
        while pos < size:
            end = text.rfind("\n", pos, min(pos + _CHUNK, size)) + 1
            if end <= pos:
                end = text.find("\n", pos + _CHUNK, size) + 1 or size
            yield text[pos:end].split("\n")[: -1 if text[end - 1 : end] == "\n" else None]
            pos = end
        if odd >= 0:
            raise _Unsupported

    def _items(self) -> Iterator[Item]:
        dash = ""  # the text an item starts with, ``" " * indent + "- "``
        pad = ""  # the indentation of the current item's keys
        c = 0  # len(pad), the 0-based column of its keys
        item_line = kcol = 0  # the item's line, and column of its keys, 1-based
        pairs: list[Pair] = []
        keys: dict[str, str] = {}  # key as written -> key as read (plain, checked)
        header = True  # before the first item
        wrapped = False
        # What the lines after a ``key:`` belong to: 0 the mapping, 1 a block list or
        # a null, 2 a block list, 3 a block scalar, 4 the lines after a block scalar.
        state = 0
        key = ""
        kline = vline = vcol = 0
        elements: list[Element] = []
        n = 0  # indentation of block list elements or block scalar content
        npad = "\n"  # " " * n once n is known (no line starts with a line break)
        block = ""
        content: list[str] = []
        lineno = 0  # 1-based number of ``line``
        for lines in self._lines():
            for lineno, line in enumerate(lines, lineno + 1):  # noqa: B020 - counts on
                if state:
                    if state == 3:  # block scalar content
                        if line.startswith(npad) and line[n : n + 1] not in _BREAK_OR_SPACE:
                            content.append(line[n:])
                            continue
                        if n == 0:  # the line after the header: content, at once
                            stripped = line.lstrip(" ")
                            n = len(line) - len(stripped)
                            if n <= c or not stripped:
                                raise _Unsupported
                            npad = " " * n
                            content.append(stripped)
                            continue
                        pairs.append((key, kline, kcol, _block(block, content), vline, vcol))
                        if line and not line.startswith(npad) and not line.isspace():
                            state = 0  # less indented: the mapping's line
                        else:
                            state = 4
                    if state == 4:  # after blank lines: nothing that could be content
                        if not line:
                            continue
                        stripped = line.lstrip(" ")
                        if not stripped or len(line) - len(stripped) >= n:
                            raise _Unsupported
                        state = 0
                    elif state != 0:  # 1 or 2: a block list, or else a null
                        stripped = line.lstrip(" ")
                        if not stripped or stripped[0] == "#":
                            continue
                        indent = len(line) - len(stripped)
                        if stripped[:2] == "- " and (indent == n if state == 2 else indent >= c):
                            if state == 1:
                                state, n, vline, vcol, elements = 2, indent, lineno, indent + 1, []
                            elements.append(_element(stripped[2:]))
                            continue
                        if state == 1:
                            if indent > c:
                                raise _Unsupported  # a nested mapping, or more lines of text
                            pairs.append((key, kline, kcol, None, vline, vcol))
                        else:
                            if indent > n or indent == n > c:
                                raise _Unsupported
                            pairs.append((key, kline, kcol, tuple(elements), vline, vcol))
                        state = 0
                # A line of the mapping: a key, the next item, a comment or a blank.
                if line.startswith(pad) and line[c : c + 1] not in _NOT_PLAIN and not header:
                    pass
                elif line.startswith(dash) and not header:
                    if len({pair[0] for pair in pairs}) != len(pairs):
                        raise _Unsupported  # a key twice: libyaml's error
                    yield item_line, kcol, tuple(pairs)
                    self._start = lineno - 1
                    c = _first_key(line, dash)
                    pad, item_line, kcol, pairs = " " * c, lineno, c + 1, []
                else:
                    stripped = line.lstrip(" ")
                    if not stripped or stripped[0] == "#":
                        continue
                    if not header:
                        raise _Unsupported
                    if line == "---" and lineno == 1:
                        continue
                    if stripped[:2] != "- ":  # ``activities:`` before the first item
                        if wrapped or not _is_log_key(line):
                            raise _Unsupported
                        wrapped = True
                        continue
                    header = False
                    dash = line[: len(line) - len(stripped)] + "- "
                    self.first = self._start = lineno - 1
                    c = _first_key(line, dash)
                    pad, item_line, kcol, pairs = " " * c, lineno, c + 1, []
                # ``key: value``, the key at column ``c``.
                p = line.find(": ", c)
                if p < 0:
                    if line[-1] != ":":
                        raise _Unsupported
                    p = len(line) - 1
                word = line[c:p]
                key = keys.get(word) or keys.setdefault(word, _key(word))
                kline = lineno
                v = line[p + 2 :]
                if (
                    v
                    and v[0] not in _NOT_PLAIN
                    and v[-1] not in _PLAIN_END
                    and ": " not in v
                    and " #" not in v
                ):
                    pairs.append((key, lineno, kcol, None if v in _NULLS else v, lineno, p + 3))
                    continue
                if v in _BLOCK:
                    block, state, n, npad, content = v, 3, 0, "\n", []
                    vline, vcol = lineno, p + 3
                    continue
                stripped = v.lstrip(" ")
                vline, vcol = lineno, p + 3 + len(v) - len(stripped)
                first = stripped[:1]
                if not first or first == "#":  # a null, or a block list below
                    state, vcol = 1, p + 2
                elif first in "|>":
                    block = _block_header(stripped)
                    state, n, npad, content = 3, 0, "\n", []
                else:
                    pairs.append((key, lineno, kcol, _scalar(stripped), lineno, vcol))
        if header:
            raise _Unsupported
        if state == 3:
            if n == 0 or (block[-1] != "-" and self.text[-1:] != "\n"):
                raise _Unsupported  # no content, or no line break to keep
            pairs.append((key, kline, kcol, _block(block, content), vline, vcol))
        elif state == 1:
            pairs.append((key, kline, kcol, None, vline, vcol))
        elif state == 2:
            pairs.append((key, kline, kcol, tuple(elements), vline, vcol))
        if len({pair[0] for pair in pairs}) != len(pairs):
            raise _Unsupported
        yield item_line, kcol, tuple(pairs)


def _first_key(line: str, dash: str) -> int:
    """Where an item's first key starts on its ``- `` line (0-based); one that starts
    with an indicator is not read here."""
    c = len(dash)
    while line[c : c + 1] == " ":
        c += 1
    if line[c : c + 1] in _NOT_PLAIN:
        raise _Unsupported
    return c


def _is_log_key(line: str) -> bool:
    """``activities:`` (or ``aktiviteter:``) alone on its line, perhaps with a comment."""
    word, colon, after = line.partition(":")
    if not colon or word not in _LOG_KEYS:
        return False
    return not after or (after[0] == " " and after.lstrip(" ")[:1] in ("", "#"))


def _key(word: str) -> str:
    """A key as libyaml reads it, when it is a plain scalar this reader takes."""
    key = word.rstrip(" ")
    if (
        not key
        or key[0] in _NOT_PLAIN
        or ":" in key
        or " #" in key
        or key in _NULLS
        or key == "<<"
        or len(word) > _MAX_KEY
    ):
        raise _Unsupported
    return key


def _after(text: str) -> None:
    """What follows a quoted scalar or a flow list on its line: nothing, or a comment."""
    rest = text.lstrip(" ")
    if rest and (rest[0] != "#" or rest == text):
        raise _Unsupported


def _scalar(v: str, *, flow: bool = True) -> str | tuple[Element, ...] | None:
    """A one-line value that starts with a non-space: quoted, a flow list, or plain."""
    first = v[0]
    if first == '"':
        end = v.find('"', 1)
        if end < 0 or "\\" in v[1:end]:
            raise _Unsupported
        _after(v[end + 1 :])
        return v[1:end]
    if first == "'":
        end = 1
        while True:
            end = v.find("'", end)
            if end < 0:
                raise _Unsupported
            if v[end + 1 : end + 2] != "'":
                break
            end += 2
        _after(v[end + 1 :])
        return v[1:end].replace("''", "'")
    if first == "[" and flow:
        end = v.find("]")
        inner = v[1:end]
        if end < 0 or any(ch in inner for ch in "[]{}#:'\"\\"):
            raise _Unsupported
        _after(v[end + 1 :])
        if not inner.strip(" "):
            return ()
        return tuple(_flow_element(part.strip(" ")) for part in inner.split(","))
    return _plain(v)


def _plain(v: str) -> str | None:
    """A plain scalar alone on its line (perhaps with a comment)."""
    if v[0] in _NOT_PLAIN:
        raise _Unsupported
    hash_at = v.find(" #")
    if hash_at >= 0:
        v = v[:hash_at]
    v = v.rstrip(" ")
    if ": " in v or v[-1] == ":":
        raise _Unsupported
    return None if v in _NULLS else v


def _flow_element(part: str) -> str | None:
    if not part or part[0] in _NOT_PLAIN or "," in part:
        raise _Unsupported
    return None if part in _NULLS else part


def _element(v: str) -> Element:
    """The scalar of a block list element ``- v``."""
    v = v.lstrip(" ")
    if not v or v[0] in "[|>":
        raise _Unsupported
    value = _scalar(v, flow=False)
    if isinstance(value, tuple):  # pragma: no cover - flow lists are refused above
        raise _Unsupported
    return value


def _block_header(v: str) -> str:
    head, _, comment = v.partition(" ")
    if head not in _BLOCK:
        raise _Unsupported
    if comment:
        _after(" " + comment)
    return head


def _block(header: str, lines: list[str]) -> str:
    """A block scalar's text: lines of one indentation, no blank line among them."""
    text = (" " if header[0] == ">" else "\n").join(lines)
    return text if header[-1] == "-" else text + "\n"


def _offset(text: str, line: int, start: int = 0, start_line: int = 0) -> int:
    """The offset of 0-based ``line`` in ``text``, counting on from ``start_line``."""
    pos = start
    for _ in range(line - start_line):
        pos = text.index("\n", pos) + 1
    return pos


__all__ = ["NESTED", "Item", "Pair", "Scan", "Val", "first_odd"]
