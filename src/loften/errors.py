"""One error model for the whole pipeline.

Every problem loften finds in its input is a :class:`Problem`: a stable ``code``,
the parameters of its message, and where it is (:class:`Location`). Problems are
data; they are rendered in the user's language by :mod:`loften.messages` only at
the edge. :class:`LoftenError` carries one or more problems up to the CLI, which
maps it to exit code 2 in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Severity = Literal["error", "warning", "notice"]


class Location(NamedTuple):
    """Where something stands in an input file.

    YAML places have ``line``/``column`` (1-based); CSV and Excel places have the
    spreadsheet ``row`` (header = row 1), optionally the ``header`` of the column,
    and ``sheet`` when it is not the first sheet of a workbook. A named tuple, as
    immutable as a frozen dataclass and made five times faster: every activity of a
    national log has one (issue 7).
    """

    path: str
    line: int | None = None
    column: int | None = None
    row: int | None = None
    header: str | None = None
    sheet: str | None = None

    def __str__(self) -> str:
        base = self.path + (f"#{self.sheet}" if self.sheet else "")
        if self.row is not None:
            text = f"{base}:row {self.row}"
            if self.header is not None:
                text += f", column '{self.header}'"
            return text
        if self.line is not None:
            return f"{base}:{self.line}:{self.column or 1}"
        return base

    @property
    def ref(self) -> str:
        """Short reference to an activity: ``path:N`` or ``path#Sheet:N``."""
        base = self.path + (f"#{self.sheet}" if self.sheet else "")
        n = self.row if self.row is not None else self.line
        return f"{base}:{n}" if n is not None else base

    def sort_key(self) -> tuple[str, int, int]:
        return (self.path, self.row or self.line or 0, self.column or 0)

    def with_header(self, header: str) -> Location:
        return Location(self.path, self.line, self.column, self.row, header, self.sheet)


@dataclass(frozen=True, slots=True)
class Problem:
    """One located finding: an error, a warning, or a notice."""

    code: str
    where: Location | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity = "error"

    def message(self, lang: str = "sv") -> str:
        from loften.messages import t

        return t(self.code, lang, **self.params)

    def render(self, lang: str = "sv") -> str:
        text = self.message(lang)
        return f"{self.where}: {text}" if self.where is not None else text

    def sort_key(self) -> tuple[str, int, int, str]:
        if self.where is None:
            return ("", 0, 0, self.code)
        return (*self.where.sort_key(), self.code)


class LoftenError(Exception):
    """Invalid input. Carries one or more problems; the CLI turns it into exit 2."""

    def __init__(self, code: str, where: Location | None = None, **params: Any) -> None:
        self.problems: list[Problem] = [Problem(code, where, params)]
        super().__init__(code)

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> LoftenError:
        items = list(problems)
        if not items:
            raise ValueError("LoftenError.of needs at least one problem")
        err = cls(items[0].code, items[0].where, **items[0].params)
        err.problems = items
        return err

    @property
    def problem(self) -> Problem:
        return self.problems[0]

    @property
    def where(self) -> Location | None:
        return self.problems[0].where

    def render(self, lang: str = "sv") -> str:
        return "\n".join(p.render(lang) for p in self.problems)

    def __str__(self) -> str:
        return self.render("en")


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The nearest known word to ``word``, for 'did you mean' hints."""
    import difflib

    pool = sorted(set(candidates))
    lowered = {c.casefold(): c for c in pool}
    hits = difflib.get_close_matches(word.casefold(), list(lowered), n=1, cutoff=0.6)
    return lowered[hits[0]] if hits else None


class BadValue(ValueError):
    """A scalar that does not convert to its field's type. Not located: the caller
    knows where the scalar stands and turns it into a located :class:`Problem`."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    def at(self, where: Location | None, **more: Any) -> Problem:
        return Problem(self.code, where, {**self.params, **more})
