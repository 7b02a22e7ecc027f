"""The Markdown report: escaping, content, golden files, determinism, ``loften report``.

Golden files live in ``tests/golden/``; ``LOFTEN_UPDATE_GOLDEN=1 pytest`` rewrites
them from the current output (review the diff before committing). The helpers at
the top are shared with ``test_report_html.py``.
"""

from __future__ import annotations

import os
import re
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from loften.cli import app
from loften.engine import build_report, check_promise
from loften.reporters import REPORTERS, Options, render
from loften.reporters.markdown import md_escape
from loften.reporters.people import runs
from loften.results import Report

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SMALL = Path("tests/data/report/promises/trygg-2020-2021.yaml")
SMALL_AS_OF = date(2021, 3, 15)
SODERHAMN = Path("promises/soderhamn-2020-2021.yaml")
SODERHAMN_AS_OF = date(2022, 1, 15)
HOSTILE = "| <script>alert(1)</script>"


def report_of(path: Path, as_of: date, *, with_notes: bool = False) -> Report:
    """Check ``path`` (relative to the repository), paths shown from its root."""
    result = check_promise(ROOT / path, as_of=as_of, cwd=ROOT)
    return build_report([result], as_of, with_notes=with_notes)


def soderhamn_report() -> Report:
    """The Söderhamn promise as of 15 January 2022; skipped while a kind it uses is missing."""
    from loften.errors import LoftenError

    try:
        return report_of(SODERHAMN, SODERHAMN_AS_OF)
    except LoftenError as err:
        pytest.skip(f"Söderhamn promise not checkable yet: {err.problems[0].render('en')}")


def rendered(fmt: str, report: Report, lang: str, stamp: str | None = None) -> str:
    return render(fmt, report, Options(lang=lang, stamp=stamp, with_notes=report.with_notes))


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LOFTEN_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"no golden file {name}: run with LOFTEN_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs (LOFTEN_UPDATE_GOLDEN=1 rewrites it)"


def with_notes(report: Report, notes: dict[str, str], flag: bool = True) -> Report:
    noted = report.promises[0].model_copy(update={"notes": notes})
    return report.model_copy(update={"promises": (noted,), "with_notes": flag})


def unescaped(text: str, char: str) -> int:
    """How many times ``char`` occurs not preceded by a backslash escape."""
    return len(re.findall(r"(?<!\\)(?:\\\\)*" + re.escape(char), text))


# ---------------------------------------------------------------- md_escape


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Rådhustorget", "Rådhustorget"),
        ("a | b", r"a \| b"),
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("*fet* och _kursiv_", r"\*fet\* och \_kursiv\_"),
        ("`kod`", r"\`kod\`"),
        ("[länk](http://x)", r"\[länk\](http://x)"),
        ("![bild](x.png)", r"!\[bild\](x.png)"),
        ("rad ett\nrad två\r\n\ttre", "rad ett rad två tre"),
        ("# rubrik", r"\# rubrik"),
        ("- punkt", r"\- punkt"),
        ("+ punkt", r"\+ punkt"),
        ("1. punkt", r"1\. punkt"),
        ("2021) punkt", r"2021\) punkt"),
        ("v. 9 2020", "v. 9 2020"),
        ("1.5 timmar", "1.5 timmar"),
        ("&lt;b&gt;", r"\&lt;b\&gt;"),
        ("Polis & kommun", "Polis & kommun"),
        ("~~struken~~", r"\~\~struken\~\~"),
        ("$x$", r"\$x\$"),
        ("c:\\temp", r"c:\\temp"),
        ("", ""),
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


@given(st.text())
def test_md_escape_reads_back_as_the_text_on_one_line(text: str) -> None:
    escaped = md_escape(text)
    assert "\n" not in escaped and "\r" not in escaped
    for char in "|<>`*_[]#~$":
        assert unescaped(escaped, char) == 0
    assert re.sub(r"\\(.)", r"\1", escaped) == " ".join(text.split())


def test_runs_compacts_line_numbers() -> None:
    assert runs([9, 2, 3, 4, 7, 10, 3]) == "2–4, 7, 9–10"
    assert runs([5]) == "5"


