"""GitHub Actions: workflow-command annotations, and the step summary in Markdown.

``render`` gives one annotation per rule that is not kept — ``::error`` for a failed
``error`` rule, ``::warning`` for ``warn``, ``behind`` and ``missing`` (``::error``
too with ``--strict``, since they then fail the run) — pointing at the rule's line
in the promise file, and one closing ``::notice`` per promise, so the output is
never empty. ``summary`` is the Markdown that ``check`` appends to
``$GITHUB_STEP_SUMMARY``.

:func:`command` writes any workflow command with GitHub's escaping: in the message
``%``, CR and LF; in properties also ``:`` and ``,``.
"""

from __future__ import annotations

from loften.calendar import human_label, prose_date
from loften.messages import number, t
from loften.reporters import Options
from loften.reporters.words import status_word, symbol, value_text
from loften.results import BucketResult, CommitmentResult, PromiseResult, Report, RuleResult

#: Rule statuses that get an annotation; ``fail`` of an ``error`` rule fails the run.
ANNOTATED = ("fail", "warn", "behind", "missing")


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    """``::name key=value,…::message``, escaped; properties that are ``None`` are left out."""
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def strict(options: Options) -> bool:
    """``--strict`` as ``check`` passes it."""
    return options.strict


def render(report: Report, options: Options) -> str:
    lang = options.lang
    lines: list[str] = []
    for p in report.promises:
        for c in p.commitments:
            for r in c.rules:
                if r.status in ANNOTATED:
                    lines.append(_annotation(p, c, r, lang, strict(options)))
        lines.append(
            command(
                "notice",
                t(
                    "ci-check-notice",
                    lang,
                    title=p.title,
                    status=status_word(p.status, lang),
                    summary=rule_counts(p, lang),
                ),
                file=p.path,
                title=f"loften check {p.id}",
            )
        )
    return "\n".join(lines) + "\n"


def _annotation(
    p: PromiseResult, c: CommitmentResult, r: RuleResult, lang: str, is_strict: bool
) -> str:
    level = "error" if r.status == "fail" or is_strict else "warning"
    head = f"{c.id}/{r.id}" + (f" – {r.title}" if r.title else "")
    lines = [head]
    lines += [bucket_line(r, b, lang) for b in r.buckets if b.status in ANNOTATED]
    if r.status != "fail" and is_strict:
        lines.append(t("ci-strict", lang))
    return command(
        level,
        "\n".join(lines),
        file=p.path,
        line=r.line,
        title=f"loften {status_word(r.status, lang)}: {c.id}/{r.id}",
    )


def bucket_line(r: RuleResult, b: BucketResult, lang: str) -> str:
    """``2021: ej uppfyllt – 1 (minst 2)``, and what is left for a bucket behind."""
    text = f"{human_label(b.bucket, lang)}: {status_word(b.status, lang)}"
    value = value_text(r, b, lang)
    if value:
        text += f" – {value}"
    if b.status == "behind" and b.left is not None and b.due is not None:
        text += "; " + t(
            "report-left", lang, left=number(b.left, lang), due=prose_date(b.due, lang)
        )
    return text


def rule_counts(p: PromiseResult, lang: str) -> str:
    rules = [r for c in p.commitments for r in c.rules]
    passed = sum(r.status == "pass" for r in rules)
    failed = sum(r.status == "fail" for r in rules)
    behind = sum(r.status == "behind" for r in rules)
    return t(
        "report-summary",
        lang,
        rules=len(rules),
        passed=passed,
        failed=failed,
        behind=behind,
        other=len(rules) - passed - failed - behind,
    )


# --- the step summary ------------------------------------------------------------------


def summary(report: Report, options: Options) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: per promise its status and a row per rule."""
    lang = options.lang
    out: list[str] = []
    for p in report.promises:
        out.append(f"## {md(t('ci-check-heading', lang, title=p.title))}")
        out.append("")
        out.append(
            f"**{symbol(p.status)} {status_word(p.status, lang)}** · "
            f"{md(t('report-as-of', lang, date=prose_date(report.as_of, lang)))} · "
            f"{md(rule_counts(p, lang))}"
        )
        out.append("")
        out.append(
            f"| {t('ci-col-rule', lang)} | {t('ci-col-status', lang)} | "
            f"{t('ci-col-result', lang)} |"
        )
        out.append("| --- | --- | --- |")
        for c in p.commitments:
            for r in c.rules:
                name = f"`{c.id}/{r.id}`" + (f" {md(r.title)}" if r.title else "")
                shown = [b for b in r.buckets if b.status in ANNOTATED] or list(r.buckets[-1:])
                result = "<br>".join(md(bucket_line(r, b, lang)) for b in shown)
                out.append(
                    f"| {name} | {symbol(r.status)} {status_word(r.status, lang)} | {result} |"
                )
        out.append("")
    return "\n".join(out)


def md(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks, no HTML."""
    return (
        text.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("<", "&lt;")
        .replace("\r", " ")
        .replace("\n", " ")
    )
