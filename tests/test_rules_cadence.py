"""cadence: occurrences held or missed, coverage and gaps (SPEC §2.3, §5.4, §5.5)."""

from __future__ import annotations

import re
import sys
from decimal import Decimal

import pytest
from pydantic import ValidationError

from kit import act, rule, run
from loften import yamlnodes
from loften.rules.base import Relaxed
from loften.rules.cadence import CadenceRule

WEEKLY = {"kind": "cadence", "match": {"type": "patrull"}, "every": "week"}


def items(result) -> list[tuple[str, str]]:
    return [(i.label, i.status) for i in result[0].items]


def test_docstring_example_is_a_valid_rule():
    doc = sys.modules[CadenceRule.__module__].__doc__ or ""
    block = re.search(r"```yaml\n(.*?)```", doc, re.S)
    assert block is not None
    spec = yamlnodes.to_plain(yamlnodes.load(block.group(1), "doc"))
    assert run(spec, [act("2020-01-02", place="centrum")], "2022-01-15")[0].value is not None


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # 2020 has 53 ISO weeks; W53 runs 28 December 2020 – 3 January 2021
        (
            "2020-12-21",
            ["2020-12-22", "2021-01-02", "2021-01-05"],
            [("2020-W52", "pass"), ("2020-W53", "pass"), ("2021-W01", "pass")],
        ),
        (
            "2020-12-21",
            ["2020-12-22", "2021-01-05"],
            [("2020-W52", "pass"), ("2020-W53", "fail"), ("2021-W01", "pass")],
        ),
        # a period starting mid-week clips W53 to 30 December – 3 January
        (
            "2020-12-30",
            ["2021-01-02", "2021-01-05"],
            [("2020-W53", "pass"), ("2021-W01", "pass")],
        ),
    ],
)
def test_every_week_across_iso_week_53(start, days, expected):
    result = run(WEEKLY, [act(x) for x in days], "2021-01-15", start=start, end="2021-01-10")
    assert items(result) == expected
    assert result[0].status == ("pass" if all(s == "pass" for _, s in expected) else "fail")


@pytest.mark.parametrize(
    "every", [["friday", "saturday"], ["fredag", "lördag"], ["Lördag", "FREDAG"]]
)
def test_every_weekday_list_in_either_language(every):
    spec = {**WEEKLY, "every": every}
    acts = [act("2021-03-05"), act("2021-03-06"), act("2021-03-10"), act("2021-03-12")]
    result = run(spec, acts, "2021-03-20", start="2021-03-01", end="2021-03-14")
    assert rule(spec).every == ("friday", "saturday")
    assert items(result) == [
        ("2021-03-05", "pass"),
        ("2021-03-06", "pass"),
        ("2021-03-12", "pass"),
        ("2021-03-13", "fail"),
    ]
    b = result[0]
    assert (b.status, b.value, b.required) == ("fail", Decimal(3) / 4, Decimal(1))
    # the Wednesday activity holds no occurrence and is listed, not dropped
    assert [x.code for x in b.left_out] == ["cadence-no-occurrence"]
    assert b.detail.text("sv") == "3 av 4 dagar uppfyllda, minst 4 krävs"


@pytest.mark.parametrize(
    ("skip", "expected_items", "status"),
    [
        # Kristi himmelsfärdsdag 13 May 2021 is a Thursday: skipped, not missed
        ("true", [("2021-05-06", "pass"), ("2021-05-20", "pass"), ("2021-05-27", "pass")], "pass"),
        (
            "false",
            [
                ("2021-05-06", "pass"),
                ("2021-05-13", "fail"),
                ("2021-05-20", "pass"),
                ("2021-05-27", "pass"),
            ],
            "fail",
        ),
    ],
)
def test_every_thursday_skipping_holidays(skip, expected_items, status):
    spec = {**WEEKLY, "every": "torsdag", "skip_holidays": skip}
    acts = [act("2021-05-06"), act("2021-05-20"), act("2021-05-27")]
    result = run(spec, acts, "2021-06-15", start="2021-05-01", end="2021-05-31")
    assert items(result) == expected_items
    assert result[0].status == status