@given(st.lists(st.integers(min_value=1, max_value=60), max_size=40))
def test_runs_name_every_line_once_in_maximal_runs(numbers: list[int]) -> None:
    text = runs(numbers)
    spans = [tuple(map(int, part.split("–"))) for part in text.split(", ")] if text else []
    named = [n for span in spans for n in range(span[0], span[-1] + 1)]
    assert named == sorted(set(numbers))
    assert all(len(span) == 1 or span[0] < span[1] for span in spans)
    assert all(b[0] > a[-1] + 1 for a, b in pairwise(spans))  # none could be joined


# ---------------------------------------------------------------- content


def test_registered_as_formats() -> None:
    assert REPORTERS["markdown"] == "markdown"
    assert REPORTERS["html"] == "html"


def test_small_promise_in_swedish() -> None:
    text = rendered("markdown", report_of(SMALL, SMALL_AS_OF), "sv")
    assert "**Läget den 15 mars 2021.** Samlad bedömning: **✗ ej uppfyllt**." in text
    assert "1 av 4 regler är inte uppfylld och kan inte längre uppfyllas." in text
    assert "- **Period:** 1 januari 2020 – 31 december 2021" in text
    assert (
        "| första halvåret 2021 | ↓ efter plan | 5 (minst 40 timmar) | 35 senast 2021-06-30 |"
        in (text)
    )
    # what is left and by when, in the summary
    assert "(första halvåret 2021): 35 senast 30 juni 2021" in text
    # interpretation without a doubled "tolkning:"
    assert "**Tolkning:** Två per kalenderår;" in text
    # a left-out activity with its reason and reference
    assert "2021-02-03 Riktad insats: 1 dag, minst 2 krävs" in text
    assert "tests/data/report/logs/trygg/polisen.yaml:22" in text
    # exception with state, reason and decision
    assert "- 2020 (tillämpat): Insatsen ställdes in" in text
    assert "Beslutat 2 april 2020 av Styrgruppen." in text
    # appendix: evidence, data quality, files
    assert "## Bilaga 1: Underlag" in text
    assert "tests/data/report/logs/trygg/kommunen.csv: rad 2–3, 5" in text
    assert "## Bilaga 2: Datakvalitet" in text
    assert "2021-03-10 Trygghetsvandring: planerad, räknas inte" in text
    assert "| tests/data/report/logs/trygg/kommunen.csv | 6 | 6 | 0 |" in text
    # decimal comma
    assert "42,5 (minst 40 timmar)" in text


def test_small_promise_in_english() -> None:
    text = rendered("markdown", report_of(SMALL, SMALL_AS_OF), "en")
    assert "**Status as of 15 March 2021.** Overall assessment: **✗ fail**." in text
    assert "| H1 2021 | ↓ behind | 5 (at least 40 hours) | 35 by 2021-06-30 |" in text
    assert "42.5 (at least 40 hours)" in text
    assert "## Appendix 1: Evidence" in text
    assert "Tolkning" not in text


def test_hostile_text_is_escaped_and_breaks_no_table() -> None:
    text = rendered("markdown", report_of(SMALL, SMALL_AS_OF), "sv")
    assert "<script>" not in text
    assert r"\<script\>alert(1)\</script\>" in text
    # the reason's line break is gone: the exception is one list item
    assert r"Insatsen ställdes in \| \<script\>alert(1)\</script\> ny rad." in text
    # every table row has as many cells as its header
    columns = None
    for line in text.splitlines():
        if line.startswith("|"):
            cells = unescaped(line, "|")
            columns = columns or cells
            if line.startswith("| ---") or columns:
                assert cells == columns, line
        else:
            columns = None


def test_notes_only_with_with_notes() -> None:
    base = report_of(SMALL, SMALL_AS_OF)
    ref = "tests/data/report/logs/trygg/polisen.yaml:22"
    noted = rendered("markdown", with_notes(base, {ref: f"Ring Anna {HOSTILE}\nrad"}), "sv")
    assert rf"  - {ref}: Ring Anna \| \<script\>alert(1)\</script\> rad" in noted
    hidden = rendered("markdown", with_notes(base, {ref: "Ring Anna"}, flag=False), "sv")
    assert "Ring Anna" not in hidden


