"""Fuzzing: no input, however broken, crashes, hangs or tracebacks loften (issue 6).

Hypothesis writes malformed YAML logs, CSV bytes (any delimiter, quoting, encoding,
junk), damaged workbooks and mutated promises, and runs ``loften check`` on each
through the real command line: it must exit 0, 1 or 2, print no traceback, and
finish within the deadline. The nastiest inputs found are kept in
``tests/hostile/regressions/`` and run on every test run.

``LOFTEN_FUZZ_EXAMPLES`` raises the number of examples for a longer local hunt.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from loften.cli import app

HOSTILE = Path(__file__).parent / "hostile"
REGRESSIONS = HOSTILE / "regressions"
BASE_PROMISE = (HOSTILE / "promise.yaml").read_text(encoding="utf-8")
runner = CliRunner()

EXAMPLES = int(os.environ.get("LOFTEN_FUZZ_EXAMPLES", "75"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize="LOFTEN_FUZZ_EXAMPLES" not in os.environ,
)


def run_check(files: dict[str, bytes], promise: bytes | None = None) -> int:
    """``loften check`` on the base promise (or ``promise``) with ``files`` in logs/."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "logs").mkdir()
        (root / "promise.yaml").write_bytes(promise or BASE_PROMISE.encode("utf-8"))
        for name, data in files.items():
            (root / "logs" / name).write_bytes(data)
        cwd = os.getcwd()
        os.chdir(root)
        try:
            result = runner.invoke(app, ["check", "promise.yaml", "--as-of", "2022-01-15"])
        finally:
            os.chdir(cwd)
    output = result.output + result.stderr
    assert "Traceback" not in output, output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1, 2), output
    return result.exit_code


# -- what goes into a log ---------------------------------------------------------------

KEYS = [
    "date", "datum", "time", "tid", "end", "slutdatum", "end_time", "days", "hours",
    "timmar", "type", "typ", "aktivitet", "party", "part", "place", "plats", "tags",
    "participants", "deltagare", "id", "notes", "status", "quantity", "antal", "answers",
    "same_as", "attests", "by", "evidence", "bucket", "Datum", " TYP ", "tpye", "x", "5",
]  # fmt: skip
SCALARS = st.one_of(
    st.sampled_from([
        "2020-03-14", "2020-02-30", "99999-01-01", "2020-03-14T18:00", "2020-03-14T25:00+01:00",
        "19:00", "25:00", "24:00", "1:30", "2,5", "2.5", "-3", "0", "1e9", "NaN", "inf",
        "123456789012345678901234567890", "0" * 5000 + "1", "insats", "riktad-insats",
        "fotpatrull", "polis", "kommun", "polis|kommun", "LPO Test", "|", "yes", "No", "~",
        "null", "done", "genomförd", "inställd", "delvis", "", " ", "\t", "x" * 300,
        "'", '"', "\\", ";", ",", "\n", "\r", "\x00", "\x1b[31m", "\u202e", "åäö", "😀",
        # words of the promise language, right and wrong
        "0000", "0000-01-01", "9999-12-31", "2020", "våren 2020", "hösten 0000", "vår 99999",
        "2020-W53", "2020-W99", "2020-Q5", "2020-H3", "2020-13", "100%", "150%", "-5%", "50",
        "0 dagar", "99999999 dagar", "2 veckor", "monday", "måndag", "day", "week", "month",
        "year", "total", "increase", "decrease", "warning", "count", "sum", "cadence",
        "deadline", "share", "period", "01-01", "02-29", "13-45",
    ]),
    st.text(max_size=30),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)  # fmt: skip
