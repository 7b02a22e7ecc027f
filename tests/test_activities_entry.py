"""The rules of one log entry (SPEC §3.1, §3.2), the same for YAML, CSV and Excel."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from loften.activities import Activity, Attestation, LoadedLogs, LogSource, Vocabulary, load_logs

VOCAB = Vocabulary(
    types={
        "insats": "riktad-insats",
        "riktad-insats": "riktad-insats",
        "trygghetsvandring": "trygghetsvandring",
    },
    parties={"polis": "polis", "lpo hälsingland": "polis", "kommun": "kommun"},
    places={"centrum": "centrum", "rådhustorget": "radhustorget"},
)
OPEN = Vocabulary(VOCAB.types, VOCAB.parties, VOCAB.places, open_places=True)
BASE = "date: 2020-03-14\ntype: insats\nparty: polis\n"


def load_yaml(tmp_path: Path, item: str, vocab: Vocabulary | None = VOCAB) -> LoadedLogs:
    text = "- " + item.strip().replace("\n", "\n  ") + "\n"
    (tmp_path / "log.yaml").write_text(text, encoding="utf-8")
    return load_logs([LogSource(Path("log.yaml"), "log.yaml")], vocab, cwd=tmp_path)


def load_csv(tmp_path: Path, text: str, vocab: Vocabulary | None = VOCAB) -> LoadedLogs:
    (tmp_path / "log.csv").write_text(text, encoding="utf-8")
    return load_logs([LogSource(Path("log.csv"), "log.csv")], vocab, cwd=tmp_path)


def only(logs: LoadedLogs) -> Activity:
    assert [p.render("en") for p in logs.errors] == []
    (act,) = logs.activities
    return act


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (BASE, {"end": date(2020, 3, 14), "days": Decimal(1), "status": "done", "quantity": 1}),
        (BASE + "end: 2020-03-16", {"end": date(2020, 3, 16), "days": Decimal(3)}),
        (BASE + "days: 2", {"end": date(2020, 3, 15), "days": Decimal(2)}),
        (BASE + "dagar: 2,5", {"end": date(2020, 3, 16), "days": Decimal("2.5")}),
        (BASE + "days: 0,5\nend: 2020-03-14", {"days": Decimal("0.5")}),
        (BASE + "end: 2020-03-15\ndays: 2", {"days": Decimal(2)}),
        (BASE + "hours: 1:30", {"hours": Decimal("1.5")}),
        (BASE + "tid: 7:05\nsluttid: 9:00", {"time": time(7, 5), "end_time": time(9)}),
        ("date: 2020-03-14T18:30\ntype: insats\nparty: polis", {"time": time(18, 30)}),
        ("date: 2020-03-14 18:30\ntime: 18:30\ntype: insats\nparty: polis", {"time": time(18, 30)}),
        ("date: 2020-03-14\ntype: Riktad-Insats\nparty: LPO Hälsingland", {"parties": ("polis",)}),
        (
            "date: 2020-03-14\ntype: insats\nparty: polis|kommun|polis",
            {"parties": ("polis", "kommun")},
        ),
        (BASE + "place: Rådhustorget", {"place": "radhustorget"}),
        (BASE + "taggar: Ungdomar | narkotika", {"tags": ("Ungdomar", "narkotika")}),
        (BASE + "status: inställd", {"status": "cancelled"}),
        (BASE + "status: Planned", {"status": "planned"}),
        (BASE + "antal: 3", {"quantity": 3}),
        (BASE + "deltagare: 0", {"participants": 0}),
        (BASE + "anteckning: Lugnt", {"notes": "Lugnt"}),
        (BASE + "notes: ''", {"notes": None}),  # an empty value is absent
        (
            BASE + "Skola: Norrtull\nantal ungdomar: 12",
            {"extra": {"skola": "Norrtull", "antal ungdomar": "12"}},
        ),
        (BASE + "underlag: rapport.pdf", {"extra": {"underlag": "rapport.pdf"}}),
    ],
)
def test_activity_values(tmp_path: Path, item: str, expected: dict[str, Any]) -> None:
    act = only(load_yaml(tmp_path, item))
    assert {k: getattr(act, k) for k in expected} == expected


@pytest.mark.parametrize(
    ("item", "code", "line", "message"),
    [
        (
            "date: 2020-03-14\ntype: insatts\nparty: polis",
            "type-unknown-suggest",
            2,
            "menade du 'insats'",
        ),
        (
            "date: 2020-03-14\ntype: möte\nparty: polis",
            "type-unknown",
            2,
            "kända typer: riktad-insats",
        ),
        ("date: 2020-03-14\ntype: insats\nparty: Polisen", "party-unknown-suggest", 3, "'polis'"),
        (
            "date: 2020-03-14\ntype: insats\nparty: [polis, brandkåren]",
            "party-unknown",
            3,
            "brandkåren",
        ),
        (BASE + "place: Hamnen", "place-unknown", 4, "okänd plats 'Hamnen'; kända platser"),
        (BASE + "place: Rådhustorg", "place-unknown-suggest", 4, "menade du 'rådhustorget'"),
        (BASE + "end: 2020-03-13", "end-before-date", 4, "2020-03-13 ligger före"),
        (BASE + "end: 2020-03-15\ndays: 3", "days-disagree", 5, "3 dagar stämmer inte"),
        (BASE + "days: 0", "days-not-positive", 4, "större än noll"),
        (BASE + "hours: två", "hours-invalid", 4, "'två'"),
        (BASE + "time: 25:00", "time-invalid", 4, "25:00"),
        (BASE + "datum: 2020-03-15", "field-twice", 4, "'datum'"),
        (
            "date: 2020-03-14T18:00\ntime: 19:00\ntype: insats\nparty: polis",
            "time-twice",
            2,
            "18:00",
        ),
        (BASE + "participants: -1", "value-below-minimum", 4, "minst 0"),
        (BASE + "quantity: 0", "value-below-minimum", 4, "minst 1"),
        (BASE + "status: klar", "status-invalid", 4, "'klar'"),
        ("date: 2020-02-30\ntype: insats\nparty: polis", "date-impossible", 1, "2020-02-30"),
        ("type: insats\nparty: polis", "field-missing", 1, "datum saknas"),
        ("date: 2020-03-14\ntpye: insats\nparty: polis", "field-missing-typo", 1, "'tpye'"),
        ("date: 2020-03-14\ntype: insats", "field-missing", 1, "part saknas"),
        ("date: 2020-03-14\ntype: insats\nparty: ''", "field-missing", 3, "part saknas"),
    ],
)
def test_activity_errors(tmp_path: Path, item: str, code: str, line: int, message: str) -> None:
    logs = load_yaml(tmp_path, item)
    assert [p.code for p in logs.errors] == [code]
    (problem,) = logs.errors
    assert problem.where is not None and problem.where.line == line
    assert message in problem.message("sv")
    assert logs.activities == ()


def test_an_error_in_a_csv_cell_names_its_row_and_header(tmp_path: Path) -> None:
    logs = load_csv(
        tmp_path, "Datum;Aktivitet;Part;Slutdatum\n2020-03-14;insats;polis;2020-03-01\n"
    )
    assert [p.render("sv") for p in logs.errors] == [
        "log.csv:row 2, column 'Slutdatum': slutdatum 2020-03-01 ligger före datum 2020-03-14"
    ]


def test_a_missing_cell_is_located_at_its_column(tmp_path: Path) -> None:
    logs = load_csv(tmp_path, "Datum;Aktivitet;Part\n2020-03-14;;polis\n")
    assert [p.render("en") for p in logs.errors] == [
        "log.csv:row 2, column 'Aktivitet': the type is missing"
    ]


def test_open_places_keeps_an_unknown_place_with_a_notice(tmp_path: Path) -> None:
    logs = load_yaml(tmp_path, BASE + "place: Östra torget", vocab=OPEN)
    assert only(logs).place == "Östra torget"
    assert [(p.code, p.severity, str(p.where)) for p in logs.notices] == [
        ("place-kept", "notice", "log.yaml:4:10")
    ]


def test_without_a_promise_words_are_kept_normalised(tmp_path: Path) -> None:
    act = only(
        load_yaml(
            tmp_path, "date: 2020-03-14\ntype: Okänd Typ\nparty: Vem|Som\nplace: Torget", None
        )
    )
    assert (act.type, act.parties, act.place) == ("okänd typ", ("vem", "som"), "Torget")


def test_an_attestation(tmp_path: Path) -> None:
    item = (
        "intygar: polis-insatser/Samverkan\nstatus: ej genomförd\ndatum: 2020-12-08\n"
        "av: Styrgruppen\nunderlag: Protokoll 2020-12-08\nperiod: 2020\nanteckning: ok"
    )
    logs = load_yaml(tmp_path, item)
    assert logs.errors == () and logs.activities == ()
    (att,) = logs.attestations
    assert att == Attestation(
        where=att.where,
        attests="polis-insatser/samverkan",
        status="not-done",
        date=date(2020, 12, 8),
        by="Styrgruppen",
        evidence="Protokoll 2020-12-08",
        bucket="2020",
    )
    assert att.ref == "log.yaml:1"
    assert [(f.rows, f.activities) for f in logs.files] == [(1, 1)]


@pytest.mark.parametrize(
    ("item", "codes"),
    [
        ("attests: x\nstatus: done\ndate: 2020-01-01\nby: Eva", ["field-missing"]),
        (
            "attests: x\nstatus: klar\ndate: 2020-01-01\nby: Eva\nevidence: e",
            ["attestation-status-invalid"],
        ),
        ("attests: x\ndate: 2020-01-01\nby: Eva\nevidence: e", ["field-missing"]),
        ("attests: x\nstatus: done\nby: Eva\nevidence: e", ["field-missing"]),
        ("attests: x\nstatus: done\ndate: 2020-01-01\nevidence: e", ["field-missing"]),
        (
            "attests: x\nstatus: done\ndate: 2020-01-01\nby: Eva\nevidence: e\ntype: insats",
            ["attestation-field"],
        ),
        (
            "attests: x\nstatus: done\ndate: 2020-01-01\nby: Eva\nevidance: e",
            ["attestation-field-suggest", "field-missing-typo"],
        ),
    ],
)
def test_attestation_errors(tmp_path: Path, item: str, codes: list[str]) -> None:
    logs = load_yaml(tmp_path, item)
    assert sorted(p.code for p in logs.errors) == sorted(codes)
    assert logs.attestations == ()
