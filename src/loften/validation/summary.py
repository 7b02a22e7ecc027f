"""The Markdown that ``validate`` appends to ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

from loften.messages import t
from loften.reporters.github import md
from loften.validation import Options
from loften.validation.result import Validation
from loften.validation.words import summary as count_line

MAX_ROWS = 200


def render(validation: Validation, options: Options) -> str:
    lang = options.lang
    mark = "✓" if validation.valid else "✗"
    out = [
        f"## {t('ci-validate-heading', lang)}",
        "",
        f"**{mark} {md(count_line(validation, lang))}**",
        "",
    ]
    if validation.problems:
        out.append(f"| {t('ci-col-place', lang)} | {t('ci-col-message', lang)} |")
        out.append("| --- | --- |")
        for p in validation.problems[:MAX_ROWS]:
            place = f"`{p.where}`" if p.where is not None else ""
            text = p.message(lang)
            if p.severity != "error":
                text = f"{t(f'severity-{p.severity}', lang)}: {text}"
            out.append(f"| {place} | {md(text)} |")
        rest = len(validation.problems) - MAX_ROWS
        if rest > 0:
            out.append("")
            out.append(t("ci-more", lang, count=rest))
        out.append("")
    return "\n".join(out) + "\n"
