"""``trend``: each bucket has more (or fewer) matching activities than the one before.

Reads: "Polisen ska genomföra trygghetsvandringar fler gånger under 2020 jämfört med
2019" (and in 2021 fler än under 2020).

```yaml
kind: trend
match: {type: vandring}
per: year
direction: increase
baseline: 4
```

The value of a bucket is its number of matching activities (a tally row counts
``quantity`` times). ``increase`` needs more than the bucket before, ``decrease``
fewer; ``baseline`` is the count in the bucket just before the period (2019 above).
Without it the first bucket has nothing to compare with and is only reported. The
bucket before counts as it is, even when an exception covers it. ``per`` defaults to
``year``.

When either of two compared buckets is cut short by the period (a promise from
March), they are compared per day: the previous count is scaled to this bucket's
days. While a bucket is open, ``increase`` is met as soon as the count beats the one
before and behind when it lags the days gone by; ``decrease`` fails as soon as the
count reaches the one before and is otherwise on track.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction
from math import ceil, floor
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, model_validator

from loften import values
from loften.activities.picked import quantity, refs
from loften.calendar import Bucket, Per, add_months, elapsed_days, make_buckets
from loften.errors import BadValue
from loften.results import BucketResult, Msg, Status
from loften.rules.base import PerRule, RuleContext, bucket_result, group
from loften.spec.filters import Filter
from loften.spec.types import Count

_DIRECTIONS = {
    **dict.fromkeys(("increase", "öka", "ökning", "fler", "more"), "increase"),
    **dict.fromkeys(("decrease", "minska", "minskning", "färre", "fewer"), "decrease"),
}
_MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1}


def _direction(v: Any) -> Any:
    return _DIRECTIONS.get(values.norm(v), v) if isinstance(v, str) else v


class TrendRule(PerRule):
    kind: Literal["trend"]
    summary = (
        "varje period har fler (eller färre) aktiviteter än perioden före",
        "each bucket has more (or fewer) activities than the one before",
    )
    per: Per = "year"
    match: Filter
    direction: Annotated[Literal["increase", "decrease"], BeforeValidator(_direction)]
    baseline: Count | None = None

    @model_validator(mode="after")
    def _check(self) -> TrendRule:
        if self.prorate:
            raise BadValue("prorate-kind", kind="trend")
        return self

    def filters(self) -> dict[str, Filter]:
        return {"match": self.match}

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        match = ctx.select(self.match)
        start, end = ctx.window(self)
        buckets = self.buckets(ctx)
        grouped = group(buckets, ctx.chosen(match, start, end))
        counts = [quantity(grouped[b.label]) for b in buckets]
        out = []
        for i, bucket in enumerate(buckets):
            counted = grouped[bucket.label]
            if i == 0:
                previous, before_days, before_clipped = (
                    self.baseline,
                    self._days_before(bucket),
                    False,
                )
            else:
                before = buckets[i - 1]
                previous, before_days, before_clipped = counts[i - 1], before.length, before.clipped
            if previous is None:
                status: Status = "not-started" if ctx.as_of < bucket.start else "pass"
                out.append(
                    BucketResult(
                        bucket=bucket.label,
                        start=bucket.start,
                        end=bucket.end,
                        status=status,
                        value=counts[i] if status == "pass" else None,
                        counted=refs(counted) if status == "pass" else (),
                        detail=Msg(code="trend-first"),
                    )
                )
                continue
            scaled = bucket.clipped or before_clipped
            target = (
                Fraction(previous) * bucket.length / before_days if scaled else Fraction(previous)
            )
            bound: dict[str, Any] = {"at_least": None, "at_most": None, "exactly": None}
            if self.direction == "increase":
                bound["at_least"] = floor(target) + 1
            else:
                bound["at_most"] = ceil(target) - 1
            result = bucket_result(bucket, ctx, counts[i], bound, counted=counted)
            update: dict[str, Any] = {
                "detail": self._detail(i, previous, target, before_days, bucket, scaled)
            }
            if result.status in ("behind", "on-track") and self.direction == "increase" and scaled:
                # SPEC §5.4: behind when value < ⌊(previous + 1) × e ÷ L⌋, previous scaled.
                e, length = elapsed_days(bucket, ctx.as_of), bucket.length
                expected = floor((target + 1) * e / length)
                update |= {
                    "expected": expected,
                    "status": "behind" if counts[i] < expected else "on-track",
                }
            if i > 0 and ctx.as_of <= buckets[i - 1].end:
                # The bucket before is not over: there is nothing to beat yet.
                update |= {"required": None, "detail": None}
            out.append(result.model_copy(update=update))
        return tuple(out)

    def _days_before(self, first: Bucket) -> int:
        """The length of the bucket just before the period, which ``baseline`` counts."""
        if self.per in ("total", "day"):
            return first.full_length
        if self.align == "period" and self.per != "week":
            return (first.full_start - add_months(first.full_start, -_MONTHS[self.per])).days
        if self.align == "period":
            return 7
        day = first.full_start - timedelta(days=1)
        return make_buckets(self.per, day, day)[0].full_length

    def _detail(
        self,
        i: int,
        previous: int,
        target: Fraction,
        before_days: int,
        bucket: Bucket,
        scaled: bool,
    ) -> Msg:
        base = Msg(
            code="trend-baseline" if i == 0 else "trend-previous", params={"previous": previous}
        )
        if not scaled:
            return base
        shown = Decimal(target.numerator) / Decimal(target.denominator)
        params = {
            "base": base,
            "prev_days": before_days,
            "scaled": shown.quantize(Decimal("0.1")),
            "days": bucket.length,
        }
        return Msg(code="trend-rate", params=params)
