"""Bytes to text: UTF-8 (a few invalid bytes replaced, with a warning), a byte-order mark's encoding,
UTF-16 without one, or the legacy encoding charset-normalizer finds most plausible.

Imported only when a file is read: charset-normalizer is slow to import.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]  # fmt: skip
# Western single-byte encodings win ties: charset-normalizer scores cp1250 and cp1252 alike on
# English text with a few accents, and cp1250 then turns "naïve" into "naďve".
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


def decode(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """UTF-8, a BOM's encoding, UTF-16 without a BOM, or the most plausible legacy encoding, and a
    warning when bytes had to be replaced; ValueError if none fits. ``declared``: the charset a server
    gave, tried first (after a BOM)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError:
                raise ValueError(f"not valid {encoding} despite its byte-order mark") from None
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return data.decode(declared), []
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong charset: found from the bytes instead
    utf16 = _utf16(data)
    if utf16 is not None:
        return utf16, []
    if b"\x00" in data[:8192]:
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few stray bytes (a pasted cp1252 dash) is UTF-8: read as another charset, every
    # accent of it would be garbled ('Zürich' → 'ZĂĽrich'). Legacy text has no valid UTF-8 sequence.
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    if valid >= bad:
        return text, [f"{bad} invalid UTF-8 byte sequence(s) replaced with \ufffd"]
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ValueError("not text in any known encoding")
    for match in matches:
        if match.encoding in _PREFERRED and match.chaos <= best.chaos:
            return str(match), []
    return str(best), []


def _utf16(data: bytes) -> str | None:
    """The text of UTF-16 without a byte-order mark, or None. Its tell: the zero high bytes of ASCII
    characters (spaces, digits, Latin letters) all on one side of each pair."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if len(data) % 2 or pairs < 16:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= pairs // 10 and even <= odd // 20:
        encoding = "utf-16-le"
    elif even >= pairs // 10 and odd <= even // 20:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    # binary that happens to fit (16-bit numbers) decodes to control characters, not text
    return text if len(_CONTROLS.findall(text[:4096])) <= len(text[:4096]) // 100 else None
