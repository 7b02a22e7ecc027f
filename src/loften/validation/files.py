"""Which files a ``validate`` run looks at, and what each one is.

Paths named on the command line are expanded (a folder is read recursively as SPEC
§5.1 reads a log folder) and each file is classified: a *promise* (a YAML file in a
``promises`` folder, or one whose top level names ``loften:`` or ``commitments:``),
an *indicator* file (in an ``indicators`` folder, or named by a promise's
``indicators``), or else a *log*.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from loften.files import READABLE, readable_files
from loften.validation.result import FileKind

SUFFIXES = READABLE
YAML_SUFFIXES = (".yaml", ".yml")

_PROMISE_KEY = re.compile(rb"^(?:loften|commitments)[ \t]*:", re.MULTILINE)
_SNIFF_BYTES = 64 * 1024


def identity(path: Path) -> Path:
    """The same file however it was named."""
    return path.resolve()


def expand(paths: Sequence[Path], cwd: Path) -> list[Path]:
    """Every file the paths name, folders read recursively, each file once, in order."""
    out: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = given if given.is_absolute() else cwd / given
        files = list(readable_files(path)) if path.is_dir() else [path]
        for file in files:
            key = identity(file)
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out


def classify(path: Path) -> FileKind:
    """What ``path`` holds, judged by its folder and, for YAML, its top-level keys."""
    parent = path.parent.name.casefold()
    if parent == "indicators":
        return "indicator"
    if path.suffix.lower() not in YAML_SUFFIXES:
        return "log"
    if parent == "promises":
        return "promise"
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError:
        return "log"
    return "promise" if _PROMISE_KEY.search(head) else "log"


def promises_folder(cwd: Path) -> list[Path]:
    """The promises under ``promises/``, as ``check`` finds them (not recursive)."""
    folder = cwd / "promises"
    if not folder.is_dir():
        return []
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])


def contains(source: Path, file: Path) -> bool:
    """Whether a ``logs:`` entry (a file or a folder) takes in ``file``."""
    src, target = identity(source), identity(file)
    return src == target or src in target.parents


def first_containing(sources: Iterable[Path], file: Path) -> bool:
    return any(contains(s, file) for s in sources)
