"""response: requests paired with responses in time (SPEC §2.3, §5.4, §5.5)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kit import act, run, statuses
from loften import yamlnodes
from loften.cli import app
from loften.rules.response import ResponseRule

RESPONSE = {
    "kind": "response",
    "request": {"type": "begaran"},
    "response": {"type": "vandring"},
    "within": "14 dagar",
}


def items(result):
    return [(i.label, i.status) for i in result[0].items]


@pytest.mark.parametrize(
    ("activities", "as_of", "expected"),
    [
        # answered within the window, on its last day too
        ([act("2020-05-04", "begaran"), act("2020-05-10", "vandring")], "2020-08-01", "pass"),
        ([act("2020-05-04", "begaran"), act("2020-05-18", "vandring")], "2020-08-01", "pass"),
        # answered late
        ([act("2020-05-04", "begaran"), act("2020-05-19", "vandring")], "2020-08-01", "fail"),
        # a response before the request answers nothing
        ([act("2020-05-01", "vandring"), act("2020-05-04", "begaran")], "2020-08-01", "fail"),
        # pending while the window is open, unanswered after it
        ([act("2020-05-04", "begaran")], "2020-05-18", "on-track"),
        ([act("2020-05-04", "begaran")], "2020-05-19", "fail"),
    ],
)
def test_one_request(activities, as_of, expected):
    assert statuses(run(RESPONSE, activities, as_of)) == [("total", expected)]


def test_answered_item_says_by_what_and_after_how_many_days():
    req, resp = act("2020-05-04", "begaran"), act("2020-05-10", "vandring")
    (b,) = run(RESPONSE, [req, resp], "2020-08-01")
    (item,) = b.items
    assert (item.label, item.status, item.counted) == ("2020-05-04", "pass", (req.ref, resp.ref))
    assert item.detail.text("sv") == "besvarad 2020-05-10 genom vandring, efter 6 dagar"
    assert (b.value, b.required) == (1, 1)
    assert b.detail.text("sv") == "1 av 1 förfrågan besvarade inom 14 dagar"


def test_late_answer_is_listed_as_late():
    (b,) = run(
        RESPONSE, [act("2020-05-04", "begaran"), act("2020-05-20", "vandring")], "2020-08-01"
    )
    assert b.items[0].detail.text("en") == (
        "answered late: on 2020-05-20 by vandring, after 16 days; a response was due by 2020-05-18"
    )
    assert (b.value, b.required) == (0, 1)


def test_earliest_request_takes_earliest_response_one_to_one():
    acts = [
        act("2020-05-04", "begaran"),
        act("2020-05-06", "begaran"),
        act("2020-05-07", "vandring"),
    ]
    result = run(RESPONSE, acts, "2020-08-01")
    assert items(result) == [("2020-05-04", "pass"), ("2020-05-06", "fail")]


def test_explicit_answers_pairs_first():
    first = act("2020-05-04", "begaran", id="ext-1")
    second = act("2020-05-05", "begaran", id="ext-2")
    resp = act("2020-05-06", "vandring", answers="ext-2")
    result = run(RESPONSE, [first, second, resp], "2020-08-01")
    assert items(result) == [("ext-1", "fail"), ("ext-2", "pass")]
    assert result[0].items[1].counted == (second.ref, resp.ref)


def test_same_day_respects_times_when_both_have_one():
    req = act("2020-05-04", "begaran", time="14:00")
    early = act("2020-05-04", "vandring", time="10:00")
    assert statuses(run(RESPONSE, [req, early], "2020-08-01")) == [("total", "fail")]
    later = act("2020-05-04", "vandring", time="16:00")
    (b,) = run(RESPONSE, [req, later], "2020-08-01")
    assert b.status == "pass"
    assert b.items[0].detail.text("sv") == "besvarad samma dag genom vandring"


def test_pending_request_is_on_track_with_its_due_date():
    (b,) = run(RESPONSE, [act("2020-05-04", "begaran")], "2020-05-10")
    assert (b.status, b.left, str(b.due)) == ("on-track", 1, "2020-05-18")
    assert b.items[0].detail.text("sv") == "väntar på svar senast 2020-05-18"


def test_no_requests_is_a_pass_that_says_so():
    (b,) = run(RESPONSE, [act("2020-05-10", "vandring")], "2020-08-01")
    assert (b.status, b.value, b.required, b.items) == ("pass", 0, 0, ())
    assert b.detail.code == "response-none"
    assert b.detail.text("sv") == "inga förfrågningar har kommit in, så det finns inget att besvara"


def test_activity_matching_both_filters_is_a_request():
    spec = {**RESPONSE, "request": {"tags": "onskemal"}, "response": {"type": "vandring"}}
    both = act("2020-05-04", "vandring", tags=("onskemal",))
    answer = act("2020-05-05", "vandring")
    result = run(spec, [both, answer], "2020-08-01")
    assert items(result) == [("2020-05-04", "pass")]
    assert result[0].items[0].counted == (both.ref, answer.ref)


def test_two_requests_on_one_day_are_numbered():
    acts = [
        act("2020-05-04", "begaran"),
        act("2020-05-04", "begaran"),
        act("2020-05-05", "vandring"),
    ]
    result = run(RESPONSE, acts, "2020-08-01")
    assert items(result) == [("2020-05-04", "pass"), ("2020-05-04#2", "fail")]


def test_an_excepted_request_leaves_the_count():
    acts = [act("2020-05-04", "begaran", id="ext-1"), act("2020-06-01", "begaran")]
    acts.append(act("2020-06-02", "vandring"))
    result = run(RESPONSE, acts, "2020-08-01", waived_items=frozenset({"ext-1"}))
    assert items(result) == [("ext-1", "excepted"), ("2020-06-01", "pass")]
    assert (result[0].status, result[0].value, result[0].required) == ("pass", 1, 1)


def test_unused_response_in_the_period_is_left_out():
    (b,) = run(RESPONSE, [act("2020-05-10", "vandring")], "2020-08-01")
    assert [x.code for x in b.left_out] == ["response-unpaired"]


# --- the example promise, through the command line ----------------------------------

EXAMPLE = Path(__file__).parent / "data" / "promises" / "response-trygghetsvandringar.yaml"


def check_json(as_of: str) -> tuple[int, dict]:
    result = CliRunner().invoke(app, ["check", str(EXAMPLE), "--as-of", as_of, "--format", "json"])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize(
    ("as_of", "status", "ext3"),
    [
        ("2021-12-01", "on-track", "on-track"),  # ext-3 still within its four weeks
        ("2022-01-15", "pass", "pass"),
    ],
)
def test_example_promise(as_of, status, ext3):
    exit_code, data = check_json(as_of)
    assert exit_code == 0
    walks, schools = data["promises"][0]["commitments"]
    (rule_,) = walks["rules"]
    assert (rule_["kind"], rule_["status"]) == ("response", status)
    (bucket,) = rule_["buckets"]
    assert [(i["label"], i["status"]) for i in bucket["items"]] == [
        ("ext-1", "pass"),
        ("ext-2", "excepted"),  # answered late, with a decision to wait
        ("ext-3", ext3),
    ]
    assert bucket["items"][1]["detail"]["code"] == "response-late"
    assert rule_["exceptions"][0]["state"] == "applied"
    # no requests at all: a pass that says so
    (quiet,) = schools["rules"][0]["buckets"]
    assert (quiet["status"], quiet["detail"]["code"]) == ("pass", "response-none")


def test_docstring_example_is_a_valid_rule():
    doc = sys.modules[ResponseRule.__module__].__doc__ or ""
    block = re.search(r"```yaml\n(.*?)```", doc, re.S)
    assert block is not None
    spec = yamlnodes.to_plain(yamlnodes.load(block.group(1), "doc"))
    acts = [
        act("2020-05-04", "begaran"),
        act("2020-06-01", "vandring", parties=("polis", "kommun")),
    ]
    assert statuses(run(spec, acts, "2022-01-15")) == [("total", "pass")]
