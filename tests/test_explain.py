"""`loften explain` and docs/rules.md: every rule kind has a worked example, every example
runs through the engine and gives what it promises, and the docs are the generator's
output. These tests are what keeps the rule documentation honest."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from loften import explain
from loften.cli import app
from loften.messages import t
from loften.rules import KINDS

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["explain", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT / "tools/gen_rules_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the examples --------------------------------------------------------------------


def test_every_kind_has_an_example_and_every_example_a_kind() -> None:
    assert sorted(explain.example_kinds()) == sorted(KINDS), (
        "write src/loften/examples/<kind>.yaml for each new rule kind "
        "(see count.yaml), then run python tools/gen_rules_doc.py"
    )


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_example_runs_and_its_expectations_hold(kind: str, lang: str) -> None:
    example = explain.load_example(kind)
    assert example.spec.rule.get("kind") == kind
    expect = example.spec.expect
    assert expect.rule or expect.buckets or expect.items, "an example must expect something"
    report = explain.run_example(example, lang)
    assert report.promises[0].language == lang
    assert explain.mismatches(example, report) == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_example_is_written_in_both_languages(kind: str) -> None:
    s = explain.load_example(kind).spec
    for words in (s.title, s.promise, s.explanation):
        assert words.sv.strip() and words.en.strip() and words.sv != words.en
    # The explanation names every key of the kind (per, align and prorate: the guide does).
    for key in explain.keys(kind):
        if key.name not in ("per", "align", "prorate"):
            assert f"`{key.name}" in s.explanation.sv and f"`{key.name}" in s.explanation.en


def test_an_expectation_that_does_not_hold_is_reported() -> None:
    example = explain.load_example("count")
    wrong = example.spec.expect.model_copy(update={"buckets": {"2021": "fail", "2030": "pass"}})
    changed = explain.Example(
        example.spec.model_copy(update={"expect": wrong}), example.blocks, example.path
    )
    found = explain.mismatches(changed, explain.run_example(changed))
    assert [(m.label, m.expected, m.got) for m in found] == [
        ("2021", "fail", "pass"),
        ("2030", "pass", None),
    ]


def test_rule_block_is_shown_as_written_under_rules() -> None:
    text = explain.rule_yaml(explain.load_example("count"))
    assert text.splitlines()[:3] == ["rules:", "  - id: tva-per-ar", "    kind: count"]
    assert "    each: {days: {at_least: 2}}" in text


def test_keys_come_from_the_model() -> None:
    keys = {k.name: k for k in explain.keys("count")}
    assert keys["match"].required and keys["match"].default is None
    assert not keys["per"].required and keys["per"].default == "total"
    assert "kind" not in keys and "id" not in keys
    assert [k.name for k in explain.common_keys()] == [
        "id",
        "title",
        "note",
        "severity",
        "from",
        "until",
    ]


# --- the command ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_explain_lists_every_kind_with_its_summary(lang: str) -> None:
    code, out, _ = invoke("--lang", lang)
    assert code == 0
    assert out.startswith(t("explain-list-heading", lang))
    for kind, cls in KINDS.items():
        summary = cls.summary[0 if lang == "sv" else 1]
        assert summary and f"  {kind}" in out and summary in out


def test_explain_lists_in_swedish_by_default() -> None:
    assert invoke()[1] == invoke("--lang", "sv")[1]


def test_explain_count_in_swedish() -> None:
    code, out, _ = invoke("count")
    assert code == 0
    for key in ("match", "each", "at_least", "at_most", "exactly", "distinct", "per"):
        assert f"\n  {key} " in out
    assert "nyckel" in out and "krävs" in out and "standard" in out
    assert "Under 2020 och 2021 genomföra två stycken riktade insatser/år" in out
    assert "      - id: tva-per-ar" in out
    assert "- {date: 2021-06-11, type: riktad-insats, party: polis}" in out
    # What the engine computed, rendered by the table reporter.
    assert "2020                   ~ undantag  1 (minst 2)" in out
    assert "2021                   ✓ uppfyllt  2 (minst 2)" in out
    assert "räknas inte: logg.yaml:4 – 2021-06-11 Riktad insats: 1 dag, minst 2 krävs" in out


def test_explain_count_in_english() -> None:
    code, out, _ = invoke("count", "--lang", "en")
    assert code == 0
    assert "key" in out and "required" in out and "default" in out
    assert "In 2020 and 2021, carry out two targeted operations a year" in out
    assert "2020                   ~ excepted  1 (at least 2)" in out
    assert "2021                   ✓ pass  2 (at least 2)" in out


def test_explain_kind_ignores_case() -> None:
    assert invoke("COUNT")[1] == invoke("count")[1]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_explain_every_kind(kind: str) -> None:
    code, out, _ = invoke(kind, "--lang", "en")
    assert code == 0
    assert out.startswith(f"{kind} – ")
    assert "What loften reports, as of" in out


def test_unknown_kind_exits_2_with_the_nearest_kind() -> None:
    code, out, err = invoke("cuont")
    assert code == 2 and out == ""
    assert err == "loften: okänd regeltyp 'cuont'; menade du 'count'?\n"
    code, _, err = invoke("schedul", "--lang", "en")
    assert code == 2 and err == "loften: unknown rule kind 'schedul'; did you mean 'schedule'?\n"


def test_unknown_language_is_a_usage_error() -> None:
    code, _, err = invoke("count", "--lang", "de")
    assert code == 2 and "de" in err


# --- docs/rules.md -------------------------------------------------------------------


def test_docs_rules_md_is_generated_from_the_examples() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == generator().render_doc(), (
        "docs/rules.md is out of date with src/loften/examples: "
        "run python tools/gen_rules_doc.py and commit the result"
    )


def test_docs_have_a_section_per_kind_in_both_languages() -> None:
    text = generator().render_doc()
    assert text.index("## Svenska") < text.index("## English")
    swedish, english = text.split("## English")
    for kind in KINDS:
        for half, lang in ((swedish, "sv"), (english, "en")):
            assert f'<a id="{kind}-{lang}"></a>\n#### `{kind}`' in half
    assert "Så här rapporterar loften exemplet, läget den" in swedish
    assert "What loften reports, as of" in english
