"""``loften validate``: check input files without judging compliance (SPEC §4, §5.9).

A plain pipeline: :func:`validate` (paths → :class:`Validation`, every problem in
every file, located) → a format (``Validation -> str``). :data:`FORMATS` *is* the
format registry: one module per format, each with ``render(validation, options)``.
Nothing here prints, reads the clock or exits; the CLI does.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from loften.validation.result import ValidatedFile, Validation


@dataclass(frozen=True)
class Options:
    lang: str = "sv"


# format name -> module in this package; each has ``render(validation, options) -> str``.
FORMATS: dict[str, str] = {
    "text": "text",
    "github": "github",
    "json": "json_format",
    "sarif": "sarif",
}


def render(fmt: str, validation: Validation, options: Options) -> str:
    module = importlib.import_module(f"loften.validation.{FORMATS[fmt]}")
    result: str = module.render(validation, options)
    return result


def validate(paths: Sequence[Path], *, cwd: Path) -> Validation:
    """Every problem in the files ``paths`` name (see :mod:`loften.validation.pipeline`)."""
    from loften.validation.pipeline import validate as run

    return run(paths, cwd=cwd)


__all__ = ["FORMATS", "Options", "ValidatedFile", "Validation", "render", "validate"]
