"""JSON Schemas for editors and other tools (``loften schema promise|log``).

The promise schema is generated from the very models the loader validates with
(:class:`loften.spec.model.Promise` and the rule kinds), in JSON Schema 2020-12,
with what YAML changes put right:

* every scalar is typed by its field, never by YAML (SPEC §5.1), so a text field
  takes a number (``bucket: 2020``), a number field takes text (``hours: 2,5``,
  ``coverage: 90%``, ``max_gap: 14 dagar``) and a flag takes ``ja``/``nej``;
* a value that a validator converts before checking (a weekday for a list of them,
  ``severity: varning``, a bare date for ``{date: …}``) may also be written as a
  scalar; the choices the model lists stay in the schema, so editors still offer
  them, and a list of mappings (rules) stays strict, so its errors stay precise;
* the shortcuts of SPEC §2 — ``party: polis`` for a list, ``kommun: Söderhamns
  kommun`` for ``{label: …}``, a log path for ``{path: …}`` — and the filter
  language of §2.1, which the model stores in another shape.

Unknown keys stay errors (``additionalProperties: false``), so an editor with the
YAML language server flags ``tpye:`` as loften does. The log schema has no model
per row (the loader does not need one); :func:`log_entry_model` builds one from the
field table :data:`loften.activities.fields.FIELDS`, for the schema only.
"""

from __future__ import annotations

import copy
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, create_model
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from loften.activities.fields import FIELDS
from loften.messages import t

DRAFT = "https://json-schema.org/draft/2020-12/schema"

TEXT: dict[str, Any] = {"type": ["string", "number", "boolean"]}
NUMBER: dict[str, Any] = {"type": ["number", "string"]}
INTEGER: dict[str, Any] = {"type": ["integer", "string"]}
SCALAR: dict[str, Any] = {"type": ["string", "number", "boolean"]}


