"""The terminal report: grouped by party, one line per bucket, in words and colour.

Rendered through Rich into a string at a fixed width (colour only when asked), so
the same report is byte-identical across runs.
"""

from __future__ import annotations

import io
import re
from itertools import pairwise

from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.text import Text

from loften.calendar import human_label, prose_date
from loften.messages import number, t
from loften.reporters import Options
from loften.reporters.words import (
    group_by_party,
    left_out_lines,
    note_text,
    quality_lines,
    status_word,
    symbol,
    value_text,
)
from loften.results import PromiseResult, Report, RuleResult

STYLE = {
    "pass": "green",
    "on-track": "green",
    "fail": "bold red",
    "warn": "yellow",
    "behind": "yellow",
    "missing": "magenta",
    "excepted": "cyan",
    "not-started": "dim",
}


# Items are listed in full up to this many; beyond it, only those not met.
FEW_ITEMS = 3


def render(report: Report, options: Options) -> str:
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=options.width,
        color_system="standard" if options.color else None,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    # Fixed as it is: Rich would otherwise ask the terminal for its height on every line.
    console.height = console.height
    lang = options.lang
    for i, promise in enumerate(report.promises):
        if i:
            console.print()
        _promise(console, promise, report, lang)
    return buf.getvalue()


def _status(status: str, lang: str) -> Text:
    return Text(f"{symbol(status)} {status_word(status, lang)}", style=STYLE.get(status, ""))


def _promise(console: Console, p: PromiseResult, report: Report, lang: str) -> None:
    console.print(Text(p.title, style="bold"))
    console.print(
        t("report-period", lang, start=prose_date(p.start, lang), end=prose_date(p.end, lang))
    )
    console.print(t("report-as-of", lang, date=prose_date(report.as_of, lang)))
    line = Text(t("report-overall", lang, status=""))
    line.append_text(_status(p.status, lang))
    console.print(line)
    for heading, commitments in group_by_party(p, lang):
        console.print()
        console.print(Text(heading, style="bold underline"))
        for c in commitments:
            head = Text("  ")
            head.append_text(_status(c.status, lang))
            head.append(f"  {c.id}", style="bold")
            console.print(head)
            _out(console, 4, Text(c.text, style="italic"))
            for r in c.rules:
                _rule(console, r, lang)
    _quality(console, p, lang)
    _summary(console, p, lang)


def _out(console: Console, indent: int, text: Text | str, style: str = "") -> None:
    """Print ``text`` indented, wrapping at the console's width under the indent."""
    width = max(20, console.width - indent)
    plain = text if isinstance(text, str) else text.plain
    if console.color_system is None and plain.isprintable():
        # Without colour, one line of printable text: wrapped as Rich wraps it and
        # written directly (a national report has hundreds of thousands of lines).
        pad = " " * indent
        console.file.write("".join(f"{pad}{piece}\n" for piece in _folded(plain, width)))
        return
    if isinstance(text, str):
        text = Text(text, style=style)
    for line in text.wrap(console, width, overflow="fold"):
        line.rstrip()
        console.print(Text(" " * indent).append_text(line), soft_wrap=True)


_TRAILING_SPACE = re.compile(r"\s+$")


def _folded(plain: str, width: int) -> list[str]:
    """The lines ``Text(plain).wrap(console, width, overflow="fold")`` gives, each
    right-stripped, for one line of printable text: Rich's own word breaks
    (:func:`rich._wrap.divide_line`), then its trimming and cropping of each line."""
    narrow = _ONE_CELL.fullmatch(plain) is not None
    cells = len if narrow else cell_len
    if cells(plain) <= width:
        return [plain.rstrip()]
    breaks = _divided(plain, width) if narrow else divide_line(plain, width, fold=True)
    bounds = [0, *breaks, len(plain)]
    out = []
    for start, end in pairwise(bounds):
        piece = plain[start:end]
        if len(piece) > width:  # Text.rstrip_end
            space = _TRAILING_SPACE.search(piece)
            if space is not None:
                piece = piece[: len(piece) - min(len(space.group(0)), len(piece) - width)]
        if cells(piece) > width:  # Text.truncate, overflow "fold"
            piece = set_cell_size(piece, width)
        out.append(piece.rstrip())
    return out


