"""`loften validate`: every problem in every file, located, against the right vocabulary.

The example repository ``data/validate/five-mistakes`` holds a valid promise and three
logs with five different mistakes: an impossible date and an unknown type (YAML), an
hours value that is no number and an unknown party (CSV), and an id used twice.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from loften.cli import app
from loften.validation import validate

DATA = Path(__file__).parent / "data" / "validate"
runner = CliRunner()

FIVE = [
    "logs/trygg/kommunen.csv:row 3, column 'timmar': ogiltigt antal timmar 'två': "
    "skriv till exempel 2,5 eller 1:30",
    "logs/trygg/kommunen.csv:row 4, column 'part': okänd part 'Brandkåren'; "
    "kända parter: kommun, polis",
    "logs/trygg/polisen.yaml:8:9: datumet 2024-02-30 finns inte i kalendern",
    "logs/trygg/polisen.yaml:13:9: okänd aktivitetstyp 'Fotpatrulering'; "
    "menade du 'fotpatrullering'?",
    "logs/trygg/tillagg.yaml:6:9: id 'p-1' finns redan på logs/trygg/polisen.yaml:2",
]


@pytest.fixture(autouse=True)
def _not_in_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the five-mistakes repository, as the current folder."""
    shutil.copytree(DATA / "five-mistakes", tmp_path / "repo")
    monkeypatch.chdir(tmp_path / "repo")
    return tmp_path / "repo"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["validate", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def fix_all(repo: Path) -> None:
    """Correct the five mistakes."""
    polis = repo / "logs/trygg/polisen.yaml"
    polis.write_text(
        polis.read_text("utf-8")
        .replace("2024-02-30", "2024-02-28")
        .replace("Fotpatrulering", "fotpatrullering"),
        "utf-8",
    )
    csv = repo / "logs/trygg/kommunen.csv"
    csv.write_text(
        csv.read_text("utf-8").replace("två", "2").replace("Brandkåren", "polis"), "utf-8"
    )
    extra = repo / "logs/trygg/tillagg.yaml"
    extra.write_text(extra.read_text("utf-8").replace("id: p-1", "id: p-9"), "utf-8")


def test_no_paths_reports_every_mistake_located_and_exits_1(repo: Path) -> None:
    code, out, _ = run()
    assert code == 1
    assert out.splitlines() == [*FIVE, "5 fel i 3 av 4 filer"]


def test_a_valid_repository_exits_0(repo: Path) -> None:
    fix_all(repo)
    code, out, _ = run()
    assert (code, out) == (0, "inga fel i 4 filer\n")


def test_a_log_alone_is_checked_against_the_promise_that_names_it(repo: Path) -> None:
    """The vocabulary comes from promises/ (party 'Brandkåren' is unknown there), and only
    the named file's problems are reported, though ids resolve across all the logs."""
    code, out, _ = run("logs/trygg/tillagg.yaml", "logs/trygg/kommunen.csv")
    assert code == 1
    assert out.splitlines() == [FIVE[0], FIVE[1], FIVE[4], "3 fel i 2 av 2 filer"]


def test_a_log_named_with_its_promise_is_checked_once(repo: Path) -> None:
    code, out, _ = run("promises/trygg-2024.yaml", "logs/trygg/polisen.yaml")
    assert code == 1
    assert out.splitlines()[:-1] == FIVE


def test_logs_without_a_promise_skip_vocabulary_and_say_so(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(repo / "promises")
    (repo / "logs/trygg/kommunen.csv").write_text(
        "datum;aktivitet;part;väder\n2024-04-11;Trygghetsvandring;Brandkåren;sol\n", "utf-8"
    )
    code, out, _ = run("logs/trygg")
    assert code == 1
    lines = out.splitlines()
    notices = [line for line in lines if ": obs: " in line]
    assert notices == [
        "logs/trygg/kommunen.csv: obs: ingen löftesfil nämner de här 3 loggarna, så typer, "
        "parter och platser kontrollerades inte och okända kolumner visas som notiser "
        "(ange löftet också: loften validate promises/LÖFTE.yaml …)",
        "logs/trygg/kommunen.csv:row 1, column 'väder': obs: 'väder' är inget känt fält och "
        "sparas som extra fält",
    ]
    # the vocabulary mistakes are gone; structure, dates and ids are still checked
    assert "Fotpatrulering" not in out and "Brandkåren" not in out
    assert FIVE[2] in lines and FIVE[4] in lines
    assert lines[-1] == "2 fel i 2 av 3 filer"


def test_the_only_promise_named_gives_its_vocabulary_to_a_log_it_does_not_name(
    repo: Path,
) -> None:
    (repo / "ny.csv").write_text(
        "datum;aktivitet;part\n2024-10-01;Fotpatrul;polis\n2024-10-02;fotpatrull;polisen\n",
        "utf-8",
    )
    code, out, _ = run("promises/trygg-2024.yaml", "ny.csv")
    assert code == 1
    assert "ny.csv:row 2, column 'aktivitet': okänd aktivitetstyp 'Fotpatrul'" in out
    assert "ny.csv:row 3, column 'part': okänd part 'polisen'" in out


def test_an_invalid_promise_still_has_its_logs_checked_without_vocabulary(repo: Path) -> None:
    promise = repo / "promises/trygg-2024.yaml"
    promise.write_text(promise.read_text("utf-8").replace("per: month", "pr: month"), "utf-8")
    code, out, _ = run()
    assert code == 1
    lines = out.splitlines()
    assert "promises/trygg-2024.yaml:22:9: okänd nyckel 'pr'; menade du 'per'?" in lines
    assert (
        "promises/trygg-2024.yaml: obs: löftet har fel, så dess loggar kontrollerades utan "
        "löftets ordlista (typer, parter, platser och columns)"
    ) in lines
    assert FIVE[2] in lines and FIVE[4] in lines and FIVE[0] in lines
    assert not any("Fotpatrulering" in line or "Brandkåren" in line for line in lines)


def test_a_log_whose_promise_is_invalid_says_vocabulary_was_not_checked(repo: Path) -> None:
    promise = repo / "promises/trygg-2024.yaml"
    promise.write_text(promise.read_text("utf-8").replace("loften: 1", "loften: 2"), "utf-8")
    code, out, _ = run("logs/trygg/polisen.yaml")
    assert code == 1
    assert out.splitlines() == [
        "logs/trygg/polisen.yaml: obs: löftet promises/trygg-2024.yaml som nämner loggen har "
        "fel, så typer, parter och platser kontrollerades inte",
        FIVE[2],
        "1 fel i 1 av 1 fil",
    ]


def test_filter_mistakes_in_the_promise_are_found(repo: Path) -> None:
    fix_all(repo)
    promise = repo / "promises/trygg-2024.yaml"
    promise.write_text(
        promise.read_text("utf-8").replace(
            "match: {type: trygghetsvandring}", "match: {tpye: trygghetsvandring}"
        ),
        "utf-8",
    )
    code, out, _ = run("promises/trygg-2024.yaml")
    assert code == 1
    assert out.splitlines()[0].startswith(
        "promises/trygg-2024.yaml:29:17: okänt fält 'tpye' i filtret; menade du 'type'?"
    )


def _except_a_month_the_rule_does_not_have(repo: Path) -> None:
    """The repository made valid, then an exception naming December 2023, outside the
    promise's period: only judging the rule finds that."""
    fix_all(repo)
    promise = repo / "promises/trygg-2024.yaml"
    promise.write_text(
        promise.read_text("utf-8")
        + "exceptions:\n  - rule: patrull/per-manad\n    bucket: 2023-12\n"
        "    reason: Fel månad.\n    decided: 2024-01-10\n    by: Styrgruppen\n",
        "utf-8",
    )


def test_an_exception_naming_no_bucket_of_its_rule_is_found(repo: Path) -> None:
    _except_a_month_the_rule_does_not_have(repo)
    code, out, _ = run()
    assert code == 1
    assert out.splitlines()[0].startswith("promises/trygg-2024.yaml:32:5: undantaget för ")
    assert "patrull/per-manad" in out.splitlines()[0]


def test_what_only_judging_refuses_is_found_beside_a_log_the_promise_does_not_name(
    repo: Path,
) -> None:
    # The engine judges what validate has read (issue 7: each file is read once), but
    # only the promise's own logs, as check would: a log added on the command line is
    # checked against the promise's vocabulary and judged by no rule.
    _except_a_month_the_rule_does_not_have(repo)
    (repo / "ny.csv").write_text("datum;aktivitet;part\n2024-10-01;fotpatrull;polis\n", "utf-8")
    code, out, _ = run("promises/trygg-2024.yaml", "ny.csv")
    assert code == 1
    assert out.splitlines()[0].startswith("promises/trygg-2024.yaml:32:5: undantaget för ")
    assert out.splitlines()[-1] == "1 fel i 1 av 5 filer"


def test_warnings_print_but_do_not_fail(repo: Path) -> None:
    fix_all(repo)
    text = (
        (repo / "logs/trygg/kommunen.csv").read_text("utf-8").replace("kommun", "kommunförvaltning")
    )
    promise = repo / "promises/trygg-2024.yaml"
    promise.write_text(
        promise.read_text("utf-8").replace(
            "kommun: Kommunen", "kommun: {label: Kommunen, aliases: [kommunförvaltning]}"
        ),
        "utf-8",
    )
    (repo / "logs/trygg/kommunen.csv").write_bytes(text.encode("cp1252"))
    code, out, _ = run()
    assert code == 0
    assert out.splitlines() == [
        "logs/trygg/kommunen.csv: varning: filen är inte sparad som UTF-8 och har lästs som "
        "Windows-1252: kontrollera å, ä och ö, eller spara den som CSV UTF-8",
        "inga fel i 4 filer, 1 varning",
    ]


def test_indicator_files_are_checked(repo: Path) -> None:
    fix_all(repo)
    promise = repo / "promises/trygg-2024.yaml"
    promise.write_text(
        promise.read_text("utf-8").replace(
            "logs:\n", "indicators: [../indicators/trygg.csv, ../indicators/saknas.csv]\nlogs:\n"
        ),
        "utf-8",
    )
    (repo / "indicators").mkdir()
    (repo / "indicators/trygg.csv").write_text(
        "metric;year;value\ntrygghet;2023;70%\ntrygghet;2023;72%\n", "utf-8"
    )
    code, out, _ = run()
    assert code == 1
    lines = out.splitlines()
    assert any(line.startswith("indicators/trygg.csv:row 3") for line in lines)
    assert any(
        line == "promises/trygg-2024.yaml:12:39: indikatorfilen 'indicators/saknas.csv' finns inte"
        for line in lines
    )
    code, out, _ = run("indicators/trygg.csv")
    assert code == 1
    assert out.splitlines()[0].startswith("indicators/trygg.csv:row 3")


def test_every_problem_of_a_broken_file_is_reported_not_just_the_first(repo: Path) -> None:
    (repo / "logs/trygg/polisen.yaml").write_text(
        "- date: 2024-13-01\n  type: x\n  party: y\n  hours: många\n"
        "- time: 25:00\n  type: fotpatrullering\n  party: polis\n",
        "utf-8",
    )
    validation = validate([Path("logs/trygg/polisen.yaml")], cwd=repo)
    lines = [p.where.line or 0 for p in validation.problems if p.where is not None]
    assert len(lines) >= 5
    assert lines == sorted(lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["saknas.yaml"], "'saknas.yaml' finns inte"),
        (["--format", "xml"], "okänt format 'xml'; välj text, github, json, sarif"),
        (["--lang", "fi"], "okänt språk 'fi'"),
    ],
)
def test_usage_errors_exit_2(repo: Path, args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert message in err and out == ""


def test_no_promises_and_no_paths_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run()
    assert code == 2 and "hittade inga löften" in err


def test_a_file_loften_cannot_read_is_an_error(repo: Path) -> None:
    (repo / "anteckningar.json").write_text("{}", "utf-8")
    code, out, _ = run("anteckningar.json")
    assert code == 1
    assert out.splitlines()[0] == (
        "anteckningar.json: 'anteckningar.json' kan inte kontrolleras: "
        "loften läser .yaml, .yml, .csv, .tsv, .txt och .xlsx"
    )


def test_the_bundled_soderhamn_repository_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).parents[1])
    code, out, _ = run()
    assert code == 0, out
    assert out.startswith("inga fel i ")
