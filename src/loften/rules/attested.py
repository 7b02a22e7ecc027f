"""``attested``: each bucket has an attestation whose latest word is ``done``.

Reads: "Fortsatt samverkan kring unga med stor social problematik/kriminalitet genom
de ”sociala insatsgrupperna” (SIG)."

```yaml
kind: attested
per: year
note: "tolkning: styrgruppen intygar varje år att samverkan i SIG har fortsatt"
```

Some commitments cannot be counted in a log: the work is confidential, or the
promise only says it will continue. Someone answerable then *attests* it, in any
log, with a dated entry that names the rule (``commitment/rule``) or the whole
commitment (all its ``attested`` rules), says ``done``, ``partial`` or
``not-done`` (``genomförd``, ``delvis``, ``ej genomförd``), and points to the
evidence:

    - attests: gemensam-sig/samverkan
      status: genomförd
      date: 2020-12-08
      by: Styrgruppen för medborgarlöftet
      evidence: Minnesanteckningar styrgruppsmöte 2020-12-08, punkt 3

An attestation speaks for the bucket containing its date, or the one its
``bucket`` names (``bucket: "2020"``). Within a bucket the latest attestation (by
date, then file order) decides: ``done`` passes, even while the bucket is open;
``partial`` or ``not-done`` is behind while the bucket is open and fails once it is
over; no attestation is on track while the bucket is open and fails once it is
over. Without ``per`` the rule may say ``by`` (a date, a year or a season such as
``våren 2021``): the day the attestation for the whole period is due, earlier or
later than the period's end. An attestation dated after the day it was due is
listed and does not count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, model_validator

from loften.activities.model import Attestation
from loften.calendar import Bucket, BucketIndex, parse_by, window_end
from loften.errors import BadValue, Problem, suggest
from loften.results import BucketResult, Item, LeftOut, Msg, Status
from loften.rules.base import PerRule, RuleBase, RuleContext


def _by(v: Any) -> Any:
    """A rule's ``by`` as written: a date, a year or a season. Seasons a promise
    declares itself are checked against them later (:meth:`AttestedRule.data_problems`)."""
    if isinstance(v, date):
        return v.isoformat()
    if not isinstance(v, str):
        raise BadValue("expected-text")
    text = v.strip()
    try:
        parse_by(text)
    except BadValue as err:
        if err.code != "season-unknown":
            raise
    return text


By = Annotated[str, BeforeValidator(_by)]
"""A rule's ``by``: ``2020-06-30``, ``2020`` or ``våren 2020`` (SPEC §2.3, §5.9)."""


def by_day(by: str | None, ctx: RuleContext) -> date | None:
    """The last day ``by`` means, with the promise's seasons; None if it does not resolve
    (the engine reports that before any rule is judged)."""
    if by is None:
        return None
    try:
        return window_end(by, ctx.seasons)
    except BadValue:
        return None


def by_problems(by: str | None, ctx: RuleContext) -> list[tuple[tuple[str, ...], BadValue]]:
    if by is None:
        return []
    try:
        window_end(by, ctx.seasons)
    except BadValue as err:
        return [(("by",), err)]
    return []


def target_of(attests: str) -> tuple[str, str | None]:
    """``commitment/rule`` -> (commitment, rule); a bare commitment -> (commitment, None)."""
    commitment, sep, rule = attests.partition("/")
    return commitment.strip(), (rule.strip() if sep else None)