_WORD = re.compile(r"\s*\S+\s*")
"""A word and the spaces around it, as :mod:`rich._wrap` finds words."""


def _divided(plain: str, width: int) -> list[int]:
    """:func:`rich._wrap.divide_line` for text of one-cell characters, where a cell
    width is a length: the same breaks, without measuring every word the slow way.
    A word wider than the line, which Rich folds, is left to Rich."""
    breaks: list[int] = []
    offset = 0
    for word in _WORD.finditer(plain):
        text = word.group()
        length = len(text.rstrip())
        if width - offset >= length:
            offset += len(text)
        elif length > width:
            return divide_line(plain, width, fold=True)
        elif offset and word.start():
            breaks.append(word.start())
            offset = len(text)
    return breaks


#: Printable characters one cell wide in Rich: Latin (with å, ä, ö), dashes, quotes,
#: ellipsis, arrows (→), check marks (✓ ✗) — all a report is written in.
_ONE_CELL = re.compile(
    "[\x20-\x7e\xa1-\xac\xae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u2319\u2713\u2717]*"
)


def _rule(console: Console, r: RuleResult, lang: str) -> None:
    title = f"{r.id}" + (f" – {r.title}" if r.title else "")
    line = _status(r.status, lang)
    line.append(f"  {title}  ({r.kind})")
    _out(console, 4, line)
    if r.note:
        _out(console, 6, Text(note_text(r.note, lang), style="dim"))
    for b in r.buckets:
        row = Text("      ")
        row.append(f"{human_label(b.bucket, lang):<22} ")
        row.append_text(_status(b.status, lang))
        value = value_text(r, b, lang)
        if value:
            row.append(f"  {value}")
        console.print(row)
        if b.status == "behind" and b.left is not None and b.due is not None:
            left = t("report-left", lang, left=number(b.left, lang), due=prose_date(b.due, lang))
            _out(console, 8, Text(left))
        if b.detail is not None:
            _out(console, 8, Text(b.detail.text(lang)))
        shown, more = left_out_lines(b, lang)
        for activity, why in shown:
            _out(console, 8, t("report-left-out", lang, activity=activity, reason=why), "dim")
        if more is not None:
            _out(console, 8, more, "dim")
        few = len(b.items) <= FEW_ITEMS
        for item in b.items:
            if few or item.status in ("fail", "excepted", "behind", "missing"):
                detail = f" – {item.detail.text(lang)}" if item.detail else ""
                label = human_label(item.label, lang)
                _out(console, 8, Text(f"{symbol(item.status)} {label}{detail}"))
    for e in r.exceptions:
        if e.state in ("applied", "expired", "not-decided"):
            words = t(
                "report-exception",
                lang,
                bucket=human_label(e.bucket, lang),
                state=t(f"waiver-{e.state}", lang),
                reason=e.reason,
            )
            _out(console, 6, Text(words, style="cyan"))


def _quality(console: Console, p: PromiseResult, lang: str) -> None:
    if p.files:
        console.print()
        console.print(Text(t("report-files", lang), style="bold underline"))
    for f in p.files:
        counts = {"rows": f.rows, "activities": f.activities, "errors": f.errors}
        _out(console, 2, Text(t("report-file-line", lang, path=f.path, **counts)))
    if p.data_quality:
        console.print()
        console.print(Text(t("report-quality", lang), style="bold underline"))
        for where, words in quality_lines(p, lang):
            _out(console, 2, f"{where}: {words}")


def _summary(console: Console, p: PromiseResult, lang: str) -> None:
    rules = [r for c in p.commitments for r in c.rules]
    passed = sum(r.status == "pass" for r in rules)
    failed = sum(r.status == "fail" for r in rules)
    behind = sum(r.status == "behind" for r in rules)
    console.print()
    console.print(
        t(
            "report-summary",
            lang,
            rules=len(rules),
            passed=passed,
            failed=failed,
            behind=behind,
            other=len(rules) - passed - failed - behind,
        )
    )
