"""The bundled Söderhamn promise tells its story as of 15 January 2022
(docs/soderhamn.md): most commitments kept, the police's foot-patrol hours short in
2021, the 2020 operations covered by the pandemic exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from loften.cli import app

ROOT = Path(__file__).parent.parent
runner = CliRunner()


@pytest.fixture(scope="module")
def report() -> dict:
    import os

    old = Path.cwd()
    os.chdir(ROOT)
    try:
        result = runner.invoke(app, ["check", "--as-of", "2022-01-15", "--format", "json"])
    finally:
        os.chdir(old)
    assert result.exit_code == 1, result.output  # one error rule fails: the honest verdict
    return json.loads(result.stdout)


def rules(report: dict) -> dict[str, dict]:
    promise = report["promises"][0]
    return {f"{c['id']}/{r['id']}": r for c in promise["commitments"] for r in c["rules"]}


EXPECTED = {
    "polis-narvaro/fotpatrullering-varje-vecka": [("total", "pass")],
    "polis-narvaro/fotpatrullering-timmar": [("2020", "pass"), ("2021", "fail")],
    "polis-insatser/tva-per-ar": [("2020", "excepted"), ("2021", "pass")],
    "polis-insatser/inriktning": [("total", "pass")],
    "kommun-narvaro/centrumvard-varje-vecka": [("total", "pass")],
    "kommun-narvaro/ordningsvakter-helgkvallar": [("total", "pass")],
    "kommun-trygghetspaket/fysiska-atgarder": [("2020", "pass"), ("2021", "pass")],
    "kommun-trygghetspaket/olika-platser": [("total", "pass")],
    "kommun-trygghetspaket/fortsatt-genomforande": [("2020", "pass"), ("2021", "pass")],
    "gemensam-sig/sig-moten": [("total", "pass")],
    "gemensam-sig/samverkan": [("2020", "pass"), ("2021", "pass")],
    "gemensam-sig/utvardering": [("total", "pass")],
    "gemensam-trygghetsvandringar/tva-med-unga": [("total", "pass")],
    "gemensam-trygghet/andel-trygga": [("total", "pass")],
}


def test_every_rule_and_bucket_tells_the_story(report: dict) -> None:
    found = {path: [(b["bucket"], b["status"]) for b in r["buckets"]] for path, r in rules(report).items()}
    for path, buckets in EXPECTED.items():
        assert found[path] == buckets, path


def test_the_verdict_and_the_commitments(report: dict) -> None:
    promise = report["promises"][0]
    assert (report["status"], promise["status"]) == ("fail", "fail")
    statuses = {c["id"]: c["status"] for c in promise["commitments"]}
    assert statuses["polis-narvaro"] == "fail"
    assert statuses["polis-insatser"] == "excepted"
    assert all(s == "pass" for c, s in statuses.items() if c.startswith(("kommun", "gemensam")))


def test_the_shortfall_rests_on_numbers(report: dict) -> None:
    hours = rules(report)["polis-narvaro/fotpatrullering-timmar"]["buckets"]
    assert [(b["value"], b["required"]) for b in hours] == [(233, 200), (146, 200)]
    assert len(hours[1]["counted"]) == 82


def test_the_pandemic_exception_is_shown_with_its_reason(report: dict) -> None:
    rule = rules(report)["polis-insatser/tva-per-ar"]
    assert [(e["bucket"], e["state"]) for e in rule["exceptions"]] == [("2020", "applied")]
    assert "pandemi" in rule["exceptions"][0]["reason"]
    b2021 = rule["buckets"][1]
    assert [x["code"] for x in b2021["left_out"]] == ["each-at-least"]
    assert b2021["left_out"][0]["message"].endswith("1 dag, minst 2 krävs")


def test_nothing_is_dropped_silently(report: dict) -> None:
    files = report["promises"][0]["files"]
    assert all(f["rows"] == f["activities"] and f["errors"] == 0 for f in files)
    codes = [q["code"] for q in report["data_quality"]]
    assert "status-cancelled" in codes


def test_terminal_report_in_swedish() -> None:
    import os

    old = Path.cwd()
    os.chdir(ROOT)
    try:
        first = runner.invoke(app, ["check", "--as-of", "2022-01-15"])
        second = runner.invoke(app, ["check", "--as-of", "2022-01-15"])
    finally:
        os.chdir(old)
    assert first.stdout == second.stdout
    out = first.stdout
    assert "Samlad bedömning: ✗ ej uppfyllt" in out
    assert "2021                   ✗ ej uppfyllt  146 (minst 200 timmar)" in out
    assert "Söderhamns kommun" in out and "Polisen och Söderhamns kommun gemensamt" in out


def test_notes_are_kept_only_when_asked_for() -> None:
    """Activity notes may name people (SPEC §5.8): the engine keeps them only for a
    report made with notes — and a national log has one on most rows (issue 7)."""
    import datetime

    import loften

    promise = ROOT / "promises" / "soderhamn-2020-2021.yaml"
    day = datetime.date(2022, 1, 15)
    without = loften.check(promise, as_of=day, cwd=ROOT)
    kept = loften.check(promise, as_of=day, cwd=ROOT, with_notes=True)
    assert without.promises[0].notes == {}
    notes = kept.promises[0].notes
    assert notes and all(":" in ref and text for ref, text in notes.items())
    assert kept.promises[0].commitments == without.promises[0].commitments
