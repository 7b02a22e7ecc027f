"""YAML with a location on every node: text stays text, every error is located."""

from __future__ import annotations

from datetime import time
from typing import Annotated, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from loften import values
from loften.errors import LoftenError
from loften.yamlnodes import (
    MAX_ALIAS_NODES,
    Map,
    Scalar,
    Seq,
    iter_items,
    key_at,
    load,
    node_at,
    to_plain,
)

PATH = "logs/polisen.yaml"


def _error(text: str | bytes) -> LoftenError:
    with pytest.raises(LoftenError) as caught:
        load(text, PATH)
    return caught.value


def _stream_error(text: str | bytes) -> LoftenError:
    with pytest.raises(LoftenError) as caught:
        list(iter_items(text, PATH))
    return caught.value


def _value(text: str, key: str) -> Scalar:
    root = load(text, PATH)
    assert isinstance(root, Map)
    node = root.get(key)
    assert isinstance(node, Scalar)
    return node


# -- scalars stay as written ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "quoted"),
    [
        ("code: 0114", "0114", False),
        ("place: No", "No", False),
        ("place: yes", "yes", False),
        ("time: 19:00", "19:00", False),
        ("time: 19.00", "19.00", False),
        ("bucket: 2020", "2020", False),
        ("hours: 2,5", "2,5", False),
        ("hours: 1:30", "1:30", False),
        ("n: 1e3", "1e3", False),
        ("n: 0x10", "0x10", False),
        ("n: .inf", ".inf", False),
        ("date: 2020-03-14", "2020-03-14", False),
        ("date: 2020-03-14 18:00", "2020-03-14 18:00", False),
        ("place: Söderhamns centrum", "Söderhamns centrum", False),
        ("x: ~", None, False),
        ("x:", None, False),
        ("x: null", None, False),
        ("x: Null", None, False),
        ("x: NULL", None, False),
        ("x: nUll", "nUll", False),
        ("x: ''", "", True),
        ('x: ""', "", True),
        ("x: 'null'", "null", True),
        ("x: !!str null", "null", False),
        ('x: "19:00"', "19:00", True),
        ("x: |\n  rad ett\n  rad två\n", "rad ett\nrad två\n", True),
        ("x: >\n  en\n  mening\n", "en mening\n", True),
    ],
)
def test_scalars_stay_text_as_written(text: str, expected: str | None, quoted: bool) -> None:
    node = _value(text, text.split(":")[0])
    assert (node.value, node.quoted) == (expected, quoted)


def test_a_time_stays_text_and_parses_to_the_clock() -> None:
    node = _value("time: 19:00\n", "time")
    assert node.value == "19:00"
    assert values.parse_time(node.value) == time(19, 0)


# -- locations -----------------------------------------------------------------------

NESTED = """\
loften: 1
area:
  municipality: Söderhamn
  code: "2182"
commitments:
  - id: polis-insatser
    rules:
      - kind: count
        match: {type: riktad-insats, tags: [ungdomar, narkotika]}
"""


@pytest.mark.parametrize(
    ("loc", "kind", "line", "column"),
    [
        ((), Map, 1, 1),
        (("area",), Map, 3, 3),
        (("area", "code"), Scalar, 4, 9),
        (("commitments",), Seq, 6, 3),
        (("commitments", 0), Map, 6, 5),
        (("commitments", 0, "rules", 0, "kind"), Scalar, 8, 15),
        (("commitments", 0, "rules", 0, "match"), Map, 9, 16),
        (("commitments", 0, "rules", 0, "match", "type"), Scalar, 9, 23),
        (("commitments", 0, "rules", 0, "match", "tags", 1), Scalar, 9, 55),
    ],
)
def test_every_node_knows_its_line_and_column(
    loc: tuple[str | int, ...], kind: type, line: int, column: int
) -> None:
    root = load(NESTED, PATH)
    assert root is not None
    node = node_at(root, loc)
    assert isinstance(node, kind)
    assert (node.line, node.column) == (line, column)


