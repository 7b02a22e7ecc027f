"""The fast YAML reader reads exactly what libyaml reads (issue 7).

:class:`~loften.activities.yaml_fast.Scan` reads the plain subset of a log and hands
the rest of the file to libyaml. Here both ways read random logs — mostly plain, with
every kind of YAML a log might hold mixed in — and the corpora of the test suite: the
items (keys, values and every place), the error the file ends with, and the whole
read log (activities, problems, notices, extra fields, counts) must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import log_state
from loften.activities.entry import FileLog
from loften.activities.fields import Names
from loften.activities.model import Vocabulary
from loften.activities.yaml_fast import Item, Scan, first_odd
from loften.activities.yaml_log import _item_of, read_yaml
from loften.errors import LoftenError
from loften.yamlnodes import iter_items

TESTS = Path(__file__).parent
VOCAB = Vocabulary(
    types={"insats": "riktad-insats", "riktad-insats": "riktad-insats", "vandring": "vandring"},
    parties={"polis": "polis", "polisen": "polis", "kommun": "kommun"},
)
SETTINGS = settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

Outcome = tuple[list[Item], object]


def _error(err: LoftenError) -> object:
    return [(p.code, p.where, dict(p.params)) for p in err.problems]


def by_libyaml(text: str) -> Outcome:
    items: list[Item] = []
    try:
        for node in iter_items(text, "log.yaml"):
            items.append(_item_of(node))
    except LoftenError as err:
        return items, _error(err)
    return items, None


def by_scan(text: str) -> tuple[Outcome, Scan]:
    scan = Scan(text)
    items = list(scan.items())
    if scan.resume is None:
        return (items, None), scan
    more, error = by_libyaml(scan.rest())
    return (items + more, error), scan


def _state(log: FileLog) -> tuple[object, ...]:
    return log_state(log, lambda p: (p.code, p.where, dict(p.params), p.severity))


def read(data: bytes, vocab: Vocabulary | None, *, scan: bool) -> tuple[object, ...]:
    log = FileLog("log.yaml", vocab, Names(vocab))
    read_yaml(data, log, scan=scan)
    return _state(log)


# -- random logs -----------------------------------------------------------------------

KEYS = ["datum", "date", "typ", "type", "part", "party", "plats", "timmar", "tid", "id",
        "samma som", "same_as", "anteckning", "notes", "målgrupp", "tags", "status",
        "deltagare", "dagar", "skola", "Datum", "5", "a b", "key ", "a:b", "a#b", "a #b",
        '"typ"', "'q'", "~", "null", "<<", "&a typ", "!!str typ", "? typ", "-typ",
        "x" * 1030]  # fmt: skip
PLAIN = ["2020-03-14", "2020-03-14T18:00", "19:00", "2,5", "1:30", "insats", "Riktad-Insats",
         "polis", "Polisen|kommun", "kommun| polis", "Östra, Riksby", "a1", "a2", "zz",
         "ja", "No", "0114", "~", "null", "Null", "NULL", "", "x # comment", "x#y", "a: b",
         "a:", "a  b", "x   ", "\xa0", "é\u2028x", "-3", "- x", "? x", ":x", ",x", "%x", "@x",
         "`x", "&a x", "*a", "!x y", "!!str 5", "http://a.b/c", "[a, b]", "[]", "[ ]",
         "[a, ]", "[a, [b]]", "[a: b]", "[a,b , c]", "[~, x]", "[a #c]", "['a', b]",
         "{a: 1}", "'it''s'", "'a: b'  # c", "''", "'  '", '"q: r"', '"a\\"b"', '"a\\tb"',
         '""', '"x"y', "'x", '"x', "|", "|-", ">", ">-", "|+", ">2", ">- # c", "|x",
         "x\ty", "x\r", "x\ry", "…"]  # fmt: skip
CONTENT = ["Genomfört enligt plan.", "a  b", "# not a comment", "x: y", "- z", "  more",
           "", "   ", "end  "]  # fmt: skip
LINES = ["", "# comment", "  # indented comment", "      # deep comment", "   ", "---", "...",
         "  - stray", "    continued text", "top: key", "\t", "- ", "-", "- just text",
         "  nested:", "    inner: 1"]  # fmt: skip


@st.composite
def logs(draw: st.DrawFn) -> str:
    """A log: mostly the plain subset, sometimes anything else YAML allows (or not)."""
    rate = draw(st.sampled_from([0.0, 0.0, 0.0, 0.03, 0.1, 0.3, 1.0]))  # how often odd things are
    clean = draw(st.integers(0, 3))  # items before the first odd thing
    odd = rate if clean == 0 else 0.0
    out: list[str] = []

    def sometimes(p: float = 1.0) -> bool:
        return draw(st.floats(0, 1)) < odd * p

    heads = ["", "# log", "---", "activities:", "aktiviteter:", "activities:  # c"]
    if sometimes():
        heads += ["Activities:", "activities: []", "%YAML 1.1\n---", "typ: x", "- x"]
    head = draw(st.sampled_from(heads))
    if head:
        out.append(head)
    indent = " " * draw(st.sampled_from([0, 0, 2, 1, 4])) if "ctivit" in head else ""
    for index in range(draw(st.integers(0 if draw(st.booleans()) else 1, 6))):
        odd = 0.0 if index < clean else rate
        if sometimes(0.2):
            out.append(draw(st.sampled_from(LINES)))
        lead = indent + "-" + " " * draw(st.sampled_from([1, 1, 1, 3]))
        pad = " " * len(lead)
        twice = sometimes()  # a key may come twice
        pool = st.sampled_from(KEYS[:20] if not sometimes() else KEYS)
        for i, key in enumerate(draw(st.lists(pool, min_size=1, max_size=6, unique=not twice))):
            start = lead if i == 0 else pad
            kind = draw(st.integers(0, 9))
            value = draw(st.sampled_from(PLAIN[:12] if not sometimes() else PLAIN))
            space = " " * draw(st.sampled_from([1, 1, 1, 2]))
            if kind <= 5 or value in ("", "|", "|-", ">", ">-", "|+", ">2", ">- # c"):
                out.append(f"{start}{key}:{space if value else ''}{value}")
                if value[:1] in "|>" and value:
                    deep = pad + " " * draw(st.sampled_from([2, 2, 1, 0, 4]))
                    for text in draw(
                        st.lists(
                            st.sampled_from(CONTENT[:1] if not sometimes() else CONTENT), max_size=3
                        )
                    ):
                        out.append(deep + text if text else "")
            elif kind <= 7:  # a block list
                out.append(f"{start}{key}:")
                deep = pad + " " * draw(st.sampled_from([0, 2, 2, 4, 1]))
                pool = st.sampled_from(PLAIN[:12] if not sometimes() else PLAIN)
                for element in draw(st.lists(pool, max_size=3)):
                    out.append(f"{deep}-{' ' if element else ''}{element}")
            else:  # a comment or an odd line inside the item
                out.append(f"{start}{key}: {value}")
                out.append(draw(st.sampled_from(LINES)) if sometimes() else pad + "# note")
        if sometimes(0.1):
            out.append(draw(st.sampled_from(LINES)))
    text = "\n".join(out) + draw(st.sampled_from(["\n", "\n", "", "\n\n"]))
    if draw(st.integers(0, 4)) == 0:  # written on Windows
        text = text.replace("\n", "\r\n")
    return text


@SETTINGS
@given(logs())
def test_scan_reads_what_libyaml_reads(text: str) -> None:
    got, _ = by_scan(text)
    assert got == by_libyaml(text)


@SETTINGS
@given(logs())
def test_a_log_read_both_ways_is_the_same(text: str) -> None:
    data = text.encode("utf-8")
    for vocab in (VOCAB, None):
        assert read(data, vocab, scan=True) == read(data, vocab, scan=False)


def test_random_logs_exercise_both_readers() -> None:
    """The random logs are mostly read by the scanner, and every kind of fallback occurs."""
    whole = partial = none = 0

    @SETTINGS
    @given(logs())
    def count(text: str) -> None:
        nonlocal whole, partial, none
        scan = by_scan(text)[1]
        if scan.resume is None:
            whole += 1
        elif scan.first is not None and scan.resume > scan.first:
            partial += 1
        else:
            none += 1

    count()
    assert whole > 100 and partial > 20 and none > 20, (whole, partial, none)


# -- the test suite's own YAML -----------------------------------------------------------

CORPUS = sorted(p for p in TESTS.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(TESTS)))
def test_corpus_file_read_both_ways_is_the_same(path: Path) -> None:
    data = path.read_bytes()
    for vocab in (VOCAB, None):
        assert read(data, vocab, scan=True) == read(data, vocab, scan=False)
    text = data.decode("utf-8", errors="replace")
    assert by_scan(text)[0] == by_libyaml(text)


# -- what it reads itself, and what it leaves to libyaml -----------------------------------

PLAIN_LOG = """\
# Aktivitetslogg
- datum: 2024-01-19
  tid: 13:30
  typ: "OV"
  part: Kommunen|Bostadsbolaget
  plats: 'Östra, Riksby'   # efter rondellen
  timmar: 2,5
  målgrupp: [äldre, unga]
  taggar:
  - natt
  - helg
  anteckning: >-
    Genomfört enligt plan. Uppföljning: nästa möte.
    Andra raden.
  skola:

