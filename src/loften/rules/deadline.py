"""``deadline``: something is done at least once (or ``at_least`` times) within a window.

Reads: "Metoden ska även utvärderas under perioden"; "informationsaktiviteter under
våren 2020".

```yaml
kind: deadline
match: {type: utvardering}
by: våren 2020
at_least: 1
```

``by`` is a date, a year (``2021``) or a season (``våren 2020``, ``hösten 2021``,
``spring 2020``; the promise's ``seasons:`` say what a season is). A year or season is
the whole window, from its first day or from ``from``; a date runs from ``from``, or
the start of the promise period, up to and including that day, so "under perioden" is
``by: 2021-12-31``, not ``by: 2021``. Activities inside the window count even when it
reaches past the period. The rule is met as soon as enough have been done; before
the window opens it has not started, and while it is open it is behind when fewer
have been done than the days gone by call for.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import model_validator

from loften.calendar import Bucket, parse_by
from loften.errors import BadValue
from loften.results import BucketResult, LeftOut, Msg
from loften.rules.base import RuleBase, RuleContext, bucket_result
from loften.spec.filters import Filter
from loften.spec.types import Positive, Text


class DeadlineRule(RuleBase):
    kind: Literal["deadline"]
    summary = (
        "tillräckligt många aktiviteter genomförs inom ett tidsfönster",
        "enough matching activities take place within a window",
    )
    match: Filter
    by: Text
    at_least: Positive = 1

    @model_validator(mode="after")
    def _by(self) -> DeadlineRule:
        if self.until is not None:
            raise BadValue("deadline-until")
        try:
            parsed = parse_by(self.by)
        except BadValue as err:
            if err.code == "season-unknown":
                return self  # may be one of the promise's own seasons: checked when judged
            raise
        last = parsed[1] if isinstance(parsed, tuple) else parsed
        if self.from_ is not None and self.from_ > last:
            raise BadValue("deadline-from-after-by", first=self.from_, last=last)
        return self

    def filters(self) -> dict[str, Filter]:
        return {"match": self.match}

    def window(self, ctx: RuleContext) -> tuple[date, date]:
        """First and last day of the window (SPEC §5.3)."""
        parsed = parse_by(self.by, ctx.seasons)
        if isinstance(parsed, tuple):
            first, last = parsed
            first = self.from_ or first
        else:
            first, last = self.from_ or ctx.start, parsed
        return min(first, last), last

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        first, last = self.window(ctx)
        match = ctx.select(self.match)
        chosen = [a for a in ctx.activities if match(a)]
        inside = [a for a in chosen if first <= a.date <= last]
        late: list[LeftOut] = []
        if len(inside) < self.at_least:
            late = [
                LeftOut(
                    activity=a.ref,
                    code="deadline-late",
                    params={"date": a.date, "type": ctx.label(a.type), "last": last},
                )
                for a in chosen
                if a.date > last
            ]
        bucket = Bucket("total", first, last, first, last)
        bound = {"at_least": self.at_least, "at_most": None, "exactly": None}
        result = bucket_result(bucket, ctx, len(inside), bound, counted=inside, left_out=late)
        detail = Msg(code="deadline-window", params={"first": first, "last": last})
        return (result.model_copy(update={"detail": detail}),)
