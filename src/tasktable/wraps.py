"""Line breaks inside cells and where sentences end (SPEC §1): printed soft wraps are removed,
breaks before list items kept. Names in unit and owner cells are split by ``names.py``."""

from __future__ import annotations

from typing import Final

from .patterns import compiled, on_first_use
from .vocab.shapes import CLOSERS, LIST_MARKER, SENTENCE_ENDS

#: Start of a list item: 1. 2、 (一) （一） ① a) — a break before one is a real line break.
#: Not 二、三季度 "the second and third quarters" (a numeral after the 、), nor 1.5 (a digit after
#: the point).
_LIST_MARKER: Final = on_first_use(
    compiled, rf"{LIST_MARKER}|[一二三四五六七八九十]{{1,3}}、(?![一二三四五六七八九十0-9])"
)

#: Latin letters or digits on both sides of a wrap are separate words: join with a space.
_LATIN: Final = on_first_use(compiled, r"[A-Za-z]")


def unwrap(text: str) -> str:
    """Remove printed line wraps: 创新争\n先 -> 创新争先; keep breaks before list items."""
    if "\n" not in text:
        return text
    lines = [line.strip(" \t") for line in text.split("\n")]
    joined = lines[0]
    for line in lines[1:]:
        if not line:
            continue
        if joined and _LIST_MARKER.match(line):
            joined += "\n" + line
        elif joined and _LATIN.match(joined[-1]) and _LATIN.match(line[0]):
            joined += " " + line
        else:
            joined += line
    return joined.strip()


def sentence_tail(text: str) -> str:
    """``text`` without trailing spaces and closing quotes or brackets: where it ends."""
    return text.rstrip().rstrip(CLOSERS)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends in 。！？； (perhaps before closing quotes or brackets)."""
    end = sentence_tail(text)
    return bool(end) and end[-1] in SENTENCE_ENDS


def has_clauses(text: str) -> bool:
    """Whether ``text`` holds a mark between clauses (，,；;。): a sentence, not a label or a
    single phrase (全年, 新建学校2所)."""
    return _CLAUSE_MARK.search(text) is not None


#: A mark between clauses.
_CLAUSE_MARK: Final = compiled(r"[，,；;。]")
