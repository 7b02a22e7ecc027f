"""Hostile and awkward inputs (tests/hostile/): one clear line each, and nothing lost.

Every broken file of ``tests/hostile/cases.yaml`` goes through the real command line
and must give exactly one located line and exit 2, never a traceback; every awkward
but valid shape must load with the right values. Then the accounting of SPEC §3.1:
for every log file here and in the bundled ``logs/``, each row read is an activity
or an error located at that row — counted independently of the loader.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from time import perf_counter
from typing import Any

import pytest
from typer.testing import CliRunner

from loften import yamlnodes
from loften.activities import (
    Activity,
    Attestation,
    FileStats,
    LoadedLogs,
    LogSource,
    Vocabulary,
    load_logs,
)
from loften.activities.csv_log import detect_delimiter
from loften.cli import app
from loften.errors import LoftenError, Problem
from loften.spec.load import load_promise, vocabulary_maps

HOSTILE = Path(__file__).parent / "hostile"
REPO = Path(__file__).parent.parent
CASES: dict[str, Any] = yamlnodes.to_plain(
    yamlnodes.load((HOSTILE / "cases.yaml").read_bytes(), "cases.yaml")
)
runner = CliRunner()

#: One line on standard error: a place, then the message.
LOCATED = re.compile(r"^(promise\.yaml|logs/[^:]+)(:\d+:\d+|:row \d+(, column '[^']*')?)?: \S")


def project(tmp_path: Path, case: dict[str, Any]) -> Path:
    """A folder with the case's promise and its log, ready for ``loften check``."""
    root = tmp_path / "p"
    (root / "logs").mkdir(parents=True)
    promise = HOSTILE / "promises" / case["promise"] if "promise" in case else None
    shutil.copy(promise or HOSTILE / "promise.yaml", root / "promise.yaml")
    if "log" in case:
        shutil.copy(HOSTILE / "logs" / case["log"], root / "logs" / case["log"])
    if "sheet" in case:
        text = (root / "promise.yaml").read_text(encoding="utf-8")
        entry = f"logs: [{{path: logs/{case['log']}, sheet: {case['sheet']}}}]"
        (root / "promise.yaml").write_text(text.replace("logs: [logs]", entry), "utf-8")
    return root


def check(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["check", "promise.yaml", "--as-of", "2022-01-15", *args])
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def case_id(case: dict[str, Any]) -> str:
    return str(case.get("log") or "promise:" + case.get("promise", ""))


# -- broken: one located line, exit 2 ----------------------------------------------


def test_the_folder_holds_the_cases_of_issue_6() -> None:
    named = {c.get("log") or c.get("promise") for c in CASES["broken"]}
    on_disk = {p.name for p in (HOSTILE / "logs").iterdir()} | {
        p.name for p in (HOSTILE / "promises").iterdir()
    }
    assert named == on_disk, "every file in logs/ and promises/ has its case, and back"
    assert len(CASES["broken"]) >= 30


@pytest.mark.parametrize("case", CASES["broken"], ids=case_id)
def test_a_broken_input_gives_one_located_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: dict[str, Any]
) -> None:
    root = project(tmp_path, case)
    started = perf_counter()
    code, out, err = check(root, monkeypatch)
    assert perf_counter() - started < 5, "refused quickly, never a hang"
    lines = err.splitlines()
    assert code == 2, err
    assert len(lines) == 1, err
    assert LOCATED.match(lines[0]), lines[0]
    assert lines[0].startswith(case["where"]), lines[0]
    for word in case["words"]:
        assert word in lines[0], (word, lines[0])
    assert out == "", "no report for a promise that cannot be checked"

    code, _, err = check(root, monkeypatch, "--lang", "en")
    assert code == 2
    assert len(err.splitlines()) == 1, err
    assert err.startswith(case["where"])


# -- valid: the values people meant ---------------------------------------------------


SODERHAMN = REPO / "promises" / "soderhamn-2020-2021.yaml"


def vocabulary(promise_path: Path = HOSTILE / "promise.yaml") -> Vocabulary:
    promise = load_promise(promise_path, promise_path.parent).promise
    types, parties, places = vocabulary_maps(promise)
    return Vocabulary(types, parties, places, promise.open_places)


