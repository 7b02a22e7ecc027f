"""The HTML report: self-contained, escaped, printable, a chart per rule, golden files.

A headless-browser test (rendering, console errors, screenshot and PDF) is a later
step; these tests read the file as a parser would. Helpers and the ``report``
command's tests are in ``test_report_markdown.py``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from typing import Literal

import pytest

from loften.reporters import Options
from loften.reporters.charts import chart, item_day, px
from loften.reporters.html import environment
from loften.results import BucketResult, Item, RuleResult
from test_report_markdown import (
    HOSTILE,
    SMALL,
    SMALL_AS_OF,
    assert_golden,
    build_report,
    rendered,
    report_of,
    soderhamn_report,
    with_notes,
)


class Page(HTMLParser):
    """What a reader and a browser see: text, ids, charts, and anything fetched."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.ids: list[str] = []
        self.charts: list[str] = []
        self.tags: list[str] = []
        self.fetches: list[str] = []
        self.svg_titles = 0
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if tag == "figure" and a.get("class") == "chart":
            self.charts.append(a.get("id") or "")
        for key in ("src", "srcset", "data"):
            if key in a:
                self.fetches.append(f"{tag} {key}")
        if tag == "link" or (tag == "a" and (a.get("href") or "").startswith(("http", "//"))):
            self.fetches.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def small_html() -> str:
    return rendered("html", report_of(SMALL, SMALL_AS_OF), "sv")


def test_self_contained(small_html: str) -> None:
    page = Page(small_html)
    assert page.fetches == []
    assert "script" not in page.tags
    assert "@import" not in small_html and "url(" not in small_html
    # no attribute names a URL but the SVG namespace, which is never fetched
    urls = set(re.findall(r'="((?:https?:)?//[^"]*)"', small_html))
    assert urls == {"http://www.w3.org/2000/svg"}


def test_escaped_and_shown_as_text(small_html: str) -> None:
    assert "<script>" not in small_html
    text = "".join(Page(small_html).text)
    assert f"Tryggare torg 2020–2021 {HOSTILE}" in text
    assert f"Två riktade insatser per år {HOSTILE}, vardera minst två dagar." in text
    assert f"Insatsen ställdes in {HOSTILE}" in text
    assert "Torget *mitt* i _byn_" in text


def test_notes_escaped_only_with_with_notes() -> None:
    base = report_of(SMALL, SMALL_AS_OF)
    ref = "tests/data/report/logs/trygg/polisen.yaml:22"
    html = rendered("html", with_notes(base, {ref: f"Ring Anna {HOSTILE}"}), "sv")
    assert "<script>" not in html
    assert f"{ref}: Ring Anna {HOSTILE}" in "".join(Page(html).text)
    assert "Ring Anna" not in rendered("html", with_notes(base, {ref: "Ring Anna"}, False), "sv")


def test_a_chart_per_rule_with_a_stable_id_and_words(small_html: str) -> None:
    page = Page(small_html)
    assert page.charts == [
        "chart-polis-insatser-tva-per-ar",
        "chart-polis-insatser-timmar",
        "chart-kommun-vandringar-vandringar",
        "chart-gemensamt-1",
    ]
    assert len(page.ids) == len(set(page.ids))
    svgs = re.findall(r"<svg.*?</svg>", small_html, re.S)
    assert len(svgs) == 4
    for svg in svgs:
        root = ET.fromstring(svg)  # well-formed XML
        ns = "{http://www.w3.org/2000/svg}"
        assert root.get("role") == "img"
        title, desc = root.find(f"{ns}title"), root.find(f"{ns}desc")
        assert title is not None and title.text
        assert desc is not None and desc.text
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "Stapeldiagram: utfall per period mot kravet. 2020: 1 (minst 2) – undantag" in small_html


def test_status_in_words_and_symbols(small_html: str) -> None:
    assert '<span class="status s-fail">✗ ej uppfyllt</span>' in small_html
    assert '<span class="status s-behind">↓ efter plan</span>' in small_html


def test_print_stylesheet(small_html: str) -> None:
    assert "@page { size: A4;" in small_html
    assert ".party, .appendix { break-before: page; }" in small_html
    assert "thead { display: table-header-group; }" in small_html
    assert small_html.count('<section class="party">') == 3


def test_language(small_html: str) -> None:
    assert small_html.startswith('<!DOCTYPE html>\n<html lang="sv">')
    en = rendered("html", report_of(SMALL, SMALL_AS_OF), "en")
    assert '<html lang="en">' in en
    assert "Bar chart: result per period against the requirement." in en


