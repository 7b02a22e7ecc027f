"""The fast lane for spreadsheet rows (issue 7) reads exactly what the general way reads.

Random tables — good rows, broken rows, unknown words, typed Excel cells, extra and
attestation columns, rows with ids — are read twice: through the fast lane and with
it switched off. Every activity, every problem and notice (worded and located), every
count and every link must be the same.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

import pytest

from kit import log_state
from loften.activities import csv_log, xlsx_log
from loften.activities.csv_log import read_csv, read_table
from loften.activities.entry import FileLog
from loften.activities.fields import CellError, Names
from loften.activities.model import Vocabulary

VOCAB = Vocabulary(
    types={"insats": "riktad-insats", "riktad-insats": "riktad-insats", "vandring": "vandring"},
    parties={"polis": "polis", "polisen": "polis", "kommun": "kommun"},
)
PLACES = Vocabulary(
    types=VOCAB.types,
    parties=VOCAB.parties,
    places={"centrum": "centrum", "torget": "torget"},
    columns={"händelsedag": "date"},
)
OPEN = Vocabulary(types=VOCAB.types, parties=VOCAB.parties, places=PLACES.places, open_places=True)

HEADERS = {
    "datum": ["2020-03-14", "2020-03-14T18:00", "2020-02-30", "14/3", "", " 2021-01-05 "],
    "Händelsedag": ["2020-04-01", "x"],
    "tid": ["19:00", "18:00", "25:00", "7.30", ""],
    "sluttid": ["21:00", "nej", ""],
    "slutdatum": ["2020-03-15", "2020-03-13", "2020-03-16", ""],
    "dagar": ["1", "2", "2,5", "0", "-1", "x", ""],
    "timmar": ["2,5", "1:30", "-2", "tre", ""],
    "aktivitet": ["insats", "Riktad-Insats", "vandring", "okänd", "", "  insats "],
    "part": ["polis", "Polisen|kommun", "polis|polis", "|", "okänd", "kommun| polis ", ""],
    "plats": ["Centrum", "torget", "Rådhuset", "", " centrum "],
    "målgrupp": ["unga|narkotika", "unga", "|", ""],
    "deltagare": ["12", "-3", "x", ""],
    "antal": ["3", "0", ""],
    "status": ["genomförd", "planerad", "inställd", "kanske", ""],
    "id": ["a1", "a2", "a1", ""],
    "samma som": ["a1", "zz", ""],
    "svarar": ["a2", ""],
    "anteckning": ["lugnt", ""],
    "skola": ["Björkskolan", "", "12"],
    "av": ["Styrgruppen", ""],
}
LANE = csv_log.lane
TYPED = [
    date(2020, 5, 1),
    datetime(2020, 5, 2, 19, 30),
    datetime(2020, 5, 3),
    time(20, 0),
    timedelta(hours=1, minutes=30),
    CellError("#DIV/0!"),
    CellError(""),
    2.5,  # numbers as calamine gives them: the lane keys them by type, converts once
    12.0,
    3,
    0,
    -1.0,
    True,  # a truth value goes the general way
]


def _table(rng: random.Random, excel: bool) -> list[list[object]]:
    titles = rng.sample(sorted(HEADERS), rng.randint(3, len(HEADERS)))
    for required in ("datum", "aktivitet", "part"):
        if required not in titles and rng.random() < 0.9:
            titles.append(required)
    rng.shuffle(titles)
    if rng.random() < 0.1:
        titles.insert(rng.randrange(len(titles) + 1), "")  # a blank header
    rows: list[list[object]] = [list(titles)]
    for _ in range(rng.randint(1, 40)):
        row: list[object] = []
        for title in titles:
            pool: list[object] = list(HEADERS.get(title, ["", "x"]))
            if excel:
                pool += TYPED
            row.append(rng.choice(pool))
        if rng.random() < 0.05:
            row.append(rng.choice(["", "extra"]))  # a cell beyond the headers
        if rng.random() < 0.03:
            row = [""] * len(row)
        rows.append(row)
    return rows


def _read(rows: list[list[object]], vocab: Vocabulary, excel: bool, fast: bool, mp) -> FileLog:
    mp.setattr(csv_log, "lane", LANE if fast else (lambda header, log: None))
    log = FileLog("log.xlsx" if excel else "log.csv", vocab, Names(vocab))
    if excel:
        read_table(enumerate(rows, 1), log, sheet=None, excel=True, prepare=xlsx_log._Prepare())
    else:
        text = "\n".join(";".join(str(c) for c in row) for row in rows)
        read_csv(text.encode("utf-8"), log)
    return log


def _state(log: FileLog) -> tuple[object, ...]:
    return log_state(log, lambda p: (p.render("sv"), p.severity))


@pytest.mark.parametrize("excel", [False, True])
@pytest.mark.parametrize(
    "vocab", [VOCAB, PLACES, OPEN, None], ids=["vocab", "places", "open", "none"]
)
def test_fast_lane_reads_what_the_general_way_reads(
    excel: bool, vocab: Vocabulary | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(f"{excel}{vocab is None}{vocab and vocab.open_places}")
    for _ in range(150):
        rows = _table(rng, excel)
        general = _state(_read(rows, vocab, excel, False, monkeypatch))  # type: ignore[arg-type]
        fast = _state(_read(rows, vocab, excel, True, monkeypatch))  # type: ignore[arg-type]
        assert fast == general, rows


def test_fast_lane_takes_the_plain_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """It is a lane, not a detour: clean rows do go through it, column by column, and
    only the others reach the general way."""
    from loften.activities import fields

    general: list[int] = []
    entry = fields.Header.entry

    def spy(self, row, cells):
        general.append(row)
        return entry(self, row, cells)

    monkeypatch.setattr(fields.Header, "entry", spy)
    log = FileLog("log.csv", VOCAB, Names(VOCAB))
    rows = ["datum;aktivitet;part", "2020-01-01;insats;polis", "2020-01-02;okand;polis"]
    rows += ["2020-01-03;vandring;kommun", "2020-01-04;insats", "2020-01-05;insats;polis;;"]
    read_csv("\n".join(rows).encode(), log)
    assert general == [3, 5]  # an unknown word, a missing party: said the general way
    assert log.rows == 5 and len(log.entries) == 3 and len(log.errors) == 2
    assert [a.where.row for a in log.entries] == [2, 4, 6]


def test_fast_lane_keeps_row_order_across_batches() -> None:
    """Rows are read in batches; what the general way reads lands in its place."""
    from loften.activities.csv_log import BATCH

    lines = ["datum;aktivitet;part"]
    for n in range(2, BATCH * 2 + 500):
        lines.append(f"2020-01-01;{'insats' if n % 997 else 'okand'};polis")
    log = FileLog("log.csv", VOCAB, Names(VOCAB))
    read_csv("\n".join(lines).encode(), log)
    assert log.rows == len(lines) - 1
    rows = [a.where.row or 0 for a in log.entries]
    assert rows == sorted(rows) and len(rows) == log.rows - len(log.errors)
    failed = [p.where.row if p.where else None for p in log.errors]
    assert failed == [n for n in range(2, len(lines) + 1) if n % 997 == 0]


def test_rows_of_even_width_go_to_the_lane_column_by_column(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A quote-free CSV whose lines all hold as many cells is handed over in column
    blocks (no list per row); rows keep their numbers when the header is not on line 1,
    and a row the lane declines is still said the general way, at its row."""
    from loften.activities.fast import Rows

    blocks: list[range] = []
    take = Rows.take_columns

    def spy(self, numbers, columns, decline):
        blocks.append(numbers)
        return take(self, numbers, columns, decline)

    monkeypatch.setattr(Rows, "take_columns", spy)
    lines = [";;", "datum;aktivitet;part", "2020-01-01;insats;polis", "2020-01-02;okand;polis"]
    lines += ["2020-01-03;vandring;kommun"]
    log = FileLog("log.csv", VOCAB, Names(VOCAB))
    read_csv("\r\n".join(lines).encode(), log)
    assert blocks == [range(3, 6)]
    assert [a.where.row for a in log.entries] == [3, 5]
    assert [p.where.row if p.where else None for p in log.errors] == [4]
    assert log.rows == 3


