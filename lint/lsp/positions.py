"""Code-point offsets (newslint's spans) to LSP positions, in the encoding the client agreed on.

LSP counts characters in UTF-16 code units unless client and server agree on UTF-8 or UTF-32,
and ends lines only at "\\r\\n", "\\n" and "\\r" (not at the other separators str.splitlines
knows). The line starts are found once per text, so placing every finding costs a binary search.
"""

from __future__ import annotations

import bisect
import re

_LINE_END = re.compile(r"\r\n|\n|\r")
_UNIT_BYTES = {"utf-8": 1, "utf-16": 2, "utf-32": 4}


class LineIndex:
    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding if encoding in _UNIT_BYTES else "utf-16"
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character), both 0-based, for a code-point offset into the text."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, self.units(self.text[self.starts[line] : offset])

    def units(self, chars: str) -> int:
        if self.encoding == "utf-32" or chars.isascii():
            return len(chars)
        if self.encoding == "utf-8":
            return len(chars.encode("utf-8", "surrogatepass"))
        return len(chars.encode("utf-16-le", "surrogatepass")) // 2

    def end(self) -> tuple[int, int]:
        return self.position(len(self.text))
