"""schedule: planned dates in, held/unheld items out (SPEC §2.3, §5.4, §5.5, §5.9)."""

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
from loften.rules.schedule import ScheduleRule

DIALOG = {"kind": "schedule", "match": {"type": "dialog"}}


def items(result):
    return [(i.label, i.status) for i in result[0].items]


@pytest.mark.parametrize(
    ("tolerance", "activities", "as_of", "expected"),
    [
        # held on the day
        ("0", [act("2020-03-14", "dialog")], "2020-03-20", "pass"),
        # one day late: held inside tolerance 1, unheld with tolerance 0
        ("1 dag", [act("2020-03-15", "dialog")], "2020-03-20", "pass"),
        ("0", [act("2020-03-15", "dialog")], "2020-03-20", "fail"),
        # one day early counts the same way
        ("1", [act("2020-03-13", "dialog")], "2020-03-20", "pass"),
        # another type holds nothing
        ("1", [act("2020-03-14", "patrull")], "2020-03-20", "fail"),
        # pending until date + tolerance, unheld the day after
        ("2", [], "2020-03-16", "on-track"),
        ("2", [], "2020-03-17", "fail"),
        # before the period: not started
        ("0", [], "2019-12-31", "not-started"),
    ],
)
def test_one_planned_date(tolerance, activities, as_of, expected):
    spec = {**DIALOG, "dates": [{"date": "2020-03-14"}], "tolerance": tolerance}
    result = run(spec, activities, as_of)
    assert statuses(result) == [("total", expected)]


def test_held_item_names_its_activity_and_shows_time():
    a = act("2020-03-15", "dialog")
    spec = {**DIALOG, "dates": [{"date": "2020-03-14", "time": "18:00"}], "tolerance": "1"}
    (b,) = run(spec, [a], "2020-03-20")
    (item,) = b.items
    assert (item.label, item.status, item.counted) == ("2020-03-14", "pass", (a.ref,))
    assert item.detail.text("sv") == (
        "genomförd 2020-03-15, 1 dag efter planerat (2020-03-14 kl. 18:00)"
    )
    assert (b.value, b.required, b.counted) == (1, 1, (a.ref,))


def test_two_planned_dates_on_one_day_at_two_places():
    spec = {
        **DIALOG,
        "dates": [
            {"date": "2020-03-14", "place": "Torget"},
            {"date": "2020-03-14", "place": "Skolan"},
            {"date": "2020-04-02"},
        ],
    }
    result = run(spec, [act("2020-03-14", "dialog", place="torget")], "2020-05-01")
    assert items(result) == [
        ("2020-03-14@Torget", "pass"),
        ("2020-03-14@Skolan", "fail"),
        ("2020-04-02", "fail"),
    ]
    assert (result[0].status, result[0].value, result[0].required) == ("fail", 1, 3)
    assert result[0].items[1].detail.text("en") == "no activity 2020-03-14, Skolan"


def test_one_activity_cannot_hold_two_dates():
    spec = {**DIALOG, "dates": ["2020-03-14", "2020-03-16"], "tolerance": "1"}
    a = act("2020-03-15", "dialog")
    result = run(spec, [a], "2020-03-20")
    # equally near: the earlier planned date takes it
    assert items(result) == [("2020-03-14", "pass"), ("2020-03-16", "fail")]


def test_nearest_planned_date_first():
    spec = {**DIALOG, "dates": ["2020-03-14", "2020-03-16"], "tolerance": "2"}
    on_16, on_14 = act("2020-03-16", "dialog"), act("2020-03-14", "dialog")
    result = run(spec, [on_16, on_14], "2020-03-20")
    assert [i.counted for i in result[0].items] == [(on_14.ref,), (on_16.ref,)]
    assert result[0].status == "pass"


def test_spare_activity_is_left_out_with_reason():
    spec = {**DIALOG, "dates": ["2020-03-14"]}
    first, second = act("2020-03-14", "dialog"), act("2020-03-14", "dialog")
    far = act("2020-06-01", "dialog")
    (b,) = run(spec, [first, second, far], "2020-07-01")
    assert [(x.activity, x.code) for x in b.left_out] == [
        (second.ref, "schedule-spare"),
        (far.ref, "schedule-not-near"),
    ]


