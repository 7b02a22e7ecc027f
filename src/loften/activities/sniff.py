"""What a file really is, from its first bytes: so a wrong file gets one clear line.

A PNG named ``.yaml``, a workbook named ``.csv``, a CSV named ``.xlsx``, an old
``.xls`` or an OpenDocument sheet: each reader asks :func:`kind_of` before it parses,
and reports ``log-wrong-kind`` (or a kinder message when the fix is a rename).
"""

from __future__ import annotations

from typing import Literal

Kind = Literal[
    "xlsx",
    "xlsb",
    "ods",
    "ole",
    "zip",
    "docx",
    "png",
    "jpeg",
    "gif",
    "pdf",
    "gzip",
    "7z",
    "rar",
    "utf16",
    "binary",
]

#: Swedish and English names of each kind, for messages: kind -> (sv, en).
NAMES: dict[str, tuple[str, str]] = {
    "xlsx": ("en Excel-arbetsbok (.xlsx)", "an Excel workbook (.xlsx)"),
    "xlsb": ("en binär Excel-arbetsbok (.xlsb)", "a binary Excel workbook (.xlsb)"),
    "ods": ("ett OpenDocument-kalkylark (.ods)", "an OpenDocument spreadsheet (.ods)"),
    "ole": (
        "en äldre Office-fil (.xls eller .doc) eller en lösenordsskyddad arbetsbok",
        "an old Office file (.xls or .doc) or a password-protected workbook",
    ),
    "zip": ("ett ZIP-arkiv", "a ZIP archive"),
    "docx": ("ett Word- eller PowerPoint-dokument", "a Word or PowerPoint document"),
    "png": ("en PNG-bild", "a PNG image"),
    "jpeg": ("en JPEG-bild", "a JPEG image"),
    "gif": ("en GIF-bild", "a GIF image"),
    "pdf": ("ett PDF-dokument", "a PDF document"),
    "gzip": ("en gzip-komprimerad fil", "a gzip-compressed file"),
    "7z": ("ett 7-Zip-arkiv", "a 7-Zip archive"),
    "rar": ("ett RAR-arkiv", "a RAR archive"),
    "utf16": ("en UTF-16-textfil utan BOM", "a UTF-16 text file without a BOM"),
    "binary": ("en binärfil av okänt slag", "a binary file of an unknown kind"),
}

_MAGIC: tuple[tuple[bytes, Kind], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"%PDF-", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
)
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")


def kind_of(data: bytes) -> Kind | None:
    """The kind of a file that is not plain text, or ``None`` for text (or unknown)."""
    if data.startswith(_ZIP):
        return _zip_kind(data)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and _utf16_without_bom(data[:4096]):
        return "utf16"
    return None


def names(kind: str) -> dict[str, str]:
    """Message parameters naming ``kind`` in both languages: ``what`` and ``what_sv``."""
    sv, en = NAMES[kind]
    return {"what": en, "what_sv": sv}


def _zip_kind(data: bytes) -> Kind:
    # Member names stand in plain text in the local headers and the central directory.
    if b"xl/workbook.bin" in data:
        return "xlsb"
    if b"xl/workbook." in data:
        return "xlsx"
    if b"application/vnd.oasis.opendocument.spreadsheet" in data[:200]:
        return "ods"
    if b"word/document.xml" in data or b"ppt/presentation.xml" in data:
        return "docx"
    return "zip"


def _utf16_without_bom(head: bytes) -> bool:
    """Text in UTF-16 without a byte-order mark: a zero byte in every other place."""
    pairs = len(head) // 2
    if pairs < 4:
        return False
    even = sum(1 for i in range(0, pairs * 2, 2) if head[i] == 0)
    odd = sum(1 for i in range(1, pairs * 2, 2) if head[i] == 0)
    return max(even, odd) >= pairs * 0.9 and min(even, odd) <= pairs * 0.1
