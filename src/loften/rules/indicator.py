"""``indicator``: an outcome figure from outside the logs meets its target.

Reads: "Andelen som upplever sig trygga i Söderhamns centrum ska ha ökat i kommande
trygghetsmätningar."

```yaml
kind: indicator
metric: andel-trygga-centrum
area: Söderhamns centrum
baseline: {year: 2019}
target: increase
by: 2021
```

The figures come from the promise's ``indicators:`` files (a survey share, an
index, reported crimes; SPEC §3.3). ``baseline`` is the point of comparison:
``{year: 2019, value: 61%}``, or ``{year: 2019}`` to take the latest value dated in
2019 from the data. ``target`` is ``increase`` or ``decrease`` (strictly, against
the baseline), or ``{at_least: 70%}`` / ``{at_most: 25}``. Numbers are in the data's
own unit: with ``unit: %``, ``70%`` and ``70`` both mean 70.

Only values after the baseline and up to ``by`` (a date, a year or a season; by
default the end of the promise period) count, and the latest of them is the
rule's value. Until ``by`` the rule is on track or behind, never passed or failed:
a survey may still come. After ``by`` it passes or fails. With no value after the
baseline the rule is ``missing`` – never a pass, not even after ``by``. ``area``
picks the values of one area; without it the metric's values must share one area
(or have none).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, model_validator

from loften import values
from loften.errors import BadValue, suggest
from loften.indicators import Point, metrics
from loften.results import BucketResult, Item, LeftOut, Msg, Status
from loften.rules.attested import By, by_day, by_problems
from loften.rules.base import RuleBase, RuleContext
from loften.spec.types import Text, Year
from loften.values import norm

Direction = Literal["increase", "decrease"]
_DIRECTIONS: dict[str, Direction] = {
    **dict.fromkeys(("increase", "öka", "ökning"), "increase"),
    **dict.fromkeys(("decrease", "minska", "minskning"), "decrease"),
}


def _measure(v: Any) -> Any:
    """A number in the data's unit, as written: ``70%``, ``70``, ``3,5``."""
    if not isinstance(v, str):
        raise BadValue("expected-value")
    values.parse_percent_or_number(v)
    return v.strip()


def _direction(v: Any) -> Any:
    if isinstance(v, str):
        found = _DIRECTIONS.get(norm(v))
        if found is None:
            raise BadValue("indicator-direction-invalid", text=v.strip())
        return found
    return v


def _target(v: Any) -> Any:
    """``target: increase`` is short for ``target: {direction: increase}``."""
    return {"direction": v} if isinstance(v, str) else v


Measure = Annotated[str, BeforeValidator(_measure)]


def amount(text: str) -> Decimal:
    return values.parse_percent_or_number(text)[0]


def written_percent(text: str) -> bool:
    return values.parse_percent_or_number(text)[1]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Baseline(_Frozen):
    year: Year
    value: Measure | None = None


class Target(_Frozen):
    direction: Annotated[Direction, BeforeValidator(_direction)] | None = None
    at_least: Measure | None = None
    at_most: Measure | None = None

    @model_validator(mode="after")
    def _one(self) -> Target:
        if sum(x is not None for x in (self.direction, self.at_least, self.at_most)) != 1:
            raise BadValue("indicator-target-one")
        return self

    def bound(self) -> tuple[str, str] | None:
        """``("at_least", "70%")`` or ``("at_most", …)``; None for a direction."""
        if self.at_least is not None:
            return "at_least", self.at_least
        if self.at_most is not None:
            return "at_most", self.at_most
        return None

    def meets(self, value: Decimal, baseline: Decimal) -> bool:
        if self.direction == "increase":
            return value > baseline
        if self.direction == "decrease":
            return value < baseline
        if self.at_least is not None:
            return value >= amount(self.at_least)
        return value <= amount(self.at_most or "0")


