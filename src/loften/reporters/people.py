"""What the reports for people show: the content of the Markdown and HTML reports.

:func:`build` turns a :class:`~loften.results.Report` into a :class:`ReportView` —
every word already in the report's language (SPEC §5.8), every text still *plain*.
Each format escapes on output (:func:`loften.reporters.markdown.md_escape`, Jinja's
autoescape), so the two reports show the same content and neither can forget to
escape a field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import chain

from loften.calendar import human_label, prose_date
from loften.messages import t
from loften.reporters.words import (
    SYMBOLS,
    amount,
    group_by_party,
    left_out_lines,
    quality_lines,
    status_word,
    value_text,
)
from loften.results import (
    BucketResult,
    CommitmentResult,
    Item,
    PromiseResult,
    Report,
    RuleResult,
)

# Statuses from good to bad, the order a tally reads in.
TALLY_ORDER = ("pass", "on-track", "not-started", "excepted", "warn", "missing", "behind", "fail")
# Statuses of an item that are listed one by one even in a long list.
NOTEWORTHY = frozenset({"fail", "behind", "missing", "warn", "excepted"})
# A list of items up to this length is shown whole.
ITEMS_SHOWN = 12
OPEN = frozenset({"behind", "on-track"})


@dataclass(frozen=True)
class Badge:
    """A status in symbol and word, so it reads without colour (and on paper)."""

    key: str
    symbol: str
    word: str

    @property
    def text(self) -> str:
        return f"{self.symbol} {self.word}"


@dataclass(frozen=True)
class BucketRow:
    label: str
    badge: Badge
    value: str
    left: str


@dataclass(frozen=True)
class Line:
    """One line of a list: where it applies (a bucket or item label) and what it says."""

    label: str
    text: str
    badge: Badge | None = None


@dataclass(frozen=True)
class Waiver:
    bucket: str
    state: str
    state_key: str
    reason: str
    decided: str

    @property
    def text(self) -> str:
        """The reason, then who decided it and when, as sentences."""
        if not self.decided:
            return self.reason
        reason = self.reason.rstrip()
        stop = "" if reason.endswith((".", "!", "?")) else "."
        return f"{reason}{stop} {self.decided}"


@dataclass(frozen=True)
class Items:
    noun: str
    count: str
    shown: tuple[Line, ...]
    hidden: int


@dataclass(frozen=True)
class Evidence:
    bucket: str
    sources: tuple[str, ...]
    notes: tuple[Line, ...] = ()


@dataclass(frozen=True)
class RuleView:
    anchor: str
    chart_id: str
    number: str
    path: str
    heading: str
    title_line: str
    kind: str
    warning: bool
    badge: Badge
    note: str
    buckets: tuple[BucketRow, ...]
    details: tuple[Line, ...]
    waivers: tuple[Waiver, ...]
    left_out: tuple[Line, ...]
    items: Items | None
    evidence: tuple[Evidence, ...]
    result: RuleResult


@dataclass(frozen=True)
class CommitmentView:
    anchor: str
    number: int
    id: str
    text: str
    parties: str
    party_label: str
    badge: Badge
    tally: str
    rules: tuple[RuleView, ...]


@dataclass(frozen=True)
class PartyView:
    heading: str
    commitments: tuple[CommitmentView, ...]


@dataclass(frozen=True)
class FileRow:
    path: str
    rows: int
    activities: int
    errors: int


@dataclass(frozen=True)
class PromiseView:
    anchor: str
    title: str
    as_of: str
    badge: Badge
    verdict: str
    tally: str
    facts: tuple[tuple[str, str], ...]
    todo: tuple[str, ...]
    parties: tuple[PartyView, ...]
    files: tuple[FileRow, ...]
    quality: tuple[Line, ...]
    result: PromiseResult


@dataclass(frozen=True)
class ReportView:
    lang: str
    as_of: date
    promises: tuple[PromiseView, ...]
    legend: tuple[Badge, ...]
    footer: str


def build(report: Report, lang: str, stamp: str | None = None) -> ReportView:
    footer = t("people-footer-stamp", lang, stamp=stamp) if stamp else t("people-footer", lang)
    return ReportView(
        lang=lang,
        as_of=report.as_of,
        promises=tuple(
            _promise(p, report, lang, f"{p.id}-" if len(report.promises) > 1 else "")
            for p in report.promises
        ),
        legend=tuple(badge(s, lang) for s in TALLY_ORDER),
        footer=footer,
    )


def badge(status: str, lang: str) -> Badge:
    return Badge(status, SYMBOLS.get(status, "?"), status_word(status, lang))


def join_and(parts: list[str], lang: str) -> str:
    """``a, b och c`` / ``a, b and c``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {t('people-and', lang)} " + parts[-1]


def tally(statuses: Iterable[str], lang: str) -> str:
    counts = _counts(statuses)
    parts = [t(f"people-tally-{s}", lang, n=counts[s]) for s in TALLY_ORDER if counts.get(s)]
    return t("people-tally", lang, total=sum(counts.values()), parts=join_and(parts, lang))


