"""Malformed promises and logs: one located line each, exit 2, never a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from loften.cli import app

MINIMAL = Path(__file__).parent / "data" / "minimal"
runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "p")
    monkeypatch.chdir(tmp_path / "p")
    return tmp_path / "p"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", "promise.yaml", "--as-of", "2022-01-15", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stderr


PROMISE_CASES = [
    # (old, new, expected line start, expected words)
    ("        per: year\n        at_least: 2", "        per: year\n        at_leest: 2", "promise.yaml:23:9:", "okänd nyckel 'at_leest'; menade du 'at_least'?"),
    ("kind: count", "kind: cuont", "promise.yaml:19:15:", "okänd regeltyp 'cuont'; menade du 'count'?"),
    ("end: 2021-12-31}", "end: 2021-02-30}", "promise.yaml:5:", "2021-02-30"),
    ("match: {type: riktad-insats}", "match: {type: riktad-insatser}", "promise.yaml:20:", "okänd aktivitetstyp 'riktad-insatser'; menade du 'riktad-insats'?"),
    ("    party: polis\n    text: Två", "    party: polisen\n    text: Två", "promise.yaml:15:", "okänd part 'polisen'; menade du 'polis'?"),
    ("  - rule: insatser/tva-per-ar", "  - rule: insatser/tva-per-år", "promise.yaml:35:11:", "okänd regel 'insatser/tva-per-år'"),
    ("match: {type: riktad-insats}", "match: {tpye: riktad-insats}", "promise.yaml:20:17:", "okänt fält 'tpye' i filtret; menade du 'type'?"),
    ("logs: [logs]", "logs: [loggar]", "promise.yaml:12:", "finns inte"),
    ("  polis: {label: Polisen, aliases: [LPO Test]}\n", "  polis: {label: Polisen, aliases: [LPO Test]}\n  polis: {label: Polisen igen}\n", "promise.yaml:8:3:", "polis"),
    ("title: Minimalt löfte", "title: [Minimalt: löfte", "promise.yaml:", ""),
]


@pytest.mark.parametrize(("old", "new", "where", "words"), PROMISE_CASES)
def test_malformed_promise_gives_one_located_line(project: Path, old: str, new: str, where: str, words: str) -> None:
    edit(project / "promise.yaml", old, new)
    code, err = check()
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(where), err
    assert re.match(r"^promise\.yaml:\d+:\d+: \S", lines[0]), err
    assert words in lines[0]


LOG_CASES = [
    ("logs/polisen.yaml", "type: insats, party: polis, place", "type: insatts, party: polis, place", "logs/polisen.yaml:2:", "okänd"),
    ("logs/polisen.yaml", "{date: 2021-05-03,", "{date: 2021-13-03,", "logs/polisen.yaml:4:", "2021-13-03"),
    ("logs/kommunen.csv", "fotpatrull;kommun", "fotpatrull;kommunen", "logs/kommunen.csv:row 2, column 'part'", "kommunen"),
    ("logs/kommunen.csv", ";8,5;", ";8,5 h;", "logs/kommunen.csv:row 2, column 'timmar'", "8,5 h"),
]


@pytest.mark.parametrize(("file", "old", "new", "where", "words"), LOG_CASES)
def test_malformed_log_gives_located_line(project: Path, file: str, old: str, new: str, where: str, words: str) -> None:
    edit(project / file, old, new)
    code, err = check()
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(where), err
    assert words in lines[0]


def test_every_problem_is_reported_not_just_the_first(project: Path) -> None:
    edit(project / "logs/polisen.yaml", "{date: 2021-05-03,", "{date: 2021-13-03,")
    edit(project / "logs/kommunen.csv", "fotpatrull;kommun", "fotpatrull;kommunen")
    code, err = check()
    assert code == 2
    assert len(err.strip().splitlines()) == 2


def test_errors_speak_english_with_lang_en(project: Path) -> None:
    edit(project / "promise.yaml", "kind: count", "kind: cuont")
    code, err = check("--lang", "en")
    assert code == 2
    assert "unknown rule kind 'cuont'; did you mean 'count'?" in err


def test_bad_as_of_is_a_usage_error(project: Path) -> None:
    result = runner.invoke(app, ["check", "promise.yaml", "--as-of", "15/1/2022"])
    assert result.exit_code == 2
    assert "--as-of" in result.stderr