YAML_VALUES = {
    "date": ["2020-03-14", "2020-03-14T18:00", "2020-02-30", "'2020-03-15'", " 2021-01-05"],
    "datum": ["2020-04-01"],
    "time": ["19:00", "18:00", "25:00", "7.30"],
    "end": ["2020-03-15", "2020-03-13"],
    "days": ["1", "2", "2,5", "0", "x"],
    "hours": ["2,5", "1:30", "-2", "tre"],
    "type": ["insats", "Riktad-Insats", "vandring", "okänd", "[insats, vandring]", "' insats'"],
    "party": ["polis", "Polisen|kommun", "[polis, kommun]", "[polis, okänd]", "'|'", "[]"],
    "place": ["Centrum", "torget", "Rådhuset", "[a, b]"],
    "tags": ["[unga, narkotika]", "unga", "[unga, [x]]", "'|'"],
    "participants": ["12", "-3"],
    "quantity": ["3", "0"],
    "status": ["genomförd", "planerad", "kanske"],
    "id": ["a1", "a2", "' a3 '"],
    "same_as": ["a1", "zz"],
    "answers": ["a2"],
    "notes": ["lugnt", "'  med mellanslag  '", "{a: 1}"],
    "skola": ["Björkskolan", "[a, b]", "12"],
    "av": ["Styrgruppen"],
    "attests": ["insatser"],
    "evidence": ["protokoll"],
}


