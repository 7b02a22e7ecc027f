"""Messages: ``loften explain`` and the worked examples. Code -> (Swedish, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "explain-list-heading": ("Regeltyper", "Rule kinds"),
    "explain-list-hint": (
        "Skriv loften explain TYP för nycklarna och ett genomräknat exempel.",
        "Run loften explain KIND for its keys and a worked example.",
    ),
    "explain-keys": ("Nycklar", "Keys"),
    "explain-key-name": ("nyckel", "key"),
    "explain-key-required": ("krävs", "required"),
    "explain-key-default": ("standard", "default"),
    "explain-yes": ("ja", "yes"),
    "explain-no": ("nej", "no"),
    "explain-common": (
        "Alla regler har dessutom: {keys}.",
        "Every rule also takes: {keys}.",
    ),
    "explain-example": ("Exempel: {title}", "Example: {title}"),
    "explain-promise": ("Åtagandet i löftet", "The commitment in the promise"),
    "explain-rule": ("Regeln", "The rule"),
    "explain-exceptions": ("Undantag", "Exceptions"),
    "explain-log": ("Loggen ({path})", "The log ({path})"),
    "explain-indicators": ("Indikatordata ({path})", "Indicator data ({path})"),
    "explain-report": (
        "Så här rapporterar loften exemplet, läget den {date}",
        "What loften reports, as of {date}",
    ),
    "explain-no-example": (
        "det finns inget exempel för regeltypen '{kind}'",
        "there is no example for the rule kind '{kind}'",
    ),
    "explain-party-polis": ("Polisen", "Police"),
    "explain-party-kommun": ("Kommunen", "Municipality"),
}
