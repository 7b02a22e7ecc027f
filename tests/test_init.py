"""``loften init``: a Swedish starter project that passes ``loften check`` as it is."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from typer.testing import CliRunner

from loften.cli import app
from loften.cli.init import starter_files

FILES = [
    "README.md",
    "logs/medborgarlofte/aktiviteter.xlsx",
    "logs/medborgarlofte/kommunen.csv",
    "logs/medborgarlofte/polisen.yaml",
    "promises/medborgarlofte.yaml",
]
AS_OF = "2026-06-30"  # the example logs run to here, inside the period 2026–2027


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_starter_files_are_package_data() -> None:
    assert [str(p) for p in starter_files()] == FILES


def test_writes_the_starter_project(tmp_path: Path) -> None:
    code, output = run("init", str(tmp_path / "lofte"))
    assert code == 0
    assert "Skrev 5 filer" in output
    for name in FILES:
        assert (tmp_path / "lofte" / name).read_bytes() == starter_files()[PurePosixPath(name)]


def test_promise_has_one_commitment_of_each_common_kind() -> None:
    promise = starter_files()[PurePosixPath("promises/medborgarlofte.yaml")].decode("utf-8")
    for kind in ("count", "cadence", "deadline", "share", "attested"):
        assert f"kind: {kind}" in promise
    # comments explain the keys, in Swedish
    assert "# formatversion: skriv alltid 1" in promise
    csv = starter_files()[PurePosixPath("logs/medborgarlofte/kommunen.csv")].decode("utf-8")
    assert csv.startswith("datum;tid;aktivitet;part;plats;timmar;taggar;deltagare;kommentar\n")
    readme = starter_files()[PurePosixPath("README.md")].decode("utf-8")
    for command in ("loften validate", "loften check", "loften report"):
        assert command in readme


def test_check_passes_out_of_the_box(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("init", str(tmp_path))[0] == 0
    monkeypatch.chdir(tmp_path)
    code, output = run("check", "--as-of", AS_OF)
    assert code == 0, output
    assert "Samlad bedömning: → i fas" in output
    strict = run("check", "--as-of", AS_OF, "--strict")
    assert strict[0] == 0, strict[1]


def test_report_on_the_starter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("init", str(tmp_path))[0] == 0
    monkeypatch.chdir(tmp_path)
    code, _ = run("report", "promises/medborgarlofte.yaml", "-o", "rapport.html", "--as-of", AS_OF)
    assert code == 0
    html = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert html.count('class="chart"') == 5


def test_never_overwrites(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("vår egen README", encoding="utf-8")
    code, output = run("init", str(tmp_path))
    assert code == 2
    assert output.strip().count("\n") == 0  # one clear line
    assert "skriver inte över" in output and "README.md" in output
    assert readme.read_text(encoding="utf-8") == "vår egen README"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]  # nothing else written


def test_second_init_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init")[0] == 0
    code, output = run("init")
    assert code == 2
    assert "promises/medborgarlofte.yaml" in output


def test_ships_an_excel_template_with_the_right_headers(tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    assert run("init", str(tmp_path))[0] == 0
    book = CalamineWorkbook.from_path(str(tmp_path / "logs/medborgarlofte/aktiviteter.xlsx"))
    assert book.sheet_names[0] == "Aktiviteter"
    rows = [r for r in book.get_sheet_by_index(0).to_python() if any(c != "" for c in r)]
    assert rows == [["Datum", "Tid", "Aktivitet", "Part", "Plats", "Timmar", "Taggar", "Deltagare", "Id", "Kommentar"]]
