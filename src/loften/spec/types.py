"""Scalar types of the promise spec, typed by field as SPEC §5.1 says.

Every YAML scalar arrives as text; these annotated types convert it with the
functions of :mod:`loften.values`, whose :class:`~loften.errors.BadValue` errors
pydantic carries back to the loader with their code intact.
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator

from loften import values
from loften.errors import BadValue


def _text(v: Any) -> Any:
    if isinstance(v, str):
        return v.strip()
    if v is None:
        return v
    raise BadValue("expected-text")


def _id(v: Any) -> Any:
    if not isinstance(v, str):
        raise BadValue("expected-text")
    key = values.norm(v)
    if not values.is_id(key):
        raise BadValue("invalid-id", text=v)
    return key


def _typed(parse: Any) -> Any:
    def convert(v: Any) -> Any:
        if isinstance(v, str):
            return parse(v)
        if v is None:
            raise BadValue("expected-value")
        return v

    return convert


def _date(v: Any) -> Any:
    if isinstance(v, date):
        return v
    if not isinstance(v, str):
        raise BadValue("expected-value")
    return values.parse_date(v.strip())


def _int_min(minimum: int) -> Any:
    def convert(v: Any) -> Any:
        if isinstance(v, int) and not isinstance(v, bool):
            if v < minimum:
                raise BadValue("value-out-of-range", text=str(v))
            return v
        if not isinstance(v, str):
            raise BadValue("expected-value")
        return values.parse_int(v, minimum=minimum)

    return convert


def _bare_year(v: Any) -> Any:
    if isinstance(v, str) and v.strip().isdigit() and len(v.strip()) == 4:
        return int(v.strip())
    if isinstance(v, int):
        return v
    raise BadValue("expected-year", text=str(v))


Text = Annotated[str, BeforeValidator(_text)]
Id = Annotated[str, BeforeValidator(_id)]
Date = Annotated[date, BeforeValidator(_date)]
Time = Annotated[time, BeforeValidator(_typed(values.parse_time))]
Bool = Annotated[bool, BeforeValidator(_typed(values.parse_bool))]
Count = Annotated[int, BeforeValidator(_int_min(0))]
Positive = Annotated[int, BeforeValidator(_int_min(1))]
Number = Annotated[Decimal, BeforeValidator(_typed(values.parse_decimal))]
Share = Annotated[Decimal, BeforeValidator(_typed(values.parse_share))]
Days = Annotated[int, BeforeValidator(_typed(values.parse_duration))]
Year = Annotated[int, BeforeValidator(_bare_year)]
