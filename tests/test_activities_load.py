"""Loading all logs of a promise: folders, paths, ids across files, and nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loften.activities import LoadedLogs, LogSource, Vocabulary, load_logs
from loften.errors import Location

DATA = Path(__file__).parent / "data" / "logs"
PROMISE = Location("promises/p.yaml", line=12, column=5)

VOCAB = Vocabulary(
    types={"insats": "riktad-insats", "vandring": "vandring"},
    parties={"polis": "polis", "kommun": "kommun"},
)


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)


def load_folder(tmp_path: Path, files: dict[str, str | bytes]) -> LoadedLogs:
    write(tmp_path / "logs", files)
    return load_logs([LogSource(Path("logs"), "logs", where=PROMISE)], VOCAB, cwd=tmp_path)


def codes_at(logs: LoadedLogs) -> list[tuple[str, str]]:
    return [(p.code, str(p.where)) for p in logs.errors]


def test_a_folder_is_read_recursively_in_code_point_order(tmp_path: Path) -> None:
    shutil.copytree(DATA / "folder", tmp_path / "logs")
    logs = load_logs([LogSource(Path("logs"), "logs")], VOCAB, cwd=tmp_path)
    assert logs.errors == ()
    # "B.yaml" sorts before "a.csv"; ~$ lock files, dot files and dot folders are skipped
    assert [f.path for f in logs.files] == [
        "logs/B.yaml",
        "logs/a.csv",
        "logs/sub/c.yml",
        "logs/sub/d.txt",
    ]
    assert [a.ref for a in logs.activities] == [
        "logs/B.yaml:1",
        "logs/a.csv:2",
        "logs/sub/c.yml:1",
        "logs/sub/d.txt:2",
    ]


def test_a_missing_path_is_located_in_the_promise(tmp_path: Path) -> None:
    source = LogSource(Path("../logs/saknas"), "../logs/saknas", where=PROMISE)
    logs = load_logs([source], VOCAB, cwd=tmp_path)
    assert [p.render("sv") for p in logs.errors] == [
        "promises/p.yaml:12:5: loggen '../logs/saknas' finns inte"
    ]
    assert logs.files == ()


def test_paths_outside_cwd_are_absolute(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere", {"a.yaml": "- {date: 2020-01-01, type: insats, party: polis}\n"})
    (tmp_path / "here").mkdir()
    source = LogSource(tmp_path / "elsewhere" / "a.yaml", "a.yaml")
    logs = load_logs([source], VOCAB, cwd=tmp_path / "here")
    assert [f.path for f in logs.files] == [(tmp_path / "elsewhere" / "a.yaml").as_posix()]


def test_sources_that_cannot_be_logs(tmp_path: Path) -> None:
    write(tmp_path, {"a.json": "[]", "b.csv": "datum;typ;part\n"})
    sources = [
        LogSource(Path("a.json"), "a.json", where=PROMISE),
        LogSource(Path("b.csv"), "b.csv", sheet="Blad1", where=PROMISE),
    ]
    logs = load_logs(sources, VOCAB, cwd=tmp_path)
    assert [p.code for p in logs.errors] == ["log-file-type", "log-sheet-not-workbook"]


def test_a_file_listed_twice_is_read_once(tmp_path: Path) -> None:
    write(tmp_path / "logs", {"a.yaml": "- {date: 2020-01-01, type: insats, party: polis}\n"})
    sources = [LogSource(Path("logs"), "logs"), LogSource(Path("logs/a.yaml"), "logs/a.yaml")]
    logs = load_logs(sources, VOCAB, cwd=tmp_path)
    assert len(logs.activities) == 1
    assert [p.code for p in logs.notices] == ["log-listed-twice"]


def test_an_empty_folder_is_a_notice(tmp_path: Path) -> None:
    (tmp_path / "logs").mkdir()
    logs = load_logs([LogSource(Path("logs"), "logs", where=PROMISE)], VOCAB, cwd=tmp_path)
    assert logs.errors == ()
    assert [p.code for p in logs.notices] == ["log-folder-empty"]


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    logs = load_folder(
        tmp_path,
        {
            "a.csv": "datum;typ;part;id\n2020-01-01;insats;polis;K-14\n",
            "b.yaml": "- date: 2020-01-02\n  type: insats\n  party: kommun\n  id: k-14\n",
        },
    )
    assert codes_at(logs) == [("id-duplicate", "logs/b.yaml:4:7")]
    assert "logs/a.csv:2" in logs.errors[0].message("sv")
    assert [a.ref for a in logs.activities] == ["logs/a.csv:2"]
    assert [(f.path, f.rows, f.activities, f.errors) for f in logs.files] == [
        ("logs/a.csv", 1, 1, 0),
        ("logs/b.yaml", 1, 0, 1),
    ]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("a;;\nb;;a\n", []),  # b is the same activity as a
        ("a;;\nb;;x\n", [("same-as-unknown", "logs/a.csv:row 3, column 'samma_som'")]),
        ("a;;\nb;;A\nc;;b\n", [("same-as-chain", "logs/a.csv:row 4, column 'samma_som'")]),
        ("a;;a\n", [("same-as-self", "logs/a.csv:row 2, column 'samma_som'")]),
        ("a;;\nb;a;\n", []),
        ("a;;\nb;q;\n", [("answers-unknown", "logs/a.csv:row 3, column 'svarar'")]),
        (
            "abc-1;;\nb;;abc-2\n",
            [("same-as-unknown-suggest", "logs/a.csv:row 3, column 'samma_som'")],
        ),
    ],
)
def test_same_as_and_answers_name_known_ids(
    tmp_path: Path, rows: str, expected: list[tuple[str, str]]
) -> None:
    lines = "".join(f"2020-01-01;insats;polis;{row}\n" for row in rows.splitlines())
    logs = load_folder(tmp_path, {"a.csv": "datum;typ;part;id;svarar;samma_som\n" + lines})
    assert codes_at(logs) == expected
    stats = logs.files[0]
    assert stats.rows == stats.activities + len(expected)


MESSY: dict[str, str | bytes] = {
    "a.yaml": (
        "- {date: 2020-01-01, type: insats, party: polis}\n"
        "- {date: 2020-13-01, type: insats, party: polis}\n"
        "- {date: 2020-01-02, type: nope, party: nobody, hours: x}\n"
        "- text\n"
        "- attests: c\n  status: done\n  date: 2020-01-01\n  by: Eva\n  evidence: e\n"
    ),
    "b.csv": (
        "datum;typ;part;timmar\n"
        "2020-01-01;insats;polis;2,5\n"
        "2020-01-02;insats;polis;1;extra\n"
        ";;;\n"
        "2020-01-03;;polis;\n"
        "2020-01-04;vandring;kommun;\n"
    ),
}


def test_every_row_is_an_entry_or_an_error(tmp_path: Path) -> None:
    logs = load_folder(tmp_path, MESSY)
    for stats in logs.files:
        rows_with_errors = {
            p.where.line or p.where.row
            for p in logs.errors
            if p.where is not None and p.where.path == stats.path
        }
        assert stats.rows == stats.activities + len(rows_with_errors)
        assert stats.errors == len(rows_with_errors)
        assert stats.problems == sum(
            1 for p in logs.errors if p.where and p.where.path == stats.path
        )
    assert [(f.path, f.rows, f.activities) for f in logs.files] == [
        ("logs/a.yaml", 5, 2),
        ("logs/b.csv", 4, 2),
    ]
    assert len(logs.attestations) == 1


def test_errors_are_sorted_by_file_and_row(tmp_path: Path) -> None:
    logs = load_folder(tmp_path, MESSY)
    assert list(logs.errors) == sorted(logs.errors, key=lambda p: p.sort_key())


def _alias_bomb() -> bytes:
    """Nine levels of ten aliases each, as list items: a billion nodes if expanded."""
    lines = ["- &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"- &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return ("\n".join(lines) + "\n").encode()


BROKEN: list[tuple[str, bytes]] = [
    ("empty.yaml", b""),
    ("binary.csv", b"\x00\x01\x02\x03"),
    ("zip.csv", b"PK\x03\x04\x14\x00"),
    ("tabs.yaml", b"- date: 2020-01-01\n\ttype: x\n"),
    ("latin1.yaml", b"- date: 2020-01-01\n  type: \xe5\n"),
    ("scalar.yml", b"42\n"),
    ("bomb.yaml", _alias_bomb()),
    ("fake.xlsx", b"this is not excel"),
    ("quote.csv", b'datum,typ,part\n2020-01-01,"insats,polis\n'),
    ("nested.yaml", b"- date: [[[[x]]]]\n  type: {a: b}\n  party: polis\n"),
    ("noheader.tsv", b"\t\t\n\t\t\n"),
    ("dates.csv", b"datum;typ;part\n2020-02-30;insats;polis\n14/3 2020;insats;polis\n"),
]


@pytest.mark.parametrize(("name", "data"), BROKEN, ids=[n for n, _ in BROKEN])
def test_broken_input_gives_located_problems_and_never_raises(
    tmp_path: Path, name: str, data: bytes
) -> None:
    logs = load_folder(tmp_path, {name: data})
    assert logs.errors, "a broken file must give at least one error"
    for problem in logs.errors:
        assert problem.where is not None and problem.where.path == f"logs/{name}"
        assert problem.render("sv") and problem.render("en")
    assert logs.activities == ()


def test_without_a_promise_nothing_is_judged_as_unknown(tmp_path: Path) -> None:
    write(
        tmp_path / "logs",
        {"a.yaml": "- {datum: 2020-01-01, typ: Vad Som Helst, part: X, Skola: Y}\n"},
    )
    logs = load_logs([LogSource(Path("logs"), "logs")], None, cwd=tmp_path)
    assert logs.errors == ()
    assert [(p.code, str(p.where)) for p in logs.notices] == [
        ("column-unknown", "logs/a.yaml:1:52")
    ]
    assert logs.fields == frozenset({"skola"})
