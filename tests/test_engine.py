"""The engine's shared semantics: exceptions (§5.6), aggregation (§2.4), the rule
period (§2.2), vocabulary in filters (§5.2), and the promise keys that steer them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from loften.engine import check_promise
from loften.errors import LoftenError
from loften.results import worst

HEADER = """\
loften: 1
id: t
title: T
period: {start: 2020-01-01, end: 2021-12-31}
parties: {polis: Polisen, kommun: {label: Kommunen, aliases: [Kommunen i Testby]}}
activity_types: {insats: {label: Insats}, patrull: {label: Patrull}}
logs: [log.yaml]
"""

RULE = """\
commitments:
  - id: c
    party: polis
    text: T
    rules:
      - id: r
        kind: count
        match: {type: insats}
        per: year
        at_least: 2
"""

LOG = """\
- {date: 2020-03-01, type: insats, party: polis}
- {date: 2021-03-01, type: insats, party: polis}
- {date: 2021-04-01, type: insats, party: polis}
"""


def check(tmp_path: Path, extra: str = "", *, rule: str = RULE, log: str = LOG, as_of: str = "2022-01-15", head: str = HEADER):
    (tmp_path / "p.yaml").write_text(head + rule + extra, encoding="utf-8")
    (tmp_path / "log.yaml").write_text(log, encoding="utf-8")
    return check_promise(tmp_path / "p.yaml", as_of=date.fromisoformat(as_of), cwd=tmp_path)


def rule_of(result):
    return result.commitments[0].rules[0]


def buckets(result):
    return [(b.bucket, b.status) for b in rule_of(result).buckets]


EXC = """\
exceptions:
  - rule: c/r
    bucket: "2020"
    reason: Pandemin.
    decided: {decided}
    by: Styrgruppen
