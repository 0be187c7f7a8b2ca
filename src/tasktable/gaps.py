"""Spaces a PDF converter prints inside a number phrase, read as if they were not there.

camelot and pymupdf4llm print a PDF's digits as pieces of their own, so a cell reads
``6 月底前``, ``2024 年 12 月`` or ``100 亿斤``. The date and target finders read such a text
with those spaces squeezed out (``squeezed``), and a ``Gaps`` maps each span found there back
to the text as written: a phrase's ``text`` and ``span`` stay a substring of its field, spaces
and all (SPEC §5, §6). Which spaces go is a pattern of each stage's vocabulary: only spaces
and tabs between a digit and the date or unit word after it, never a line break.
"""

from __future__ import annotations

import bisect
import re

#: Characters a squeezed gap is made of: a space, a tab, an ideographic space. A line break
#: is never squeezed: in a cell it ends a line of a list more often than it wraps a phrase.
GAP_CHARACTERS = " \t\u3000"


class Gaps:
    """Where spaces were squeezed out of a text, to map squeezed offsets back to it."""

    def __init__(self, at: list[int], shift: list[int]) -> None:
        # at[i]: the squeezed offset the i-th removed run stood before; shift[i]: the
        # characters removed up to and including that run.
        self._at, self._shift = at, shift

    def start(self, offset: int) -> int:
        """The text's offset of the character at squeezed ``offset`` (a span's start)."""
        i = bisect.bisect_right(self._at, offset)
        return offset + (self._shift[i - 1] if i else 0)

    def end(self, offset: int) -> int:
        """The text's offset after the character before squeezed ``offset`` (a span's end):
        spaces squeezed out right after a phrase are not part of it."""
        return self.start(offset - 1) + 1 if offset else 0


def squeezed(text: str, gaps: re.Pattern[str]) -> tuple[str, Gaps | None]:
    """``text`` without the runs of spaces ``gaps`` matches, and where they were; the text
    itself and None where it has none (the common case, checked cheaply first)."""
    if " " not in text and "\t" not in text and "\u3000" not in text:  # GAP_CHARACTERS
        return text, None
    pieces: list[str] = []
    at: list[int] = []
    shift: list[int] = []
    removed = kept = 0
    for match in gaps.finditer(text):
        start, end = match.span()
        pieces.append(text[kept:start])
        removed += end - start
        at.append(end - removed)
        shift.append(removed)
        kept = end
    if not at:
        return text, None
    pieces.append(text[kept:])
    return "".join(pieces), Gaps(at, shift)
