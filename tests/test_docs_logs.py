"""docs/logs.md tells the truth: its examples load, its messages are loften's own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loften.activities import LogSource, Vocabulary, load_logs
from loften.messages import CATALOG

DOC = (Path(__file__).parent.parent / "docs" / "logs.md").read_text(encoding="utf-8")

#: A fenced block marked as a log example: ```yaml log-example or ```csv log-example.
EXAMPLE = re.compile(r"^```(yaml|csv) log-example\n(.*?)^```$", re.MULTILINE | re.DOTALL)
#: A row of an error table: `message`<br>`code` | explanation |
MESSAGE_ROW = re.compile(r"^\| `([^`]+)`<br>`([a-z0-9-]+)` \| (.+) \|$", re.MULTILINE)

EXAMPLES = EXAMPLE.findall(DOC)

VOCAB = Vocabulary(
    types={
        "riktad-insats": "riktad-insats",
        "insats": "riktad-insats",
        "fotpatrull": "fotpatrull",
        "trygghetsvandring": "trygghetsvandring",
    },
    parties={"polis": "polis", "lpo test": "polis", "kommun": "kommun"},
)


def test_the_doc_has_log_examples_in_both_formats() -> None:
    assert {kind for kind, _ in EXAMPLES} == {"yaml", "csv"}
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(
    ("kind", "text"), EXAMPLES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(EXAMPLES)]
)
def test_a_log_example_loads_without_a_problem(tmp_path: Path, kind: str, text: str) -> None:
    (tmp_path / f"exempel.{kind}").write_text(text, encoding="utf-8")
    logs = load_logs([LogSource(Path(f"exempel.{kind}"), "exempel")], VOCAB, cwd=tmp_path)
    assert [p.render("sv") for p in logs.errors] == []
    assert logs.notices == ()
    (stats,) = logs.files
    assert stats.rows == stats.activities > 0


def test_every_message_in_the_error_tables_is_loftens_own() -> None:
    rows = MESSAGE_ROW.findall(DOC)
    assert len(rows) >= 40
    swedish, _ = DOC.split("\n# Keeping logs\n")
    for message, code, _ in rows:
        assert code in CATALOG, code
        sv, en = CATALOG[code]
        assert message == (sv if f"`{message}`" in swedish else en), code


def test_every_field_has_its_row_in_the_table() -> None:
    from loften.activities.fields import FIELDS

    for name, field in FIELDS.items():
        if field.activity:
            assert f"| `{name}` |" in DOC, name
