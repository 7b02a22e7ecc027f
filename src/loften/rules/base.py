"""What every rule kind shares: common keys, the evaluation context, bounds and
the status arithmetic of SPEC §5.3–§5.4.

A rule kind is one module in this package with one pydantic model whose
``evaluate(ctx)`` is pure: activities in, :class:`~loften.results.BucketResult`
out, before exceptions and severity (which the engine applies the same way for
every kind).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import compress, count, repeat
from operator import is_not
from typing import Annotated, Any, ClassVar, Literal, Protocol

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from loften.activities.model import Activity, Attestation
from loften.activities.picked import Picked, refs
from loften.calendar import Bucket, Per, make_buckets, prorata_exact, prorata_whole
from loften.errors import BadValue
from loften.results import BucketResult, LeftOut, Msg, Status, Value
from loften.spec.filters import Filter
from loften.spec.types import Date, Id, Text


def _severity(v: Any) -> Any:
    if isinstance(v, str):
        key = v.strip().casefold()
        return {"fel": "error", "varning": "warning"}.get(key, key)
    return v


class RuleBase(BaseModel):
    """Keys every rule has (SPEC §2.3, §2.2)."""

    # Built on first use (issue 7): a promise builds the models of the kinds it uses.
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)

    #: The user documentation of the kind, shown by ``loften explain``.
    summary: ClassVar[tuple[str, str]] = ("", "")
    #: Bucketed kinds take ``per``; the others have one bucket, ``total``, with items.
    unit: ClassVar[str] = "count"

    id: Id | None = None
    title: Text | None = None
    note: Text | None = None
    severity: Annotated[Literal["error", "warning"], BeforeValidator(_severity)] = "error"
    from_: Date | None = Field(default=None, alias="from")
    until: Date | None = None

    @model_validator(mode="after")
    def _window(self) -> RuleBase:
        if self.from_ and self.until and self.until < self.from_:
            raise BadValue("until-before-from")
        return self

    def filters(self) -> dict[str, Filter]:
        """Every filter of the rule by key, so the engine can check their fields."""
        return {}

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        raise NotImplementedError


class Selector(Protocol):
    """A compiled filter (see :mod:`loften.engine.select`)."""

    takes_all: bool
    """Whether it takes every activity it is given (so none need be asked)."""

    def __call__(self, activity: Activity) -> bool: ...

    def why_not(self, activity: Activity) -> Msg: ...


@dataclass(frozen=True)
class Relaxed:
    """A bound an exception relaxes a bucket to (SPEC §5.6)."""

    at_least: Value | None = None
    at_most: Value | None = None


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may look at. Built by the engine; no I/O, no clock."""

    as_of: date
    start: date
    end: date
    activities: Sequence[Activity]
    """Activities that count: status done, not a ``same_as`` copy, started by ``as_of``."""
    select: Callable[[Filter], Selector]
    label: Callable[[str], str]
    """Display name of an activity type id."""
    values_of: Callable[[Activity, str], tuple[str, ...]] = lambda a, f: ()
    """The normalised values of a field of an activity (for ``distinct``, ``coverage``)."""
    number_of: Callable[[Activity, str], Decimal | None] = lambda a, f: None
    """The numeric value of a field of an activity (for ``sum``)."""
    numbers_of: Callable[[Sequence[Activity], str], list[Decimal | None]] | None = None
    """:attr:`number_of` of many activities at once, when the engine has a faster way
    (see :meth:`numbers`)."""
    attestations: Sequence[Attestation] = ()
    indicators: Sequence[Any] = ()
    seasons: Mapping[str, tuple[str, str]] | None = None
    relaxed: Mapping[str, Relaxed] = field(default_factory=dict)
    """Bucket label -> relaxed bound, from the rule's exceptions."""
    waived_items: frozenset[str] = frozenset()
    """Item labels an applying exception takes out of the denominator (kinds without per)."""
    rule_path: str = ""

    def chosen(self, selector: Selector, start: date, end: date) -> Picked:
        """The activities ``selector`` takes that start in ``[start, end]``, in log order.

        Usually every activity starts in the period and the engine has already chosen
        them with this very selector (:attr:`Selector.takes_all`): then nothing is asked
        one by one, and no activity is even looked at. A national rule holds hundreds of
        thousands (issue 7)."""
        picked = Picked.of(self.activities)
        days = picked.days()
        distinct = set(days)
        if distinct and (min(distinct) < start or max(distinct) > end):
            picked = picked.where([start <= d <= end for d in days])
        if selector.takes_all:
            return picked
        return picked.where(list(map(selector, picked)))

    def numbers(self, activities: Sequence[Activity], name: str) -> list[Decimal | None]:
        """:attr:`number_of` of each activity, in order."""
        if self.numbers_of is None:
            return list(map(self.number_of, activities, repeat(name)))
        return self.numbers_of(activities, name)

    def window(self, rule: RuleBase) -> tuple[date, date]:
        """The rule's period: the promise's, narrowed by ``from``/``until``."""
        start = max(self.start, rule.from_) if rule.from_ else self.start
        end = min(self.end, rule.until) if rule.until else self.end
        return start, end


