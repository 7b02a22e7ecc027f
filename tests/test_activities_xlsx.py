"""Excel logs: cells by value, the sheet's own row numbers, and the sheet in locations."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from loften.activities import LoadedLogs, LogSource, Vocabulary, load_logs

VOCAB = Vocabulary(
    types={"insats": "riktad-insats", "riktad-insats": "riktad-insats"},
    parties={"polis": "polis", "kommun": "kommun"},
)


def workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Aktiviteter"
    first.append([])  # the header need not be on row 1
    first.append(["Datum", "Tid", "Aktivitet", "Part", "Timmar", "Deltagare", "Id", None])
    first.append([date(2020, 3, 14), time(19, 0), "insats", "polis", 2.5, 12, 114])
    first.append([datetime(2020, 3, 15, 18, 30), None, "Insats", "kommun", "2,5", None, "0115"])
    first.append([])
    first.append(["2020-03-16", "19:00", "insats", "polis", 3, 0.1, None])
    second = book.create_sheet("Intyg")
    second.append(["intygar", "status", "datum", "av", "underlag"])
    second.append(["polis-insatser", "genomförd", date(2020, 12, 8), "Styrgruppen", "Protokoll"])
    second.append(["polis-insatser", "genomförd", date(2020, 12, 9), "Styrgruppen", None])
    book.save(path)


def load(tmp_path: Path, sheet: str | None = None) -> LoadedLogs:
    workbook(tmp_path / "book.xlsx")
    source = LogSource(Path("book.xlsx"), "book.xlsx", sheet=sheet)
    return load_logs([source], VOCAB, cwd=tmp_path)


def test_cells_are_used_by_value(tmp_path: Path) -> None:
    logs = load(tmp_path)
    first, second = logs.activities
    assert (first.date, first.time, first.hours) == (date(2020, 3, 14), time(19), Decimal("2.5"))
    assert (first.participants, first.id) == (12, "114")
    assert (second.date, second.time, second.hours) == (
        date(2020, 3, 15),
        time(18, 30),
        Decimal("2.5"),
    )
    assert second.id == "0115"
    assert [a.ref for a in logs.activities] == ["book.xlsx:3", "book.xlsx:4"]
    # 0.1 participants is not a whole number: an error at its row and header
    assert [(p.code, str(p.where)) for p in logs.errors] == [
        ("int-invalid", "book.xlsx:row 6, column 'Deltagare'")
    ]
    assert [(f.rows, f.activities, f.errors) for f in logs.files] == [(3, 2, 1)]


def test_a_named_sheet_is_read_and_named_in_locations(tmp_path: Path) -> None:
    logs = load(tmp_path, sheet="Intyg")
    (att,) = logs.attestations
    assert (att.date, att.status, att.evidence) == (date(2020, 12, 8), "done", "Protokoll")
    assert att.ref == "book.xlsx#Intyg:2"
    assert [p.render("sv") for p in logs.errors] == [
        "book.xlsx#Intyg:row 3, column 'underlag': underlag saknas"
    ]


@pytest.mark.parametrize(
    ("sheet", "code"),
    [("Intyganden", "xlsx-sheet-unknown-suggest"), ("Blad9", "xlsx-sheet-unknown")],
)
def test_an_unknown_sheet_names_the_sheets(tmp_path: Path, sheet: str, code: str) -> None:
    logs = load(tmp_path, sheet=sheet)
    assert [p.code for p in logs.errors] == [code]
    assert "Aktiviteter, Intyg" in logs.errors[0].message("sv")


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (b"datum;typ;part\n", "xlsx-is-text", "ge den ändelsen .csv"),
        (b"PK\x03\x04truncated", "log-wrong-kind", "ZIP-arkiv"),
        (b"PK\x03\x04xl/workbook.xml truncated", "xlsx-unreadable", "Excel-arbetsbok"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old excel", "log-wrong-kind", "äldre Office-fil"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "log-wrong-kind", "PNG-bild"),
        (b"\x00\x01\x02\x03", "log-wrong-kind", "binärfil"),
    ],
)
def test_a_file_that_is_not_a_workbook(tmp_path: Path, data: bytes, code: str, words: str) -> None:
    (tmp_path / "bad.xlsx").write_bytes(data)
    logs = load_logs([LogSource(Path("bad.xlsx"), "bad.xlsx")], VOCAB, cwd=tmp_path)
    assert [(p.code, str(p.where)) for p in logs.errors] == [(code, "bad.xlsx")]
    assert words in logs.errors[0].message("sv")


def test_an_empty_sheet_has_no_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.save(tmp_path / "empty.xlsx")
    logs = load_logs([LogSource(Path("empty.xlsx"), "empty.xlsx")], VOCAB, cwd=tmp_path)
    assert [p.code for p in logs.errors] == ["table-no-header"]
