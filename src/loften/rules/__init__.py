"""The rule kinds. The discriminated union :data:`Rule` *is* the registry: adding a
kind means one module here and one line in the union below."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

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

__all__ = ["KINDS", "Rule", "RuleBase", "RuleContext"]