VALUE = SCALARS | st.lists(SCALARS, max_size=3)
#: Mostly sound entries with a few odd fields, so that fuzzing reaches the rules too.
SOUND = st.fixed_dictionaries(
    {
        "date": st.sampled_from(["2020-03-14", "2021-06-01T18:00", "2022-01-20", "2019-12-31"]),
        "type": st.sampled_from(["insats", "fotpatrull", "Riktad-Insats"]),
        "party": st.sampled_from(["polis", "kommun", "polis|kommun", "LPO Test"]),
    }
)
ENTRY = st.one_of(
    st.dictionaries(st.sampled_from(KEYS), VALUE, max_size=8),
    st.tuples(SOUND, st.dictionaries(st.sampled_from(KEYS), VALUE, max_size=3)).map(
        lambda t: {**t[0], **t[1]}
    ),
    SOUND,
)


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few bytes cut, inserted, replaced, or the end cut off."""
    for _ in range(draw(st.integers(0, 3))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        how = draw(st.sampled_from(["cut", "insert", "replace", "truncate"]))
        junk = draw(st.binary(min_size=1, max_size=4))
        if how == "cut":
            data = data[:at] + data[at + len(junk) :]
        elif how == "insert":
            data = data[:at] + junk + data[at:]
        elif how == "replace":
            data = data[:at] + junk + data[at + len(junk) :]
        else:
            data = data[:at]
    return data


@st.composite
def yaml_logs(draw: st.DrawFn) -> bytes:
    entries = draw(st.lists(ENTRY, max_size=6))
    shape = draw(st.sampled_from(["list", "activities", "aktiviteter", "flow", "scalar"]))
    document: Any = entries
    if shape in ("activities", "aktiviteter"):
        document = {shape: entries}
    elif shape == "scalar":
        document = draw(SCALARS)
    text = yaml.safe_dump(
        document, allow_unicode=True, sort_keys=False, default_flow_style=shape == "flow"
    )
    if draw(st.booleans()):  # YAML's own tricks: anchors, aliases, tags, nesting
        text += draw(
            st.sampled_from([
                "- &a {date: 2020-03-01, type: insats, party: polis}\n- *a\n- *b\n",
                "- <<: {date: 2020-03-01}\n", "- !!python/object:os.system {}\n",
                "- " + "[" * 150 + "]" * 150 + "\n", "---\n- x\n", "- ? [a]\n  : b\n",
                "- {date: 2020-03-01, date: 2020-03-02}\n", "\t- x\n", "- 'unclosed\n",
            ])
        )  # fmt: skip
    return draw(damaged(text.encode("utf-8")))


@st.composite
def csv_logs(draw: st.DrawFn) -> tuple[str, bytes]:
    delimiter = draw(st.sampled_from([",", ";", "\t", "|", " "]))
    quote_all = draw(st.booleans())

    def cell(text: str) -> str:
        if quote_all or any(c in text for c in (delimiter, '"', "\n", "\r")):
            return '"' + text.replace('"', draw(st.sampled_from(['""', '"']))) + '"'
        return text

    if draw(st.booleans()):
        header = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=8))
        rows = draw(st.lists(st.lists(SCALARS, max_size=len(header) + 2), max_size=8))
    else:  # a sound header and sound rows, with odd columns beside them
        extra = draw(st.lists(st.sampled_from(KEYS), max_size=3))
        header = ["datum", "aktivitet", "part", *extra]
        rows = [
            [*entry.values(), *draw(st.lists(SCALARS, min_size=len(extra), max_size=len(extra)))]
            for entry in draw(st.lists(SOUND, max_size=8))
        ]
    eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = eol.join(delimiter.join(cell(c) for c in row) for row in [header, *rows]) + eol
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le"]))
    data = text.encode(encoding, errors="replace")
    name = draw(st.sampled_from(["log.csv", "log.tsv", "log.txt"]))
    return name, draw(damaged(data))


def _workbook() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Datum", "Tid", "Aktivitet", "Part", "Timmar"])
    sheet.append(["2020-03-14", "19:00", "insats", "polis", 2.5])
    sheet.append(["2020-03-21", None, "fotpatrull", "polis|kommun", "1,5"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WORKBOOK = _workbook()


# -- what goes into a promise ------------------------------------------------------------

BASE = yaml.safe_load(BASE_PROMISE)


def _paths(node: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [at]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*at, i))
    return out


PATHS = _paths(BASE)[1:]


@st.composite
def promises(draw: st.DrawFn) -> bytes:
    """The base promise with keys deleted or misspelt and values of the wrong type."""
    import copy

    spec = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 2))):
        path = draw(st.sampled_from(PATHS))
        parent: Any = spec
        try:
            for part in path[:-1]:
                parent = parent[part]
            key = path[-1]
            how = draw(st.sampled_from(["delete", "rename", "scalar", "list", "mapping"]))
            if how == "delete":
                del parent[key]
            elif how == "rename" and isinstance(parent, dict):
                parent[draw(st.sampled_from([*KEYS, "kind", "per", "at_lest", "rules"]))] = (
                    parent.pop(key)
                )
            elif how == "scalar":
                parent[key] = draw(SCALARS)
            elif how == "list":
                parent[key] = draw(st.lists(SCALARS, max_size=3))
            else:
                parent[key] = draw(st.dictionaries(st.sampled_from(KEYS), SCALARS, max_size=3))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed the path
    text = yaml.safe_dump(spec, allow_unicode=True, sort_keys=False)
    return draw(damaged(text.encode("utf-8"))) if draw(st.booleans()) else text.encode()


GOOD_LOG = b"- {date: 2020-03-14, type: insats, party: polis}\n"


# -- the properties ----------------------------------------------------------------------


@FUZZ
@given(yaml_logs())
def test_any_yaml_log(data: bytes) -> None:
    run_check({"log.yaml": data})


@FUZZ
@given(csv_logs())
def test_any_csv_log(file: tuple[str, bytes]) -> None:
    run_check({file[0]: file[1]})


@FUZZ
@given(damaged(WORKBOOK) | st.binary(max_size=200))
def test_any_workbook(data: bytes) -> None:
    run_check({"log.xlsx": data})


@FUZZ
@given(promises())
def test_any_promise(promise: bytes) -> None:
    run_check({"log.yaml": GOOD_LOG}, promise=promise)


# -- the regressions ------------------------------------------------------------------------


def regressions() -> list[Path]:
    return sorted(p for p in REGRESSIONS.rglob("*") if p.is_file() and p.suffix != ".md")


@pytest.mark.parametrize(
    "path",
    regressions(),
    ids=lambda p: p.relative_to(REGRESSIONS).as_posix(),
)
def test_a_regression_stays_fixed(path: Path) -> None:
    if path.parent.name == "promises":
        run_check({"log.yaml": GOOD_LOG}, promise=path.read_bytes())
    else:
        run_check({path.name: path.read_bytes()})