def test_stamp_only_when_asked(small_html: str) -> None:
    assert not re.search(r"\d{2}:\d{2}", small_html.split("</style>")[1])
    stamped = rendered("html", report_of(SMALL, SMALL_AS_OF), "sv", stamp="2021-03-15 10:00")
    assert "<footer>Rapporten är skapad med loften 2021-03-15 10:00.</footer>" in stamped


def test_deterministic(small_html: str) -> None:
    assert rendered("html", report_of(SMALL, SMALL_AS_OF), "sv") == small_html


def test_two_promises_keep_ids_unique() -> None:
    one = report_of(SMALL, SMALL_AS_OF).promises[0]
    other = one.model_copy(update={"id": "annat-2020"})
    html = rendered("html", build_report([one, other], SMALL_AS_OF), "sv")
    page = Page(html)
    assert len(page.ids) == len(set(page.ids))
    assert "chart-trygg-2020-2021-polis-insatser-timmar" in page.charts


# ---------------------------------------------------------------- charts


def _rule(
    kind: str,
    unit: str,
    buckets: list[BucketResult],
    bound: Literal["at_least", "at_most", "exactly"] | None = None,
) -> RuleResult:
    return RuleResult(
        id="r",
        kind=kind,
        severity="error",
        status=buckets[0].status,
        unit=unit,
        bound=bound,
        buckets=tuple(buckets),
    )


def _bucket(label: str, status: str, **kw: object) -> BucketResult:
    fields = {"start": "2020-01-01", "end": "2021-12-31", **kw}
    return BucketResult.model_validate({"bucket": label, "status": status, **fields})


def _draw(rule: RuleResult) -> str:
    return str(
        chart(
            environment(),
            rule,
            "chart-x",
            "Regel <1>",
            date(2020, 1, 1),
            date(2021, 12, 31),
            date(2021, 3, 1),
            "sv",
        )
    )


def test_timeline_for_dated_items() -> None:
    items = (
        Item(label="2020-W02", status="pass"),
        Item(label="2020-W03", status="fail"),
        Item(label="2021-03-05@Torget <b>", status="on-track"),
    )
    svg = _draw(_rule("cadence", "ratio", [_bucket("total", "on-track", value=0.5, items=items)]))
    ET.fromstring(svg)
    assert "✓ uppfyllt (1)" in svg and "✗ ej uppfyllt (1)" in svg and "→ i fas (1)" in svg
    assert "Torget &lt;b&gt;" in svg
    assert '<title id="chart-x-title">Regel &lt;1&gt;</title>' in svg
    assert ">läget</text>" in svg


def test_gauge_for_a_share() -> None:
    b = _bucket("total", "on-track", value=Decimal("0.545"), required=Decimal("0.5"))
    svg = _draw(_rule("share", "share", [b], bound="at_least"))
    ET.fromstring(svg)
    assert "54,5 % →" in svg and "minst 50 %" in svg and ">100 %</text>" in svg


def test_strip_for_attestations_per_year() -> None:
    rule = _rule(
        "attested", "count", [_bucket("2020", "pass", value=1), _bucket("2021", "fail", value=0)]
    )
    svg = _draw(rule)
    ET.fromstring(svg)
    assert "Status per post: 2020: uppfyllt; 2021: ej uppfyllt" in svg


def test_bars_with_the_bound_as_a_line() -> None:
    rule = _rule(
        "count",
        "count",
        [_bucket(f"2020-{m:02d}", "pass", value=m % 3, required=1) for m in range(1, 13)],
        bound="at_least",
    )
    svg = _draw(rule)
    ET.fromstring(svg)
    assert svg.count('<line class="bound"') == 1  # one bound across all buckets
    assert "januari 2020: 1 (minst 1) – uppfyllt" in svg


def test_item_days_and_coordinates() -> None:
    assert item_day(Item(label="2020-W09", status="pass")) == date(2020, 2, 24)
    assert item_day(Item(label="2020-03", status="pass")) == date(2020, 3, 1)
    assert item_day(Item(label="begaran-1", status="pass")) is None
    assert (px(12), px(12.04), px(12.25)) == ("12", "12", "12.2")


# ---------------------------------------------------------------- golden files


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_golden_small(lang: str) -> None:
    assert_golden(f"trygg-{lang}.html", rendered("html", report_of(SMALL, SMALL_AS_OF), lang))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_golden_soderhamn(lang: str) -> None:
    report = soderhamn_report()
    html = rendered("html", report, lang)
    rules = [r for c in report.promises[0].commitments for r in c.rules]
    assert len(Page(html).charts) == len(rules)
    assert_golden(f"soderhamn-{lang}.html", html)


def test_options_are_the_reporter_api() -> None:
    assert Options().stamp is None