class YamlSchema(GenerateJsonSchema):
    """Schemas of scalars as they may stand in YAML: text or number, typed by the field."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        return {"type": ["string", "number"]}

    def int_schema(self, schema: core_schema.IntSchema) -> JsonSchemaValue:
        return {"anyOf": [super().int_schema(schema), {"type": "string"}]}

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        return dict(NUMBER)

    def float_schema(self, schema: core_schema.FloatSchema) -> JsonSchemaValue:
        return dict(NUMBER)

    def bool_schema(self, schema: core_schema.BoolSchema) -> JsonSchemaValue:
        return {"type": ["boolean", "string"]}

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {"type": "string"}

    def time_schema(self, schema: core_schema.TimeSchema) -> JsonSchemaValue:
        return {"type": ["string", "number"]}

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        inner = super().function_before_schema(schema)
        if _takes_text(inner):
            return inner
        container = schema["schema"]["type"] in ("list", "tuple", "dict", "set", "frozenset")
        if container and _structured(inner):
            return inner  # a list of rules stays a list of rules: its errors stay precise
        return {"anyOf": [inner, {"type": ["string", "number"]}]}


def _structured(s: Any) -> bool:
    """Whether a schema holds mappings (models, objects) anywhere inside."""
    if isinstance(s, dict):
        if "$ref" in s or s.get("type") == "object":
            return True
        return any(_structured(v) for v in s.values())
    if isinstance(s, list):
        return any(_structured(v) for v in s)
    return False


def _takes_text(s: JsonSchemaValue) -> bool:
    kind = s.get("type")
    if (kind == "string" or (isinstance(kind, list) and "string" in kind)) and not (
        "enum" in s or "const" in s or "pattern" in s
    ):
        return True
    return any(_takes_text(x) for x in s.get("anyOf", ()))


# --- the promise -------------------------------------------------------------------------

#: A filter condition (SPEC §2.1): a value, a list of values, or one operator.
CONDITION: dict[str, Any] = {
    "anyOf": [
        SCALAR,
        {"type": "array", "items": SCALAR},
        {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "additionalProperties": False,
            "properties": {
                "all": {"type": "array", "items": SCALAR},
                "at_least": SCALAR,
                "at_most": SCALAR,
                "between": {"type": "array", "items": SCALAR, "minItems": 2, "maxItems": 2},
                "not": {"$ref": "#/$defs/Cond"},
            },
        },
    ]
}

#: Models that may be written as one scalar instead (``kommun: Söderhamns kommun``,
#: ``logs: [../logs/a.csv]``), and what the scalar stands for.
SHORTCUTS: dict[str, list[dict[str, Any]]] = {
    "Named": [TEXT, {"type": "null"}],
    "Place": [TEXT, {"type": "null"}],
    "LogRef": [{"type": "string"}],
}


def promise_schema(lang: str = "sv") -> dict[str, Any]:
    """The JSON Schema of a promise file."""
    from loften.engine.select import STANDARD
    from loften.spec.model import Promise

    schema = Promise.model_json_schema(mode="validation", schema_generator=YamlSchema)
    defs: dict[str, Any] = schema.setdefault("$defs", {})
    defs["Cond"] = copy.deepcopy(CONDITION)
    for name, alternatives in SHORTCUTS.items():
        if name in defs:
            defs[name] = {"anyOf": [*alternatives, defs[name]]}
    for name, definition in defs.items():
        defs[name] = _closed_branches(definition)
    fields = sorted(STANDARD)
    _walk(schema, lambda node: _filter_fields(node, fields))
    return {
        "$schema": DRAFT,
        "title": t("schema-promise-title", lang),
        **{k: v for k, v in schema.items() if k != "title"},
    }


def _closed_branches(definition: dict[str, Any]) -> dict[str, Any]:
    """A model with a shortcut is ``anyOf: [object, scalar]``; pydantic puts the model's
    ``additionalProperties: false`` beside the ``anyOf``, where it would refuse every key.
    It belongs inside, on the object."""
    if "anyOf" not in definition or "additionalProperties" not in definition:
        return definition
    closed = definition.pop("additionalProperties")
    for branch in definition["anyOf"]:
        if branch.get("type") == "object":
            branch.setdefault("additionalProperties", closed)
    return definition


def _filter_fields(node: dict[str, Any], fields: list[str]) -> None:
    """A filter (a mapping of field to condition) offers the standard fields for completion."""
    if node.get("type") == "object" and node.get("additionalProperties") == {
        "$ref": "#/$defs/Cond"
    }:
        node.setdefault("properties", {f: {"$ref": "#/$defs/Cond"} for f in fields})


def _walk(node: Any, visit: Any) -> None:
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


# --- the log -------------------------------------------------------------------------------

_STATUSES = [
    "done",
    "planned",
    "cancelled",
    "genomförd",
    "planerad",
    "inställd",
    "partial",
    "not-done",
    "delvis",
    "ej genomförd",
]
_MANY: dict[str, Any] = {"anyOf": [TEXT, {"type": "array", "items": TEXT}]}

#: The JSON Schema of each field's value, as a YAML log may write it (SPEC §3.1, §3.2).
FIELD_SCHEMAS: dict[str, dict[str, Any]] = {
    "date": {"type": "string"},
    "time": {"type": ["string", "number"]},
    "end_time": {"type": ["string", "number"]},
    "end": {"type": "string"},
    "days": NUMBER,
    "hours": NUMBER,
    "type": TEXT,
    "party": _MANY,
    "place": TEXT,
    "tags": _MANY,
    "participants": INTEGER,
    "id": TEXT,
    "notes": TEXT,
    "status": {"anyOf": [{"enum": _STATUSES}, {"type": "string"}]},
    "quantity": INTEGER,
    "answers": TEXT,
    "same_as": TEXT,
    "attests": TEXT,
    "by": TEXT,
    "evidence": TEXT,
    "bucket": TEXT,
}


def log_entry_model(lang: str = "sv") -> type[BaseModel]:
    """A model of one log entry, built from :data:`FIELDS`, for the schema only.

    Every field and every other name it may go by (``datum``, ``aktivitet`` …) is a
    property; any other key is an extra field and takes a scalar.
    """
    fields: dict[str, Any] = {}
    for name, f in FIELDS.items():
        value = FIELD_SCHEMAS[name]
        names = [name, *(a for a in f.aliases if a != name)]
        for i, key in enumerate(names):
            words = (
                t(f"schema-field-{name}", lang) if i == 0 else t("schema-alias", lang, field=name)
            )
            kind = Annotated[Any, WithJsonSchema({**copy.deepcopy(value), "description": words})]
            fields[f"f_{name}_{i}"] = (kind, Field(default=None, alias=key))
    model: type[BaseModel] = create_model(
        "LogEntry", __config__=ConfigDict(extra="allow"), **fields
    )
    return model


def log_schema(lang: str = "sv") -> dict[str, Any]:
    """The JSON Schema of a YAML log file: a list of entries, or ``{activities: […]}``."""
    entry = log_entry_model(lang).model_json_schema(by_alias=True)
    entry.pop("title", None)
    entry["type"] = "object"
    entry["additionalProperties"] = {"anyOf": [SCALAR, {"type": "null"}]}
    items = {"type": "array", "items": {"$ref": "#/$defs/LogEntry"}}
    return {
        "$schema": DRAFT,
        "title": t("schema-log-title", lang),
        "description": t("schema-log-description", lang),
        "$defs": {"LogEntry": entry},
        "anyOf": [
            items,
            {
                "type": "object",
                "properties": {"activities": items},
                "required": ["activities"],
                "additionalProperties": False,
            },
        ],
    }


SCHEMAS = {"promise": promise_schema, "log": log_schema}
