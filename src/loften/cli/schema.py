"""``loften schema promise|log``: print a JSON Schema, for editors and other tools."""

from __future__ import annotations

from typing import Annotated

import typer

from loften.cli.app import app, usage_error, write_output

WHAT = ("promise", "log")


@app.command()
def schema(
    what: Annotated[str, typer.Argument(help="promise eller log.")],
    lang: Annotated[
        str, typer.Option("--lang", help="Språket i beskrivningarna: sv eller en.")
    ] = "sv",
) -> None:
    """Skriv ut JSON Schema för en löftesfil eller en logg (för editorer med YAML-stöd)."""
    import json

    if lang not in ("sv", "en"):
        raise usage_error("usage-lang", "sv", text=lang)
    name = what.strip().casefold()
    if name not in WHAT:
        raise usage_error("usage-schema", lang, text=what)
    from loften.schema import SCHEMAS

    text = json.dumps(SCHEMAS[name](lang), ensure_ascii=False, indent=2) + "\n"
    write_output(text, None, lang)
