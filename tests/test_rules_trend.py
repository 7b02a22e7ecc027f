"""trend: each bucket beats the one before (SPEC §2.3, §5.4, §5.5)."""

from __future__ import annotations

import re
import sys

import pytest
from pydantic import ValidationError

from kit import act, rule, run, statuses
from loften import yamlnodes
from loften.rules.trend import TrendRule

UP = {"kind": "trend", "match": {"type": "vandring"}, "direction": "increase"}
DOWN = {**UP, "direction": "decrease"}


def walks(year: int, n: int, month: int = 3) -> list:
    return [act(f"{year}-{month:02d}-{k + 1:02d}", "vandring") for k in range(n)]


@pytest.mark.parametrize(
    ("spec", "n2020", "n2021", "expected"),
    [
        # "fler gånger under 2020 jämfört med 2019": baseline 3 is 2019
        ({**UP, "baseline": "3"}, 4, 5, [("2020", "pass"), ("2021", "pass")]),
        ({**UP, "baseline": "3"}, 3, 5, [("2020", "fail"), ("2021", "pass")]),
        ({**UP, "baseline": "3"}, 4, 4, [("2020", "pass"), ("2021", "fail")]),
        # without a baseline the first year is only reported
        (UP, 0, 1, [("2020", "pass"), ("2021", "pass")]),
        (UP, 5, 5, [("2020", "pass"), ("2021", "fail")]),
        # decrease is strict too
        ({**DOWN, "baseline": "5"}, 4, 3, [("2020", "pass"), ("2021", "pass")]),
        ({**DOWN, "baseline": "5"}, 5, 3, [("2020", "fail"), ("2021", "pass")]),
        ({**DOWN, "baseline": "5"}, 4, 4, [("2020", "pass"), ("2021", "fail")]),
    ],
)
def test_trend_over(spec, n2020, n2021, expected):
    acts = walks(2020, n2020) + walks(2021, n2021)
    assert statuses(run(spec, acts, "2022-01-15")) == expected


def test_values_and_the_number_to_beat():
    result = run({**UP, "baseline": "3"}, walks(2020, 4) + walks(2021, 2), "2022-01-15")
    assert [(b.value, b.required) for b in result] == [(4, 4), (2, 5)]
    assert result[0].detail.text("sv") == "utgångsvärde före perioden: 3"
    assert result[1].detail.text("en") == "previous bucket: 4"
    down = run({**DOWN, "baseline": "3"}, walks(2020, 2), "2022-01-15")
    assert [(b.value, b.required) for b in down] == [(2, 2), (0, 1)]


def test_first_bucket_without_baseline_says_it_is_report_only():
    first = run(UP, walks(2020, 2), "2022-01-15")[0]
    assert (first.status, first.value, first.required) == ("pass", 2, None)
    assert first.detail.code == "trend-first"


def test_quantity_counts():
    tally = act("2021-03-01", "vandring", quantity=3)
    assert statuses(run(UP, [*walks(2020, 2), tally], "2022-01-15"))[1] == ("2021", "pass")


@pytest.mark.parametrize(
    ("n2021", "expected"),
    [
        # 2021 is cut to January–June (181 days): 10 in 2020 is 10·181/366 = 4.9 per half year
        (5, "pass"),
        (4, "fail"),
    ],
)
def test_clipped_bucket_compared_by_rate(n2021, expected):
    acts = walks(2020, 10) + walks(2021, n2021)
    result = run(UP, acts, "2022-01-15", end="2021-06-30")
    assert statuses(result) == [("2020", "pass"), ("2021", expected)]
    assert result[1].required == 5
    assert result[1].detail.text("sv") == (
        "föregående period: 10 på 366 dagar, motsvarar 4,9 på periodens 181 dagar"
    )


def test_clipped_first_bucket_scales_the_baseline():
    # The period starts in July: 2020 has 184 days; 2019 (365 days) had 8, i.e. 4.03
    spec = {**UP, "baseline": "8"}
    assert statuses(run(spec, walks(2020, 4, month=8), "2022-01-15", start="2020-07-01")) == [
        ("2020", "fail"),
        ("2021", "fail"),
    ]
    result = run(spec, walks(2020, 5, month=8), "2022-01-15", start="2020-07-01")
    assert statuses(result)[0] == ("2020", "pass")
    assert result[0].required == 5


@pytest.mark.parametrize(
    ("n2021", "as_of", "expected"),
    [
        # 3 in 2020; 1 July 2021 is day 182 of 365: ⌊4·182/365⌋ = 1 due
        (0, "2021-07-01", "behind"),
        (1, "2021-07-01", "on-track"),
        (0, "2021-04-01", "on-track"),  # day 91: ⌊4·91/365⌋ = 0
        # beats 2020 while open: pass at once
        (4, "2021-07-01", "pass"),
    ],
)
def test_open_increase(n2021, as_of, expected):
    acts = walks(2020, 3) + walks(2021, n2021)
    assert statuses(run(UP, acts, as_of))[1] == ("2021", expected)


@pytest.mark.parametrize(("n2021", "expected"), [(2, "on-track"), (3, "fail")])
def test_open_decrease_fails_once_it_reaches_the_year_before(n2021, expected):
    acts = walks(2020, 3) + walks(2021, n2021)
    assert statuses(run(DOWN, acts, "2021-07-01"))[1] == ("2021", expected)


def test_next_bucket_not_started_has_nothing_to_beat_yet():
    result = run(UP, walks(2020, 3), "2020-07-01")
    assert statuses(result) == [("2020", "pass"), ("2021", "not-started")]
    assert result[1].required is None


def test_swedish_direction_and_default_per_year():
    r = rule({"kind": "trend", "match": {"type": "vandring"}, "direction": "ökning"})
    assert (r.direction, r.per) == ("increase", "year")


def test_prorate_is_an_error():
    with pytest.raises(ValidationError):
        rule({**UP, "prorate": "true"})


def test_docstring_example_is_a_valid_rule():
    doc = sys.modules[TrendRule.__module__].__doc__ or ""
    block = re.search(r"```yaml\n(.*?)```", doc, re.S)
    assert block is not None
    spec = yamlnodes.to_plain(yamlnodes.load(block.group(1), "doc"))
    assert statuses(run(spec, walks(2020, 5) + walks(2021, 6), "2022-01-15")) == [
        ("2020", "pass"),
        ("2021", "pass"),
    ]
