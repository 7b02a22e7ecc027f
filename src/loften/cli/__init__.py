"""The command line: one module per command, all on one Typer :data:`app`.

Importing this package registers every command; ``main`` runs the app.
"""

from __future__ import annotations

from loften.cli import (
    check,  # noqa: F401  (registers the command)
    explain,  # noqa: F401  (registers the command)
    init,  # noqa: F401  (registers the command)
    report,  # noqa: F401  (registers the command)
    schema,  # noqa: F401  (registers the command)
    validate,  # noqa: F401  (registers the command)
)
from loften.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
