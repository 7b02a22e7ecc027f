"""Messages: the kinds that follow time rather than buckets — ``cadence``, ``deadline``
— and ``share``. Code -> (Swedish, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # cadence: the spec
    "cadence-every-invalid": (
        "'{text}' går inte att använda i every: skriv day, week, month, "
        "en veckodag eller en lista med veckodagar{hint:hint}",
        "'{text}' cannot be used in every: write day, week, month, "
        "a weekday or a list of weekdays{hint:hint}",
    ),
    "cadence-every-empty": (
        "every saknar veckodagar",
        "every lists no weekdays",
    ),
    "cadence-skip-holidays-unit": (
        "skip_holidays gäller bara dagar och veckodagar, inte every: {every}",
        "skip_holidays applies only to days and weekdays, not every: {every}",
    ),
    # cadence: the report
    "cadence-held": (
        "{held} av {total} {unit} {total:p:uppfylld:uppfyllda}, minst {need} krävs{gap}",
        "{held} of {total} {unit} held, at least {need} required{gap}",
    ),
    "cadence-unit-day": ("{n:p:dag:dagar}", "{n:p:day:days}"),
    "cadence-unit-week": ("{n:p:vecka:veckor}", "{n:p:week:weeks}"),
    "cadence-unit-month": ("{n:p:månad:månader}", "{n:p:month:months}"),
    "cadence-gap": (
        "; längsta uppehåll {days} {days:p:dag:dagar}, {first}–{last} (högst {max})",
        "; longest gap {days} {days:p:day:days}, {first}–{last} (at most {max})",
    ),
    "cadence-no-gap": (
        "; inget uppehåll (högst {max} {max:p:dag:dagar} tillåts)",
        "; no gap (at most {max} {max:p:day:days} allowed)",
    ),
    "cadence-item-short": ("{n} av {need} gånger", "{n} of {need} times"),
    "cadence-no-occurrence": (
        "{date} {type}: infaller inte på något tillfälle som regeln följer",
        "{date} {type}: falls on no occurrence the rule follows",
    ),
    "cadence-holiday": (
        "{date} {type}: helgdag, räknas inte",
        "{date} {type}: a public holiday, not counted",
    ),
    # deadline
    "deadline-from-after-by": (
        "from ({first}) ligger efter tidsfristens slut ({last})",
        "from ({first}) is after the end of the window ({last})",
    ),
    "deadline-until": (
        "en deadline-regel anger sitt slut med by, inte until",
        "a deadline rule ends with by, not until",
    ),
    "deadline-window": ("tidsfönster {first}–{last}", "window {first}–{last}"),
    "deadline-late": (
        "{date} {type}: efter tidsfönstret, som slutade {last}",
        "{date} {type}: after the window, which ended {last}",
    ),
    # share
    "share-prorate": (
        "prorate kan inte användas med share, bara med count, sum och cadence",
        "prorate cannot be used with share, only with count, sum and cadence",
    ),
    "share-not-that": (
        "{reason}; ingår i underlaget men inte i andelen",
        "{reason}; in the base, not in the share",
    ),
}
