"""`loften check` end to end on a small promise: report, JSON shape, exit codes."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import loften
from loften.cli import app

MINIMAL = Path(__file__).parent / "data" / "minimal"
runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "p")
    monkeypatch.chdir(tmp_path / "p")
    return tmp_path / "p"


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", "promise.yaml", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout


def test_table_report_in_swedish(project: Path) -> None:
    code, out = run("--as-of", "2022-01-15")
    assert code == 0
    assert "Läget den 15 januari 2022" in out
    assert "~ undantag" in out and "✓ uppfyllt" in out
    assert (
        "räknas inte: logs/polisen.yaml:4 – 2021-05-03 Riktad insats: 1 dag, minst 2 krävs" in out
    )
    assert "undantag 2020 (tillämpat): En insats ställdes in på grund av pandemin." in out
    assert "Polisen och Testby kommun gemensamt" in out


def test_table_report_in_english(project: Path) -> None:
    code, out = run("--as-of", "2022-01-15", "--lang", "en")
    assert code == 0
    assert "Status as of 15 January 2022" in out
    assert "1 day, at least 2 required" in out


def test_json_report_shape(project: Path) -> None:
    code, out = run("--as-of", "2022-01-15", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["loften"] == 1 and data["as_of"] == "2022-01-15" and data["status"] == "excepted"
    promise = data["promises"][0]
    assert promise["files"] == [
        {"path": "logs/kommunen.csv", "rows": 2, "activities": 2, "errors": 0},
        {"path": "logs/polisen.yaml", "rows": 5, "activities": 5, "errors": 0},
    ]
    rule = promise["commitments"][0]["rules"][0]
    assert rule["id"] == "tva-per-ar" and rule["kind"] == "count" and rule["severity"] == "error"
    assert rule["exceptions"] == [
        {
            "bucket": "2020",
            "state": "applied",
            "reason": "En insats ställdes in på grund av pandemin.",
        }
    ]
    b2020, b2021 = rule["buckets"]
    assert b2020 == {
        "bucket": "2020",
        "status": "excepted",
        "value": 1,
        "required": 2,
        "counted": ["logs/polisen.yaml:2"],
        "left_out": [],
    }
    assert b2021["counted"] == ["logs/polisen.yaml:3", "logs/polisen.yaml:5"]
    assert b2021["left_out"] == [
        {
            "activity": "logs/polisen.yaml:4",
            "code": "each-at-least",
            "message": "2021-05-03 Riktad insats: 1 dag, minst 2 krävs",
        }
    ]
    sums = promise["commitments"][1]["rules"][0]
    assert sums["id"] == "1"
    assert [b["value"] for b in sums["buckets"]] == [11, 12]  # 8,5 + 2,5 exactly
    assert sums["buckets"][0]["counted"] == ["logs/kommunen.csv:2", "logs/polisen.yaml:6"]


def test_open_bucket_reports_expected_left_and_due(project: Path) -> None:
    _, out = run("--as-of", "2021-07-01", "--format", "json")
    data = json.loads(out)
    b2021 = data["promises"][0]["commitments"][0]["rules"][0]["buckets"][1]
    assert b2021["status"] == "on-track"
    assert (b2021["expected"], b2021["left"], b2021["due"]) == (0, 1, "2021-12-31")


def test_same_input_gives_byte_identical_reports(project: Path) -> None:
    for fmt in ("table", "json"):
        first = run("--as-of", "2022-01-15", "--format", fmt)
        second = run("--as-of", "2022-01-15", "--format", fmt)
        assert first == second


def test_output_file_is_written(project: Path) -> None:
    code, _ = run("--as-of", "2022-01-15", "--format", "json", "-o", "rapport.json")
    assert code == 0
    assert (
        json.loads((project / "rapport.json").read_text(encoding="utf-8"))["status"] == "excepted"
    )


def test_exit_codes_fail_and_strict(project: Path) -> None:
    # a failing error rule exits 1; a warning rule exits 1 only with --strict
    log = project / "logs" / "kommunen.csv"
    log.write_bytes(log.read_bytes().replace(b";12;", b";1;"))
    assert run("--as-of", "2022-01-15")[0] == 0
    assert run("--as-of", "2022-01-15", "--strict")[0] == 1
    polis = project / "logs" / "polisen.yaml"
    polis.write_text(
        polis.read_text(encoding="utf-8").replace("end: 2021-09-03", "end: 2021-09-01"),
        encoding="utf-8",
    )
    assert run("--as-of", "2022-01-15")[0] == 1


def test_not_started_before_the_period(project: Path) -> None:
    code, out = run("--as-of", "2019-06-01", "--format", "json")
    assert code == 0
    assert json.loads(out)["status"] == "not-started"


def test_library_api_returns_the_report(project: Path) -> None:
    report = loften.check("promise.yaml", as_of=date(2022, 1, 15))
    assert report.status == "excepted"
    assert [c.status for c in report.promises[0].commitments] == ["excepted", "pass"]


def test_data_quality_lists_what_did_not_count(project: Path) -> None:
    polis = project / "logs" / "polisen.yaml"
    polis.write_text(
        polis.read_text(encoding="utf-8")
        + "- {date: 2019-12-01, type: insats, party: polis}\n"
        + "- {date: 2021-10-01, type: insats, party: polis, status: inställd}\n"
        + "- {date: 2022-03-01, type: insats, party: polis}\n",
        encoding="utf-8",
    )
    _, out = run("--as-of", "2022-01-15", "--format", "json")
    notes = {(q["where"], q["code"]) for q in json.loads(out)["data_quality"]}
    assert ("logs/polisen.yaml:11", "outside-period") in notes
    assert ("logs/polisen.yaml:12", "status-cancelled") in notes
    assert ("logs/polisen.yaml", "after-as-of") in notes


def test_notes_only_with_with_notes(project: Path) -> None:
    polis = project / "logs" / "polisen.yaml"
    polis.write_text(
        polis.read_text(encoding="utf-8").replace(
            "{date: 2021-05-03, type: insats, party: polis}",
            "{date: 2021-05-03, type: insats, party: polis, notes: 'Ring Anna | <script>alert(1)</script>'}",
        ),
        encoding="utf-8",
    )
    _, without = run("--as-of", "2022-01-15", "--format", "json")
    assert "Ring Anna" not in without
    _, with_notes = run("--as-of", "2022-01-15", "--format", "json", "--with-notes")
    assert json.loads(with_notes)["promises"][0]["notes"] == {
        "logs/polisen.yaml:4": "Ring Anna | <script>alert(1)</script>"
    }


def test_reports_name_the_activities_verdicts_rest_on(project: Path) -> None:
    report = loften.check("promise.yaml", as_of=date(2022, 1, 15))
    ref = report.promises[0].activities["logs/polisen.yaml:2"]
    assert (ref.date, ref.type, ref.place) == (date(2020, 3, 1), "Riktad insats", "Torget")


def test_windows_1252_csv_warns_on_stderr_and_in_data_quality(project: Path) -> None:
    (project / "logs" / "kommunen.csv").write_bytes(
        "datum;tid;aktivitet;part;timmar;plats\r\n2020-02-01;18:00;fotpatrull;kommun;8,5;Malmö torg\r\n".encode(
            "cp1252"
        )
    )
    result = runner.invoke(
        app, ["check", "promise.yaml", "--as-of", "2022-01-15", "--format", "json"]
    )
    assert "logs/kommunen.csv: varning: " in result.stderr and "Windows-1252" in result.stderr
    assert "csv-cp1252" in {q["code"] for q in json.loads(result.stdout)["data_quality"]}


def test_max_file_size_from_the_environment(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOFTEN_MAX_FILE_MB", "0,0001")
    code = runner.invoke(app, ["check", "promise.yaml", "--as-of", "2022-01-15"]).exit_code
    assert code == 2
    monkeypatch.setenv("LOFTEN_MAX_FILE_MB", "mycket")
    result = runner.invoke(app, ["check", "promise.yaml", "--as-of", "2022-01-15"])
    assert result.exit_code == 2 and "LOFTEN_MAX_FILE_MB" in result.stderr


def test_a_commitment_needs_a_party(project: Path) -> None:
    text = (project / "promise.yaml").read_text(encoding="utf-8")
    (project / "promise.yaml").write_text(
        text.replace("    party: polis\n", "    party: []\n", 1), encoding="utf-8"
    )
    result = runner.invoke(app, ["check", "promise.yaml", "--as-of", "2022-01-15"])
    assert result.exit_code == 2 and "promise.yaml:15:" in result.stderr


def test_many_notes_of_a_kind_are_counted_for_people_and_listed_in_json(project: Path) -> None:
    """A log with many activities no rule looks at: a report for people lists the first
    ones of each kind in each file and counts the rest; the JSON report lists them all."""
    from loften.reporters.words import LISTED

    promise = project / "promise.yaml"
    text = promise.read_text(encoding="utf-8")
    promise.write_text(
        text.replace(
            "  fotpatrull: {label: Fotpatrullering}\n",
            "  fotpatrull: {label: Fotpatrullering}\n  vandring: {label: Trygghetsvandring}\n",
        ),
        encoding="utf-8",
    )
    extra = LISTED + 12
    with (project / "logs" / "kommunen.csv").open("a", encoding="utf-8") as log:
        for n in range(extra):
            log.write(f"2021-03-{1 + n % 28:02d};18:00;vandring;kommun;1;Torget\n")
    code, table = run("--as-of", "2022-01-15")
    assert code == 0
    unused = "ingen regel räknar den här aktiviteten"
    assert table.count(unused) == LISTED
    assert "… och 12 till av samma slag: aktiviteter som ingen regel räknar." in table
    code, md = run("--as-of", "2022-01-15", "--format", "markdown", "--lang", "en")
    assert md.count("no rule looks at this activity") == LISTED
    assert "… and 12 more of the same kind: activities no rule looks at." in md
    _, out = run("--as-of", "2022-01-15", "--format", "json")
    notes = json.loads(out)["data_quality"]
    assert sum(q["code"] == "unused" for q in notes) == extra


def test_many_activities_left_out_are_counted_for_people(project: Path) -> None:
    """A bucket that leaves out many activities (one-day operations where two days are
    required): the first ones with their reason, then how many more; JSON has all."""
    from loften.reporters.words import LISTED

    short = LISTED + 7
    with (project / "logs" / "kommunen.csv").open("a", encoding="utf-8") as log:
        for n in range(short):
            log.write(f"2021-04-{1 + n % 28:02d};09:00;insats;polis;3;Torget\n")
    left = short + 1  # and the minimal project's own one-day operation
    _, table = run("--as-of", "2022-01-15")
    assert table.count("räknas inte: logs/") == LISTED
    more = (
        f"… och {left - LISTED} till som inte räknas. JSON-rapporten (--format json) listar alla."
    )
    assert more in table
    _, md = run("--as-of", "2022-01-15", "--format", "markdown")
    assert md.count("1 dag, minst 2 krävs (logs/") == LISTED
    assert more in md
    _, out = run("--as-of", "2022-01-15", "--format", "json")
    rule = json.loads(out)["promises"][0]["commitments"][0]["rules"][0]
    b2021 = next(b for b in rule["buckets"] if b["bucket"] == "2021")
    assert len(b2021["left_out"]) == left