"""


@pytest.mark.parametrize(
    ("extra", "as_of", "b2020", "state"),
    [
        (EXC.format(decided="2020-04-02"), "2022-01-15", "excepted", "applied"),
        (EXC.format(decided="2022-02-01"), "2022-01-15", "fail", "not-decided"),
        # expires after the bucket closed: the waiver in force when it closed keeps it
        (EXC.format(decided="2020-04-02") + "    expires: 2020-12-31\n", "2022-01-15", "excepted", "applied"),
        # expired before the bucket closed
        (EXC.format(decided="2020-04-02") + "    expires: 2020-06-30\n", "2022-01-15", "fail", "expired"),
        # relaxed bound met -> excepted; relaxed bound missed -> fail, applied
        (EXC.format(decided="2020-04-02") + "    at_least: 1\n", "2022-01-15", "excepted", "applied"),
        (EXC.format(decided="2020-04-02") + "    at_least: 2\n", "2022-01-15", "fail", "applied"),
    ],
)
def test_exceptions(tmp_path, extra, as_of, b2020, state):
    result = check(tmp_path, extra, as_of=as_of)
    assert buckets(result)[0] == ("2020", b2020)
    assert [(e.bucket, e.state) for e in rule_of(result).exceptions] == [("2020", state)]
    assert rule_of(result).exceptions[0].reason == "Pandemin."


def test_exception_on_a_passing_bucket_is_unused(tmp_path):
    extra = EXC.format(decided="2020-04-02").replace('"2020"', '"2021"')
    result = check(tmp_path, extra)
    assert buckets(result) == [("2020", "fail"), ("2021", "pass")]
    assert rule_of(result).exceptions[0].state == "unused"


def test_exception_range_covers_buckets_wholly_inside(tmp_path):
    extra = EXC.format(decided="2020-04-02").replace('    bucket: "2020"\n', "    from: 2020-01-01\n    until: 2020-12-31\n")
    assert buckets(check(tmp_path, extra))[0] == ("2020", "excepted")


def test_exception_naming_no_bucket_is_an_error(tmp_path):
    extra = EXC.format(decided="2020-04-02").replace('"2020"', '"2019"')
    with pytest.raises(LoftenError) as err:
        check(tmp_path, extra)
    assert err.value.problem.code == "exception-unknown-bucket"
    assert err.value.problem.where.line is not None


def test_warning_rule_fails_as_warn(tmp_path):
    result = check(tmp_path, rule=RULE + "        severity: warning\n")
    assert buckets(result) == [("2020", "warn"), ("2021", "pass")]
    assert rule_of(result).status == "warn" and result.status == "warn"


def test_rule_period_narrowed_by_from_and_until(tmp_path):
    result = check(tmp_path, rule=RULE + "        from: 2021-01-01\n")
    assert buckets(result) == [("2021", "pass")]


def test_align_period_counts_years_from_the_start(tmp_path):
    head = HEADER.replace("start: 2020-01-01, end: 2021-12-31", "start: 2020-05-01, end: 2021-04-30")
    rule = RULE.replace("per: year", "per: year\n        align: period").replace("at_least: 2", "at_least: 1")
    result = check(tmp_path, rule=rule, head=head)
    assert buckets(result) == [("2020-05-01..2021-04-30", "pass")]


@pytest.mark.parametrize(
    ("per", "labels"),
    [
        ("half", ["2020-H1", "2020-H2", "2021-H1", "2021-H2"]),
        ("quarter", [f"{y}-Q{q}" for y in (2020, 2021) for q in (1, 2, 3, 4)]),
    ],
)
def test_per_labels(tmp_path, per, labels):
    result = check(tmp_path, rule=RULE.replace("per: year", f"per: {per}").replace("at_least: 2", "at_least: 0"))
    assert [b for b, _ in buckets(result)] == labels


def test_places_within_and_aliases_in_filters(tmp_path):
    head = HEADER + "places:\n  centrum: {label: Centrum}\n  torget: {label: Torget, within: centrum, aliases: [Stortorget]}\n"
    rule = RULE.replace("match: {type: insats}", "match: {place: centrum, party: Kommunen i Testby}").replace("at_least: 2", "at_least: 1")
    log = "- {date: 2020-03-01, type: insats, party: kommun, place: Stortorget}\n- {date: 2021-03-01, type: insats, party: kommun, place: centrum}\n"
    assert buckets(check(tmp_path, rule=rule, log=log, head=head)) == [("2020", "pass"), ("2021", "pass")]


def test_unknown_place_is_an_error_unless_open_places(tmp_path):
    head = HEADER + "places:\n  centrum: {label: Centrum}\n"
    log = LOG + "- {date: 2021-05-01, type: insats, party: polis, place: Hamnen}\n"
    with pytest.raises(LoftenError):
        check(tmp_path, log=log, head=head)
    result = check(tmp_path, log=log, head=head + "open_places: true\n")
    assert buckets(result) == [("2020", "fail"), ("2021", "pass")]


def test_columns_maps_a_foreign_header(tmp_path):
    head = HEADER.replace("logs: [log.yaml]", "logs: [log.csv]") + "columns: {Händelsedatum: date}\n"
    (tmp_path / "log.csv").write_text("Händelsedatum;typ;part\n2020-03-01;insats;polis\n2020-04-01;insats;polis\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text(head + RULE, encoding="utf-8")
    result = check_promise(tmp_path / "p.yaml", as_of=date(2022, 1, 15), cwd=tmp_path)
    assert buckets(result) == [("2020", "pass"), ("2021", "fail")]


def test_joint_activity_filter_all(tmp_path):
    rule = RULE.replace("match: {type: insats}", "match: {party: {all: [polis, kommun]}}").replace("at_least: 2", "at_least: 1")
    log = "- {date: 2020-03-01, type: insats, party: polis|kommun}\n- {date: 2021-03-01, type: insats, party: polis}\n"
    assert buckets(check(tmp_path, rule=rule, log=log)) == [("2020", "pass"), ("2021", "fail")]


def test_same_as_counts_once(tmp_path):
    log = LOG + "- {date: 2021-04-01, type: insats, party: kommun, id: k1}\n- {date: 2021-04-01, type: insats, party: polis, same_as: k1}\n"
    rule = RULE.replace("at_least: 2", "exactly: 3")
    assert buckets(check(tmp_path, rule=rule, log=log)) == [("2020", "fail"), ("2021", "pass")]


def test_planned_and_cancelled_do_not_count(tmp_path):
    log = LOG.replace("2020-03-01, type: insats, party: polis", "2020-03-01, type: insats, party: polis, status: planerad")
    log += "- {date: 2020-05-01, type: insats, party: polis, status: cancelled}\n"
    result = check(tmp_path, log=log, rule=RULE.replace("at_least: 2", "at_least: 1"))
    assert buckets(result) == [("2020", "fail"), ("2021", "pass")]
    assert {q.code for q in result.data_quality} >= {"status-planned", "status-cancelled"}


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (["pass", "pass"], "pass"),
        (["pass", "not-started"], "on-track"),
        (["not-started", "not-started"], "not-started"),
        (["excepted", "pass"], "excepted"),
        (["warn", "excepted"], "warn"),
        (["missing", "warn"], "missing"),
        (["behind", "missing"], "behind"),
        (["fail", "behind", "not-started"], "fail"),
        (["on-track", "pass"], "on-track"),
    ],
)
def test_aggregation_order(members, expected):
    assert worst(members) == expected


def _two_logs(tmp_path: Path, polis: str, kommun: str):
    head = HEADER.replace("logs: [log.yaml]", "logs: [polis.yaml, kommun.yaml]")
    (tmp_path / "polis.yaml").write_text(polis, encoding="utf-8")
    (tmp_path / "kommun.yaml").write_text(kommun, encoding="utf-8")
    (tmp_path / "p.yaml").write_text(head + RULE, encoding="utf-8")
    result = check_promise(tmp_path / "p.yaml", as_of=date(2022, 1, 15), cwd=tmp_path)
    return [(q.where, q.params["other"]) for q in result.data_quality if q.code == "probable-duplicate"]


def test_the_same_activity_in_two_files_is_noted_as_a_probable_double_entry(tmp_path):
    # Same date, type and place in two files, with a party in common: noted on the
    # later one, naming the first; the same key twice in one file, or with no party in
    # common, or with same_as, is no double; places of one file only never are.
    polis = (
        "- {date: 2021-03-01, type: insats, party: polis, place: Torget}\n"
        "- {date: 2021-03-01, type: insats, party: polis, place: Torget}\n"
        "- {date: 2021-05-01, type: insats, party: polis, place: Parken}\n"
        "- {date: 2021-06-01, type: insats, party: polis, place: Polishuset}\n"
    )
    kommun = (
        "- {date: 2021-03-01, type: insats, party: polis|kommun, place: Torget}\n"
        "- {date: 2021-05-01, type: insats, party: kommun, place: Parken}\n"
        "- {date: 2021-06-01, type: insats, party: kommun, place: Rådhuset}\n"
        "- {date: 2021-03-01, type: patrull, party: polis, place: Torget}\n"
    )
    assert _two_logs(tmp_path, polis, kommun) == [("kommun.yaml:1", "polis.yaml:1")]
    kommun = kommun.replace("place: Torget}", "place: Torget, same_as: p1}", 1)
    polis = polis.replace("place: Torget}", "place: Torget, id: p1}", 1)
    assert _two_logs(tmp_path, polis, kommun) == []


_NOTHING_HELD = """\
import gc, sys
from datetime import date
from pathlib import Path

from loften.engine import check_promise, quality
from loften.engine.matches import Matches

notes = quality.notes


def checked(*args, **kwargs):
    held = [o for o in gc.get_objects() if type(o) is Matches]
    print("held" if held else "free")
    return notes(*args, **kwargs)


quality.notes = checked
root = Path(sys.argv[1])
check_promise(
    root / "promises/soderhamn-2020-2021.yaml", as_of=date(2021, 6, 15), cwd=root
)
"""


def test_the_rules_working_sets_are_gone_before_the_data_quality_notes() -> None:
    # A national log is at its peak of memory in the data-quality notes (issue 7): what
    # the rules read of every activity must be gone by then. In a fresh process, so the
    # report models are built in this check (built on first use, a model keeps the
    # locals of a caller alive; the engine builds them before it judges).
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", _NOTHING_HELD, str(root)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["free"]
