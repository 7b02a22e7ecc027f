"""share: the part of the matching activities for which `that` holds (SPEC §2.3, §5.4)."""

from __future__ import annotations

import re
import sys
from decimal import Decimal

import pytest
from pydantic import ValidationError

from kit import act, rule, run, statuses
from loften import yamlnodes
from loften.rules.base import Relaxed
from loften.rules.share import ShareRule

SHARE = {
    "kind": "share",
    "match": {"type": "insats"},
    "that": {"tags": ["ungdomar", "narkotika"]},
    "at_least": "50%",
}


def ops(*tags: tuple[str, ...], year: str = "2020") -> list:
    return [act(f"{year}-{i + 1:02d}-10", "insats", tags=t) for i, t in enumerate(tags)]


def test_docstring_example_is_a_valid_rule():
    doc = sys.modules[ShareRule.__module__].__doc__ or ""
    block = re.search(r"```yaml\n(.*?)```", doc, re.S)
    assert block is not None
    spec = yamlnodes.to_plain(yamlnodes.load(block.group(1), "doc"))
    assert run(spec, ops(("ungdomar",)), "2022-01-15")[0].status == "pass"


@pytest.mark.parametrize(
    ("bound", "tags", "value", "status"),
    [
        (
            {"at_least": "50%"},
            [("ungdomar",), ("narkotika",), ("ungdomar",), ("alkohol",)],
            "0.75",
            "pass",
        ),
        ({"at_least": "0.5"}, [("ungdomar",), ("alkohol",)], "0.5", "pass"),
        ({"at_least": "50%"}, [("ungdomar",), ("alkohol",), ("alkohol",), ()], "0.25", "fail"),
        (
            {"at_most": "50%"},
            [("ungdomar",), ("narkotika",), ("ungdomar",), ("alkohol",)],
            "0.75",
            "fail",
        ),
        ({"at_least": "20%", "at_most": "40%"}, [("ungdomar",), (), ()], None, "pass"),
    ],
)
def test_over(bound, tags, value, status):
    spec = {k: v for k, v in SHARE.items() if k != "at_least"} | bound
    b = run(spec, ops(*tags), "2022-01-15")[0]
    assert b.status == status
    if value is not None:
        assert b.value == Decimal(value)
    r = rule(spec)
    assert b.required == (r.at_least if "at_least" in bound else r.at_most)


def test_one_third_is_exact_enough():
    b = run(SHARE, ops(("ungdomar",), (), ()), "2022-01-15")[0]
    assert (b.status, round(b.value, 6)) == ("fail", Decimal("0.333333"))


def test_counted_are_the_activities_that_meet_that():
    acts = ops(("ungdomar",), ("ordningsstörningar", "alkohol"))
    b = run(SHARE, acts, "2022-01-15")[0]
    assert b.counted == (acts[0].ref,)
    assert [(x.activity, x.code) for x in b.left_out] == [(acts[1].ref, "share-not-that")]
    assert b.left_out[0].text("sv") == (
        "2020-02-10 insats: tags är ordningsstörningar, alkohol, inte ungdomar, narkotika; "
        "ingår i underlaget men inte i andelen"
    )


@pytest.mark.parametrize("as_of", ["2020-06-01", "2022-01-15"])
def test_missing_with_nothing_to_measure(as_of):
    b = run(SHARE, [act("2020-03-01", "mote")], as_of)[0]
    assert (b.status, b.value) == ("missing", None)


@pytest.mark.parametrize(
    ("tags", "status"),
    [
        ([("ungdomar",), (), ()], "behind"),
        ([("ungdomar",), ("narkotika",), ()], "on-track"),
        # never a pass while open: more may still come
        ([("ungdomar",), ("narkotika",)], "on-track"),
    ],
)
def test_open(tags, status):
    assert run(SHARE, ops(*tags), "2020-06-01")[0].status == status


def test_per_year():
    spec = {**SHARE, "per": "year"}
    acts = ops(("ungdomar",), ("narkotika",), ()) + ops((), (), ("ungdomar",), year="2021")
    assert statuses(run(spec, acts, "2022-01-15")) == [("2020", "pass"), ("2021", "fail")]
    assert statuses(run(spec, acts[:3], "2020-12-01")) == [
        ("2020", "on-track"),
        ("2021", "not-started"),
    ]
    assert statuses(run(spec, acts[3:], "2022-01-15")) == [("2020", "missing"), ("2021", "fail")]
    assert run(spec, acts, "2020-12-01")[1].value is None


def test_an_exception_may_relax_the_bound():
    spec = {**SHARE, "per": "year"}
    acts = ops(("ungdomar",), (), (), ())
    relaxed = {"2020": Relaxed(at_least=Decimal("0.2"))}
    b = run(spec, acts, "2022-01-15", relaxed=relaxed)[0]
    assert (b.status, b.relaxed_status) == ("fail", "pass")


@pytest.mark.parametrize(
    ("keys", "code"),
    [
        ({"at_least": None}, "bound-missing"),
        ({"at_least": "50"}, "share-needs-percent"),
        ({"at_least": "60%", "at_most": "40%"}, "bound-empty-range"),
        ({"prorate": "true", "per": "year"}, "share-prorate"),
    ],
)
def test_invalid(keys, code):
    spec = {k: v for k, v in {**SHARE, **keys}.items() if v is not None}
    with pytest.raises(ValidationError) as info:
        rule(spec)
    assert info.value.errors()[0]["ctx"]["error"].code == code
