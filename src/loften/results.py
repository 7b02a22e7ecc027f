"""The report model: what ``check`` finds, before any format renders it.

Frozen pydantic models from the report down to one bucket. Messages are kept as a
code with parameters (:class:`Msg`) and put into words only by a reporter, in the
report's language. ``value``/``required`` are exact (``int`` or ``Decimal``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, SkipValidation

Status = Literal["pass", "fail", "warn", "on-track", "behind", "not-started", "excepted", "missing"]
WaiverState = Literal["applied", "unused", "expired", "not-decided"]
Value = int | Decimal

# Worst first (SPEC §2.4).
STATUS_ORDER: tuple[Status, ...] = (
    "fail",
    "behind",
    "missing",
    "warn",
    "excepted",
    "on-track",
    "not-started",
    "pass",
)
_RANK = {s: i for i, s in enumerate(STATUS_ORDER)}


def worst(statuses: list[Status] | tuple[Status, ...]) -> Status:
    """Aggregate member statuses as SPEC §2.4 says.

    ``not-started`` members are ignored unless all are ``not-started``; ``pass``
    members beside ignored ``not-started`` ones make ``on-track``.
    """
    if not statuses:
        return "pass"
    started = [s for s in statuses if s != "not-started"]
    if not started:
        return "not-started"
    result = min(started, key=_RANK.__getitem__)
    if result == "pass" and len(started) < len(statuses):
        return "on-track"
    return result


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Msg(Frozen):
    """A message to be put into words later: a catalog code and its parameters."""

    code: str
    params: dict[str, Any] = Field(default_factory=dict)

    def text(self, lang: str) -> str:
        from loften.messages import t

        return t(self.code, lang, **self.params)


class LeftOut(NamedTuple):
    """An activity a rule looked at but did not count, and why.

    A named tuple, like :class:`QualityNote`: a national rule leaves out a hundred
    thousand activities (issue 7), and the engine makes each one itself."""

    activity: str
    code: str
    params: Mapping[str, Any] = MappingProxyType({})

    def text(self, lang: str) -> str:
        from loften.messages import t

        return t(self.code, lang, **self.params)


class Item(Frozen):
    """One occurrence, planned date, request, covered item, attestation or data point."""

    label: str
    status: Status
    counted: Annotated[tuple[str, ...], SkipValidation] = ()
    detail: Msg | None = None
    day: date | None = None


class BucketResult(Frozen):
    bucket: str
    start: date
    end: date
    status: Status
    value: Value | None = None
    required: Value | None = None
    # The evidence, made by the engine as tuples of references: held as given, since a
    # national bucket names hundreds of thousands of activities (issue 7).
    counted: Annotated[tuple[str, ...], SkipValidation] = ()
    left_out: Annotated[tuple[LeftOut, ...], SkipValidation] = ()
    expected: Value | None = None
    left: Value | None = None
    due: date | None = None
    items: tuple[Item, ...] = ()
    detail: Msg | None = None
    relaxed_status: Status | None = Field(default=None, exclude=True)
    """The status against an exception's relaxed bound, when one was given (§5.6)."""


class WaiverResult(Frozen):
    bucket: str
    state: WaiverState
    reason: str
    decided: date | None = None
    by: str | None = None


class RuleResult(Frozen):
    id: str
    kind: str
    severity: Literal["error", "warning"]
    status: Status
    title: str | None = None
    note: str | None = None
    line: int | None = None
    unit: str = "count"
    """How ``value`` reads: ``count``, ``sum``, ``share`` (0–1), ``ratio`` (0–1) or ``number``."""
    bound: Literal["at_least", "at_most", "exactly"] | None = None
    measure: str | None = None
    """What a ``sum`` adds up (``hours``, ``days`` …)."""
    exceptions: tuple[WaiverResult, ...] = ()
    buckets: tuple[BucketResult, ...] = ()


class CommitmentResult(Frozen):
    id: str
    parties: tuple[str, ...]
    text: str
    status: Status
    rules: tuple[RuleResult, ...]
    line: int | None = None


class FileResult(Frozen):
    path: str
    rows: int
    activities: int
    errors: int


class QualityNote(NamedTuple):
    """A data-quality finding: nothing is dropped silently (SPEC §3.1).

    A named tuple, not a model: a national log gives hundreds of thousands of them
    (issue 7), each made by the engine itself, so there is nothing to validate."""

    where: str
    code: str
    params: Mapping[str, Any] = MappingProxyType({})
    sort: tuple[str, int, int] = ("", 0, 0)
    warning: bool = False
    """A reading problem the user must hear of at once (a CSV read as Windows-1252)."""

    def text(self, lang: str) -> str:
        from loften.messages import t

        return t(self.code, lang, **self.params)


class ActivityRef(NamedTuple):
    """What a report may say of an activity a verdict rests on: date, type, place.

    A named tuple, like :class:`QualityNote`: one per activity a verdict names."""

    date: dt.date
    type: str
    place: str | None = None
    parties: tuple[str, ...] = ()


class PromiseResult(Frozen):
    id: str
    title: str
    path: str
    municipality: str | None = None
    code: str | None = None
    place: str | None = None
    start: date
    end: date
    goal: str | None = None
    language: Literal["sv", "en"] = "sv"
    status: Status
    parties: dict[str, str] = Field(default_factory=dict)
    """Party id -> display name, for reports."""
    labels: dict[str, str] = Field(default_factory=dict)
    """Activity type id -> display name, for reports."""
    files: tuple[FileResult, ...] = ()
    commitments: tuple[CommitmentResult, ...] = ()
    # Made by the engine and large at national scale (issue 7): held as given.
    data_quality: Annotated[tuple[QualityNote, ...], SkipValidation] = ()
    activities: Annotated[dict[str, ActivityRef], SkipValidation] = Field(default_factory=dict)
    """Every activity a verdict rests on (counted, left out, or an item's), by reference;
    filled by :func:`loften.check`, left empty by the command line (no report reads it)."""
    notes: Annotated[dict[str, str], SkipValidation] = Field(default_factory=dict)
    """Activity notes by reference; kept only when the report is made ``with_notes``."""


class Report(Frozen):
    as_of: date
    status: Status
    promises: tuple[PromiseResult, ...]
    with_notes: bool = False

    def exit_code(self, strict: bool = False) -> int:
        """0, or 1 when an ``error`` rule failed (with ``strict``: any warn/behind/missing)."""
        for promise in self.promises:
            for commitment in promise.commitments:
                for rule in commitment.rules:
                    if rule.status == "fail" and rule.severity == "error":
                        return 1
                    if strict and rule.status in ("fail", "warn", "behind", "missing"):
                        return 1
        return 0


def build_models() -> None:
    """Builds the report models now; left alone, each is built when first used.

    A model built on first use reads the local names of a caller a few frames up (to
    resolve its annotations), and that snapshot keeps every local of that caller alive
    until it returns, even one it has deleted. Built in the middle of the engine, it
    would hold a national log's working sets through the data-quality notes, the peak of
    memory (issue 7). The engine calls this before it judges: the caller is this."""
    models: tuple[type[Frozen], ...] = (
        Msg,
        Item,
        BucketResult,
        WaiverResult,
        RuleResult,
        CommitmentResult,
        FileResult,
        PromiseResult,
    )
    for model in models:
        model.model_rebuild()