def test_activity_on_a_skipped_holiday_is_listed():
    spec = {**WEEKLY, "every": "thursday", "skip_holidays": "ja"}
    result = run(spec, [act("2021-05-13")], "2021-06-15", start="2021-05-01", end="2021-05-31")
    assert [x.code for x in result[0].left_out] == ["cadence-holiday"]
    assert result[0].left_out[0].text("sv") == "2021-05-13 patrull: helgdag, räknas inte"


@pytest.mark.parametrize("every", ["week", "month", "vecka"])
def test_skip_holidays_with_week_or_month_is_an_error(every):
    with pytest.raises(ValidationError) as info:
        rule({**WEEKLY, "every": every, "skip_holidays": "true"})
    assert info.value.errors()[0]["ctx"]["error"].code == "cadence-skip-holidays-unit"


def test_unknown_every_suggests_the_nearest():
    with pytest.raises(ValidationError) as info:
        rule({**WEEKLY, "every": "weak"})
    err = info.value.errors()[0]["ctx"]["error"]
    assert (err.code, err.params["hint"]) == ("cadence-every-invalid", "week")


def test_times_two_and_quantity():
    spec = {**WEEKLY, "times": "2"}
    acts = [act("2021-03-02"), act("2021-03-04"), act("2021-03-09")]
    result = run(spec, acts, "2021-03-20", start="2021-03-01", end="2021-03-14")
    assert items(result) == [("2021-W09", "pass"), ("2021-W10", "fail")]
    assert result[0].items[1].detail.text("sv") == "1 av 2 gånger"
    tally = [act("2021-03-02", quantity=2), act("2021-03-10", quantity=2)]
    assert run(spec, tally, "2021-03-20", start="2021-03-01", end="2021-03-14")[0].status == "pass"


@pytest.mark.parametrize(("held_weeks", "status"), [(10, "pass"), (9, "pass"), (8, "fail")])
def test_coverage_ninety_percent(held_weeks, status):
    spec = {**WEEKLY, "coverage": "90%"}
    # ten ISO weeks, 2021-W01..W10; one activity each Tuesday of the first held_weeks
    acts = [
        act(f"2021-{m:02d}-{d:02d}")
        for m, d in [
            (1, 5),
            (1, 12),
            (1, 19),
            (1, 26),
            (2, 2),
            (2, 9),
            (2, 16),
            (2, 23),
            (3, 2),
            (3, 9),
        ][:held_weeks]
    ]
    result = run(spec, acts, "2021-04-01", start="2021-01-04", end="2021-03-14")
    assert (result[0].value, result[0].status) == (Decimal(held_weeks) / 10, status)


def test_max_gap_exceeded_fails_even_with_full_coverage():
    spec = {**WEEKLY, "max_gap": "10 dagar"}
    acts = [act("2021-01-04"), act("2021-01-17"), act("2021-01-18")]
    result = run(spec, acts, "2021-02-01", start="2021-01-04", end="2021-01-24")
    b = result[0]
    assert (b.value, b.status) == (Decimal(1), "fail")
    assert b.detail.text("sv") == (
        "3 av 3 veckor uppfyllda, minst 3 krävs; längsta uppehåll 12 dagar, "
        "2021-01-05–2021-01-16 (högst 10)"
    )
    assert (
        run(
            {**spec, "max_gap": "2 weeks"}, acts, "2021-02-01", start="2021-01-04", end="2021-01-24"
        )[0].status
        == "pass"
    )


def test_a_multi_day_activity_closes_the_gap_on_every_day_it_lasts():
    spec = {**WEEKLY, "max_gap": "10 dagar"}
    # A five-day activity from 10 January covers 10–14 January: the days without one are
    # then 5–9, 15–17 and 19–24 January (counted from its first day alone, 11–17 would be
    # a gap of 7 days).
    acts = [act("2021-01-04"), act("2021-01-10", end="2021-01-14"), act("2021-01-18")]
    b = run(spec, acts, "2021-02-01", start="2021-01-04", end="2021-01-24")[0]
    assert b.status == "pass"
    assert b.detail.text("sv") == (
        "3 av 3 veckor uppfyllda, minst 3 krävs; längsta uppehåll 6 dagar, "
        "2021-01-19–2021-01-24 (högst 10)"
    )


