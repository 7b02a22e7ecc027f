"""Messages: kinds rule kinds. Code -> (Swedish, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
