"""Check one promise: spec + logs → :class:`~loften.results.PromiseResult`.

Pure apart from reading the input files: the date is given (``as_of``), nothing is
printed, and every input problem is raised as one :class:`LoftenError` carrying
all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from itertools import compress
from pathlib import Path
from typing import Any, Literal

from loften import memory, values
from loften.activities.fields import BY_NAME
from loften.activities.load import load_logs
from loften.activities.model import MAX_BYTES, Activity, LoadedLogs, LogSource, Vocabulary
from loften.engine import quality, waivers
from loften.engine.matches import Chosen, Matches
from loften.engine.memo import Memo
from loften.engine.select import (
    STANDARD,
    Selector,
    Vocab,
    compile_filter,
    field_number,
    field_numbers,
    field_values,
)
from loften.errors import BadValue, Location, LoftenError, Problem
from loften.files import shown
from loften.indicators import Point, load_indicators
from loften.results import (
    ActivityRef,
    CommitmentResult,
    FileResult,
    PromiseResult,
    QualityNote,
    RuleResult,
    build_models,
    worst,
)
from loften.rules.attested import attestation_problems
from loften.rules.base import RuleBase, RuleContext
from loften.spec.filters import Filter
from loften.spec.load import LoadedPromise, load_promise, vocabulary_maps
from loften.spec.model import Exemption, Promise


def check_promise(
    path: Path,
    *,
    as_of: date,
    cwd: Path,
    max_bytes: int = MAX_BYTES,
    with_notes: bool = False,
    with_activities: bool = False,
) -> PromiseResult:
    """Load the promise at ``path`` and its logs, and judge every rule as of ``as_of``.

    Activity notes are kept (by reference) only ``with_notes``: reports show them
    only then (SPEC §5.8), and a national log has a note on most of a million rows.
    :attr:`PromiseResult.activities` (date, type and place of every activity a verdict
    names) is filled only ``with_activities``: no report reads it, and for a million
    activities it costs a second (issue 7); :func:`loften.check` asks for it."""
    with memory.bulk():
        return _check_promise(path, as_of, cwd, max_bytes, with_notes, with_activities)


def _check_promise(
    path: Path, as_of: date, cwd: Path, max_bytes: int, with_notes: bool, with_activities: bool
) -> PromiseResult:
    lp = load_promise(path, cwd)
    vocabulary = log_vocabulary(lp.promise)
    logs = load_logs(log_sources(lp, cwd), vocabulary, cwd=cwd, max_bytes=max_bytes)
    indicators, found = load_indicators(indicator_sources(lp, cwd))
    return judge_promise(lp, logs, indicators, found, as_of, with_notes, with_activities)


def log_vocabulary(p: Promise) -> Vocabulary:
    """What a promise's logs are read against: its types, parties, places and columns."""
    types, parties, places = vocabulary_maps(p)
    columns = {values.norm(k): values.norm(v) for k, v in p.columns.items()}
    return Vocabulary(types, parties, places, p.open_places, columns)


def filter_vocabulary(p: Promise, fields: frozenset[str]) -> Vocab:
    """What a promise's filters resolve through: its vocabulary, its places' hierarchy,
    the standard fields' other names, and the extra ``fields`` its logs hold."""
    words = log_vocabulary(p)
    return Vocab(
        types=words.types,
        parties=words.parties,
        places=words.places,
        within={k: v.within for k, v in (p.places or {}).items() if v.within},
        aliases={**{k: v for k, v in BY_NAME.items() if v in STANDARD}, **words.columns},
        extra=fields,
    )


