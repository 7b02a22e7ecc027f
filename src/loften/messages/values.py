"""Messages: values. Code -> (Swedish, English).

Reading YAML (``yaml-*``) and converting scalars to typed values (§5.1).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Reading YAML (loften.yamlnodes)
    "yaml-syntax": (
        "fel i YAML-syntaxen: {problem_sv}",
        "syntax error in the YAML: {problem}",
    ),
    "yaml-duplicate-key": (
        "nyckeln '{key}' förekommer två gånger i mappningen (första gången på rad {first_line})",
        "the key '{key}' appears twice in one mapping (first on line {first_line})",
    ),
    "yaml-complex-key": (
        "en nyckel måste vara en enkel text, inte en lista eller en mappning",
        "a key must be plain text, not a list or a mapping",
    ),
    "yaml-merge-key": (
        "sammanslagningsnyckeln '<<' stöds inte: skriv ut nycklarna i stället",
        "the merge key '<<' is not supported: write the keys out instead",
    ),
    "yaml-alias-bomb": (
        "alias i filen expanderar till fler än {limit} noder: filen avvisas",
        "aliases in the file expand to more than {limit} nodes: the file is refused",
    ),
    "yaml-too-deep": (
        "strukturen är nästlad i fler än {limit} nivåer: filen avvisas",
        "the structure is nested more than {limit} levels deep: the file is refused",
    ),
    "yaml-unknown-alias": (
        "aliaset '*{anchor}' hänvisar till ett ankare som inte har definierats före det",
        "the alias '*{anchor}' refers to an anchor that is not defined before it",
    ),
    "yaml-multiple-documents": (
        "filen innehåller mer än ett YAML-dokument: ta bort '---' eller dela upp filen",
        "the file holds more than one YAML document: remove the '---' or split the file",
    ),
    "yaml-not-utf8": (
        "filen är inte kodad i UTF-8 (ogiltig byte på position {offset}): spara den som UTF-8",
        "the file is not UTF-8 encoded (invalid byte at offset {offset}): save it as UTF-8",
    ),
    "yaml-binary": (
        "filen är ingen textfil utan innehåller binära data (en bild, ett arkiv eller "
        "liknande): kontrollera att det är rätt fil",
        "the file is not a text file but holds binary data (an image, an archive or the "
        "like): check that it is the right file",
    ),
    "yaml-not-a-list": (
        "filen innehåller ingen lista med aktiviteter: skriv en lista, "
        "eller en mappning med nyckeln 'activities' (eller 'aktiviteter')",
        "the file holds no list of activities: write a list, "
        "or a mapping with the key 'activities' (or 'aktiviteter')",
    ),
    "yaml-entry-without-dash": (
        "filen är en enda mappning, inte en lista: börja varje aktivitet med '- '",
        "the file is a single mapping, not a list: start each activity with '- '",
    ),
    "yaml-top-level-key": (
        "okänd nyckel '{key}' på översta nivån: endast 'activities' (eller 'aktiviteter') "
        "är tillåten",
        "unknown top-level key '{key}': only 'activities' (or 'aktiviteter') is allowed",
    ),
    # Scalar values (loften.values)
    "bool-invalid": (
        "ogiltigt sanningsvärde '{text}': skriv ja eller nej (eller true/false)",
        "invalid yes/no value '{text}': write yes or no (or true/false)",
    ),
    "int-invalid": (
        "ogiltigt heltal '{text}': skriv bara siffror, till exempel 12",
        "invalid whole number '{text}': write digits only, for example 12",
    ),
    "number-invalid": (
        "ogiltigt tal '{text}': skriv till exempel 2,5 eller 10, utan tusentalsavgränsare",
        "invalid number '{text}': write for example 2.5 or 10, without thousands separators",
    ),
    "value-out-of-range": (
        "talet '{text}' är orimligt stort",
        "the number '{text}' is implausibly large",
    ),
    "value-below-minimum": (
        "värdet '{text}' är för litet: det ska vara minst {minimum}",
        "the value '{text}' is too small: it must be at least {minimum}",
    ),
    "value-above-maximum": (
        "värdet '{text}' är för stort: det får vara högst {maximum}",
        "the value '{text}' is too large: it must be at most {maximum}",
    ),
    "hours-invalid": (
        "ogiltigt antal timmar '{text}': skriv till exempel 2,5 eller 1:30",
        "invalid number of hours '{text}': write for example 2.5 or 1:30",
    ),
    "date-format": (
        "ogiltigt datum '{text}': skriv ÅÅÅÅ-MM-DD, till exempel 2020-03-14",
        "invalid date '{text}': write YYYY-MM-DD, for example 2020-03-14",
    ),
    "date-out-of-range": (
        "datumet '{text}' ligger utanför åren 1900–2199",
        "the date '{text}' lies outside the years 1900–2199",
    ),
    "date-impossible": (
        "datumet {text} finns inte i kalendern",
        "the date {text} does not exist",
    ),
    "datetime-format": (
        "ogiltig tidpunkt '{text}': skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DD TT:MM, "
        "till exempel 2020-03-14 eller 2020-03-14 18:00",
        "invalid date or date-time '{text}': write YYYY-MM-DD or YYYY-MM-DDTHH:MM, "
        "for example 2020-03-14 or 2020-03-14T18:00",
    ),
    "datetime-offset": (
        "tidpunkten '{text}' anger en tidszon: skriv svensk lokal tid utan Z eller +01:00",
        "the date-time '{text}' has a time zone: write Swedish local time without Z or +01:00",
    ),
    "time-format": (
        "ogiltigt klockslag '{text}': skriv TT:MM, till exempel 19:00",
        "invalid time '{text}': write HH:MM, for example 19:00",
    ),
    "time-invalid": (
        "klockslaget '{text}' finns inte: timmar 0–23, minuter och sekunder 0–59",
        "the time '{text}' does not exist: hours 0–23, minutes and seconds 0–59",
    ),
    "duration-invalid": (
        "ogiltig tidslängd '{text}': skriv till exempel 3 dagar eller 2 veckor",
        "invalid duration '{text}': write for example 3 days or 2 weeks",
    ),
    "share-invalid": (
        "ogiltig andel '{text}': skriv till exempel 50% eller 0,5",
        "invalid share '{text}': write for example 50% or 0.5",
    ),
    "share-out-of-range": (
        "andelen '{text}' måste ligga mellan 0 och 100 %",
        "the share '{text}' must lie between 0 and 100%",
    ),
    "share-needs-percent": (
        "andelen '{text}' är större än 1: menar du {suggestion}?",
        "the share '{text}' is greater than 1: did you mean {suggestion}?",
    ),
    "status-invalid": (
        "okänd status '{text}': skriv genomförd, planerad eller inställd "
        "(done, planned, cancelled)",
        "unknown status '{text}': write done, planned or cancelled (genomförd, planerad, inställd)",
    ),
    "attestation-status-invalid": (
        "okänd status '{text}': skriv genomförd, delvis eller ej genomförd "
        "(done, partial, not-done)",
        "unknown status '{text}': write done, partial or not-done "
        "(genomförd, delvis, ej genomförd)",
    ),
}

#: libyaml's commonest problem texts, reworded for people: problem -> (Swedish, English).
#: ``tab`` is loften's own key, used when the offending character is a tab.
#: Other problems pass through in libyaml's English. These are message *parameters*,
#: never format strings, so braces need no escaping.
YAML_PROBLEMS: dict[str, tuple[str, str]] = {
    "tab": (
        "tabbtecken i indraget: använd mellanslag",
        "a tab in the indentation: use spaces",
    ),
    "found a tab character that violates indentation": (
        "tabbtecken i indraget: använd mellanslag",
        "a tab in the indentation: use spaces",
    ),
    "found a tab character where an indentation space is expected": (
        "tabbtecken i indraget: använd mellanslag",
        "a tab in the indentation: use spaces",
    ),
    "found character that cannot start any token": (
        "tecknet får inte inleda ett värde: sätt värdet inom citattecken",
        "this character cannot start a value: put the value in quotes",
    ),
    "mapping values are not allowed in this context": (
        "kolon på fel ställe: sätt värden som innehåller ': ' inom citattecken, "
        "eller rätta indraget",
        "a colon where none is allowed: quote values that contain ': ', or fix the indentation",
    ),
    "could not find expected ':'": (
        "kolon saknas efter nyckeln",
        "a ':' is missing after the key",
    ),
    "did not find expected key": (
        "raden passar inte in i mappningen ovanför: kontrollera indraget",
        "the line does not fit the mapping above: check the indentation",
    ),
    "did not find expected '-' indicator": (
        "raden passar inte in i listan ovanför: kontrollera indraget",
        "the line does not fit the list above: check the indentation",
    ),
    "block sequence entries are not allowed in this context": (
        "ett listelement ('- ') står där det inte får stå: kontrollera indraget",
        "a list entry ('- ') where none is allowed: check the indentation",
    ),
    "did not find expected node content": (
        "ett värde saknas här",
        "a value is missing here",
    ),
    "found unexpected end of stream": (
        "filen tar slut mitt i ett värde: saknas ett avslutande citattecken?",
        "the file ends in the middle of a value: is a closing quote missing?",
    ),
    "found unknown escape character": (
        "okänd kombination med omvänt snedstreck inom dubbla citattecken: "
        "använd enkla citattecken i stället",
        "unknown backslash escape inside double quotes: use single quotes instead",
    ),
    "found invalid Unicode character escape code": (
        "ogiltig Unicode-kod efter omvänt snedstreck",
        "invalid Unicode code after a backslash",
    ),
    "did not find expected ',' or ']'": (
        "listan inom [ ] saknar ',' eller ett avslutande ']'",
        "a list in [ ] lacks a ',' or its closing ']'",
    ),
    "did not find expected ',' or '}'": (
        "mappningen inom { } saknar ',' eller ett avslutande '}'",
        "a mapping in { } lacks a ',' or its closing '}'",
    ),
    "found undefined tag handle": (
        "okänd tagg: sätt värden som börjar med '!' inom citattecken",
        "unknown tag: quote values that start with '!'",
    ),
    "did not find expected alphabetic or numeric character": (
        "'&' och '*' ska följas av ett namn: sätt värdet inom citattecken "
        "om tecknet hör till texten",
        "'&' and '*' must be followed by a name: quote the value if the character "
        "belongs to the text",
    ),
    "found unknown directive name": (
        "okänt direktiv: sätt värden som börjar med '%' inom citattecken",
        "unknown directive: quote values that start with '%'",
    ),
    "did not find expected comment or line break": (
        "oväntat tecken efter värdet",
        "an unexpected character after the value",
    ),
    "did not find expected <document start>": (
        "oväntat innehåll efter dokumentets slut",
        "unexpected content after the end of the document",
    ),
    "control characters are not allowed": (
        "filen innehåller ett otillåtet kontrolltecken",
        "the file holds a control character that is not allowed",
    ),
}
