"""``--format github``: one workflow-command annotation per problem.

``::error file=…,line=…,col=…,title=loften <code>::message`` — warnings as
``::warning``, notices as ``::notice`` — escaped as GitHub requires
(:func:`loften.reporters.github.command`). For CSV and Excel, ``line`` is the
spreadsheet row and the message names the column. The output is never empty: a
valid run ends with a ``::notice::`` that says what was checked.
"""

from __future__ import annotations

from loften.errors import Problem
from loften.reporters.github import command
from loften.validation import Options
from loften.validation.result import Validation
from loften.validation.words import line_of, message, summary

LEVELS = {"error": "error", "warning": "warning", "notice": "notice"}


def render(validation: Validation, options: Options) -> str:
    lines = [annotation(p, options.lang) for p in validation.problems]
    if validation.valid:
        lines.append(command("notice", summary(validation, options.lang), title="loften validate"))
    return "\n".join(lines) + "\n"


def annotation(p: Problem, lang: str) -> str:
    where = p.where
    return command(
        LEVELS[p.severity],
        message(p, lang),
        file=where.path if where is not None else None,
        line=line_of(where) if where is not None else None,
        col=where.column if where is not None and where.row is None else None,
        title=f"loften {p.code}",
    )