def test_keys_know_their_place_too() -> None:
    root = load(NESTED, PATH)
    assert root is not None
    key = key_at(root, ("area", "code"))
    assert key is not None
    assert (key.value, key.line, key.column) == ("code", 4, 3)


# -- errors --------------------------------------------------------------------------

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("date: 2020-01-01\ndate: 2020-01-02\n", "yaml-duplicate-key", 2, 1),
        ("- date: 2020-01-01\n  type: a\n  type: b\n", "yaml-duplicate-key", 3, 3),
        ("a: {b: 1, b: 2}\n", "yaml-duplicate-key", 1, 11),
        ("[a]: 1\n", "yaml-complex-key", 1, 1),
        ("? {a: 1}\n: 2\n", "yaml-complex-key", 1, 3),
        ("k: &k [a]\nx: {*k : 1}\n", "yaml-complex-key", 2, 5),
        ("base: &b {party: polis}\nlog:\n  <<: *b\n", "yaml-merge-key", 3, 3),
        ("- a\n---\n- b\n", "yaml-multiple-documents", 2, 1),
        ("a: 1\n---\n", "yaml-multiple-documents", 2, 1),
        ("party: *polis\n", "yaml-unknown-alias", 1, 8),
        ("&a [*a]\n", "yaml-unknown-alias", 1, 5),
        (BILLION_LAUGHS, "yaml-alias-bomb", 5, 8),
        ("[" * 101 + "]" * 101, "yaml-too-deep", 1, 101),
        ("a:\n\tb: 1\n", "yaml-syntax", 2, 1),
        ("- a\n\t- b\n", "yaml-syntax", 2, 1),
        ("date: 2020-01-01\n  type: x\n", "yaml-syntax", 2, 7),
        ("place: Rådhustorget: norra\n", "yaml-syntax", 1, 20),
        ("tags: [ungdomar, narkotika\n", "yaml-syntax", 2, 1),
        ("notes: 'ej avslutad\n", "yaml-syntax", 2, 1),
        ("a: b\nc: @d\n", "yaml-syntax", 2, 4),
        ("a: x\x00y\n", "yaml-syntax", 1, 5),
        ("a:\n  b: 1\n c: 2\n", "yaml-syntax", 3, 2),
    ],
)
def test_bad_yaml_is_a_located_error(text: str, code: str, line: int, column: int) -> None:
    err = _error(text)
    assert err.problem.code == code
    assert err.where is not None
    assert (err.where.path, err.where.line, err.where.column) == (PATH, line, column)
    assert err.render("sv").startswith(f"{PATH}:{line}:{column}: ")
    assert err.render("en")


def test_a_duplicate_key_names_the_key_and_its_first_line() -> None:
    err = _error("area:\n  code: '2182'\n  place: x\n  code: '2183'\n")
    assert err.problem.params == {"key": "code", "first_line": 2}
    assert "rad 2" in err.render("sv")


@pytest.mark.parametrize(
    ("text", "swedish"),
    [
        ("a:\n\tb: 1\n", "tabbtecken i indraget: använd mellanslag"),
        ("a: b: c\n", "kolon på fel ställe"),
        ("a: [b\n", "saknar ',' eller ett avslutande ']'"),
    ],
)
def test_common_syntax_errors_read_in_swedish(text: str, swedish: str) -> None:
    assert swedish in _error(text).render("sv")


def test_a_billion_laughs_is_refused_before_it_grows() -> None:
    err = _error(BILLION_LAUGHS)
    assert err.problem.code == "yaml-alias-bomb"
    assert err.problem.params == {"limit": MAX_ALIAS_NODES}


