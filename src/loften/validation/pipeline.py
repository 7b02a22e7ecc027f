"""The ``validate`` pipeline (SPEC §4, §5.9): paths in, every located problem out.

paths → files (:mod:`loften.validation.files`) → groups → problems. A group is a
promise and the logs and indicator files it names, or the logs no promise names.
Each log is checked against the vocabulary of the promise that owns it: a promise
named in the same call whose ``logs`` takes the file in, else the promise under
``promises/`` that does, else — when exactly one promise was named — that one.
Without an owner (or when the owner itself is invalid) the logs are checked for
everything but vocabulary, and one notice says so.

A promise named in the call is checked whole: the spec, its filters against its
vocabulary and the fields its logs hold, every log and indicator file it names.
A promise found only as the owner of a named log is read for context (its
vocabulary, and its other logs so ids and ``same_as`` resolve across files), but
only the problems in the named files are reported. Nothing is judged and no date is
read from the clock: when a promise is otherwise clean, the engine runs once as of
the period's end only for what it alone refuses, and its verdicts are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from loften.activities import LoadedLogs, LogSource, Vocabulary, load_logs

# The engine's own checks, so that validate refuses exactly what check refuses.
from loften.engine.check import (
    compile_filters,
    data_context,
    data_problems,
    filter_vocabulary,
    indicator_sources,
    judge_promise,
    log_sources,
    log_vocabulary,
)
from loften.errors import Location, LoftenError, Problem
from loften.files import shown
from loften.indicators import Point, load_indicators
from loften.spec.load import LoadedPromise, load_promise
from loften.validation import files as fs
from loften.validation.result import FileKind, ValidatedFile, Validation
from loften.validation.sources import maybe_named, raw_sources


@dataclass
class Owner:
    """A promise, loaded or not, and what it names."""

    path: Path
    display: str
    loaded: LoadedPromise | None
    problems: list[Problem]
    sources: list[LogSource]
    indicators: Sequence[tuple[Path, str, Location | None]]

    @property
    def vocabulary(self) -> Vocabulary | None:
        return None if self.loaded is None else log_vocabulary(self.loaded.promise)

    def names_log(self, file: Path) -> bool:
        return fs.first_containing((s.path for s in self.sources), file)

    def names_indicator(self, file: Path) -> bool:
        return fs.first_containing((path for path, _, _ in self.indicators), file)


def load_owner(path: Path, cwd: Path) -> Owner:
    """The promise at ``path`` with every problem of its spec; its sources even when invalid."""
    display = shown(path, cwd)
    try:
        lp = load_promise(path, cwd)
    except LoftenError as err:
        logs, indicators = raw_sources(path, display, cwd)
        return Owner(path, display, None, list(err.problems), logs, indicators)
    return Owner(path, display, lp, [], log_sources(lp, cwd), indicator_sources(lp, cwd))


@dataclass
class _Run:
    """The problems and files found so far."""

    cwd: Path
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, ValidatedFile] = field(default_factory=dict)
    language: str | None = None

    def file(
        self, path: str, kind: FileKind, rows: int | None = None, n: int | None = None
    ) -> None:
        self.files.setdefault(path, ValidatedFile(path, kind, rows=rows, entries=n))

    def logs(self, logs: LoadedLogs, report: set[str] | None) -> None:
        """The problems of loaded logs; with ``report``, only those in the files it names."""
        for stats in logs.files:
            if report is None or stats.path in report:
                self.file(stats.path, "log", stats.rows, stats.activities)
        for p in (*logs.errors, *logs.notices):
            if report is None or (p.where is not None and p.where.path in report):
                self.problems.append(p)

    def indicators(self, paths: Sequence[tuple[Path, str, Location | None]]) -> list[Point] | None:
        """Reads indicator files; their points, or ``None`` when any of them has an error."""
        points, found = load_indicators(paths)
        for path, display, _ in paths:
            if path.is_file():
                self.file(display, "indicator")
        counts: dict[str, int] = {}
        for point in points:
            counts[point.where.path] = counts.get(point.where.path, 0) + 1
        for name, n in counts.items():
            self.files[name] = ValidatedFile(name, "indicator", entries=n)
        self.problems.extend(found)
        return None if any(p.severity == "error" for p in found) else list(points)

    def result(self) -> Validation:
        problems = sorted(_unique(self.problems), key=Problem.sort_key)
        errors: dict[str, int] = {}
        warnings: dict[str, int] = {}
        for p in problems:
            if p.where is None:
                continue
            tally = (
                errors if p.severity == "error" else warnings if p.severity == "warning" else None
            )
            if tally is not None:
                tally[p.where.path] = tally.get(p.where.path, 0) + 1
        files = tuple(
            ValidatedFile(
                f.path,
                f.kind,
                errors=errors.get(f.path, 0),
                warnings=warnings.get(f.path, 0),
                rows=f.rows,
                entries=f.entries,
            )
            for f in sorted(self.files.values(), key=lambda f: f.path)
        )
        return Validation(tuple(problems), files, self.language or "sv")


def validate(paths: Sequence[Path], *, cwd: Path) -> Validation:
    """Every problem in the files ``paths`` name; with no paths, every promise under
    ``promises/`` and the files each one names. Paths that do not exist are the
    caller's to refuse (a usage error)."""
    files = fs.expand(paths, cwd) if paths else fs.promises_folder(cwd)
    kinds = {fs.identity(f): ("promise" if not paths else fs.classify(f)) for f in files}
    run = _Run(cwd)
    given = [load_owner(f, cwd) for f in files if kinds[fs.identity(f)] == "promise"]
    candidates = _Candidates(cwd, {fs.identity(o.path) for o in given})
    extra: dict[int, list[Path]] = {}
    implicit: dict[int, tuple[Owner, list[Path]]] = {}
    unowned: list[Path] = []
    loose_indicators: list[Path] = []
    for file in files:
        kind = kinds[fs.identity(file)]
        if kind == "promise":
            continue
        if file.suffix.lower() not in fs.SUFFIXES:
            where = Location(shown(file, cwd))
            run.problems.append(Problem("validate-file-type", where, {"path": where.path}))
            run.file(where.path, "log")
            continue
        if any(o.names_indicator(file) for o in given):
            continue
        if kind == "indicator" or any(o.names_indicator(file) for o in candidates.owners(file)):
            loose_indicators.append(file)
            continue
        if any(o.names_log(file) for o in given):
            continue
        owner = next((o for o in candidates.owners(file) if o.names_log(file)), None)
        if owner is not None:
            implicit.setdefault(id(owner), (owner, []))[1].append(file)
        elif len(given) == 1:
            extra.setdefault(0, []).append(file)
        else:
            unowned.append(file)
    for i, owner in enumerate(given):
        _whole(run, owner, [_source(f, cwd) for f in extra.get(i, [])])
    for owner, asked in implicit.values():
        _context(run, owner, asked)
    if unowned:
        sources = [_source(f, cwd) for f in unowned]
        run.logs(load_logs(sources, None, cwd=cwd), None)
        where = Location(sources[0].display)
        run.problems.append(
            Problem("validate-no-promise", where, {"count": len(unowned)}, "notice")
        )
    if loose_indicators:
        run.indicators([(f, shown(f, cwd), None) for f in loose_indicators])
    return run.result()


