"""``--format json``: stable and versioned, one object per problem and per file.

``{"loften": 1, "valid": …, "problems": [{path, line, column, row, header, sheet,
severity, code, message}], "files": [{path, kind, errors, warnings, rows,
entries}]}``; a place that does not apply is ``null``. The message is in the run's
language; ``code`` is stable across versions and languages.
"""

from __future__ import annotations

import json
from typing import Any

from loften.errors import Problem
from loften.validation import Options
from loften.validation.result import Validation

FORMAT_VERSION = 1


def render(validation: Validation, options: Options) -> str:
    return json.dumps(as_data(validation, options), ensure_ascii=False, indent=2) + "\n"


def as_data(validation: Validation, options: Options) -> dict[str, Any]:
    return {
        "loften": FORMAT_VERSION,
        "valid": validation.valid,
        "problems": [_problem(p, options.lang) for p in validation.problems],
        "files": [
            {
                "path": f.path,
                "kind": f.kind,
                "errors": f.errors,
                "warnings": f.warnings,
                "rows": f.rows,
                "entries": f.entries,
            }
            for f in validation.files
        ],
    }


def _problem(p: Problem, lang: str) -> dict[str, Any]:
    w = p.where
    return {
        "path": w.path if w else None,
        "line": w.line if w else None,
        "column": w.column if w else None,
        "row": w.row if w else None,
        "header": w.header if w else None,
        "sheet": w.sheet if w else None,
        "severity": p.severity,
        "code": p.code,
        "message": p.message(lang),
    }
