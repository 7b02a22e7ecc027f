"""What an invalid promise names: its ``logs`` and ``indicators``, read from the raw YAML.

A promise with errors has no model to ask, but ``validate`` still checks the logs it
names (without its vocabulary). The entries are read as the model would read them:
a path, or ``{path, sheet}``, relative to the promise file; anything else is left to
the promise's own problems.
"""

from __future__ import annotations

from pathlib import Path

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
