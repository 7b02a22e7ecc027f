"""What a log holds once read: activities and attestations, each with its location."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from types import MappingProxyType
from typing import Literal, NamedTuple

from loften.errors import Location, Problem

ActivityStatus = Literal["done", "planned", "cancelled"]

#: Log files larger than this are refused before they are read (issue 6); a workbook
#: may unpack to ten times as much.
MAX_BYTES = 200 * 1024 * 1024


def megabytes(size: int) -> Decimal:
    """A size in MB as people read it: ``250``, ``0.5``; never ``0`` for a small limit."""
    mb = size / (1024 * 1024)
    return Decimal(f"{mb:.0f}" if mb >= 10 else f"{mb:.2g}")


AttestationStatus = Literal["done", "partial", "not-done"]


NO_EXTRA: Mapping[str, str] = MappingProxyType({})


class Activity(NamedTuple):
    """One logged thing that was done (or planned, or cancelled).

    Vocabulary fields hold resolved ids: ``type`` is an activity-type id, ``parties``
    party ids, ``place`` a place id when the promise declares places (else the text as
    written). ``end`` is always set (inclusive; ``date`` when the activity is one day).
    ``extra`` maps each extra column or key, trimmed and case-folded, to its text.

    A named tuple, not a frozen dataclass: equally immutable, and made eight times
    faster — a national log makes a million of them (issue 7).
    """

    where: Location
    ref: str
    """``where.ref`` (``path:N``), as reports name the activity: made once, so the
    evidence of every rule that counts the activity shares one string."""
    date: dt.date
    type: str
    parties: tuple[str, ...]
    end: dt.date
    days: Decimal = Decimal(1)
    time: dt.time | None = None
    end_time: dt.time | None = None
    hours: Decimal | None = None
    place: str | None = None
    tags: tuple[str, ...] = ()
    participants: int | None = None
    id: str | None = None
    notes: str | None = None
    status: ActivityStatus = "done"
    quantity: int = 1
    answers: str | None = None
    same_as: str | None = None
    extra: Mapping[str, str] = NO_EXTRA


ACTIVITY_QUANTITY = itemgetter(Activity._fields.index("quantity"))
ACTIVITY_REF = itemgetter(Activity._fields.index("ref"))
ACTIVITY_DATE = itemgetter(Activity._fields.index("date"))
ACTIVITY_TYPE = itemgetter(Activity._fields.index("type"))
ACTIVITY_END = itemgetter(Activity._fields.index("end"))


@dataclass(frozen=True, slots=True)
class Attestation:
    """A person's dated statement that a qualitative commitment was carried out (§3.2)."""

    where: Location
    attests: str
    status: AttestationStatus
    date: dt.date
    by: str
    evidence: str
    bucket: str | None = None

    @property
    def ref(self) -> str:
        return self.where.ref


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The promise's words, as the loader needs them.

    Every mapping is keyed by the normalised form (trimmed, NFC, case-folded) of an id
    or alias and gives the id. ``places`` is ``None`` when the promise declares none
    (place is then free text). ``columns`` maps a normalised foreign header to a field.
    """

    types: Mapping[str, str]
    parties: Mapping[str, str]
    places: Mapping[str, str] | None = None
    open_places: bool = False
    columns: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LogSource:
    """One ``logs:`` entry of a promise: a file or a folder, and the sheet for Excel."""

    path: Path
    display: str
    sheet: str | None = None
    where: Location | None = None


@dataclass(frozen=True, slots=True)
class FileStats:
    """What one log file gave: ``rows = activities + errors``, always.

    ``rows`` counts the data rows (or YAML items) read, ``activities`` the entries they
    gave (attestations included), ``errors`` the rows that gave none — each of them has
    at least one error located at it. ``problems`` counts every error in the file,
    including those of the file as a whole (a refused file reads no rows).
    """

    path: str
    rows: int
    activities: int
    errors: int
    problems: int = 0


@dataclass(frozen=True, slots=True)
class LoadedLogs:
    activities: tuple[Activity, ...]
    attestations: tuple[Attestation, ...]
    files: tuple[FileStats, ...]
    errors: tuple[Problem, ...]
    notices: tuple[Problem, ...]
    fields: frozenset[str]
    """Every extra field name (normalised) seen in the loaded logs."""
