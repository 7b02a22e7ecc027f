"""count and sum: activities in, statuses out (SPEC §2.3, §5.3, §5.4)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit import act, run, statuses
from loften.activities.picked import Picked
from loften.engine.select import field_number, field_numbers

COUNT = {"kind": "count", "match": {"type": "insats"}, "per": "year", "at_least": "2"}


@pytest.mark.parametrize(
    ("activities", "as_of", "expected"),
    [
        # over: met / missed
        ([act("2020-03-01", "insats"), act("2020-09-01", "insats")], "2022-01-15", [("2020", "pass"), ("2021", "fail")]),
        # open bucket: pro-rata floor(2 * 182/366) = 0 -> on-track with none by 30 June
        ([], "2020-06-30", [("2020", "on-track"), ("2021", "not-started")]),
        # open bucket: 1 July 2020 is day 183 of 366 -> target floor(2*183/366)=1 -> behind with none
        ([], "2020-07-01", [("2020", "behind"), ("2021", "not-started")]),
        # bound met while open -> pass at once
        ([act("2020-01-05", "insats"), act("2020-02-01", "insats")], "2020-03-01", [("2020", "pass"), ("2021", "not-started")]),
        # leap day counts in 2020
        ([act("2020-02-29", "insats"), act("2020-12-31", "insats")], "2021-01-01", [("2020", "pass"), ("2021", "on-track")]),
    ],
)
def test_count_per_year(activities, as_of, expected):
    assert statuses(run(COUNT, activities, as_of)) == expected


def test_count_each_lists_reason_and_location():
    spec = {**COUNT, "each": {"days": {"at_least": "2"}}}
    short = act("2021-05-03", "insats")
    result = run(spec, [act("2021-03-01", "insats", days=2), short], "2022-01-15")
    b2021 = result[1]
    assert (b2021.value, b2021.status) == (1, "fail")
    assert b2021.left_out[0].activity == short.ref
    assert b2021.left_out[0].text("sv") == "2021-05-03 insats: 1 dag, minst 2 krävs"


def test_activity_spanning_two_buckets_counts_in_its_start_bucket():
    spanning = act("2020-12-30", "insats", end="2021-01-02")
    result = run({**COUNT, "at_least": "1"}, [spanning], "2022-01-15")
    assert statuses(result) == [("2020", "pass"), ("2021", "fail")]


def test_count_iso_week_53():
    spec = {"kind": "count", "match": {"type": "patrull"}, "per": "week", "at_least": "1"}
    result = run(spec, [act("2021-01-02")], "2021-01-10", start="2020-12-21", end="2021-01-10")
    assert statuses(result) == [("2020-W52", "fail"), ("2020-W53", "pass"), ("2021-W01", "behind")]


def test_count_weekly_not_behind_on_monday():
    spec = {"kind": "count", "match": {"type": "patrull"}, "per": "week", "at_least": "1"}
    assert statuses(run(spec, [], "2021-01-04", start="2021-01-04", end="2021-01-17")) == [
        ("2021-W01", "on-track"),
        ("2021-W02", "not-started"),
    ]


@pytest.mark.parametrize(
    ("bound", "n", "expected"),
    [
        ({"at_most": "1"}, 2, "fail"),
        ({"at_most": "2"}, 2, "pass"),
        ({"exactly": "2"}, 2, "pass"),
        ({"exactly": "2"}, 3, "fail"),
        ({"exactly": "2"}, 1, "fail"),
    ],
)
def test_count_bounds_over(bound, n, expected):
    spec = {"kind": "count", "match": {"type": "insats"}, **bound}
    acts = [act(f"2020-0{i + 1}-01", "insats") for i in range(n)]
    assert run(spec, acts, "2022-01-15")[0].status == expected


def test_count_at_most_fails_while_open_once_exceeded():
    spec = {"kind": "count", "match": {"type": "insats"}, "at_most": "1"}
    acts = [act("2020-01-01", "insats"), act("2020-02-01", "insats")]
    assert run(spec, acts, "2020-06-01")[0].status == "fail"
    assert run(spec, acts[:1], "2020-06-01")[0].status == "on-track"


def test_count_quantity_and_distinct_new():
    tally = act("2020-03-01", quantity=3)
    assert run({"kind": "count", "match": {"type": "patrull"}, "at_least": "3"}, [tally], "2022-01-01")[0].value == 3
    spec = {"kind": "count", "match": {"type": "patrull"}, "per": "year", "distinct": "place", "new": "true", "at_least": "1"}
    acts = [act("2020-03-01", place="a"), act("2020-04-01", place="b"), act("2021-03-01", place="a"), act("2021-05-01")]
    result = run(spec, acts, "2022-01-15")
    assert [(b.value, b.status) for b in result] == [(2, "pass"), (0, "fail")]
    assert result[1].left_out[0].code == "distinct-missing"


def test_sum_days_split_across_buckets_and_as_of():
    spec = {"kind": "sum", "match": {"type": "insats"}, "of": "days", "per": "year", "at_least": "2"}
    result = run(spec, [act("2020-12-31", "insats", end="2021-01-02")], "2022-01-15")
    assert [b.value for b in result] == [Decimal(1), Decimal(2)]


def test_sum_exact_decimals():
    spec = {"kind": "sum", "match": {"type": "patrull"}, "of": "hours", "at_least": "0.8"}
    result = run(spec, [act("2020-01-01", hours="0.7"), act("2020-01-02", hours="0.1")], "2022-01-15")
    assert (result[0].value, result[0].status) == (Decimal("0.8"), "pass")


def test_sum_lists_an_activity_without_the_value_and_adds_the_rest():
    spec = {"kind": "sum", "match": {"type": "patrull"}, "of": "hours", "at_least": "3"}
    with_hours = [act("2020-01-01", hours="1.5"), act("2020-01-03", hours="1")]
    without = act("2020-01-02")
    b = run(spec, [with_hours[0], without, with_hours[1]], "2022-01-15")[0]
    assert (b.value, b.status) == (Decimal("2.5"), "fail")
    assert b.counted == tuple(a.ref for a in with_hours)
    assert [(x.activity, x.code) for x in b.left_out] == [(without.ref, "sum-missing")]


def test_sum_open_bucket_uses_unrounded_target():
    spec = {"kind": "sum", "match": {"type": "patrull"}, "of": "hours", "per": "year", "at_least": "366"}
    # day 10 of 366: target exactly 10 hours
    assert run(spec, [act("2020-01-02", hours="9.5")], "2020-01-10")[0].status == "behind"
    assert run(spec, [act("2020-01-02", hours="10")], "2020-01-10")[0].status == "on-track"


def test_prorate_clipped_bucket():
    spec = {"kind": "count", "match": {"type": "patrull"}, "per": "quarter", "at_least": "3", "prorate": "true"}
    # period starts mid-quarter: 2020-02-15..2020-03-31 is 46 of 91 days -> floor(3*46/91) = 1
    result = run(spec, [act("2020-03-01")], "2020-12-31", start="2020-02-15", end="2020-06-30")
    assert [(b.bucket, b.required, b.status) for b in result] == [("2020-Q1", 1, "pass"), ("2020-Q2", 3, "fail")]


_AMOUNTS = st.one_of(
    st.none(),
    st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False),
    st.sampled_from([Decimal("2"), Decimal("2.0"), Decimal("2.50"), Decimal("1E+1")]),
)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.dates(min_value=date(2020, 1, 1), max_value=date(2021, 12, 31)),
            _AMOUNTS,
            st.one_of(st.none(), st.integers(min_value=0, max_value=500)),
            st.one_of(st.none(), st.sampled_from(["3", "4,5", "1 000", "x", ""])),
        ),
        max_size=12,
    ),
    name=st.sampled_from(
        ["hours", "Timmar", "participants", "days", "quantity", "month", "weekday", "km"]
    ),
)
def test_a_field_read_for_many_activities_at_once_reads_as_one_by_one(
    rows: list[tuple[date, Decimal | None, int | None, str | None]], name: str
) -> None:
    # ``sum`` adds a bucket's values at once (issue 7): the same values, of the same type
    # and written the same way, and None where one by one says None.
    acts = [
        act(day.isoformat(), hours=hours, participants=people, extra={"km": km} if km else {})
        for day, hours, people, km in rows
    ]
    def shown(numbers: Sequence[Decimal | None]) -> list[tuple[type, str] | None]:
        return [None if v is None else (type(v), str(v)) for v in numbers]

    one_by_one = [field_number(a, name) for a in acts]
    assert shown(field_numbers(acts, name)) == shown(one_by_one)
    # …and of some of them picked by position (as the engine hands a rule its activities)
    every_other = Picked(acts).where(k % 2 == 0 for k in range(len(acts)))
    assert shown(field_numbers(every_other, name)) == shown(one_by_one[::2])