def test_multi_day_activity_holds_every_day_it_touches():
    spec = {**WEEKLY, "every": "day"}
    long = act("2021-03-01", end="2021-03-03")
    result = run(
        spec, [long, act("2021-03-05")], "2021-04-01", start="2021-03-01", end="2021-03-05"
    )
    assert items(result) == [
        ("2021-03-01", "pass"),
        ("2021-03-02", "pass"),
        ("2021-03-03", "pass"),
        ("2021-03-04", "fail"),
        ("2021-03-05", "pass"),
    ]
    assert result[0].items[2].counted == (long.ref,)
    assert result[0].value == Decimal("0.8")


def test_days_after_as_of_hold_nothing_yet():
    spec = {**WEEKLY, "every": "day"}
    result = run(
        spec,
        [act("2021-03-01", end="2021-03-03")],
        "2021-03-02",
        start="2021-03-01",
        end="2021-03-05",
    )
    assert items(result) == [
        ("2021-03-01", "pass"),
        ("2021-03-02", "pass"),
        ("2021-03-03", "not-started"),
        ("2021-03-04", "not-started"),
        ("2021-03-05", "not-started"),
    ]


# twelve ISO weeks, 2021-W01 (4 January) .. 2021-W12 (28 March); the Mondays:
MONDAYS = [
    "2021-01-04",
    "2021-01-11",
    "2021-01-18",
    "2021-01-25",
    "2021-02-01",
    "2021-02-08",
    "2021-02-15",
    "2021-02-22",
    "2021-03-01",
    "2021-03-08",
    "2021-03-15",
    "2021-03-22",
]


@pytest.mark.parametrize(
    ("spec", "held", "as_of", "status"),
    [
        # W01, W02 over and held; W03 pending -> on-track
        ({"coverage": "50%"}, MONDAYS[:2], "2021-01-20", "on-track"),
        # half of the closed weeks held: exactly the coverage -> on-track
        ({"coverage": "50%"}, MONDAYS[:1], "2021-01-20", "on-track"),
        # none of two closed weeks held -> behind, though 10 of 12 could still be
        ({"coverage": "50%"}, [], "2021-01-20", "behind"),
        # 6 of 12 already held -> pass while open
        ({"coverage": "50%"}, MONDAYS[:6], "2021-02-17", "pass"),
        # 7 of 8 closed weeks missed: at most 5 of 12 left to hold -> fail while open
        ({"coverage": "50%"}, MONDAYS[:1], "2021-03-03", "fail"),
        # coverage reached but a gap could still grow past max_gap -> on-track
        ({"coverage": "50%", "max_gap": "14"}, MONDAYS[:6], "2021-02-17", "on-track"),
        # ... until too few days are left for a gap that long
        ({"coverage": "50%", "max_gap": "14"}, MONDAYS, "2021-03-24", "pass"),
        # a gap longer than max_gap has already happened -> fail while open
        ({"coverage": "50%", "max_gap": "14"}, MONDAYS[:1], "2021-02-10", "fail"),
        # before the period
        ({}, [], "2020-12-31", "not-started"),
    ],
)
def test_open_period(spec, held, as_of, status):
    result = run(
        {**WEEKLY, **spec}, [act(x) for x in held], as_of, start="2021-01-04", end="2021-03-28"
    )
    assert result[0].status == status


def test_open_period_reports_the_pending_week_and_what_is_left():
    result = run(
        {**WEEKLY, "coverage": "50%"},
        [act(MONDAYS[0])],
        "2021-01-20",
        start="2021-01-04",
        end="2021-03-28",
    )
    b = result[0]
    assert items(result)[:4] == [
        ("2021-W01", "pass"),
        ("2021-W02", "fail"),
        ("2021-W03", "on-track"),
        ("2021-W04", "not-started"),
    ]
    assert (b.value, b.left, b.due.isoformat()) == (Decimal(1) / 12, 5, "2021-03-28")
    assert b.items[0].counted == (b.counted[0],)


