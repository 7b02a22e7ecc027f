"""``schedule``: each date of a published list has a matching activity.

Reads: "Vid medborgardialoger enligt publicerad lista deltar kommun och polis"
(a list of dated citizen dialogues: 14 mars på Rådhustorget, 2 april i Ljusne …).

```yaml
kind: schedule
match: {type: dialog}
dates:
  - {date: 2020-03-14, time: "18:00", place: Rådhustorget}
  - {date: 2020-04-02, place: Ljusne}
  - 2020-09-10
tolerance: 1 dag
```

Each planned date is *held* by a matching activity whose days (``date`` to ``end``)
come within ``tolerance`` days of it (default 0: on the day), at the planned
``place`` when one is given — a place also matches the places declared ``within``
it. ``time`` is shown in the report, not compared. An activity holds at most one
planned date, the nearest; when two are equally near, the earlier. A planned date
may be written as a bare date.

Every planned date is listed, labelled by its date (``2020-03-14``, or
``2020-03-14@Rådhustorget`` when two share a date): held, unheld once its last day
(date + tolerance) is over, or pending until then. The rule is met as soon as every
planned date is held and fails as soon as one is unheld; it is never behind. An
exception may name a planned date by its label, which then leaves the count.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from loften import values
from loften.activities.model import Activity
from loften.results import BucketResult, Item, LeftOut, Msg, Status
from loften.rules.base import RuleBase, RuleContext, Selector
from loften.spec.filters import Cond, Filter
from loften.spec.types import Date, Days, Text, Time


class PlannedDate(BaseModel):
    """One entry of ``dates``: ``{date, time?, place?}``, or a bare date."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    date: Date
    time: Time | None = None
    place: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, v: Any) -> Any:
        return {"date": v} if isinstance(v, str) else v

    def shown(self) -> Msg:
        """The planned date as a report shows it: date, time and place."""
        params: dict[str, Any] = {"date": self.date}
        code = "schedule-on"
        if self.time is not None:
            params["time"] = self.time.strftime("%H:%M")
            code += "-time"
        if self.place:
            params["place"] = self.place
            code += "-place"
        return Msg(code=code, params=params)


def item_labels(keys: Sequence[tuple[str, str | None]]) -> list[str]:
    """Labels of dated items: the date, ``@place`` when two share a date, and ``#2``,
    ``#3`` … for what is still the same after that."""
    per_day: dict[str, int] = {}
    for day, _ in keys:
        per_day[day] = per_day.get(day, 0) + 1
    out: list[str] = []
    seen: dict[str, int] = {}
    for day, extra in keys:
        label = f"{day}@{extra}" if extra and per_day[day] > 1 else day
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label}#{seen[label]}")
    return out


def status_of_items(items: Sequence[Item]) -> Status:
    """A bucket of dated items: ``fail`` when one failed, ``pass`` when all passed, else
    ``on-track``; excepted items leave the count (SPEC §5.4, §5.6)."""
    counted = [i.status for i in items if i.status != "excepted"]
    if "fail" in counted:
        return "fail"
    if all(s == "pass" for s in counted):
        return "pass"
    return "on-track"


