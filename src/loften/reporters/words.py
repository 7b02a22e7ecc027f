"""Presentation shared by the human formats: status words and symbols, values
against bounds, commitments grouped by party."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from loften.messages import CATALOG, number, t
from loften.results import BucketResult, CommitmentResult, PromiseResult, RuleResult

# Words and symbols, so a status reads without colour (and on paper).
SYMBOLS = {
    "pass": "✓",
    "fail": "✗",
    "warn": "!",
    "on-track": "→",
    "behind": "↓",
    "not-started": "·",
    "excepted": "~",
    "missing": "?",
}


def symbol(status: str) -> str:
    return SYMBOLS.get(status, "?")


def status_word(status: str, lang: str) -> str:
    return t(f"status-{status}", lang)


def percent(value: Decimal | int, lang: str) -> str:
    """A share 0–1 as a percentage with one decimal: ``54,5 %`` (sv), ``54.5%`` (en)."""
    pct = (Decimal(value) * 100).quantize(Decimal("0.1"))
    text = number(pct.normalize() if pct == pct.to_integral() else pct, lang)
    return f"{text} %" if lang == "sv" else f"{text}%"


def amount(value: Decimal | int | None, unit: str, lang: str) -> str:
    if value is None:
        return t("no-value", lang)
    if unit in ("share", "ratio"):
        return percent(value, lang)
    if isinstance(value, Decimal):
        value = (
            value.quantize(Decimal("0.01")).normalize() if value != value.to_integral() else value
        )
    return number(value, lang)


def value_text(r: RuleResult, b: BucketResult, lang: str) -> str:
    if b.value is None and b.required is None:
        return ""
    value = amount(b.value, r.unit, lang)
    if b.required is None or r.bound is None:
        return value
    required = t(f"bound-{r.bound}", lang, n=amount(b.required, r.unit, lang))
    if r.measure:
        required += " " + measure_word(r.measure, lang)
    return t("value-vs", lang, value=value, required=required)


def note_text(note: str, lang: str) -> str:
    """A rule's interpretation note, introduced as one unless it already says so."""
    if note.casefold().startswith(("tolkning", "interpretation")):
        return note[0].upper() + note[1:]
    return t("report-note", lang, note=note)


def measure_word(measure: str, lang: str) -> str:
    """``hours`` → ``timmar``; an extra field's name as written."""
    code = f"measure-{measure}"
    from loften.messages import CATALOG

    return t(code, lang) if code in CATALOG else measure


def party_heading(parties: tuple[str, ...], p: PromiseResult, lang: str) -> str:
    names = [p.parties.get(x, x) for x in parties]
    if len(names) == 1:
        return names[0]
    joined = ", ".join(names[:-1]) + f" {t('report-and', lang)} " + names[-1]
    return t("report-joint", lang, parties=joined)


def group_by_party(p: PromiseResult, lang: str) -> list[tuple[str, list[CommitmentResult]]]:
    """Commitments grouped by their parties, in the order the promise names them."""
    groups: dict[tuple[str, ...], list[CommitmentResult]] = {}
    for c in p.commitments:
        groups.setdefault(tuple(c.parties), []).append(c)
    return [(party_heading(k, p, lang), v) for k, v in groups.items()]


#: Lines of one kind a report for people lists — data-quality notes of one kind in one
#: file, activities a bucket leaves out — before it counts the rest in one line. (The
#: JSON report lists every one.)
LISTED = 50


def quality_lines(p: PromiseResult, lang: str) -> list[tuple[str, str]]:
    """The data-quality section as (where, words), by path and line: every note, up to
    :data:`LISTED` of one kind in one file, then a line with how many more. A
    national log has hundreds of thousands of activities no rule looks at; a steering
    group reads the first ones and the count, a program reads the JSON."""
    out: list[tuple[str, str]] = []
    seen: Counter[str] = Counter()
    path: str | None = None

    def more() -> None:
        for code, n in sorted(seen.items()):
            if n > LISTED and path is not None:
                what = f"quality-what-{code}"
                what = what if what in CATALOG else "quality-what-other"
                out.append((path, t("quality-more", lang, n=n - LISTED, what=t(what, lang))))

    for q in sorted(p.data_quality, key=lambda q: q.sort):
        if q.sort[0] != path:
            more()
            path = q.sort[0]
            seen.clear()
        seen[q.code] += 1
        if seen[q.code] <= LISTED:
            out.append((q.where, q.text(lang)))
    more()
    return out


def left_out_lines(b: BucketResult, lang: str) -> tuple[list[tuple[str, str]], str | None]:
    """The activities ``b`` leaves out, as (activity, reason), up to :data:`LISTED`, and
    the line that counts the rest (``None`` when there is no rest)."""
    shown = [(x.activity, x.text(lang)) for x in b.left_out[:LISTED]]
    rest = len(b.left_out) - LISTED
    return shown, (t("left-out-more", lang, n=rest) if rest > 0 else None)
