"""The command line: one module per command, all on one Typer :data:`app`.

``main`` runs the app. Importing this package is cheap: Typer and the commands load
only when the app is first needed, so ``loften --version`` — paid on every CI run —
answers without them (issue 7). ``from loften.cli import app`` gives the Typer app
with every command registered, as it always has.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loften.cli.app import app


def _app() -> Any:
    """The Typer app, with every command registered (imports Typer and the commands)."""
    from loften.cli import (  # noqa: F401  (each registers its command)
        check,
        explain,
        init,
        report,
        schema,
        validate,
    )
    from loften.cli.app import app

    return app


class _Package(types.ModuleType):
    """This package, whose ``app`` is the Typer app (made on first use), never the
    ``app`` submodule the import system would name there."""

    def __getattr__(self, name: str) -> Any:
        if name == "app":
            return _app()
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "app" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def main() -> None:
    if sys.argv[1:] == ["--version"]:  # the one answer that needs no command line parser
        from loften import __version__

        sys.stdout.write(f"loften {__version__}\n")
        return
    _app()()


__all__ = ["app", "main"]
