"""``loften check``: judge promises against their logs and write a report."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from loften.cli.app import (
    app,
    parse_as_of,
    print_problems,
    promise_paths,
    terminal_width,
    usage_error,
    write_output,
)

CHECK_FORMATS = ("table", "json")


@app.command()
def check(
    promises: Annotated[
        list[Path] | None, typer.Argument(help="Löftesfiler (standard: promises/*.yaml).")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Bedöm läget per detta datum (ÅÅÅÅ-MM-DD).")
    ] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="table, json")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Skriv rapporten till en fil.")
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="sv eller en (standard: löftets språk).")
    ] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Varning, efter plan och saknat underlag ger också kod 1."),
    ] = False,
    with_notes: Annotated[
        bool, typer.Option("--with-notes", help="Visa anteckningar ur loggarna.")
    ] = False,
) -> None:
    """Kontrollera löften mot sina loggar."""
    from loften.engine import build_report, check_promise
    from loften.errors import LoftenError
    from loften.reporters import Options, render

    ui_lang = lang or "sv"
    if lang is not None and lang not in ("sv", "en"):
        raise usage_error("usage-lang", "sv", text=lang)
    fmt = fmt or (
        "github"
        if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in CHECK_FORMATS
        else "table"
    )
    if fmt not in CHECK_FORMATS:
        raise usage_error("usage-format", ui_lang, text=fmt, choices=", ".join(CHECK_FORMATS))
    day = parse_as_of(as_of, ui_lang)
    paths = promise_paths(promises)
    if not paths:
        raise usage_error("no-promises", ui_lang)
    cwd = Path.cwd()
    results, problems = [], []
    for path in paths:
        try:
            results.append(check_promise(path, as_of=day, cwd=cwd))
        except LoftenError as err:
            problems.extend(err.problems)
    report_lang = lang or (results[0].language if results else "sv")
    if problems:
        print_problems(problems, report_lang)
    if results:
        report = build_report(results, day, with_notes=with_notes)
        color = (
            fmt == "table"
            and output is None
            and sys.stdout.isatty()
            and "NO_COLOR" not in os.environ
        )
        width = terminal_width() if color else 100
        options = Options(lang=report_lang, with_notes=with_notes, color=color, width=width)
        write_output(render(fmt, report, options), output, report_lang)
        code = report.exit_code(strict)
    else:
        code = 0
    raise typer.Exit(2 if problems else code)