def _whole(run: _Run, owner: Owner, extra: list[LogSource]) -> None:
    """A promise named in the call: its spec, filters, logs and indicator files, all of it."""
    run.file(owner.display, "promise")
    run.problems.extend(owner.problems)
    lp = owner.loaded
    if lp is not None and run.language is None:
        run.language = lp.promise.language
    sources = [*owner.sources, *extra]
    if lp is None and (sources or owner.indicators):
        run.problems.append(
            Problem("validate-promise-invalid", Location(owner.display), {}, "notice")
        )
    before = len(run.problems)
    logs = load_logs(sources, owner.vocabulary, cwd=run.cwd)
    run.logs(logs, None)
    points = run.indicators(owner.indicators) if owner.indicators else []
    if lp is None:
        return
    run.problems.extend(_spec_problems(lp, logs, points))
    if not any(p.severity == "error" for p in run.problems[before:]):
        if extra:  # the engine reads the promise's own logs, not the files added to it
            logs = load_logs(owner.sources, owner.vocabulary, cwd=run.cwd)
        run.problems.extend(_engine_refusals(lp, logs, points or []))


def _engine_refusals(lp: LoadedPromise, logs: LoadedLogs, points: Sequence[Point]) -> list[Problem]:
    """What only evaluating the rules finds: an exception naming a bucket or item its rule
    does not have. The engine judges what was read, as of the period's end, and its
    verdicts are dropped, so a promise ``validate`` passes is one ``check`` accepts."""
    try:
        judge_promise(lp, logs, tuple(points), (), lp.promise.period.end)
    except LoftenError as err:
        return list(err.problems)
    return []


