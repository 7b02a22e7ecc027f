"""Loading every log of a promise (SPEC §3, §5.1): files and folders to :class:`LoadedLogs`.

Problems are collected, never raised: :attr:`LoadedLogs.errors` holds every error in
every file, :attr:`LoadedLogs.notices` the warnings and notices. Each data row (or
YAML item) becomes an activity or attestation, or leaves at least one error at its
row; :class:`FileStats` counts them per file, attestations under ``activities``.
After all files, ids are checked across them: duplicates, ``same_as`` and ``answers``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from loften import memory
from loften.activities.csv_log import read_csv
from loften.activities.entry import FileLog, Linked
from loften.activities.fields import Names
from loften.activities.model import (
    MAX_BYTES,
    Activity,
    Attestation,
    FileStats,
    LoadedLogs,
    LogSource,
    Vocabulary,
    megabytes,
)
from loften.activities.xlsx_log import read_xlsx
from loften.activities.yaml_log import read_yaml
from loften.errors import Location, Problem, suggest
from loften.files import readable_files, shown
from loften.values import norm, printable

Reader = Callable[[bytes, FileLog, str | None], None]


def _yaml(data: bytes, log: FileLog, sheet: str | None) -> None:
    read_yaml(data, log)


def _csv(data: bytes, log: FileLog, sheet: str | None) -> None:
    read_csv(data, log)


def _tsv(data: bytes, log: FileLog, sheet: str | None) -> None:
    read_csv(data, log, tsv=True)


def _xlsx(data: bytes, log: FileLog, sheet: str | None) -> None:
    read_xlsx(data, log, sheet=sheet)


READERS: dict[str, Reader] = {
    ".yaml": _yaml,
    ".yml": _yaml,
    ".csv": _csv,
    ".txt": _csv,
    ".tsv": _tsv,
    ".xlsx": _xlsx,
}


def load_logs(
    sources: Sequence[LogSource],
    vocab: Vocabulary | None,
    *,
    cwd: Path,
    max_bytes: int = MAX_BYTES,
) -> LoadedLogs:
    """Every activity and attestation in ``sources``, with every problem found.

    ``vocab`` resolves types, parties and places and maps foreign headers; ``None``
    keeps them as written (validating logs without a promise). Relative source paths
    are taken from ``cwd``; paths in locations are relative to ``cwd``, with ``/``.
    A file larger than ``max_bytes`` is refused unread, with one problem.
    """
    with memory.bulk():
        return _load(sources, vocab, cwd, max_bytes)


def _load(
    sources: Sequence[LogSource], vocab: Vocabulary | None, cwd: Path, max_bytes: int
) -> LoadedLogs:
    names = Names(vocab)
    logs: list[FileLog] = []
    errors: list[Problem] = []
    notices: list[Problem] = []
    seen: set[Path] = set()
    for source in sources:
        path = source.path if source.path.is_absolute() else cwd / source.path
        for file in _files_of(source, path, cwd, errors, notices):
            identity = Path(os.path.realpath(file))
            if identity in seen:
                notices.append(
                    Problem("log-listed-twice", source.where, {"path": shown(file, cwd)}, "notice")
                )
                continue
            seen.add(identity)
            logs.append(_read(file, source.sheet, vocab, names, cwd, max_bytes))
    _check_links(logs)
    return _gather(logs, errors, notices)


def _files_of(
    source: LogSource, path: Path, cwd: Path, errors: list[Problem], notices: list[Problem]
) -> list[Path]:
    """The log files ``source`` names; what is wrong with it goes to ``errors``."""
    where, params = source.where, {"path": source.display}
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        errors.append(Problem("log-path-missing", where, params))
        return []
    except ValueError:  # an embedded NUL
        errors.append(Problem("log-path-invalid", where, params))
        return []
    except OSError as err:  # a name too long, a symlink loop, no permission
        reason = err.strerror or type(err).__name__
        errors.append(Problem("log-path-unreadable", where, {**params, "reason": reason}))
        return []
    if not stat.S_ISDIR(mode):
        problem = _check_file(path, source)
        if problem is not None:
            errors.append(problem)
            return []
        return [path]
    unreadable: list[OSError] = []
    files = list(readable_files(path, READERS, unreadable.append))
    for failure in unreadable:
        named = {"path": shown(Path(failure.filename or path), cwd)}
        reason = failure.strerror or type(failure).__name__
        errors.append(Problem("log-path-unreadable", where, {**named, "reason": reason}))
    if not files and not unreadable:
        notices.append(Problem("log-folder-empty", where, params, "notice"))
    return files


def _check_file(path: Path, source: LogSource) -> Problem | None:
    suffix = path.suffix.lower()
    if suffix not in READERS:
        return Problem("log-file-type", source.where, {"path": source.display})
    if source.sheet is not None and suffix != ".xlsx":
        return Problem("log-sheet-not-workbook", source.where, {"sheet": source.sheet})
    return None


def _read(
    file: Path,
    sheet: str | None,
    vocab: Vocabulary | None,
    names: Names,
    cwd: Path,
    max_bytes: int,
) -> FileLog:
    log = FileLog(shown(file, cwd), vocab, names, max_bytes=max_bytes)
    where = Location(log.path)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            params = {"size": megabytes(size), "limit": megabytes(max_bytes)}
            log.problem(Problem("log-file-too-large", where, params))
            return log
        data = file.read_bytes()
    except OSError as err:
        reason = err.strerror or type(err).__name__
        log.problem(Problem("log-file-unreadable", where, {"reason": reason}))
        return log
    if not data:
        log.problem(Problem("log-file-empty", where))
        return log
    READERS[file.suffix.lower()](data, log, sheet)
    return log


def _check_links(logs: Sequence[FileLog]) -> None:
    """Ids across all files: duplicates, and what ``same_as`` and ``answers`` point at.

    An activity with such an error is taken out, so that every row stays either an
    entry or an error.
    """
    by_id: dict[str, Linked] = {}
    for log in logs:
        for link in log.linked:
            key = norm(link.activity.id or "")
            if not key:
                continue
            first = by_id.get(key)
            if first is None:
                by_id[key] = link
            else:
                where = link.locate("id")
                log.errors.append(
                    Problem(
                        "id-duplicate",
                        where,
                        {"id": link.activity.id, "first": first.activity.where.ref},
                    )
                )
    dropped: set[int] = set()
    for log in logs:
        for link in log.linked:
            act = link.activity
            if by_id.get(norm(act.id or "")) not in (None, link):
                dropped.add(id(act))
            for problem in _link_problems(link, by_id):
                log.errors.append(problem)
                dropped.add(id(act))
    if dropped:
        for log in logs:
            log.entries = [e for e in log.entries if id(e) not in dropped]


def _link_problems(link: Linked, by_id: dict[str, Linked]) -> Iterator[Problem]:
    act = link.activity
    if act.same_as is not None:
        where = link.locate("same_as")
        target = by_id.get(norm(act.same_as))
        if target is None:
            yield _unknown_id("same-as-unknown", act.same_as, where, by_id)
        elif target is link:
            yield Problem("same-as-self", where, {"id": act.same_as})
        elif target.activity.same_as is not None:
            params = {"id": act.same_as, "next": target.activity.same_as}
            yield Problem("same-as-chain", where, params)
    if act.answers is not None and norm(act.answers) not in by_id:
        yield _unknown_id("answers-unknown", act.answers, link.locate("answers"), by_id)


def _unknown_id(code: str, wanted: str, where: Location, by_id: dict[str, Linked]) -> Problem:
    near = suggest(norm(wanted), by_id)
    if near is not None:
        shown = by_id[near].activity.id or near
        return Problem(code + "-suggest", where, {"id": wanted, "suggestion": shown})
    return Problem(code, where, {"id": wanted})


def _gather(logs: Sequence[FileLog], errors: list[Problem], notices: list[Problem]) -> LoadedLogs:
    activities: list[Activity] = []
    attestations: list[Attestation] = []
    files: list[FileStats] = []
    fields: set[str] = set()
    for log in logs:
        for entry in log.entries:
            if isinstance(entry, Activity):
                activities.append(entry)
            else:
                attestations.append(entry)
        files.append(FileStats(log.path, log.rows, len(log.entries), log.rejected, len(log.errors)))
        errors.extend(log.errors)
        notices.extend(log.notices)
        fields |= log.extras
    return LoadedLogs(
        activities=tuple(activities),
        attestations=tuple(attestations),
        files=tuple(files),
        errors=tuple(sorted(map(_printable, errors), key=Problem.sort_key)),
        notices=tuple(sorted(map(_printable, notices), key=Problem.sort_key)),
        fields=frozenset(fields),
    )


def _printable(problem: Problem) -> Problem:
    """A problem whose words from the input stay on one line and cannot steer a terminal."""
    params = {k: printable(v, 200) if isinstance(v, str) else v for k, v in problem.params.items()}
    where = problem.where
    if where is not None and where.header is not None:
        where = where.with_header(printable(where.header, 60))
    return Problem(problem.code, where, params, problem.severity)
