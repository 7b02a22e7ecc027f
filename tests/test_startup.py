"""``loften validate`` starts fast (issue 7) and refuses exactly what it refused before.

No wall-clock times here: what a fast start rests on is tested instead — a rule is
validated by its kind's model alone, with the very errors of the discriminated union,
and ``validate`` builds and imports only what it needs.
"""

from __future__ import annotations

import json
import random
import shutil
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


# --- the owner of a log, found without validating every promise -------------------------

FIVE = ROOT / "tests" / "data" / "validate" / "five-mistakes"
OWNER = (FIVE / "promises" / "trygg-2024.yaml").read_text(encoding="utf-8")


def _promise(logs: str, *, extra: str = "") -> str:
    """The five-mistakes promise with another ``logs:`` block (and more text)."""
    return OWNER.replace("logs:\n  - ../logs/trygg\n", logs) + extra


#: Promises that own logs/trygg/kommunen.csv or not, valid or not, however they name it.
SHAPES = {
    "a-folder": _promise("logs:\n  - ../logs/trygg\n"),
    "b-file": _promise("logs: ['../logs/trygg/kommunen.csv']\n"),
    "c-mapping": _promise("logs:\n  - {path: ' ../logs/trygg/kommunen.csv ', sheet: X}\n"),
    "d-other": _promise("logs: [../logs/annat]\n"),
    "e-invalid": _promise("logs: [../logs/trygg]\n", extra="bogus: 1\n"),
    "f-duplicate-key": _promise("logs: [../logs/trygg]\n", extra="logs: [../logs/annat]\n"),
    "g-alias": _promise("x_: &a ../logs/trygg\nlogs: [*a]\n"),
    "h-parent": _promise("logs: [..]\n"),
    "i-empty": _promise("logs: ['']\n"),
    "j-indicator": _promise("logs: []\nindicators: [../logs/trygg/kommunen.csv]\n"),
    "k-not-yaml": "loften: 1\nlogs: [../logs/trygg\n",
    "l-list": "- ../logs/trygg\n",
    "m-utf16": _promise("logs: [../logs/trygg]\n"),
    "n-two-documents": _promise("logs: [../logs/trygg]\n", extra="---\nx: 1\n"),
}


def _national(root: Path, names: list[str]) -> None:
    shutil.copytree(FIVE / "logs", root / "logs")
    (root / "logs" / "annat").mkdir()
    (root / "promises").mkdir()
    for name in names:
        # A party of its own, so that the messages about a log name its owner's parties.
        mine = f"  kommun: Kommunen\n  del-{name[0]}: Del {name[0]}\n"
        text = SHAPES[name].replace("  kommun: Kommunen\n", mine)
        data = text.encode("utf-16") if name == "m-utf16" else text.encode("utf-8")
        (root / "promises" / f"{name}.yaml").write_bytes(data)


def _rendered(cwd: Path, paths: list[Path]) -> str:
    from loften.validation import Options, render, validate

    found = validate(paths, cwd=cwd)
    return render("json", found, Options(lang="en"))


@pytest.mark.parametrize("first", sorted(SHAPES))
def test_the_owner_found_cheaply_is_the_owner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str
) -> None:
    """Each shape first among the promises (so it wins when it names the log): every log
    alone, the folder, a log with a promise — the same result as validating every
    promise to ask it."""
    from loften.validation import pipeline

    others = (n for n in sorted(SHAPES) if n not in (first, "j-indicator"))
    _national(tmp_path, [first, *others])  # j-indicator, where present, takes every csv
    asked = [
        [tmp_path / "logs" / "trygg" / "kommunen.csv"],
        [tmp_path / "logs" / "trygg" / "polisen.yaml"],
        [tmp_path / "logs" / "trygg"],
        [tmp_path / "logs" / "trygg" / "kommunen.csv", tmp_path / "promises" / f"{first}.yaml"],
    ]
    cheap = [_rendered(tmp_path, paths) for paths in asked]
    monkeypatch.setattr(pipeline, "maybe_named", lambda path: None)  # may name anything
    assert cheap == [_rendered(tmp_path, paths) for paths in asked]


def test_maybe_named_is_a_superset_of_what_a_promise_names(tmp_path: Path) -> None:
    from loften.validation.pipeline import load_owner
    from loften.validation.sources import maybe_named

    _national(tmp_path, sorted(SHAPES))
    for name in sorted(SHAPES):
        path = tmp_path / "promises" / f"{name}.yaml"
        owner = load_owner(path, tmp_path)
        named = {s.path.resolve() for s in owner.sources}
        named |= {p.resolve() for p, _, _ in owner.indicators}
        maybe = maybe_named(path)
        assert maybe is None or named <= {p.resolve() for p in maybe}, name


def test_one_log_among_many_promises_validates_only_its_owner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from loften.validation import pipeline

    _national(tmp_path, sorted(SHAPES))
    loaded: list[str] = []
    load_owner = pipeline.load_owner

    def counting(path: Path, cwd: Path) -> Any:
        loaded.append(path.stem)
        return load_owner(path, cwd)

    monkeypatch.setattr(pipeline, "load_owner", counting)
    pipeline.validate([tmp_path / "logs" / "annat"], cwd=tmp_path)
    assert loaded == []  # no file in an empty folder
    pipeline.validate([tmp_path / "logs" / "trygg" / "kommunen.csv"], cwd=tmp_path)
    # The promises that may name it; the ones a cheap read cannot tell about are read too.
    assert loaded == [
        "a-folder", "b-file", "c-mapping", "e-invalid", "f-duplicate-key", "g-alias",
        "h-parent", "j-indicator", "k-not-yaml", "m-utf16", "n-two-documents",
    ]  # fmt: skip


def test_validate_loads_no_reporter_for_people_nor_other_commands(tmp_path: Path) -> None:
    _national(tmp_path, ["a-folder"])
    probe = "sorted(sys.modules)"
    loaded = set(_run_validate(tmp_path, "logs/trygg/kommunen.csv", probe=f"{{'m': {probe}}}")["m"])
    for module in ("rich", "jinja2", "loften.reporters.table", "loften.reporters.html"):
        assert module not in loaded
    for command in ("explain", "init", "report", "schema"):
        assert f"loften.cli.{command}" not in loaded
