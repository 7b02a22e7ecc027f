"""Time arithmetic: buckets, pro-rata targets, holidays, weekdays, seasons, labels.

Pure functions of dates (SPEC §2.2, §5.3, §5.8): nothing here reads the clock or a
file. ``as_of`` is always passed in. Every user-facing word comes from the message
catalog (:mod:`loften.messages.calendar`).
"""

from __future__ import annotations

import calendar as _stdcal
import difflib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal, localcontext
from fractions import Fraction
from functools import cache
from math import ceil, floor
from typing import Literal

from loften.errors import BadValue
from loften.messages import t

Per = Literal["total", "year", "half", "quarter", "month", "week", "day"]
PER_VALUES: tuple[Per, ...] = ("total", "year", "half", "quarter", "month", "week", "day")
ProrateMode = Literal["at_least", "at_most", "sum"]

_DAY = timedelta(days=1)

# ---------------------------------------------------------------- buckets


@dataclass(frozen=True, slots=True)
class Bucket:
    """One slice of a rule's period. ``start``/``end`` are clipped to the period
    (inclusive); ``full_start``/``full_end`` are the unclipped calendar unit."""

    label: str
    start: date
    end: date
    full_start: date
    full_end: date

    @property
    def length(self) -> int:
        """Days from ``start`` through ``end``."""
        return (self.end - self.start).days + 1

    @property
    def full_length(self) -> int:
        return (self.full_end - self.full_start).days + 1

    @property
    def clipped(self) -> bool:
        return self.start != self.full_start or self.end != self.full_end

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.start <= d <= self.end


