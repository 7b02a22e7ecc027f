"""``sum``: every bucket's sum of a number meets the bound.

Reads: "minst 300 timmar fotpatrullering per år".

```yaml
kind: sum
match: {type: fotpatrullering}
of: hours
per: year
at_least: 300
```

``of`` is ``days``, ``hours``, ``participants`` or a numeric extra field. ``days`` is
the one sum that splits an activity across buckets: each day counts in the bucket
it falls in, up to the earlier of the period's end and ``--as-of``. Every other
number counts whole, in the bucket of the activity's start date. Activities without
the number are listed as left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from itertools import repeat
from operator import is_
from typing import Literal, cast

from pydantic import model_validator

from loften.activities.model import Activity
from loften.calendar import Bucket
from loften.results import BucketResult, LeftOut
from loften.rules.base import (
    PerRule,
    RuleContext,
    bound_of,
    bucket_result,
    check_one_bound,
    group,
    left_out_each,
)
from loften.spec.filters import Filter
from loften.spec.types import Number, Text

PRECISION = Decimal("1e-9")


def day_share(a: Activity, first: date, last: date) -> Decimal:
    """The part of ``a.days`` that falls in ``[first, last]``, spread evenly over its span."""
    lo, hi = max(a.date, first), min(a.end, last)
    if hi < lo:
        return Decimal(0)
    span = (a.end - a.date).days + 1
    inside = (hi - lo).days + 1
    if inside == span:
        return a.days
    return a.days * inside / span


class SumRule(PerRule):
    kind: Literal["sum"]
    summary = (
        "summan av ett tal (dagar, timmar, deltagare …) når gränsen i varje period",
        "every bucket's sum of a number (days, hours, participants …) meets the bound",
    )
    unit = "sum"
    match: Filter
    each: Filter | None = None
    of: Text
    at_least: Number | None = None
    at_most: Number | None = None
    exactly: Number | None = None

    @model_validator(mode="after")
    def _bounds(self) -> SumRule:
        check_one_bound(self)
        return self

    def filters(self) -> dict[str, Filter]:
        return {"match": self.match, **({"each": self.each} if self.each else {})}

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        match = ctx.select(self.match)
        each = ctx.select(self.each) if self.each else None
        start, end = ctx.window(self)
        buckets = self.buckets(ctx)
        chosen = ctx.chosen(match, start, end)
        if self.of == "days":
            return tuple(self._days(bucket, chosen, each, ctx, end) for bucket in buckets)
        grouped = group(buckets, chosen)
        out = []
        for bucket in buckets:
            acts = grouped[bucket.label]
            if each is None:  # the usual case, and a large one: every value at once
                numbers = ctx.numbers(acts, self.of)
                if not any(map(is_, numbers, repeat(None))):  # (a Decimal's == is slow)
                    total = sum(cast(list[Decimal], numbers), Decimal(0))
                    out.append(self._result(bucket, ctx, total, acts, []))
                    continue
            total, counted, left_out = Decimal(0), [], []
            for a in acts:
                if each is not None and not each(a):
                    left_out.append(left_out_each(each, a))
                    continue
                n = ctx.number_of(a, self.of)
                if n is None:
                    left_out.append(
                        LeftOut(activity=a.ref, code="sum-missing", params={"field": self.of})
                    )
                    continue
                total += n
                counted.append(a)
            out.append(self._result(bucket, ctx, total, counted, left_out))
        return tuple(out)

    def _days(
        self,
        bucket: Bucket,
        chosen: Sequence[Activity],
        each,
        ctx: RuleContext,
        end: date,
    ) -> BucketResult:
        last = min(bucket.end, end, ctx.as_of)
        total, counted, left_out = Decimal(0), [], []
        for a in chosen:
            if a.end < bucket.start or a.date > bucket.end:
                continue
            if each is not None and not each(a):
                if bucket.start <= a.date <= bucket.end:
                    left_out.append(left_out_each(each, a))
                continue
            part = day_share(a, bucket.start, last) if last >= bucket.start else Decimal(0)
            if part:
                total += part
                counted.append(a)
        return self._result(bucket, ctx, total, counted, left_out)

    def _result(self, bucket, ctx, total, counted, left_out) -> BucketResult:
        # Times like 0:20 are thirds of an hour: settle the sum at a billionth so three
        # of them make exactly 1 and meet ``at_least: 1``.
        total = total.quantize(PRECISION).normalize() if total else total
        return bucket_result(
            bucket,
            ctx,
            total,
            bound_of(self, bucket, ctx),
            counted=counted,
            left_out=left_out,
            whole=False,
        )
