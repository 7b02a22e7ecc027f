"""The national overview: many promises checked at once, one row each (issue 7).

A county or national analyst runs ``loften check promises/`` over every promise of
every municipality. The overview comes first: one row per promise — municipality
code, municipality, promise, verdict, and how many of its rules are kept, behind and
failed — sorted by municipality code, then by promise id. The details of every
promise follow only on request (``--details``). JSON carries the same rows as
``overview`` beside the usual ``promises`` (SPEC §4.2).

:func:`rows` is the content; :func:`table`, :func:`markdown` and :func:`data` lay it
out; :func:`render` puts the overview before a format's own report.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from loften.messages import t
from loften.reporters import Options
from loften.reporters.words import status_word, symbol
from loften.results import PromiseResult, Report, Status

#: Formats with an overview section; machine formats other than JSON have none.
HUMAN = ("table", "markdown")
#: The widest a table row may be when the report goes to a file or a log.
WIDE = 160


@dataclass(frozen=True)
class Row:
    """One promise in the overview."""

    code: str | None
    municipality: str | None
    id: str
    title: str
    path: str
    status: Status
    rules: int
    kept: int
    behind: int
    failed: int

    @property
    def other(self) -> int:
        return self.rules - self.kept - self.behind - self.failed


def row_of(p: PromiseResult) -> Row:
    statuses = [r.status for c in p.commitments for r in c.rules]
    return Row(
        code=p.code,
        municipality=p.municipality,
        id=p.id,
        title=p.title,
        path=p.path,
        status=p.status,
        rules=len(statuses),
        kept=statuses.count("pass"),
        behind=statuses.count("behind"),
        failed=statuses.count("fail"),
    )


def rows(report: Report) -> list[Row]:
    """Every promise, by municipality code (promises without one last), then id and path."""
    out = [row_of(p) for p in report.promises]
    return sorted(out, key=lambda r: (r.code is None, r.code or "", r.id, r.path))


def wanted(report: Report) -> bool:
    """A report of more than one promise opens with the overview."""
    return len(report.promises) > 1


def data(report: Report) -> list[dict[str, Any]]:
    """The overview for the JSON report."""
    return [
        {
            "id": r.id,
            "code": r.code,
            "municipality": r.municipality,
            "path": r.path,
            "status": r.status,
            "rules": r.rules,
            "kept": r.kept,
            "behind": r.behind,
            "failed": r.failed,
            "other": r.other,
        }
        for r in rows(report)
    ]


#: Columns, in order; the counts (right-aligned) stand between verdict and promise id.
_COLUMNS = ("code", "municipality", "status", "rules", "kept", "behind", "failed", "other")
_NUMBERS = range(3, 8)


def _headers(lang: str) -> list[str]:
    return [t(f"overview-{c}", lang) for c in (*_COLUMNS, "promise")]


def _cells(r: Row, lang: str) -> list[str]:
    return [
        r.code or "–",
        r.municipality or "–",
        f"{symbol(r.status)} {status_word(r.status, lang)}",
        str(r.rules),
        str(r.kept),
        str(r.behind),
        str(r.failed),
        str(r.other),
        r.id,
    ]


def _summary(report: Report, lang: str) -> str:
    statuses = [p.status for p in report.promises]
    passed, failed, behind = (statuses.count(s) for s in ("pass", "fail", "behind"))
    other = len(statuses) - passed - failed - behind
    return t(
        "overview-summary",
        lang,
        count=len(statuses),
        passed=passed,
        failed=failed,
        behind=behind,
        other=other,
    )


def table(report: Report, options: Options) -> str:
    """The overview for a terminal: aligned columns, the verdict coloured when asked."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from loften.reporters.table import STYLE

    lang = options.lang
    buf = io.StringIO()
    console = Console(
        file=buf,
        # A terminal folds the table to its width; a file or a log keeps each row on
        # one line (the table is only as wide as its longest row).
        width=options.width if options.color else max(options.width, WIDE),
        color_system="standard" if options.color else None,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(Text(t("overview-title", lang, count=len(report.promises)), style="bold"))
    grid = Table(box=None, show_edge=False, pad_edge=False, header_style="bold", expand=False)
    for i, name in enumerate(_headers(lang)):
        last = i == len(_COLUMNS)
        grid.add_column(
            name,
            justify="right" if i in _NUMBERS else "left",
            no_wrap=not last,
            overflow="fold" if last else "ellipsis",
        )
    for r in rows(report):
        cells: list[str | Text] = list(_cells(r, lang))
        cells[2] = Text(str(cells[2]), style=STYLE.get(r.status, ""))
        grid.add_row(*cells)
    console.print(grid)
    console.print()
    console.print(_summary(report, lang))
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines()) + "\n"


def markdown(report: Report, options: Options) -> str:
    """The overview as a GitHub-flavoured Markdown table."""
    from loften.reporters.markdown import md_escape

    lang = options.lang
    heads = _headers(lang)
    align = ["--:" if i in _NUMBERS else "---" for i in range(len(heads))]
    lines = [
        f"## {md_escape(t('overview-title', lang, count=len(report.promises)))}",
        "",
        "| " + " | ".join(md_escape(h) for h in heads) + " |",
        "| " + " | ".join(align) + " |",
    ]
    for r in rows(report):
        lines.append("| " + " | ".join(md_escape(c) for c in _cells(r, lang)) + " |")
    lines += ["", md_escape(_summary(report, lang))]
    return "\n".join(lines) + "\n"


def render(fmt: str, report: Report, options: Options, *, details: bool) -> str:
    """``fmt``'s report of many promises: the overview, then the details when asked for."""
    from loften.reporters import render as render_format

    if fmt not in HUMAN or not wanted(report):
        return render_format(fmt, report, options)
    head = table(report, options) if fmt == "table" else markdown(report, options)
    lang = options.lang
    if not details:
        from loften.reporters.markdown import md_escape as md

        hint = t("overview-details-hint", lang)
        return head + "\n" + (hint if fmt == "table" else f"_{md(hint)}_") + "\n"
    return head + "\n" + render_format(fmt, report, options)
