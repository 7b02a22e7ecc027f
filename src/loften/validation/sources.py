"""What a promise names — its ``logs`` and ``indicators`` — read from the raw YAML.

A promise with errors has no model to ask, but ``validate`` still checks the logs it
names (without its vocabulary). The entries are read as the model would read them:
a path, or ``{path, sheet}``, relative to the promise file; anything else is left to
the promise's own problems.

:func:`maybe_named` answers a cheaper question for the promises under ``promises/``
that ``validate`` searches for the owner of a log: every path a promise *may* name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from loften import yamlnodes
from loften.activities import LogSource
from loften.errors import Location, LoftenError
from loften.files import shown
from loften.yamlnodes import Map, Node, Scalar, Seq

Indicator = tuple[Path, str, Location | None]


def raw_sources(path: Path, display: str, cwd: Path) -> tuple[list[LogSource], list[Indicator]]:
    """The log sources and indicator files the promise at ``path`` names, best effort."""
    try:
        root = yamlnodes.load(path.read_bytes(), display)
    except (OSError, LoftenError):
        return [], []
    if not isinstance(root, Map):
        return [], []
    base = path.parent
    logs: list[LogSource] = []
    for item in _items(root.get("logs")):
        name, sheet = _entry(item)
        if name is not None:
            where = Location(display, item.line, item.column)
            file = base / name
            logs.append(LogSource(file, shown(file, cwd), sheet, where))
    indicators: list[Indicator] = []
    for item in _items(root.get("indicators")):
        if isinstance(item, Scalar) and item.value and item.value.strip():
            file = base / item.value.strip()
            where = Location(display, item.line, item.column)
            indicators.append((file, shown(file, cwd), where))
    return logs, indicators


def _items(node: Node | None) -> tuple[Node, ...]:
    return node.items if isinstance(node, Seq) else ()


def _entry(item: Node) -> tuple[str | None, str | None]:
    if isinstance(item, Scalar):
        return (item.value.strip() or None) if item.value else None, None
    if isinstance(item, Map):
        path, sheet = item.get("path"), item.get("sheet")
        name = path.value.strip() if isinstance(path, Scalar) and path.value else None
        tab = sheet.value.strip() if isinstance(sheet, Scalar) and sheet.value else None
        return name or None, tab
    return None, None


class _Untyped(yaml.CBaseLoader):
    """libyaml's node tree without tags: only the text of scalars is read here."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return ""


def maybe_named(path: Path) -> list[Path] | None:
    """Every path the promise at ``path`` may name under ``logs`` or ``indicators``,
    relative to its folder; ``None`` when a cheap read cannot tell (it may name any).

    A superset of what the promise names, valid or not, for finding the owner of a log
    without validating every promise (issue 7): the text is parsed but not built into
    located nodes, and every scalar of the lists ``logs`` and ``indicators`` (or the
    ``path`` of a mapping in them) counts, also where the loader would refuse the file.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return []  # unreadable: the promise names nothing (``raw_sources`` agrees)
    try:  # libyaml picks UTF-8 or UTF-16 by the BOM, as the loader does, or refuses
        root = yaml.compose(data, _Untyped)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return []
    base = path.parent
    out: list[Path] = []
    for key, value in root.value:
        if key.value not in ("logs", "indicators") or not isinstance(value, yaml.SequenceNode):
            continue
        for item in value.value:
            if isinstance(item, yaml.MappingNode):
                item = next((v for k, v in item.value if k.value == "path"), None)
            if isinstance(item, yaml.ScalarNode):
                out.append(base / item.value.strip())
    return out
