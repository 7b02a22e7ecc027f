"""The promise: models (``model``), scalar types (``types``), filters, and the loader."""

from __future__ import annotations

from loften.spec.load import LoadedPromise, load_promise
from loften.spec.model import Commitment, Exemption, Promise

__all__ = ["Commitment", "Exemption", "LoadedPromise", "Promise", "load_promise"]
