"""`loften validate --format text|github|json|sarif`: five mistakes in three files give five
located lines, five annotations and five SARIF results (valid against the SARIF 2.1.0
schema), each exiting 1; a valid repository exits 0 and still says so in every format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from loften.cli import app
from loften.errors import Location, Problem
from loften.reporters.github import command, escape_data, escape_property
from loften.validation import FORMATS, Options, Validation, render
from loften.validation.result import ValidatedFile

DATA = Path(__file__).parent / "data" / "validate"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text("utf-8"))
runner = CliRunner()


@pytest.fixture(autouse=True)
def _not_in_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(DATA / "five-mistakes", tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo")
    return tmp_path / "repo"


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def make_valid(repo: Path) -> None:
    shutil.rmtree(repo / "logs/trygg")
    (repo / "logs/trygg").mkdir()
    (repo / "logs/trygg/polisen.yaml").write_text(
        "- {date: 2024-01-05, type: fotpatrull, party: polis}\n", "utf-8"
    )


def sarif_validator() -> Any:
    """The SARIF 2.1.0 schema (draft-04) in ``jsonschema`` (the ``test`` extra)."""
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker())


def test_text_has_five_located_lines(repo: Path) -> None:
    code, out = run("--format", "text")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 6 and lines[-1] == "5 fel i 3 av 4 filer"
    assert [line.split(":")[0] for line in lines[:5]] == [
        "logs/trygg/kommunen.csv",
        "logs/trygg/kommunen.csv",
        "logs/trygg/polisen.yaml",
        "logs/trygg/polisen.yaml",
        "logs/trygg/tillagg.yaml",
    ]
    assert lines[2].startswith("logs/trygg/polisen.yaml:8:9: ")
    assert lines[0].startswith("logs/trygg/kommunen.csv:row 3, column 'timmar': ")


def test_github_has_five_annotations(repo: Path) -> None:
    code, out = run("--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 5 and all(line.startswith("::error file=") for line in lines)
    assert lines[0] == (
        "::error file=logs/trygg/kommunen.csv,line=3,title=loften hours-invalid::"
        "row 3, column 'timmar': ogiltigt antal timmar 'två': skriv till exempel 2,5 eller 1:30"
    )
    assert lines[2] == (
        "::error file=logs/trygg/polisen.yaml,line=8,col=9,title=loften date-impossible::"
        "datumet 2024-02-30 finns inte i kalendern"
    )


def test_sarif_has_five_results_and_is_valid_sarif(repo: Path) -> None:
    code, out = run("--format", "sarif")
    assert code == 1
    data = json.loads(out)
    sarif_validator().validate(data)
    assert data["version"] == "2.1.0" and len(data["runs"]) == 1
    run_ = data["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "loften" and driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [
        "date-impossible",
        "hours-invalid",
        "id-duplicate",
        "party-unknown",
        "type-unknown-suggest",
    ]
    assert driver["rules"][0]["shortDescription"]["text"] == "datumet … finns inte i kalendern"
    results = run_["results"]
    assert len(results) == 5
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "error"
    assert results[0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "logs/trygg/kommunen.csv"},
        "region": {"startLine": 3},
    }
    assert results[2]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "logs/trygg/polisen.yaml"},
        "region": {"startLine": 8, "startColumn": 9},
    }
    assert "timestamp" not in out.casefold() and str(repo) not in out


def test_sarif_is_deterministic(repo: Path) -> None:
    assert run("--format", "sarif") == run("--format", "sarif")


def test_json_shape(repo: Path) -> None:
    code, out = run("--format", "json", "--lang", "en")
    assert code == 1
    data = json.loads(out)
    assert data["loften"] == 1 and data["valid"] is False
    assert data["problems"][0] == {
        "path": "logs/trygg/kommunen.csv",
        "line": None,
        "column": None,
        "row": 3,
        "header": "timmar",
        "sheet": None,
        "severity": "error",
        "code": "hours-invalid",
        "message": "invalid number of hours 'två': write for example 2.5 or 1:30",
    }
    assert data["problems"][2]["line"] == 8 and data["problems"][2]["column"] == 9
    assert data["files"][0] == {
        "path": "logs/trygg/kommunen.csv",
        "kind": "log",
        "errors": 2,
        "warnings": 0,
        "rows": 3,
        "entries": 1,
    }
    assert [f["kind"] for f in data["files"]] == ["log", "log", "log", "promise"]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_exits_0_when_valid_and_says_something(repo: Path, fmt: str) -> None:
    make_valid(repo)
    code, out = run("--format", fmt)
    assert code == 0
    assert out.strip()
    if fmt == "github":
        assert out == "::notice title=loften validate::inga fel i 2 filer\n"
    if fmt == "sarif":
        data = json.loads(out)
        sarif_validator().validate(data)
        assert data["runs"][0]["results"] == []
    if fmt == "json":
        assert json.loads(out)["valid"] is True


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_exits_1_when_invalid_and_2_on_a_usage_error(repo: Path, fmt: str) -> None:
    assert run("--format", fmt)[0] == 1
    assert run("--format", fmt, "nowhere.csv")[0] == 2


def test_warnings_and_notices_keep_their_level() -> None:
    v = Validation(
        problems=(
            Problem("csv-cp1252", Location("a.csv"), {}, "warning"),
            Problem(
                "column-unknown",
                Location("a.csv", row=1, header="väder"),
                {"name": "väder"},
                "notice",
            ),
        ),
        files=(ValidatedFile("a.csv", "log", warnings=1),),
    )
    assert render("github", v, Options("en")).splitlines() == [
        "::warning file=a.csv,title=loften csv-cp1252::the file is not saved as UTF-8 and was "
        "read as Windows-1252: check å, ä and ö, or save it as CSV UTF-8",
        "::notice file=a.csv,line=1,title=loften column-unknown::row 1, column 'väder': 'väder' "
        "is not a known field and is kept as an extra field",
        "::notice title=loften validate::no errors in 1 file, 1 warning",
    ]
    sarif = json.loads(render("sarif", v, Options("en")))
    sarif_validator().validate(sarif)
    assert [r["level"] for r in sarif["runs"][0]["results"]] == ["warning", "note"]
    text = render("text", v, Options("sv")).splitlines()
    assert text[0].startswith("a.csv: varning: filen är inte sparad som UTF-8")
    assert text[1].startswith("a.csv:row 1, column 'väder': obs: ")


def test_github_escaping() -> None:
    assert escape_data("100% klart\r\nnästa") == "100%25 klart%0D%0Anästa"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert command("error", "x: y, z", file="logs/a,b:c.yaml", line=3, col=None) == (
        "::error file=logs/a%2Cb%3Ac.yaml,line=3::x: y, z"
    )
    assert command("notice", "klart") == "::notice::klart"
