"""The data-quality section: everything loaded that did not simply count (SPEC §3.1).

Activities outside the period, after ``--as-of``, planned or cancelled, ``same_as``
copies, probable double entries, and activities no rule looks at — each noted, so
nothing is dropped silently. Sorted by path, then line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from itertools import compress, groupby
from operator import attrgetter, itemgetter, not_, or_
from typing import Any

from loften.activities.model import ACTIVITY_DATE, ACTIVITY_TYPE, Activity, LoadedLogs
from loften.engine.memo import Memo
from loften.results import QualityNote
from loften.spec.model import Promise


def _note(a: Activity, code: str, params: dict[str, object]) -> QualityNote:
    return _new(QualityNote, (a.ref, code, params, a.where.sort_key(), False))


_new = tuple.__new__
"""A note from its fields in order, without its Python ``__new__``: one per unused
activity of a national log."""


def countable(activities: Sequence[Activity], as_of: date) -> list[bool]:
    """Whether rules may count each activity: done, not a ``same_as`` copy, started by
    ``as_of``."""
    return [a.status == "done" and a.same_as is None and a.date <= as_of for a in activities]


def notes(
    p: Promise,
    logs: LoadedLogs,
    as_of: date,
    may_count: Sequence[bool],
    counted: Sequence[Activity],
    looked_at: Sequence[int],
) -> tuple[QualityNote, ...]:
    """Every data-quality note. ``may_count`` says of each activity whether rules may
    count it (:func:`countable`), ``counted`` holds those, in log order, and
    ``looked_at`` says of each of those (1 or 0) whether some rule's ``match`` (or
    ``request``/``response``) chose it.

    An activity gets the first note that fits: after ``as_of``, not done, outside the
    period, a ``same_as`` copy, looked at by no rule. A national log is a million
    activities, nearly all of them looked at and in the period: those are told apart
    in C (``compress``, ``map``), and only the rest are gone through one by one."""
    out: list[QualityNote] = []
    for n in logs.notices:
        if n.where is not None:
            out.append(
                QualityNote(
                    where=str(n.where),
                    code=n.code,
                    params=dict(n.params),
                    sort=n.where.sort_key(),
                    warning=n.severity == "warning",
                )
            )
    start, end = p.period.start, p.period.end
    label = Memo(p.label_of_type)
    # Notes of one date and type share their parameters (never changed once made):
    # a national log has hundreds of thousands of unused activities, on a few hundred days.
    dated: Memo[tuple[date, str], dict[str, object]] = Memo(
        lambda key: {"date": key[0], "type": label[key[1]]}
    )

    def outside(a: Activity) -> QualityNote:
        return _note(a, "outside-period", {"date": a.date, "start": start, "end": end})

    later: Counter[str] = Counter()
    acts = logs.activities
    if len(counted) != len(acts):  # some that no rule may count: those
        after = list(map(as_of.__lt__, map(ACTIVITY_DATE, acts)))
        if any(after):  # counted per file, not one by one
            later.update(map(_PATH, map(_WHERE, compress(acts, after))))
        for a in compress(acts, map(not_, map(or_, after, may_count))):
            if a.status != "done":
                out.append(_note(a, f"status-{a.status}", dated[a.date, a.type]))
            elif a.same_as is not None:
                out.append(
                    outside(a)
                    if a.date < start or a.date > end
                    else _note(a, "same-as", {"other": a.same_as})
                )
    for a in compress(counted, map(not_, looked_at)):
        out.append(
            outside(a)
            if a.date < start or a.date > end
            else _note(a, "unused", dated[a.date, a.type])
        )
    days = set(map(ACTIVITY_DATE, counted))
    if days and (min(days) < start or max(days) > end):  # some looked at, yet outside
        out.extend(
            outside(a) for a in compress(counted, looked_at) if a.date < start or a.date > end
        )
    for path, count in sorted(later.items()):
        out.append(
            QualityNote(
                where=path,
                code="after-as-of",
                params={"count": count, "as_of": as_of},
                sort=(path, 0, 0),
            )
        )
    if len(logs.files) > 1:  # a double entry comes from two files
        out.extend(_doubles(logs.activities, as_of))
    out.sort(key=_ORDER)
    return tuple(out)


def _doubles(activities: Sequence[Activity], as_of: date) -> list[QualityNote]:
    """Same date, type and place from two files with overlapping parties, and no ``same_as``."""
    # Only what two files share can be a double, found in C with a set per file: first
    # places (a national log's files name places of their own), then whole keys.
    places = list(map(_PLACE, activities))
    runs = [len(list(rows)) for _, rows in groupby(map(_PATH, map(_WHERE, activities)))]
    shared = _in_two(places, runs)
    if not shared:
        return []
    if len(shared) < len(set(places)):  # the activities at places of one file only go
        mask = list(map(shared.__contains__, places))
        activities = list(compress(activities, mask))
        runs = [sum(part) for part in _split(mask, runs)]
    keys = list(
        zip(
            map(ACTIVITY_DATE, activities),
            map(ACTIVITY_TYPE, activities),
            map(_PLACE, activities),
            strict=True,
        )
    )
    repeated = _in_two(keys, runs)
    if not repeated:
        return []
    # Each key holds its first activity, and a list only once a second one comes.
    first: dict[tuple[date, str, str | None], Activity | list[Activity]] = {}
    out = []
    for a in compress(activities, map(repeated.__contains__, keys)):
        if a.status != "done" or a.same_as is not None or a.date > as_of:
            continue
        key = (a.date, a.type, a.place)
        found = first.get(key)
        if found is None:
            first[key] = a
            continue
        earlier = found if isinstance(found, list) else [found]
        for b in earlier:
            if b.where.path != a.where.path and set(b.parties) & set(a.parties):
                out.append(_note(a, "probable-duplicate", {"other": b.ref}))
                break
        if isinstance(found, list):
            found.append(a)
        else:
            first[key] = [found, a]
    return out


def _in_two(values: list[Any], runs: list[int]) -> set[Any]:
    """The values met in two runs or more (a run: one file's activities, in order)."""
    seen: set[Any] = set()
    repeated: set[Any] = set()
    begin = 0
    for length in runs:
        here = set(values[begin : begin + length])
        repeated |= seen & here
        seen |= here
        begin += length
    return repeated


def _split(values: list[bool], runs: list[int]) -> Iterator[list[bool]]:
    """``values`` cut into runs of the given lengths."""
    begin = 0
    for length in runs:
        yield values[begin : begin + length]
        begin += length


_PLACE = itemgetter(Activity._fields.index("place"))
_WHERE = itemgetter(Activity._fields.index("where"))
_PATH = itemgetter(0)  # of a Location
_ORDER = attrgetter("sort", "code")
"""Notes by path, line and code."""
