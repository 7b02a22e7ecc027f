"""Where input files are and how locations name them: one rule for every reader."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

#: What a ``logs:`` folder may hold (SPEC §5.1).
READABLE = (".yaml", ".yml", ".csv", ".tsv", ".txt", ".xlsx")


def shown(path: Path, cwd: Path) -> str:
    """``path`` as locations show it: relative to ``cwd`` with ``/``, else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(os.path.abspath(cwd)).as_posix()
    except ValueError:
        return absolute.as_posix()


def is_hidden(name: str) -> bool:
    """Dot files and Excel's lock files (``~$Bok1.xlsx``) are never read."""
    return name.startswith((".", "~$"))


def readable_files(
    root: Path,
    suffixes: Collection[str] = READABLE,
    onerror: Callable[[OSError], None] | None = None,
) -> Iterator[Path]:
    """The files below ``root`` with one of ``suffixes``, hidden ones skipped, in order
    of relative path by code point (SPEC §5.1). A folder that cannot be listed goes to
    ``onerror``, so it is never skipped silently."""
    found: list[tuple[str, Path]] = []
    for folder, dirs, names in os.walk(root, onerror=onerror):
        dirs[:] = [d for d in dirs if not is_hidden(d)]
        for name in names:
            if is_hidden(name) or Path(name).suffix.lower() not in suffixes:
                continue
            path = Path(folder, name)
            found.append((path.relative_to(root).as_posix(), path))
    for _, path in sorted(found):
        yield path
