"""``share``: among the matching activities, enough (or few enough) are of a sort.

Reads: "Insatserna ska företrädesvis riktas in mot ungdomar och narkotikamissbruk."

```yaml
kind: share
match: {type: insats}
that: {tags: [ungdomar, narkotika]}
at_least: 50%
severity: warning
```

``match`` chooses the activities to measure, ``that`` the ones the share is of:
the value is (matching activities for which ``that`` holds) ÷ (matching activities),
in each bucket of ``per`` (default: the whole period). Bounds are written ``50%`` or
as a number from 0 to 1. A bucket with no matching activity has nothing to measure
and is reported as missing data. While a bucket is open the rule never passes or
fails: it is behind when the share so far misses the bound. The activities for which
``that`` does not hold are listed with the reason.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import model_validator

from loften.activities.picked import refs
from loften.errors import BadValue
from loften.results import BucketResult, LeftOut, Status
from loften.rules.base import PerRule, RuleContext, check_one_bound, group
from loften.spec.filters import Filter
from loften.spec.types import Share


class ShareRule(PerRule):
    kind: Literal["share"]
    summary = (
        "andelen av aktiviteterna som uppfyller ett villkor når gränsen",
        "the share of the activities that meet a condition meets the bound",
    )
    unit = "share"
    match: Filter
    that: Filter
    at_least: Share | None = None
    at_most: Share | None = None

    @model_validator(mode="after")
    def _bounds(self) -> ShareRule:
        check_one_bound(self, exactly_allowed=False)
        if self.prorate:
            raise BadValue("share-prorate")
        return self

    def filters(self) -> dict[str, Filter]:
        return {"match": self.match, "that": self.that}

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        match, that = ctx.select(self.match), ctx.select(self.that)
        start, end = ctx.window(self)
        buckets = self.buckets(ctx)
        grouped = group(buckets, ctx.chosen(match, start, end))
        out = []
        for bucket in buckets:
            chosen = grouped[bucket.label]
            yes = [a for a in chosen if that(a)]
            left_out = [
                LeftOut(activity=a.ref, code="share-not-that", params={"reason": that.why_not(a)})
                for a in chosen
                if not that(a)
            ]
            value = Decimal(len(yes)) / Decimal(len(chosen)) if chosen else None
            started = ctx.as_of >= bucket.start
            over = ctx.as_of > bucket.end
            relaxed = ctx.relaxed.get(bucket.label)
            out.append(
                BucketResult(
                    bucket=bucket.label,
                    start=bucket.start,
                    end=bucket.end,
                    status=self._status(value, started, over, self.at_least, self.at_most),
                    value=value if started else None,
                    required=self.at_least if self.at_least is not None else self.at_most,
                    counted=refs(yes) if started else (),
                    left_out=tuple(left_out) if started else (),
                    due=bucket.end if started and not over else None,
                    relaxed_status=None
                    if relaxed is None
                    else self._status(
                        value,
                        started,
                        over,
                        _share(relaxed.at_least, self.at_least),
                        _share(relaxed.at_most, self.at_most),
                    ),
                )
            )
        return tuple(out)

    @staticmethod
    def _status(
        value: Decimal | None,
        started: bool,
        over: bool,
        at_least: Decimal | None,
        at_most: Decimal | None,
    ) -> Status:
        """SPEC §5.4: never pass or fail while open; ``missing`` with nothing to measure."""
        if not started:
            return "not-started"
        if value is None:
            return "missing"
        ok = (at_least is None or value >= at_least) and (at_most is None or value <= at_most)
        if over:
            return "pass" if ok else "fail"
        return "on-track" if ok else "behind"


def _share(relaxed: int | Decimal | None, own: Decimal | None) -> Decimal | None:
    return own if relaxed is None else Decimal(relaxed)
