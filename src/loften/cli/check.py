"""``loften check``: judge promises against their logs and write a report."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from loften.cli.app import (
    AsOfOption,
    LangOption,
    NotesOption,
    StrictOption,
    app,
    max_file_bytes,
    parse_as_of,
    print_problems,
    promise_paths,
    terminal_width,
    usage_error,
    warn_about_reading,
    write_output,
)
from loften.errors import Problem

if TYPE_CHECKING:
    from loften.results import PromiseResult

#: The formats ``check`` writes; each is a module in :data:`loften.reporters.REPORTERS`.
CHECK_FORMATS = ("table", "markdown", "json", "junit", "github")


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def default_format(human: str) -> str:
    """``github`` under GitHub Actions (SPEC §4), else ``human``."""
    return "github" if in_github_actions() else human


def append_step_summary(markdown: str, lang: str) -> None:
    """Appends to ``$GITHUB_STEP_SUMMARY`` when it is set; a failure warns, never fails.

    The commands call it with the ``github`` format only (the default under GitHub
    Actions), so a workflow that also writes ``--format junit -o …`` gets one summary.
    """
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8", newline="\n") as fh:
            fh.write(markdown if markdown.endswith("\n") else markdown + "\n")
    except OSError as err:
        from loften.messages import t

        reason = err.strerror or str(err)
        typer.echo(
            f"loften: {t('ci-summary-write-failed', lang, path=target, reason=reason)}", err=True
        )


@app.command()
def check(
    promises: Annotated[
        list[Path] | None, typer.Argument(help="Löftesfiler (standard: promises/*.yaml).")
    ] = None,
    as_of: AsOfOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=", ".join(CHECK_FORMATS) + " (standard: table; github under GitHub Actions)",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Skriv rapporten till en fil.")
    ] = None,
    lang: LangOption = None,
    strict: StrictOption = False,
    with_notes: NotesOption = False,
    details: Annotated[
        bool,
        typer.Option(
            "--details", help="Med flera löften: visa varje löfte i detalj efter översikten."
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processer som kontrollerar löften samtidigt (standard: en per kärna när"
            " löftena är många och loggarna stora, annars 1).",
        ),
    ] = None,
) -> None:
    """Kontrollera löften mot sina loggar. Flera löften ger först en översikt."""
    from loften.cli.progress import Progress
    from loften.cli.progress import wanted as progress_wanted
    from loften.engine import build_report
    from loften.engine.many import check_each, default_jobs
    from loften.memory import bulk
    from loften.messages import t
    from loften.reporters import Options, overview

    ui_lang = lang or "sv"
    if lang is not None and lang not in ("sv", "en"):
        raise usage_error("usage-lang", "sv", text=lang)
    fmt = fmt or default_format("table")
    if fmt not in CHECK_FORMATS:
        raise usage_error("usage-format", ui_lang, text=fmt, choices=", ".join(CHECK_FORMATS))
    day = parse_as_of(as_of, ui_lang)
    limit = max_file_bytes(ui_lang)
    paths = promise_paths(promises)
    if not paths:
        raise usage_error("no-promises", ui_lang)
    cwd = Path.cwd()
    # The whole command without the cyclic collector (loften.memory): a national check
    # holds millions of objects, none of them garbage, and once the judging is done the
    # collector would walk them all again while the report is made (issue 7).
    with bulk():
        progress = Progress(
            len(paths), t("progress-checking", ui_lang), enabled=progress_wanted(fmt)
        )
        try:
            outcomes = check_each(
                paths,
                as_of=day,
                cwd=cwd,
                jobs=jobs or default_jobs(len(paths), _log_bytes(paths)),
                max_bytes=limit,
                with_notes=with_notes,
                done=progress.advance,
                started=progress.start,
            )
        finally:
            progress.close()
        results: list[PromiseResult] = []
        problems: list[Problem] = []
        for outcome in outcomes:
            if isinstance(outcome, tuple):
                problems.extend(outcome)
            else:
                results.append(outcome)
        report_lang = lang or (results[0].language if results else "sv")
        if problems:
            _print_problems(problems, report_lang, fmt)
        if not results:
            raise typer.Exit(2)
        warn_about_reading(results, report_lang)
        report = build_report(results, day, with_notes=with_notes)
        color = (
            fmt == "table"
            and output is None
            and sys.stdout.isatty()
            and "NO_COLOR" not in os.environ
        )
        width = terminal_width() if color else 100
        options = Options(
            lang=report_lang, with_notes=with_notes, color=color, width=width, strict=strict
        )
        text = overview.render(fmt, report, options, details=details)
        write_output(text, output, report_lang)
        if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
            from loften.reporters.github import summary

            append_step_summary(summary(report, options), report_lang)
        raise typer.Exit(2 if problems else report.exit_code(strict))


def _print_problems(problems: list[Problem], lang: str, fmt: str) -> None:
    """Input problems: annotations on standard output in the ``github`` format, so they
    show on their lines in the pull request; else lines on standard error."""
    if fmt != "github":
        print_problems(problems, lang)
        return
    from loften.validation.github import annotation

    for p in problems:
        typer.echo(annotation(p, lang))


def _log_bytes(paths: list[Path]) -> int:
    """About how much the promises give to read: the size of every file their ``logs``
    and ``indicators`` may name, from a cheap read of each (many promises only)."""
    from loften.engine.many import PARALLEL_FROM
    from loften.files import readable_files
    from loften.validation.sources import maybe_named

    if len(paths) < PARALLEL_FROM:
        return 0
    total = 0
    for promise in paths:
        for named in maybe_named(promise) or ():
            files = readable_files(named) if named.is_dir() else [named]
            total += sum(map(_size, files))
    return total


def _size(file: Path) -> int:
    """A file's size; 0 for what cannot be read (its promise's check will say why)."""
    try:
        return file.stat().st_size
    except OSError:
        return 0
