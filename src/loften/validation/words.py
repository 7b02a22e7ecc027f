"""Words every ``validate`` format shares: a problem's place and message, the summary."""

from __future__ import annotations

from loften.errors import Location, Problem
from loften.messages import t
from loften.validation.result import Validation


def line_of(where: Location) -> int | None:
    """The line a viewer should jump to: the YAML line, or the spreadsheet row."""
    return where.row if where.row is not None else where.line


def place_detail(where: Location) -> str:
    """What a line number cannot say: ``#Sheet:row 3, column 'timmar'`` for spreadsheets."""
    if where.row is None and where.sheet is None:
        return ""
    return str(where)[len(where.path) :].lstrip(":")


def message(p: Problem, lang: str) -> str:
    """The message, prefixed with the spreadsheet place where a line and column cannot hold it."""
    text = p.message(lang)
    detail = place_detail(p.where) if p.where is not None else ""
    return f"{detail}: {text}" if detail else text


def summary(v: Validation, lang: str) -> str:
    """``3 fel i 2 av 5 filer, 1 varning`` / ``inga fel i 5 filer``."""
    if v.valid:
        text = t("validate-summary-valid", lang, files=len(v.files))
    else:
        text = t(
            "validate-summary-invalid",
            lang,
            errors=v.errors,
            bad=v.files_with_errors,
            files=len(v.files),
        )
    if v.warnings:
        text += t("validate-summary-warnings", lang, warnings=v.warnings)
    return text