def _last_of_month(year: int, month: int) -> date:
    return date(year, month, _stdcal.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """``d`` plus ``months`` calendar months, the day clamped to the month's last day."""
    year, month0 = divmod(d.month - 1 + months, 12)
    year += d.year
    return date(year, month0 + 1, min(d.day, _stdcal.monthrange(year, month0 + 1)[1]))


def _calendar_unit(per: Per, d: date) -> tuple[str, date, date]:
    """The label, first and last day of the calendar-aligned unit containing ``d``."""
    y, m = d.year, d.month
    if per == "year":
        return f"{y}", date(y, 1, 1), date(y, 12, 31)
    if per == "half":
        h = (m - 1) // 6
        return f"{y}-H{h + 1}", date(y, 6 * h + 1, 1), _last_of_month(y, 6 * h + 6)
    if per == "quarter":
        q = (m - 1) // 3
        return f"{y}-Q{q + 1}", date(y, 3 * q + 1, 1), _last_of_month(y, 3 * q + 3)
    if per == "month":
        return f"{y}-{m:02d}", date(y, m, 1), _last_of_month(y, m)
    if per == "week":
        iso_year, week, weekday = d.isocalendar()
        monday = d - timedelta(days=weekday - 1)
        return f"{iso_year}-W{week:02d}", monday, monday + timedelta(days=6)
    if per == "day":
        return d.isoformat(), d, d
    raise ValueError(f"not a calendar unit: {per!r}")


_MONTHS_PER: dict[str, int] = {"year": 12, "half": 6, "quarter": 3, "month": 1}


def make_buckets(
    per: Per, start: date, end: date, align_period: bool = False
) -> tuple[Bucket, ...]:
    """The buckets of ``[start, end]`` for ``per``, in time order (SPEC §2.2).

    Calendar-aligned and clipped to the period; with ``align_period`` bucket *k*
    starts at ``start`` plus *k* units (months clamped to the month's last day,
    always counted from ``start``, never chained; weeks are 7-day blocks) and is
    labelled ``first..last``. ``total`` and ``day`` ignore ``align_period``.
    """
    if start > end:
        raise ValueError(f"period starts after it ends: {start} > {end}")
    if per == "total":
        return (Bucket("total", start, end, start, end),)
    buckets: list[Bucket] = []
    if align_period and per in ("year", "half", "quarter", "month", "week"):
        k = 0
        while True:
            if per == "week":
                first, next_first = start + timedelta(days=7 * k), start + timedelta(days=7 * k + 7)
            else:
                n = _MONTHS_PER[per]
                first, next_first = add_months(start, n * k), add_months(start, n * (k + 1))
            if first > end:
                break
            last = min(next_first - _DAY, end)
            label = f"{first.isoformat()}..{last.isoformat()}"
            buckets.append(Bucket(label, first, last, first, next_first - _DAY))
            k += 1
        return tuple(buckets)
    cursor = start
    while cursor <= end:
        label, full_start, full_end = _calendar_unit(per, cursor)
        buckets.append(Bucket(label, cursor, min(full_end, end), full_start, full_end))
        cursor = full_end + _DAY
    return tuple(buckets)


_LABEL_FORMS = re.compile(r"(\d{4})-([HQW])(\d{1,2})|(\d{4})-(\d{1,2})")


def normalize_label(text: str) -> str:
    """A bucket label as written in YAML, in its machine form: ``2020-q3`` ->
    ``2020-Q3``, ``2020-w9`` -> ``2020-W09``, ``2020-3`` -> ``2020-03``, ``Total`` -> ``total``."""
    s = text.strip()
    if s.casefold() == "total":
        return "total"
    m = _LABEL_FORMS.fullmatch(s.upper())
    if m is None:
        return s
    if m.group(1):
        kind, n = m.group(2), int(m.group(3))
        return f"{m.group(1)}-{kind}{n:02d}" if kind == "W" else f"{m.group(1)}-{kind}{n}"
    return f"{m.group(4)}-{int(m.group(5)):02d}"


class BucketIndex:
    """Finds the bucket of a day (bisect) or of a label (dict)."""

    def __init__(self, buckets: Sequence[Bucket]) -> None:
        self._buckets = sorted(buckets, key=lambda b: b.start)
        self._starts = [b.start for b in self._buckets]
        self._labels = {b.label: b for b in self._buckets}

    def __iter__(self) -> Iterator[Bucket]:
        return iter(self._buckets)

    def __len__(self) -> int:
        return len(self._buckets)

    def find(self, d: date) -> Bucket | None:
        """The bucket whose clipped days contain ``d``, if any."""
        i = bisect_right(self._starts, d) - 1
        if i >= 0 and d <= self._buckets[i].end:
            return self._buckets[i]
        return None

    def by_label(self, label: str) -> Bucket | None:
        """The bucket of a label, as written by a user (see :func:`normalize_label`)."""
        return self._labels.get(label) or self._labels.get(normalize_label(label))


# ---------------------------------------------------------------- pro-rata


def elapsed_days(bucket: Bucket, as_of: date) -> int:
    """Days from the bucket's first day through ``as_of`` inclusive, in ``[0, length]``."""
    return max(0, min(bucket.length, (as_of - bucket.start).days + 1))


def is_over(bucket_end: date, as_of: date) -> bool:
    """True when ``as_of`` is after the last day."""
    return as_of > bucket_end


def _check_length(elapsed: int, length: int) -> None:
    if length <= 0 or not 0 <= elapsed <= length:
        raise ValueError(f"elapsed {elapsed} out of [0, {length}]")


def prorata_whole(bound: int, elapsed: int, length: int) -> int:
    """⌊bound × elapsed ÷ length⌋, for whole-number kinds (SPEC §5.3)."""
    _check_length(elapsed, length)
    return bound * elapsed // length


def prorata_fraction(bound: int | Decimal, elapsed: int, length: int) -> Fraction:
    """bound × elapsed ÷ length, exactly."""
    _check_length(elapsed, length)
    return Fraction(bound) * elapsed / length


_PRECISION = 40


def _to_decimal(value: Fraction) -> Decimal:
    """A fraction as a Decimal: exact when it terminates within 40 significant digits,
    otherwise rounded *up* at the 40th. Rounding up keeps ``value < target`` exact for
    every value with fewer digits, which is every number a log can hold."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        ctx.rounding = ROUND_CEILING
        return Decimal(value.numerator) / Decimal(value.denominator)


def prorata_exact(bound: Decimal | int, elapsed: int, length: int) -> Decimal:
    """The unrounded pro-rata target for ``sum`` (SPEC §5.3).

    Computed as a :class:`~fractions.Fraction` and converted once (see
    :func:`_to_decimal`); use :func:`prorata_fraction` for the fraction itself.
    """
    return _to_decimal(prorata_fraction(bound, elapsed, length))


def prorate_bound(bound: int | Decimal, bucket: Bucket, mode: ProrateMode) -> int | Decimal:
    """The bound of a clipped bucket under ``prorate: true`` (SPEC §5.3).

    Scaled by ``length / full_length``: rounded down for ``at_least``, up for
    ``at_most`` (both give an ``int``), unrounded for ``sum`` (a ``Decimal``). An
    unclipped bucket keeps its bound unchanged.
    """
    if not bucket.clipped:
        return bound
    scaled = prorata_fraction(bound, bucket.length, bucket.full_length)
    if mode == "at_least":
        return floor(scaled)
    if mode == "at_most":
        return ceil(scaled)
    return _to_decimal(scaled)


# ---------------------------------------------------------------- holidays

# The `holidays` package's Swedish names of allmänna helgdagar -> catalog codes.
_HOLIDAY_CODES: dict[str, str] = {
    "nyårsdagen": "cal-holiday-nyarsdagen",
    "trettondedag jul": "cal-holiday-trettondedag-jul",
    "marie bebådelsedag": "cal-holiday-marie-bebadelsedag",
    "långfredagen": "cal-holiday-langfredagen",
    "påskdagen": "cal-holiday-paskdagen",
    "annandag påsk": "cal-holiday-annandag-pask",
    "första maj": "cal-holiday-forsta-maj",
    "kristi himmelsfärdsdag": "cal-holiday-kristi-himmelsfardsdag",
    "nationaldagen": "cal-holiday-nationaldagen",
    "pingstdagen": "cal-holiday-pingstdagen",
    "annandag pingst": "cal-holiday-annandag-pingst",
    "midsommardagen": "cal-holiday-midsommardagen",
    "alla helgons dag": "cal-holiday-alla-helgons-dag",
    "juldagen": "cal-holiday-juldagen",
    "annandag jul": "cal-holiday-annandag-jul",
}


def _is_allman_helgdag(name: str) -> bool:
    """Midsommar-, jul- and nyårsafton and ordinary Sundays are not holidays, even in
    versions of `holidays` that list them as public."""
    folded = name.strip().casefold()
    return "afton" not in folded and folded != "söndag"


@cache
def _holidays_of(year: int) -> Mapping[date, tuple[str, ...]]:
    """The allmänna helgdagar of a year, day -> the package's Swedish names."""
    from holidays.countries.sweden import Sweden

    calendar = Sweden(years=year, language="sv", include_sundays=False)
    days: dict[date, tuple[str, ...]] = {}
    for day in calendar:
        names = tuple(n for n in calendar.get_list(day) if _is_allman_helgdag(n))
        if names:
            days[day] = names
    return days


def is_holiday(d: date) -> bool:
    """True on the Swedish allmänna helgdagar (SPEC §5.3)."""
    return d in _holidays_of(d.year)


def holiday_name(d: date, lang: str) -> str | None:
    """The holiday's name in ``lang`` (``långfredagen``, ``Good Friday``), or None."""
    names = _holidays_of(d.year).get(d)
    if not names:
        return None
    words = [
        t(_HOLIDAY_CODES[n.casefold()], lang) if n.casefold() in _HOLIDAY_CODES else n
        for n in names
    ]
    text = words[0]
    for word in words[1:]:
        text = t("cal-holiday-pair", lang, first=text, second=word)
    return text


# ---------------------------------------------------------------- weekdays

WEEKDAY_KEYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_WEEKDAYS_SV: tuple[str, ...] = (
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
)
_WEEKDAY_INDEX: dict[str, int] = {
    **{name: i for i, name in enumerate(WEEKDAY_KEYS)},
    **{name: i for i, name in enumerate(_WEEKDAYS_SV)},
}


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _nearest(word: str, candidates: Iterable[str]) -> str:
    pool = list(dict.fromkeys(candidates))
    hits = difflib.get_close_matches(word, pool, n=1, cutoff=0.0)
    return hits[0] if hits else pool[0]


def parse_weekday(text: str) -> int:
    """``monday``…``sunday`` or ``måndag``…``söndag``, any case, -> 0..6."""
    key = _fold(text)
    if key in _WEEKDAY_INDEX:
        return _WEEKDAY_INDEX[key]
    raise BadValue("weekday-unknown", text=text, suggestion=_nearest(key, _WEEKDAY_INDEX))


def weekday_key(d: date) -> str:
    """The derived ``weekday`` field of a day: ``monday``…``sunday``."""
    return WEEKDAY_KEYS[d.weekday()]


# ---------------------------------------------------------------- seasons and `by`

DEFAULT_SEASONS: Mapping[str, tuple[str, str]] = {
    "vår": ("01-01", "06-30"),
    "höst": ("07-01", "12-31"),
}
# English names of the default season keys; they apply when the key is declared.
_SEASON_ALIASES: dict[str, str] = {"spring": "vår", "autumn": "höst", "fall": "höst"}
_SEASON_FORM = re.compile(r"(.+?)\s+(\d{4})")
_MONTH_DAY = re.compile(r"(\d{1,2})-(\d{1,2})")


def _season_names(seasons: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Every accepted season word (folded) -> its declared key."""
    keys = {_fold(k): k for k in seasons}
    names = dict(keys)
    for alias, key in _SEASON_ALIASES.items():
        if key in keys and alias not in names:
            names[alias] = keys[key]
    return names


def _resolve_season(text: str, seasons: Mapping[str, Sequence[str]] | None) -> tuple[str, int]:
    """``våren 2020`` -> (``vår``, 2020), the key as declared."""
    table = DEFAULT_SEASONS if seasons is None else seasons
    m = _SEASON_FORM.fullmatch(_fold(text))
    if m is None:
        raise BadValue("season-invalid", text=text)
    word, year = m.group(1), int(m.group(2))
    names = _season_names(table)
    candidates = [word]
    if word.endswith("en"):
        candidates.append(word[:-2])
    if word.endswith("n"):
        candidates.append(word[:-1])
    for candidate in candidates:
        if candidate in names:
            return names[candidate], year
    raise BadValue(
        "season-unknown",
        text=text,
        known=", ".join(table),
        suggestion=_nearest(word, list(table) + list(names)),
    )


def _month_day(season: str, text: str, year: int) -> date:
    m = _MONTH_DAY.fullmatch(str(text).strip())
    month, day = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    if not (1 <= month <= 12 and 1 <= day <= _stdcal.monthrange(2000, month)[1]):
        raise BadValue("season-bound-invalid", season=season, text=text)
    return date(year, month, min(day, _stdcal.monthrange(year, month)[1]))


def season_window(
    key: str, year: int, seasons: Mapping[str, Sequence[str]] | None = None
) -> tuple[date, date]:
    """First and last day of a declared season in ``year``. A season whose end
    (MM-DD) comes before its start runs into the next year; ``02-29`` means the
    last day of February."""
    table = DEFAULT_SEASONS if seasons is None else seasons
    bounds = table[key]
    if isinstance(bounds, str) or len(bounds) != 2:
        raise BadValue("season-bound-invalid", season=key, text=str(bounds))
    first_text, last_text = bounds
    first = _month_day(key, first_text, year)
    last = _month_day(key, last_text, year)
    if last < first:
        last = _month_day(key, last_text, year + 1)
    return first, last


def parse_season(
    text: str, seasons: Mapping[str, Sequence[str]] | None = None
) -> tuple[date, date]:
    """``våren 2020``, ``Hösten 2024``, ``spring 2020`` … -> the season's window (SPEC §5.3)."""
    key, year = _resolve_season(text, seasons)
    return season_window(key, year, seasons)


_YEAR = re.compile(r"\d{4}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_by(
    text: str | date, seasons: Mapping[str, Sequence[str]] | None = None
) -> tuple[date, date] | date:
    """A rule's ``by``: a year or season -> its window, an ISO date -> that date."""
    if isinstance(text, date):
        return text
    s = str(text).strip()
    if _YEAR.fullmatch(s):
        return date(int(s), 1, 1), date(int(s), 12, 31)
    if _ISO_DATE.fullmatch(s):
        try:
            return date.fromisoformat(s)
        except ValueError as err:
            raise BadValue("by-date-invalid", text=s) from err
    if _SEASON_FORM.fullmatch(s):
        return parse_season(s, seasons)
    raise BadValue("by-invalid", text=s)


def window_end(
    by: str | date | tuple[date, date], seasons: Mapping[str, Sequence[str]] | None = None
) -> date:
    """The last day meant by a ``by``: the date itself, or a year's or season's last day."""
    parsed = parse_by(by, seasons) if isinstance(by, str) else by
    return parsed[1] if isinstance(parsed, tuple) else parsed


# ---------------------------------------------------------------- words


def month_name(m: int, lang: str) -> str:
    """``mars`` / ``March``."""
    return t(f"cal-month-{m}", lang)


def weekday_name(i: int, lang: str) -> str:
    """0 -> ``måndag`` / ``Monday``."""
    return t(f"cal-weekday-{i}", lang)


def prose_date(d: date, lang: str) -> str:
    """``15 januari 2022`` / ``15 January 2022``."""
    return t("cal-date", lang, day=d.day, month=month_name(d.month, lang), year=d.year)


_HUMAN_FORMS = re.compile(r"(\d{4})-(?:H([12])|Q([1-4])|W(\d{2})|(\d{2}))")


def human_label(label: str, lang: str) -> str:
    """A machine bucket label (SPEC §2.2) as people read it (SPEC §5.8).

    ``2020-W09`` -> ``v. 9 2020`` / ``week 9 2020``; ``2020-Q3`` -> ``kvartal 3
    2020`` / ``Q3 2020``; ``2024-05-01..2025-04-30`` -> ``1 maj 2024–30 april 2025``.
    A label of no known form is returned as it is.
    """
    if label == "total":
        return t("cal-total", lang)
    if ".." in label:
        first, _, last = label.partition("..")
        if _ISO_DATE.fullmatch(first) and _ISO_DATE.fullmatch(last):
            return t(
                "cal-range",
                lang,
                first=prose_date(date.fromisoformat(first), lang),
                last=prose_date(date.fromisoformat(last), lang),
            )
        return label
    if _ISO_DATE.fullmatch(label):
        return prose_date(date.fromisoformat(label), lang)
    m = _HUMAN_FORMS.fullmatch(label)
    if m is None:
        return label
    year, half, quarter, week, month = m.groups()
    if half:
        return t(f"cal-half-{half}", lang, year=year)
    if quarter:
        return t("cal-quarter", lang, quarter=quarter, year=year)
    if week:
        return t("cal-week", lang, week=int(week), year=year)
    return t("cal-month-year", lang, month=month_name(int(month), lang), year=year)


def human_by(by: str | date, lang: str, seasons: Mapping[str, Sequence[str]] | None = None) -> str:
    """A rule's ``by`` as people read it: ``2020``, ``30 juni 2020``, ``våren 2020`` /
    ``spring 2020`` (a custom season keeps its key: ``sommar 2020``)."""
    if isinstance(by, date):
        return prose_date(by, lang)
    s = str(by).strip()
    parsed = parse_by(s, seasons)
    if isinstance(parsed, date):
        return prose_date(parsed, lang)
    if _YEAR.fullmatch(s):
        return s
    key, year = _resolve_season(s, seasons)
    code = {"vår": "cal-season-var", "höst": "cal-season-host"}.get(_fold(key))
    if code is not None:
        return t(code, lang, year=year)
    return t("cal-season-custom", lang, season=key, year=year)
