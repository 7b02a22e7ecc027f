"""Python's cyclic garbage collector, paused while a promise's logs are read and judged.

Reading a million rows allocates millions of small objects that all stay alive until
the report is made; the collector would walk every one of them again and again, for
nothing — none of them are garbage, and none form cycles. Measured (issue 7,
``docs/performance.md``), that was a quarter of the time of a large check. Reference
counting still frees everything as usual; only the cycle hunt waits, and it is
switched back on however the work ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bulk() -> Iterator[None]:
    """No cyclic collection inside; the collector's state is restored on the way out."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