def test_not_started_has_no_value():
    b = run(WEEKLY, [], "2019-12-31")[0]
    assert (b.status, b.value, b.items) == ("not-started", None, ())


@pytest.mark.parametrize(
    ("waived", "value", "status", "item"),
    [
        (frozenset(), Decimal("0.8"), "fail", "fail"),
        # an exception naming the occurrence takes it out of the denominator
        (frozenset({"2021-03-03"}), Decimal(1), "pass", "excepted"),
    ],
)
def test_excepted_occurrence_leaves_the_denominator(waived, value, status, item):
    spec = {**WEEKLY, "every": "day"}
    acts = [act(x) for x in ("2021-03-01", "2021-03-02", "2021-03-04", "2021-03-05")]
    result = run(
        spec, acts, "2021-04-01", start="2021-03-01", end="2021-03-05", waived_items=waived
    )
    assert (result[0].value, result[0].status) == (value, status)
    assert dict(items(result))["2021-03-03"] == item


def test_waiver_of_a_held_occurrence_changes_nothing():
    spec = {**WEEKLY, "every": "day"}
    acts = [act("2021-03-01")]
    result = run(
        spec,
        acts,
        "2021-04-01",
        start="2021-03-01",
        end="2021-03-02",
        waived_items=frozenset({"2021-03-01"}),
    )
    assert (result[0].value, items(result)) == (
        Decimal("0.5"),
        [("2021-03-01", "pass"), ("2021-03-02", "fail")],
    )


@pytest.mark.parametrize(("prorate", "status"), [("true", "pass"), ("false", "fail")])
def test_prorate_a_clipped_week(prorate, status):
    # W01 clipped to Wednesday 6 – Sunday 10 January: 5 of 7 days, floor(2 * 5/7) = 1
    spec = {**WEEKLY, "times": "2", "prorate": prorate}
    acts = [act("2021-01-07"), act("2021-01-12"), act("2021-01-13")]
    result = run(spec, acts, "2021-02-01", start="2021-01-06", end="2021-01-17")
    assert result[0].status == status


def test_every_month_counts_calendar_months():
    spec = {**WEEKLY, "every": "månad"}
    acts = [act("2020-01-14"), act("2020-02-11"), act("2020-04-21")]
    result = run(spec, acts, "2020-05-15", start="2020-01-01", end="2020-06-30")
    assert items(result) == [
        ("2020-01", "pass"),
        ("2020-02", "pass"),
        ("2020-03", "fail"),
        ("2020-04", "pass"),
        ("2020-05", "on-track"),
        ("2020-06", "not-started"),
    ]
    assert result[0].status == "fail"  # coverage 100 %: March can never be made good


def test_an_exception_may_relax_the_coverage():
    spec = {**WEEKLY, "every": "day"}
    acts = [act(x) for x in ("2021-03-01", "2021-03-02", "2021-03-04", "2021-03-05")]
    relaxed = {"total": Relaxed(at_least=Decimal("0.8"))}
    b = run(spec, acts, "2021-04-01", start="2021-03-01", end="2021-03-05", relaxed=relaxed)[0]
    assert (b.status, b.relaxed_status) == ("fail", "pass")


def test_activities_outside_the_rules_from_and_until_are_neither_counted_nor_left_out():
    # The rule's window narrows the period: what starts outside it is not the rule's
    # business at all (it is not "an activity on a day without an occurrence").
    spec = {**WEEKLY, "from": "2021-03-01", "until": "2021-03-14"}
    before, inside, after = act("2021-02-26"), act("2021-03-03"), act("2021-03-20")
    b = run(spec, [before, inside, after], "2021-06-30")[0]
    assert b.counted == (inside.ref,)
    assert b.left_out == ()
    assert items(run(spec, [before, inside, after], "2021-06-30")) == [
        ("2021-W09", "pass"),
        ("2021-W10", "fail"),
    ]