def symbols(statuses: Iterable[str]) -> str:
    """``✓ 2, ↓ 1``: a compact tally for a table cell (the legend explains it)."""
    counts = _counts(statuses)
    return ", ".join(f"{SYMBOLS[s]} {counts[s]}" for s in TALLY_ORDER if counts.get(s))


def _counts(statuses: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in statuses:
        counts[s] = counts.get(s, 0) + 1
    return counts


def _promise(p: PromiseResult, report: Report, lang: str, prefix: str) -> PromiseView:
    """``prefix`` keeps anchors unique when one report holds several promises."""
    rules = [r for c in p.commitments for r in c.rules]
    statuses = [r.status for r in rules]
    n = statuses.count(p.status)
    numbers = {c.id: i for i, c in enumerate(p.commitments, 1)}
    notes = notes_of(p, report)
    parties = tuple(
        PartyView(heading, tuple(_commitment(c, numbers[c.id], p, notes, lang, prefix) for c in cs))
        for heading, cs in group_by_party(p, lang)
    )
    return PromiseView(
        anchor=f"p-{p.id}",
        title=p.title,
        as_of=t("report-as-of", lang, date=prose_date(report.as_of, lang)),
        badge=badge(p.status, lang),
        verdict=t(f"people-verdict-{p.status}", lang, n=n, total=len(rules)),
        tally=tally(statuses, lang) if rules else "",
        facts=_facts(p, lang),
        todo=tuple(line for party in parties for c in party.commitments for line in _todo(c, lang)),
        parties=parties,
        files=tuple(FileRow(f.path, f.rows, f.activities, f.errors) for f in p.files),
        quality=tuple(Line(where, words) for where, words in quality_lines(p, lang)),
        result=p,
    )


def _facts(p: PromiseResult, lang: str) -> tuple[tuple[str, str], ...]:
    facts: list[tuple[str, str]] = []
    area = [
        t("people-area-code", lang, municipality=p.municipality, kommunkod=p.code)
        if p.municipality and p.code
        else p.municipality or "",
        p.place or "",
    ]
    if any(area):
        facts.append((t("people-area", lang), ", ".join(a for a in area if a)))
    period = t(
        "people-period-text", lang, start=prose_date(p.start, lang), end=prose_date(p.end, lang)
    )
    facts.append((t("people-period", lang), period))
    if p.goal:
        facts.append((t("people-goal", lang), p.goal))
    if p.parties:
        facts.append((t("people-parties", lang), join_and(list(p.parties.values()), lang)))
    facts.append((t("people-source", lang), p.path))
    return tuple(facts)


def _todo(c: CommitmentView, lang: str) -> Iterable[str]:
    for r in c.rules:
        for b in r.result.buckets:
            if b.status == "behind" and b.left is not None and b.due is not None:
                yield t(
                    "people-todo-line",
                    lang,
                    rule=f"{r.number} {r.heading}".strip(),
                    bucket=human_label(b.bucket, lang),
                    left=amount(b.left, r.result.unit, lang),
                    due=prose_date(b.due, lang),
                )


def _commitment(
    c: CommitmentResult,
    number: int,
    p: PromiseResult,
    notes: dict[str, str],
    lang: str,
    prefix: str,
) -> CommitmentView:
    names = [p.parties.get(x, x) for x in c.parties]
    return CommitmentView(
        anchor=f"c-{prefix}{c.id}",
        number=number,
        id=c.id,
        text=c.text,
        parties=join_and(names, lang),
        party_label=t("people-party" if len(names) == 1 else "people-parties", lang),
        badge=badge(c.status, lang),
        tally=symbols(r.status for r in c.rules),
        rules=tuple(
            _rule(r, f"{number}.{i}", f"{prefix}{c.id}", c.id, notes, lang)
            for i, r in enumerate(c.rules, 1)
        ),
    )


def _rule(
    r: RuleResult, number: str, anchor: str, commitment: str, notes: dict[str, str], lang: str
) -> RuleView:
    items = [(b, i) for b in r.buckets for i in b.items]
    heading = r.title or ("" if r.id.isdigit() else r.id)
    return RuleView(
        anchor=f"r-{anchor}-{r.id}",
        chart_id=f"chart-{anchor}-{r.id}",
        number=number,
        path=f"{commitment}/{r.id}",
        heading=heading,
        title_line=t("people-rule-heading", lang, number=number, title=heading)
        if heading
        else t("people-rule-number", lang, number=number),
        kind=t(f"people-kind-{r.kind}", lang) if _known(f"people-kind-{r.kind}") else r.kind,
        warning=r.severity == "warning",
        badge=badge(r.status, lang),
        note=note_text(r.note, lang) if r.note else "",
        buckets=tuple(_bucket(r, b, lang) for b in r.buckets),
        details=tuple(
            Line(human_label(b.bucket, lang), b.detail.text(lang))
            for b in r.buckets
            if b.detail is not None
        ),
        waivers=tuple(
            Waiver(
                bucket=item_label(e.bucket, lang),
                state=t(f"waiver-{e.state}", lang),
                state_key=e.state,
                reason=e.reason,
                decided=_decided(e.decided, e.by, lang),
            )
            for e in r.exceptions
        ),
        left_out=tuple(line for b in r.buckets for line in _left_out(b, lang)),
        items=_items(r.kind, [i for _, i in items], lang) if items else None,
        evidence=tuple(_evidence(b, notes, lang) for b in r.buckets if _refs(b)),
        result=r,
    )


def _left_out(b: BucketResult, lang: str) -> list[Line]:
    """The activities the bucket leaves out and why, the first ones, then a count."""
    label = human_label(b.bucket, lang)
    shown, more = left_out_lines(b, lang)
    lines = [Line(label, f"{why} ({activity})") for activity, why in shown]
    return [*lines, Line(label, more)] if more is not None else lines


def _bucket(r: RuleResult, b: BucketResult, lang: str) -> BucketRow:
    left = ""
    if b.status in OPEN and b.left is not None and b.left > 0 and b.due is not None:
        left = t("people-left", lang, left=amount(b.left, r.unit, lang), due=b.due.isoformat())
    return BucketRow(
        label=human_label(b.bucket, lang),
        badge=badge(b.status, lang),
        value=value_text(r, b, lang) or t("people-none", lang),
        left=left or t("people-none", lang),
    )


def _decided(day: date | None, by: str | None, lang: str) -> str:
    if day is None:
        return ""
    if by:
        return t("people-exception-decided", lang, date=prose_date(day, lang), by=by)
    return t("people-exception-decided-date", lang, date=prose_date(day, lang))


def _items(kind: str, items: list[Item], lang: str) -> Items:
    code = f"people-items-{kind}"
    noun = t(code if _known(code) else "people-items-other", lang)
    few = len(items) <= ITEMS_SHOWN
    shown = [i for i in items if few or i.status in NOTEWORTHY]
    count = f"{len(items)} ({symbols(i.status for i in items)})"
    return Items(
        noun=noun,
        count=count,
        shown=tuple(
            Line(
                item_label(i.label, lang),
                i.detail.text(lang) if i.detail else "",
                badge(i.status, lang),
            )
            for i in shown
        ),
        hidden=len(items) - len(shown),
    )


def _known(code: str) -> bool:
    from loften.messages import CATALOG

    return code in CATALOG


def item_label(label: str, lang: str) -> str:
    """A bucket or item label as people read it; ``2020-03-14@Torget`` keeps its place."""
    day, at, place = label.partition("@")
    return f"{human_label(day, lang)}, {place}" if at else human_label(label, lang)


_TOLKNING = re.compile(r"^\s*(tolkning|interpretation)\s*:\s*", re.IGNORECASE)


def note_text(note: str, lang: str) -> str:
    """A rule's ``note`` without a leading "tolkning:" (the report labels it already)."""
    text = _TOLKNING.sub("", note, count=1)
    return text[:1].upper() + text[1:] if text else note


# ---------------------------------------------------------------- evidence


def _refs(b: BucketResult) -> list[str]:
    """The activities a bucket rests on: its own and its items', each once, in order."""
    items = chain.from_iterable(i.counted for i in b.items)
    return list(dict.fromkeys(chain(b.counted, items)))


def _evidence(b: BucketResult, notes: dict[str, str], lang: str) -> Evidence:
    refs = _refs(b)
    by_path: dict[str, list[int]] = {}
    loose: list[str] = []
    for ref in refs:
        path, _, line = ref.rpartition(":")
        if path and line.isdigit():
            by_path.setdefault(path, []).append(int(line))
        else:
            loose.append(ref)
    sources = [
        t("people-evidence-lines", lang, path=path, lines=runs(lines), count=len(lines))
        for path, lines in sorted(by_path.items())
    ]
    return Evidence(
        bucket=human_label(b.bucket, lang),
        sources=(*sources, *loose),
        notes=tuple(Line(ref, notes[ref]) for ref in refs if ref in notes),
    )


def notes_of(p: PromiseResult, report: Report) -> dict[str, str]:
    """Activity notes by reference — only with ``--with-notes`` (SPEC §5.8).

    The report model does not carry notes yet; an engine that fills
    ``PromiseResult.notes`` (activity ref -> note) lights them up here.
    """
    notes = getattr(p, "notes", None) if report.with_notes else None
    return dict(notes) if notes else {}


def runs(numbers: list[int]) -> str:
    """``2, 3, 4, 7, 9, 10`` -> ``2–4, 7, 9–10``: line numbers, compact."""
    out: list[str] = []
    ordered = sorted(set(numbers))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        out.append(str(ordered[i]) if i == j else f"{ordered[i]}–{ordered[j]}")
        i = j + 1
    return ", ".join(out)
