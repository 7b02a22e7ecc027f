"""JUnit XML for CI test reports (GitLab, Jenkins, GitHub test-report actions).

One ``<testsuite>`` per promise (named by its id), one ``<testcase>`` per rule and
bucket, named ``commitment/rule [bucket]`` with the promise id as ``classname``:
the names come from the spec and the machine bucket labels, so they are unique and
the same on every run. What each bucket status becomes:

* ``fail`` → ``<failure message="short">details</failure>``;
* ``warn``, ``behind``, ``missing`` → a passing test case whose ``<system-out>``
  says why, since they do not fail ``check``; with ``--strict``, which makes them
  exit 1, they are failures too — the report and the exit code always agree;
* ``excepted`` → ``<skipped message="reason"/>``, and ``not-started`` → skipped;
* ``pass`` and ``on-track`` → a passing test case.

No timestamps, times or host names: the same report gives the same bytes.
Activity notes are never written (SPEC §5.8); references (``path:line``) are.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from loften.calendar import prose_date
from loften.messages import t
from loften.reporters import Options
from loften.reporters.github import bucket_line, strict
from loften.reporters.words import status_word
from loften.results import BucketResult, PromiseResult, Report, RuleResult

#: Statuses that do not fail ``check`` but do with ``--strict`` (SPEC §5.7).
STRICT_ONLY = ("warn", "behind", "missing")
MAX_REFS = 20


def render(report: Report, options: Options) -> str:
    lang, is_strict = options.lang, strict(options)
    root = ET.Element("testsuites", name="loften")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for p in report.promises:
        suite = _suite(p, report, lang, is_strict)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _suite(p: PromiseResult, report: Report, lang: str, is_strict: bool) -> ET.Element:
    suite = ET.Element("testsuite", name=p.id)
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("title", p.title),
        ("path", p.path),
        ("as_of", report.as_of.isoformat()),
        ("status", p.status),
        ("strict", "true" if is_strict else "false"),
    ):
        ET.SubElement(props, "property", name=name, value=value)
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for c in p.commitments:
        for r in c.rules:
            for b in r.buckets or (_whole_rule(r),):
                case = ET.SubElement(
                    suite,
                    "testcase",
                    name=f"{c.id}/{r.id} [{b.bucket}]",
                    classname=p.id,
                    file=p.path,
                )
                if r.line is not None:
                    case.set("line", str(r.line))
                counts["tests"] += 1
                outcome = _outcome(case, r, b, report, lang, is_strict)
                if outcome:
                    counts[outcome] += 1
    for key in ("tests", "failures", "errors", "skipped"):
        suite.set(key, str(counts[key]))
    return suite


def _outcome(
    case: ET.Element,
    r: RuleResult,
    b: BucketResult,
    report: Report,
    lang: str,
    is_strict: bool,
) -> str | None:
    """Fills in the test case; the counter it adds to (``failures``, ``skipped``) or None."""
    if b.status == "fail" or (is_strict and b.status in STRICT_ONLY):
        failure = ET.SubElement(case, "failure", message=bucket_line(r, b, lang), type=b.status)
        failure.text = _details(r, b, lang)
        return "failures"
    if b.status == "excepted":
        reasons = [e.reason for e in r.exceptions if e.bucket == b.bucket and e.state == "applied"]
        reason = " ".join(reasons) or status_word(b.status, lang)
        ET.SubElement(case, "skipped", message=reason)
        return "skipped"
    if b.status == "not-started":
        message = t("junit-not-started", lang, date=prose_date(report.as_of, lang))
        ET.SubElement(case, "skipped", message=message)
        return "skipped"
    if b.status in STRICT_ONLY:
        out = ET.SubElement(case, "system-out")
        out.text = _details(r, b, lang)
    return None


def _whole_rule(r: RuleResult) -> BucketResult:
    """A stand-in bucket for a rule without any, so that every rule is a test case."""
    return BucketResult(bucket="total", start=date.min, end=date.min, status=r.status)


def _details(r: RuleResult, b: BucketResult, lang: str) -> str:
    """The body of a failure: the verdict, the interpretation, what counted and what not."""
    lines = [bucket_line(r, b, lang)]
    if r.title:
        lines.append(r.title)
    if r.note:
        lines.append(t("report-note", lang, note=r.note))
    if b.detail is not None:
        lines.append(b.detail.text(lang))
    if b.counted:
        refs = ", ".join(b.counted[:MAX_REFS]) + (", …" if len(b.counted) > MAX_REFS else "")
        lines.append(t("junit-counted", lang, refs=refs))
    for x in b.left_out[:MAX_REFS]:
        lines.append(t("report-left-out", lang, activity=x.activity, reason=x.text(lang)))
    open_items = [i for i in b.items if i.status in ("fail", "behind", "missing", "excepted")]
    for item in open_items[:MAX_REFS]:
        detail = f" – {item.detail.text(lang)}" if item.detail else ""
        lines.append(f"{item.label}: {status_word(item.status, lang)}{detail}")
    return "\n".join(lines)
