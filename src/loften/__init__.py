"""loften — följ upp medborgarlöften.

The pipeline, one package each: ``spec`` (the promise) → ``activities`` (the logs)
→ ``rules`` (one module per rule kind) → ``engine`` (the report model) →
``reporters`` (one module per format) → ``cli``.
"""

from __future__ import annotations

__version__ = "0.1.0"


def check(promise_path, *, as_of, cwd=None):  # type: ignore[no-untyped-def]
    """Check a promise (or several) as of a date and return the :class:`Report`.

    ``loften.check("promises/soderhamn-2020-2021.yaml", as_of=date(2022, 1, 15))``
    """
    from loften.engine import check as _check

    return _check(promise_path, as_of=as_of, cwd=cwd)
