"""Time arithmetic as a user meets it: buckets, pro-rata, holidays, seasons, labels."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

import pytest

from loften.calendar import (
    PER_VALUES,
    WEEKDAY_KEYS,
    Bucket,
    BucketIndex,
    elapsed_days,
    holiday_name,
    human_by,
    human_label,
    is_holiday,
    is_over,
    make_buckets,
    month_name,
    normalize_label,
    parse_by,
    parse_season,
    parse_weekday,
    prorata_exact,
    prorata_fraction,
    prorata_whole,
    prorate_bound,
    prose_date,
    weekday_key,
    weekday_name,
    window_end,
)
from loften.errors import BadValue

D = date.fromisoformat
PERIOD = (D("2020-03-15"), D("2021-02-10"))


def shape(b: Bucket) -> tuple[str, str, str, str, str]:
    return (
        b.label,
        b.start.isoformat(),
        b.end.isoformat(),
        b.full_start.isoformat(),
        b.full_end.isoformat(),
    )


# ---------------------------------------------------------------- calendar facts


def test_2020_is_a_leap_year() -> None:
    h1, h2 = make_buckets("half", D("2020-01-01"), D("2020-12-31"))
    assert (h1.label, h1.length, h2.label, h2.length) == ("2020-H1", 182, "2020-H2", 184)
    (year,) = make_buckets("year", D("2020-01-01"), D("2020-12-31"))
    assert year.length == 366
    assert not year.clipped


def test_2020_has_iso_week_53_and_new_year_belongs_to_it() -> None:
    buckets = make_buckets("week", D("2020-12-28"), D("2021-01-10"))
    assert [b.label for b in buckets] == ["2020-W53", "2021-W01"]
    index = BucketIndex(buckets)
    for day in ("2020-12-31", "2021-01-01", "2021-01-02", "2021-01-03"):
        found = index.find(D(day))
        assert found is not None and found.label == "2020-W53", day
    found = index.find(D("2021-01-04"))
    assert found is not None and found.label == "2021-W01"


# ---------------------------------------------------------------- make_buckets


@pytest.mark.parametrize(
    ("per", "count", "first", "last"),
    [
        (
            "total",
            1,
            ("total", "2020-03-15", "2021-02-10", "2020-03-15", "2021-02-10"),
            ("total", "2020-03-15", "2021-02-10", "2020-03-15", "2021-02-10"),
        ),
        (
            "year",
            2,
            ("2020", "2020-03-15", "2020-12-31", "2020-01-01", "2020-12-31"),
            ("2021", "2021-01-01", "2021-02-10", "2021-01-01", "2021-12-31"),
        ),
        (
            "half",
            3,
            ("2020-H1", "2020-03-15", "2020-06-30", "2020-01-01", "2020-06-30"),
            ("2021-H1", "2021-01-01", "2021-02-10", "2021-01-01", "2021-06-30"),
        ),
        (
            "quarter",
            5,
            ("2020-Q1", "2020-03-15", "2020-03-31", "2020-01-01", "2020-03-31"),
            ("2021-Q1", "2021-01-01", "2021-02-10", "2021-01-01", "2021-03-31"),
        ),
        (
            "month",
            12,
            ("2020-03", "2020-03-15", "2020-03-31", "2020-03-01", "2020-03-31"),
            ("2021-02", "2021-02-01", "2021-02-10", "2021-02-01", "2021-02-28"),
        ),
        (
            "week",
            49,
            ("2020-W11", "2020-03-15", "2020-03-15", "2020-03-09", "2020-03-15"),
            ("2021-W06", "2021-02-08", "2021-02-10", "2021-02-08", "2021-02-14"),
        ),
        (
            "day",
            333,
            ("2020-03-15", "2020-03-15", "2020-03-15", "2020-03-15", "2020-03-15"),
            ("2021-02-10", "2021-02-10", "2021-02-10", "2021-02-10", "2021-02-10"),
        ),
    ],
)
def test_buckets_are_calendar_aligned_and_clipped(
    per: str, count: int, first: tuple[str, ...], last: tuple[str, ...]
) -> None:
    buckets = make_buckets(per, *PERIOD)  # type: ignore[arg-type]
    assert len(buckets) == count
    assert shape(buckets[0]) == first
    assert shape(buckets[-1]) == last


@pytest.mark.parametrize("per", PER_VALUES)
@pytest.mark.parametrize("align", [False, True])
def test_buckets_cover_the_period_without_gaps(per: str, align: bool) -> None:
    buckets = make_buckets(per, *PERIOD, align_period=align)  # type: ignore[arg-type]
    assert buckets[0].start == PERIOD[0]
    assert buckets[-1].end == PERIOD[1]
    for before, after in pairwise(buckets):
        assert after.start == before.end + timedelta(days=1)
    assert sum(b.length for b in buckets) == (PERIOD[1] - PERIOD[0]).days + 1
    assert len({b.label for b in buckets}) == len(buckets)


def test_the_middle_weeks_of_a_period_are_whole() -> None:
    buckets = make_buckets("week", *PERIOD)
    assert [b.clipped for b in buckets[:2]] == [True, False]
    assert buckets[1].label == "2020-W12"
    assert all(b.length == 7 for b in buckets[1:-1])
    assert [b.label for b in buckets if b.label.startswith("2020-W53")] == ["2020-W53"]


def test_month_and_week_labels_are_zero_padded() -> None:
    labels = [b.label for b in make_buckets("month", D("2020-01-01"), D("2020-12-31"))]
    assert labels[0] == "2020-01" and labels[-1] == "2020-12"
    weeks = [b.label for b in make_buckets("week", D("2020-02-24"), D("2020-03-01"))]
    assert weeks == ["2020-W09"]


def test_align_period_counts_a_may_to_may_promise_from_may() -> None:
    (year,) = make_buckets("year", D("2024-05-01"), D("2025-04-30"), align_period=True)
    assert shape(year) == (
        "2024-05-01..2025-04-30",
        "2024-05-01",
        "2025-04-30",
        "2024-05-01",
        "2025-04-30",
    )
    assert not year.clipped
    quarters = make_buckets("quarter", D("2024-05-01"), D("2025-05-31"), align_period=True)
    assert [b.label for b in quarters] == [
        "2024-05-01..2024-07-31",
        "2024-08-01..2024-10-31",
        "2024-11-01..2025-01-31",
        "2025-02-01..2025-04-30",
        "2025-05-01..2025-05-31",
    ]
    assert quarters[-1].clipped
    assert quarters[-1].full_end == D("2025-07-31")
    halves = make_buckets("half", D("2024-05-01"), D("2025-04-30"), align_period=True)
    assert [b.label for b in halves] == ["2024-05-01..2024-10-31", "2024-11-01..2025-04-30"]


def test_align_period_months_from_the_31st_count_from_the_start_not_chained() -> None:
    buckets = make_buckets("month", D("2020-01-31"), D("2020-06-15"), align_period=True)
    assert [b.label for b in buckets] == [
        "2020-01-31..2020-02-28",
        "2020-02-29..2020-03-30",
        "2020-03-31..2020-04-29",
        "2020-04-30..2020-05-30",
        "2020-05-31..2020-06-15",
    ]
    assert buckets[-1].full_end == D("2020-06-29")
    assert buckets[-1].clipped and not buckets[0].clipped


def test_align_period_weeks_are_seven_day_blocks_from_the_start() -> None:
    buckets = make_buckets("week", D("2020-03-04"), D("2020-03-20"), align_period=True)
    assert [shape(b) for b in buckets] == [
        ("2020-03-04..2020-03-10", "2020-03-04", "2020-03-10", "2020-03-04", "2020-03-10"),
        ("2020-03-11..2020-03-17", "2020-03-11", "2020-03-17", "2020-03-11", "2020-03-17"),
        ("2020-03-18..2020-03-20", "2020-03-18", "2020-03-20", "2020-03-18", "2020-03-24"),
    ]


@pytest.mark.parametrize("per", ["total", "day"])
def test_align_period_does_not_change_total_and_day(per: str) -> None:
    assert make_buckets(per, *PERIOD, align_period=True) == make_buckets(per, *PERIOD)  # type: ignore[arg-type]


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError):
        make_buckets("month", D("2020-02-01"), D("2020-01-01"))


# ---------------------------------------------------------------- BucketIndex


def test_bucket_index_finds_days_and_labels() -> None:
    index = BucketIndex(make_buckets("quarter", *PERIOD))
    assert len(index) == 5
    found = index.find(D("2020-07-01"))
    assert found is not None and found.label == "2020-Q3"
    assert index.find(D("2020-03-14")) is None
    assert index.find(D("2021-02-11")) is None
    assert index.by_label("2020-Q3") is found
    assert index.by_label("2020-q3") is found
    assert index.by_label("2020-Q9") is None


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ("2020-w9", "2020-W09"),
        (" 2020-W09 ", "2020-W09"),
        ("2020-h1", "2020-H1"),
        ("2020-3", "2020-03"),
        ("Total", "total"),
        ("2020", "2020"),
        ("2020-03-14", "2020-03-14"),
    ],
)
def test_labels_as_users_write_them(written: str, label: str) -> None:
    assert normalize_label(written) == label


# ---------------------------------------------------------------- pro-rata


def test_a_weekly_bound_of_one_falls_due_on_sunday() -> None:
    (week,) = make_buckets("week", D("2020-03-09"), D("2020-03-15"))
    due = [
        prorata_whole(1, elapsed_days(week, week.start + timedelta(days=i)), week.length)
        for i in range(7)
    ]
    assert due == [0, 0, 0, 0, 0, 0, 1]


@pytest.mark.parametrize(
    ("as_of", "elapsed"),
    [("2020-03-01", 0), ("2020-03-09", 1), ("2020-03-12", 4), ("2020-03-15", 7), ("2021-01-01", 7)],
)
def test_elapsed_days_is_clamped_to_the_bucket(as_of: str, elapsed: int) -> None:
    (week,) = make_buckets("week", D("2020-03-09"), D("2020-03-15"))
    assert elapsed_days(week, D(as_of)) == elapsed


def test_a_bucket_is_over_only_after_its_last_day() -> None:
    assert not is_over(D("2020-12-31"), D("2020-12-31"))
    assert is_over(D("2020-12-31"), D("2021-01-01"))


def test_exact_pro_rata_for_sums() -> None:
    assert prorata_exact(Decimal("10"), 1, 4) == Decimal("2.5")
    assert prorata_exact(Decimal("300"), 366, 366) == Decimal("300")
    third = prorata_exact(Decimal("1"), 1, 3)
    assert Decimal("0.3333333333") < third < Decimal("0.3333333334")
    assert prorata_fraction(Decimal("0.7"), 1, 3) == Fraction(7, 30)
    # 300 hours a year, 73 days in: 59.836… hours are due; 59.83 is behind, 59.84 is not.
    target = prorata_exact(Decimal("300"), 73, 366)
    assert Decimal("59.83") < target < Decimal("59.84")


def test_prorate_a_clipped_quarter() -> None:
    q1 = make_buckets("quarter", *PERIOD)[0]  # 2020-03-15..31: 17 of 91 days
    assert (q1.length, q1.full_length, q1.clipped) == (17, 91, True)
    assert prorate_bound(10, q1, "at_least") == 1
    assert prorate_bound(10, q1, "at_most") == 2
    assert prorate_bound(Decimal("91"), q1, "sum") == Decimal("17")
    q2 = make_buckets("quarter", *PERIOD)[1]
    assert prorate_bound(10, q2, "at_least") == 10


# ---------------------------------------------------------------- holidays


@pytest.mark.parametrize(
    ("day", "holiday", "sv", "en"),
    [
        ("2020-01-01", True, "nyårsdagen", "New Year's Day"),
        ("2020-04-10", True, "långfredagen", "Good Friday"),
        ("2020-04-12", True, "påskdagen", "Easter Sunday"),
        ("2020-06-06", True, "nationaldagen", "National Day of Sweden"),
        ("2020-06-20", True, "midsommardagen", "Midsummer Day"),
        ("2020-06-19", False, None, None),  # midsommarafton
        ("2020-12-24", False, None, None),  # julafton
        ("2020-12-31", False, None, None),  # nyårsafton
        ("2020-03-15", False, None, None),  # an ordinary Sunday
        ("2020-04-11", False, None, None),  # påskafton
        ("2021-05-13", True, "Kristi himmelsfärdsdag", "Ascension Day"),
        ("2020-12-26", True, "annandag jul", "Boxing Day"),
        ("2008-05-01", True, "första maj och Kristi himmelsfärdsdag", "May Day and Ascension Day"),
    ],
)
def test_allmanna_helgdagar(day: str, holiday: bool, sv: str | None, en: str | None) -> None:
    assert is_holiday(D(day)) is holiday
    assert holiday_name(D(day), "sv") == sv
    assert holiday_name(D(day), "en") == en


def test_a_year_has_thirteen_holidays() -> None:
    days = [D("2020-01-01") + timedelta(days=i) for i in range(366)]
    assert sum(is_holiday(d) for d in days) == 13


# ---------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("monday", 0),
        ("Måndag", 0),
        (" TISDAG ", 1),
        ("Wednesday", 2),
        ("torsdag", 3),
        ("fredag", 4),
        ("lördag", 5),
        ("lo\u0308rdag", 5),  # decomposed ö
        ("Sunday", 6),
        ("söndag", 6),
    ],
)
def test_parse_weekday(text: str, index: int) -> None:
    assert parse_weekday(text) == index


def test_an_unknown_weekday_names_the_nearest() -> None:
    with pytest.raises(BadValue) as caught:
        parse_weekday("fredga")
    assert caught.value.code == "weekday-unknown"
    assert caught.value.params["suggestion"] == "fredag"
    assert "fredag" in caught.value.at(None).message("sv")


def test_weekday_keys_and_names() -> None:
    assert WEEKDAY_KEYS[0] == "monday" and WEEKDAY_KEYS[6] == "sunday"
    assert weekday_key(D("2020-03-15")) == "sunday"
    assert [weekday_name(i, "sv") for i in (0, 5)] == ["måndag", "lördag"]
    assert [weekday_name(i, "en") for i in (0, 5)] == ["Monday", "Saturday"]


# ---------------------------------------------------------------- seasons and `by`

SPRING_2020 = (D("2020-01-01"), D("2020-06-30"))
AUTUMN_2024 = (D("2024-07-01"), D("2024-12-31"))


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("vår 2020", SPRING_2020),
        ("våren 2020", SPRING_2020),
        ("Våren 2020", SPRING_2020),
        ("VÅREN  2020", SPRING_2020),
        ("spring 2020", SPRING_2020),
        ("höst 2024", AUTUMN_2024),
        ("hösten 2024", AUTUMN_2024),
        ("autumn 2024", AUTUMN_2024),
        ("Fall 2024", AUTUMN_2024),
    ],
)
def test_default_seasons_in_every_form(text: str, window: tuple[date, date]) -> None:
    assert parse_season(text) == window


CUSTOM = {
    "vår": ("01-01", "06-30"),
    "sommar": ("06-01", "08-31"),
    "vinter": ("12-01", "02-29"),
}


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("sommar 2021", ("2021-06-01", "2021-08-31")),
        ("sommaren 2021", ("2021-06-01", "2021-08-31")),
        ("vintern 2020", ("2020-12-01", "2021-02-28")),
        ("vinter 2023", ("2023-12-01", "2024-02-29")),
        ("spring 2020", ("2020-01-01", "2020-06-30")),
    ],
)
def test_custom_seasons_including_one_across_new_year(text: str, window: tuple[str, str]) -> None:
    assert parse_season(text, CUSTOM) == (D(window[0]), D(window[1]))


def test_custom_seasons_replace_the_defaults() -> None:
    with pytest.raises(BadValue) as caught:
        parse_season("hösten 2020", CUSTOM)
    assert caught.value.code == "season-unknown"


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("vårem 2020", "våren"), ("hösst 2020", "höst"), ("autum 2020", "autumn")],
)
def test_an_unknown_season_names_the_nearest(text: str, suggestion: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_season(text)
    assert caught.value.code == "season-unknown"
    assert caught.value.params["known"] == "vår, höst"
    assert caught.value.params["suggestion"] in {suggestion, suggestion.removesuffix("en")}
    assert caught.value.at(None).message("sv").startswith(f"okänd årstid '{text}'")


@pytest.mark.parametrize(
    ("text", "seasons", "code"),
    [
        ("våren", None, "season-invalid"),
        ("sommar 2020", {"sommar": ("13-01", "08-31")}, "season-bound-invalid"),
        ("sommar 2020", {"sommar": ("06-01",)}, "season-bound-invalid"),
    ],
)
def test_bad_seasons(text: str, seasons: dict[str, tuple[str, ...]] | None, code: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_season(text, seasons)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "meaning", "last"),
    [
        ("2020", (D("2020-01-01"), D("2020-12-31")), "2020-12-31"),
        ("våren 2020", SPRING_2020, "2020-06-30"),
        ("2020-06-15", D("2020-06-15"), "2020-06-15"),
        (" 2021-02-28 ", D("2021-02-28"), "2021-02-28"),
    ],
)
def test_parse_by(text: str, meaning: object, last: str) -> None:
    assert parse_by(text) == meaning
    assert window_end(text) == D(last)
    assert window_end(parse_by(text)) == D(last)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2021-02-29", "by-date-invalid"),
        ("20201", "by-invalid"),
        ("snart", "by-invalid"),
        ("sommaren 2020", "season-unknown"),
    ],
)
def test_parse_by_errors(text: str, code: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_by(text)
    assert caught.value.code == code
    assert caught.value.at(None).message("sv")
    assert caught.value.at(None).message("en")


# ---------------------------------------------------------------- human words


@pytest.mark.parametrize(
    ("label", "sv", "en"),
    [
        ("2020-W09", "v. 9 2020", "week 9 2020"),
        ("2020-W53", "v. 53 2020", "week 53 2020"),
        ("2020-H1", "första halvåret 2020", "H1 2020"),
        ("2020-H2", "andra halvåret 2020", "H2 2020"),
        ("2020-Q3", "kvartal 3 2020", "Q3 2020"),
        ("2020-03", "mars 2020", "March 2020"),
        ("2020", "2020", "2020"),
        ("2020-03-14", "14 mars 2020", "14 March 2020"),
        ("total", "hela perioden", "whole period"),
        ("2024-05-01..2025-04-30", "1 maj 2024–30 april 2025", "1 May 2024–30 April 2025"),
        ("request-17", "request-17", "request-17"),
    ],
)
def test_human_labels(label: str, sv: str, en: str) -> None:
    assert human_label(label, "sv") == sv
    assert human_label(label, "en") == en


def test_every_bucket_label_has_a_human_form() -> None:
    for per in PER_VALUES:
        for bucket in make_buckets(per, *PERIOD):
            assert human_label(bucket.label, "sv") != bucket.label or per == "year"


def test_prose_dates_and_month_names() -> None:
    assert prose_date(D("2022-01-15"), "sv") == "15 januari 2022"
    assert prose_date(D("2022-01-15"), "en") == "15 January 2022"
    assert [month_name(m, "sv") for m in range(1, 13)] == [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ]
    assert month_name(5, "en") == "May"


@pytest.mark.parametrize(
    ("by", "sv", "en"),
    [
        ("våren 2020", "våren 2020", "spring 2020"),
        ("fall 2024", "hösten 2024", "autumn 2024"),
        ("2021", "2021", "2021"),
        ("2021-06-30", "30 juni 2021", "30 June 2021"),
    ],
)
def test_human_by(by: str, sv: str, en: str) -> None:
    assert human_by(by, "sv") == sv
    assert human_by(by, "en") == en


def test_human_by_custom_season_keeps_its_key() -> None:
    assert human_by("sommaren 2021", "en", CUSTOM) == "sommar 2021"
