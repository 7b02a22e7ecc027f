"""The filter language of ``match``, ``each`` and ``that`` (SPEC §2.1), as data.

A filter is a mapping of field to :class:`Cond`. Values stay text here: what they
mean (a number, a date, an id) depends on the field, which is known only when the
filter is compiled against the logs (:mod:`loften.engine.select`).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

from loften.errors import BadValue, suggest

Op = Literal["eq", "in", "all", "at_least", "at_most", "between", "not"]
OPERATORS = ("all", "at_least", "at_most", "between", "not")


def _scalar(v: Any) -> str:
    if isinstance(v, str):
        return v.strip()
    if v is None:
        raise BadValue("filter-empty-value")
    raise BadValue("filter-expected-scalar")


class Cond(BaseModel):
    """One condition on one field."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    op: Op
    values: tuple[str, ...] = ()
    inner: Cond | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, v: Any) -> Any:
        if isinstance(v, Cond):
            return v
        if isinstance(v, dict) and "op" in v:
            return v
        if isinstance(v, list):
            return {"op": "in", "values": tuple(_scalar(x) for x in v)}
        if isinstance(v, dict):
            if len(v) != 1:
                raise BadValue("filter-one-operator", keys=", ".join(map(str, v)))
            ((key, arg),) = v.items()
            if key not in OPERATORS:
                raise BadValue(
                    "filter-unknown-operator", key=key, suggestion=suggest(key, OPERATORS) or ""
                )
            if key == "not":
                return {"op": "not", "inner": arg}
            if key in ("all", "between"):
                if not isinstance(arg, list):
                    raise BadValue("filter-expected-list", key=key)
                items = tuple(_scalar(x) for x in arg)
                if key == "between" and len(items) != 2:
                    raise BadValue("filter-between-two", count=len(items))
                return {"op": key, "values": items}
            return {"op": key, "values": (_scalar(arg),)}
        return {"op": "eq", "values": (_scalar(v),)}


Filter = dict[str, Cond]
