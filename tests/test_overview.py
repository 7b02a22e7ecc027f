"""Many promises at once (issue 7): the national overview, its details, its JSON, and
that a parallel run says exactly what a sequential one says."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from loften.cli import app
from loften.cli import progress as progress_module

MINIMAL = Path(__file__).parent / "data" / "minimal"
runner = CliRunner()

# (file, id, municipality, code): given out of code order on purpose.
PROMISES = (
    ("c.yaml", "ostby", "Östby", "2182"),
    ("a.yaml", "testby", "Testby", "0114"),
    ("b.yaml", "vastby", "Västby", "1280"),
)


@pytest.fixture
def national(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three copies of the minimal promise, for three municipalities, sharing its logs."""
    shutil.copytree(MINIMAL / "logs", tmp_path / "logs")
    text = (MINIMAL / "promise.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "promises"
    folder.mkdir()
    for name, pid, municipality, code in PROMISES:
        mine = text.replace("id: minimal", f"id: {pid}").replace("logs: [logs]", "logs: [../logs]")
        mine = mine.replace(
            '{municipality: Testby, code: "0114"}',
            f'{{municipality: {municipality}, code: "{code}"}}',
        )
        (folder / name).write_text(mine, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", "promises/", "--as-of", "2022-01-15", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout


def test_overview_has_one_row_per_promise_by_municipality_code(national: Path) -> None:
    code, out = check()
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Översikt: 3 löften"
    assert lines[1].split() == [
        "Kod", "Kommun", "Bedömning", "Regler", "Uppfyllda", "Efter", "plan", "Ej",
        "uppfyllda", "Övriga", "Löfte",
    ]  # fmt: skip
    rows = [line.split() for line in lines[2:5]]
    assert [r[0] for r in rows] == ["0114", "1280", "2182"]
    assert [r[-1] for r in rows] == ["testby", "vastby", "ostby"]
    assert rows[0][1:] == ["Testby", "~", "undantag", "2", "1", "0", "0", "1", "testby"]
    assert "3 löften: 0 uppfyllda, 0 ej uppfyllda, 0 efter plan, 3 övriga" in out
    # The details only on request.
    assert "Läget den 15 januari 2022" not in out
    assert "--details" in out


def test_details_follow_the_overview(national: Path) -> None:
    _, out = check("--details")
    assert out.startswith("Översikt: 3 löften")
    assert out.count("Läget den 15 januari 2022") == 3
    assert out.index("Översikt") < out.index("Minimalt löfte")


def test_json_carries_the_overview_beside_the_promises(national: Path) -> None:
    _, out = check("--format", "json")
    data = json.loads(out)
    assert list(data) == ["loften", "as_of", "status", "overview", "promises", "data_quality"]
    assert [r["code"] for r in data["overview"]] == ["0114", "1280", "2182"]
    assert data["overview"][0] == {
        "id": "testby",
        "code": "0114",
        "municipality": "Testby",
        "path": "promises/a.yaml",
        "status": "excepted",
        "rules": 2,
        "kept": 1,
        "behind": 0,
        "failed": 0,
        "other": 1,
    }
    # The details keep the §4.2 shape, in the order the promises were given.
    assert [p["id"] for p in data["promises"]] == ["testby", "vastby", "ostby"]


def test_markdown_opens_with_the_overview_table(national: Path) -> None:
    _, out = check("--format", "markdown", "--lang", "en")
    assert out.startswith("## Overview: 3 promises\n")
    assert (
        "| Code | Municipality | Verdict | Rules | Kept | Behind | Failed | Other | Promise |"
        in out
    )
    assert "| 0114 | Testby | \\~ excepted | 2 | 1 | 0 | 0 | 1 | testby |" in out
    assert "# Minimalt löfte" not in out
    _, details = check("--format", "markdown", "--details")
    assert details.count("# Minimalt löfte") == 3


def test_one_promise_has_no_overview(national: Path) -> None:
    result = runner.invoke(app, ["check", "promises/a.yaml", "--as-of", "2022-01-15", "-f", "json"])
    assert "overview" not in json.loads(result.stdout)
    result = runner.invoke(app, ["check", "promises/a.yaml", "--as-of", "2022-01-15"])
    assert "Översikt" not in result.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_two_processes_say_what_one_says(national: Path, fmt: str) -> None:
    _, one = check("--format", fmt, "--details", "--jobs", "1")
    _, two = check("--format", fmt, "--details", "--jobs", "2")
    assert one == two


@pytest.mark.parametrize("failure", ["no processes", "a worker killed"])
def test_without_worker_processes_one_process_says_the_same(
    national: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """A machine that cannot start worker processes (no shared memory for their locks),
    or a worker killed halfway (out of memory): the run finishes in this process."""
    from concurrent.futures.process import BrokenProcessPool

    from loften.engine import many

    _, one = check("--format", "json", "--details", "--jobs", "1")

    class Failing:
        def __init__(self, max_workers: int) -> None:
            if failure == "no processes":
                raise PermissionError("[Errno 13] Permission denied: '/dev/shm'")

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def submit(self, fn, *args):
            raise BrokenProcessPool("a child process terminated abruptly")

    monkeypatch.setattr(many, "ProcessPoolExecutor", Failing)
    code, two = check("--format", "json", "--details", "--jobs", "2")
    assert two == one and code in (0, 1)


def test_broken_promise_among_many_is_reported_and_the_rest_checked(national: Path) -> None:
    (national / "promises" / "b.yaml").write_text("loften: 1\nid: [\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "promises/", "--as-of", "2022-01-15", "-j", "2"])
    assert result.exit_code == 2
    assert "promises/b.yaml" in result.stderr
    assert "Översikt: 2 löften" in result.stdout


def test_progress_only_for_people_watching(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module.sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("CI", raising=False)
    assert progress_module.wanted("table")
    assert not progress_module.wanted("json")
    assert not progress_module.wanted("junit")
    monkeypatch.setenv("CI", "true")
    assert not progress_module.wanted("table")


def test_both_cores_only_where_they_pay() -> None:
    """Left to loften, promises are checked on every core only when there are many and
    their logs are large (issue 7): a small run never waits for a process pool."""
    from loften.engine.many import PARALLEL_BYTES, PARALLEL_FROM, default_jobs

    assert default_jobs(PARALLEL_FROM - 1, 10 * PARALLEL_BYTES) == 1
    assert default_jobs(290, PARALLEL_BYTES - 1) == 1
    assert default_jobs(290, PARALLEL_BYTES) == min(290, len(os.sched_getaffinity(0)))
