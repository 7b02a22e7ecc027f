"""Messages: the national overview of many promises (issue 7). Code -> (Swedish, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "overview-title": ("Översikt: {count} löften", "Overview: {count} promises"),
    "overview-code": ("Kod", "Code"),
    "overview-municipality": ("Kommun", "Municipality"),
    "overview-promise": ("Löfte", "Promise"),
    "overview-status": ("Bedömning", "Verdict"),
    "overview-rules": ("Regler", "Rules"),
    "overview-kept": ("Uppfyllda", "Kept"),
    "overview-behind": ("Efter plan", "Behind"),
    "overview-failed": ("Ej uppfyllda", "Failed"),
    "overview-other": ("Övriga", "Other"),
    "overview-summary": (
        "{count} {count:p:löfte:löften}: {passed} {passed:p:uppfyllt:uppfyllda}, {failed} {failed:p:ej uppfyllt:ej uppfyllda}, {behind} efter plan, {other} {other:p:övrigt:övriga}",
        "{count} {count:p:promise:promises}: {passed} kept, {failed} failed, {behind} behind, {other} other",
    ),
    "overview-details-hint": (
        "Detaljer för varje löfte: loften check … --details",
        "Details of every promise: loften check … --details",
    ),
    "progress-checking": ("Kontrollerar löften", "Checking promises"),
}
