"""``--format text``: one ``path:line:col: message`` line per problem, then a summary.

The lines parse as yamllint's ``parsable`` format (and as compilers' ``file:line:col:``)
do; CSV and Excel places read ``path[#Sheet]:row N, column 'Header': message``
(SPEC §4.1). Warnings and notices say so after the place; errors carry no word.
"""

from __future__ import annotations

from loften.errors import Problem
from loften.messages import t
from loften.validation import Options
from loften.validation.result import Validation
from loften.validation.words import summary


def render(validation: Validation, options: Options) -> str:
    lines = [line(p, options.lang) for p in validation.problems]
    lines.append(summary(validation, options.lang))
    return "\n".join(lines) + "\n"


def line(p: Problem, lang: str) -> str:
    text = p.message(lang)
    if p.severity != "error":
        text = f"{t(f'severity-{p.severity}', lang)}: {text}"
    return f"{p.where}: {text}" if p.where is not None else text
