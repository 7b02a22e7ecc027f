"""loften — följ upp medborgarlöften.

The pipeline, one package each: ``spec`` (the promise) → ``activities`` (the logs)
→ ``rules`` (one module per rule kind) → ``engine`` (the report model) →
``reporters`` (one module per format) → ``cli``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loften.results import Report

__version__ = "0.1.0"


def check(
    promise_path: str | Path | Sequence[str | Path],
    *,
    as_of: date,
    cwd: Path | None = None,
    with_notes: bool = False,
) -> Report:
    """Check a promise (or several) as of a date and return the :class:`Report`;
    ``with_notes`` keeps the activities' notes for the reports (SPEC §5.8).

    ``loften.check("promises/soderhamn-2020-2021.yaml", as_of=date(2022, 1, 15))``
    """
    from loften.engine import check as _check

    return _check(promise_path, as_of=as_of, cwd=cwd, with_notes=with_notes)
