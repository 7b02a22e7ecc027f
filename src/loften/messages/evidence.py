"""Messages: evidence rule kinds (``attested``, ``indicator``), attestations and
indicator data. Code -> (Swedish, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # attested: the rule
    "attested-by-with-per": (
        "by kan bara anges när regeln saknar per: ange när intygandet för hela perioden "
        "senast ska komma",
        "by can only be given when the rule has no per: it says when the attestation for "
        "the whole period is due",
    ),
    "attested-prorate": (
        "prorate gäller inte för attested",
        "prorate does not apply to attested",
    ),
    "attested-word-done": ("genomförd", "done"),
    "attested-word-partial": ("delvis genomförd", "partly done"),
    "attested-word-not-done": ("ej genomförd", "not done"),
    "attested-item": (
        "{status}, intygat av {by}: {evidence}",
        "{status}, attested by {by}: {evidence}",
    ),
    "attested-item-superseded": (
        "{status}, intygat av {by}: {evidence} (ersatt av ett senare intygande)",
        "{status}, attested by {by}: {evidence} (superseded by a later attestation)",
    ),
    "attested-latest": (
        "senaste intygandet {date}: {status}",
        "latest attestation {date}: {status}",
    ),
    "attested-none-yet": (
        "inget intygande ännu; det ska komma senast {due}",
        "no attestation yet; it is due by {due}",
    ),
    "attested-none": (
        "inget intygande kom in senast {due}",
        "no attestation came in by {due}",
    ),
    "attested-late": (
        "intygandet {date} kom efter {due} och räknas inte",
        "the attestation of {date} came after {due} and does not count",
    ),
    # attestations against the promise (located in the log)
    "attestation-unknown-commitment": (
        "åtagandet '{text}' finns inte i löftet{hint:hint}",
        "the promise has no commitment '{text}'{hint:hint}",
    ),
    "attestation-unknown-rule": (
        "åtagandet '{commitment}' har ingen regel '{rule}'{hint:hint}",
        "the commitment '{commitment}' has no rule '{rule}'{hint:hint}",
    ),
    "attestation-not-attested": (
        "regeln '{rule}' är av typen {kind} och kan inte intygas; bara regler av typen "
        "attested kan det",
        "the rule '{rule}' is of kind {kind} and cannot be attested; only attested rules can",
    ),
    "attestation-no-attested-rule": (
        "åtagandet '{commitment}' har ingen regel av typen attested att intyga",
        "the commitment '{commitment}' has no attested rule to attest",
    ),
    "attestation-unknown-bucket": (
        "'{rule}' har ingen period '{bucket}'; perioderna är: {known}",
        "'{rule}' has no bucket '{bucket}'; its buckets are: {known}",
    ),
    "attestation-outside": (
        "intygandet {date} ligger utanför perioderna för '{rule}'; ange med bucket vilken "
        "period det gäller",
        "the attestation of {date} falls outside the buckets of '{rule}'; say with bucket "
        "which one it is for",
    ),
    # indicator: the rule
    "indicator-target-one": (
        "målet ska vara increase, decrease, at_least eller at_most – ett av dem",
        "the target must be one of increase, decrease, at_least or at_most",
    ),
    "indicator-direction-invalid": (
        "'{text}' är inget mål; skriv increase (öka) eller decrease (minska)",
        "'{text}' is not a target; write increase or decrease",
    ),
    "indicator-by-before-baseline": (
        "by ({by}) ligger före baslinjeåret {year}",
        "by ({by}) comes before the baseline year {year}",
    ),
    "indicator-areas-mixed": (
        "'{metric}' har mätvärden för flera områden ({areas}); ange area i regeln",
        "'{metric}' has values for several areas ({areas}); give the rule an area",
    ),
    "indicator-units-mixed": (
        "'{metric}' har mätvärden i olika enheter ({units}) och kan inte jämföras",
        "'{metric}' has values in different units ({units}) that cannot be compared",
    ),
    "indicator-percent-not-unit": (
        "'{text}' anges i procent, men mätvärdena för '{metric}' har enheten {unit}",
        "'{text}' is given in per cent, but the values of '{metric}' have the unit {unit}",
    ),
    "indicator-amount": ("{value} {unit}", "{value} {unit}"),
    "indicator-amount-percent": ("{value} %", "{value}%"),
    "indicator-amount-plain": ("{value}", "{value}"),
    "indicator-target-increase": (
        "ökning från {baseline} ({year})",
        "an increase from {baseline} ({year})",
    ),
    "indicator-target-decrease": (
        "minskning från {baseline} ({year})",
        "a decrease from {baseline} ({year})",
    ),
    "indicator-target-at_least": ("minst {bound}", "at least {bound}"),
    "indicator-target-at_most": ("högst {bound}", "at most {bound}"),
    "indicator-latest": (
        "senaste värdet {value} ({label}); målet är {target}",
        "latest value {value} ({label}); the target is {target}",
    ),
    "indicator-missing": (
        "inget mätvärde för '{metric}' efter baslinjen ({year}) till och med {by}",
        "no value of '{metric}' after the baseline ({year}) up to {by}",
    ),
    "indicator-no-baseline": (
        "inget mätvärde för '{metric}' år {year} att använda som baslinje",
        "no value of '{metric}' in {year} to use as the baseline",
    ),
    "indicator-no-data": (
        "indikatordata saknar '{metric}'{hint:hint}",
        "the indicator data has no '{metric}'{hint:hint}",
    ),
    "indicator-no-area": (
        "'{metric}' saknar mätvärden för området '{area}'; områdena är: {known}",
        "'{metric}' has no values for the area '{area}'; its areas are: {known}",
    ),
    "indicator-after-by": (
        "{label}: mätt efter {by} och räknas inte",
        "{label}: measured after {by} and does not count",
    ),
    "indicator-point": ("{amount}", "{amount}"),
    "indicator-point-source": ("{amount}, {source}", "{amount}, {source}"),
    "indicator-point-n": ("{amount}, {n} svarande", "{amount}, {n} respondents"),
    "indicator-point-source-n": (
        "{amount}, {source}, {n} svarande",
        "{amount}, {source}, {n} respondents",
    ),
    "indicator-baseline": ("baslinje: {point}", "baseline: {point}"),
    "indicator-baseline-given": (
        "baslinje: {amount} enligt löftet",
        "baseline: {amount} as given in the promise",
    ),
    # indicator data files (SPEC §3.3)
    "indicator-path-missing": (
        "indikatorfilen '{path}' finns inte",
        "the indicator file '{path}' does not exist",
    ),
    "indicator-file-type": (
        "'{path}' kan inte läsas som indikatordata: loften läser .csv, .tsv, .txt, .yaml och .yml",
        "'{path}' cannot be read as indicator data: loften reads .csv, .tsv, .txt, .yaml and .yml",
    ),
    "indicator-file-empty": ("filen är tom", "the file is empty"),
    "indicator-not-a-list": (
        "indikatordata i YAML ska vara en lista med mätvärden",
        "indicator data in YAML must be a list of data points",
    ),
    "indicator-not-mapping": (
        "ett mätvärde ska ha mått, år eller datum och värde",
        "a data point must have a metric, a year or date, and a value",
    ),
    "indicator-not-scalar": (
        "'{name}' ska vara ett enda värde, inte en lista eller mappning",
        "'{name}' must be a single value, not a list or mapping",
    ),
    "indicator-field-unknown": (
        "'{name}' är inget fält i indikatordata{hint:hint}; fälten är: {known}",
        "'{name}' is not a field of indicator data{hint:hint}; the fields are: {known}",
    ),
    "indicator-field-twice": (
        "'{first}' och '{second}' anger båda {field_sv}",
        "'{first}' and '{second}' both give the {field}",
    ),
    "indicator-column-missing": (
        "kolumnen för {field_sv} saknas; rubrikerna är: {headers}",
        "there is no column for the {field}; the headers are: {headers}",
    ),
    "indicator-field-missing": ("{field_sv} saknas", "the {field} is missing"),
    "indicator-when-missing": ("år eller datum saknas", "the year or date is missing"),
    "indicator-year-date-disagree": (
        "året {year} stämmer inte med datumet {date}",
        "the year {year} does not match the date {date}",
    ),
    "indicator-percent-unit": (
        "'{text}' anges i procent, men enheten är {unit}",
        "'{text}' is given in per cent, but the unit is {unit}",
    ),
    "indicator-duplicate": (
        "'{metric}' {when} finns redan på {first}",
        "'{metric}' {when} is already given at {first}",
    ),
    "indicator-duplicate-area": (
        "'{metric}' för {area} {when} finns redan på {first}",
        "'{metric}' for {area} {when} is already given at {first}",
    ),
}
