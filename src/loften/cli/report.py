"""``loften report PROMISE -o FILE``: a report for people, in the format of the file's
extension (``.md``, ``.html``, ``.json``); exit codes as ``check``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
    usage_error,
    write_output,
)

# File extension -> format in the reporter registry.
EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}


def format_of(path: Path) -> str | None:
    return EXTENSIONS.get(path.suffix.casefold())


@app.command()
def report(
    promise: Annotated[Path, typer.Argument(help="Löftesfilen.")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Rapportfilen: .md, .html eller .json."),
    ],
    as_of: AsOfOption = None,
    lang: LangOption = None,
    strict: StrictOption = False,
    with_notes: NotesOption = False,
    stamp: Annotated[
        bool, typer.Option("--stamp", help="Skriv ut när rapporten skapades.")
    ] = False,
) -> None:
    """Skriv en rapport för styrgruppen: Markdown, HTML eller JSON."""
    from loften.engine import build_report, check_promise
    from loften.errors import LoftenError
    from loften.reporters import Options, render

    ui_lang = lang or "sv"
    if lang is not None and lang not in ("sv", "en"):
        raise usage_error("usage-lang", "sv", text=lang)
    fmt = format_of(output)
    if fmt is None:
        raise usage_error("people-report-extension", ui_lang, path=str(output))
    day = parse_as_of(as_of, ui_lang)
    limit = max_file_bytes(ui_lang)
    try:
        result = check_promise(
            promise, as_of=day, cwd=Path.cwd(), max_bytes=limit, with_notes=with_notes
        )
    except LoftenError as err:
        print_problems(err.problems, ui_lang)
        raise typer.Exit(2) from None
    report_lang = lang or result.language
    built = build_report([result], day, with_notes=with_notes)
    options = Options(lang=report_lang, with_notes=with_notes, stamp=_now() if stamp else None)
    write_output(render(fmt, built, options), output, report_lang)
    raise typer.Exit(built.exit_code(strict))


def _now() -> str:
    """The time of writing, to the minute, in Europe/Stockholm (only with ``--stamp``)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        now = datetime.now(ZoneInfo("Europe/Stockholm"))
    except ZoneInfoNotFoundError:
        now = datetime.now().astimezone()
    return now.strftime("%Y-%m-%d %H:%M")
