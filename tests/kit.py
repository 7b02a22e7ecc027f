"""Small builders for table-driven rule tests: activities in, bucket results out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter

from loften.activities.entry import FileLog
from loften.activities.model import Activity, Attestation
from loften.engine.select import Vocab, compile_filter, field_number, field_numbers, field_values
from loften.errors import Location, Problem
from loften.results import BucketResult
from loften.rules import Rule
from loften.rules.base import Relaxed, RuleContext

VOCAB = Vocab(
    types={
        t: t
        for t in (
            "patrull",
            "insats",
            "vandring",
            "mote",
            "utvardering",
            "dialog",
            "tematraff",
            "begaran",
        )
    },
    parties={"polis": "polis", "kommun": "kommun"},
    places=None,
    within={},
    aliases={},
    extra=frozenset({"skola", "omrade"}),
)
_RULE: TypeAdapter[Any] = TypeAdapter(Rule)
_line = [0]


def d(text: str) -> date:
    return date.fromisoformat(text)


def act(day: str, type: str = "patrull", **kw: Any) -> Activity:
    """An activity on ``day`` (ISO); ``end``/``days``/``time`` as in a log."""
    _line[0] += 1
    start = d(day)
    days = Decimal(str(kw.pop("days", 1)))
    end = (
        d(kw.pop("end"))
        if "end" in kw
        else start + timedelta(days=int(days.to_integral_value(rounding="ROUND_CEILING")) - 1)
    )
    if "end" not in kw and days == 1:
        days = Decimal((end - start).days + 1)
    t = kw.pop("time", None)
    if isinstance(t, str):
        h, m = t.split(":")
        t = time(int(h), int(m))
    hours = kw.pop("hours", None)
    where = kw.pop("where", Location("log.yaml", line=_line[0], column=3))
    return Activity(
        where=where,
        ref=where.ref,
        date=start,
        type=type,
        parties=tuple(kw.pop("parties", ("polis",))),
        end=end,
        days=days,
        time=t,
        hours=Decimal(str(hours)) if hours is not None else None,
        **kw,
    )


def rule(spec: dict[str, Any]) -> Any:
    """A rule model from a YAML-like dict (values as text, as the loader gives them)."""
    return _RULE.validate_python({"id": "r", **spec})


def run(
    spec: dict[str, Any],
    activities: list[Activity],
    as_of: str,
    *,
    start: str = "2020-01-01",
    end: str = "2021-12-31",
    attestations: tuple[Attestation, ...] = (),
    indicators: tuple[Any, ...] = (),
    relaxed: dict[str, Relaxed] | None = None,
    waived_items: frozenset[str] = frozenset(),
) -> tuple[BucketResult, ...]:
    r = rule(spec)
    cache: dict[int, Any] = {}

    def select(flt: Any) -> Any:
        if id(flt) not in cache:
            cache[id(flt)] = compile_filter(flt, VOCAB, lambda x: x)
        return cache[id(flt)]

    ctx = RuleContext(
        as_of=d(as_of),
        start=d(start),
        end=d(end),
        activities=tuple(a for a in activities if a.date <= d(as_of)),
        select=select,
        label=lambda x: x,
        values_of=field_values,
        number_of=field_number,
        numbers_of=field_numbers,
        attestations=attestations,
        indicators=indicators,
        relaxed=relaxed or {},
        waived_items=waived_items,
    )
    return r.evaluate(ctx)


def statuses(results: tuple[BucketResult, ...]) -> list[tuple[str, str]]:
    return [(b.bucket, b.status) for b in results]


def log_state(log: FileLog, problem: Callable[[Problem], object]) -> tuple[object, ...]:
    """Everything a log read gave, to compare two ways of reading the same file: rows,
    entries, errors and notices (each as ``problem`` sees it), extra fields, and links
    with where each of their fields is."""
    linked = [
        (link.activity, [link.locate(k) for k in ("id", "same_as", "answers", "date", "x")])
        for link in log.linked
    ]
    return (
        log.rows,
        log.entries,
        [problem(p) for p in log.errors],
        [problem(p) for p in log.notices],
        sorted(log.extras),
        linked,
    )
