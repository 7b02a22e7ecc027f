"""Many activities at once: what rules read of each, read out once (issue 7).

A national rule looks at hundreds of thousands of activities scattered through a
million. Reaching into an activity for one field is a trip to memory each time (about
0.1 µs when they lie far apart); the same field read out of every activity once, in log
order, and then gathered by position costs a fifth of that when its values are shared
objects (dates, quantities), and about two thirds when each is its own (``path:N``).

A :class:`Picked` is activities by position: every activity rules may count (the root,
which the engine makes once and every rule shares), a rule's chosen ones, one bucket of
them. Each field is read out of the root once and gathered from there; the activities
themselves are made only when something iterates them. :func:`refs` and
:func:`quantity` read a Picked or any other sequence of activities.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import compress
from typing import Any, cast, overload

from loften.activities.model import (
    ACTIVITY_DATE,
    ACTIVITY_END,
    ACTIVITY_QUANTITY,
    ACTIVITY_REF,
    Activity,
)

Read = Callable[[Sequence[Activity]], list[Any]]
"""A field of many activities at once, in order."""


def _getter(get: Callable[[Activity], Any]) -> Read:
    return lambda activities: list(map(get, activities))


_DAYS, _ENDS = _getter(ACTIVITY_DATE), _getter(ACTIVITY_END)
_REFS, _QUANTITIES = _getter(ACTIVITY_REF), _getter(ACTIVITY_QUANTITY)


class Picked(Sequence[Activity]):
    """Activities by position: all of a sequence (the root), or some of another
    :class:`Picked` at ``indices`` (ascending), in log order. A sequence of activities
    like any other; a field is read out of the root's activities once, for all of them,
    and gathered by position from there, and the activities themselves are made only
    when something iterates or indexes them."""

    __slots__ = ("_activities", "_gathered", "_indices", "_positions", "_source")

    def __init__(self, source: Sequence[Activity], indices: list[int] | None = None) -> None:
        self._source, self._indices = source, indices
        self._activities: Sequence[Activity] | None = None
        self._positions: list[int] | None = None
        self._gathered: dict[object, list[Any]] = {}

    @classmethod
    def of(cls, activities: Sequence[Activity]) -> Picked:
        """``activities`` as picked: itself if it is, else all of them."""
        return activities if isinstance(activities, Picked) else cls(activities)

    # -- the activities ------------------------------------------------------------

    def _root(self) -> tuple[Sequence[Activity], list[int] | None]:
        """The root's activities, and the positions of these among them (``None``: all)."""
        src = self._source
        if not isinstance(src, Picked):
            return src, self._indices
        every, above = src._root()
        if self._positions is None:
            idx = cast(list[int], self._indices)
            self._positions = idx if above is None else list(map(above.__getitem__, idx))
        return every, self._positions

    @property
    def activities(self) -> Sequence[Activity]:
        if self._activities is None:
            every, positions = self._root()
            self._activities = (
                every if positions is None else tuple(map(every.__getitem__, positions))
            )
        return self._activities

    def __len__(self) -> int:
        return len(self._source) if self._indices is None else len(self._indices)

    @overload
    def __getitem__(self, i: int) -> Activity: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Activity]: ...
    def __getitem__(self, i: int | slice) -> Activity | Sequence[Activity]:
        return self.activities[i]

    def __iter__(self) -> Iterator[Activity]:
        return iter(self.activities)

    # -- fields --------------------------------------------------------------------

    def gather(self, key: object, read: Read) -> list[Any]:
        """What ``read`` gives for every activity of the root (remembered there under
        ``key``, as each step's part is), at these positions. Shared: not to change."""
        found = self._gathered.get(key)
        if found is None:
            src, idx = self._source, self._indices
            whole = src.gather(key, read) if isinstance(src, Picked) else read(src)
            found = whole if idx is None else list(map(whole.__getitem__, idx))
            self._gathered[key] = found
        return found

    def days(self) -> list[date]:
        """Each activity's first day."""
        return self.gather(ACTIVITY_DATE, _DAYS)

    def ends(self) -> list[date]:
        """Each activity's last day."""
        return self.gather(ACTIVITY_END, _ENDS)

    def refs(self) -> tuple[str, ...]:
        """Each activity's ``path:N``."""
        return tuple(self.gather(ACTIVITY_REF, _REFS))

    def quantity(self) -> int:
        """How many times these activities count (a tally row its ``quantity``)."""
        return sum(self.gather(ACTIVITY_QUANTITY, _QUANTITIES))

    # -- some of them --------------------------------------------------------------

    def at(self, indices: Iterable[int]) -> Picked:
        """The activities at ``indices`` (ascending) of this sequence."""
        return Picked(self, list(indices))

    def where(self, keep: Iterable[bool]) -> Picked:
        """The activities for which ``keep`` says yes, in order."""
        return Picked(self, list(compress(range(len(self)), keep)))


def refs(activities: Sequence[Activity]) -> tuple[str, ...]:
    """The ``path:N`` of each activity, in order."""
    if isinstance(activities, Picked):
        return activities.refs()
    return tuple(map(ACTIVITY_REF, activities))


def quantity(activities: Sequence[Activity]) -> int:
    """How many times ``activities`` count: one each, a tally row its ``quantity``."""
    if isinstance(activities, Picked):
        return activities.quantity()
    return sum(map(ACTIVITY_QUANTITY, activities))


__all__ = ["Picked", "quantity", "refs"]