def test_aliases_within_bounds_are_expanded() -> None:
    root = load("polis: &p {party: polis, place: '0114'}\nlog: [*p, *p]\nsame: *p\n", PATH)
    assert to_plain(root) == {
        "polis": {"party": "polis", "place": "0114"},
        "log": [{"party": "polis", "place": "0114"}] * 2,
        "same": {"party": "polis", "place": "0114"},
    }


def test_many_scalar_aliases_are_not_a_bomb() -> None:
    text = "p: &p polis\nlog:\n" + "  - *p\n" * (MAX_ALIAS_NODES + 10)
    root = load(text, PATH)
    assert root is not None
    log = node_at(root, ("log",))
    assert isinstance(log, Seq)
    last = log.items[-1]
    assert isinstance(last, Scalar)
    assert (last.value, last.line) == ("polis", MAX_ALIAS_NODES + 12)


def test_a_quoted_merge_key_is_an_ordinary_key() -> None:
    assert to_plain(load("'<<': x\n", PATH)) == {"<<": "x"}


def test_one_hundred_levels_are_allowed() -> None:
    assert load("[" * 100 + "]" * 100, PATH) is not None


# -- text and encodings --------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        "plats: Rådhustorget\n",
        "plats: Rådhustorget\n".encode(),
        "\ufeffplats: Rådhustorget\n".encode(),
        "\ufeffplats: Rådhustorget\n".encode("utf-16-le"),
        "\ufeffplats: Rådhustorget\n".encode("utf-16-be"),
        "plats: Rådhustorget\r\n".encode(),
    ],
)
def test_utf8_and_utf16_with_bom_are_read(data: str | bytes) -> None:
    assert to_plain(load(data, PATH)) == {"plats": "Rådhustorget"}


def test_bytes_that_are_not_utf8_are_a_located_error() -> None:
    err = _error("date: 2020-01-01\nplats: Rådhustorget\n".encode("cp1252"))
    assert err.problem.code == "yaml-not-utf8"
    assert err.where is not None
    assert (err.where.line, err.where.column) == (2, 9)


@pytest.mark.parametrize("text", ["", "# bara en kommentar\n", "---\n", "--- \n...\n"])
def test_an_empty_document_is_none(text: str) -> None:
    assert load(text, PATH) is None


# -- streaming a log -----------------------------------------------------------------

LOG_ITEMS = """\
- date: 2020-03-14
  type: riktad-insats
- date: 2020-03-15
  type: trygghetsvandring
"""
LOG_MAPPING = """\
activities:
  - date: 2020-03-14
    type: riktad-insats
  - date: 2020-03-15
    type: trygghetsvandring
"""


@pytest.mark.parametrize(
    ("text", "lines"),
    [(LOG_ITEMS, [1, 3]), (LOG_MAPPING, [2, 4]), ("[]", []), ("activities: []\n", [])],
)
def test_iter_items_reads_a_list_or_an_activities_mapping(text: str, lines: list[int]) -> None:
    items = list(iter_items(text, PATH))
    assert [item.line for item in items] == lines
    assert [to_plain(item)["date"] for item in items] == ["2020-03-14", "2020-03-15"][: len(lines)]


@pytest.mark.parametrize(
    ("text", "code", "line", "params"),
    [
        ("", "yaml-not-a-list", 1, {}),
        ("just text\n", "yaml-not-a-list", 1, {}),
        ("{}\n", "yaml-not-a-list", 1, {}),
        ("activities: none\n", "yaml-not-a-list", 1, {}),
        ("activities:\n  date: 2020-01-01\n", "yaml-not-a-list", 2, {}),
        ("date: 2020-01-01\ntype: x\n", "yaml-top-level-key", 1, {"key": "date"}),
        ("activities: []\nnotes: x\n", "yaml-top-level-key", 2, {"key": "notes"}),
        ("activities: []\nactivities: []\n", "yaml-duplicate-key", 2, None),
        ("- a\n- b: 1\n  b: 2\n", "yaml-duplicate-key", 3, None),
        ("- a\n---\n- b\n", "yaml-multiple-documents", 2, {}),
    ],
)
def test_iter_items_refuses_what_is_not_a_log(
    text: str, code: str, line: int, params: dict[str, str] | None
) -> None:
    err = _stream_error(text)
    assert err.problem.code == code
    assert err.where is not None
    assert err.where.line == line
    if params is not None:
        assert err.problem.params == params


