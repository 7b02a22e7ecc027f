"""The Typer app and what every command shares: dates, paths, problems, writing.

The ``cli`` package is the only place that prints, reads the clock or exits.
Heavy modules (pydantic, Rich, the engine) are imported inside the commands so
``--version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from loften import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Följ upp medborgarlöften: kontrollera loggade aktiviteter mot löftets regler.",
)

MAX_PROBLEMS = 50

# Options several commands share, declared once.
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="Bedöm läget per detta datum (ÅÅÅÅ-MM-DD).")
]
LangOption = Annotated[
    str | None, typer.Option("--lang", help="sv eller en (standard: löftets språk).")
]
StrictOption = Annotated[
    bool,
    typer.Option("--strict", help="Varning, efter plan och saknat underlag ger också kod 1."),
]
NotesOption = Annotated[bool, typer.Option("--with-notes", help="Visa anteckningar ur loggarna.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"loften {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Visa versionen.")
    ] = False,
) -> None:
    """loften — följ upp medborgarlöften."""


def today() -> date:
    from datetime import datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return datetime.now(ZoneInfo("Europe/Stockholm")).date()
    except ZoneInfoNotFoundError:
        return date.today()


def usage_error(code: str, lang: str, **params: object) -> typer.Exit:
    from loften.messages import t

    typer.echo(f"loften: {t(code, lang, **params)}", err=True)
    return typer.Exit(2)


def parse_as_of(text: str | None, lang: str) -> date:
    if text is None:
        return today()
    from loften import values
    from loften.errors import BadValue

    try:
        return values.parse_date(text.strip())
    except BadValue:
        raise usage_error("usage-as-of", lang, text=text) from None


def print_problems(problems: list, lang: str) -> None:
    from loften.messages import t

    for p in problems[:MAX_PROBLEMS]:
        typer.echo(p.render(lang), err=True)
    if len(problems) > MAX_PROBLEMS:
        typer.echo(t("errors-more", lang, count=len(problems) - MAX_PROBLEMS), err=True)


def promise_paths(paths: list[Path] | None) -> list[Path]:
    if paths:
        out: list[Path] = []
        for p in paths:
            if p.is_dir():
                out.extend(sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")))
            else:
                out.append(p)
        return out
    folder = Path("promises")
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]) if folder.is_dir() else []


def write_output(text: str, output: Path | None, lang: str) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    import tempfile

    target = output.resolve()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as err:
        raise usage_error(
            "write-failed", lang, path=str(output), reason=err.strerror or str(err)
        ) from err


def max_file_bytes(lang: str) -> int:
    """The size limit for one input file: ``LOFTEN_MAX_FILE_MB``, else 200 MB."""
    from decimal import Decimal, InvalidOperation

    from loften.activities.model import MAX_BYTES

    text = os.environ.get("LOFTEN_MAX_FILE_MB", "").strip()
    if not text:
        return MAX_BYTES
    try:
        mb = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise usage_error("usage-max-file-mb", lang, text=text) from None
    if not mb.is_finite() or mb <= 0:
        raise usage_error("usage-max-file-mb", lang, text=text)
    return int(mb * 1024 * 1024)


def warn_about_reading(results: list, lang: str) -> None:  # list[PromiseResult]
    """Reading warnings (a CSV read as Windows-1252) go to standard error as well as to
    the report's data-quality section (SPEC §5.1), so nobody misses them."""
    from loften.messages import t

    for result in results:
        for note in result.data_quality:
            if note.warning:
                typer.echo(
                    f"{note.where}: {t('severity-warning', lang)}: {note.text(lang)}", err=True
                )


def terminal_width() -> int:
    import shutil

    return max(60, min(shutil.get_terminal_size((100, 24)).columns, 140))
