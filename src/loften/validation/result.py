"""What ``validate`` finds: every located problem and the files it looked at.

Frozen data, computed once by :func:`loften.validation.validate`; every output
format is a pure function of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from loften.errors import Problem

FileKind = Literal["promise", "log", "indicator"]


@dataclass(frozen=True, slots=True)
class ValidatedFile:
    """One file that was checked, with the number of its problems.

    ``rows`` and ``entries`` (activities and attestations read) are set for logs.
    """

    path: str
    kind: FileKind
    errors: int = 0
    warnings: int = 0
    rows: int | None = None
    entries: int | None = None


@dataclass(frozen=True, slots=True)
class Validation:
    """Every problem of a ``validate`` run, sorted by path and line, and the files checked."""

    problems: tuple[Problem, ...]
    files: tuple[ValidatedFile, ...]
    language: str = "sv"
    """The language of the first promise checked; reports use it unless ``--lang`` is given."""

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    @property
    def valid(self) -> bool:
        return self.errors == 0

    @property
    def files_with_errors(self) -> int:
        return sum(f.errors > 0 for f in self.files)

    def exit_code(self) -> int:
        """0 when valid (warnings and notices do not fail), else 1 (SPEC §4)."""
        return 0 if self.valid else 1