def test_two_promises_in_one_report() -> None:
    one = report_of(SMALL, SMALL_AS_OF)
    both = build_report([one.promises[0], one.promises[0]], SMALL_AS_OF)
    text = rendered("markdown", both, "sv")
    assert text.count("# Tryggare torg") == 2
    assert "\n---\n" in text


def test_stamp_only_when_asked() -> None:
    report = report_of(SMALL, SMALL_AS_OF)
    assert "2021-03-15 10:00" not in rendered("markdown", report, "sv")
    stamped = rendered("markdown", report, "sv", stamp="2021-03-15 10:00")
    assert "*Rapporten är skapad med loften 2021-03-15 10:00.*" in stamped


def test_deterministic() -> None:
    assert rendered("markdown", report_of(SMALL, SMALL_AS_OF), "sv") == rendered(
        "markdown", report_of(SMALL, SMALL_AS_OF), "sv"
    )


# ---------------------------------------------------------------- golden files


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_golden_small(lang: str) -> None:
    assert_golden(f"trygg-{lang}.md", rendered("markdown", report_of(SMALL, SMALL_AS_OF), lang))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_golden_soderhamn(lang: str) -> None:
    assert_golden(f"soderhamn-{lang}.md", rendered("markdown", soderhamn_report(), lang))


# ---------------------------------------------------------------- loften report


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("name", "start"),
    [("rapport.md", "# Tryggare torg"), ("rapport.html", "<!DOCTYPE html>"), ("r.json", "{")],
)
def test_report_command_writes_by_extension(
    in_root: Path, tmp_path: Path, name: str, start: str
) -> None:
    out = tmp_path / name
    code, _ = run("report", str(SMALL), "-o", str(out), "--as-of", "2021-03-15")
    assert code == 1  # an error rule failed, as `check`
    assert out.read_text(encoding="utf-8").startswith(start)


def test_report_command_matches_the_reporter_and_is_byte_identical(
    in_root: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    for out in (first, second):
        run("report", str(SMALL), "-o", str(out), "--as-of", "2021-03-15", "--lang", "en")
    assert first.read_bytes() == second.read_bytes()
    expected = rendered("markdown", report_of(SMALL, SMALL_AS_OF), "en")
    assert first.read_text(encoding="utf-8") == expected


def test_report_command_exit_codes(in_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    # before anything failed: 0; with --strict the behind bucket makes it 1
    assert run("report", str(SMALL), "-o", str(out), "--as-of", "2020-03-15")[0] == 0
    assert run("report", str(SMALL), "-o", str(out), "--as-of", "2020-05-15")[0] == 0
    strict = run("report", str(SMALL), "-o", str(out), "--as-of", "2020-05-15", "--strict")
    assert strict[0] == 1


def test_report_command_stamp(in_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    run("report", str(SMALL), "-o", str(out), "--as-of", "2021-03-15", "--stamp")
    assert re.search(r"skapad med loften \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.", out.read_text())


def test_report_command_unknown_extension(in_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "rapport.pdf"
    code, output = run("report", str(SMALL), "-o", str(out), "--as-of", "2021-03-15")
    assert code == 2
    assert "använd .md, .html eller .json" in output
    assert not out.exists()


def test_report_command_needs_an_output(in_root: Path) -> None:
    assert run("report", str(SMALL))[0] == 2


def test_failing_run_writes_no_file(in_root: Path, tmp_path: Path) -> None:
    bad = tmp_path / "trasig.yaml"
    bad.write_text("loften: 1\nid: trasig\ntitle: x\n", encoding="utf-8")
    out = tmp_path / "rapport.md"
    code, output = run("report", str(bad), "-o", str(out), "--as-of", "2021-03-15")
    assert code == 2
    assert "period" in output
    assert not out.exists()
    # an existing report is left as it was, and no temporary file stays behind
    out.write_text("förra rapporten", encoding="utf-8")
    assert run("report", str(bad), "-o", str(out), "--as-of", "2021-03-15")[0] == 2
    assert out.read_text(encoding="utf-8") == "förra rapporten"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.md", "trasig.yaml"]
