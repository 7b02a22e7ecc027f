"""The JSON report (SPEC §4.2): stable, versioned, exact numbers.

Numbers are printed as the shortest decimal that reads back to the same value (an
exact ``Decimal`` is printed as written, never through a float). Messages are put
into words in the report's language; every one keeps its stable ``code``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from loften.messages import t
from loften.reporters import Options, overview
from loften.results import BucketResult, PromiseResult, Report, RuleResult

FORMAT_VERSION = 1


def render(report: Report, options: Options) -> str:
    return dumps(as_data(report, options)) + "\n"


def as_data(report: Report, options: Options) -> dict[str, Any]:
    lang = options.lang
    said = _Said(lang)
    quality = sorted(
        (q.sort, q.code, q.where, said(q.code, q.params))
        for p in report.promises
        for q in p.data_quality
    )
    head: dict[str, Any] = {
        "loften": FORMAT_VERSION,
        "as_of": report.as_of,
        "status": report.status,
    }
    if overview.wanted(report):  # many promises: one row each first (issue 7)
        head["overview"] = overview.data(report)
    return {
        **head,
        "promises": [_promise(p, lang) for p in report.promises],
        "data_quality": [{"where": w, "code": c, "message": m} for _, c, w, m in quality],
    }


class _Said:
    """Notes put into words once per code and parameter mapping. The notes of one date
    and type share their mapping (``engine/quality.py``), so a national report says a few
    hundred different things a hundred thousand times. Keyed by the mapping's identity:
    the report holds every mapping while it is written, and none is changed."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.said: dict[tuple[str, int], str] = {}

    def __call__(self, code: str, params: Mapping[str, Any]) -> str:
        key = (code, id(params))
        text = self.said.get(key)
        if text is None:
            text = self.said[key] = t(code, self.lang, **params)
        return text


def _promise(p: PromiseResult, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": p.id,
        "title": p.title,
        "path": p.path,
        "municipality": p.municipality,
        "code": p.code,
        "period": {"start": p.start, "end": p.end},
        "status": p.status,
        "files": [f.model_dump() for f in p.files],
        "commitments": [
            {
                "id": c.id,
                "parties": list(c.parties),
                "status": c.status,
                "rules": [_rule(r, lang) for r in c.rules],
            }
            for c in p.commitments
        ],
    }
    if p.notes:  # only present when the report was made --with-notes (SPEC §5.8)
        out["notes"] = dict(sorted(p.notes.items()))
    return out


def _rule(r: RuleResult, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": r.id,
        "kind": r.kind,
        "severity": r.severity,
        "status": r.status,
    }
    if r.title:
        out["title"] = r.title
    if r.note:
        out["note"] = r.note
    out["exceptions"] = [
        {"bucket": e.bucket, "state": e.state, "reason": e.reason} for e in r.exceptions
    ]
    out["buckets"] = [_bucket(b, lang) for b in r.buckets]
    return out


def _bucket(b: BucketResult, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "bucket": b.bucket,
        "status": b.status,
        "value": b.value,
        "required": b.required,
        "counted": list(b.counted),
        "left_out": [
            {"activity": x.activity, "code": x.code, "message": x.text(lang)} for x in b.left_out
        ],
    }
    if b.expected is not None or b.left is not None:
        out["expected"] = b.expected
        out["left"] = b.left
        out["due"] = b.due
    if b.detail is not None:
        out["detail"] = {"code": b.detail.code, "message": b.detail.text(lang)}
    if b.items:
        out["items"] = [
            {
                "label": i.label,
                "status": i.status,
                "counted": list(i.counted),
                **(
                    {"detail": {"code": i.detail.code, "message": i.detail.text(lang)}}
                    if i.detail
                    else {}
                ),
            }
            for i in b.items
        ]
    return out


def number(d: Decimal | int) -> str:
    """The shortest decimal text that reads back as ``d``."""
    if isinstance(d, int):
        return str(d)
    if not d.is_finite():
        raise ValueError("non-finite number in a report")
    if d == d.to_integral_value():
        return str(int(d))
    text = format(d.normalize(), "f")
    return text


#: A string as ``json.dumps(s, ensure_ascii=False)`` writes it, without its overhead
#: (a large report holds a million activity references).
_string = json.encoder.encode_basestring


def dumps(value: Any, indent: int = 0) -> str:
    """JSON with two-space indentation, exact decimals and ISO dates."""
    out: list[str] = []
    _write(value, indent, out)
    return "".join(out)


def _write(value: Any, indent: int, out: list[str]) -> None:
    """Appends the JSON of ``value`` to ``out`` piece by piece, so a report of 80 MB is
    joined once, not once more at every level of nesting."""
    w = out.append
    if isinstance(value, str):  # the most of a large report: activity references, messages
        w(_string(value))
    elif isinstance(value, bool) or value is None:
        w(json.dumps(value))
    elif isinstance(value, int | Decimal):
        w(number(value))
    elif isinstance(value, date):
        w(_string(value.isoformat()))
    elif isinstance(value, dict):
        if not value:
            w("{}")
            return
        inner, deeper = "  " * (indent + 1), indent + 1
        w("{\n")
        for n, (k, v) in enumerate(value.items()):
            w(f"{',' if n else ''}{chr(10) if n else ''}{inner}{_key(k)}: ")
            if type(v) is str:
                w(_string(v))
            else:
                _write(v, deeper, out)
        w("\n" + "  " * indent + "}")
    elif isinstance(value, list | tuple):
        _write_list(value, indent, out)
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _write_list(value: list[Any] | tuple[Any, ...], indent: int, out: list[str]) -> None:
    w = out.append
    if not value:
        w("[]")
        return
    kinds = set(map(type, value))
    if kinds == _STR:
        w("[" + ", ".join(map(_string, value)) + "]")
        return
    if kinds <= _FLAT or all(
        isinstance(v, str | int | Decimal) and not isinstance(v, bool) for v in value
    ):
        w("[" + ", ".join(dumps(v) for v in value) + "]")
        return
    inner, deeper = "  " * (indent + 1), indent + 1
    w("[\n")
    for n, v in enumerate(value):
        w(",\n" + inner if n else inner)
        if kinds == _DICT:  # data-quality notes, activities left out: many small records
            w(_record(v, deeper))
        else:
            _write(v, deeper, out)
    w("\n" + "  " * indent + "]")


_DICT = {dict}
_TEMPLATES: dict[tuple[int, tuple[str, ...]], str] = {}


def _record(value: dict[Any, Any], indent: int) -> str:
    """A mapping of text to text as :func:`dumps` writes it, from a template made once
    per shape (its keys and indentation); any other mapping the general way."""
    if not value or set(map(type, value.values())) != _STR or set(map(type, value)) != _STR:
        return dumps(value, indent)
    shape = (indent, tuple(value))
    template = _TEMPLATES.get(shape)
    if template is None:
        inner = "  " * (indent + 1)
        lines = ",\n".join(f"{inner}{_string(k).replace('%', '%%')}: %s" for k in value)
        template = _TEMPLATES[shape] = "{\n" + lines + "\n" + "  " * indent + "}"
    return template % tuple(map(_string, value.values()))


_STR = {str}
_FLAT = {str, int, Decimal}
"""Lists of these (exactly these types: no truth values) are written on one line."""

_KEYS: dict[str, str] = {}


def _key(key: object) -> str:
    """A mapping's key as JSON text; a report has a few dozen keys, written many times."""
    if type(key) is not str:
        return _string(str(key))
    text = _KEYS.get(key)
    if text is None:
        text = _string(key)
        if len(_KEYS) < 10_000:
            _KEYS[key] = text
    return text
