"""Exceptions (*undantag*, SPEC §5.6) applied to a rule's buckets and items.

The engine asks :func:`plan` which buckets of a rule have an exception in force
(and a relaxed bound), lets the kind evaluate, then :func:`apply` replaces
``fail``/``behind`` with ``excepted`` where an exception covers them and records
each exception's state for the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from loften.calendar import normalize_label
from loften.results import BucketResult, Item, Status, WaiverResult, WaiverState
from loften.rules.base import Relaxed
from loften.spec.model import Exemption

REPLACEABLE: tuple[Status, ...] = ("fail", "behind", "warn")


@dataclass(frozen=True)
class Bound:
    index: int
    exemption: Exemption


def names(e: Exemption) -> tuple[str, ...]:
    """The bucket or item labels an exception names, written as the report writes them
    (``2020-w9`` → ``2020-W09``)."""
    raw = (e.bucket,) if e.bucket is not None else tuple(e.buckets or ())
    return tuple(normalize_label(x) for x in raw)


def covers(e: Exemption, label: str, start: date | None, end: date | None) -> bool:
    if label in names(e):
        return True
    if (e.from_ or e.until) and start is not None and end is not None:
        return (e.from_ is None or start >= e.from_) and (e.until is None or end <= e.until)
    return False


def state(e: Exemption, last_day: date, as_of: date) -> WaiverState | None:
    """``not-decided``/``expired``, or None when the exception is in force for that bucket."""
    if e.decided > as_of:
        return "not-decided"
    if e.expires is not None and e.expires < min(last_day, as_of):
        return "expired"
    return None


def relaxed_bounds(
    exemptions: Sequence[Exemption], buckets: Sequence[tuple[str, date, date]], as_of: date
) -> dict[str, Relaxed]:
    out: dict[str, Relaxed] = {}
    for label, start, end in buckets:
        for e in exemptions:
            relaxes = e.at_least is not None or e.at_most is not None
            if relaxes and covers(e, label, start, end) and state(e, end, as_of) is None:
                out[label] = Relaxed(_num(e.at_least), _num(e.at_most))
                break
    return out


def _num(v):
    if v is None:
        return None
    return int(v) if v == v.to_integral_value() else v


def waived_items(exemptions: Sequence[Exemption], as_of: date) -> frozenset[str]:
    """Labels of items (occurrences, planned dates, requests) an exception in force names."""
    out: set[str] = set()
    for e in exemptions:
        if e.decided <= as_of:
            out.update(names(e))
    return frozenset(out)


def apply(
    exemptions: Sequence[Exemption], buckets: Sequence[BucketResult], as_of: date
) -> tuple[tuple[BucketResult, ...], tuple[WaiverResult, ...], list[Exemption]]:
    """Buckets with exceptions applied, the state of each exception, and the ones naming nothing."""
    results: list[WaiverResult] = []
    used: set[int] = set()
    out: list[BucketResult] = []
    for b in buckets:
        taken = False
        new = b
        for i, e in enumerate(exemptions):
            if not covers(e, b.bucket, b.start, b.end):
                continue
            used.add(i)
            st = state(e, b.end, as_of)
            if st is None and not taken and b.status in REPLACEABLE:
                taken = True
                if b.relaxed_status is not None and b.relaxed_status in ("fail", "behind"):
                    new = b.model_copy(update={"status": b.relaxed_status})
                else:
                    new = b.model_copy(update={"status": "excepted"})
                st = "applied"
            results.append(_result(e, b.bucket, st or "unused"))
        new, item_results, item_used = _items(exemptions, new, as_of)
        used |= item_used
        results.extend(item_results)
        out.append(new)
    unknown = [e for i, e in enumerate(exemptions) if i not in used]
    return tuple(out), tuple(results), unknown


def _items(
    exemptions: Sequence[Exemption], b: BucketResult, as_of: date
) -> tuple[BucketResult, list[WaiverResult], set[int]]:
    results: list[WaiverResult] = []
    used: set[int] = set()
    by_label: dict[str, Item] = {it.label: it for it in b.items}
    for i, e in enumerate(exemptions):
        for label in names(e):
            item = by_label.get(label)
            if item is None:
                continue
            used.add(i)
            if e.decided > as_of:
                results.append(_result(e, label, "not-decided"))
            else:
                results.append(
                    _result(e, label, "applied" if item.status == "excepted" else "unused")
                )
    return b, results, used


def _result(e: Exemption, label: str, st: WaiverState) -> WaiverResult:
    return WaiverResult(bucket=label, state=st, reason=e.reason, decided=e.decided, by=e.by)