class AttestedRule(PerRule):
    kind: Literal["attested"]
    summary = (
        "varje period har ett intygande vars senaste besked är genomförd",
        "each bucket has an attestation whose latest word is done",
    )
    by: By | None = None

    @model_validator(mode="after")
    def _keys(self) -> AttestedRule:
        if self.by is not None and self.per != "total":
            raise BadValue("attested-by-with-per")
        if self.prorate:
            raise BadValue("attested-prorate")
        return self

    def applies(self, a: Attestation, rule_path: str) -> bool:
        """Whether ``a`` names this rule, or its commitment."""
        commitment, rule = target_of(a.attests)
        mine_c, _, mine_r = rule_path.partition("/")
        return commitment == mine_c and rule in (None, mine_r)

    def bucket_of(self, a: Attestation, index: BucketIndex) -> Bucket | None:
        """The bucket ``a`` speaks for: the one it names, else the one its date falls in.

        Without ``per`` an attestation dated after the period still speaks for it (it
        may be due later, with ``by``; else it is late).
        """
        if a.bucket is not None:
            return index.by_label(a.bucket)
        found = index.find(a.date)
        if found is None and self.per == "total":
            only = next(iter(index))
            return only if a.date > only.end else None
        return found

    def due(self, bucket: Bucket, ctx: RuleContext) -> date:
        """The day a bucket's attestation must come by; after it the bucket is over."""
        day = by_day(self.by, ctx)
        return day if day is not None else bucket.end

    def data_problems(self, ctx: RuleContext) -> list[tuple[tuple[str, ...], BadValue]]:
        """Problems only the promise can show: a season ``by`` it does not declare."""
        return by_problems(self.by, ctx)

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        buckets = self.buckets(ctx)
        index = BucketIndex(buckets)
        grouped: dict[str, list[Attestation]] = {b.label: [] for b in buckets}
        for a in ctx.attestations:
            if a.date <= ctx.as_of and self.applies(a, ctx.rule_path):
                bucket = self.bucket_of(a, index)
                if bucket is not None:
                    grouped[bucket.label].append(a)
        return tuple(self._judge(b, grouped[b.label], ctx) for b in buckets)

    def _judge(self, bucket: Bucket, found: list[Attestation], ctx: RuleContext) -> BucketResult:
        due = self.due(bucket, ctx)
        last = max(due, bucket.start)
        if ctx.as_of < bucket.start:
            return BucketResult(
                bucket=bucket.label,
                start=bucket.start,
                end=last,
                status="not-started",
                required=1,
                due=last,
            )
        on_time = sorted((a for a in found if a.date <= due), key=lambda a: a.date)
        late = [a for a in found if a.date > due]
        latest = on_time[-1] if on_time else None
        over = ctx.as_of > due
        status: Status
        if latest is not None and latest.status == "done":
            status = "pass"
        else:
            status = "fail" if over else ("on-track" if latest is None else "behind")
        if latest is not None:
            detail = Msg(
                code="attested-latest", params={"date": latest.date, "status": _word(latest)}
            )
        else:
            detail = Msg(code="attested-none" if over else "attested-none-yet", params={"due": due})
        items = tuple(
            Item(
                label=a.date.isoformat(),
                status=status,
                counted=(a.ref,),
                detail=Msg(
                    code="attested-item" if a is latest else "attested-item-superseded",
                    params={"status": _word(a), "by": a.by, "evidence": a.evidence},
                ),
                day=a.date,
            )
            for a in on_time
        )
        left_out = tuple(
            LeftOut(activity=a.ref, code="attested-late", params={"date": a.date, "due": due})
            for a in late
        )
        return BucketResult(
            bucket=bucket.label,
            start=bucket.start,
            end=last,
            status=status,
            value=1 if status == "pass" else 0,
            required=1,
            counted=tuple(a.ref for a in on_time),
            left_out=left_out,
            left=None if over else (0 if status == "pass" else 1),
            due=None if over else last,
            items=items,
            detail=detail,
        )


def _word(a: Attestation) -> Msg:
    return Msg(code=f"attested-word-{a.status}")


def attestation_problems(
    attestations: Iterable[Attestation],
    commitments: Iterable[tuple[str, Sequence[RuleBase]]],
    ctx: RuleContext,
) -> list[Problem]:
    """Attestations that speak for nothing, each located at its log entry.

    One that names an unknown commitment or rule, a rule that is not ``attested``,
    a commitment without such a rule, a bucket the rule does not have, or a date
    outside every bucket of the rules it names. ``commitments`` are ``(id, rules)``
    of the promise; ``ctx`` gives the period and seasons (no activities needed).
    """
    rules = {cid: {r.id or "": r for r in rs} for cid, rs in commitments}
    problems: list[Problem] = []
    for a in attestations:
        cid, rid = target_of(a.attests)
        if cid not in rules:
            hint = suggest(cid, rules) or ""
            problems.append(
                Problem("attestation-unknown-commitment", a.where, {"text": cid, "hint": hint})
            )
            continue
        if rid is not None and rid not in rules[cid]:
            params = {"commitment": cid, "rule": rid, "hint": suggest(rid, rules[cid]) or ""}
            problems.append(Problem("attestation-unknown-rule", a.where, params))
            continue
        named = [rules[cid][rid]] if rid is not None else list(rules[cid].values())
        targets = [r for r in named if isinstance(r, AttestedRule)]
        if rid is not None and not targets:
            params = {"rule": f"{cid}/{rid}", "kind": getattr(named[0], "kind", "")}
            problems.append(Problem("attestation-not-attested", a.where, params))
            continue
        if not targets:
            problems.append(Problem("attestation-no-attested-rule", a.where, {"commitment": cid}))
            continue
        indexes = [(r, BucketIndex(r.buckets(ctx))) for r in targets]
        if any(r.bucket_of(a, index) is not None for r, index in indexes):
            continue
        shown = a.attests if rid is not None else f"{cid}/{targets[0].id}"
        if a.bucket is not None:
            labels = [b.label for b in indexes[0][1]]
            known = ", ".join(labels[:8]) + (", …" if len(labels) > 8 else "")
            params = {"rule": shown, "bucket": a.bucket, "known": known}
            problems.append(Problem("attestation-unknown-bucket", a.where, params))
        else:
            problems.append(
                Problem("attestation-outside", a.where, {"rule": shown, "date": a.date})
            )
    return problems


__all__ = ["AttestedRule", "By", "attestation_problems", "by_day", "by_problems"]
