"""From bytes on disk to source text: encodings, binary files and size limits."""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class InputError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec to write the text back with
    bom: bool
    newline: str  # the file's dominant line ending
    # The file ends its lines with a lone CR (classic Mac): `text` has LF instead, one character
    # for one so every offset holds, and `encode` puts the CRs back.
    cr_lines: bool = False

    def encode(self, text: str) -> bytes:
        """Text (this one, fixed) as the file's bytes: its encoding, byte-order mark, CR lines."""
        if self.cr_lines:
            text = text.replace("\n", "\r")
        bom = "\ufeff".encode(self.encoding) if self.bom else b""
        return bom + text.encode(self.encoding)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, fallback_encodings: tuple[str, ...] = ()) -> Decoded:
    """Decode article bytes. UTF-8 first, a byte-order mark wins, then the fallbacks.

    Raises InputError for binary data or text that no allowed encoding can read.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"invalid {encoding} after its byte-order mark at byte {err.start}") from None
            return _decoded(text, encoding, True)
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not an article")
    try:
        text = data.decode("utf-8")
        return _decoded(text, "utf-8", False)
    except UnicodeDecodeError as err:
        first_error = err.start
    for encoding in fallback_encodings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return _decoded(text, encoding, False)
    tried = f" nor {', '.join(fallback_encodings)}" if fallback_encodings else ""
    hint = "" if fallback_encodings else "; list the encodings to try in the config's files.encodings"
    raise InputError(f"not valid UTF-8 (first bad byte at offset {first_error}){tried}{hint}")


def _decoded(text: str, encoding: str, bom: bool) -> Decoded:
    if "\r" in text and "\n" not in text:  # every line ends in a lone CR
        return Decoded(text.replace("\r", "\n"), encoding, bom, "\n", cr_lines=True)
    return Decoded(text, encoding, bom, _newline(text))


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / min(len(text), 65536) < 0.01


def _newline(text: str) -> str:
    crlf = text.count("\r\n", 0, 1 << 20)
    lf = text.count("\n", 0, 1 << 20) - crlf
    return "\r\n" if crlf > lf else "\n"