class PerRule(RuleBase):
    """A rule judged per bucket of time (``per``, ``align``, ``prorate``)."""

    per: Per = "total"
    align: Literal["period", "calendar"] = "calendar"
    prorate: Annotated[bool, BeforeValidator(lambda v: _bool(v))] = False

    def buckets(self, ctx: RuleContext) -> tuple[Bucket, ...]:
        start, end = ctx.window(self)
        return make_buckets(self.per, start, end, align_period=self.align == "period")


def _bool(v: Any) -> Any:
    from loften import values

    return values.parse_bool(v) if isinstance(v, str) else v


def group(buckets: Sequence[Bucket], activities: Sequence[Activity]) -> dict[str, Picked]:
    """Activities by the label of the bucket their start date falls in (SPEC §5.3)."""
    from loften.calendar import BucketIndex

    picked = Picked.of(activities)
    index = BucketIndex(buckets)
    lists: dict[str, list[int]] = {b.label: [] for b in buckets}
    # Each day's bucket found once, and each activity's position put in its bucket's list
    # in C: a national rule groups a million activities that start on a few hundred days.
    days = picked.days()
    of_day: dict[date, list[int] | None] = {}
    for d in set(days):
        b = index.find(d)
        of_day[d] = None if b is None else lists[b.label]
    targets: list[Any] = list(map(of_day.__getitem__, days))
    positions: Iterable[int] = count()
    if None in targets:  # some start outside every bucket
        inside = list(map(is_not, targets, repeat(None)))
        targets, positions = list(compress(targets, inside)), compress(positions, inside)
    deque(map(list.append, targets, positions), maxlen=0)
    return {label: picked.at(found) for label, found in lists.items()}


@dataclass(frozen=True)
class Judgement:
    status: Status
    required: Value | None
    expected: Value | None = None
    left: Value | None = None
    due: date | None = None


def judge(
    value: Value,
    bucket_start: date,
    bucket_end: date,
    as_of: date,
    *,
    at_least: Value | None = None,
    at_most: Value | None = None,
    exactly: Value | None = None,
    whole: bool = True,
) -> Judgement:
    """Status of a bucket measured against its bound (SPEC §5.4, first three rows).

    ``whole`` rounds the pro-rata target down (counts); ``sum`` passes False and
    compares with the unrounded target.
    """
    required = exactly if exactly is not None else at_least if at_least is not None else at_most
    if as_of < bucket_start:
        return Judgement("not-started", required, due=bucket_end)
    over = as_of > bucket_end
    low = exactly if exactly is not None else at_least
    if over:
        ok = (low is None or value >= low) and (at_most is None or value <= at_most)
        if exactly is not None:
            ok = value == exactly
        return Judgement("pass" if ok else "fail", required)
    # open bucket
    if at_most is not None and value > at_most:
        return Judgement("fail", required)
    if exactly is not None and value > exactly:
        return Judgement("fail", required)
    if low is None:
        return Judgement("on-track", required, due=bucket_end)
    length = (bucket_end - bucket_start).days + 1
    elapsed = min((as_of - bucket_start).days + 1, length)
    if isinstance(low, int) and whole:
        target: Value = prorata_whole(low, elapsed, length)
    else:
        target = prorata_exact(Decimal(low), elapsed, length)
    left = max(low - value, 0)
    if exactly is None and at_most is None and value >= low:
        return Judgement("pass", required, target, 0, bucket_end)
    status: Status = "behind" if value < target else "on-track"
    return Judgement(status, required, target, left, bucket_end)


