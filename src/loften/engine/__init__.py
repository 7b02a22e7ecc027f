"""The engine: a promise and its logs in, a :class:`~loften.results.Report` out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from loften.engine.check import check_promise
from loften.results import PromiseResult, Report, worst


def build_report(
    results: Sequence[PromiseResult], as_of: date, *, with_notes: bool = False
) -> Report:
    if not with_notes:
        results = [r.model_copy(update={"notes": {}}) if r.notes else r for r in results]
    return Report(
        as_of=as_of,
        status=worst([r.status for r in results]) if results else "pass",
        promises=tuple(results),
        with_notes=with_notes,
    )


def check(
    paths: Path | str | Sequence[Path | str],
    *,
    as_of: date,
    cwd: Path | None = None,
    with_notes: bool = False,
) -> Report:
    """Check one or more promises as of ``as_of``; raise :class:`LoftenError` on bad input."""
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    here = cwd or Path.cwd()
    results = [
        check_promise(Path(p), as_of=as_of, cwd=here, with_notes=with_notes, with_activities=True)
        for p in items
    ]
    return build_report(results, as_of, with_notes=with_notes)


__all__ = ["build_report", "check", "check_promise"]
