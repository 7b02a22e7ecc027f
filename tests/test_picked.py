"""Activities by position (issue 7): a Picked reads as the activities it stands for.

Rules take their activities from the engine as a :class:`Picked` — all that rules may
count, or some of them by position, bucket by bucket — and read fields gathered from
columns instead of from each activity. Whatever the chain of picks, every field must be
what reading each activity gives, in log order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kit import act
from loften.activities.model import Activity
from loften.activities.picked import Picked, quantity, refs
from loften.calendar import Bucket, make_buckets
from loften.rules.base import group

_DAYS = st.dates(min_value=date(2019, 11, 1), max_value=date(2022, 2, 28))


@st.composite
def _activities(draw: st.DrawFn) -> list[Activity]:
    rows = draw(st.lists(st.tuples(_DAYS, st.integers(1, 3), st.integers(1, 4)), max_size=30))
    return [act(d.isoformat(), days=n, quantity=q) for d, n, q in rows]


@st.composite
def _picks(draw: st.DrawFn) -> tuple[list[Activity], Picked, list[Activity]]:
    """Activities, a chain of picks among them, and what the chain stands for."""
    every = draw(_activities())
    picked, plain = Picked(every), list(every)
    for _ in range(draw(st.integers(0, 3))):
        keep = draw(st.lists(st.booleans(), min_size=len(plain), max_size=len(plain)))
        if draw(st.booleans()):
            picked = picked.where(keep)
        else:
            picked = picked.at(k for k, yes in enumerate(keep) if yes)
        plain = [a for a, yes in zip(plain, keep, strict=True) if yes]
    return every, picked, plain


@settings(max_examples=300, deadline=None)
@given(_picks(), st.booleans())
def test_a_picked_sequence_reads_as_its_activities(
    drawn: tuple[list[Activity], Picked, list[Activity]], fields_first: bool
) -> None:
    _, picked, plain = drawn
    if fields_first:  # fields gathered before or after the activities are made
        assert picked.days() == [a.date for a in plain]
    assert list(picked) == plain
    assert len(picked) == len(plain)
    assert [picked[k] for k in range(len(plain))] == plain
    assert picked.days() == [a.date for a in plain]
    assert picked.ends() == [a.end for a in plain]
    assert refs(picked) == tuple(a.ref for a in plain) == refs(plain)
    assert quantity(picked) == sum(a.quantity for a in plain) == quantity(plain)


@settings(max_examples=200, deadline=None)
@given(_picks(), st.sampled_from(["year", "quarter", "month", "week", "total"]))
def test_grouping_picked_activities_is_grouping_the_activities(
    drawn: tuple[list[Activity], Picked, list[Activity]], per: str
) -> None:
    _, picked, plain = drawn
    buckets = make_buckets(per, date(2020, 1, 1), date(2021, 12, 31))  # type: ignore[arg-type]
    by_position = group(buckets, picked)
    by_activity = group(buckets, plain)
    assert list(by_position) == [b.label for b in buckets]
    for label, acts in by_activity.items():
        assert list(by_position[label]) == list(acts)
        expected = [a for a in plain if label == _label_of(buckets, a.date)]
        assert list(acts) == expected


def _label_of(buckets: Sequence[Bucket], day: date) -> str | None:
    return next((b.label for b in buckets if b.start <= day <= b.end), None)