def bound_of(rule: Any, bucket: Bucket, ctx: RuleContext) -> dict[str, Value | None]:
    """The rule's bound for one bucket, scaled when ``prorate`` and the bucket is clipped."""
    from loften.calendar import prorate_bound

    out: dict[str, Value | None] = {
        "at_least": getattr(rule, "at_least", None),
        "at_most": getattr(rule, "at_most", None),
        "exactly": getattr(rule, "exactly", None),
    }
    if getattr(rule, "prorate", False) and bucket.clipped:
        mode_sum = rule.unit != "count"
        for key in ("at_least", "at_most"):
            v = out[key]
            if v is not None:
                out[key] = prorate_bound(v, bucket, "sum" if mode_sum else key)
    return out


def bucket_result(
    bucket: Bucket,
    ctx: RuleContext,
    value: Value,
    bound: Mapping[str, Value | None],
    *,
    counted: Sequence[Activity] = (),
    left_out: Sequence[LeftOut] = (),
    whole: bool = True,
) -> BucketResult:
    """A bucket judged on its bound, and on a relaxed bound when an exception gives one."""
    j = judge(value, bucket.start, bucket.end, ctx.as_of, whole=whole, **bound)
    relaxed = ctx.relaxed.get(bucket.label)
    relaxed_status: Status | None = None
    if relaxed is not None:
        rb = {
            "at_least": relaxed.at_least if relaxed.at_least is not None else None,
            "at_most": relaxed.at_most if relaxed.at_most is not None else bound.get("at_most"),
            "exactly": None,
        }
        if rb["at_least"] is None and relaxed.at_most is None:
            rb["at_least"] = bound.get("at_least") or bound.get("exactly")
        relaxed_status = judge(value, bucket.start, bucket.end, ctx.as_of, whole=whole, **rb).status
    counted_refs = refs(counted) if j.status != "not-started" else ()
    return BucketResult(
        bucket=bucket.label,
        start=bucket.start,
        end=bucket.end,
        status=j.status,
        value=value if j.status != "not-started" else None,
        required=j.required,
        counted=counted_refs,
        left_out=tuple(left_out),
        expected=j.expected,
        left=j.left,
        due=j.due,
        relaxed_status=relaxed_status,
    )


def check_one_bound(rule: Any, *, exactly_allowed: bool = True) -> None:
    """A rule needs a bound: ``at_least``, ``at_most`` (or both), or ``exactly`` alone."""
    lo, hi = getattr(rule, "at_least", None), getattr(rule, "at_most", None)
    ex = getattr(rule, "exactly", None)
    if ex is not None and (lo is not None or hi is not None):
        raise BadValue("bound-exactly-alone")
    if lo is None and hi is None and ex is None:
        raise BadValue("bound-missing")
    if lo is not None and hi is not None and lo > hi:
        raise BadValue("bound-empty-range")
    if getattr(rule, "prorate", False) and ex is not None:
        raise BadValue("prorate-exactly")


def left_out_each(selector: Selector, activity: Activity) -> LeftOut:
    msg = selector.why_not(activity)
    return LeftOut(activity=activity.ref, code=msg.code, params=msg.params)


__all__ = [
    "Judgement",
    "PerRule",
    "Relaxed",
    "RuleBase",
    "RuleContext",
    "Selector",
    "bound_of",
    "bucket_result",
    "check_one_bound",
    "group",
    "judge",
    "left_out_each",
]
