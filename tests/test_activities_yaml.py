"""YAML logs: scalars typed by the field, never by YAML 1.1; every problem located."""

from __future__ import annotations

import shutil
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest

from loften.activities import LoadedLogs, LogSource, Vocabulary, load_logs

DATA = Path(__file__).parent / "data" / "logs"

VOCAB = Vocabulary(
    types={"insats": "riktad-insats", "riktad-insats": "riktad-insats"},
    parties={"polis": "polis", "kommun": "kommun"},
)


def load_text(tmp_path: Path, text: str | bytes, name: str = "log.yaml") -> LoadedLogs:
    data = text.encode("utf-8") if isinstance(text, str) else text
    (tmp_path / name).write_bytes(data)
    return load_logs([LogSource(Path(name), name)], VOCAB, cwd=tmp_path)


def where(logs: LoadedLogs) -> list[tuple[str, str]]:
    return [(p.code, str(p.where)) for p in logs.errors]


def test_scalars_survive_as_text(tmp_path: Path) -> None:
    shutil.copy(DATA / "scalars.yaml", tmp_path)
    logs = load_logs([LogSource(Path("scalars.yaml"), "scalars.yaml")], VOCAB, cwd=tmp_path)
    assert where(logs) == []
    first, second = logs.activities
    assert first.time == time(19, 0)  # not 1140 minutes
    assert first.end_time == time(21, 30)
    assert first.place == "No"  # not False
    assert first.id == "0114"  # not 114
    assert first.hours == Decimal("2.5")
    assert first.ref == "scalars.yaml:3"
    assert (second.date, second.time) == (date(2020, 3, 15), time(18, 0))
    assert second.parties == ("polis", "kommun")
    assert second.tags == ("ungdomar", "Narkotika")  # kept as written
    assert (second.place, second.id, second.same_as) == ("Yes", "0115", "0114")
    assert second.extra == {"bucket": "2020"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]\n", []),
        ("activities: []\n", []),
        ("", [("log-file-empty", "log.yaml")]),
        ("# bara en kommentar\n", [("yaml-not-a-list", "log.yaml:1:1")]),
        ("date: 2020-01-01\n", [("yaml-entry-without-dash", "log.yaml:1:1")]),
        ("poster:\n- date: 2020-01-01\n", [("yaml-top-level-key", "log.yaml:1:1")]),
        ("just text\n", [("yaml-not-a-list", "log.yaml:1:1")]),
        (
            "- hello\n- [1, 2]\n",
            [("entry-not-mapping", "log.yaml:1:3"), ("entry-not-mapping", "log.yaml:2:3")],
        ),
    ],
)
def test_what_a_yaml_log_holds(tmp_path: Path, text: str, expected: list[tuple[str, str]]) -> None:
    logs = load_text(tmp_path, text)
    assert where(logs) == expected
    assert logs.activities == ()


def test_a_comma_decimal_in_a_flow_mapping_is_caught(tmp_path: Path) -> None:
    logs = load_text(tmp_path, "- {date: 2020-01-01, type: insats, party: polis, hours: 2,5}\n")
    assert where(logs) == [("field-name-invalid", "log.yaml:1:59")]
    assert logs.activities == ()


def test_lists_only_for_party_and_tags(tmp_path: Path) -> None:
    logs = load_text(tmp_path, "- date: 2020-01-01\n  type: [insats, insats]\n  party: polis\n")
    assert where(logs) == [("field-not-list", "log.yaml:2:9")]


def test_a_mapping_value_is_an_error(tmp_path: Path) -> None:
    logs = load_text(tmp_path, "- date: 2020-01-01\n  type: insats\n  party: {id: polis}\n")
    assert [c for c, _ in where(logs)] == ["field-not-scalar"]


def test_english_and_swedish_key_for_one_field(tmp_path: Path) -> None:
    logs = load_text(
        tmp_path, "- date: 2020-01-01\n  datum: 2020-01-02\n  type: insats\n  party: polis\n"
    )
    assert where(logs) == [("field-twice", "log.yaml:2:3")]
    assert "'date'" in logs.errors[0].message("sv") and "'datum'" in logs.errors[0].message("sv")


def test_swedish_keys_in_any_case(tmp_path: Path) -> None:
    logs = load_text(
        tmp_path, "- Datum: 2020-01-01\n  AKTIVITET: Insats\n  Part: polis|kommun\n  Timmar: 1:30\n"
    )
    assert where(logs) == []
    (act,) = logs.activities
    assert (act.type, act.parties, act.hours) == (
        "riktad-insats",
        ("polis", "kommun"),
        Decimal("1.5"),
    )


def test_a_syntax_error_keeps_the_items_before_it(tmp_path: Path) -> None:
    text = (
        "- {date: 2020-01-01, type: insats, party: polis}\n"
        "- {date: 2020-01-02, type: insats, party: polis}\n"
        "- date: 2020-01-03\n"
        "  type: 'insats\n"
    )
    logs = load_text(tmp_path, text)
    assert [p.code for p in logs.errors] == ["yaml-syntax"]
    assert logs.errors[0].where is not None and logs.errors[0].where.line is not None
    assert len(logs.activities) == 2
    assert (logs.files[0].errors, logs.files[0].problems) == (0, 1)  # no row was lost


def test_values_are_located_at_line_and_column(tmp_path: Path) -> None:
    text = "activities:\n  - date: 2020-02-30\n    type: insatts\n    party: polis\n"
    logs = load_text(tmp_path, text)
    assert where(logs) == [
        ("date-impossible", "log.yaml:2:11"),
        ("type-unknown-suggest", "log.yaml:3:11"),
    ]
    assert logs.errors[1].message("sv") == "okänd aktivitetstyp 'insatts'; menade du 'insats'?"
