"""The JSON report's own writer (issue 7: a national report is 80 MB) writes what
``json.dumps(..., indent=2)`` would, but for exact decimals, ISO dates and lists of
plain values on one line — checked on random reports-like values."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from loften.reporters.json_report import dumps

TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12)
SCALAR = st.one_of(
    TEXT,
    st.integers(-(10**6), 10**6),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-1000, max_value=1000),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
    st.booleans(),
    st.none(),
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(TEXT, inner, max_size=5),
        st.lists(st.dictionaries(st.sampled_from(["where", "code", "message"]), TEXT), max_size=4),
    ),
    max_leaves=30,
)


def _plain(value: object) -> object:
    """What the JSON of ``value`` reads back as."""
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, Decimal):
        return value.normalize() if value != value.to_integral_value() else int(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return [_plain(v) for v in value]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(VALUE)
def test_written_json_reads_back_as_the_value(value: object) -> None:
    text = dumps(value)
    back = json.loads(text, parse_float=Decimal)
    assert _normal(back) == _normal(_plain(value))


LEAF = st.one_of(TEXT, st.integers(-(10**6), 10**6), st.booleans(), st.none())
NESTED = st.recursive(
    st.dictionaries(TEXT, LEAF, max_size=4),
    lambda inner: st.one_of(
        st.dictionaries(TEXT, st.one_of(LEAF, inner, st.lists(inner, max_size=3)), max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(NESTED)
def test_layout_is_jsons_own_for_mappings(value: dict[str, object]) -> None:
    """Mappings, and lists of mappings, are laid out exactly as ``json.dumps(indent=2)``
    lays them out (only lists of plain values are written on one line)."""
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


def _normal(value: object) -> object:
    if isinstance(value, Decimal):
        return value.normalize()
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    return value


def test_records_and_their_template_agree() -> None:
    """The template for records of text is the general way's writing, character for character."""
    records = [{"where": "a.csv:2", "code": "unused", "message": 'säger "hej" 100 %'}] * 3
    general = dumps([{**r, "extra": 1} for r in records]).replace(',\n    "extra": 1', "")
    assert dumps(records) == general
