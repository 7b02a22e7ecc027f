"""The Markdown report (GitHub-flavoured; renders on GitHub and GitLab).

The content is :mod:`loften.reporters.people`; the layout is the template
``templates/report.md.j2``. Every value the template prints passes through
:func:`md_escape` — Jinja's HTML autoescape would be the wrong escape for Markdown —
so a ``|``, ``<`` or line break in a log, a reason or a title never breaks a table
or injects markup.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from loften.messages import t
from loften.reporters import Options
from loften.reporters.people import build
from loften.results import Report

# Characters that are markup anywhere in a line (CommonMark, GFM tables, strikethrough,
# GitHub math). Each is backslash-escaped: every ASCII punctuation may be, and it then
# renders as itself.
_INLINE = re.compile(r"([\\`*_\[\]<>|#~$])")
# An entity reference (`&lt;`) would be decoded; `\&` keeps it text.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What turns the start of a line into a list item, a heading underline or a rule.
_LINE_START = re.compile(r"^(?:[-+=]|\d{1,9}(?=[.)](?:\s|$)))")


def md_escape(value: object) -> str:
    """``value`` as Markdown text that renders as exactly that text, on one line.

    Line breaks, tabs and runs of spaces become one space (a line break would end a
    table row or a list item); Markdown and HTML punctuation is backslash-escaped.
    """
    text = " ".join(str(value).split())
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    m = _LINE_START.match(text)
    if m:
        text = text[: m.end()] + "\\" + text[m.end() :] if m.group(0)[0].isdigit() else "\\" + text
    return text


def _finalize(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return md_escape(value)


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("loften.reporters", "templates"),
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def render(report: Report, options: Options) -> str:
    lang = options.lang
    view = build(report, lang, options.stamp)

    def w(code: str, **params: Any) -> str:
        return t(code, lang, **params)

    text = environment().get_template("report.md.j2").render(view=view, w=w)
    return _tidy(text)


def _tidy(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
