"""CSV logs as Swedish offices write them: Excel's semicolons, BOMs, old encodings."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loften.activities import LoadedLogs, LogSource, Vocabulary, load_logs
from loften.activities.csv_log import _split, detect_delimiter

DATA = Path(__file__).parent / "data" / "logs"

VOCAB = Vocabulary(
    types={
        "insats": "riktad-insats",
        "riktad insats": "riktad-insats",
        "riktad-insats": "riktad-insats",
        "trygghetsvandring": "trygghetsvandring",
    },
    parties={"polis": "polis", "polisen": "polis", "kommun": "kommun"},
)


def load_fixture(tmp_path: Path, name: str, vocab: Vocabulary | None = VOCAB) -> LoadedLogs:
    shutil.copy(DATA / name, tmp_path / name)
    return load_logs([LogSource(Path(name), name)], vocab, cwd=tmp_path)


def load_text(
    tmp_path: Path, text: str | bytes, name: str = "log.csv", vocab: Vocabulary | None = VOCAB
) -> LoadedLogs:
    data = text.encode("utf-8") if isinstance(text, str) else text
    (tmp_path / name).write_bytes(data)
    return load_logs([LogSource(Path(name), name)], vocab, cwd=tmp_path)


def rendered(logs: LoadedLogs) -> list[str]:
    return [p.render("sv") for p in logs.errors]


def test_swedish_excel_csv_loads_with_values_and_spreadsheet_rows(tmp_path: Path) -> None:
    logs = load_fixture(tmp_path, "swedish-excel.csv")
    assert rendered(logs) == []
    assert logs.notices == ()
    first, second, third = logs.activities
    assert [a.ref for a in logs.activities] == [
        "swedish-excel.csv:2",
        "swedish-excel.csv:3",
        "swedish-excel.csv:4",  # right after a cell with a line break
    ]
    assert (first.date, first.time, first.type) == (date(2020, 3, 14), time(19), "riktad-insats")
    assert first.hours == Decimal("2.5")
    assert first.tags == ("ungdomar", "narkotika")
    assert first.participants == 12
    assert first.place == "Rådhustorget"  # no places in the promise: free text
    assert second.parties == ("polis", "kommun")
    assert second.hours == Decimal("1.5")
    assert second.notes == "Samling vid stationen;\nsedan runt torget"
    assert third.parties == ("polis",)  # the alias Polisen
    assert third.hours == Decimal("0.75")
    assert [(f.path, f.rows, f.activities, f.errors) for f in logs.files] == [
        ("swedish-excel.csv", 3, 3, 0)
    ]


def test_windows_1252_is_read_with_a_warning(tmp_path: Path) -> None:
    logs = load_fixture(tmp_path, "windows-1252.csv")
    assert rendered(logs) == []
    assert [(p.code, p.severity, str(p.where)) for p in logs.notices] == [
        ("csv-cp1252", "warning", "windows-1252.csv")
    ]
    assert [a.place for a in logs.activities] == ["Köpmangatan", "Rådhustorget"]
    assert logs.activities[1].notes == "Möte på Åsgatan"


def test_utf16_with_bom_and_tabs(tmp_path: Path) -> None:
    logs = load_fixture(tmp_path, "utf16.csv")
    assert rendered(logs) == []
    assert logs.notices == ()
    assert [a.hours for a in logs.activities] == [Decimal("2.5"), Decimal(1)]
    assert [a.ref for a in logs.activities] == ["utf16.csv:2", "utf16.csv:3"]


def test_tsv_keeps_commas_and_semicolons_in_cells(tmp_path: Path) -> None:
    logs = load_fixture(tmp_path, "tabs.tsv")
    assert rendered(logs) == []
    assert [a.notes for a in logs.activities] == ["comma, inside", "semi; colon"]


@pytest.mark.parametrize(
    ("header", "default", "expected"),
    [
        ("datum;typ;part", ",", ";"),
        ("datum,typ,part", ",", ","),
        ("datum\ttyp\tpart", ",", "\t"),
        ('"datum;x",typ,part', ",", ","),  # a delimiter inside quotes does not count
        ("datum", ",", ","),
        ("datum", "\t", "\t"),
        ("\n\ndatum;typ\n", ",", ";"),  # leading blank lines
        ("a;b,c", ",", ";"),  # a tie goes to Swedish Excel's semicolon
    ],
)
def test_delimiter_detection(header: str, default: str, expected: str) -> None:
    assert detect_delimiter(header, default) == expected


def test_row_numbers_stay_right_after_multiline_cells(tmp_path: Path) -> None:
    text = (
        "datum;typ;part;anteckning\n"
        '2020-01-01;insats;polis;"en\nlång\nanteckning"\n'
        "2020-01-02;okänd;polis;\n"
        '2020-01-03;insats;polis;"två\r\nrader"\n'
        "2020-01-04;insats;nobody;\n"
    )
    logs = load_text(tmp_path, text)
    assert [str(p.where) for p in logs.errors] == [
        "log.csv:row 3, column 'typ'",
        "log.csv:row 5, column 'part'",
    ]
    assert [a.ref for a in logs.activities] == ["log.csv:2", "log.csv:4"]


@pytest.mark.parametrize(
    ("text", "codes", "where"),
    [
        (
            "datum;typ;part\n2020-01-01;insats;polis;extra\n",
            ["row-too-many-cells"],
            ["log.csv:row 2"],
        ),
        (
            "datum;;typ;part\n2020-01-01;x;insats;polis\n",
            ["column-blank-header"],
            ["log.csv:row 1"],  # a problem of the header, located there
        ),
        (
            "datum;Date;typ;part\n2020-01-01;2020-01-01;insats;polis\n",
            ["field-twice"],
            ["log.csv:row 1, column 'Date'"],
        ),
        ("typ;part\ninsats;polis\n", ["column-missing"], ["log.csv:row 1"]),
        (
            "datum;tpye;part\n2020-01-01;insats;polis\n",
            ["column-missing-typo"],
            ["log.csv:row 1, column 'tpye'"],
        ),
        ("\n\n\n", ["table-no-header"], ["log.csv"]),
        ('datum;typ;part\n2020-01-01;"insats;polis\n', ["csv-unclosed-quote"], ["log.csv:row 2"]),
        ('datum;typ;part\n2020-01-01;"ins"ats;polis\n', ["csv-after-quote"], ["log.csv:row 2"]),
        (b"datum;typ\x00;part\n", ["csv-binary"], ["log.csv"]),
        (b"PK\x03\x04\x14\x00\x06\x00xl/workbook.xml", ["csv-workbook"], ["log.csv"]),
        (b"PK\x03\x04\x14\x00\x06\x00", ["log-wrong-kind"], ["log.csv"]),
        (b"\xff\xfe\x00\xd8", ["csv-bad-utf16"], ["log.csv"]),
        (b"", ["log-file-empty"], ["log.csv"]),
    ],
)
def test_broken_csv_gives_located_errors(
    tmp_path: Path, text: str | bytes, codes: list[str], where: list[str]
) -> None:
    logs = load_text(tmp_path, text)
    assert [p.code for p in logs.errors] == codes
    assert [str(p.where) for p in logs.errors] == where
    for problem in logs.errors:
        assert problem.message("sv") and problem.message("en")


def test_two_headers_for_one_field_are_named(tmp_path: Path) -> None:
    logs = load_text(tmp_path, "Datum;Date;typ;part\n")
    (problem,) = logs.errors
    assert "'Datum'" in problem.message("sv") and "'Date'" in problem.message("sv")


def test_header_only_csv_is_valid_and_empty(tmp_path: Path) -> None:
    logs = load_text(tmp_path, "datum;typ;part\r\n")
    assert logs.errors == () and logs.activities == ()
    assert [(f.rows, f.activities, f.errors) for f in logs.files] == [(0, 0, 0)]


def test_trailing_empty_rows_and_columns_are_ignored(tmp_path: Path) -> None:
    logs = load_text(tmp_path, "datum;typ;part;;\r\n2020-01-01;insats;polis;;\r\n;;;;\r\n\r\n")
    assert rendered(logs) == []
    assert len(logs.activities) == 1
    assert logs.files[0].rows == 1


def test_columns_map_foreign_headers(tmp_path: Path) -> None:
    vocab = Vocabulary(
        types=VOCAB.types,
        parties=VOCAB.parties,
        columns={"händelsedatum": "date", "utförare": "part", "område": "omrade"},
    )
    text = "Händelsedatum;Typ;Utförare;Område\n2020-02-03;insats;kommun;Norr\n"
    logs = load_text(tmp_path, text, vocab=vocab)
    assert rendered(logs) == []
    (act,) = logs.activities
    assert (act.date, act.parties, act.extra) == (date(2020, 2, 3), ("kommun",), {"omrade": "Norr"})
    assert logs.fields == frozenset({"omrade"})


def test_a_mapped_column_beside_the_builtin_one_is_an_error(tmp_path: Path) -> None:
    vocab = Vocabulary(types=VOCAB.types, parties=VOCAB.parties, columns={"händelsedatum": "date"})
    logs = load_text(tmp_path, "Datum;Händelsedatum;Typ;Part\n", vocab=vocab)
    assert [p.code for p in logs.errors] == ["field-twice"]
    assert "'Datum'" in logs.errors[0].message("en")


def test_unknown_headers_are_notices_without_a_promise(tmp_path: Path) -> None:
    logs = load_text(tmp_path, "datum;typ;part;Ansvarig\n2020-01-01;Insats;Polis;Eva\n", vocab=None)
    assert rendered(logs) == []
    assert [(p.code, p.severity, str(p.where)) for p in logs.notices] == [
        ("column-unknown", "notice", "log.csv:row 1, column 'Ansvarig'")
    ]
    (act,) = logs.activities
    assert (act.type, act.parties, act.extra) == ("insats", ("polis",), {"ansvarig": "Eva"})


@given(
    st.lists(st.sampled_from(["a", "b c", ";", "\n", "\r", "\r\n", "\r\r\n", ""]), max_size=30)
)
def test_quote_free_split_reads_records_as_the_csv_module_does(parts: list[str]) -> None:
    """The quick split of a quote-free text (any mix of \\n, \\r\\n and lone \\r) gives
    the records, and their numbers, that the csv module gives after the line ends
    are made \\n."""
    text = "".join(parts)
    split = _split(text, ";")
    assert split is not None
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(io.StringIO(plain, newline=""), delimiter=";", strict=True)
    assert list(split) == list(enumerate(reader, 1))