class IndicatorRule(RuleBase):
    kind: Literal["indicator"]
    summary = (
        "ett utfallsmått (en andel, ett index, anmälda brott) når sitt mål",
        "an outcome figure (a share, an index, reported crimes) meets its target",
    )
    unit = "number"
    metric: Text
    area: Text | None = None
    baseline: Baseline
    target: Annotated[Target, BeforeValidator(_target)]
    by: By | None = None

    @model_validator(mode="after")
    def _by_after_baseline(self) -> IndicatorRule:
        year = re.search(r"\d{4}", self.by or "")
        if year is not None and int(year[0]) < self.baseline.year:
            raise BadValue("indicator-by-before-baseline", by=self.by, year=self.baseline.year)
        return self

    # -- selecting points -------------------------------------------------------------

    def points(self, data: Sequence[Any]) -> list[Point]:
        """The data points of this rule's metric (and area, when it names one)."""
        metric = norm(self.metric)
        mine = [p for p in data if isinstance(p, Point) and norm(p.metric) == metric]
        if self.area is not None:
            area = norm(self.area)
            mine = [p for p in mine if norm(p.area or "") == area]
        return mine

    def _areas(self, mine: Sequence[Point]) -> list[str]:
        return sorted({p.area or "–" for p in mine})

    def _units(self, mine: Sequence[Point]) -> list[str]:
        return sorted({p.unit for p in mine if p.unit})

    def data_problems(self, ctx: RuleContext) -> list[tuple[tuple[str, ...], BadValue]]:
        """Problems only the data can show, located at a key of the rule."""
        out = by_problems(self.by, ctx)
        mine = self.points(ctx.indicators)
        if self.area is None and len({norm(p.area or "") for p in mine}) > 1:
            areas = ", ".join(self._areas(mine))
            out.append(
                (("metric",), BadValue("indicator-areas-mixed", metric=self.metric, areas=areas))
            )
            return out
        units = {p.unit for p in mine if p.unit}
        if len(units) > 1:
            text = ", ".join(self._units(mine))
            out.append(
                (("metric",), BadValue("indicator-units-mixed", metric=self.metric, units=text))
            )
            return out
        unit = next(iter(units), None)
        if unit is None or unit == "%":
            return out
        written: list[tuple[tuple[str, ...], str | None]] = [
            (("baseline", "value"), self.baseline.value)
        ]
        bound = self.target.bound()
        if bound is not None:
            written.append((("target", bound[0]), bound[1]))
        for key, shown in written:
            if shown is not None and written_percent(shown):
                err = BadValue(
                    "indicator-percent-not-unit", text=shown, metric=self.metric, unit=unit
                )
                out.append((key, err))
        return out

    # -- judging ------------------------------------------------------------------------

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        start, end = ctx.window(self)
        last = by_day(self.by, ctx) or end
        stop = max(last, start)

        def result(status: Status, **more: Any) -> tuple[BucketResult, ...]:
            return (BucketResult(bucket="total", start=start, end=stop, status=status, **more),)

        if ctx.as_of < start:
            return result("not-started", due=stop)
        mine = self.points(ctx.indicators)
        problem = self._no_data(ctx, mine)
        if problem is not None:
            return result("missing", detail=problem)
        unit = next((p.unit for p in mine if p.unit), None)
        order = {id(p): i for i, p in enumerate(mine)}
        ranked = sorted(mine, key=lambda p: (p.day, order[id(p)]))
        year = self.baseline.year
        base_point: Point | None = None
        if self.baseline.value is not None:
            base_value, base_day = amount(self.baseline.value), date(year, 1, 1)
        else:
            in_year = [p for p in ranked if p.day.year == year]
            if not in_year:
                params = {"metric": self.metric, "year": year}
                return result("missing", detail=Msg(code="indicator-no-baseline", params=params))
            base_point = in_year[-1]
            base_value, base_day = base_point.value, base_point.day
        after = [p for p in ranked if base_day < p.day <= ctx.as_of]
        counted = [p for p in after if p.day <= last]
        left_out = tuple(
            LeftOut(
                activity=p.ref, code="indicator-after-by", params={"label": p.label, "by": last}
            )
            for p in after
            if p.day > last
        )
        baseline_item = self._baseline_item(base_point, base_value, unit)
        required = self._required(base_value)
        if not counted:
            params = {"metric": self.metric, "year": year, "by": last}
            return result(
                "missing",
                required=required,
                counted=tuple(p.ref for p in (base_point,) if p is not None),
                left_out=left_out,
                items=(baseline_item.model_copy(update={"status": "missing"}),),
                detail=Msg(code="indicator-missing", params=params),
            )
        latest = counted[-1]
        meets = self.target.meets(latest.value, base_value)
        over = ctx.as_of > last
        status: Status = (
            ("pass" if meets else "fail") if over else ("on-track" if meets else "behind")
        )
        items = (baseline_item, *(_point_item(p) for p in counted))
        params = {
            "value": _amount(latest.value, unit),
            "label": latest.label,
            "target": self._target_msg(base_value, unit),
        }
        return result(
            status,
            value=latest.value,
            required=required,
            counted=tuple(p.ref for p in (base_point, latest) if p is not None),
            left_out=left_out,
            due=None if over else last,
            items=tuple(i.model_copy(update={"status": status}) for i in items),
            detail=Msg(code="indicator-latest", params=params),
        )

    def _no_data(self, ctx: RuleContext, mine: Sequence[Point]) -> Msg | None:
        """Why there is nothing to judge, before looking at the baseline; or None."""
        if not mine:
            known = metrics(p for p in ctx.indicators if isinstance(p, Point))
            if norm(self.metric) in known and self.area is not None:
                metric = norm(self.metric)
                known_areas = sorted(
                    {
                        p.area or "–"
                        for p in ctx.indicators
                        if isinstance(p, Point) and norm(p.metric) == metric
                    }
                )
                params = {"metric": self.metric, "area": self.area, "known": ", ".join(known_areas)}
                return Msg(code="indicator-no-area", params=params)
            hint = suggest(norm(self.metric), known)
            shown = known[hint] if hint is not None else ""
            return Msg(code="indicator-no-data", params={"metric": self.metric, "hint": shown})
        if self.area is None and len({norm(p.area or "") for p in mine}) > 1:
            areas = ", ".join(self._areas(mine))
            return Msg(code="indicator-areas-mixed", params={"metric": self.metric, "areas": areas})
        if len({p.unit for p in mine if p.unit}) > 1:
            units = ", ".join(self._units(mine))
            return Msg(code="indicator-units-mixed", params={"metric": self.metric, "units": units})
        return None

    def _required(self, baseline: Decimal) -> Decimal:
        bound = self.target.bound()
        return amount(bound[1]) if bound is not None else baseline

    def _target_msg(self, baseline: Decimal, unit: str | None) -> Msg:
        bound = self.target.bound()
        if bound is not None:
            return Msg(
                code=f"indicator-target-{bound[0]}",
                params={"bound": _amount(amount(bound[1]), unit)},
            )
        params = {"baseline": _amount(baseline, unit), "year": self.baseline.year}
        return Msg(code=f"indicator-target-{self.target.direction}", params=params)

    def _baseline_item(self, point: Point | None, value: Decimal, unit: str | None) -> Item:
        if point is not None:
            inner = _point_item(point)
            return inner.model_copy(
                update={"detail": Msg(code="indicator-baseline", params={"point": inner.detail})}
            )
        year = self.baseline.year
        detail = Msg(code="indicator-baseline-given", params={"amount": _amount(value, unit)})
        return Item(label=str(year), status="pass", detail=detail, day=date(year, 1, 1))


def _amount(value: Decimal, unit: str | None) -> Msg:
    if unit == "%":
        return Msg(code="indicator-amount-percent", params={"value": value})
    if unit:
        return Msg(code="indicator-amount", params={"value": value, "unit": unit})
    return Msg(code="indicator-amount-plain", params={"value": value})


def _point_item(p: Point) -> Item:
    params: dict[str, Any] = {"amount": _amount(p.value, p.unit)}
    code = "indicator-point"
    if p.source:
        params["source"], code = p.source, code + "-source"
    if p.n is not None:
        params["n"], code = p.n, code + "-n"
    return Item(
        label=p.label,
        status="pass",
        counted=(p.ref,),
        detail=Msg(code=code, params=params),
        day=p.day,
    )


__all__ = ["Baseline", "IndicatorRule", "Target"]