def judge_promise(
    lp: LoadedPromise,
    logs: LoadedLogs,
    indicators: tuple[Point, ...],
    found: Sequence[Problem],
    as_of: date,
    with_notes: bool = False,
    with_activities: bool = False,
) -> PromiseResult:
    """Every rule of a loaded promise judged as of ``as_of`` on its loaded logs and
    indicator points (``found``: the indicator files' problems); see :func:`check_promise`.
    ``validate`` asks it what only judging refuses, on what it has read already."""
    build_models()  # here, not on first use deep in the rules (see there)
    p = lp.promise
    errors = [*logs.errors, *(x for x in found if x.severity == "error")]
    if errors:
        raise LoftenError.of(sorted(errors, key=Problem.sort_key))
    errors = data_problems(lp, data_context(lp, indicators, as_of), logs)
    if errors:
        raise LoftenError.of(sorted(errors, key=Problem.sort_key))
    selectors = compile_filters(lp, filter_vocabulary(p, logs.fields))
    countable = quality.countable(logs.activities, as_of)
    counted = tuple(compress(logs.activities, countable))
    matches = Matches(counted)
    commitments = []
    problems: list[Problem] = []
    for ci, c in enumerate(p.commitments):
        rules = []
        for ri, rule in enumerate(c.rules):
            mine = _exemptions(p, f"{c.id}/{rule.id}", len(c.rules) == 1, c.id)
            try:
                result, unknown = _judge(
                    rule,
                    mine,
                    lp,
                    counted,
                    logs,
                    selectors,
                    as_of,
                    f"{c.id}/{rule.id}",
                    indicators,
                    matches,
                )
            except BadValue as err:  # a value only the data shows to be wrong (a season …)
                problems.append(err.at(lp.where(("commitments", ci, "rules", ri))))
                continue
            for e in unknown:
                ei = p.exceptions.index(e)
                problems.append(
                    Problem(
                        "exception-unknown-bucket",
                        lp.where(("exceptions", ei)),
                        {"rule": f"{c.id}/{rule.id}"},
                    )
                )
            rules.append(
                result.model_copy(update={"line": lp.where(("commitments", ci, "rules", ri)).line})
            )
        commitments.append(
            CommitmentResult(
                id=c.id,
                parties=c.party,
                text=c.text,
                status=worst([r.status for r in rules]),
                rules=tuple(rules),
                line=lp.where(("commitments", ci)).line,
            )
        )
    if problems:
        raise LoftenError.of(problems)
    for c in p.commitments:
        for rule in c.rules:
            for key, flt in rule.filters().items():
                if key in LOOKING:
                    matches.positions(flt, selectors[id(flt)])
    # The data-quality notes first, so the set of looked-at activities is gone before
    # the references are gathered: a national log is the peak of memory here (issue 7),
    # so the rules' columns and positions go first.
    looked_at = matches.looked_at()
    del matches
    noted = quality.notes(p, logs, as_of, countable, counted, looked_at)
    data_quality = _with_warnings(noted, found)
    return PromiseResult(
        id=p.id,
        title=p.title,
        path=lp.display,
        municipality=p.area.municipality if p.area else None,
        code=p.area.code if p.area else None,
        place=p.area.place if p.area else None,
        start=p.period.start,
        end=p.period.end,
        goal=p.goal,
        language=p.language,
        status=worst([c.status for c in commitments]),
        parties={k: p.label_of_party(k) for k in p.parties},
        labels={k: p.label_of_type(k) for k in p.activity_types},
        files=tuple(
            FileResult(path=f.path, rows=f.rows, activities=f.activities, errors=f.errors)
            for f in logs.files
        ),
        commitments=tuple(commitments),
        activities=_referenced(commitments, logs.activities, p) if with_activities else {},
        notes={a.ref: a.notes for a in logs.activities if a.notes} if with_notes else {},
        data_quality=data_quality,
    )


# The filters that choose what a rule looks at; ``each``/``that`` and per-item filters
# only judge what ``match`` chose, so they do not make an activity "looked at".
LOOKING = ("match", "request", "response")


def _referenced(
    commitments: Sequence[CommitmentResult], activities: Sequence[Activity], p: Promise
) -> dict[str, ActivityRef]:
    """Date, type and place of every activity a verdict names, for the reports."""
    refs: set[str] = set()
    for c in commitments:
        for r in c.rules:
            for b in r.buckets:
                refs.update(b.counted)
                refs.update(x.activity for x in b.left_out)
                for item in b.items:
                    refs.update(item.counted)
    labels = Memo(p.label_of_type)
    places: Memo[str | None, str | None] = Memo(lambda place: _place(p, place))
    new = tuple.__new__  # an ActivityRef from its fields, without its Python __new__
    return {
        a.ref: new(ActivityRef, (a.date, labels[a.type], places[a.place], a.parties))
        for a in activities
        if a.ref in refs
    }


