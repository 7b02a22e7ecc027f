"""`loften schema promise|log`: JSON Schemas an editor can use, that accept what loften
accepts and flag the typos loften flags.

Files are read as an editor with the YAML language server reads them — YAML 1.2's core
schema, where ``2020-01-01`` and ``19:00`` are text and ``2020`` is a number — so the
test sees what the editor sees.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from loften.activities.fields import FIELDS
from loften.cli import app
from loften.errors import LoftenError
from loften.messages import CATALOG
from loften.schema import FIELD_SCHEMAS, log_schema, promise_schema
from loften.spec.load import load_promise

ROOT = Path(__file__).parents[1]
PROMISE = promise_schema("en")
LOG = log_schema("en")


class Yaml12(yaml.SafeLoader):
    """PyYAML with YAML 1.2's core schema, as the YAML language server reads files."""


Yaml12.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$", "-+.0123456789"),
):
    Yaml12.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))


def read(path: Path | str) -> Any:
    text = path.read_text("utf-8") if isinstance(path, Path) else path
    return yaml.load(text, Loader=Yaml12)


def validator_class() -> Any:
    """``jsonschema`` (the ``test`` extra), as editors check JSON Schema 2020-12."""
    return pytest.importorskip("jsonschema").Draft202012Validator


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    validator = validator_class()(schema)
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)
    ]


def promise_files() -> list[Path]:
    found = [*ROOT.glob("promises/*.yaml"), *ROOT.glob("src/loften/starter/promises/*.yaml")]
    found += [p for p in (ROOT / "tests" / "data").rglob("*.yaml") if _is_promise(p)]
    return sorted(found)


def _is_promise(path: Path) -> bool:
    return re.search(r"^commitments\s*:", path.read_text("utf-8"), re.MULTILINE) is not None


def test_the_schemas_are_valid_json_schemas() -> None:
    validator_class().check_schema(PROMISE)
    validator_class().check_schema(LOG)


def test_the_bundled_promise_validates() -> None:
    assert errors(PROMISE, read(ROOT / "promises/soderhamn-2020-2021.yaml")) == []


