"""The rule kinds. The discriminated union :data:`Rule` *is* the registry: adding a
kind means one module here and one line in the union below.

A promise validates its rules through :data:`RuleByKind`, which hands each rule to
its kind's model alone: the models are built on first use (``defer_build``), so a
promise of four kinds builds four, not eleven (issue 7). It refuses exactly as the
union does — the same error types, context and locations — and the JSON Schema of
a field of :data:`RuleByKind` is the union's.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationError,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import InitErrorDetails, PydanticKnownError, core_schema

from loften.rules.attested import AttestedRule
from loften.rules.base import RuleBase, RuleContext
from loften.rules.cadence import CadenceRule
from loften.rules.count import CountRule
from loften.rules.coverage import CoverageRule
from loften.rules.deadline import DeadlineRule
from loften.rules.indicator import IndicatorRule
from loften.rules.response import ResponseRule
from loften.rules.schedule import ScheduleRule
from loften.rules.share import ShareRule
from loften.rules.sum import SumRule
from loften.rules.trend import TrendRule

# In the order of SPEC §2.3; ``loften explain`` and docs/rules.md follow it.
Rule = Annotated[
    CountRule
    | SumRule
    | CadenceRule
    | DeadlineRule
    | ScheduleRule
    | CoverageRule
    | ResponseRule
    | ShareRule
    | TrendRule
    | AttestedRule
    | IndicatorRule,
    Field(discriminator="kind"),
]

KINDS: dict[str, type[RuleBase]] = {
    cls.model_fields["kind"].annotation.__args__[0]: cls
    for cls in Rule.__origin__.__args__  # type: ignore[attr-defined]
}

_DISCRIMINATOR = "'kind'"
_EXPECTED_TAGS = ", ".join(f"'{kind}'" for kind in KINDS)


def validate_rule(value: Any) -> RuleBase:
    """One rule, validated by the model of its ``kind`` as the union :data:`Rule` would:
    the tag read from a mapping (or a model's attribute), the union's errors for a
    missing or unknown tag, and the tag in the location of every error of the model."""
    if isinstance(value, dict):
        if "kind" not in value:
            raise PydanticKnownError("union_tag_not_found", {"discriminator": _DISCRIMINATOR})
        tag = value["kind"]
    elif isinstance(value, BaseModel) and hasattr(value, "kind"):
        tag = value.kind
    else:
        raise PydanticKnownError("model_attributes_type")
    model = KINDS.get(tag) if isinstance(tag, str) else None
    if model is None:
        raise PydanticKnownError(
            "union_tag_invalid",
            {"discriminator": _DISCRIMINATOR, "tag": str(tag), "expected_tags": _EXPECTED_TAGS},
        )
    try:
        return model.model_validate(value)
    except ValidationError as err:
        raise _under(err, tag) from None


def _under(err: ValidationError, tag: str) -> ValidationError:
    """``err`` with ``tag`` put before each location, where the union puts it."""
    details: list[InitErrorDetails] = []
    for e in err.errors(include_url=False):
        detail: InitErrorDetails = {"type": e["type"], "loc": (tag, *e["loc"]), "input": e["input"]}
        if "ctx" in e:
            detail["ctx"] = e["ctx"]
        details.append(detail)
    return ValidationError.from_exception_data(err.title, details)


class _ByKind:
    """The annotation behind :data:`RuleByKind`."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(validate_rule)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        from pydantic import TypeAdapter

        return handler(TypeAdapter(Rule).core_schema)


#: A rule as a promise holds it: typed as :data:`Rule`, validated by :func:`validate_rule`.
RuleByKind = Annotated[Rule, _ByKind]

__all__ = ["KINDS", "Rule", "RuleBase", "RuleByKind", "RuleContext", "validate_rule"]
