"""The message catalog: every user-facing word, in Swedish and English.

Each entry maps a stable code to a ``(sv, en)`` pair of format strings. The catalog
is split by area (``core``, ``loading``, ``rules``, ``report`` …) only to keep files
small; :data:`CATALOG` is the one place the code looks words up.

Format strings use ``str.format`` fields. Two extras:

* ``{n:p:dag:dagar}`` picks the singular when ``n`` is 1, else the plural.
* ``{hint:hint}`` adds "; menade du 'x'?" when there is a suggestion.
* Numbers (``Decimal``, ``float``) print with a decimal comma in Swedish, dates as ISO.
"""

from __future__ import annotations

import string
from datetime import date
from decimal import Decimal
from typing import Any

from loften.messages import (
    cadence,
    calendar,
    ci,
    core,
    evidence,
    explain,
    kinds,
    loading,
    overview,
    people,
    report,
    rules,
    values,
)

LANGS = ("sv", "en")

CATALOG: dict[str, tuple[str, str]] = {}
for _section in (
    core.MESSAGES,
    ci.MESSAGES,
    values.MESSAGES,
    calendar.MESSAGES,
    loading.MESSAGES,
    rules.MESSAGES,
    cadence.MESSAGES,
    kinds.MESSAGES,
    evidence.MESSAGES,
    report.MESSAGES,
    people.MESSAGES,
    overview.MESSAGES,
    explain.MESSAGES,
):
    for _code, _pair in _section.items():
        if _code in CATALOG:
            raise RuntimeError(f"message code defined twice: {_code}")
        CATALOG[_code] = _pair


def number(value: Any, lang: str) -> str:
    """A number as people in ``lang`` write it: ``2,5`` in Swedish, ``2.5`` in English."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value == value.to_integral() else str(value)
        if "E" in text or "e" in text:
            text = format(value, "f")
        if value == value.to_integral():
            text = str(int(value))
        return text.replace(".", ",") if lang == "sv" else text
    return str(value)


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "hint":
            if not value:
                return ""
            return f"; menade du '{value}'?" if self.lang == "sv" else f"; did you mean '{value}'?"
        if format_spec.startswith("p:"):
            _, one, many = format_spec.split(":", 2)
            return one if value == 1 else many
        if format_spec == "" and isinstance(value, Decimal | float) and not isinstance(value, bool):
            return number(value, self.lang)
        if format_spec == "" and hasattr(value, "text") and callable(value.text):
            return str(value.text(self.lang))
        if format_spec == "" and isinstance(value, date):
            return value.isoformat()
        return super().format_field(value, format_spec)


#: Messages already put into words. A large report says the same thing many times
#: ("no rule counts this activity", for the same date and type); keyed by each
#: parameter's type and ``repr``, so ``2,5`` and ``2,50`` never share an entry. A
#: parameter of a type whose equal values always read the same is keyed by itself.
_SAID: dict[tuple[object, ...], str] = {}
_SAID_MAX = 100_000
_AS_ITSELF = frozenset({str, int, bool, date, type(None)})


def t(code: str, lang: str = "sv", **params: Any) -> str:
    """The message ``code`` in ``lang``, filled with ``params``."""
    key = (
        code,
        lang,
        *((k, type(v), v if type(v) in _AS_ITSELF else repr(v)) for k, v in params.items()),
    )
    said = _SAID.get(key)
    if said is not None:
        return said
    pair = CATALOG.get(code)
    if pair is None:
        raise KeyError(f"no message with code {code!r}")
    template = pair[0] if lang == "sv" else pair[1]
    said = _Formatter(lang).format(template, **params)
    if len(_SAID) >= _SAID_MAX:
        _SAID.clear()
    _SAID[key] = said
    return said
