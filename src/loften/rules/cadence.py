"""``cadence``: something happens every day, week, month or listed weekday.

Reads: "Polisen ska fotpatrullera i centrum minst en gång i veckan"; "varje helgfri
torsdag kl. 10–11"; "alla fredags- och lördagskvällar".

```yaml
kind: cadence
match: {type: patrull, place: centrum}
every: week
times: 1
coverage: 90%
max_gap: 14 dagar
```

``every`` is ``day``, ``week`` (ISO weeks) or ``month`` (calendar months) — in
Swedish ``dag``, ``vecka``, ``månad`` — or a weekday (``thursday``, ``torsdag``) or a
list of weekdays (``[fredag, lördag]``). Each of these in the rule's period is an
*occurrence*; it is held when matching activities touch it at least ``times`` times
(an activity holds every occurrence its days, ``date`` to ``end``, touch; a tally row
counts ``quantity`` times). The rule holds when at least ``coverage`` (default 100 %)
of the occurrences are held and, with ``max_gap``, no stretch of days without a
matching activity is longer than that.

A first or last week or month cut by the period needs its full ``times`` unless
``prorate: true``, which asks only its share of ``times``, rounded down; an
occurrence that then needs nothing is not counted. ``skip_holidays: true`` (only with
days and weekdays) leaves out the allmänna helgdagar. An exception may name a single
occurrence (``2021-05-14``, ``2020-W13``, ``2020-03``), which then leaves the count.
The value is the share of occurrences held; every occurrence is listed.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import compress, count
from operator import ne
from typing import Annotated, Any, Literal, cast

from pydantic import BeforeValidator, WithJsonSchema, model_validator

from loften import values
from loften.activities.picked import Picked, refs
from loften.calendar import (
    WEEKDAY_KEYS,
    Bucket,
    is_holiday,
    make_buckets,
    normalize_label,
    parse_weekday,
    prorate_bound,
)
from loften.errors import BadValue, suggest
from loften.results import BucketResult, Item, LeftOut, Msg, Status
from loften.rules.base import RuleBase, RuleContext
from loften.spec.filters import Filter
from loften.spec.types import Bool, Days, Positive, Share

Unit = Literal["day", "week", "month"]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_UNITS: dict[str, Unit] = {
    "day": "day",
    "dag": "day",
    "week": "week",
    "vecka": "week",
    "month": "month",
    "månad": "month",
}
_DAY = timedelta(days=1)
# As written: English or Swedish, one weekday or a list (the model keeps English keys).
_EVERY_SCHEMA = WithJsonSchema(
    {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
)


def _every(v: Any) -> Any:
    """``week``/``vecka`` -> ``"week"``; a weekday or a list of them -> English keys."""
    if isinstance(v, str):
        key = values.norm(v)
        if key in _UNITS:
            return _UNITS[key]
        v = [v]
    if isinstance(v, list | tuple):
        if not v:
            raise BadValue("cadence-every-empty")
        days: list[str] = []
        for x in v:
            if not isinstance(x, str):
                raise BadValue("expected-text")
            try:
                day = WEEKDAY_KEYS[parse_weekday(x)]
            except BadValue as err:
                known = [*_UNITS, *WEEKDAY_KEYS]
                raise BadValue(
                    "cadence-every-invalid", text=x, hint=suggest(x, known) or ""
                ) from err
            if day not in days:
                days.append(day)
        return tuple(sorted(days, key=WEEKDAY_KEYS.index))
    return v


@dataclass(frozen=True)
class Occurrence:
    label: str
    first: date
    last: date
    need: int


@dataclass
class Tally:
    """Occurrences in the denominator, held, missed for good, and no longer pending."""

    total: int = 0
    held: int = 0
    missed: int = 0
    closed: int = 0
    held_closed: int = 0


@dataclass(frozen=True)
class Gap:
    """The longest stretch without a matching activity, and the one running at ``as_of``."""

    days: int
    first: date | None
    last: date | None
    trailing: int


class CadenceRule(RuleBase):
    kind: Literal["cadence"]
    summary = (
        "något görs varje dag, vecka, månad eller utvald veckodag, med tillräcklig täckning",
        "something is done every day, week, month or chosen weekday, with enough coverage",
    )
    unit = "ratio"
    match: Filter
    every: Annotated[Unit | tuple[Weekday, ...], BeforeValidator(_every), _EVERY_SCHEMA]
    times: Positive = 1
    coverage: Share = Decimal(1)
    max_gap: Days | None = None
    skip_holidays: Bool = False
    prorate: Bool = False

    @model_validator(mode="after")
    def _holidays(self) -> CadenceRule:
        if self.skip_holidays and self.every in ("week", "month"):
            raise BadValue("cadence-skip-holidays-unit", every=self.every)
        return self

    def filters(self) -> dict[str, Filter]:
        return {"match": self.match}

    def buckets(self, ctx: RuleContext) -> tuple[Bucket, ...]:
        """The one bucket, ``total``, so an exception may relax ``coverage`` (SPEC §5.6)."""
        start, end = ctx.window(self)
        return (Bucket("total", start, end, start, end),)

    def occurrences(self, start: date, end: date) -> list[Occurrence]:
        """Every occurrence of ``every`` in ``[start, end]``, holidays skipped if asked."""
        if self.every == "week" or self.every == "month":
            out = []
            for b in make_buckets(self.every, start, end):
                need = self.times
                if self.prorate and b.clipped:
                    need = int(prorate_bound(self.times, b, "at_least"))
                if need > 0:  # a sliver of a week prorated to nothing is no occurrence
                    out.append(Occurrence(b.label, b.start, b.end, need))
            return out
        wanted = None if self.every == "day" else {WEEKDAY_KEYS.index(w) for w in self.every}
        return [
            Occurrence(d.isoformat(), d, d, self.times)
            for d in _days(start, end)
            if (wanted is None or d.weekday() in wanted)
            and not (self.skip_holidays and is_holiday(d))
        ]

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        start, end = ctx.window(self)
        if ctx.as_of < start:
            return (BucketResult(bucket="total", start=start, end=end, status="not-started"),)
        match = ctx.select(self.match)
        last_seen = min(end, ctx.as_of)
        chosen = ctx.chosen(match, start, end)
        occs = self.occurrences(start, end)
        holders, counted, left_out = self._hold(occs, chosen, last_seen, ctx)
        items, tally = _items(occs, [chosen.at(held) for held in holders], ctx)
        gap = _gap(_active_days(chosen, start, last_seen), start, last_seen)
        open_ = ctx.as_of <= end
        relaxed = ctx.relaxed.get("total")
        need = _ceil(self.coverage * tally.total)
        return (
            BucketResult(
                bucket="total",
                start=start,
                end=end,
                status=self._judge(self.coverage, tally, gap, (end - last_seen).days, open_),
                value=Decimal(tally.held) / Decimal(tally.total) if tally.total else None,
                required=self.coverage,
                counted=refs(chosen if counted is None else chosen.at(counted)),
                left_out=tuple(left_out),
                left=max(need - tally.held, 0) if open_ else None,
                due=end if open_ else None,
                items=tuple(items),
                detail=self._detail(tally, need, gap),
                relaxed_status=None
                if relaxed is None or relaxed.at_least is None
                else self._judge(
                    Decimal(relaxed.at_least), tally, gap, (end - last_seen).days, open_
                ),
            ),
        )

    def _judge(self, coverage: Decimal, t: Tally, gap: Gap, days_left: int, open_: bool) -> Status:
        """SPEC §5.4, cadence row. While open, a pass must be final: with ``max_gap`` the
        days still to come, added to the stretch running now, must not make a gap too long."""
        need = coverage * t.total
        gap_fail = self.max_gap is not None and gap.days > self.max_gap
        if not open_:
            return "pass" if t.held >= need and not gap_fail else "fail"
        if gap_fail or t.total - t.missed < need:
            return "fail"
        safe = self.max_gap is None or gap.trailing + days_left <= self.max_gap
        if t.held >= need and safe:
            return "pass"
        if t.closed and t.held_closed < coverage * t.closed:
            return "behind"
        return "on-track"

    def _hold(
        self, occs: list[Occurrence], chosen: Picked, last_seen: date, ctx: RuleContext
    ) -> tuple[list[list[int]], list[int] | None, list[LeftOut]]:
        """Where in ``chosen`` the activities holding each occurrence are; those that hold
        one (``None``: all), and those that hold none, with the reason. Only days up to
        ``last_seen`` hold anything."""
        index: dict[date, int] = {}
        for i, o in enumerate(occs):
            for d in _days(o.first, o.last):
                index[d] = i
        holders: list[list[int]] = [[] for _ in occs]
        # The usual case, told in C: every activity one day long, by ``last_seen``, on a
        # day of some occurrence. Each then holds that occurrence and nothing is left out.
        days = chosen.days()
        if days == chosen.ends() and (not days or max(days) <= last_seen):
            hits = list(map(index.get, days))
            if None not in hits:
                lists = list(map(holders.__getitem__, cast(list[int], hits)))
                deque(map(list.append, lists, count()), maxlen=0)
                return holders, None, []
        counted: list[int] = []
        left_out: list[LeftOut] = []
        for k, a in enumerate(chosen):
            last = min(a.end, last_seen)
            if a.date == last:  # one day, as most are
                hit = index.get(last)
                if hit is not None:
                    holders[hit].append(k)
                    counted.append(k)
                    continue
                days, touched = [last], []
            else:
                days = _days(a.date, last)
                touched = sorted({index[d] for d in days if d in index})
            for i in touched:
                holders[i].append(k)
            if touched:
                counted.append(k)
                continue
            holiday = self.skip_holidays and any(is_holiday(d) for d in days)
            code = "cadence-holiday" if holiday else "cadence-no-occurrence"
            params = {"date": a.date, "type": ctx.label(a.type)}
            left_out.append(LeftOut(activity=a.ref, code=code, params=params))
        return holders, counted, left_out

    def _detail(self, t: Tally, need: int, gap: Gap) -> Msg:
        unit = self.every if self.every == "week" or self.every == "month" else "day"
        gap_msg: Msg | str = ""
        if self.max_gap is not None and gap.days:
            gap_msg = Msg(
                code="cadence-gap",
                params={
                    "days": gap.days,
                    "first": gap.first,
                    "last": gap.last,
                    "max": self.max_gap,
                },
            )
        elif self.max_gap is not None:
            gap_msg = Msg(code="cadence-no-gap", params={"max": self.max_gap})
        return Msg(
            code="cadence-held",
            params={
                "held": t.held,
                "total": t.total,
                "unit": Msg(code=f"cadence-unit-{unit}", params={"n": t.total}),
                "need": need,
                "gap": gap_msg,
            },
        )


def _items(
    occs: list[Occurrence], holders: list[Picked], ctx: RuleContext
) -> tuple[list[Item], Tally]:
    """Each occurrence as an item (SPEC §4.2), and the tally the status rests on. An
    occurrence an exception names leaves the denominator unless it was held."""
    waived = {normalize_label(x) for x in ctx.waived_items} | set(ctx.waived_items)
    items: list[Item] = []
    t = Tally()
    for o, acts in zip(occs, holders, strict=True):
        n = acts.quantity()
        ok, over = n >= o.need, ctx.as_of > o.last
        status: Status
        if ok:
            status = "pass"
        elif o.first > ctx.as_of:
            status = "not-started"
        elif not over:
            status = "on-track"
        else:
            status = "excepted" if o.label in waived else "fail"
        if ok or o.label not in waived:
            t.total += 1
            t.held += ok
            t.missed += status == "fail"
            t.closed += over
            t.held_closed += ok and over
        short = 0 < n < o.need and status != "excepted"
        items.append(
            Item(
                label=o.label,
                status=status,
                counted=refs(acts),
                detail=Msg(code="cadence-item-short", params={"n": n, "need": o.need})
                if short
                else None,
                day=o.first if o.first == o.last else None,
            )
        )
    return items, t


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def _ceil(x: Decimal) -> int:
    n = int(x)
    return n + 1 if n < x else n


def _active_days(chosen: Picked, start: date, last: date) -> set[date]:
    """The days in ``[start, last]`` that some matching activity covers."""
    # Start days at once (a longer activity's first day is among its days), then the
    # rest of the days of the few activities longer than one day.
    out = {d for d in set(chosen.days()) if start <= d <= last}
    longer = map(ne, chosen.days(), chosen.ends())
    for a in chosen.at(compress(count(), longer)):
        out.update(_days(max(a.date, start), min(a.end, last)))
    return out


def _gap(active: set[date], start: date, last: date) -> Gap:
    """The longest run of days in ``[start, last]`` with no matching activity (SPEC §5.5),
    and the run that ends at ``last``."""
    best: tuple[int, date | None, date | None] = (0, None, None)
    run_start: date | None = None
    for d in _days(start, last):
        if d in active:
            run_start = None
            continue
        run_start = run_start or d
        if (d - run_start).days + 1 > best[0]:
            best = ((d - run_start).days + 1, run_start, d)
    trailing = (last - run_start).days + 1 if run_start else 0
    return Gap(*best, trailing=trailing)
