"""``loften init [DIR]``: write a Swedish starter project (a promise, two logs, a README).

The files are the package data in :mod:`loften.starter`, copied byte for byte.
Nothing is overwritten: if any of them exists, nothing is written and the exit
code is 2.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath
from typing import Annotated

import typer

from loften.cli.app import app, usage_error


def starter_files() -> dict[PurePosixPath, bytes]:
    """The starter project: relative path -> content, in path order."""
    out: dict[PurePosixPath, bytes] = {}

    def walk(node: Traversable, rel: PurePosixPath) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name.startswith(("_", ".")) or child.name.endswith(".pyc"):
                continue
            if child.is_dir():
                walk(child, rel / child.name)
            else:
                out[rel / child.name] = child.read_bytes()

    walk(files("loften.starter"), PurePosixPath())
    return dict(sorted(out.items()))


@app.command()
def init(
    directory: Annotated[
        Path, typer.Argument(help="Mappen att skriva startprojektet i (standard: här).")
    ] = Path("."),
) -> None:
    """Skriv ett startprojekt: ett medborgarlöfte, två loggar och en README."""
    from loften.messages import t

    wanted = starter_files()
    clash = [str(directory / rel) for rel in wanted if (directory / rel).exists()]
    if clash:
        raise usage_error("people-init-exists", "sv", paths=", ".join(clash))
    try:
        for rel, content in wanted.items():
            target = directory / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("xb") as fh:
                fh.write(content)
    except OSError as err:
        raise usage_error(
            "write-failed", "sv", path=str(directory), reason=err.strerror or str(err)
        ) from err
    typer.echo(
        t(
            "people-init-done",
            "sv",
            count=len(wanted),
            dir=str(directory),
            readme=str(directory / "README.md"),
        )
    )
