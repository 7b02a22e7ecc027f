"""Output formats. Each module renders a :class:`~loften.results.Report` to a string;
:data:`REPORTERS` *is* the registry — adding a format means one module and one line."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from loften.results import Report


@dataclass(frozen=True)
class Options:
    lang: str = "sv"
    with_notes: bool = False
    color: bool = False
    width: int = 100
    stamp: str | None = None
    strict: bool = False
    """``--strict``: warn, behind and missing count as failures (the CI formats show it)."""


Render = Callable[[Report, Options], str]

# format name -> module in this package; each module has ``render(report, options) -> str``.
REPORTERS: dict[str, str] = {
    "table": "table",
    "json": "json_report",
    "junit": "junit",
    "github": "github",
    "markdown": "markdown",
    "html": "html",
}


def render(fmt: str, report: Report, options: Options) -> str:
    module = importlib.import_module(f"loften.reporters.{REPORTERS[fmt]}")
    result: str = module.render(report, options)
    return result
