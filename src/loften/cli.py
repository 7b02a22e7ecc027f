"""The command line: parse options, run the engine, write the report, exit.

The only module that prints, reads the clock or exits. Heavy modules (pydantic,
Rich, the engine) are imported inside the commands so ``--version`` and ``--help``
stay fast.
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

CHECK_FORMATS = ("table", "json")


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


def _today() -> date:
    from datetime import datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return datetime.now(ZoneInfo("Europe/Stockholm")).date()
    except ZoneInfoNotFoundError:
        return date.today()


def _usage(code: str, lang: str, **params: object) -> typer.Exit:
    from loften.messages import t

    typer.echo(f"loften: {t(code, lang, **params)}", err=True)
    return typer.Exit(2)


def _as_of(text: str | None, lang: str) -> date:
    if text is None:
        return _today()
    from loften import values
    from loften.errors import BadValue

    try:
        return values.parse_date(text.strip())
    except BadValue:
        raise _usage("usage-as-of", lang, text=text) from None


def _print_problems(problems: list, lang: str) -> None:  # type: ignore[type-arg]
    from loften.messages import t

    for p in problems[:MAX_PROBLEMS]:
        typer.echo(p.render(lang), err=True)
    if len(problems) > MAX_PROBLEMS:
        typer.echo(t("errors-more", lang, count=len(problems) - MAX_PROBLEMS), err=True)


def _promise_paths(paths: list[Path] | None) -> list[Path]:
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


def _write(text: str, output: Path | None, lang: str) -> None:
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
        raise _usage("write-failed", lang, path=str(output), reason=err.strerror or str(err)) from err


@app.command()
def check(
    promises: Annotated[list[Path] | None, typer.Argument(help="Löftesfiler (standard: promises/*.yaml).")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Bedöm läget per detta datum (ÅÅÅÅ-MM-DD).")] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="table, json")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Skriv rapporten till en fil.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="sv eller en (standard: löftets språk).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Varning, efter plan och saknat underlag ger också kod 1.")] = False,
    with_notes: Annotated[bool, typer.Option("--with-notes", help="Visa anteckningar ur loggarna.")] = False,
) -> None:
    """Kontrollera löften mot sina loggar."""
    from loften.engine import build_report, check_promise
    from loften.errors import LoftenError
    from loften.reporters import Options, render

    ui_lang = lang or "sv"
    if lang is not None and lang not in ("sv", "en"):
        raise _usage("usage-lang", "sv", text=lang)
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in CHECK_FORMATS else "table")
    if fmt not in CHECK_FORMATS:
        raise _usage("usage-format", ui_lang, text=fmt, choices=", ".join(CHECK_FORMATS))
    day = _as_of(as_of, ui_lang)
    paths = _promise_paths(promises)
    if not paths:
        raise _usage("no-promises", ui_lang)
    cwd = Path.cwd()
    results, problems = [], []
    for path in paths:
        try:
            results.append(check_promise(path, as_of=day, cwd=cwd))
        except LoftenError as err:
            problems.extend(err.problems)
    report_lang = lang or (results[0].language if results else "sv")
    if problems:
        _print_problems(problems, report_lang)
    if results:
        report = build_report(results, day, with_notes=with_notes)
        color = fmt == "table" and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        width = _width() if color else 100
        options = Options(lang=report_lang, with_notes=with_notes, color=color, width=width)
        _write(render(fmt, report, options), output, report_lang)
        code = report.exit_code(strict)
    else:
        code = 0
    raise typer.Exit(2 if problems else code)


def _width() -> int:
    import shutil

    return max(60, min(shutil.get_terminal_size((100, 24)).columns, 140))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
