"""indicator: data points in, statuses out (SPEC §2.3, §5.4, §5.5, §5.9)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

import loften.rules.indicator as indicator_module
from kit import d, rule, run
from loften import yamlnodes
from loften.errors import Location
from loften.indicators import Point
from loften.rules.base import RuleContext
from loften.rules.indicator import IndicatorRule

_row = [1]


def pt(when: str, value: str, metric: str = "trygga", **kw: Any) -> Point:
    """A data point: ``when`` is a year (``2019``) or a date (``2019-10-01``)."""
    _row[0] += 1
    return Point(
        where=Location("ind.csv", row=_row[0]),
        metric=metric,
        value=Decimal(value.replace(",", ".")),
        year=int(when) if len(when) == 4 else None,
        date=None if len(when) == 4 else d(when),
        area=kw.pop("area", None),
        unit=kw.pop("unit", "%"),
        source=kw.pop("source", None),
        n=kw.pop("n", None),
    )


INCREASE = {
    "kind": "indicator",
    "metric": "trygga",
    "baseline": {"year": "2019"},
    "target": "increase",
}
DATA = [pt("2019", "61"), pt("2020", "60"), pt("2021", "66")]


def judge(spec: dict[str, Any], data: list[Point], as_of: str, **kw: Any) -> tuple[str, Any]:
    (result,) = run(spec, [], as_of, indicators=tuple(data), **kw)
    assert result.bucket == "total"
    return result.status, result.value


@pytest.mark.parametrize(
    ("spec", "data", "as_of", "expected"),
    [
        # baseline looked up in the data; the latest value after it decides once by is over
        (INCREASE, DATA, "2022-01-15", ("pass", Decimal(66))),
        (INCREASE, [pt("2019", "61"), pt("2021", "60")], "2022-01-15", ("fail", Decimal(60))),
        # increase and decrease are strict
        (INCREASE, [pt("2019", "61"), pt("2021", "61")], "2022-01-15", ("fail", Decimal(61))),
        (
            {**INCREASE, "target": "decrease"},
            [pt("2019", "61"), pt("2021", "61")],
            "2022-01-15",
            ("fail", Decimal(61)),
        ),
        (
            {**INCREASE, "target": "minska"},
            [pt("2019", "61"), pt("2021", "60,5")],
            "2022-01-15",
            ("pass", Decimal("60.5")),
        ),
        # baseline value given in the promise; `%` or not, it is in the data's unit
        (
            {**INCREASE, "baseline": {"year": "2019", "value": "65%"}},
            DATA,
            "2022-01-15",
            ("pass", Decimal(66)),
        ),
        (
            {**INCREASE, "baseline": {"year": "2019", "value": "66"}},
            DATA,
            "2022-01-15",
            ("fail", Decimal(66)),
        ),
        (
            {**INCREASE, "baseline": {"year": "2019", "value": "50"}},
            [pt("2021", "51")],
            "2022-01-15",
            ("pass", Decimal(51)),
        ),
        # at_least / at_most, inclusive; 66% and 66 are the same
        ({**INCREASE, "target": {"at_least": "66%"}}, DATA, "2022-01-15", ("pass", Decimal(66))),
        ({**INCREASE, "target": {"at_least": "66,5"}}, DATA, "2022-01-15", ("fail", Decimal(66))),
        ({**INCREASE, "target": {"at_most": "66"}}, DATA, "2022-01-15", ("pass", Decimal(66))),
        ({**INCREASE, "target": {"at_most": "65%"}}, DATA, "2022-01-15", ("fail", Decimal(66))),
        # open while as_of <= by: never pass or fail, only on track or behind
        (INCREASE, DATA, "2021-12-31", ("on-track", Decimal(66))),
        (INCREASE, DATA, "2020-06-01", ("behind", Decimal(60))),
        ({**INCREASE, "by": "2020"}, DATA, "2021-01-01", ("fail", Decimal(60))),
        ({**INCREASE, "by": "2022-06-30"}, DATA, "2022-01-15", ("on-track", Decimal(66))),
        # no value after the baseline: missing, also after by; never a pass
        (INCREASE, [], "2021-06-01", ("missing", None)),
        (INCREASE, [], "2022-01-15", ("missing", None)),
        (INCREASE, [pt("2019", "61")], "2022-01-15", ("missing", None)),
        (
            {**INCREASE, "baseline": {"year": "2019", "value": "61"}},
            [],
            "2022-01-15",
            ("missing", None),
        ),
        ({**INCREASE, "baseline": {"year": "2018"}}, DATA, "2022-01-15", ("missing", None)),
        # points after by do not count; nor do points dated after as_of
        (
            {**INCREASE, "by": "2020"},
            [pt("2019", "61"), pt("2021", "70")],
            "2022-01-15",
            ("missing", None),
        ),
        (INCREASE, [pt("2019", "61"), pt("2021-10-01", "70")], "2021-09-30", ("missing", None)),
        # the latest point dated in the baseline year is the baseline; later ones in that year count
        (
            INCREASE,
            [pt("2019", "50"), pt("2019-10-01", "61"), pt("2021", "60")],
            "2022-01-15",
            ("fail", Decimal(60)),
        ),
        (INCREASE, [pt("2019", "61"), pt("2019-10-01", "62")], "2022-01-15", ("missing", None)),
        (
            {**INCREASE, "baseline": {"year": "2019", "value": "61"}},
            [pt("2019-10-01", "62")],
            "2022-01-15",
            ("pass", Decimal(62)),
        ),
        # before the period starts
        (INCREASE, DATA, "2019-12-31", ("not-started", None)),
    ],
)
def test_indicator(spec, data, as_of, expected):
    assert judge(spec, data, as_of) == expected


AREAS = [
    pt("2019", "61", area="Centrum"),
    pt("2021", "66", area="Centrum"),
    pt("2019", "70", area="Ljusne"),
    pt("2021", "65", area="Ljusne"),
]


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        ("Centrum", ("pass", Decimal(66))),
        ("ljusne", ("fail", Decimal(65))),
        ("Bergvik", ("missing", None)),
    ],
)
def test_area_selects_the_points(area, expected):
    assert judge({**INCREASE, "area": area}, AREAS, "2022-01-15") == expected


def context(data: list[Point], seasons: Any = None) -> RuleContext:
    return RuleContext(
        as_of=date(2022, 1, 15),
        start=date(2020, 1, 1),
        end=date(2021, 12, 31),
        activities=(),
        select=lambda f: None,  # type: ignore[arg-type,return-value]
        label=lambda x: x,
        indicators=tuple(data),
        seasons=seasons,
    )


def problems(
    spec: dict[str, Any], data: list[Point], seasons: Any = None
) -> list[tuple[tuple[str, ...], str]]:
    return [(key, err.code) for key, err in rule(spec).data_problems(context(data, seasons))]


def test_without_area_the_points_must_share_one_area():
    (result,) = run(INCREASE, [], "2022-01-15", indicators=tuple(AREAS))
    assert result.status == "missing"
    assert result.detail is not None
    assert result.detail.text("sv") == (
        "'trygga' har mätvärden för flera områden (Centrum, Ljusne); ange area i regeln"
    )
    assert problems(INCREASE, AREAS) == [(("metric",), "indicator-areas-mixed")]
    assert problems(INCREASE, [pt("2019", "61"), pt("2021", "62", area="Centrum")]) == [
        (("metric",), "indicator-areas-mixed")
    ]
    assert problems({**INCREASE, "area": "Centrum"}, AREAS) == []
    assert problems(INCREASE, DATA) == []


@pytest.mark.parametrize(
    ("spec", "data", "expected"),
    [
        (
            INCREASE,
            [pt("2019", "61", unit="%"), pt("2021", "6", unit="index")],
            [(("metric",), "indicator-units-mixed")],
        ),
        # a blank unit is not a different unit
        (INCREASE, [pt("2019", "61", unit="%"), pt("2021", "62", unit=None)], []),
        # `%` in the rule when the data is not in per cent
        (
            {**INCREASE, "target": {"at_least": "7%"}},
            [pt("2021", "6", unit="index")],
            [(("target", "at_least"), "indicator-percent-not-unit")],
        ),
        (
            {**INCREASE, "baseline": {"year": "2019", "value": "7%"}},
            [pt("2021", "6", unit="index")],
            [(("baseline", "value"), "indicator-percent-not-unit")],
        ),
        ({**INCREASE, "target": {"at_least": "7"}}, [pt("2021", "6", unit="index")], []),
        ({**INCREASE, "by": "sommaren 2021"}, DATA, [(("by",), "season-unknown")]),
    ],
)
def test_data_problems(spec, data, expected):
    assert problems(spec, data) == expected


def test_a_declared_season_resolves():
    seasons = {"sommar": ("06-01", "08-31")}
    spec = {**INCREASE, "by": "sommaren 2021"}
    assert problems(spec, DATA, seasons) == []
    (result,) = rule(spec).evaluate(context(DATA, seasons))
    assert (result.end, result.status) == (date(2021, 8, 31), "pass")


def test_items_show_baseline_and_values_with_unit_source_and_n():
    data = [
        pt("2019", "61", source="Polisens trygghetsmätning", n=412),
        pt("2020", "60"),
        pt("2021", "66", source="Polisens trygghetsmätning", n=398),
    ]
    (result,) = run(INCREASE, [], "2022-01-15", indicators=tuple(data))
    assert (result.status, result.value, result.required) == ("pass", Decimal(66), Decimal(61))
    assert result.counted == (data[0].ref, data[2].ref)
    assert [(i.label, i.status, i.counted) for i in result.items] == [
        ("2019", "pass", (data[0].ref,)),
        ("2020", "pass", (data[1].ref,)),
        ("2021", "pass", (data[2].ref,)),
    ]
    texts = [i.detail.text("sv") for i in result.items if i.detail]
    assert texts == [
        "baslinje: 61 %, Polisens trygghetsmätning, 412 svarande",
        "60 %",
        "66 %, Polisens trygghetsmätning, 398 svarande",
    ]
    assert result.detail is not None
    assert (
        result.detail.text("sv") == "senaste värdet 66 % (2021); målet är ökning från 61 % (2019)"
    )
    assert (
        result.detail.text("en")
        == "latest value 66% (2021); the target is an increase from 61% (2019)"
    )


def test_given_baseline_and_bound_read_in_the_data_unit():
    spec = {**INCREASE, "baseline": {"year": "2019", "value": "3,5"}, "target": {"at_most": "3"}}
    data = [pt("2021", "2,5", unit="index")]
    (result,) = run(spec, [], "2022-01-15", indicators=tuple(data))
    assert (result.status, result.required) == ("pass", Decimal(3))
    assert [i.detail.text("sv") for i in result.items if i.detail] == [
        "baslinje: 3,5 index enligt löftet",
        "2,5 index",
    ]
    assert result.detail is not None
    assert result.detail.text("sv") == "senaste värdet 2,5 index (2021); målet är högst 3 index"


def test_missing_says_why():
    (result,) = run(INCREASE, [], "2022-01-15", indicators=(pt("2019", "61"),))
    assert result.detail is not None
    assert result.detail.text("sv") == (
        "inget mätvärde för 'trygga' efter baslinjen (2019) till och med 2021-12-31"
    )
    (result,) = run({**INCREASE, "metric": "trygg"}, [], "2022-01-15", indicators=tuple(DATA))
    assert result.detail is not None
    assert result.detail.text("sv") == "indikatordata saknar 'trygg'; menade du 'trygga'?"
    (result,) = run(
        {**INCREASE, "baseline": {"year": "2018"}}, [], "2022-01-15", indicators=tuple(DATA)
    )
    assert result.detail is not None
    assert result.detail.code == "indicator-no-baseline"
    (result,) = run({**INCREASE, "area": "Bergvik"}, [], "2022-01-15", indicators=tuple(AREAS))
    assert result.detail is not None
    assert (
        result.detail.text("en")
        == "'trygga' has no values for the area 'Bergvik'; its areas are: Centrum, Ljusne"
    )


def test_points_after_by_are_listed():
    late = pt("2022", "70")
    (result,) = run({**INCREASE, "by": "2021"}, [], "2022-06-01", indicators=(*DATA, late))
    assert result.value == Decimal(66)
    assert [(x.activity, x.text("sv")) for x in result.left_out] == [
        (late.ref, "2022: mätt efter 2021-12-31 och räknas inte")
    ]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"target": "up"}, "indicator-direction-invalid"),
        ({"target": {"at_least": "60", "at_most": "70"}}, "indicator-target-one"),
        ({"target": {"at_least": "sextio"}}, "number-invalid"),
        ({"baseline": {"year": "19"}}, "expected-year"),
        ({"by": "2018"}, "indicator-by-before-baseline"),
        ({"by": "våren 2018"}, "indicator-by-before-baseline"),
    ],
)
def test_invalid_rules(change, code):
    with pytest.raises(ValidationError) as err:
        rule({**INCREASE, **change})
    assert err.value.errors()[0]["ctx"]["error"].code == code


def test_unknown_keys_are_errors():
    with pytest.raises(ValidationError):
        rule({**INCREASE, "per": "year"})
    with pytest.raises(ValidationError):
        rule({**INCREASE, "target": {"at_leest": "60"}})


def test_docstring_example_is_a_valid_rule():
    (block,) = re.findall(r"```yaml\n(.*?)```", indicator_module.__doc__ or "", re.S)
    r = rule(yamlnodes.to_plain(yamlnodes.load(block, "doc.yaml")))
    assert isinstance(r, IndicatorRule)
    data = (
        pt("2019", "61", metric="andel-trygga-centrum", area="Söderhamns centrum"),
        pt("2021", "66", metric="andel-trygga-centrum", area="Söderhamns centrum"),
    )
    assert judge(
        yamlnodes.to_plain(yamlnodes.load(block, "doc.yaml")), list(data), "2022-01-15"
    ) == (
        "pass",
        Decimal(66),
    )
