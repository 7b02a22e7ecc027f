"""The command line: one module per command, all on one Typer :data:`app`.

``main`` runs the app. Importing this package is cheap: Typer and the commands load
only when the app is first needed, so ``loften --version`` — paid on every CI run —
answers without them, and ``loften validate`` loads its own command, not the other
five (issue 7). ``from loften.cli import app`` gives the Typer app with every command
registered, as it always has.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loften.cli.app import app

#: Every command, each a module of this package that registers it on the app, in the
#: order ``loften --help`` lists them.
COMMANDS = ("check", "explain", "init", "report", "schema", "validate")


def _app(command: str | None = None) -> Any:
    """The Typer app with ``command`` registered, or every command (imports Typer)."""
    for name in (command,) if command in COMMANDS else COMMANDS:
        importlib.import_module(f"loften.cli.{name}")
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
    # Pydantic looks for plugins among every installed distribution when it builds its
    # first model (10-15 ms); loften's models have no use for them. Typer turns them off
    # the same way while it builds its own. A value the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    # The command named first is the only one a run needs (options come after it).
    _app(sys.argv[1] if len(sys.argv) > 1 else None)()


__all__ = ["app", "main"]
