"""coverage: every listed item gets an activity (SPEC §2.3, §5.3, §5.4)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kit import act, rule, run, statuses
from loften import yamlnodes
from loften.cli import app
from loften.errors import BadValue
from loften.rules.coverage import CoverageRule

SCHOOLS = {
    "kind": "coverage",
    "match": {"type": "tematraff"},
    "field": "skola",
    "items": ["Björkskolan", "Granskolan", "Ljusne skola"],
}


def at(day: str, school: str, type: str = "tematraff"):
    return act(day, type, extra={"skola": school})


def items(b):
    return [(i.label, i.status) for i in b.items]


@pytest.mark.parametrize(
    ("activities", "as_of", "expected"),
    [
        # all three schools, written in other case and spacing
        (
            [
                at("2020-02-01", "björkskolan"),
                at("2020-03-01", " GRANSKOLAN "),
                at("2021-04-01", "Ljusne skola"),
            ],
            "2022-01-15",
            "pass",
        ),
        # one school missing at the end
        ([at("2020-02-01", "Björkskolan"), at("2020-03-01", "Granskolan")], "2022-01-15", "fail"),
        # a visit of another type does not cover
        (
            [
                at("2020-02-01", "Björkskolan"),
                at("2020-03-01", "Granskolan"),
                at("2020-04-01", "Ljusne skola", "patrull"),
            ],
            "2022-01-15",
            "fail",
        ),
        # all covered while open: pass at once
        (
            [
                at("2020-02-01", "Björkskolan"),
                at("2020-03-01", "Granskolan"),
                at("2020-04-01", "Ljusne skola"),
            ],
            "2020-05-01",
            "pass",
        ),
    ],
)
def test_three_schools(activities, as_of, expected):
    assert statuses(run(SCHOOLS, activities, as_of)) == [("total", expected)]


def test_missing_school_is_listed():
    bjork = at("2020-02-01", "Björkskolan")
    (b,) = run(SCHOOLS, [bjork, at("2020-03-01", "Granskolan")], "2022-01-15")
    assert items(b) == [("Björkskolan", "pass"), ("Granskolan", "pass"), ("Ljusne skola", "fail")]
    assert b.items[0].counted == (bjork.ref,)
    assert b.items[0].detail.text("sv") == "1 aktivitet, första 2020-02-01"
    assert b.items[2].detail.text("sv") == "ingen aktivitet"
    assert (b.value, b.required) == (2, 3)


def test_per_year_each_bucket_needs_every_item():
    spec = {**SCHOOLS, "per": "year"}
    acts = [
        at("2020-02-01", "Björkskolan"),
        at("2020-03-01", "Granskolan"),
        at("2020-04-01", "Ljusne skola"),
    ]
    acts.append(at("2021-02-01", "Björkskolan"))
    result = run(spec, acts, "2022-01-15")
    assert statuses(result) == [("2020", "pass"), ("2021", "fail")]
    assert items(result[1]) == [
        ("Björkskolan", "pass"),
        ("Granskolan", "fail"),
        ("Ljusne skola", "fail"),
    ]


@pytest.mark.parametrize(
    ("as_of", "covered", "expected"),
    [
        # 3 schools over 2020–2021 (731 days): one falls due every 243⅔ days
        ("2020-08-30", 0, "on-track"),  # day 243: ⌊3·243/731⌋ = 0
        ("2020-08-31", 0, "behind"),  # day 244: 1 due
        ("2020-08-31", 1, "on-track"),
        ("2021-05-01", 1, "on-track"),  # day 487: still 1 due
        ("2021-05-02", 1, "behind"),  # day 488: 2 due
        ("2021-05-02", 2, "on-track"),
    ],
)
def test_behind_while_open(as_of, covered, expected):
    acts = [at("2020-02-01", s) for s in ("Björkskolan", "Granskolan")[:covered]]
    (b,) = run(SCHOOLS, acts, as_of)
    assert b.status == expected
    assert b.items[-1].status == "on-track"


def test_behind_reports_expected_and_left():
    (b,) = run(SCHOOLS, [], "2021-01-01")  # day 367 of 731: ⌊3·367/731⌋ = 1
    assert (b.status, b.expected, b.left) == ("behind", 1, 3)


def test_excepted_school_leaves_the_count():
    acts = [at("2020-02-01", "Björkskolan"), at("2020-03-01", "Granskolan")]
    (b,) = run(SCHOOLS, acts, "2022-01-15", waived_items=frozenset({"Ljusne skola"}))
    assert items(b)[-1] == ("Ljusne skola", "excepted")
    assert (b.status, b.value, b.required) == ("pass", 2, 2)


def test_activities_of_no_listed_item_are_left_out():
    other = at("2020-02-01", "Nyskolan")
    (b,) = run(SCHOOLS, [other], "2022-01-15")
    assert [(x.activity, x.code) for x in b.left_out] == [(other.ref, "coverage-other")]


def test_tags_field_is_a_list():
    spec = {
        "kind": "coverage",
        "match": {"type": "patrull"},
        "field": "tags",
        "items": ["Unga", "Äldre"],
    }
    result = run(
        spec,
        [act("2020-02-01", tags=("unga", "narkotika")), act("2020-03-01", tags=("äldre",))],
        "2022-01-15",
    )
    assert statuses(result) == [("total", "pass")]


def test_an_item_listed_twice_is_an_error():
    with pytest.raises(Exception) as err:
        rule({**SCHOOLS, "items": ["Björkskolan", "björkskolan "]})
    assert any(isinstance(e["ctx"].get("error"), BadValue) for e in err.value.errors())


# --- the example promise, through the command line ----------------------------------

EXAMPLE = Path(__file__).parent / "data" / "promises" / "coverage-tematraffar.yaml"


def check_json(as_of: str) -> tuple[int, dict]:
    result = CliRunner().invoke(app, ["check", str(EXAMPLE), "--as-of", as_of, "--format", "json"])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize(
    ("as_of", "code", "buckets", "ljusne"),
    [
        ("2021-06-30", 0, [("2020", "pass"), ("2021", "on-track")], "on-track"),
        ("2022-01-15", 1, [("2020", "pass"), ("2021", "fail")], "fail"),
    ],
)
def test_example_promise(as_of, code, buckets, ljusne):
    exit_code, data = check_json(as_of)
    assert exit_code == code
    (rule_,) = data["promises"][0]["commitments"][0]["rules"]
    assert rule_["kind"] == "coverage"
    assert [(b["bucket"], b["status"]) for b in rule_["buckets"]] == buckets
    b2021 = rule_["buckets"][1]
    assert [(i["label"], i["status"]) for i in b2021["items"]] == [
        ("Björkskolan", "pass"),  # logged as "björkskolan"
        ("Granskolan", "pass"),
        ("Ljusne skola", ljusne),
    ]
    assert (b2021["value"], b2021["required"]) == (2, 3)
    assert b2021["items"][0]["counted"][0].endswith("tematraffar.csv:5")


def test_docstring_example_is_a_valid_rule():
    doc = sys.modules[CoverageRule.__module__].__doc__ or ""
    block = re.search(r"```yaml\n(.*?)```", doc, re.S)
    assert block is not None
    spec = yamlnodes.to_plain(yamlnodes.load(block.group(1), "doc"))
    acts = [at("2020-02-01", s) for s in ("Björkskolan", "Granskolan", "Ljusne skola")]
    assert statuses(run(spec, acts, "2022-01-15")) == [("total", "pass")]
