"""Activity logs: reading YAML, CSV and Excel logs into activities and attestations."""

from __future__ import annotations

from loften.activities.load import load_logs
from loften.activities.model import (
    Activity,
    Attestation,
    FileStats,
    LoadedLogs,
    LogSource,
    Vocabulary,
)

__all__ = [
    "Activity",
    "Attestation",
    "FileStats",
    "LoadedLogs",
    "LogSource",
    "Vocabulary",
    "load_logs",
]
