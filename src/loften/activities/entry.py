"""One log entry, from raw values to an :class:`Activity` or :class:`Attestation`.

:func:`make_entry` is the only place the rules of SPEC §3.1 and §3.2 are written;
the YAML, CSV and Excel readers all hand it a :class:`RawEntry`. It never raises on
bad input: it returns the entry, or every problem it found, each located at its
field (or at the row or item when a field is missing).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_CEILING, Decimal
from typing import Any, cast

from loften import values
from loften.activities.fields import (
    FIELDS,
    REQUIRED_ACTIVITY,
    REQUIRED_ATTESTATION,
    Names,
    RawEntry,
    Value,
    field_params,
)
from loften.activities.model import (
    MAX_BYTES,
    Activity,
    ActivityStatus,
    Attestation,
    AttestationStatus,
    Vocabulary,
)
from loften.errors import BadValue, Location, Problem, suggest
from loften.values import norm

Entry = Activity | Attestation

_MISSING = ("field-missing", "field-missing-typo")
_ATTESTATION_KEYS = frozenset(n for n, f in FIELDS.items() if f.attestation) | {"notes"}


def make_entry(
    raw: RawEntry, vocab: Vocabulary | None, notices: list[Problem]
) -> Entry | list[Problem]:
    """The activity or attestation ``raw`` describes, or the problems that stop it.

    ``vocab`` resolves types, parties and places; without it (validating without a
    promise) they are kept as written, normalised. Notices (a place kept as text
    under ``open_places``) are appended to ``notices``.
    """
    if "attests" in raw.values:
        return _Reader(raw).attestation()
    return _Reader(raw).activity(vocab, notices)


class _Reader:
    """Converts the values of one raw entry, collecting problems as it goes."""

    def __init__(self, raw: RawEntry) -> None:
        self.raw = raw
        self.values = raw.values
        self.problems: list[Problem] = []

    # -- helpers ---------------------------------------------------------------

    def fail(self, code: str, key: str, **params: Any) -> None:
        self.problems.append(Problem(code, self.raw.locate(key), {**field_params(key), **params}))

    def bad(self, err: BadValue, key: str) -> None:
        self.problems.append(err.at(self.raw.locate(key), **field_params(key)))

    def text(self, key: str) -> str | None:
        """The value of ``key`` as one text; a list is an error (only party and tags take one)."""
        value = self.values.get(key)
        if value is None:
            return None
        if isinstance(value, tuple):
            self.fail("field-not-list", key, name=self.raw.names.get(key, key))
            return None
        return as_text(value)

    def texts(self, key: str) -> tuple[str, ...]:
        """A list field: a YAML list, or text split on ``|``; trimmed, NFC, empties dropped."""
        value = self.values.get(key)
        if value is None:
            return ()
        return list_texts(value)

    def convert(self, key: str, parse: Any) -> Any:
        """``parse`` applied to the value of ``key``; ``None`` when absent or bad."""
        value = self.values.get(key)
        if value is None:
            return None
        if isinstance(value, tuple):
            self.fail("field-not-list", key, name=self.raw.names.get(key, key))
            return None
        try:
            return parse(value)
        except BadValue as err:
            self.bad(err, key)
            return None

    def require(self, keys: tuple[str, ...], have: Mapping[str, object]) -> None:
        for key in keys:
            if have.get(key) is None and key not in self.bad_keys():
                self.missing(key)

    def bad_keys(self) -> set[str]:
        return {p.params.get("field", "") for p in self.problems}

    def missing(self, key: str) -> None:
        f = FIELDS[key]
        written = [n for k, n in self.raw.names.items() if k not in FIELDS]
        for name in (f.name, *f.aliases):
            near = suggest(name, written)
            if near is not None:
                self.fail("field-missing-typo", key, name=near)
                return
        self.fail("field-missing", key)

    # -- activities ------------------------------------------------------------

    def activity(self, vocab: Vocabulary | None, notices: list[Problem]) -> Entry | list[Problem]:
        start = self.convert("date", date_and_time)
        day, at = start if start is not None else (None, None)
        clock = self.convert("time", clock_time)
        if at is not None and clock is not None and clock != at:
            self.fail("time-twice", "time", date_time=_hhmm(at), time=_hhmm(clock))
        at = clock if clock is not None else at
        end_time = self.convert("end_time", clock_time)
        end = self.convert("end", plain_date)
        days = self.convert("days", positive_days)
        hours = self.convert("hours", hours_of)
        type_ = self.vocab_one("type", vocab.types if vocab else None)
        parties = self.vocab_many("party", vocab.parties if vocab else None)
        place = self.place(vocab, notices)
        participants = self.convert(
            "participants", lambda v: values.parse_int(as_text(v), minimum=0)
        )
        quantity = self.convert("quantity", lambda v: values.parse_int(as_text(v), minimum=1))
        status = self.convert("status", lambda v: values.parse_status(as_text(v)))
        extra: dict[str, str] = {}
        for key in list(self.values):
            f = FIELDS.get(key)
            if f is None or not f.activity:
                name = key if f is None else norm(self.raw.names.get(key, key))
                text = self.text(key)
                if text is not None:
                    extra[name] = text
        self.require(REQUIRED_ACTIVITY, {"date": day, "type": type_, "party": parties or None})
        if day is not None:
            end, days = self.span(day, end, days)
        if self.problems or day is None or type_ is None or not parties:
            return self.problems
        return Activity(
            where=self.raw.where,
            ref=self.raw.where.ref,
            date=day,
            type=type_,
            parties=parties,
            end=cast(date, end),
            days=cast(Decimal, days),
            time=at,
            end_time=end_time,
            hours=hours,
            place=place,
            tags=self.texts("tags"),
            participants=participants,
            id=self.text("id"),
            notes=self.text("notes"),
            status=cast(ActivityStatus, status or "done"),
            quantity=quantity if quantity is not None else 1,
            answers=self.text("answers"),
            same_as=self.text("same_as"),
            extra=extra,
        )

    def span(self, day: date, end: date | None, days: Decimal | None) -> tuple[date, Decimal]:
        """``end`` and ``days`` completed from each other (SPEC §3.1, §5.3)."""
        if end is not None and end < day:
            self.fail("end-before-date", "end", end=end, date=day)
            return day, Decimal(1)
        if end is not None:
            length = (end - day).days + 1
            if days is not None and _ceil(days) != length:
                self.fail("days-disagree", "days", days=days, date=day, end=end, length=length)
            return end, days if days is not None else Decimal(length)
        if days is None:
            return day, Decimal(1)
        try:
            return day + timedelta(days=_ceil(days) - 1), days
        except OverflowError:
            self.fail("days-too-many", "days", days=days)
            return day, days

    def vocab_one(self, key: str, known: Mapping[str, str] | None) -> str | None:
        text = self.text(key)
        if text is None:
            return None
        return self.resolve(key, text, known)

    def vocab_many(self, key: str, known: Mapping[str, str] | None) -> tuple[str, ...]:
        out: list[str] = []
        for text in self.texts(key):
            hit = self.resolve(key, text, known)
            if hit is not None and hit not in out:
                out.append(hit)
        return tuple(out)

    def resolve(self, key: str, text: str, known: Mapping[str, str] | None) -> str | None:
        wanted = norm(text)
        if known is None:
            return wanted
        hit = known.get(wanted)
        if hit is None:
            self.unknown(key, text, known)
        return hit

    def unknown(self, key: str, text: str, known: Mapping[str, str]) -> None:
        near = suggest(wanted := norm(text), known)
        ids = sorted(set(known.values()))
        names = ", ".join(ids[:15]) + (", …" if len(ids) > 15 else "") if ids else "–"
        if near is not None and near != wanted:
            self.fail(f"{key}-unknown-suggest", key, value=text, suggestion=near, known=names)
        else:
            self.fail(f"{key}-unknown", key, value=text, known=names)

    def place(self, vocab: Vocabulary | None, notices: list[Problem]) -> str | None:
        text = self.text("place")
        if text is None:
            return None
        text = _nfc(text.strip())
        if vocab is None or vocab.places is None:
            return text
        hit = vocab.places.get(norm(text))
        if hit is not None:
            return hit
        if vocab.open_places:
            notices.append(
                Problem("place-kept", self.raw.locate("place"), {"value": text}, "notice")
            )
            return text
        self.unknown("place", text, vocab.places)
        return None

    # -- attestations ------------------------------------------------------------

    def attestation(self) -> Entry | list[Problem]:
        for key in self.values:
            if key not in _ATTESTATION_KEYS:
                name = self.raw.names.get(key, key)
                near = suggest(name, sorted(_ATTESTATION_KEYS))
                if near is not None:
                    self.fail("attestation-field-suggest", key, name=name, suggestion=near)
                else:
                    self.fail("attestation-field", key, name=name)
        attests = self.text("attests")
        status = self.convert("status", lambda v: values.parse_attestation_status(as_text(v)))
        start = self.convert("date", date_and_time)
        by, evidence, bucket = self.text("by"), self.text("evidence"), self.text("bucket")
        self.text("notes")
        have = {"attests": attests, "status": status, "date": start, "by": by, "evidence": evidence}
        self.require(REQUIRED_ATTESTATION, have)
        if self.problems or attests is None or status is None or start is None:
            return self.problems
        return Attestation(
            where=self.raw.where,
            attests=norm(attests),
            status=cast(AttestationStatus, status),
            date=start[0],
            by=_nfc(cast(str, by).strip()),
            evidence=cast(str, evidence).strip(),
            bucket=bucket.strip() if bucket is not None else None,
        )


# -- conversions of one value ---------------------------------------------------


def as_text(value: Value) -> str:
    """A raw value as text; typed Excel cells as ISO dates and ``H:MM`` times."""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M" if not value.second else "%H:%M:%S")
    if isinstance(value, timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    return "|".join(value)


def list_texts(value: Value) -> tuple[str, ...]:
    """A list field's values: a YAML list, or text split on ``|``; trimmed, NFC, each once."""
    parts = value if isinstance(value, tuple) else (as_text(value),)
    out: list[str] = []
    for part in parts:
        for piece in part.split("|"):
            piece = _nfc(piece.strip())
            if piece and piece not in out:
                out.append(piece)
    return tuple(out)


