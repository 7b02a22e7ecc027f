"""Messages: words of the reports. Code -> (Swedish, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # statuses (SPEC §2.4)
    "status-pass": ("uppfyllt", "pass"),
    "status-fail": ("ej uppfyllt", "fail"),
    "status-warn": ("varning", "warn"),
    "status-on-track": ("i fas", "on track"),
    "status-behind": ("efter plan", "behind"),
    "status-not-started": ("ej påbörjad", "not started"),
    "status-excepted": ("undantag", "excepted"),
    "status-missing": ("underlag saknas", "missing data"),
    "waiver-applied": ("tillämpat", "applied"),
    "waiver-unused": ("inte använt", "unused"),
    "waiver-expired": ("upphört", "expired"),
    "waiver-not-decided": ("inte beslutat ännu", "not yet decided"),
    # headings and labels
    "report-period": ("Period: {start} – {end}", "Period: {start} – {end}"),
    "report-as-of": ("Läget den {date}", "Status as of {date}"),
    "report-overall": ("Samlad bedömning: {status}", "Overall: {status}"),
    "report-goal": ("Mål: {goal}", "Goal: {goal}"),
    "report-joint": ("{parties} gemensamt", "{parties} jointly"),
    "report-and": ("och", "and"),
    "report-note": ("Tolkning: {note}", "Interpretation: {note}"),
    "report-left-out": ("räknas inte: {activity} – {reason}", "not counted: {activity} – {reason}"),
    "report-exception": (
        "undantag {bucket} ({state}): {reason}",
        "exception {bucket} ({state}): {reason}",
    ),
    "report-left": ("kvar: {left} till {due}", "left: {left} by {due}"),
    "report-quality": ("Datakvalitet", "Data quality"),
    "report-files": ("Loggfiler", "Log files"),
    "report-file-line": (
        "{path}: {rows} rader, {activities} aktiviteter, {errors} fel",
        "{path}: {rows} rows, {activities} activities, {errors} errors",
    ),
    "report-summary": (
        "{rules} {rules:p:regel:regler}: {passed} {passed:p:uppfylld:uppfyllda}, {failed} {failed:p:ej uppfylld:ej uppfyllda}, {behind} efter plan, {other} {other:p:övrig:övriga}",
        "{rules} {rules:p:rule:rules}: {passed} pass, {failed} fail, {behind} behind, {other} other",
    ),
    "bound-at_least": ("minst {n}", "at least {n}"),
    "bound-at_most": ("högst {n}", "at most {n}"),
    "bound-exactly": ("exakt {n}", "exactly {n}"),
    "measure-hours": ("timmar", "hours"),
    "measure-days": ("dagar", "days"),
    "measure-participants": ("deltagare", "participants"),
    "value-of": ("{value} av {required}", "{value} of {required}"),
    "value-vs": ("{value} ({required})", "{value} ({required})"),
    "no-value": ("–", "–"),
    # data quality (SPEC §3.1)
    "status-planned": (
        "{date} {type}: planerad, räknas inte",
        "{date} {type}: planned, not counted",
    ),
    "status-cancelled": (
        "{date} {type}: inställd, räknas inte",
        "{date} {type}: cancelled, not counted",
    ),
    "outside-period": (
        "{date} ligger utanför perioden {start} – {end}",
        "{date} is outside the period {start} – {end}",
    ),
    "same-as": (
        "samma aktivitet som {other}; räknas en gång",
        "the same activity as {other}; counted once",
    ),
    "unused": (
        "{date} {type}: ingen regel räknar den här aktiviteten",
        "{date} {type}: no rule looks at this activity",
    ),
    "after-as-of": (
        "{count} {count:p:aktivitet är daterad:aktiviteter är daterade} efter {as_of} och räknas inte",
        "{count} {count:p:activity is:activities are} dated after {as_of} and not counted",
    ),
    "probable-duplicate": (
        "troligen samma aktivitet som {other} (ange same_as); räknas två gånger",
        "probably the same activity as {other} (give same_as); counted twice",
    ),
    # past the first ones of a kind in one file, a report for people counts the rest
    "quality-more": (
        "… och {n} till av samma slag: {what}. JSON-rapporten (--format json) listar alla.",
        "… and {n} more of the same kind: {what}. The JSON report (--format json) lists them all.",
    ),
    "left-out-more": (
        "… och {n} till som inte räknas. JSON-rapporten (--format json) listar alla.",
        "… and {n} more not counted. The JSON report (--format json) lists them all.",
    ),
    "quality-what-unused": ("aktiviteter som ingen regel räknar", "activities no rule looks at"),
    "quality-what-outside-period": (
        "aktiviteter utanför löftets period",
        "activities outside the promise's period",
    ),
    "quality-what-status-planned": ("planerade aktiviteter", "planned activities"),
    "quality-what-status-cancelled": ("inställda aktiviteter", "cancelled activities"),
    "quality-what-same-as": (
        "aktiviteter som är samma som en annan (same_as)",
        "activities that are the same as another (same_as)",
    ),
    "quality-what-probable-duplicate": ("troliga dubbletter", "probable double entries"),
    "quality-what-other": ("anmärkningar", "notes"),
}