def test_iter_items_hands_out_items_before_the_rest_is_read() -> None:
    items = iter_items("- date: 2020-03-14\n- date: [2020\n", PATH)
    assert to_plain(next(items)) == {"date": "2020-03-14"}
    with pytest.raises(LoftenError) as caught:
        next(items)
    assert caught.value.problem.code == "yaml-syntax"


def test_iter_items_keeps_anchors_across_items() -> None:
    text = "- {party: &p polis, place: &c centrum}\n- {party: *p, place: *c}\n"
    assert [to_plain(item) for item in iter_items(text, PATH)] == [
        {"party": "polis", "place": "centrum"}
    ] * 2


# -- following pydantic's error locations --------------------------------------------


class _Count(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["count"]
    at_least: int


class _Share(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["share"]
    at_least: str


class _Commitment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    party: str | list[str]
    rules: list[Annotated[_Count | _Share, Field(discriminator="kind")]]


class _Promise(BaseModel):
    model_config = ConfigDict(extra="forbid")
    commitments: list[_Commitment]


PROMISE = """\
commitments:
  - id: polis-insatser
    party: [polis, {x: 1}]
    rules:
      - kind: count
        at_least: två
      - kind: share
        at_least: 50%
        tpye: x
  - party: kommun
    rules: []
"""


def _errors() -> dict[str, tuple[tuple[str | int, ...], int, int]]:
    root = load(PROMISE, PATH)
    assert root is not None
    with pytest.raises(ValidationError) as caught:
        _Promise.model_validate(to_plain(root))
    out = {}
    for error in caught.value.errors():
        key = key_at(root, error["loc"]) if error["type"] == "extra_forbidden" else None
        node = key or node_at(root, error["loc"])
        out[error["type"] + ":" + str(error["loc"][-1])] = (error["loc"], node.line, node.column)
    return out


@pytest.mark.parametrize(
    ("error", "line", "column"),
    [
        ("int_parsing:at_least", 6, 19),  # through the discriminator tag 'count'
        ("extra_forbidden:tpye", 9, 9),  # the unknown key itself
        ("missing:id", 10, 5),  # the mapping that lacks it
        ("string_type:1", 3, 20),  # through the union branch 'list[str]'
    ],
)
def test_pydantic_error_locations_map_to_lines(error: str, line: int, column: int) -> None:
    found = _errors()
    assert error in found, sorted(found)
    assert found[error][1:] == (line, column)


def test_key_at_reads_a_key_loc() -> None:
    root = load("parties:\n  polis: x\n", PATH)
    assert root is not None
    key = key_at(root, ("parties", "polis", "[key]"))
    assert key is not None
    assert (key.value, key.line) == ("polis", 2)
    assert key_at(root, ("parties", "nope")) is None
    assert key_at(root, ()) is None


# -- nothing but LoftenError, ever ---------------------------------------------------

_YAMLISH = st.text(
    alphabet=st.sampled_from(list("-:[]{},&*!|>'\"#?%@`\t\n \\~<ab0åé\x00\ufeff\u2028\r")),
    max_size=80,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_YAMLISH, st.text(max_size=80), st.binary(max_size=80)))
def test_any_input_gives_a_tree_or_a_loften_error(data: str | bytes) -> None:
    for read in (lambda: to_plain(load(data, PATH)), lambda: list(iter_items(data, PATH))):
        try:
            read()
        except LoftenError as err:
            assert err.where is not None
            assert err.render("sv")
            assert err.render("en")