@pytest.mark.parametrize("path", promise_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_promise_loften_accepts_the_schema_accepts(path: Path) -> None:
    try:
        load_promise(path, ROOT)
    except LoftenError:
        pytest.skip("loften refuses this promise (a test of a mistake)")
    assert errors(PROMISE, read(path)) == []


SPEC_EXAMPLE = """\
loften: 1
id: soderhamn-2020-2021
title: Söderhamn – medborgarlöften 2020–2021
area: {municipality: Söderhamn, code: "2182", place: Söderhamns centrum}
period: {start: 2020-01-01, end: 2021-12-31}
language: sv
goal: Förbättra den upplevda tryggheten i Söderhamns centrum.
parties:
  polis: {label: Polisen, aliases: [LPO Hälsingland]}
  kommun: Söderhamns kommun
activity_types:
  riktad-insats: {label: Riktad insats, aliases: [insats]}
  trygghetsvandring: {label: Trygghetsvandring}
places:
  centrum: {label: Söderhamns centrum, aliases: [Söderhamn C]}
  radhustorget: {label: Rådhustorget, within: centrum}
open_places: false
logs:
  - ../logs/soderhamn-2020-2021
  - {path: ../logs/kommunen.xlsx, sheet: Aktiviteter}
columns: {Händelsedatum: date}
seasons: {vår: [01-01, 06-30], höst: [07-01, 12-31]}
commitments:
  - id: polis-insatser
    party: polis
    text: Två riktade insatser per år.
    rules:
      - id: tva-per-ar
        kind: count
        match: {type: riktad-insats, party: {all: [polis, kommun]}, weekday: {not: sunday}}
        each: {days: {at_least: 2}, date: {between: [2020-01-01, 2021-12-31]}}
        per: year
        at_least: 2
      - kind: share
        match: {type: riktad-insats}
        that: {tags: [ungdomar, narkotika]}
        at_least: 50%
        severity: warning
      - kind: cadence
        match: {type: riktad-insats}
        every: torsdag
        max_gap: 14 dagar
        skip_holidays: ja
exceptions:
  - rule: polis-insatser/tva-per-ar
    bucket: 2020
    reason: Pandemin.
    decided: 2020-04-02
    by: Styrgruppen
    expires: 2020-12-31
"""


def test_the_spec_example_with_every_shortcut_validates(tmp_path: Path) -> None:
    path = tmp_path / "promise.yaml"
    path.write_text(SPEC_EXAMPLE, "utf-8")
    load_promise(path, tmp_path)  # loften accepts it ...
    assert errors(PROMISE, read(SPEC_EXAMPLE)) == []  # ... and so does the schema


@pytest.mark.parametrize(
    ("typo", "where"),
    [
        (("  - id: polis-insatser\n", "  - id: polis-insatser\n    tilte: x\n"), "commitments/0"),
        (("        at_least: 2\n", "        at_leats: 2\n"), "commitments/0/rules/0"),
        (("open_places: false\n", "open_place: false\n"), ""),
        (("    decided:", "    decidet:"), "exceptions/0"),
        (("kind: count", "kind: cuont"), "commitments/0/rules/0"),
        (("weekday: {not: sunday}", "weekday: {nto: sunday}"), "commitments/0/rules/0"),
    ],
)
def test_a_typo_is_flagged(typo: tuple[str, str], where: str) -> None:
    text = SPEC_EXAMPLE.replace(*typo)
    assert text != SPEC_EXAMPLE
    found = errors(PROMISE, read(text))
    assert found and any(e.startswith(where) for e in found), found


def test_keys_can_be_completed() -> None:
    defs = PROMISE["$defs"]
    assert {"loften", "id", "period", "parties", "commitments", "exceptions"} <= set(
        PROMISE["properties"]
    )
    assert PROMISE["additionalProperties"] is False
    count = defs["CountRule"]["properties"]
    assert {"match", "each", "per", "at_least", "distinct"} <= set(count)
    assert {"type", "party", "place", "weekday", "evening"} <= set(count["match"]["properties"])


# --- the log ---------------------------------------------------------------------------


def test_the_log_schema_has_every_field_and_name_of_the_field_table() -> None:
    """The schema is built from FIELDS: they cannot drift apart."""
    assert set(FIELD_SCHEMAS) == set(FIELDS)
    entry = LOG["$defs"]["LogEntry"]["properties"]
    names = {n for f in FIELDS.values() for n in (f.name, *f.aliases)}
    assert set(entry) == names
    for name in FIELDS:
        assert f"schema-field-{name}" in CATALOG
        assert entry[name]["description"] == CATALOG[f"schema-field-{name}"][1]


@pytest.mark.parametrize(
    "log",
    sorted((ROOT / "logs").rglob("*.yaml")),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_the_bundled_yaml_logs_validate(log: Path) -> None:
    assert errors(LOG, read(log)) == []


def test_the_bundled_csv_rows_validate_as_entries() -> None:
    entry = {**LOG, "$ref": "#/$defs/LogEntry"}
    entry.pop("anyOf")
    for log in sorted((ROOT / "logs").rglob("*.csv")):
        with log.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh, delimiter=";"):
                data = {k.strip().casefold(): v for k, v in row.items() if v}
                assert errors(entry, data) == [], (log, row)


def test_the_log_schema_flags_what_cannot_be_a_log() -> None:
    assert errors(LOG, read("activities:\n  - {date: 2020-01-01, type: a, party: b}\n")) == []
    assert (
        errors(LOG, read("- {datum: 2020-01-01, aktivitet: a, part: [b, c], väder: sol}\n")) == []
    )
    assert errors(LOG, read("- {date: 2020-01-01, type: a, extra: {nested: 1}}\n"))
    assert errors(LOG, read("activities: []\nother: 1\n"))
    assert errors(LOG, read("- {date: 2020-01-01, tags: [{a: 1}]}\n"))


# --- the command ---------------------------------------------------------------------------


def test_the_schema_command_prints_json() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["schema", "promise"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert data["title"] == "loften: medborgarlöfte"
    result = runner.invoke(app, ["schema", "log", "--lang", "en"])
    assert result.exit_code == 0 and json.loads(result.stdout)["title"] == "loften: activity log"
    result = runner.invoke(app, ["schema", "rules"])
    assert result.exit_code == 2 and "unknown schema" not in result.stderr
    assert "okänt schema 'rules'" in result.stderr
