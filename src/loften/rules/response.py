"""``response``: every request is followed by a matching response in time.

Reads: "Om önskemål om trygghetsvandring uppkommer, bistår kommun och polis med
planering och genomförande."

```yaml
kind: response
request: {type: begaran}
response: {type: vandring, party: {all: [polis, kommun]}}
within: 6 veckor
```

Requests are the activities that ``request`` selects in the rule's period (one that
``response`` also selects is a request). Each request, earliest first, is answered
by the earliest unused response dated from the request's day through ``within``
days after it (on the request's day, not before its time when both have one). A
response that names its request (``answers: <id of the request>``) is paired with
it first. A response answers one request.

Every request is listed, labelled by its ``id`` or else its date (``2020-05-04``,
``2020-05-04#2`` for a second that day): answered, with the activity and the days
it took; pending while its window is open; unanswered, or answered late, once the
window is over. The rule is met while every request so far is answered — no
requests at all is a pass that says so — and fails as soon as one is not answered
in time. It is never behind. An exception may name a request by its label, which
then leaves the count.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Literal

from loften import values
from loften.activities.model import Activity
from loften.results import BucketResult, Item, LeftOut, Msg, Status
from loften.rules.base import RuleBase, RuleContext
from loften.rules.schedule import item_labels, status_of_items
from loften.spec.filters import Filter
from loften.spec.types import Days


def _when(a: Activity) -> tuple[date, time]:
    return a.date, a.time or time.min


class ResponseRule(RuleBase):
    kind: Literal["response"]
    summary = (
        "varje förfrågan följs av ett matchande svar inom en viss tid",
        "every request is followed by a matching response in time",
    )
    request: Filter
    response: Filter
    within: Days

    def filters(self) -> dict[str, Filter]:
        return {"request": self.request, "response": self.response}

    def evaluate(self, ctx: RuleContext) -> tuple[BucketResult, ...]:
        is_request = ctx.select(self.request)
        is_response = ctx.select(self.response)
        start, end = ctx.window(self)
        if ctx.as_of < start:
            return (BucketResult(bucket="total", start=start, end=end, status="not-started"),)
        requests = sorted(
            (a for a in ctx.activities if start <= a.date <= end and is_request(a)), key=_when
        )
        responses = sorted(
            (a for a in ctx.activities if is_response(a) and not is_request(a)), key=_when
        )
        labels = item_labels(
            [(r.date.isoformat(), None) if r.id is None else (r.id, None) for r in requests]
        )
        answer, left_out = self._pair(requests, responses, labels, ctx)
        items: list[Item] = []
        pending: list[date] = []
        answered = 0
        for i, r in enumerate(requests):
            due = r.date + timedelta(days=self.within)
            x = answer.get(i)
            status: Status
            if x is not None and x.date <= due:
                status, detail = "pass", self._answered(r, x, ctx)
                answered += 1
            elif x is None and ctx.as_of <= due:
                status, detail = "on-track", Msg(code="response-pending", params={"due": due})
                pending.append(due)
            else:
                status = "excepted" if labels[i] in ctx.waived_items else "fail"
                detail = self._missed(r, x, due, ctx)
            refs = (r.ref,) if x is None else (r.ref, x.ref)
            items.append(
                Item(label=labels[i], status=status, counted=refs, detail=detail, day=r.date)
            )
        total = sum(1 for it in items if it.status != "excepted")
        status = status_of_items(items)
        used = {id(x) for x in answer.values()}
        for x in responses:
            if id(x) not in used and start <= x.date <= end:
                left_out.append(
                    LeftOut(
                        activity=x.ref,
                        code="response-unpaired",
                        params={"date": x.date, "type": ctx.label(x.type)},
                    )
                )
        counted = [r.ref for r in requests] + [x.ref for x in sorted(answer.values(), key=_when)]
        detail = (
            Msg(
                code="response-summary",
                params={"answered": answered, "total": total, "within": self.within},
            )
            if requests
            else Msg(code="response-none")
        )
        open_ = status == "on-track"
        return (
            BucketResult(
                bucket="total",
                start=start,
                end=end,
                status=status,
                value=answered,
                required=total,
                counted=tuple(counted),
                left_out=tuple(sorted(left_out, key=lambda x: x.params["date"])),
                left=len(pending) if open_ else None,
                due=max(pending) if open_ else None,
                items=tuple(items),
                detail=detail,
            ),
        )

    def _pair(
        self,
        requests: list[Activity],
        responses: list[Activity],
        labels: list[str],
        ctx: RuleContext,
    ) -> tuple[dict[int, Activity], list[LeftOut]]:
        """Request (index) -> its response: ``answers:`` first, then earliest request
        first, each taking the earliest unused response in its window; a request still
        unanswered after its window takes the earliest unused response after it (late)."""
        answer: dict[int, Activity] = {}
        used: set[int] = set()
        left_out: list[LeftOut] = []
        by_id = {values.norm(r.id): i for i, r in enumerate(requests) if r.id is not None}
        for j, x in enumerate(responses):
            i = by_id.get(values.norm(x.answers)) if x.answers else None
            if i is None or i in answer:
                continue
            if not self._after(requests[i], x):
                params = {"date": x.date, "type": ctx.label(x.type), "request": labels[i]}
                left_out.append(
                    LeftOut(activity=x.ref, code="response-before-request", params=params)
                )
                used.add(j)
                continue
            answer[i] = x
            used.add(j)
        for late in (False, True):
            for i, r in enumerate(requests):
                if i in answer:
                    continue
                due = r.date + timedelta(days=self.within)
                for j, x in enumerate(responses):
                    if j in used or not self._after(r, x):
                        continue
                    if (x.date > due) if late else (x.date <= due):
                        answer[i] = x
                        used.add(j)
                        break
        return answer, left_out

    @staticmethod
    def _after(r: Activity, x: Activity) -> bool:
        """Whether ``x`` is dated from ``r``'s day on, and not before its time that day."""
        if x.date != r.date:
            return x.date > r.date
        return r.time is None or x.time is None or x.time >= r.time

    def _answered(self, r: Activity, x: Activity, ctx: RuleContext) -> Msg:
        days = (x.date - r.date).days
        if days == 0:
            return Msg(code="response-answered-same-day", params={"type": ctx.label(x.type)})
        return Msg(
            code="response-answered",
            params={"day": x.date, "type": ctx.label(x.type), "days": days},
        )

    def _missed(self, r: Activity, x: Activity | None, due: date, ctx: RuleContext) -> Msg:
        if x is None:
            return Msg(code="response-unanswered", params={"due": due})
        days = (x.date - r.date).days
        params = {"day": x.date, "type": ctx.label(x.type), "days": days, "due": due}
        return Msg(code="response-late", params=params)
