"""loften in CI: the JUnit and GitHub formats of `check`, the exit-code contract of `check`
and `validate` in every format, GitHub Actions defaults, and the pre-commit hook."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from loften.cli import app
from loften.cli.check import CHECK_FORMATS
from loften.reporters import REPORTERS
from loften.validation import FORMATS

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data" / "validate"
runner = CliRunner()

#: promise -> (exit code, exit code with --strict), SPEC §4 and §5.7
EXIT = {"pass": (0, 0), "fail": (1, 1), "warn": (0, 1), "behind": (0, 1), "broken": (2, 2)}


@pytest.fixture(autouse=True)
def _not_in_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture
def ci(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(DATA / "ci")
    return DATA / "ci"


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def check(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    return invoke("check", "--as-of", "2025-06-15", *args, env=env)


# --- exit codes: a tested contract ------------------------------------------------------


def test_check_formats_are_reporters() -> None:
    assert set(CHECK_FORMATS) <= set(REPORTERS)


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
@pytest.mark.parametrize("promise", sorted(EXIT))
@pytest.mark.parametrize("strict", [False, True])
def test_check_exit_codes(ci: Path, fmt: str, promise: str, strict: bool) -> None:
    args = ["--format", fmt, f"promises/{promise}.yaml", *(["--strict"] if strict else [])]
    code, out, err = check(*args)
    assert code == EXIT[promise][strict], (out, err)
    if promise == "broken":
        assert "at_leats" in out + err
    else:
        assert out.strip()


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_check_reports_valid_promises_beside_a_broken_one_and_exits_2(ci: Path, fmt: str) -> None:
    code, out, _ = check("--format", fmt, "promises/pass.yaml", "promises/broken.yaml")
    assert code == 2
    assert "Hålls" in out


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_check_usage_errors_exit_2(ci: Path, fmt: str) -> None:
    assert check("--format", fmt, "--as-of", "15/6", "promises/pass.yaml")[0] == 2
    assert check("--format", fmt, "--lang", "fi", "promises/pass.yaml")[0] == 2
    assert check("--format", "xml", "promises/pass.yaml")[0] == 2


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_validate_exit_codes(ci: Path, fmt: str) -> None:
    assert invoke("validate", "--format", fmt, "promises/pass.yaml")[0] == 0
    assert invoke("validate", "--format", fmt, "promises/broken.yaml")[0] == 1
    assert invoke("validate", "--format", fmt, "promises/saknas.yaml")[0] == 2
    assert invoke("validate", "--format", fmt, "--lang", "fi")[0] == 2


# --- JUnit ------------------------------------------------------------------------------


def junit() -> Any:
    """junitparser (the ``test`` extra), a real JUnit reader."""
    return pytest.importorskip("junitparser")


def soderhamn_junit(tmp_path: Path, name: str, *args: str) -> Path:
    target = tmp_path / name
    code, _, err = invoke(
        "check",
        "promises/soderhamn-2020-2021.yaml",
        "--as-of",
        "2022-01-15",
        "--format",
        "junit",
        "-o",
        str(target),
        *args,
    )
    assert code == 1, err
    return target


def test_soderhamn_junit_reads_with_a_junit_parser_and_names_are_stable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jp = junit()
    monkeypatch.chdir(ROOT)
    first = soderhamn_junit(tmp_path, "a.xml")
    second = soderhamn_junit(tmp_path, "b.xml")
    assert first.read_bytes() == second.read_bytes()
    suites = list(jp.JUnitXml.fromfile(str(first)))
    assert [s.name for s in suites] == ["soderhamn-2020-2021"]
    suite = suites[0]
    cases = list(suite)
    names = [c.name for c in cases]
    assert len(names) == len(set(names)) == suite.tests
    assert all(re.fullmatch(r"[a-z0-9åäö-]+/[a-z0-9åäö-]+ \[[^\]]+\]", n) for n in names)
    assert {c.classname for c in cases} == {"soderhamn-2020-2021"}
    by_name = {c.name: c for c in cases}
    failed = [n for n, c in by_name.items() if any(isinstance(r, jp.Failure) for r in c.result)]
    assert failed == ["polis-narvaro/fotpatrullering-timmar [2021]"]
    failure = by_name[failed[0]].result[0]
    assert failure.message == "2021: ej uppfyllt – 146 (minst 200 timmar)"
    assert "logs/soderhamn-2020-2021/polisen.yaml:" in (failure.text or "")
    skipped = by_name["polis-insatser/tva-per-ar [2020]"].result
    assert isinstance(skipped[0], jp.Skipped)
    assert "pandemirestriktionerna" in (skipped[0].message or "")
    assert suite.failures == 1 and suite.skipped == 1 and suite.errors == 0
    text = first.read_text("utf-8")
    assert "timestamp" not in text and "hostname" not in text


def test_junit_keeps_warnings_passing_unless_strict(ci: Path, tmp_path: Path) -> None:
    jp = junit()
    plain, strict = tmp_path / "plain.xml", tmp_path / "strict.xml"
    assert check("promises/warn.yaml", "-f", "junit", "-o", str(plain))[0] == 0
    assert check("promises/warn.yaml", "-f", "junit", "-o", str(strict), "--strict")[0] == 1
    case = next(iter(next(iter(jp.JUnitXml.fromfile(str(plain))))))
    assert case.is_passed and "varning" in (case.system_out or "")
    case = next(iter(next(iter(jp.JUnitXml.fromfile(str(strict))))))
    assert isinstance(case.result[0], jp.Failure) and case.result[0].type == "warn"


def test_junit_escapes_what_xml_needs(ci: Path, tmp_path: Path) -> None:
    promise = tmp_path / "promises" / "x.yaml"
    promise.parent.mkdir()
    shutil.copytree(DATA / "ci" / "logs", tmp_path / "logs")
    promise.write_text(
        (DATA / "ci/promises/fail.yaml")
        .read_text("utf-8")
        .replace("title: Hålls inte", 'title: "<Hålls> & \\"inte\\""'),
        "utf-8",
    )
    target = tmp_path / "x.xml"
    assert check(str(promise), "-f", "junit", "-o", str(target))[0] == 1
    suite = next(iter(junit().JUnitXml.fromfile(str(target))))
    props = {p.name: p.value for p in suite.properties()}
    assert props["title"] == '<Hålls> & "inte"'


# --- GitHub -----------------------------------------------------------------------------


def test_github_annotations_point_at_the_rule(ci: Path) -> None:
    code, out, _ = check("promises/fail.yaml", "promises/warn.yaml", "-f", "github")
    assert code == 1
    assert out.splitlines() == [
        "::error file=promises/fail.yaml,line=13,title=loften ej uppfyllt%3A patrull/fem::"
        "patrull/fem%0Ahela perioden: ej uppfyllt – 3 (minst 5)",
        "::notice file=promises/fail.yaml,title=loften check fail::Hålls inte: ej uppfyllt "
        "(1 regel: 0 uppfyllda, 1 ej uppfylld, 0 efter plan, 0 övriga)",
        "::warning file=promises/warn.yaml,line=13,title=loften varning%3A patrull/fem::"
        "patrull/fem%0Ahela perioden: varning – 3 (minst 5)",
        "::notice file=promises/warn.yaml,title=loften check warn::Varning: varning "
        "(1 regel: 0 uppfyllda, 0 ej uppfyllda, 0 efter plan, 1 övrig)",
    ]


def test_github_strict_makes_warnings_errors(ci: Path) -> None:
    code, out, _ = check("promises/behind.yaml", "-f", "github", "--strict")
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith("::error file=promises/behind.yaml,line=13,")
    assert "efter plan" in first and "räknas som fel med --strict" in first


def test_github_input_problems_are_annotations(ci: Path) -> None:
    code, out, _ = check("promises/broken.yaml", "-f", "github")
    assert code == 2
    assert out.startswith(
        "::error file=promises/broken.yaml,line=13,col=56,title=loften unknown-key::"
    )


def test_under_github_actions_github_is_the_default_and_a_summary_is_written(
    ci: Path, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", "utf-8")
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    code, out, _ = check("promises/fail.yaml", env=env)
    assert code == 1 and out.startswith("::error file=promises/fail.yaml,line=13,")
    code, out, _ = invoke("validate", "promises/broken.yaml", env=env)
    assert code == 1
    assert "::error file=promises/broken.yaml,line=13,col=56,title=loften unknown-key::" in out
    text = summary.read_text("utf-8")
    assert text.startswith("# earlier step\n## loften check – Hålls inte\n")
    assert "| `patrull/fem` | ✗ ej uppfyllt | hela perioden: ej uppfyllt – 3 (minst 5) |" in text
    assert "## loften validate" in text
    assert (
        "| `promises/broken.yaml:13:56` | okänd nyckel 'at_leats'; menade du 'at_least'? |" in text
    )
    # a machine format asked for by name writes no second summary
    before = summary.read_text("utf-8")
    check("promises/fail.yaml", "-f", "junit", "-o", str(tmp_path / "j.xml"), env=env)
    assert summary.read_text("utf-8") == before


def test_an_unwritable_summary_warns_and_does_not_fail(ci: Path, tmp_path: Path) -> None:
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "no" / "such.md")}
    code, _, err = check("promises/pass.yaml", env=env)
    assert code == 0 and "sammanfattningen" in err


# --- pre-commit -------------------------------------------------------------------------


def hook() -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    (found,) = [h for h in hooks if h["id"] == "loften-validate"]
    return found


def sample_repository(target: Path) -> Path:
    """A repository as users keep it: the promise, its logs, and files that are not loften's."""
    shutil.copytree(DATA / "five-mistakes", target)
    (target / ".github/workflows").mkdir(parents=True)
    (target / ".github/workflows/ci.yml").write_text("on: push\n", "utf-8")
    (target / "README.md").write_text("# Trygg i centrum\n", "utf-8")
    return target