def shown(value: object) -> str:
    """A field's value as the cases write it."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "|".join(value)
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    return str(value)


@pytest.mark.parametrize("case", CASES["valid"], ids=lambda c: c["file"])
def test_an_awkward_valid_file_loads_with_its_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: dict[str, Any]
) -> None:
    root = project(tmp_path, {})
    shutil.copy(HOSTILE / "valid" / case["file"], root / "logs" / case["file"])
    logs = load_logs([LogSource(Path("logs"), "logs")], vocabulary(), cwd=root)
    assert [p.render("sv") for p in logs.errors] == []
    assert [p.code for p in logs.notices] == case.get("warnings", [])
    assert len(logs.activities) == len(case["activities"])
    for act, expected in zip(logs.activities, case["activities"], strict=True):
        for name, value in expected.items():
            actual = act.ref if name == "ref" else getattr(act, name)
            assert shown(actual) == value, (name, actual)

    code, out, err = check(root, monkeypatch, "--format", "json")
    assert code in (0, 1), err
    report = json.loads(out)
    (promise,) = report["promises"]
    assert promise["files"] == [
        {"path": f"logs/{case['file']}", "rows": 2, "activities": 2, "errors": 0}
    ]
    warned = [q["code"] for q in report["data_quality"] if q["code"].startswith("csv-")]
    assert warned == case.get("warnings", [])


# -- nothing lost ----------------------------------------------------------------------


def all_log_files() -> Iterator[tuple[Path, Path]]:
    """Every log file here, with the promise whose words it uses."""
    for folder in (HOSTILE / "logs", HOSTILE / "valid", HOSTILE / "regressions" / "logs"):
        for path in sorted(folder.iterdir()):
            yield path, HOSTILE / "promise.yaml"
    for path in sorted((REPO / "logs").rglob("*.*")):
        yield path, SODERHAMN


def yaml_items(path: Path) -> tuple[list[int], bool]:
    """The first line of every item the YAML parser yields, and whether it read them all."""
    lines: list[int] = []
    try:
        for node in yamlnodes.iter_items(path.read_bytes(), "x"):
            lines.append(node.line)
    except LoftenError:
        return lines, False
    return lines, True


def table_rows(path: Path) -> tuple[int, list[int]] | None:
    """The header's row and every non-empty data row, read without the loader."""
    if path.suffix == ".xlsx":
        import python_calamine

        try:
            book = python_calamine.CalamineWorkbook.from_path(str(path))
            grid = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        except Exception:  # a broken workbook has no rows to count
            return None
        rows = [
            n
            for n, row in enumerate(grid, start=1)
            if any(c not in ("", None) and str(c).strip() for c in row)
        ]
        return (rows[0], rows[1:]) if rows else None
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    delimiter = detect_delimiter(text, "\t" if path.suffix == ".tsv" else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    filled: list[int] = []
    row = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            row += 1
            filled.append(row)
            continue
        row += 1
        if any(c.strip() for c in cells):
            filled.append(row)
    return (filled[0], filled[1:]) if filled else None


def row_of(problem: Problem, starts: list[int]) -> int | None:
    """The data row (or the first line of the YAML item) a problem stands in."""
    where = problem.where
    if where is None:
        return None
    if where.row is not None:
        return where.row
    if where.line is None or problem.code.startswith("yaml-"):
        return None  # a problem of the whole stream, not of one item
    inside = [s for s in starts if s <= where.line]
    return inside[-1] if inside else None


def load_one(path: Path, promise: Path) -> tuple[LoadedLogs, FileStats]:
    logs = load_logs([LogSource(path, path.name)], vocabulary(promise), cwd=path.parent)
    (stats,) = logs.files
    return logs, stats


@pytest.mark.parametrize(
    ("path", "promise"), list(all_log_files()), ids=[p.name for p, _ in all_log_files()]
)
def test_every_row_read_is_an_activity_or_an_error_at_that_row(path: Path, promise: Path) -> None:
    logs, stats = load_one(path, promise)
    assert stats.rows == stats.activities + stats.errors
    assert stats.activities == len(logs.activities) + len(logs.attestations)
    assert stats.problems == len(logs.errors)
    entries: list[Activity | Attestation] = [*logs.activities, *logs.attestations]
    refs = {e.where.row or e.where.line for e in entries}

    if path.suffix in (".yaml", ".yml"):
        starts, complete = yaml_items(path)
        refused = any(p.code in ("yaml-alias-bomb", "yaml-too-deep") for p in logs.errors)
        if refused:
            assert stats.rows == 0
        elif not any(p.code.startswith(("log-", "yaml-binary")) for p in logs.errors):
            assert stats.rows == len(starts), "each item the parser gave was counted"
            assert complete or logs.errors, "an unread rest is never silent"
        header_row = 0
    elif any(p.where is None or p.where.row is None for p in logs.errors):
        # refused as a whole (the wrong kind, too large, no header): nothing was read
        assert stats.rows == 0
        starts, header_row = [], 0
    else:
        table = table_rows(path)
        assert table is not None
        header_row, data_rows = table
        header_broken = any(
            p.where and p.where.row == header_row and p.code != "column-blank-header"
            for p in logs.errors
        )
        assert stats.rows == (0 if header_broken else len(data_rows)), "each row was read"
        starts = []

    with_errors = {row_of(p, starts) for p in logs.errors} - {None, header_row}
    assert len(with_errors) == stats.errors, "each row that gave nothing has its error"
    assert not (with_errors & refs), "no row is both counted and reported"


def test_the_bundled_logs_add_up_in_the_json_report(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = runner.invoke(
        app,
        ["check", "promises/soderhamn-2020-2021.yaml", "--as-of", "2022-01-15", "-f", "json"],
    )
    assert result.exit_code in (0, 1), result.stderr
    (promise,) = json.loads(result.stdout)["promises"]
    files = {f["path"]: f for f in promise["files"]}
    assert set(files) == {
        p.relative_to(REPO).as_posix() for p in sorted((REPO / "logs").rglob("*.*"))
    }
    source = LogSource(Path("logs/soderhamn-2020-2021"), "logs/soderhamn-2020-2021")
    loaded = load_logs([source], vocabulary(SODERHAMN), cwd=REPO)
    for stats in loaded.files:
        f = files[stats.path]
        assert f["rows"] == f["activities"] + f["errors"]
        assert f["errors"] == 0 and f["activities"] > 0
        assert (stats.rows, stats.activities) == (f["rows"], f["activities"])
        if stats.path.endswith(".csv"):
            table = table_rows(REPO / stats.path)
            assert table is not None and stats.rows == len(table[1])
        else:
            assert stats.rows == len(yaml_items(REPO / stats.path)[0])


# -- every problem in one pass ------------------------------------------------------


def test_all_broken_logs_in_one_folder_give_all_their_lines_in_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = [c for c in CASES["broken"] if "log" in c and "sheet" not in c]
    root = project(tmp_path, {})
    for case in cases:
        shutil.copy(HOSTILE / "logs" / case["log"], root / "logs" / case["log"])
    code, _, err = check(root, monkeypatch)
    assert code == 2
    lines = err.splitlines()
    expected = sorted(cases, key=lambda c: c["log"])
    assert len(lines) == len(expected) < 50
    for line, case in zip(lines, expected, strict=True):
        assert line.startswith(case["where"]), (line, case["where"])


def test_sixty_problems_print_the_first_fifty_and_a_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, {})
    rows = "".join(f"2020-03-{1 + n % 28:02d};insats;polis;{n} timmar\n" for n in range(30))
    for name in ("a.csv", "b.csv"):
        (root / "logs" / name).write_text("datum;aktivitet;part;timmar\n" + rows, "utf-8")
    code, _, err = check(root, monkeypatch)
    lines = err.splitlines()
    assert code == 2
    assert len(lines) == 51
    assert lines[0].startswith("logs/a.csv:row 2, column 'timmar': ")
    assert lines[49].startswith("logs/b.csv:row 21, column 'timmar': ")
    assert lines[50] == "… och 10 problem till"
    _, _, err = check(root, monkeypatch, "--lang", "en")
    assert err.splitlines()[50] == "… and 10 more problems"


# -- files too large ----------------------------------------------------------------


def test_a_file_above_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    (tmp_path / "stor.csv").write_text("datum;aktivitet;part\n" + "x" * 3000, "utf-8")
    (tmp_path / "liten.csv").write_text("datum;aktivitet;part\n2020-03-01;insats;polis\n")
    sources = [LogSource(Path(n), n) for n in ("stor.csv", "liten.csv")]
    logs = load_logs(sources, vocabulary(), cwd=tmp_path, max_bytes=2048)
    assert [p.render("sv") for p in logs.errors] == [
        "stor.csv: filen är 0,0029 MB, över gränsen på 0,002 MB: dela upp loggen per år "
        "eller part, eller höj gränsen med miljövariabeln LOFTEN_MAX_FILE_MB"
    ]
    assert [(f.path, f.rows, f.problems) for f in logs.files] == [
        ("stor.csv", 0, 1),
        ("liten.csv", 1, 0),
    ]
    assert len(logs.activities) == 1


def test_the_default_limit_is_200_mb(tmp_path: Path) -> None:
    import inspect

    assert inspect.signature(load_logs).parameters["max_bytes"].default == 200 * 1024 * 1024


def test_a_workbook_that_unpacks_past_ten_times_the_limit_is_refused(tmp_path: Path) -> None:
    import zipfile

    from loften.activities.xlsx_guard import EXPANSION

    with zipfile.ZipFile(tmp_path / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet>" + " " * 400_000 + "</worksheet>")
    assert (tmp_path / "bomb.xlsx").stat().st_size < 4096
    source = LogSource(Path("bomb.xlsx"), "bomb.xlsx")
    logs = load_logs([source], vocabulary(), cwd=tmp_path, max_bytes=4096)
    assert [p.render("sv") for p in logs.errors] == [
        "bomb.xlsx: arbetsboken packas upp till mer än 0,039 MB: filen avvisas"
    ]
    assert EXPANSION == 10


# -- workbooks are measured before calamine sees them --------------------------------


def workbook_bytes(sheet_xml: str) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return out.getvalue()


SHEET = '<?xml version="1.0"?><{p}worksheet xmlns="x"><{p}sheetData>{rows}</{p}sheetData></{p}worksheet>'


@pytest.mark.parametrize(
    ("rows", "prefix", "refused"),
    [
        ('<row r="1"><c r="A1"><v>1</v></c><c r="J1"><v>2</v></c></row>', "", False),
        # a far cell with a style but no value: calamine skips it, so may we
        (
            '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" s="1"/></row>',
            "",
            False,
        ),
        (
            '<row r="1"><c r="A1"><v>1</v></c></row><row r="900"><c r="XFD900"><v>1</v></c></row>',
            "",
            False,
        ),
        (
            '<row r="1"><c r="A1"><v>1</v></c></row><row r="9000"><c r="XFD9000"><v>1</v></c></row>',
            "",
            True,
        ),
        # the r of a cell out of order with its row
        ('<row r="1"><c r="A1"><v>1</v><c r="XFD1048576"><v>2</v></c></c></row>', "", True),
        # no r on the cells: their place follows the row's
        ('<row r="1048576">' + "<c><v>1</v></c>" * 30 + "</row>", "", True),
        ('<row r="1048576"><c s="1" r="AA1048576"><v>1</v></c></row>', "", True),
        # a namespace prefix on every tag
        ('<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>', "x:", True),
        ('<x:row r="5"><x:c r="C5"><x:v>1</x:v></x:c></x:row>', "x:", False),
    ],
)
def test_how_far_a_sheet_reaches_is_measured_before_it_is_read(
    rows: str, prefix: str, refused: bool
) -> None:
    from loften.activities import xlsx_guard

    data = workbook_bytes(SHEET.format(p=prefix, rows=rows))
    problem = xlsx_guard.scan(data, "a.xlsx", 10 * 1024 * 1024).problem
    assert (problem is not None and problem.code == "xlsx-too-many-cells") is refused, problem


def test_a_workbook_with_a_styled_far_cell_still_loads(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Datum", "Aktivitet", "Part"])
    sheet.append([date(2020, 3, 1), "insats", "polis"])
    sheet["XFD1048576"].font = Font(bold=True)
    book.save(tmp_path / "a.xlsx")
    logs = load_logs([LogSource(Path("a.xlsx"), "a.xlsx")], vocabulary(), cwd=tmp_path)
    assert logs.errors == () and len(logs.activities) == 1


@pytest.mark.parametrize(("number", "name"), [(1, "A"), (26, "Z"), (27, "AA"), (16384, "XFD")])
def test_column_names(number: int, name: str) -> None:
    from loften.activities.xlsx_guard import column_name, column_number

    assert column_name(number) == name and column_number(name) == number


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("0" * 5000, "log-path-unreadable"),  # a name too long for the file system
        ("logs\x00.csv", "log-path-invalid"),
        ("saknas.csv", "log-path-missing"),
        ("promise.yaml/logs", "log-path-missing"),
    ],
    ids=["too-long", "nul", "missing", "under-a-file"],
)
def test_a_log_path_that_cannot_be_a_file_is_located_in_the_promise(
    tmp_path: Path, path: str, code: str
) -> None:
    from loften.errors import Location

    (tmp_path / "promise.yaml").write_text("x")
    where = Location("promise.yaml", 12, 9)
    logs = load_logs([LogSource(Path(path), path, where=where)], vocabulary(), cwd=tmp_path)
    assert [p.code for p in logs.errors] == [code]
    line = logs.errors[0].render("sv")
    assert line.startswith("promise.yaml:12:9: ") and "\n" not in line and len(line) < 300


def test_a_folder_that_cannot_be_listed_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    (tmp_path / "logs" / "låst").mkdir(parents=True)
    walk = os.walk

    def locked(top: Any, onerror: Any = None, **kw: Any) -> Any:
        # what os.walk does where it may not list a folder (a chmod 0 folder, for anyone
        # but root): it tells onerror and goes on without it
        for folder, dirs, files in walk(top, onerror=onerror, **kw):
            if "låst" in dirs:
                dirs.remove("låst")
                onerror(PermissionError(13, "Permission denied", os.path.join(folder, "låst")))
            yield folder, dirs, files

    monkeypatch.setattr("loften.activities.load.os.walk", locked)
    logs = load_logs([LogSource(Path("logs"), "logs")], vocabulary(), cwd=tmp_path)
    assert [(p.code, p.params["path"]) for p in logs.errors] == [
        ("log-path-unreadable", "logs/låst")
    ]
