"""Messages: why a rule left an activity out, and what a kind reports.
Code -> (Swedish, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "each-missing": ("{date} {type}: {field} saknas", "{date} {type}: no {field}"),
    "each-at-least": (
        "{date} {type}: {actual}, minst {bound} krävs",
        "{date} {type}: {actual}, at least {bound} required",
    ),
    "each-at-most": (
        "{date} {type}: {actual}, högst {bound} tillåts",
        "{date} {type}: {actual}, at most {bound} allowed",
    ),
    "each-not-matching": (
        "{date} {type}: {field} är {actual}, inte {wanted}",
        "{date} {type}: {field} is {actual}, not {wanted}",
    ),
    "each-failed": (
        "{date} {type}: uppfyller inte villkoren",
        "{date} {type}: does not meet the conditions",
    ),
    "amount-days": ("{n} {n:p:dag:dagar}", "{n} {n:p:day:days}"),
    "amount-hours": ("{n} {n:p:timme:timmar}", "{n} {n:p:hour:hours}"),
    "amount-participants": ("{n} deltagare", "{n} {n:p:participant:participants}"),
    "amount-other": ("{field} {n}", "{field} {n}"),
    "distinct-missing": ("saknar {field} och räknas inte", "has no {field} and does not count"),
    "sum-missing": (
        "saknar {field} och räknas inte i summan",
        "has no {field} and does not count in the sum",
    ),
}
