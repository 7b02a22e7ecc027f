"""The filter language of SPEC §2.1: conditions, derived fields, and mistakes."""

from __future__ import annotations

import pytest

from kit import VOCAB, act
from loften.engine.select import compile_filter
from loften.errors import BadValue
from loften.spec.filters import Cond


def matches(flt: dict, activity) -> bool:
    compiled = {k: Cond.model_validate(v) for k, v in flt.items()}
    return compile_filter(compiled, VOCAB, lambda x: x)(activity)


@pytest.mark.parametrize(
    ("flt", "activity", "expected"),
    [
        ({"type": "insats"}, act("2020-03-05", "insats"), True),
        ({"type": ["insats", "patrull"]}, act("2020-03-05"), True),
        ({"type": {"not": "insats"}}, act("2020-03-05"), True),
        ({"party": {"all": ["polis", "kommun"]}}, act("2020-03-05", parties=("polis", "kommun")), True),
        ({"party": {"all": ["polis", "kommun"]}}, act("2020-03-05"), False),
        ({"tags": "Ungdomar"}, act("2020-03-05", tags=("ungdomar", "narkotika")), True),
        ({"tags": ["alkohol", "narkotika"]}, act("2020-03-05", tags=("narkotika",)), True),
        ({"days": {"at_least": "2"}}, act("2020-03-05", end="2020-03-06"), True),
        ({"hours": {"between": ["1,5", "2.5"]}}, act("2020-03-05", hours="2"), True),
        ({"hours": {"at_least": "1"}}, act("2020-03-05"), False),  # absent field: false
        ({"hours": {"not": {"at_least": "1"}}}, act("2020-03-05"), True),  # …and its negation true
        ({"date": {"between": ["2020-03-01", "2020-03-31"]}}, act("2020-03-05"), True),
        ({"time": {"at_least": "18:00"}}, act("2020-03-05", time="19:30"), True),
        # derived fields, all from the start
        ({"weekday": "thursday"}, act("2020-03-05"), True),
        ({"weekday": ["fredag", "lördag"]}, act("2020-03-06"), True),
        ({"month": "3"}, act("2020-03-05"), True),
        ({"holiday": "true"}, act("2021-05-13"), True),  # Kristi himmelsfärdsdag
        ({"holiday": "ja"}, act("2020-06-19"), False),  # midsommarafton is no holiday
        ({"holiday": "true"}, act("2020-12-24"), False),  # nor julafton
        ({"evening": "yes"}, act("2020-03-05", time="18:00"), True),
        ({"evening": "true"}, act("2020-03-05"), False),  # no time: not evening
        ({"night": "true"}, act("2020-03-05", time="02:15"), True),
        ({"weekend": "true"}, act("2020-03-07"), True),
        ({"skola": "Norrskolan"}, act("2020-03-05", extra={"skola": "norrskolan"}), True),
        ({"omrade": {"at_least": "3"}}, act("2020-03-05", extra={"omrade": "4,5"}), True),
    ],
)
def test_conditions(flt, activity, expected):
    assert matches(flt, activity) is expected


@pytest.mark.parametrize(
    ("flt", "code"),
    [
        ({"tpye": "insats"}, "filter-unknown-field"),
        ({"type": "insatser"}, "filter-unknown-type"),
        ({"party": "polisen"}, "filter-unknown-party"),
        ({"type": {"all": ["insats"]}}, "filter-all-not-list"),
        ({"tags": {"at_least": "2"}}, "filter-not-comparable"),
        ({"weekday": "fredagen"}, "weekday-unknown"),
    ],
)
def test_mistakes_are_named(flt, code):
    with pytest.raises(BadValue) as err:
        matches(flt, act("2020-03-05"))
    assert err.value.code == code


def test_typo_suggests_the_field():
    with pytest.raises(BadValue) as err:
        matches({"tpye": "insats"}, act("2020-03-05"))
    assert err.value.params["hint"] == "type"


@pytest.mark.parametrize(
    "flt",
    [
        {"type": "insats"},
        {"type": ["insats", "patrull"]},
        {"type": "insats", "party": "polis"},
        {"type": {"not": "insats"}},
        {"party": "kommun"},
    ],
)
def test_shared_answers_are_the_filters_own(flt: dict) -> None:
    """The engine asks each filter once, over an index by type (issue 7); a filter of
    types alone is answered by the index itself. Either way it is the filter's answer."""
    from loften.engine.matches import Matches

    types = ["insats", "patrull", "insats", "möte", "insats"]
    acts = [
        act(f"2020-03-{n + 1:02d}", t, parties=("polis",) if n % 2 else ("kommun",))
        for n, t in enumerate(types * 3)
    ]
    compiled = {k: Cond.model_validate(v) for k, v in flt.items()}
    selector = compile_filter(compiled, VOCAB, lambda x: x)
    got = Matches(acts).positions(compiled, selector)
    assert got == [i for i, a in enumerate(acts) if selector(a)]
    assert selector.types_only == (set(flt) == {"type"} and "not" not in str(flt["type"]))
