"""A function's answers, remembered: a million activities name a few types and places."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V], Generic[K, V]):
    """``memo[key]`` is ``f(key)``, worked out on first use and then looked up in C."""

    def __init__(self, f: Callable[[K], V]) -> None:
        super().__init__()
        self.f = f

    def __missing__(self, key: K) -> V:
        value = self[key] = self.f(key)
        return value