def entry_command() -> list[str]:
    """The hook's entry, run as pre-commit runs it: the installed ``loften``, else the module."""
    words = shlex.split(str(hook()["entry"]))
    exe = shutil.which(words[0])
    return [exe, *words[1:]] if exe else [sys.executable, "-m", "loften", *words[1:]]


def test_the_hook_is_declared_as_pre_commit_expects() -> None:
    h = hook()
    assert h["language"] == "python" and h["entry"] == "loften validate"
    files, exclude = re.compile(str(h["files"])), re.compile(str(h["exclude"]))
    chosen = [
        p
        for p in (
            "promises/a.yaml",
            "logs/b.yml",
            "logs/c.csv",
            "logs/d.tsv",
            "logs/e.xlsx",
            "README.md",
            ".pre-commit-config.yaml",
            ".github/workflows/ci.yml",
        )
        if files.search(p) and not exclude.search(p)
    ]
    assert chosen == ["promises/a.yaml", "logs/b.yml", "logs/c.csv", "logs/d.tsv", "logs/e.xlsx"]


def test_the_hook_entry_runs_on_the_files_pre_commit_would_pass(tmp_path: Path) -> None:
    """pre-commit runs ``entry`` with the staged files that match ``files`` and not
    ``exclude``, from the repository's root; this does the same without pre-commit."""
    repo = sample_repository(tmp_path / "repo")
    h = hook()
    files, exclude = re.compile(str(h["files"])), re.compile(str(h["exclude"]))
    staged = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file())
    chosen = [p for p in staged if files.search(p) and not exclude.search(p)]
    assert ".github/workflows/ci.yml" not in chosen and "logs/trygg/polisen.yaml" in chosen
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    done = subprocess.run(
        [*entry_command(), *chosen], cwd=repo, capture_output=True, text=True, env=env
    )
    assert done.returncode == 1, done.stderr
    assert len([line for line in done.stdout.splitlines() if " fel i " not in line]) == 5
    only_one = subprocess.run(
        [*entry_command(), "logs/trygg/polisen.yaml"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
    )
    assert only_one.returncode == 1
    assert only_one.stdout.splitlines()[-1] == "2 fel i 1 av 1 fil"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_runs_the_hook_on_a_sample_repository(tmp_path: Path) -> None:
    """pre-commit itself, with the hook as declared but ``language: system`` (a python
    hook would make pre-commit build loften in a fresh virtualenv from the network)."""
    pytest.importorskip("pre_commit")
    repo = sample_repository(tmp_path / "repo")
    local = {**hook(), "language": "system", "entry": shlex.join(entry_command())}
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GIT_"))}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "cache"), HOME=str(tmp_path))

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)

    git("init", "-q")
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "add", "-A")
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    done = subprocess.run(pre_commit, cwd=repo, capture_output=True, text=True, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "loften validate" in done.stdout and "Failed" in done.stdout
    assert "logs/trygg/polisen.yaml:8:9: datumet 2024-02-30 finns inte i kalendern" in done.stdout
    polisen = repo / "logs/trygg/polisen.yaml"
    polisen.write_text("- {date: 2024-01-05, type: fotpatrull, party: polis, id: p-1}\n", "utf-8")
    (repo / "logs/trygg/kommunen.csv").unlink()
    (repo / "logs/trygg/tillagg.yaml").unlink()
    git("add", "-A")
    done = subprocess.run(pre_commit, cwd=repo, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


# --- docs/ci.md -------------------------------------------------------------------------


def doc_blocks(lang: str) -> list[str]:
    text = (ROOT / "docs" / "ci.md").read_text("utf-8")
    return re.findall(rf"```{lang}\n(.*?)```", text, re.DOTALL)


def loften_commands(lines: list[str]) -> list[list[str]]:
    """The ``loften …`` commands of a workflow, without their shell tails and comments."""
    out = []
    for line in lines:
        command = line.split("#")[0].split("||")[0].strip()
        if command.startswith("loften "):
            out.append(shlex.split(command)[1:])
    return out


def test_the_documented_workflows_parse_and_their_commands_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocks = [yaml.safe_load(b) for b in doc_blocks("yaml")]
    github = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    steps = github["jobs"]["loften"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert any("loften validate" in r for r in runs)
    assert any("--format junit" in r for r in runs)
    assert any(s.get("uses", "").startswith("mikepenz/action-junit-report") for s in steps)
    gitlab = next(b for b in blocks if isinstance(b, dict) and "loften" in b and "jobs" not in b)
    assert gitlab["loften"]["artifacts"]["reports"]["junit"] == "loften-junit.xml"
    hook_use = next(b for b in blocks if isinstance(b, dict) and "repos" in b)
    assert hook_use["repos"][0]["hooks"][0]["id"] == hook()["id"]
    # every loften command of both workflows runs on the bundled repository: 0 or 1, never 2
    shutil.copytree(ROOT / "promises", tmp_path / "promises")
    shutil.copytree(ROOT / "logs", tmp_path / "logs")
    if (ROOT / "indicators").is_dir():
        shutil.copytree(ROOT / "indicators", tmp_path / "indicators")
    monkeypatch.chdir(tmp_path)
    commands = loften_commands(runs) + loften_commands(gitlab["loften"]["script"])
    assert len(commands) >= 5
    for args in commands:
        code, out, err = (
            invoke(*args, "--as-of", "2022-01-15") if args[0] == "check" else invoke(*args)
        )
        assert code in (0, 1), (args, out, err)
    assert (tmp_path / "loften-junit.xml").is_file() and (tmp_path / "loften.sarif").is_file()


def test_the_documented_schema_line_and_commands() -> None:
    text = (ROOT / "docs" / "ci.md").read_text("utf-8")
    assert "# yaml-language-server: $schema=../schemas/loften-promise.schema.json" in text
    for command in loften_commands(doc_blocks("sh")[0].splitlines()):
        assert command[0] in ("validate", "check", "schema")
