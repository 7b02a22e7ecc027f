"""attested: attestations in, statuses out (SPEC §2.3, §3.2, §5.4, §5.9)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

import loften.rules.attested as attested_module
from kit import d, rule
from loften import yamlnodes
from loften.activities.model import Attestation
from loften.errors import Location
from loften.results import BucketResult
from loften.rules.attested import AttestedRule, attestation_problems
from loften.rules.base import RuleContext

PATH = "sig/samverkan"
YEARLY = {"kind": "attested", "per": "year"}
TOTAL = {"kind": "attested"}
_line = [0]


def att(day: str, status: str = "done", attests: str = PATH, **kw: Any) -> Attestation:
    _line[0] += 1
    return Attestation(
        where=Location("intyg.yaml", line=_line[0], column=3),
        attests=attests,
        status=status,  # type: ignore[arg-type]
        date=d(day),
        by=kw.pop("by", "Styrgruppen"),
        evidence=kw.pop("evidence", "Protokoll"),
        **kw,
    )


def ctx(
    as_of: str, attestations: Sequence[Attestation] = (), path: str = PATH, **kw: Any
) -> RuleContext:
    return RuleContext(
        as_of=d(as_of),
        start=d(kw.pop("start", "2020-01-01")),
        end=d(kw.pop("end", "2021-12-31")),
        activities=(),
        select=lambda f: None,  # type: ignore[arg-type,return-value]
        label=lambda x: x,
        attestations=tuple(attestations),
        rule_path=path,
        **kw,
    )


def run(
    spec: dict[str, Any], attestations: list[Attestation], as_of: str, **kw: Any
) -> tuple[BucketResult, ...]:
    return rule(spec).evaluate(ctx(as_of, attestations, **kw))


def statuses(results: tuple[BucketResult, ...]) -> list[tuple[str, str]]:
    return [(b.bucket, b.status) for b in results]


@pytest.mark.parametrize(
    ("attestations", "as_of", "expected"),
    [
        # done passes at once, even while the bucket is open
        ([att("2020-03-01")], "2020-06-01", [("2020", "pass"), ("2021", "not-started")]),
        # partial / not-done: behind while open, fail once over
        (
            [att("2020-03-01", "partial")],
            "2020-06-01",
            [("2020", "behind"), ("2021", "not-started")],
        ),
        (
            [att("2020-03-01", "not-done")],
            "2020-12-31",
            [("2020", "behind"), ("2021", "not-started")],
        ),
        ([att("2020-03-01", "partial")], "2021-01-01", [("2020", "fail"), ("2021", "on-track")]),
        # nothing yet: on track while open, fail once over
        ([], "2020-12-31", [("2020", "on-track"), ("2021", "not-started")]),
        ([], "2022-01-15", [("2020", "fail"), ("2021", "fail")]),
        # the latest word decides, by date then file order
        (
            [att("2020-03-01", "partial"), att("2020-11-01")],
            "2022-01-15",
            [("2020", "pass"), ("2021", "fail")],
        ),
        (
            [att("2020-11-01"), att("2020-03-01", "partial")],
            "2022-01-15",
            [("2020", "pass"), ("2021", "fail")],
        ),
        (
            [att("2020-03-01"), att("2020-11-01", "not-done")],
            "2022-01-15",
            [("2020", "fail"), ("2021", "fail")],
        ),
        (
            [att("2020-11-01", "partial"), att("2020-11-01")],
            "2022-01-15",
            [("2020", "pass"), ("2021", "fail")],
        ),
        (
            [att("2020-11-01"), att("2020-11-01", "partial")],
            "2022-01-15",
            [("2020", "fail"), ("2021", "fail")],
        ),
        # an attestation dated after --as-of does not count yet
        ([att("2020-11-01")], "2020-10-31", [("2020", "on-track"), ("2021", "not-started")]),
        # `bucket` names the bucket it speaks for
        ([att("2021-01-10", bucket="2020")], "2022-01-15", [("2020", "fail"), ("2021", "fail")]),
        ([att("2020-12-10", bucket="2021")], "2022-01-15", [("2020", "fail"), ("2021", "pass")]),
    ],
)
def test_attested_per_year(attestations, as_of, expected):
    assert statuses(run(YEARLY, attestations, as_of)) == expected


def test_late_attestation_is_listed_and_does_not_count():
    late = att("2021-01-10", bucket="2020")
    b2020 = run(YEARLY, [late], "2022-01-15")[0]
    assert (b2020.status, b2020.value, b2020.counted) == ("fail", 0, ())
    assert b2020.left_out[0].activity == late.ref
    assert (
        b2020.left_out[0].text("sv") == "intygandet 2021-01-10 kom efter 2020-12-31 och räknas inte"
    )


@pytest.mark.parametrize(
    ("by", "attestations", "as_of", "status"),
    [
        # by extends the window past the period: open until then, and counts then
        ("2022-03-31", [], "2022-01-15", "on-track"),
        ("2022-03-31", [att("2022-02-01")], "2022-03-01", "pass"),
        ("2022-03-31", [att("2022-02-01", "partial")], "2022-03-01", "behind"),
        ("2022-03-31", [], "2022-04-01", "fail"),
        # by shortens it: over after våren 2020, a later attestation is late
        ("våren 2020", [], "2020-06-30", "on-track"),
        ("våren 2020", [], "2020-07-01", "fail"),
        ("våren 2020", [att("2020-05-01")], "2020-07-01", "pass"),
        ("våren 2020", [att("2020-08-01")], "2021-01-01", "fail"),
        ("2020", [att("2020-12-31")], "2022-01-15", "pass"),
        # without by, an attestation after the period is late
        (None, [att("2022-01-10")], "2022-01-15", "fail"),
    ],
)
def test_by_moves_the_day_the_attestation_is_due(by, attestations, as_of, status):
    spec = {**TOTAL, **({"by": by} if by else {})}
    (result,) = run(spec, attestations, as_of)
    assert (result.bucket, result.status) == ("total", status)


def test_by_sets_the_last_day_and_due():
    (result,) = run({**TOTAL, "by": "2022-03-31"}, [], "2022-01-15")
    assert (result.end, result.due, result.left) == (date(2022, 3, 31), date(2022, 3, 31), 1)
    assert result.detail is not None
    assert result.detail.text("sv") == "inget intygande ännu; det ska komma senast 2022-03-31"


def test_commitment_level_attests_every_attested_rule_of_it():
    both = [att("2020-05-01", attests="sig")]
    assert statuses(run(YEARLY, both, "2022-01-15")) == [("2020", "pass"), ("2021", "fail")]
    assert statuses(run(YEARLY, both, "2022-01-15", path="sig/annan")) == [
        ("2020", "pass"),
        ("2021", "fail"),
    ]
    # another rule's or commitment's attestation does not count here
    others = [att("2020-05-01", attests="sig/annan"), att("2020-05-01", attests="polis")]
    assert statuses(run(YEARLY, others, "2022-01-15")) == [("2020", "fail"), ("2021", "fail")]


def test_items_value_and_counted():
    first = att("2021-06-14", "partial", by="KSAU", evidence="Delårsuppföljning § 98")
    last = att("2021-12-13", "done", by="KSAU", evidence="Uppföljning 2021 § 203")
    b2021 = run(YEARLY, [last, first], "2022-01-15")[1]
    assert (b2021.status, b2021.value, b2021.required) == ("pass", 1, 1)
    assert b2021.counted == (first.ref, last.ref)
    assert [(i.label, i.status) for i in b2021.items] == [
        ("2021-06-14", "pass"),
        ("2021-12-13", "pass"),
    ]
    assert [i.detail.text("sv") for i in b2021.items if i.detail] == [
        "delvis genomförd, intygat av KSAU: Delårsuppföljning § 98 "
        "(ersatt av ett senare intygande)",
        "genomförd, intygat av KSAU: Uppföljning 2021 § 203",
    ]
    assert b2021.detail is not None
    assert b2021.detail.text("en") == "latest attestation 2021-12-13: done"


@pytest.mark.parametrize(
    ("spec", "code"),
    [
        ({**YEARLY, "by": "2021"}, "attested-by-with-per"),
        ({**YEARLY, "prorate": "true"}, "attested-prorate"),
        ({**TOTAL, "by": "2021-02-30"}, "by-date-invalid"),
        ({**TOTAL, "by": "snart"}, "by-invalid"),
    ],
)
def test_invalid_keys(spec, code):
    with pytest.raises(ValidationError) as err:
        rule(spec)
    assert err.value.errors()[0]["ctx"]["error"].code == code


def test_a_season_the_promise_does_not_declare_is_a_data_problem():
    r = rule({**TOTAL, "by": "sommaren 2021"})
    assert [(k, e.code) for k, e in r.data_problems(ctx("2021-01-01"))] == [
        (("by",), "season-unknown")
    ]
    seasons = {"sommar": ("06-01", "08-31")}
    assert r.data_problems(ctx("2021-01-01", seasons=seasons)) == []
    (result,) = r.evaluate(ctx("2021-09-01", [att("2021-08-01")], seasons=seasons))
    assert (result.end, result.status) == (date(2021, 8, 31), "pass")


COMMITMENTS = [
    (
        "sig",
        (
            rule({**YEARLY, "id": "samverkan"}),
            rule({"kind": "count", "id": "moten", "match": {"type": "mote"}, "at_least": "1"}),
        ),
    ),
    ("kommun", (rule({**TOTAL, "id": "paket", "by": "2022-03-31"}),)),
    (
        "polis",
        (rule({"kind": "count", "id": "insatser", "match": {"type": "insats"}, "at_least": "1"}),),
    ),
]


@pytest.mark.parametrize(
    ("attestation", "code", "message"),
    [
        (att("2020-05-01"), None, None),
        (att("2020-05-01", attests="sig"), None, None),
        (att("2022-02-01", attests="kommun"), None, None),
        (
            att("2020-05-01", attests="sgi"),
            "attestation-unknown-commitment",
            "åtagandet 'sgi' finns inte i löftet; menade du 'sig'?",
        ),
        (
            att("2020-05-01", attests="sig/samverkn"),
            "attestation-unknown-rule",
            "åtagandet 'sig' har ingen regel 'samverkn'; menade du 'samverkan'?",
        ),
        (att("2020-05-01", attests="sig/moten"), "attestation-not-attested", None),
        (att("2020-05-01", attests="polis"), "attestation-no-attested-rule", None),
        (
            att("2020-05-01", bucket="2019"),
            "attestation-unknown-bucket",
            "'sig/samverkan' har ingen period '2019'; perioderna är: 2020, 2021",
        ),
        (att("2022-01-10"), "attestation-outside", None),
        (att("2019-12-10", attests="kommun"), "attestation-outside", None),
    ],
)
def test_attestations_that_speak_for_nothing_are_located_errors(attestation, code, message):
    problems = attestation_problems([attestation], COMMITMENTS, ctx("2022-01-15"))
    assert [p.code for p in problems] == ([code] if code else [])
    if code:
        assert problems[0].where == attestation.where
    if message:
        assert problems[0].message("sv") == message


def test_docstring_example_is_a_valid_rule():
    (block,) = re.findall(r"```yaml\n(.*?)```", attested_module.__doc__ or "", re.S)
    spec = yamlnodes.to_plain(yamlnodes.load(block, "doc.yaml"))
    r = rule(spec)
    assert isinstance(r, AttestedRule)
    assert statuses(r.evaluate(ctx("2022-01-15", [att("2020-12-08")]))) == [
        ("2020", "pass"),
        ("2021", "fail"),
    ]
