"""loften — följ upp medborgarlöften.

The pipeline, one package each: ``spec`` (the promise) → ``activities`` (the logs)
→ ``rules`` (one module per rule kind) → ``engine`` (the report model) →
``reporters`` (one module per format) → ``cli``.
"""

from __future__ import annotations

__version__ = "0.1.0"