def test_pass_while_open_once_every_date_is_held():
    spec = {**DIALOG, "dates": ["2020-03-14", "2020-04-02"]}
    acts = [act("2020-03-14", "dialog"), act("2020-04-02", "dialog")]
    assert statuses(run(spec, acts, "2020-04-03")) == [("total", "pass")]


def test_pending_dates_are_on_track_and_never_behind():
    spec = {**DIALOG, "dates": ["2020-03-14", "2021-10-01"], "tolerance": "1"}
    (b,) = run(spec, [act("2020-03-14", "dialog")], "2021-09-30")
    assert b.status == "on-track"
    assert [(i.label, i.status) for i in b.items] == [
        ("2020-03-14", "pass"),
        ("2021-10-01", "on-track"),
    ]
    assert (b.left, b.due) == (1, b.items[1].day.replace(day=2))
    assert (
        b.items[1].detail.text("sv")
        == "planerad 2021-10-01; kan genomföras till och med 2021-10-02"
    )


def test_an_excepted_planned_date_leaves_the_count():
    spec = {**DIALOG, "dates": ["2020-03-14", "2020-04-02"]}
    result = run(
        spec, [act("2020-03-14", "dialog")], "2020-05-01", waived_items=frozenset({"2020-04-02"})
    )
    assert items(result) == [("2020-03-14", "pass"), ("2020-04-02", "excepted")]
    assert (result[0].status, result[0].value, result[0].required) == ("pass", 1, 1)


def test_an_exception_on_a_held_date_changes_nothing():
    spec = {**DIALOG, "dates": ["2020-03-14"]}
    result = run(
        spec, [act("2020-03-14", "dialog")], "2020-05-01", waived_items=frozenset({"2020-03-14"})
    )
    assert items(result) == [("2020-03-14", "pass")]


def test_a_multi_day_activity_holds_a_date_it_spans():
    spec = {**DIALOG, "dates": ["2020-03-14"]}
    result = run(spec, [act("2020-03-13", "dialog", end="2020-03-15")], "2020-05-01")
    assert statuses(result) == [("total", "pass")]


def test_bare_dates_and_duration_in_weeks():
    r = rule({**DIALOG, "dates": ["2020-03-14"], "tolerance": "1 vecka"})
    assert r.tolerance == 7 and r.dates[0].place is None


# --- the example promise, through the command line ----------------------------------

EXAMPLE = Path(__file__).parent / "data" / "promises" / "schedule-medborgardialoger.yaml"


def check_json(as_of: str) -> tuple[int, dict]:
    result = CliRunner().invoke(app, ["check", str(EXAMPLE), "--as-of", as_of, "--format", "json"])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize(
    ("as_of", "code", "status", "last"),
    [
        ("2020-10-01", 0, "on-track", "on-track"),  # 18 November is still ahead
        ("2021-01-15", 1, "fail", "fail"),  # nobody from the kommun came on 25 November
    ],
)
def test_example_promise(as_of, code, status, last):
    exit_code, data = check_json(as_of)
    assert exit_code == code
    (rule_,) = data["promises"][0]["commitments"][0]["rules"]
    assert (rule_["kind"], rule_["status"]) == ("schedule", status)
    (bucket,) = rule_["buckets"]
    assert [(i["label"], i["status"]) for i in bucket["items"]] == [
        ("2020-03-14@torget", "pass"),  # "Stora torget" is an alias of torget
        ("2020-03-14@Järvsö", "pass"),  # a day late, inside the two days' tolerance
        ("2020-05-20", "excepted"),
        ("2020-09-16", "pass"),
        ("2020-11-18", last),
    ]
    assert rule_["exceptions"] == [
        {
            "bucket": "2020-05-20",
            "state": "applied",
            "reason": "Dialogen ställdes in på grund av pandemirestriktioner.",
        }
    ]
    assert (bucket["value"], bucket["required"]) == (3, 4)


def test_docstring_example_is_a_valid_rule():
    doc = sys.modules[ScheduleRule.__module__].__doc__ or ""
    block = re.search(r"```yaml\n(.*?)```", doc, re.S)
    assert block is not None
    spec = yamlnodes.to_plain(yamlnodes.load(block.group(1), "doc"))
    acts = [
        act("2020-03-14", "dialog", place="Rådhustorget"),
        act("2020-04-02", "dialog", place="ljusne"),
    ]
    acts.append(act("2020-09-11", "dialog"))
    assert statuses(run(spec, acts, "2022-01-15")) == [("total", "pass")]
