"""The promise spec (SPEC §2) as frozen pydantic models.

Keys are checked strictly (``extra="forbid"``); the loader (:mod:`loften.spec.load`)
turns every validation error into a located problem with the nearest known key.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from loften.errors import BadValue
from loften.rules import RuleByKind
from loften.spec.types import Bool, Date, Id, Number, Text


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


def _named(v: Any) -> Any:
    """``id: Name`` is short for ``id: {label: Name}``."""
    return {"label": v} if isinstance(v, str) or v is None else v


class Area(Frozen):
    municipality: Text
    code: Text | None = None
    place: Text | None = None

    @field_validator("code")
    @classmethod
    def _code(cls, v: str | None) -> str | None:
        if v is not None and not (len(v) == 4 and v.isdigit()):
            raise BadValue("kommunkod", text=v)
        return v


class Period(Frozen):
    start: Date
    end: Date

    @model_validator(mode="after")
    def _order(self) -> Period:
        if self.end < self.start:
            raise BadValue("period-end-before-start")
        return self


class Named(Frozen):
    label: Text | None = None
    aliases: tuple[Text, ...] = ()


class Place(Named):
    within: Id | None = None


class LogRef(Frozen):
    path: Text
    sheet: Text | None = None


class Commitment(Frozen):
    id: Id
    party: tuple[Id, ...] = Field(min_length=1)
    text: Text
    title: Text | None = None
    rules: tuple[RuleByKind, ...] = Field(min_length=1)

    @field_validator("party", mode="before")
    @classmethod
    def _party(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v

    @field_validator("rules", mode="before")
    @classmethod
    def _rule_ids(cls, v: Any) -> Any:
        """A rule's id defaults to its position, 1-based, as text."""
        if isinstance(v, list):
            return [
                {**r, "id": str(i)} if isinstance(r, dict) and r.get("id") is None else r
                for i, r in enumerate(v, 1)
            ]
        return v

    @model_validator(mode="after")
    def _unique(self) -> Commitment:
        seen: set[str] = set()
        for r in self.rules:
            if r.id in seen:
                raise BadValue("rule-id-duplicate", id=r.id)
            seen.add(r.id or "")
        return self


class Exemption(Frozen):
    """An *undantag*: a decision that a rule need not be met for a bucket (SPEC §5.6)."""

    rule: Text
    bucket: Text | None = None
    buckets: tuple[Text, ...] | None = None
    from_: Date | None = Field(default=None, alias="from")
    until: Date | None = None
    reason: Text
    decided: Date
    by: Text
    expires: Date | None = None
    at_least: Number | None = None
    at_most: Number | None = None

    @field_validator("at_least", "at_most", mode="before")
    @classmethod
    def _bound(cls, v: Any) -> Any:
        from loften import values

        if isinstance(v, str) and v.strip().endswith("%"):
            return values.parse_share(v)
        return v

    @model_validator(mode="after")
    def _target(self) -> Exemption:
        chosen = sum(x is not None for x in (self.bucket, self.buckets)) + (
            1 if (self.from_ or self.until) else 0
        )
        if chosen != 1:
            raise BadValue("exception-one-target")
        return self


class Promise(Frozen):
    loften: Literal[1]
    id: Id
    title: Text
    area: Area | None = None
    period: Period
    language: Literal["sv", "en"] = "sv"
    goal: Text | None = None
    parties: dict[Id, Named] = Field(min_length=1)
    activity_types: dict[Id, Named] = Field(min_length=1)
    places: dict[Id, Place] | None = None
    open_places: Bool = False
    logs: tuple[LogRef, ...] = ()
    indicators: tuple[Text, ...] = ()
    columns: dict[Text, Text] = Field(default_factory=dict)
    seasons: dict[Text, tuple[Text, Text]] | None = None
    commitments: tuple[Commitment, ...] = Field(min_length=1)
    exceptions: tuple[Exemption, ...] = ()

    @field_validator("loften", mode="before")
    @classmethod
    def _version(cls, v: Any) -> Any:
        if isinstance(v, str) and v.strip() == "1":
            return 1
        raise BadValue("format-version", text=str(v))

    @field_validator("parties", "activity_types", "places", mode="before")
    @classmethod
    def _names(cls, v: Any) -> Any:
        return {k: _named(x) for k, x in v.items()} if isinstance(v, dict) else v

    @field_validator("logs", mode="before")
    @classmethod
    def _logs(cls, v: Any) -> Any:
        return [{"path": x} if isinstance(x, str) else x for x in v] if isinstance(v, list) else v

    @model_validator(mode="after")
    def _unique_commitments(self) -> Promise:
        seen: set[str] = set()
        for c in self.commitments:
            if c.id in seen:
                raise BadValue("commitment-id-duplicate", id=c.id)
            seen.add(c.id)
        return self

    def label_of_type(self, type_id: str) -> str:
        t = self.activity_types.get(type_id)
        return (t.label if t and t.label else None) or type_id

    def label_of_party(self, party_id: str) -> str:
        p = self.parties.get(party_id)
        return (p.label if p and p.label else None) or party_id
