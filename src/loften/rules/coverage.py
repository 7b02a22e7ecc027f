"""``coverage``: every listed item has at least one matching activity.

Reads: "Kommun och polis genomför tematräffar med samtliga elever i årskurs fem på
tre skolor: Björkskolan, Granskolan och Ljusne skola."

```yaml
kind: coverage
match: {type: tematraff}
field: skola
items: [Björkskolan, Granskolan, Ljusne skola]
```

``field`` is any field a filter may use: ``place``, ``tags``, ``party``, ``type`` or
an extra column of the logs such as ``skola``. An item is covered by a matching
activity whose field has that value, compared as a filter compares it (trimmed and
case-folded; places, parties and types through their aliases, and a place also
by the places declared ``within`` it). The value is the number of items covered.

Without ``per`` the whole period is one bucket; with ``per`` (``year`` …) every bucket
needs every item. The rule is met as soon as all items are covered; while a bucket is
open it is behind when fewer are covered than the days gone by call for (three
schools over a year: one by the end of April). Each bucket lists every item with the
activities that covered it. An exception may name an item as it is written in
``items``; it then leaves the count.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, PrivateAttr, model_validator

from loften import values
from loften.activities.picked import refs
from loften.errors import BadValue
from loften.results import BucketResult, Item, LeftOut, Msg, Status
from loften.rules.base import PerRule, RuleContext, bucket_result, group
from loften.spec.filters import Cond, Filter
from loften.spec.types import Text


class CoverageRule(PerRule):
    kind: Literal["coverage"]
    summary = (
        "varje uppräknad skola, plats eller målgrupp får minst en aktivitet",
        "every listed school, place or group gets at least one activity",
    )
    match: Filter
    field: Text
    items: tuple[Text, ...] = Field(min_length=1)
    _item_filters: tuple[Filter, ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _check(self) -> CoverageRule:
        if self.prorate:
            raise BadValue("prorate-kind", kind="coverage")
        seen: set[str] = set()
        for item in self.items:
            if values.norm(item) in seen:
                raise BadValue("coverage-item-twice", text=item)
            seen.add(values.norm(item))
        return self

    def model_post_init(self, context: Any, /) -> None:
        # One filter per item, built once: the engine compiles every filter that
        # ``filters()`` gives and finds it again by identity.
        self._item_filters = tuple(
            {self.field: Cond(op="eq", values=(item,))} for item in self.items
        )

    def filters(self) -> dict[str, Filter]:
        out = {"match": self.match}
        for i, flt in enumerate(self._item_filters):
            out["field" if i == 0 else f"items#{i + 1}"] = flt
        return out

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        match = ctx.select(self.match)
        has = [ctx.select(flt) for flt in self._item_filters]
        start, end = ctx.window(self)
        buckets = self.buckets(ctx)
        grouped = group(buckets, ctx.chosen(match, start, end))
        out = []
        for bucket in buckets:
            chosen = grouped[bucket.label]
            over, started = ctx.as_of > bucket.end, ctx.as_of >= bucket.start
            items: list[Item] = []
            covered = waived = 0
            # Which items each activity covers, asked once per activity and item.
            hits = [[sel(a) for sel in has] for a in chosen]
            for k, item in enumerate(self.items):
                by = [a for a, hit in zip(chosen, hits, strict=True) if hit[k]]
                status: Status
                if by:
                    status = "pass"
                    detail = Msg(
                        code="coverage-covered", params={"count": len(by), "day": by[0].date}
                    )
                    covered += 1
                elif not started:
                    status, detail = "not-started", None
                elif item in ctx.waived_items:
                    # An uncovered item named by an exception leaves the count at once:
                    # it would make an open bucket behind as much as a closed one fail.
                    status, detail = "excepted", Msg(code="coverage-none")
                    waived += 1
                else:
                    status = "fail" if over else "on-track"
                    detail = Msg(code="coverage-none" if over else "coverage-none-yet")
                items.append(Item(label=item, status=status, counted=refs(by), detail=detail))
            counted = [a for a, hit in zip(chosen, hits, strict=True) if any(hit)]
            left_out = [
                LeftOut(
                    activity=a.ref,
                    code="coverage-other",
                    params={"date": a.date, "type": ctx.label(a.type), "field": self.field},
                )
                for a, hit in zip(chosen, hits, strict=True)
                if not any(hit)
            ]
            n = len(self.items) - waived
            result = bucket_result(
                bucket,
                ctx,
                covered,
                {"at_least": n, "at_most": None, "exactly": None},
                counted=counted,
                left_out=left_out,
            )
            detail = Msg(code="coverage-summary", params={"covered": covered, "total": n})
            out.append(
                result.model_copy(
                    update={"items": tuple(items), "detail": detail if started else None}
                )
            )
        return tuple(out)
