"""What each rule looks at, worked out once per distinct filter (issue 7).

Every rule kind scans ``ctx.activities`` with its ``match`` selector (``response``:
with ``request`` and ``response``). Ten rules over a million activities would run ten
million predicates, most of them only to say "wrong type". Here each distinct looking
filter runs once, over only the activities of the types it names (an index by type,
built once), and rules with equal filters share the answer. A rule is then handed,
as ``ctx.activities``, exactly the activities its looking filters chose, in log order
— nothing a rule counts can differ, since every kind reads only what those filters
choose.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Hashable, Sequence
from heapq import merge
from itertools import compress, repeat

from loften.activities.model import ACTIVITY_TYPE, Activity
from loften.activities.picked import Picked
from loften.engine.select import Selector
from loften.results import Msg
from loften.spec.filters import Filter


class Matches:
    """The activities each looking filter selects among ``activities``, cached."""

    def __init__(self, activities: Sequence[Activity]) -> None:
        self.activities = activities
        self.every = Picked(activities)
        """All of them, picked: each field rules read of them is read once, for all."""
        self._by_type: dict[str, list[int]] | None = None
        self._cache: dict[Hashable, list[int]] = {}

    def positions(self, flt: Filter, selector: Selector) -> list[int]:
        """Positions in ``activities`` of those ``selector`` (compiled from ``flt``) takes."""
        key = _key(flt)
        hit = self._cache.get(key)
        if hit is None:
            acts = self.activities
            candidates: Sequence[int] | range
            if selector.types is None:
                candidates = range(len(acts))
            else:
                index = self._index()
                lists = [index.get(t, []) for t in sorted(selector.types)]
                candidates = lists[0] if len(lists) == 1 else list(merge(*lists))
            if selector.types is not None and selector.types_only:
                hit = list(candidates)  # the index by type has answered already
            else:
                hit = list(compress(candidates, map(selector, map(acts.__getitem__, candidates))))
            self._cache[key] = hit
        return hit

    def chosen(self, position_lists: Sequence[list[int]]) -> Picked:
        """The activities at any of the positions, in log order, each once."""
        if len(position_lists) == 1:
            return self.every.at(position_lists[0])
        return self.every.at(sorted(set().union(*position_lists)))

    def looked_at(self) -> bytearray:
        """For each of ``activities``, 1 if a looking filter asked so far chose it, else 0
        (a byte each: a set of a national log's positions is tens of megabytes)."""
        marks = bytearray(len(self.activities))
        for positions in self._cache.values():
            deque(map(marks.__setitem__, positions, repeat(1)), maxlen=0)  # in C
        return marks

    def _index(self) -> dict[str, list[int]]:
        if self._by_type is None:
            index: defaultdict[str, list[int]] = defaultdict(list)
            for i, kind in enumerate(map(ACTIVITY_TYPE, self.activities)):
                index[kind].append(i)
            self._by_type = dict(index)
        return self._by_type


class Chosen:
    """A rule's only looking selector, over the activities it already chose: always yes.

    Reasons (``why_not``) and tests stay those of the real selector.
    """

    #: It takes every activity it is given: each was chosen by the real selector.
    takes_all = True

    def __init__(self, selector: Selector) -> None:
        self.selector = selector
        self.tests = selector.tests
        self.types = selector.types

    def __call__(self, activity: Activity) -> bool:
        return True

    def why_not(self, activity: Activity) -> Msg:
        return self.selector.why_not(activity)


def _key(flt: Filter) -> Hashable:
    """Equal filters share one answer; a filter that cannot be hashed keeps its own."""
    try:
        return frozenset(flt.items())
    except TypeError:
        return ("id", id(flt))
