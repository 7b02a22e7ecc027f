"""``count``: every bucket has enough qualifying activities.

Reads: "Under 2020 och 2021 genomföra två stycken riktade insatser/år, vardera
omfattande minst två dagar."

```yaml
kind: count
match: {type: riktad-insats}
each: {days: {at_least: 2}}
per: year
at_least: 2
```

An activity counts once, in the bucket of its start date; ``each`` sees the whole
activity, and those that fail it are listed with the reason. ``quantity`` counts a
tally row that many times. With ``distinct: F`` the bucket's value is the number of
different values of F (``new: true``: values not seen in an earlier bucket).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import model_validator

from loften.activities.model import Activity
from loften.activities.picked import quantity
from loften.errors import BadValue
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
from loften.spec.types import Bool, Count, Text


class CountRule(PerRule):
    kind: Literal["count"]
    summary = (
        "varje period har tillräckligt många aktiviteter som uppfyller villkoren",
        "every bucket has enough qualifying activities",
    )
    match: Filter
    each: Filter | None = None
    at_least: Count | None = None
    at_most: Count | None = None
    exactly: Count | None = None
    distinct: Text | None = None
    new: Bool = False

    @model_validator(mode="after")
    def _bounds(self) -> CountRule:
        check_one_bound(self)
        if self.new and not self.distinct:
            raise BadValue("new-needs-distinct")
        return self

    def filters(self) -> dict[str, Filter]:
        return {"match": self.match, **({"each": self.each} if self.each else {})}

    def distinct_field(self) -> str | None:
        return self.distinct

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        match = ctx.select(self.match)
        each = ctx.select(self.each) if self.each else None
        start, end = ctx.window(self)
        buckets = self.buckets(ctx)
        grouped = group(buckets, ctx.chosen(match, start, end))
        seen: set[str] = set()
        results = []
        for bucket in buckets:
            counted: Sequence[Activity] = grouped[bucket.label]
            left_out: list[LeftOut] = []
            if each is not None:
                counted = []
                for a in grouped[bucket.label]:
                    if each(a):
                        counted.append(a)
                    else:
                        left_out.append(left_out_each(each, a))
            value: Any
            if self.distinct:
                keys: set[str] = set()
                kept = []
                for a in counted:
                    vals = ctx.values_of(a, self.distinct)
                    if not vals:
                        left_out.append(
                            LeftOut(
                                activity=a.ref,
                                code="distinct-missing",
                                params={"field": self.distinct},
                            )
                        )
                        continue
                    kept.append(a)
                    keys.update(vals)
                fresh = keys - seen if self.new else keys
                seen |= keys
                value, counted = len(fresh), kept
            else:
                value = quantity(counted)
            results.append(
                bucket_result(
                    bucket,
                    ctx,
                    value,
                    bound_of(self, bucket, ctx),
                    counted=counted,
                    left_out=left_out,
                )
            )
        return tuple(results)
