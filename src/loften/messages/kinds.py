"""Messages: the kinds that list dated items or compare buckets — ``schedule``,
``coverage``, ``response`` and ``trend``. Code -> (Swedish, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # shared: the spec
    "prorate-kind": (
        "prorate kan inte användas med {kind}, bara med count, sum och cadence",
        "prorate cannot be used with {kind}, only with count, sum and cadence",
    ),
    # schedule: a planned date as shown
    "schedule-on": ("{date}", "{date}"),
    "schedule-on-time": ("{date} kl. {time}", "{date} at {time}"),
    "schedule-on-place": ("{date}, {place}", "{date}, {place}"),
    "schedule-on-time-place": ("{date} kl. {time}, {place}", "{date} at {time}, {place}"),
    # schedule: the report
    "schedule-held": ("genomförd som planerat: {planned}", "held as planned: {planned}"),
    "schedule-held-early": (
        "genomförd {day}, {n} {n:p:dag:dagar} före planerat ({planned})",
        "held on {day}, {n} {n:p:day:days} before the planned {planned}",
    ),
    "schedule-held-late": (
        "genomförd {day}, {n} {n:p:dag:dagar} efter planerat ({planned})",
        "held on {day}, {n} {n:p:day:days} after the planned {planned}",
    ),
    "schedule-unheld": ("ingen aktivitet {planned}", "no activity {planned}"),
    "schedule-unheld-tolerance": (
        "ingen aktivitet inom {tolerance} {tolerance:p:dag:dagar} från {planned}",
        "no activity within {tolerance} {tolerance:p:day:days} of {planned}",
    ),
    "schedule-pending-on": ("planerad {planned}", "planned {planned}"),
    "schedule-pending": (
        "planerad {planned}; kan genomföras till och med {last}",
        "planned {planned}; can be held until {last}",
    ),
    "schedule-summary": (
        "{held} av {total} planerade tillfällen genomförda",
        "{held} of {total} planned dates held",
    ),
    "schedule-not-near": (
        "{date} {type}: inget planerat tillfälle inom toleransen på den platsen",
        "{date} {type}: no planned date within the tolerance at that place",
    ),
    "schedule-spare": (
        "{date} {type}: tillfället hölls redan av en annan aktivitet",
        "{date} {type}: the planned date was already held by another activity",
    ),
    # coverage: the spec
    "coverage-item-twice": (
        "'{text}' står två gånger i items",
        "'{text}' is listed twice in items",
    ),
    # coverage: the report
    "coverage-covered": (
        "{count} {count:p:aktivitet:aktiviteter}, första {day}",
        "{count} {count:p:activity:activities}, first on {day}",
    ),
    "coverage-none": ("ingen aktivitet", "no activity"),
    "coverage-none-yet": ("ingen aktivitet ännu", "no activity yet"),
    "coverage-summary": (
        "{covered} av {total} täckta",
        "{covered} of {total} covered",
    ),
    "coverage-other": (
        "{date} {type}: {field} är inget av de listade värdena",
        "{date} {type}: {field} is none of the listed values",
    ),
    # response: the report
    "response-none": (
        "inga förfrågningar har kommit in, så det finns inget att besvara",
        "no requests so far, so there is nothing to answer",
    ),
    "response-summary": (
        "{answered} av {total} {total:p:förfrågan:förfrågningar} besvarade inom "
        "{within} {within:p:dag:dagar}",
        "{answered} of {total} {total:p:request:requests} answered within "
        "{within} {within:p:day:days}",
    ),
    "response-answered": (
        "besvarad {day} genom {type}, efter {days} {days:p:dag:dagar}",
        "answered on {day} by {type}, after {days} {days:p:day:days}",
    ),
    "response-answered-same-day": (
        "besvarad samma dag genom {type}",
        "answered the same day by {type}",
    ),
    "response-late": (
        "besvarad för sent: {day} genom {type}, efter {days} {days:p:dag:dagar}; "
        "svar krävdes senast {due}",
        "answered late: on {day} by {type}, after {days} {days:p:day:days}; "
        "a response was due by {due}",
    ),
    "response-unanswered": (
        "obesvarad; svar krävdes senast {due}",
        "unanswered; a response was due by {due}",
    ),
    "response-pending": ("väntar på svar senast {due}", "awaiting a response by {due}"),
    "response-unpaired": (
        "{date} {type}: besvarar ingen förfrågan",
        "{date} {type}: answers no request",
    ),
    "response-before-request": (
        "{date} {type}: anges besvara {request} men är daterad före förfrågan",
        "{date} {type}: says it answers {request} but is dated before the request",
    ),
    # trend
    "trend-first": (
        "första perioden redovisas bara: det finns inget utgångsvärde att jämföra med",
        "the first bucket is reported only: there is no baseline to compare with",
    ),
    "trend-previous": ("föregående period: {previous}", "previous bucket: {previous}"),
    "trend-baseline": (
        "utgångsvärde före perioden: {previous}",
        "baseline before the period: {previous}",
    ),
    "trend-rate": (
        "{base} på {prev_days} {prev_days:p:dag:dagar}, motsvarar {scaled} "
        "på periodens {days} {days:p:dag:dagar}",
        "{base} in {prev_days} {prev_days:p:day:days}, equal to {scaled} "
        "in this bucket's {days} {days:p:day:days}",
    ),
}