def date_and_time(value: Value) -> tuple[date, time | None]:
    if isinstance(value, datetime):
        at = value.time()
        return value.date(), (at if at != time(0) else None)
    if isinstance(value, date):
        return value, None
    return values.parse_datetime(as_text(value))


def plain_date(value: Value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return values.parse_date(as_text(value))


def clock_time(value: Value) -> time:
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    if isinstance(value, timedelta) and timedelta(0) <= value < timedelta(days=1):
        return (datetime.min + value).time()
    return values.parse_time(as_text(value))


def hours_of(value: Value) -> Decimal:
    if isinstance(value, timedelta):
        return Decimal(int(value.total_seconds())) / 3600
    if isinstance(value, time) and not isinstance(value, datetime):
        return Decimal(value.hour) + Decimal(value.minute) / 60
    return values.parse_hours(as_text(value))


def positive_days(value: Value) -> Decimal:
    days = values.parse_decimal(as_text(value))
    if days <= 0:
        raise BadValue("days-not-positive", value=as_text(value))
    return days


def _ceil(number: Decimal) -> int:
    return int(number.to_integral_value(rounding=ROUND_CEILING))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _hhmm(at: time) -> str:
    return at.strftime("%H:%M")


# -- one file's entries ---------------------------------------------------------


@dataclass(slots=True)
class Linked:
    """An activity that names ids (its own, ``same_as``, ``answers``), checked after all files."""

    activity: Activity
    locate: Callable[[str], Location]


@dataclass(slots=True)
class FileLog:
    """What the reader of one file found: entries, problems, extra fields.

    ``rows`` counts data rows (or list items) read; each one becomes an entry or
    leaves at least one error located at it.
    """

    path: str
    vocab: Vocabulary | None
    names: Names
    rows: int = 0
    entries: list[Entry] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    extras: set[str] = field(default_factory=set)
    linked: list[Linked] = field(default_factory=list)
    max_bytes: int = MAX_BYTES
    """The size limit of the file; a workbook may unpack to ten times as much."""

    def add(self, raw: RawEntry, problems: Sequence[Problem] = ()) -> None:
        """One row or item: its entry, or its problems (with ``problems`` found on reading)."""
        self.rows += 1
        result = make_entry(raw, self.vocab, self.notices)
        if problems or isinstance(result, list):
            self.errors.extend(problems)
            if isinstance(result, list):
                unread = {p.params.get("field") for p in problems}
                self.errors.extend(
                    p for p in result if not (p.code in _MISSING and p.params["field"] in unread)
                )
            return
        self.entries.append(result)
        if isinstance(result, Activity) and (result.id or result.same_as or result.answers):
            self.linked.append(Linked(result, raw.locate))

    def reject(self, problems: Sequence[Problem]) -> None:
        """One row or item that could not be read as an entry at all."""
        self.rows += 1
        self.errors.extend(problems)

    def problem(self, problem: Problem) -> None:
        """A problem of the file rather than of one row."""
        (self.errors if problem.severity == "error" else self.notices).append(problem)

    def refuse(self, problem: Problem) -> None:
        """The whole file is refused (an alias bomb, too large): nothing read from it counts."""
        self.rows = 0
        self.entries.clear()
        self.linked.clear()
        self.extras.clear()
        self.errors = [problem]

    @property
    def rejected(self) -> int:
        """Rows (or items) read that gave no entry; each left an error located at it."""
        return self.rows - len(self.entries)

    def extra(self, key: str, name: str, where: Location) -> None:
        """An extra field seen in this file; a notice when there is no promise to say it is fine."""
        known = FIELDS.get(key)
        if known is not None:
            # An attestation's field on an activity is kept as an extra field (§3.1).
            if known.activity or known.name == "attests":
                return
            key = norm(name)
        if key in self.extras:
            return
        self.extras.add(key)
        if self.vocab is None and known is None:
            self.notices.append(Problem("column-unknown", where, {"name": name}, "notice"))
