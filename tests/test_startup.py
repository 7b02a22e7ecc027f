"""``loften validate`` starts fast (issue 7) and refuses exactly what it refused before.

No wall-clock times here: what a fast start rests on is tested instead — a rule is
validated by its kind's model alone, with the very errors of the discriminated union,
and ``validate`` builds and imports only what it needs.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from loften import yamlnodes
from loften.errors import LoftenError
from loften.rules import KINDS, Rule, RuleByKind

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "src" / "loften" / "examples").glob("*.yaml"))


def _rules(node: Any) -> list[dict[str, Any]]:
    """Every mapping with a ``kind`` in a YAML tree (rules of promises and examples)."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if isinstance(node.get("kind"), str):
            found.append(node)
        for value in node.values():
            found += _rules(value)
    elif isinstance(node, list):
        for value in node:
            found += _rules(value)
    return found


def _outcome(adapter: TypeAdapter[Any], value: Any) -> Any:
    try:
        return ("valid", adapter.validate_python(value))
    except ValidationError as err:
        return (
            "invalid",
            [
                (e["type"], e["loc"], repr(e["input"]), repr(e.get("ctx")), e["msg"])
                for e in err.errors(include_url=False)
            ],
        )


def test_a_rule_is_refused_by_its_kind_as_by_the_union() -> None:
    """Mutated rules of every kind (keys dropped, values replaced, unknown keys and
    kinds): the same result, errors, locations and context either way."""
    files = [*EXAMPLES, *sorted((ROOT / "tests").rglob("*.yaml"))]
    rules: list[dict[str, Any]] = []
    for path in files:
        try:
            rules += _rules(yamlnodes.to_plain(yamlnodes.load(path.read_bytes(), path.name)))
        except LoftenError:  # hostile test files that do not parse hold no rules
            continue
    assert {r["kind"] for r in rules} >= set(KINDS)
    union = TypeAdapter(tuple[Rule, ...])
    by_kind = TypeAdapter(tuple[RuleByKind, ...])
    keys = sorted({k for r in rules for k in r} | {"bogus"})
    values: list[Any] = [None, "", "x", "2", "-1", "2020-01-01", "90%", "week", "ja"]
    values += [[], ["a"], {}, {"a": "b"}, {"at_least": "2"}, [{"a": "1"}]]
    tags: list[Any] = [*KINDS, None, "Count", " count", "5", ["count"], {"a": "1"}]
    rnd = random.Random(7)
    for _ in range(3000):
        rule: Any = dict(rnd.choice(rules))
        for _ in range(rnd.randint(0, 3)):
            step = rnd.random()
            if step < 0.3 and rule:
                rule.pop(rnd.choice(list(rule)))
            elif step < 0.8:
                rule[rnd.choice(keys)] = rnd.choice(values)
            else:
                rule["kind"] = rnd.choice(tags)
        if rnd.random() < 0.05:
            rule = rnd.choice(values)
        assert _outcome(by_kind, [rule]) == _outcome(union, [rule]), rule


def test_a_rule_model_passes_as_itself() -> None:
    union: TypeAdapter[Any] = TypeAdapter(Rule)
    rule = union.validate_python({"kind": "count", "match": {"type": "x"}, "at_least": "1"})
    assert TypeAdapter(RuleByKind).validate_python(rule) is rule


def _run_validate(cwd: Path, *args: str, probe: str) -> dict[str, Any]:
    """Runs ``loften validate`` in a fresh interpreter; then ``probe``, an expression
    whose value is printed as JSON on the last line of standard error."""
    code = (
        "import json, sys\n"
        "from loften.cli import main\n"
        f"sys.argv = ['loften', 'validate', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        f"sys.stderr.write('\\n' + json.dumps({probe}) + '\\n')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("kind", ["count", "indicator"])
def test_validate_builds_the_models_of_the_kinds_it_meets(tmp_path: Path, kind: str) -> None:
    example = ROOT / "src" / "loften" / "examples" / f"{kind}.yaml"
    rules = _rules(yamlnodes.to_plain(yamlnodes.load(example.read_bytes(), example.name)))
    promises = tmp_path / "promises"
    promises.mkdir()
    (promises / "p.yaml").write_text(
        json.dumps(
            {
                "loften": 1,
                "id": "p",
                "title": "P",
                "period": {"start": "2020-01-01", "end": "2020-12-31"},
                "parties": {"polis": "Polisen"},
                "activity_types": {"x": "X"},
                "commitments": [{"id": "c", "party": "polis", "text": "T", "rules": rules[:1]}],
            }
        ),
        encoding="utf-8",
    )
    probe = (
        "{k: m.__pydantic_complete__ "
        "for k, m in sys.modules['loften.rules'].KINDS.items() if 'loften.rules' in sys.modules}"
    )
    built = _run_validate(tmp_path, probe=probe)
    assert {k for k, done in built.items() if done} == {kind}
