"""Small inline SVG charts, one per rule, for the HTML report.

The geometry is computed here, the markup is drawn by the ``chart-*.svg.j2``
templates through the HTML environment, whose autoescape escapes every label.
Each chart is a ``<figure class="chart" id="chart-…">`` around an ``<svg
role="img">`` with a ``<title>`` and a ``<desc>`` that say in words what it shows.
Coordinates are printed with one decimal, so the same report draws the same bytes.

Which chart a rule gets:

* occurrences, planned dates, requests … with a day (``cadence``, ``schedule``,
  ``response``, ``deadline`` items): a **timeline**, one row per status;
* one bucket measured as a share (``share``, ``cadence`` without dated items): a
  **0–100 % bar** with the bound marked;
* items without a day (``coverage``), or buckets without values (``attested``): a
  **strip** of status cells;
* everything else (``count``, ``sum``, ``trend`` …): **bars** per bucket, the bound
  drawn as a line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from jinja2 import Environment
from markupsafe import Markup

from loften.calendar import human_label, month_name, prose_date
from loften.messages import t
from loften.reporters.people import TALLY_ORDER, badge, item_label
from loften.reporters.words import SYMBOLS, amount, status_word, value_text
from loften.results import BucketResult, Item, RuleResult

WIDTH = 640
LEFT = 52
RIGHT = WIDTH - 16
MAX_LABELS = 12
MAX_VALUE_LABELS = 24


def px(x: float | Decimal | int) -> str:
    """A coordinate with at most one decimal: ``12``, ``12.5``."""
    text = f"{float(x):.1f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    desc: str
    height: int


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    status: str
    tip: str
    label: str


@dataclass(frozen=True)
class Segment:
    x1: float
    x2: float
    y: float
    label: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    anchor: str = "middle"


@dataclass(frozen=True)
class Row:
    y: float
    status: str
    label: str
    marks: tuple[tuple[float, str], ...]


@dataclass(frozen=True)
class Cell:
    x: float
    w: float
    status: str
    symbol: str
    tip: str
    label: str


def chart(
    env: Environment,
    rule: RuleResult,
    chart_id: str,
    title: str,
    start: date,
    end: date,
    as_of: date,
    lang: str,
) -> Markup:
    items = [i for b in rule.buckets for i in b.items]
    by_bucket = [(b.bucket, b.status) for b in rule.buckets]
    if rule.kind == "attested" and len(rule.buckets) > 1:
        return _strip(env, by_bucket, chart_id, title, lang)
    if items and all(item_day(i) for i in items):
        return _timeline(env, rule, items, chart_id, title, start, end, as_of, lang)
    if items:
        return _strip(env, [(i.label, i.status) for i in items], chart_id, title, lang)
    if all(b.value is None for b in rule.buckets) and rule.unit not in ("share", "ratio"):
        return _strip(env, by_bucket, chart_id, title, lang)
    if len(rule.buckets) == 1:
        return _gauge(env, rule, rule.buckets[0], chart_id, title, lang)
    return _bars(env, rule, chart_id, title, lang)


# ---------------------------------------------------------------- bars


def _bars(env: Environment, rule: RuleResult, chart_id: str, title: str, lang: str) -> Markup:
    height, top, bottom = 190, 18, 150
    buckets = rule.buckets
    share = rule.unit in ("share", "ratio")
    numbers = [Decimal(v) for b in buckets for v in (b.value, b.required) if v is not None]
    peak = Decimal(1) if share else max(numbers, default=Decimal(0))
    peak = peak if peak > 0 else Decimal(1)
    slot = (RIGHT - LEFT) / len(buckets)
    width = max(1.0, min(slot * 0.6, 48.0))

    def y(v: Decimal | int) -> float:
        return bottom - float(Decimal(v) / peak) * (bottom - top) * 0.9

    bars: list[Bar] = []
    segments: list[Segment] = []
    for i, b in enumerate(buckets):
        x0 = LEFT + i * slot
        label = human_label(b.bucket, lang)
        tip = f"{label}: {_value(rule, b, lang)} – {status_word(b.status, lang)}"
        if b.value is not None:
            top_y = y(b.value)
            value_label = ""
            if len(buckets) <= MAX_VALUE_LABELS:
                value_label = f"{amount(b.value, rule.unit, lang)} {SYMBOLS[b.status]}"
            bars.append(
                Bar(
                    x0 + (slot - width) / 2,
                    top_y,
                    width,
                    bottom - top_y,
                    b.status,
                    tip,
                    value_label,
                )
            )
        if b.required is not None and rule.bound is not None:
            by = y(b.required)
            bound = t(f"bound-{rule.bound}", lang, n=amount(b.required, rule.unit, lang))
            last = segments[-1] if segments else None
            if last and last.y == by and abs(last.x2 - x0) < 0.01:
                segments[-1] = Segment(last.x1, x0 + slot, by, last.label)
            else:
                segments.append(Segment(x0, x0 + slot, by, bound))
    step = -(-len(buckets) // MAX_LABELS)
    ticks = [
        Tick(LEFT + (i + 0.5) * slot, human_label(b.bucket, lang))
        for i, b in enumerate(buckets)
        if i % step == 0
    ]
    axis = [Tick(bottom, amount(0, rule.unit, lang)), Tick(y(peak), amount(peak, rule.unit, lang))]
    values = "; ".join(
        f"{human_label(b.bucket, lang)}: {_value(rule, b, lang)} – {status_word(b.status, lang)}"
        for b in buckets
    )
    meta = Chart(chart_id, title, t("people-chart-bars", lang, values=values), height)
    return _draw(
        env,
        "chart-bars.svg.j2",
        chart=meta,
        bars=bars,
        segments=segments,
        ticks=ticks,
        axis=axis,
        left=LEFT,
        right=RIGHT,
        bottom=bottom,
    )


def _value(rule: RuleResult, b: BucketResult, lang: str) -> str:
    return value_text(rule, b, lang) or t("no-value", lang)


# ---------------------------------------------------------------- gauge


def _gauge(
    env: Environment, rule: RuleResult, b: BucketResult, chart_id: str, title: str, lang: str
) -> Markup:
    """One bucket as a horizontal bar: 0–100 % for a share, else 0 to the larger of
    value and bound; the bound is marked."""
    span = RIGHT - LEFT
    share = rule.unit in ("share", "ratio")
    value = Decimal(b.value) if b.value is not None else None
    required = Decimal(b.required) if b.required is not None else None
    top = Decimal(1) if share else max(value or Decimal(0), required or Decimal(0), Decimal(1))

    def x(v: Decimal) -> float:
        return LEFT + span * float(min(max(v, Decimal(0)), top) / top)

    bound = None
    if required is not None and rule.bound is not None:
        words = t(f"bound-{rule.bound}", lang, n=amount(required, rule.unit, lang))
        at = x(required)
        anchor = "end" if at > RIGHT - 40 else "start" if at < LEFT + 40 else "middle"
        bound = Tick(at, words, anchor)
    value_words = (
        amount(value, rule.unit, lang) if value is not None else status_word(b.status, lang)
    )
    desc = t(
        "people-chart-gauge",
        lang,
        bucket=human_label(b.bucket, lang),
        value=value_words,
        required=bound.label if bound else t("no-value", lang),
        status=status_word(b.status, lang),
    )
    marks = [Decimal(k) / 4 for k in range(5)] if share else _whole_ticks(top)
    ticks = [Tick(x(m), amount(m, rule.unit, lang)) for m in marks]
    ticks[0] = Tick(ticks[0].x, ticks[0].label, "start")
    ticks[-1] = Tick(ticks[-1].x, ticks[-1].label, "end")
    return _draw(
        env,
        "chart-gauge.svg.j2",
        chart=Chart(chart_id, title, desc, 84),
        left=LEFT,
        span=span,
        fill=x(value) - LEFT if value is not None else 0.0,
        status=b.status,
        label=f"{value_words} {SYMBOLS[b.status]}",
        bound=bound,
        ticks=ticks,
    )


def _whole_ticks(top: Decimal) -> list[Decimal]:
    """0 … top in at most five whole steps."""
    step = max(1, int(-(-top // 4)))
    marks = [Decimal(k) for k in range(0, int(top) + 1, step)]
    return marks if marks[-1] == top else [*marks, top]


# ---------------------------------------------------------------- timeline

_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})")


def item_day(item: Item) -> date | None:
    """The day an item is drawn at: its own, or the first day its label names."""
    if item.day is not None:
        return item.day
    label = item.label.partition("@")[0]
    if m := _DAY.fullmatch(label):
        return date.fromisoformat(m.group(1))
    if m := _WEEK.fullmatch(label):
        return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    if m := _MONTH.fullmatch(label):
        return date(int(m.group(1)), int(m.group(2)), 1)
    return None


def _timeline(
    env: Environment,
    rule: RuleResult,
    items: list[Item],
    chart_id: str,
    title: str,
    start: date,
    end: date,
    as_of: date,
    lang: str,
) -> Markup:
    marked = [(item_day(i), i) for i in items]
    first = min([start, *(d for d, _ in marked if d)])
    last = max([end, *(d for d, _ in marked if d)])
    total = max((last - first).days, 1)
    left = 150

    def x(d: date) -> float:
        return left + (RIGHT - left) * (d - first).days / total

    statuses = [s for s in TALLY_ORDER if any(i.status == s for i in items)]
    rows = []
    for k, status in enumerate(statuses):
        marks = tuple(
            (x(d), f"{item_label(i.label, lang)}: {status_word(i.status, lang)}")
            for d, i in marked
            if d and i.status == status
        )
        count = len(marks)
        rows.append(Row(26 + k * 22, status, f"{badge(status, lang).text} ({count})", marks))
    height = 26 + len(rows) * 22 + 30
    axis_y = height - 26
    ticks = [Tick(x(d), text) for d, text in _calendar_ticks(first, last, lang)]
    now = Tick(x(as_of), t("people-chart-as-of", lang)) if first <= as_of <= last else None
    counts = ", ".join(f"{status_word(r.status, lang)}: {len(r.marks)}" for r in rows)
    desc = t(
        "people-chart-timeline",
        lang,
        start=prose_date(first, lang),
        end=prose_date(last, lang),
        counts=counts,
    )
    meta = Chart(chart_id, title, desc, height)
    return _draw(
        env,
        "chart-timeline.svg.j2",
        chart=meta,
        rows=rows,
        ticks=ticks,
        now=now,
        left=left,
        right=RIGHT,
        axis_y=axis_y,
    )


def _calendar_ticks(first: date, last: date, lang: str) -> list[tuple[date, str]]:
    """Year starts over long spans, month starts (every second or third) over short ones."""
    if (last - first).days > 540:
        return [
            (date(y, 1, 1), str(y))
            for y in range(first.year, last.year + 1)
            if first <= date(y, 1, 1) <= last
        ] or [(first, str(first.year))]
    months = []
    d = date(first.year, first.month, 1)
    while d <= last:
        if d >= first:
            months.append(d)
        d = (d + timedelta(days=32)).replace(day=1)
    step = 1 if len(months) <= 6 else 2 if len(months) <= 12 else 3
    return [(m, f"{month_name(m.month, lang)[:3]} {m.year}") for m in months[::step]]


# ---------------------------------------------------------------- strip


def _strip(
    env: Environment, cells: Sequence[tuple[str, str]], chart_id: str, title: str, lang: str
) -> Markup:
    slot = (RIGHT - LEFT) / max(len(cells), 1)
    gap = min(4.0, slot * 0.1)
    labelled = len(cells) <= MAX_LABELS
    drawn = []
    for i, (label, status) in enumerate(cells):
        text = item_label(label, lang)
        drawn.append(
            Cell(
                LEFT + i * slot + gap / 2,
                slot - gap,
                status,
                SYMBOLS[status] if slot >= 12 else "",
                f"{text}: {status_word(status, lang)}",
                _shorten(text, max(3, int(slot / 6.5))) if labelled else "",
            )
        )
    values = "; ".join(
        t("people-chart-item", lang, label=item_label(label, lang), status=status_word(s, lang))
        for label, s in cells
    )
    meta = Chart(chart_id, title, t("people-chart-strip", lang, values=values), 84)
    return _draw(env, "chart-strip.svg.j2", chart=meta, cells=drawn)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _draw(env: Environment, template: str, **context: object) -> Markup:
    return Markup(env.get_template(template).render(width=WIDTH, **context).strip())
