"""``loften validate``: check input files for mistakes, without judging compliance."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from loften.cli.app import LangOption, app, usage_error, write_output
from loften.cli.check import append_step_summary, default_format
from loften.validation import FORMATS


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Löften, loggar, intyganden och indikatorfiler, eller mappar "
            "(standard: promises/*.yaml och loggarna de nämner)."
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=", ".join(FORMATS) + " (standard: text; github under GitHub Actions)",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Skriv resultatet till en fil.")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Kontrollera filerna: struktur, typer, datum, ordlista och dubbletter. Kod 0: inga fel,
    1: fel i filerna, 2: fel i kommandot."""
    ui_lang = lang or "sv"
    if lang is not None and lang not in ("sv", "en"):
        raise usage_error("usage-lang", "sv", text=lang)
    fmt = fmt or default_format("text")
    if fmt not in FORMATS:
        raise usage_error("usage-format", ui_lang, text=fmt, choices=", ".join(FORMATS))
    given = list(paths or [])
    for path in given:
        if not path.exists():
            raise usage_error("usage-path-missing", ui_lang, path=str(path))
    cwd = Path.cwd()
    if not given:
        from loften.validation.files import promises_folder

        if not promises_folder(cwd):
            raise usage_error("no-promises", ui_lang)
    from loften.validation import Options, render
    from loften.validation import validate as run

    validation = run(given, cwd=cwd)
    options = Options(lang=lang or validation.language)
    write_output(render(fmt, validation, options), output, options.lang)
    if fmt == "github":
        from loften.validation.summary import render as summary

        append_step_summary(summary(validation, options), options.lang)
    raise typer.Exit(validation.exit_code())