def _yaml(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 30)):
        if rng.random() < 0.03:
            lines.append("- just text")
            continue
        keys = rng.sample(sorted(YAML_VALUES), rng.randint(2, 9))
        for required in ("date", "type", "party"):
            if required not in keys and rng.random() < 0.85:
                keys.append(required)
        if "attests" in keys and rng.random() < 0.7:
            keys.remove("attests")
        if rng.random() < 0.03:
            keys.append(keys[0])  # a key twice
        rng.shuffle(keys)
        for i, key in enumerate(keys):
            lines.append(("- " if i == 0 else "  ") + f"{key}: {rng.choice(YAML_VALUES[key])}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "vocab", [VOCAB, PLACES, OPEN, None], ids=["vocab", "places", "open", "none"]
)
def test_yaml_fast_lane_reads_what_the_general_way_reads(
    vocab: Vocabulary | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from loften.activities import yaml_log
    from loften.activities.fast import Items

    class Never(Items):
        def activity(self, values, names, where):
            return None

    def read(text: str, fast: bool) -> tuple[object, ...]:
        monkeypatch.setattr(yaml_log, "Items", Items if fast else Never)
        log = FileLog("log.yaml", vocab, Names(vocab))
        yaml_log.read_yaml(text.encode("utf-8"), log)
        return _state(log)

    rng = random.Random(f"yaml{vocab is None}{vocab and vocab.open_places}")
    for _ in range(300):
        text = _yaml(rng)
        assert read(text, True) == read(text, False), text


def test_remembered_cells_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A field of free text (notes) is different on every row: the lane forgets its
    remembered cells past a limit instead of holding a million, and reads the same."""
    from loften.activities import fast as fast_module

    monkeypatch.setattr(fast_module, "CACHE_LIMIT", 5)
    lines = ["datum;aktivitet;part;anteckning"]
    lines += [f"2020-01-{1 + n % 28:02d};insats;polis;anteckning {n}" for n in range(3000)]
    log = FileLog("log.csv", VOCAB, Names(VOCAB))
    read_csv("\n".join(lines).encode(), log)
    assert [getattr(a, "notes", None) for a in log.entries] == [
        f"anteckning {n}" for n in range(3000)
    ]
    assert all(len(cache) <= 6 for cache in log.names.cells.values())
    rng = random.Random("bounded")
    for _ in range(60):
        rows = _table(rng, excel=rng.random() < 0.5)
        excel = any(not isinstance(c, str) for row in rows for c in row)
        general = _state(_read(rows, VOCAB, excel, False, monkeypatch))
        fast = _state(_read(rows, VOCAB, excel, True, monkeypatch))
        assert fast == general, rows