- datum: 2024-01-20
  typ: fotpatrull
  part: polis
  anteckning: |
    rad 1
    rad 2
"""


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize("wrap", ["", "activities:\n", "aktiviteter:\n", "---\n"])
def test_a_plain_log_is_read_by_the_scanner(wrap: str, crlf: bool) -> None:
    text = wrap + (PLAIN_LOG.replace("\n", "\n  ").rstrip(" ") if "ctiv" in wrap else PLAIN_LOG)
    if crlf:
        text = text.replace("\n", "\r\n")
    got, scan = by_scan(text)
    assert scan.resume is None
    assert got == by_libyaml(text)
    assert len(got[0]) == 2


@pytest.mark.parametrize(
    "line",
    [
        "  plats: &p Torget",  # an anchor
        "  plats: *p",  # an alias
        "  plats: !!str Torget",  # a tag
        "  plats: {namn: Torget}",  # a flow mapping
        '  plats: "Tor\\tget"',  # an escape
        "  plats: Torget\n    och mer",  # a plain scalar over two lines
        "  plats: 'Torget\n    och mer'",  # a quoted one
        "  plats: >2\n    Torget",  # an indentation indicator
        "  plats: |+\n    Torget",  # keep
        "  typ: x",  # a key twice
        "\tplats: x",  # a tab
        "  ? plats\n  : x",  # an explicit key
        "...",  # a document end
    ],
)
def test_anything_else_is_left_to_libyaml_from_that_item(line: str) -> None:
    text = "- datum: 2024-01-01\n  typ: a\n- datum: 2024-01-02\n  typ: b\n" + line + "\n"
    got, scan = by_scan(text)
    assert got == by_libyaml(text)
    assert scan.resume == 2  # the second item is libyaml's, the first was scanned


def test_the_rest_keeps_every_line_and_offset() -> None:
    text = "- a: 1\n  b: [x, y]\n  c: >-\n    é text\n- d: &x 2\n"
    scan = Scan(text)
    assert len(list(scan.items())) == 1
    rest = scan.rest()
    assert len(rest) == len(text) and rest.count("\n") == text.count("\n")
    assert rest.endswith("- d: &x 2\n") and rest.startswith("# a: 1\n#")


@pytest.mark.parametrize(
    ("text", "ok"),
    [("abc åäö Ω 😀\n", True), ("a\tb", False), ("a\r\nb", False), ("a\x85b", False),
     ("a\u2028b", False), ("\ufeffa", False), ("a\x7fb", False), ("a\x00", False),
     ("Ω\x01", False), ("Ω\ufffe", False)],
)  # fmt: skip
def test_characters_outside_the_subset(text: str, ok: bool) -> None:
    assert (first_odd(text) < 0) is ok
