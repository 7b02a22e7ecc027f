"""Scalar typing (§5.1): what an analyst writes, and what loften makes of it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loften import values
from loften.errors import BadValue
from loften.messages import CATALOG, t
from loften.messages.values import MESSAGES, YAML_PROBLEMS


def _bad(parse: Callable[[str], Any], text: str) -> BadValue:
    with pytest.raises(BadValue) as caught:
        parse(text)
    return caught.value


# -- norm and ids --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Polis ", "polis"),
        ("RÅDHUSTORGET", "rådhustorget"),
        ("A\u030angermanland", "ångermanland"),  # decomposed Å becomes one letter
        ("Straße", "strasse"),
    ],
)
def test_norm_trims_composes_and_casefolds(text: str, expected: str) -> None:
    assert values.norm(text) == expected


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("soderhamn-2020-2021", True),
        ("Söderhamn-2020", True),
        (" riktad-insats ", True),
        ("a\u0308lvsbyn", True),
        ("riktad insats", False),
        ("polis_1", False),
        ("", False),
        ("é", False),
    ],
)
def test_ids_are_lowercase_letters_digits_and_hyphens(text: str, ok: bool) -> None:
    assert values.is_id(text) is ok


# -- booleans and numbers ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("True", True),
        ("YES", True),
        ("ja", True),
        (" Ja ", True),
        ("sant", True),
        ("false", False),
        ("No", False),
        ("nej", False),
        ("NEJ", False),
        ("falskt", False),
    ],
)
def test_parse_bool(text: str, expected: bool) -> None:
    assert values.parse_bool(text) is expected


@pytest.mark.parametrize("text", ["1", "0", "on", "off", "y", "", "jaa"])
def test_parse_bool_refuses(text: str) -> None:
    assert _bad(values.parse_bool, text).code == "bool-invalid"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0114", 114), ("12", 12), ("-3", -3), ("+7", 7), (" 42 ", 42), ("0", 0)],
)
def test_parse_int(text: str, expected: int) -> None:
    assert values.parse_int(text) == expected


@pytest.mark.parametrize(
    ("text", "kwargs", "code"),
    [
        ("1e3", {}, "int-invalid"),
        ("0x10", {}, "int-invalid"),
        ("2.0", {}, "int-invalid"),
        ("2,5", {}, "int-invalid"),
        ("1 000", {}, "int-invalid"),
        ("1_000", {}, "int-invalid"),
        ("٣", {}, "int-invalid"),
        ("", {}, "int-invalid"),
        ("1000000000000", {}, "value-out-of-range"),
        ("-1000000000000", {}, "value-out-of-range"),
        ("9" * 5000, {}, "value-out-of-range"),
        ("-1", {"minimum": 0}, "value-below-minimum"),
        ("0", {"minimum": 1}, "value-below-minimum"),
        ("13", {"minimum": 1, "maximum": 12}, "value-above-maximum"),
        ("1000000000000", {"minimum": 0}, "value-out-of-range"),
    ],
)
def test_parse_int_refuses(text: str, kwargs: dict[str, int], code: str) -> None:
    assert _bad(lambda s: values.parse_int(s, **kwargs), text).code == code


def test_parse_int_with_both_bounds_needs_no_sanity_limit() -> None:
    assert values.parse_int("5000000000000", minimum=0, maximum=10**13) == 5 * 10**12


def test_parse_int_names_the_minimum() -> None:
    err = _bad(lambda s: values.parse_int(s, minimum=0), "-3")
    assert err.params == {"text": "-3", "minimum": 0}
    assert t(err.code, "sv", **err.params) == "värdet '-3' är för litet: det ska vara minst 0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,5", "2.5"),
        ("2.5", "2.5"),
        ("-1", "-1"),
        ("10", "10"),
        ("0,7", "0.7"),
        (",5", "0.5"),
        ("-0", "0"),
        ("007", "7"),
        ("999999999999999", "999999999999999"),
    ],
)
def test_parse_decimal(text: str, expected: str) -> None:
    value = values.parse_decimal(text)
    assert value == Decimal(expected)
    assert str(value) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1e3", "number-invalid"),
        ("NaN", "number-invalid"),
        ("inf", "number-invalid"),
        ("1 000", "number-invalid"),
        ("1,000.5", "number-invalid"),
        ("2,", "number-invalid"),
        ("", "number-invalid"),
        ("två", "number-invalid"),
        ("1234567890123456", "value-out-of-range"),
    ],
)
def test_parse_decimal_refuses(text: str, code: str) -> None:
    err = _bad(values.parse_decimal, text)
    assert (err.code, err.params["text"]) == (code, text)


def test_decimals_are_exact() -> None:
    assert values.parse_decimal("0,7") + values.parse_decimal("0,1") == Decimal("0.8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,5", Decimal("2.5")),
        ("2.5", Decimal("2.5")),
        ("1:30", Decimal("1.5")),
        ("0:45", Decimal("0.75")),
        ("10:00", Decimal(10)),
        ("3", Decimal(3)),
        ("0", Decimal(0)),
    ],
)
def test_parse_hours(text: str, expected: Decimal) -> None:
    assert values.parse_hours(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1:60", "hours-invalid"),
        ("1:5", "hours-invalid"),
        ("-1:30", "hours-invalid"),
        ("1:30:00", "hours-invalid"),
        ("två", "hours-invalid"),
        ("2 h", "hours-invalid"),
        ("-2", "value-below-minimum"),
    ],
)
def test_parse_hours_refuses(text: str, code: str) -> None:
    assert _bad(values.parse_hours, text).code == code


# -- dates and times -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-03-14", date(2020, 3, 14)),
        (" 2024-02-29 ", date(2024, 2, 29)),
        ("1900-01-01", date(1900, 1, 1)),
        ("2199-12-31", date(2199, 12, 31)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert values.parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("15/1/2022", "date-format"),
        ("2022-1-5", "date-format"),
        ("20220105", "date-format"),
        ("2022-01-05T10:00", "date-format"),
        ("", "date-format"),
        ("2021-02-29", "date-impossible"),
        ("2021-04-31", "date-impossible"),
        ("2021-13-01", "date-impossible"),
        ("2021-00-10", "date-impossible"),
        ("1899-12-31", "date-out-of-range"),
        ("2200-01-01", "date-out-of-range"),
    ],
)
def test_parse_date_refuses(text: str, code: str) -> None:
    assert _bad(values.parse_date, text).code == code


def test_an_impossible_date_is_named() -> None:
    err = _bad(values.parse_date, "2021-02-29")
    assert t(err.code, "sv", **err.params) == "datumet 2021-02-29 finns inte i kalendern"


def test_a_wrong_date_shape_shows_the_right_one() -> None:
    err = _bad(values.parse_date, "15/1/2022")
    assert "ÅÅÅÅ-MM-DD" in t(err.code, "sv", **err.params)
    assert "YYYY-MM-DD" in t(err.code, "en", **err.params)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-03-14", (date(2020, 3, 14), None)),
        ("2020-03-14T18:00", (date(2020, 3, 14), time(18, 0))),
        ("2020-03-14 18:00", (date(2020, 3, 14), time(18, 0))),
        ("2020-03-14T18:00:30", (date(2020, 3, 14), time(18, 0, 30))),
        ("2020-03-14T9:05", (date(2020, 3, 14), time(9, 5))),
    ],
)
def test_parse_datetime(text: str, expected: tuple[date, time | None]) -> None:
    assert values.parse_datetime(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2020-03-14T18:00Z", "datetime-offset"),
        ("2020-03-14T18:00:00+01:00", "datetime-offset"),
        ("2020-03-14T18:00-0500", "datetime-offset"),
        ("2020-03-14 18:00 +01:00", "datetime-offset"),
        ("2020-03-14T18", "datetime-format"),
        ("2020-03-14T18:00:00.5", "datetime-format"),
        ("14/3/2020 18:00", "datetime-format"),
        ("2020-03-14T24:00", "time-invalid"),
        ("2021-02-29T10:00", "date-impossible"),
    ],
)
def test_parse_datetime_refuses(text: str, code: str) -> None:
    assert _bad(values.parse_datetime, text).code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19:00", time(19, 0)),
        ("9:05", time(9, 5)),
        ("09:05", time(9, 5)),
        ("19.00", time(19, 0)),
        ("23:59:59", time(23, 59, 59)),
        ("00:00", time(0, 0)),
    ],
)
def test_parse_time(text: str, expected: time) -> None:
    assert values.parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("24:00", "time-invalid"),
        ("19:60", "time-invalid"),
        ("12:00:60", "time-invalid"),
        ("1140", "time-format"),
        ("19", "time-format"),
        ("kl. 19", "time-format"),
        ("19:0", "time-format"),
        ("7 pm", "time-format"),
        ("19.00:00", "time-format"),
    ],
)
def test_parse_time_refuses(text: str, code: str) -> None:
    assert _bad(values.parse_time, text).code == code


# -- durations, shares, percentages --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("3", 3),
        ("0", 0),
        ("3 days", 3),
        ("1 day", 1),
        ("3 dagar", 3),
        ("1 dag", 1),
        ("2 weeks", 14),
        ("1 week", 7),
        ("2 veckor", 14),
        ("1 vecka", 7),
        ("2 VECKOR", 14),
        ("3Dagar", 3),
        ("2 dygn", 2),
    ],
)
def test_parse_duration(text: str, days: int) -> None:
    assert values.parse_duration(text) == days


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("3 månader", "duration-invalid"),
        ("-3 days", "duration-invalid"),
        ("1,5 dagar", "duration-invalid"),
        ("dagar", "duration-invalid"),
        ("", "duration-invalid"),
        ("99999999 days", "value-out-of-range"),
    ],
)
def test_parse_duration_refuses(text: str, code: str) -> None:
    assert _bad(values.parse_duration, text).code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50%", "0.5"),
        ("50 %", "0.5"),
        ("12,5%", "0.125"),
        ("100%", "1"),
        ("0%", "0"),
        ("0.5", "0.5"),
        ("0,5", "0.5"),
        ("1", "1"),
        ("0", "0"),
    ],
)
def test_parse_share(text: str, expected: str) -> None:
    assert values.parse_share(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("150%", "share-out-of-range"),
        ("-5%", "share-out-of-range"),
        ("-0,5", "share-out-of-range"),
        ("%", "share-invalid"),
        ("hälften", "share-invalid"),
        ("50", "share-needs-percent"),
    ],
)
def test_parse_share_refuses(text: str, code: str) -> None:
    assert _bad(values.parse_share, text).code == code


def test_a_share_over_one_suggests_a_percentage() -> None:
    err = _bad(values.parse_share, "50")
    assert err.params == {"text": "50", "suggestion": "50%"}
    assert t(err.code, "sv", **err.params) == "andelen '50' är större än 1: menar du 50%?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("70%", (Decimal(70), True)),
        ("70 %", (Decimal(70), True)),
        ("70", (Decimal(70), False)),
        ("3,4", (Decimal("3.4"), False)),
        ("-2", (Decimal(-2), False)),
    ],
)
def test_parse_percent_or_number(text: str, expected: tuple[Decimal, bool]) -> None:
    assert values.parse_percent_or_number(text) == expected


@pytest.mark.parametrize("text", ["%", "sjuttio %", "1e2"])
def test_parse_percent_or_number_refuses(text: str) -> None:
    err = _bad(values.parse_percent_or_number, text)
    assert (err.code, err.params["text"]) == ("number-invalid", text)


# -- statuses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("done", "done"),
        ("Genomförd", "done"),
        ("GENOMFÖRD", "done"),
        ("planned", "planned"),
        ("planerad", "planned"),
        ("cancelled", "cancelled"),
        ("canceled", "cancelled"),
        ("Inställd", "cancelled"),
    ],
)
def test_parse_status(text: str, expected: str) -> None:
    assert values.parse_status(text) == expected


@pytest.mark.parametrize("text", ["klar", "", "not done", "delvis"])
def test_parse_status_refuses(text: str) -> None:
    assert _bad(values.parse_status, text).code == "status-invalid"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("done", "done"),
        ("genomförd", "done"),
        ("partial", "partial"),
        ("Delvis", "partial"),
        ("not-done", "not-done"),
        ("not done", "not-done"),
        ("ej genomförd", "not-done"),
        ("Ej  genomförd", "not-done"),
    ],
)
def test_parse_attestation_status(text: str, expected: str) -> None:
    assert values.parse_attestation_status(text) == expected


@pytest.mark.parametrize("text", ["planned", "klar", "", "ej"])
def test_parse_attestation_status_refuses(text: str) -> None:
    assert _bad(values.parse_attestation_status, text).code == "attestation-status-invalid"


# -- the catalog and the "never anything but BadValue" property ----------------------


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_messages_are_short_lower_case_lines(code: str) -> None:
    for text in MESSAGES[code]:
        assert "\n" not in text
        assert not text.endswith(".")
        assert not text[0].isupper(), text
    assert re.search("[åäö]", " ".join(MESSAGES[code][0] for code in MESSAGES))


@pytest.mark.parametrize("pair", sorted(YAML_PROBLEMS.values()))
def test_yaml_problems_are_short_lower_case_lines(pair: tuple[str, str]) -> None:
    for text in pair:
        assert "\n" not in text
        assert not text.endswith(".")
        assert not text[0].isupper(), text


PARSERS: list[Callable[[str], Any]] = [
    values.parse_bool,
    values.parse_int,
    values.parse_decimal,
    values.parse_hours,
    values.parse_date,
    values.parse_datetime,
    values.parse_time,
    values.parse_duration,
    values.parse_share,
    values.parse_percent_or_number,
    values.parse_status,
    values.parse_attestation_status,
]
_NUMBERISH = st.text(alphabet=st.sampled_from(list("0123456789:.,-+% TZeé dagrweks")), max_size=24)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_NUMBERISH, st.text(max_size=24)))
def test_any_text_gives_a_value_or_a_bad_value(text: str) -> None:
    for parse in PARSERS:
        try:
            parse(text)
        except BadValue as err:
            assert err.code in CATALOG
            assert t(err.code, "sv", **err.params)
            assert t(err.code, "en", **err.params)
