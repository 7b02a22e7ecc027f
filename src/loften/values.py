"""Typed values from text, as §5.1 reads them.

Every YAML scalar reaches the fields as text (:mod:`loften.yamlnodes`), and CSV and
Excel cells are text too; these pure functions turn that text into the field's type.
Bad input raises :class:`~loften.errors.BadValue` with a catalog code and the offending
``text``; the caller knows where the text stands and locates the problem.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from loften.errors import BadValue

ActivityStatus = Literal["done", "planned", "cancelled"]
AttestationStatus = Literal["done", "partial", "not-done"]

#: Without explicit bounds, whole numbers must lie strictly between ∓10**12.
SANE_LIMIT = 10**12
#: Digits allowed before the decimal sign.
MAX_INTEGER_DIGITS = 15
MIN_YEAR, MAX_YEAR = 1900, 2199

_ID = re.compile(r"[a-z0-9åäö-]+")
_INT = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"([+-]?)([0-9]*)(?:[.,]([0-9]+))?")
_HOURS_MINUTES = re.compile(r"([0-9]{1,5}):([0-9]{2})")
_DATE = re.compile(r"([0-9]{4,})-([0-9]{2})-([0-9]{2})")
_DATETIME = re.compile(r"([0-9]{4,}-[0-9]{2}-[0-9]{2})[Tt ]([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(.*)")
_OFFSET = re.compile(r"\s*(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)")
# Swedish writes "kl. 19.00", so a dot separates hours and minutes as well as a colon.
_TIME = re.compile(r"([0-9]{1,2})([:.])([0-9]{2})(?:\2([0-9]{2}))?")
_DURATION = re.compile(r"([0-9]+)(?:\s*([^\W\d_]+))?")
_SEPARATORS = re.compile(r"[\s_-]+")

_BOOLS = {
    **dict.fromkeys(("true", "yes", "ja", "sant"), True),
    **dict.fromkeys(("false", "no", "nej", "falskt"), False),
}
_DAYS_PER_UNIT = {
    **dict.fromkeys(("day", "days", "dag", "dagar", "dygn"), 1),
    **dict.fromkeys(("week", "weeks", "vecka", "veckor"), 7),
}
_STATUSES: dict[str, ActivityStatus] = {
    **dict.fromkeys(("done", "genomförd", "genomfört"), "done"),
    **dict.fromkeys(("planned", "planerad", "planerat"), "planned"),
    **dict.fromkeys(("cancelled", "canceled", "inställd", "inställt"), "cancelled"),
}
_ATTESTATION_STATUSES: dict[str, AttestationStatus] = {
    **dict.fromkeys(("done", "genomförd", "genomfört"), "done"),
    **dict.fromkeys(("partial", "partly done", "delvis", "delvis genomförd"), "partial"),
    **dict.fromkeys(
        ("not done", "ej genomförd", "ej genomfört", "inte genomförd", "inte genomfört"),
        "not-done",
    ),
}


def _clip(text: str, limit: int = 60) -> str:
    """Text quoted in a message: long input is cut, so one bad cell stays one line."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Control characters, and the bidirectional overrides that can reorder a terminal line.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str, limit: int = 80) -> str:
    """Text from an input file made safe to quote on one line of a terminal or report.

    Line breaks, tabs, escape sequences and other control characters are written as
    ``\\n``, ``\\t``, ``\\x1b``…; text longer than ``limit`` is cut with ``…``.
    """
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _UNPRINTABLE.sub(lambda m: _ESCAPES.get(m[0]) or _escape(m[0]), text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@lru_cache(maxsize=1 << 16)
def norm(s: str) -> str:
    """The comparison key of ids, aliases, tags and headers: trimmed, NFC, case-folded.

    Remembered: filters ask it of the same few places and tags on every activity."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", s.strip()).casefold())


def is_id(s: str) -> bool:
    """Whether ``s`` is an id: ``[a-z0-9åäö-]+`` after :func:`norm`."""
    return _ID.fullmatch(norm(s)) is not None


def parse_bool(s: str) -> bool:
    """true/false, yes/no, ja/nej, sant/falskt, in any case."""
    value = _BOOLS.get(norm(s))
    if value is None:
        raise BadValue("bool-invalid", text=s.strip())
    return value


def parse_int(s: str, minimum: int | None = None, maximum: int | None = None) -> int:
    """Decimal digits with an optional sign: ``0114`` is 114; no ``1e3``, no ``0x10``."""
    text = s.strip()
    if _INT.fullmatch(text) is None:
        raise BadValue("int-invalid", text=_clip(text))
    digits = text.lstrip("+-").lstrip("0") or "0"
    if len(digits) > 20:  # also keeps int() below Python's 4300-digit limit
        raise BadValue("value-out-of-range", text=_clip(text))
    value = -int(digits) if text.startswith("-") else int(digits)
    return _in_range(value, text, minimum, maximum)


def _in_range(value: int, text: str, minimum: int | None, maximum: int | None) -> int:
    if minimum is not None and value < minimum:
        raise BadValue("value-below-minimum", text=text, minimum=minimum)
    if maximum is not None and value > maximum:
        raise BadValue("value-above-maximum", text=text, maximum=maximum)
    too_low = minimum is None and value <= -SANE_LIMIT
    if too_low or (maximum is None and value >= SANE_LIMIT):
        raise BadValue("value-out-of-range", text=text)
    return value


def parse_decimal(s: str) -> Decimal:
    """An exact decimal: ``2,5``, ``2.5``, ``-1``, ``10``. No exponent, NaN or separators."""
    text = s.strip()
    match = _DECIMAL.fullmatch(text)
    if match is None or not (match[2] or match[3]):
        raise BadValue("number-invalid", text=text)
    sign, whole, fraction = match.groups()
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise BadValue("value-out-of-range", text=text)
    value = Decimal(sign + (whole or "0") + ("." + fraction if fraction else ""))
    return abs(value) if value == 0 else value


def _decimal_as(text: str, whole_text: str, code: str) -> Decimal:
    """:func:`parse_decimal`, reporting an unreadable number under ``code``."""
    try:
        return parse_decimal(text)
    except BadValue as err:
        if err.code != "number-invalid":
            raise
        raise BadValue(code, text=whole_text) from err


def parse_hours(s: str) -> Decimal:
    """Hours as a decimal (``2,5``, ``2.5``) or as ``H:MM`` (``1:30`` is 1.5); not negative.

    Minutes that are not a multiple of 3 have no finite decimal (0:20 is 0.333…); they
    are kept to the default 28 significant digits.
    """
    text = s.strip()
    if ":" in text:
        match = _HOURS_MINUTES.fullmatch(text)
        if match is None or int(match[2]) > 59:
            raise BadValue("hours-invalid", text=text)
        return Decimal(int(match[1])) + Decimal(int(match[2])) / 60
    value = _decimal_as(text, text, "hours-invalid")
    if value < 0:
        raise BadValue("value-below-minimum", text=text, minimum=0)
    return value


def parse_date(s: str) -> date:
    """Exactly ``YYYY-MM-DD``, years 1900–2199, and a day that exists."""
    text = s.strip()
    match = _DATE.fullmatch(text)
    if match is None:
        raise BadValue("date-format", text=_clip(text))
    if len(match[1]) != 4:  # year 99999 is a date, but out of range
        raise BadValue("date-out-of-range", text=_clip(text))
    year, month, day = (int(part) for part in match.groups())
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadValue("date-out-of-range", text=text)
    try:
        return date(year, month, day)
    except ValueError as err:
        raise BadValue("date-impossible", text=text) from err


def parse_datetime(s: str) -> tuple[date, time | None]:
    """A date, or ``YYYY-MM-DDTHH:MM[:SS]`` (or a space for the T), with no time zone."""
    text = s.strip()
    if _DATE.fullmatch(text):
        return parse_date(text), None
    match = _DATETIME.fullmatch(text)
    if match is None:
        raise BadValue("datetime-format", text=text)
    day, clock, rest = match.groups()
    if rest:
        code = "datetime-offset" if _OFFSET.fullmatch(rest) else "datetime-format"
        raise BadValue(code, text=text)
    return parse_date(day), parse_time(clock)


def parse_time(s: str) -> time:
    """``H:MM`` or ``HH:MM``, optionally ``:SS``; also ``19.00``. No 24:00."""
    text = s.strip()
    match = _TIME.fullmatch(text)
    if match is None:
        raise BadValue("time-format", text=text)
    hour, _, minute, second = match.groups()
    try:
        return time(int(hour), int(minute), int(second or 0))
    except ValueError as err:
        raise BadValue("time-invalid", text=text) from err


def parse_duration(s: str) -> int:
    """Days: ``3``, ``3 days``, ``1 dag``, ``2 weeks``, ``2 veckor`` (any case)."""
    text = s.strip()
    match = _DURATION.fullmatch(norm(text))
    if match is None:
        raise BadValue("duration-invalid", text=text)
    count, unit = match.groups()
    per_unit = _DAYS_PER_UNIT.get(unit or "day")
    if per_unit is None:
        raise BadValue("duration-invalid", text=text)
    digits = count.lstrip("0") or "0"
    if len(digits) > 6:
        raise BadValue("value-out-of-range", text=_clip(text))
    return int(digits) * per_unit


def parse_share(s: str) -> Decimal:
    """A share in [0, 1]: ``50%``, ``12,5 %``, ``0,5``, ``1``. ``50`` suggests ``50%``."""
    text = s.strip()
    if text.endswith("%"):
        percent = _decimal_as(text[:-1], text, "share-invalid")
        if not 0 <= percent <= 100:
            raise BadValue("share-out-of-range", text=text)
        return percent / 100
    value = _decimal_as(text, text, "share-invalid")
    if value > 1:
        raise BadValue("share-needs-percent", text=text, suggestion=f"{text}%")
    if value < 0:
        raise BadValue("share-out-of-range", text=text)
    return value


def parse_percent_or_number(s: str) -> tuple[Decimal, bool]:
    """A number as written, and whether it carried ``%`` (``70%`` is ``(70, True)``)."""
    text = s.strip()
    if text.endswith("%"):
        return _decimal_as(text[:-1], text, "number-invalid"), True
    return parse_decimal(text), False


def parse_status(s: str) -> ActivityStatus:
    """done/planned/cancelled, or Swedish genomförd/planerad/inställd, in any case."""
    status = _STATUSES.get(_SEPARATORS.sub(" ", norm(s)))
    if status is None:
        raise BadValue("status-invalid", text=s.strip())
    return status


def parse_attestation_status(s: str) -> AttestationStatus:
    """done/partial/not-done, or Swedish genomförd/delvis/ej genomförd, in any case."""
    status = _ATTESTATION_STATUSES.get(_SEPARATORS.sub(" ", norm(s)))
    if status is None:
        raise BadValue("attestation-status-invalid", text=s.strip())
    return status