def _place(p: Promise, place: str | None) -> str | None:
    if place is None or not p.places or place not in p.places:
        return place
    return p.places[place].label or place


def log_sources(lp: LoadedPromise, cwd: Path) -> list[LogSource]:
    base = lp.path.parent
    out = []
    for i, ref in enumerate(lp.promise.logs):
        path = base / ref.path
        out.append(
            LogSource(
                path=path,
                display=shown(path, cwd),
                sheet=ref.sheet,
                where=lp.where(("logs", i)),
            )
        )
    return out


def indicator_sources(lp: LoadedPromise, cwd: Path) -> list[tuple[Path, str, Location]]:
    """The promise's ``indicators:`` files, relative to the promise file."""
    base = lp.path.parent
    return [
        (base / ref, shown(base / ref, cwd), lp.where(("indicators", i)))
        for i, ref in enumerate(lp.promise.indicators)
    ]


def _seasons(p: Promise) -> dict[str, tuple[str, str]] | None:
    return {k: (v[0], v[1]) for k, v in p.seasons.items()} if p.seasons else None


def _no_filter(flt: object) -> Selector:
    raise LookupError("no filters while checking rule data")


def data_context(lp: LoadedPromise, indicators: tuple[Point, ...], as_of: date) -> RuleContext:
    """A context without activities, for checks that need the promise's data only."""
    p = lp.promise
    return RuleContext(
        as_of=as_of,
        start=p.period.start,
        end=p.period.end,
        activities=(),
        select=_no_filter,
        label=p.label_of_type,
        indicators=indicators,
        seasons=_seasons(p),
    )


def data_problems(lp: LoadedPromise, probe: RuleContext, logs: LoadedLogs) -> list[Problem]:
    """What a rule can only check against the promise's data (its indicator points, its
    seasons, the attestations naming it), located at the rule's key or the log entry."""
    p = lp.promise
    out: list[Problem] = attestation_problems(
        logs.attestations, [(c.id, c.rules) for c in p.commitments], probe
    )
    for ci, c in enumerate(p.commitments):
        for ri, rule in enumerate(c.rules):
            check = getattr(rule, "data_problems", None)
            for key, err in check(probe) if check is not None else ():
                out.append(err.at(lp.where(("commitments", ci, "rules", ri, *key))))
    return out


def _with_warnings(
    notes: tuple[QualityNote, ...], found: Sequence[Problem]
) -> tuple[QualityNote, ...]:
    """The data-quality notes with the indicator files' warnings (a Windows-1252 file)."""
    extra = [
        QualityNote(
            where=str(x.where),
            code=x.code,
            params=dict(x.params),
            sort=x.where.sort_key(),
            warning=x.severity == "warning",
        )
        for x in found
        if x.severity != "error" and x.where is not None
    ]
    return tuple(sorted((*notes, *extra), key=lambda q: (q.sort, q.code))) if extra else notes


def compile_filters(lp: LoadedPromise, vocab: Vocab) -> dict[int, Selector]:
    """Every filter of every rule, compiled once; all mistakes reported together."""
    p = lp.promise
    out: dict[int, Selector] = {}
    problems: list[Problem] = []
    for ci, c in enumerate(p.commitments):
        for ri, rule in enumerate(c.rules):
            for key, flt in rule.filters().items():
                try:
                    out[id(flt)] = compile_filter(flt, vocab, p.label_of_type)
                except BadValue as err:
                    field = str(err.params.get("field", ""))
                    loc = ("commitments", ci, "rules", ri, key, field)
                    as_key = err.code in ("filter-unknown-field", "filter-field-name")
                    problems.append(err.at(lp.where(loc, key=as_key)))
    if problems:
        unique = {
            (x.code, tuple(sorted(map(str, x.params.items())))): x for x in reversed(problems)
        }
        raise LoftenError.of(sorted(unique.values(), key=Problem.sort_key))
    return out