class ScheduleRule(RuleBase):
    kind: Literal["schedule"]
    summary = (
        "varje datum i en publicerad lista har en matchande aktivitet",
        "each date of a published list has a matching activity",
    )
    match: Filter
    dates: tuple[PlannedDate, ...] = Field(min_length=1)
    tolerance: Days = 0
    _places: dict[str, Filter] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        # One filter per planned place, built once: the engine compiles every filter
        # that ``filters()`` gives (resolving aliases and ``within``) and finds it
        # again by identity.
        for p in self.dates:
            if p.place and values.norm(p.place) not in self._places:
                self._places[values.norm(p.place)] = {"place": Cond(op="eq", values=(p.place,))}

    def filters(self) -> dict[str, Filter]:
        out = {"match": self.match}
        for i, flt in enumerate(self._places.values()):
            out["dates" if i == 0 else f"dates#{i + 1}"] = flt
        return out

    def labels(self) -> list[str]:
        return item_labels([(p.date.isoformat(), p.place) for p in self.dates])

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        match = ctx.select(self.match)
        at = {key: ctx.select(flt) for key, flt in self._places.items()}
        start, end = ctx.window(self)
        chosen = ctx.chosen(match, start, end)
        holder = self._hold(chosen, at)
        labels = self.labels()
        started = ctx.as_of >= start
        items: list[Item] = []
        pending_until = []
        for i, p in enumerate(self.dates):
            last = p.date + timedelta(days=self.tolerance)
            a = holder.get(i)
            status: Status
            if a is not None:
                status, detail = "pass", _held(p, a)
            elif not started:
                status, detail = "not-started", _pending(p, last)
            elif ctx.as_of <= last:
                status, detail = "on-track", _pending(p, last)
                pending_until.append(last)
            else:
                status = "excepted" if labels[i] in ctx.waived_items else "fail"
                detail = _unheld(p, self.tolerance)
            items.append(
                Item(
                    label=labels[i],
                    status=status,
                    counted=(a.ref,) if a is not None else (),
                    detail=detail,
                    day=p.date,
                )
            )
        used = {id(a) for a in holder.values()}
        left_out = [
            _why_not(a, self.dates, self.tolerance, at, ctx) for a in chosen if id(a) not in used
        ]
        total = sum(1 for it in items if it.status != "excepted")
        held = len(holder)
        status = status_of_items(items) if started else "not-started"
        open_ = status == "on-track"
        return (
            BucketResult(
                bucket="total",
                start=start,
                end=end,
                status=status,
                value=held if started else None,
                required=total,
                counted=tuple(a.ref for a in sorted(holder.values(), key=lambda a: a.date)),
                left_out=tuple(left_out),
                left=len(pending_until) if open_ else None,
                due=max(pending_until, default=end) if open_ else None,
                items=tuple(items),
                detail=Msg(code="schedule-summary", params={"held": held, "total": total}),
            ),
        )

    def _hold(self, chosen: Sequence[Activity], at: dict[str, Selector]) -> dict[int, Activity]:
        """Planned date (index) -> the activity that holds it: nearest pairs first, a tie
        to the earlier planned date, each activity and each date used once."""
        pairs = []
        for i, p in enumerate(self.dates):
            here = at[values.norm(p.place)] if p.place else None
            for j, a in enumerate(chosen):
                gap = _distance(a, p)
                if gap <= self.tolerance and (here is None or here(a)):
                    pairs.append((gap, p.date, i, a.date, j))
        pairs.sort()
        holder: dict[int, Activity] = {}
        taken: set[int] = set()
        for _, _, i, _, j in pairs:
            if i not in holder and j not in taken:
                holder[i] = chosen[j]
                taken.add(j)
        return holder


def _distance(a: Activity, p: PlannedDate) -> int:
    """Days between the planned date and the nearest day of the activity."""
    if a.date <= p.date <= a.end:
        return 0
    return min(abs((a.date - p.date).days), abs((a.end - p.date).days))


def _held(p: PlannedDate, a: Activity) -> Msg:
    if a.date <= p.date <= a.end:
        return Msg(code="schedule-held", params={"planned": p.shown()})
    late = a.date > p.date
    n = _distance(a, p)
    code = "schedule-held-late" if late else "schedule-held-early"
    return Msg(code=code, params={"day": a.date, "n": n, "planned": p.shown()})


def _pending(p: PlannedDate, last: date) -> Msg:
    if last == p.date:
        return Msg(code="schedule-pending-on", params={"planned": p.shown()})
    return Msg(code="schedule-pending", params={"planned": p.shown(), "last": last})


def _unheld(p: PlannedDate, tolerance: int) -> Msg:
    if tolerance:
        return Msg(
            code="schedule-unheld-tolerance", params={"planned": p.shown(), "tolerance": tolerance}
        )
    return Msg(code="schedule-unheld", params={"planned": p.shown()})


def _why_not(
    a: Activity,
    dates: Sequence[PlannedDate],
    tolerance: int,
    at: dict[str, Selector],
    ctx: RuleContext,
) -> LeftOut:
    """A matching activity that holds no planned date: none near enough, or taken."""
    near = any(
        _distance(a, p) <= tolerance and (not p.place or at[values.norm(p.place)](a)) for p in dates
    )
    code = "schedule-spare" if near else "schedule-not-near"
    return LeftOut(activity=a.ref, code=code, params={"date": a.date, "type": ctx.label(a.type)})
