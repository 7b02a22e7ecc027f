"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning and other viewers read it.

One run; ``tool.driver`` names loften, its version and its rules — one per problem
code that occurs, with the code as its stable ``id`` and a short description made
from the message's own words (so there is no second list to keep in sync). Each
result has ``ruleId``, ``level`` (``error``/``warning``/``note``), ``message.text``
and one location: the relative path and a region starting at the YAML line and
column, or at the spreadsheet row (the column is named in the message). No
timestamps and no absolute paths: the same input gives the same bytes.
"""

from __future__ import annotations

import json
import string
from typing import Any

from loften import __version__
from loften.errors import Problem
from loften.messages import CATALOG
from loften.validation import Options
from loften.validation.result import Validation
from loften.validation.words import line_of, message

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/loften/"
LEVELS = {"error": "error", "warning": "warning", "notice": "note"}


def render(validation: Validation, options: Options) -> str:
    return json.dumps(as_data(validation, options), ensure_ascii=False, indent=2) + "\n"


def as_data(validation: Validation, options: Options) -> dict[str, Any]:
    lang = options.lang
    levels: dict[str, str] = {}
    for p in validation.problems:
        levels.setdefault(p.code, LEVELS[p.severity])
    codes = sorted(levels)
    index = {code: i for i, code in enumerate(codes)}
    rules = [
        {
            "id": code,
            "shortDescription": {"text": describe(code, lang)},
            "defaultConfiguration": {"level": levels[code]},
        }
        for code in codes
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "loften",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(p, index[p.code], lang) for p in validation.problems],
            }
        ],
    }


def _result(p: Problem, rule_index: int, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": p.code,
        "ruleIndex": rule_index,
        "level": LEVELS[p.severity],
        "message": {"text": message(p, lang)},
    }
    w = p.where
    if w is not None:
        region: dict[str, int] = {"startLine": line_of(w) or 1}
        if w.row is None and w.column is not None:
            region["startColumn"] = w.column
        out["locations"] = [
            {"physicalLocation": {"artifactLocation": {"uri": w.path}, "region": region}}
        ]
    return out


def describe(code: str, lang: str) -> str:
    """The message of ``code`` with its particulars left out: ``okänd aktivitetstyp '…'``."""
    pair = CATALOG.get(code)
    if pair is None:
        return code
    template = pair[0] if lang == "sv" else pair[1]
    out: list[str] = []
    for literal, field, spec, _ in string.Formatter().parse(template):
        out.append(literal)
        if field is None or spec == "hint":
            continue
        if spec and spec.startswith("p:"):
            plural = spec.split(":", 2)[2]
            out.append(_blank_fields(plural))
        else:
            out.append("…")
    return "".join(out).strip()


def _blank_fields(text: str) -> str:
    parts = []
    for literal, field, _, _ in string.Formatter().parse(text):
        parts.append(literal)
        if field is not None:
            parts.append("…")
    return "".join(parts)