def _context(run: _Run, owner: Owner, asked: list[Path]) -> None:
    """A promise found as the owner of named logs: only their problems are reported."""
    if owner.loaded is not None and run.language is None:
        run.language = owner.loaded.promise.language
    logs = load_logs(owner.sources, owner.vocabulary, cwd=run.cwd)
    report = {shown(f, run.cwd) for f in asked}
    run.logs(logs, report)
    if owner.loaded is None:
        where = Location(shown(asked[0], run.cwd))
        run.problems.append(
            Problem("validate-owner-invalid", where, {"promise": owner.display}, "notice")
        )


def _spec_problems(
    lp: LoadedPromise, logs: LoadedLogs, points: Sequence[Point] | None
) -> list[Problem]:
    """What the engine refuses before it judges: filters against the vocabulary and the
    fields the logs hold, and rules against the promise's data (indicator metrics).

    The data check runs only on clean indicator files (as ``check`` does), with the
    period's end as its date: it asks what the data holds, not what is due by a day,
    and ``validate`` reads no clock."""
    p = lp.promise
    vocab = filter_vocabulary(p, logs.fields)
    found: list[Problem] = []
    if points is not None:
        found += data_problems(lp, data_context(lp, tuple(points), p.period.end), logs)
    try:
        compile_filters(lp, vocab)
    except LoftenError as err:
        found.extend(err.problems)
    return found


class _Candidates:
    """The promises under ``promises/`` not named in the call, each loaded when first
    needed: only those a cheap read finds may name a file are validated to ask them."""

    def __init__(self, cwd: Path, given: set[Path]) -> None:
        self.cwd = cwd
        self.paths = [p for p in fs.promises_folder(cwd) if fs.identity(p) not in given]
        self._named: dict[Path, list[Path] | None] = {}
        self._owners: dict[Path, Owner] = {}

    def owners(self, file: Path) -> list[Owner]:
        """In order, every candidate that may name ``file`` (as a log or indicator file):
        any that does is among them."""
        target = fs.identity(file)
        return [self._owner(p) for p in self.paths if self._may_name(p, target)]

    def _may_name(self, promise: Path, target: Path) -> bool:
        if promise not in self._named:
            named = maybe_named(promise)
            self._named[promise] = None if named is None else [fs.identity(n) for n in named]
        named = self._named[promise]
        return named is None or any(n == target or n in target.parents for n in named)

    def _owner(self, promise: Path) -> Owner:
        if promise not in self._owners:
            self._owners[promise] = load_owner(promise, self.cwd)
        return self._owners[promise]


def _source(file: Path, cwd: Path) -> LogSource:
    return LogSource(path=file, display=shown(file, cwd))


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once: a log named by two promises is read twice."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for p in problems:
        key = (p.code, p.where, p.severity, repr(sorted(p.params.items(), key=lambda kv: kv[0])))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