def _exemptions(p: Promise, path: str, single: bool, commitment: str) -> list[Exemption]:
    return [
        e
        for e in p.exceptions
        if e.rule.strip() == path or (single and e.rule.strip() == commitment)
    ]


def _judge(
    rule: RuleBase,
    exemptions: list[Exemption],
    lp: LoadedPromise,
    activities: Sequence[Activity],
    logs: LoadedLogs,
    selectors: dict[int, Selector],
    as_of: date,
    path: str,
    indicators: tuple[Point, ...] = (),
    matches: Matches | None = None,
) -> tuple[RuleResult, list[Exemption]]:
    p = lp.promise
    select = _selecting(rule, selectors)
    if matches is not None:
        activities, select = _looking(rule, selectors, matches)
    start, end = p.period.start, p.period.end
    probe = RuleContext(
        as_of=as_of,
        start=start,
        end=end,
        activities=(),
        select=lambda f: selectors[id(f)],
        label=p.label_of_type,
    )
    bucket_spans: list[tuple[str, date, date]] = []
    if hasattr(rule, "buckets"):
        bucket_spans = [(b.label, b.start, b.end) for b in rule.buckets(probe)]
    ctx = RuleContext(
        as_of=as_of,
        start=start,
        end=end,
        activities=activities,
        select=select,
        label=p.label_of_type,
        values_of=field_values,
        number_of=field_number,
        numbers_of=field_numbers,
        attestations=logs.attestations,
        indicators=indicators,
        seasons={k: (v[0], v[1]) for k, v in p.seasons.items()} if p.seasons else None,
        relaxed=waivers.relaxed_bounds(exemptions, bucket_spans, as_of),
        waived_items=waivers.waived_items(exemptions, as_of),
        rule_path=path,
    )
    buckets = rule.evaluate(ctx)
    buckets, states, unknown = waivers.apply(exemptions, buckets, as_of)
    if rule.severity == "warning":
        buckets = tuple(
            b.model_copy(update={"status": "warn"}) if b.status == "fail" else b for b in buckets
        )
    status = worst([b.status for b in buckets])
    if rule.severity == "warning" and status in ("fail", "behind", "missing", "warn"):
        status = "warn"
    return (
        RuleResult(
            id=rule.id or "",
            kind=rule.kind,  # type: ignore[attr-defined]
            severity=rule.severity,
            status=status,
            title=rule.title,
            note=rule.note,
            unit=rule.unit,
            bound=_bound_key(rule),
            measure=getattr(rule, "of", None),
            exceptions=states,
            buckets=buckets,
        ),
        unknown,
    )


def _selecting(rule: RuleBase, selectors: dict[int, Selector]) -> Callable[[Filter], Any]:
    return lambda f: selectors[id(f)]


def _looking(
    rule: RuleBase, selectors: dict[int, Selector], matches: Matches
) -> tuple[Sequence[Activity], Callable[[Filter], Any]]:
    """The activities the rule's looking filters chose (computed once per distinct
    filter), and its selectors; a rule with one looking filter need not ask it again."""
    looking = [flt for key, flt in rule.filters().items() if key in LOOKING]
    if not looking:
        return matches.every, _selecting(rule, selectors)
    lists = [matches.positions(flt, selectors[id(flt)]) for flt in looking]
    chosen = matches.chosen(lists)
    if len(looking) > 1:
        return chosen, _selecting(rule, selectors)
    only = id(looking[0])
    answer = Chosen(selectors[only])
    return chosen, lambda f: answer if id(f) == only else selectors[id(f)]


def _bound_key(rule: RuleBase) -> Literal["at_least", "at_most", "exactly"] | None:
    """Which way ``required`` binds, so reports can say "minst 2" or "högst 1"."""
    keys: tuple[Literal["exactly", "at_least", "at_most"], ...] = ("exactly", "at_least", "at_most")
    for key in keys:
        if getattr(rule, key, None) is not None:
            return key
    kind = getattr(rule, "kind", "")
    if kind in ("cadence", "coverage", "schedule", "response"):
        return "at_least"
    if kind == "trend":
        return "at_most" if getattr(rule, "direction", "") == "decrease" else "at_least"
    return None
