"""deadline: enough activities within a window (SPEC §2.3, §5.3, §5.4, §5.9)."""

from __future__ import annotations

import re
import sys
from datetime import date

import pytest
from pydantic import ValidationError

from kit import act, rule, run
from loften import yamlnodes
from loften.rules.base import RuleContext
from loften.rules.deadline import DeadlineRule

EVAL = {"kind": "deadline", "match": {"type": "utvardering"}}


def window(result) -> tuple[str, str]:
    return result[0].start.isoformat(), result[0].end.isoformat()


def test_docstring_example_is_a_valid_rule():
    doc = sys.modules[DeadlineRule.__module__].__doc__ or ""
    block = re.search(r"```yaml\n(.*?)```", doc, re.S)
    assert block is not None
    spec = yamlnodes.to_plain(yamlnodes.load(block.group(1), "doc"))
    assert run(spec, [act("2020-05-01", "utvardering")], "2022-01-15")[0].status == "pass"


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        # a date: from the promise period's start
        ({"by": "2021-12-31"}, ("2020-01-01", "2021-12-31")),
        ({"by": "2020-09-30", "from": "2020-09-01"}, ("2020-09-01", "2020-09-30")),
        # a season or a year: the whole of it, or from `from`
        ({"by": "våren 2020"}, ("2020-01-01", "2020-06-30")),
        ({"by": "Spring 2020"}, ("2020-01-01", "2020-06-30")),
        ({"by": "hösten 2021"}, ("2021-07-01", "2021-12-31")),
        ({"by": "2021"}, ("2021-01-01", "2021-12-31")),
        ({"by": "2021", "from": "2021-03-01"}, ("2021-03-01", "2021-12-31")),
    ],
)
def test_window(keys, expected):
    result = run({**EVAL, **keys}, [], "2022-01-15")
    assert window(result) == expected
    assert result[0].detail.text("sv") == f"tidsfönster {expected[0]}–{expected[1]}"


@pytest.mark.parametrize(
    ("keys", "days", "as_of", "status", "value"),
    [
        # counted only inside the window
        ({"by": "2021"}, ["2020-11-16"], "2022-01-15", "fail", 0),
        ({"by": "2021"}, ["2021-11-16"], "2022-01-15", "pass", 1),
        ({"by": "2021", "from": "2021-03-01"}, ["2021-02-01"], "2022-01-15", "fail", 0),
        ({"by": "våren 2020"}, ["2020-06-30"], "2020-12-31", "pass", 1),
        ({"by": "våren 2020"}, ["2020-07-01"], "2020-12-31", "fail", 0),
        # not started before the window opens
        ({"by": "2021"}, ["2020-05-01"], "2020-12-31", "not-started", None),
        # passes as soon as it is done
        ({"by": "2021-12-31"}, ["2020-03-01"], "2020-04-01", "pass", 1),
        # pro-rata over 731 days, rounded down: 1 due from day 366 (2020-12-31)
        ({"by": "2021-12-31", "at_least": "2"}, [], "2020-12-30", "on-track", 0),
        ({"by": "2021-12-31", "at_least": "2"}, [], "2020-12-31", "behind", 0),
        ({"by": "2021-12-31", "at_least": "2"}, ["2020-02-01"], "2020-12-31", "on-track", 1),
        # the last day of the window is still open
        ({"by": "2021-12-31"}, [], "2021-12-31", "behind", 0),
        ({"by": "2021-12-31"}, [], "2022-01-01", "fail", 0),
        # a window reaching past the period counts what lies in it
        ({"by": "våren 2022"}, ["2022-03-01"], "2022-07-01", "pass", 1),
    ],
)
def test_status(keys, days, as_of, status, value):
    b = run({**EVAL, **keys}, [act(x, "utvardering") for x in days], as_of)[0]
    assert (b.bucket, b.status, b.value) == ("total", status, value)


def test_counted_and_late_activities():
    early, late = act("2020-03-01", "utvardering"), act("2021-01-10", "utvardering")
    b = run({**EVAL, "by": "2020"}, [early, late, act("2020-04-01", "mote")], "2022-01-15")[0]
    assert (b.status, b.counted, b.left_out) == ("pass", (early.ref,), ())
    b = run({**EVAL, "by": "2020", "at_least": "2"}, [early, late], "2022-01-15")[0]
    assert (b.status, b.counted) == ("fail", (early.ref,))
    assert [(x.activity, x.code) for x in b.left_out] == [(late.ref, "deadline-late")]
    assert (
        b.left_out[0].text("sv")
        == "2021-01-10 utvardering: efter tidsfönstret, som slutade 2020-12-31"
    )


@pytest.mark.parametrize(
    ("keys", "code"),
    [
        ({"by": "2020-06-30", "from": "2020-07-01"}, "deadline-from-after-by"),
        ({"by": "våren 2020", "from": "2020-07-01"}, "deadline-from-after-by"),
        ({"by": "2021", "until": "2021-06-30"}, "deadline-until"),
        ({"by": "snart"}, "by-invalid"),
        ({"by": "2021-02-30"}, "by-date-invalid"),
        ({"by": "2021", "at_least": "0"}, "value-below-minimum"),
    ],
)
def test_invalid(keys, code):
    with pytest.raises(ValidationError) as info:
        rule({**EVAL, **keys})
    assert info.value.errors()[0]["ctx"]["error"].code == code


def test_the_promise_may_declare_its_own_seasons():
    r = rule({**EVAL, "by": "sommaren 2020"})  # unknown to the defaults: checked when judged
    ctx = RuleContext(
        as_of=date(2022, 1, 15),
        start=date(2020, 1, 1),
        end=date(2021, 12, 31),
        activities=(),
        select=lambda f: None,
        label=str,
        seasons={"sommar": ("06-01", "08-31")},
    )
    assert r.window(ctx) == (date(2020, 6, 1), date(2020, 8, 31))
