"""Line breaks inside cells: printed soft wraps to remove, list separators to keep (SPEC §1)."""

from __future__ import annotations

from typing import Final

import regex

from .vocab.shapes import DEPARTMENT_NAME, LIST_SEPARATOR

#: Start of a list item: 1. 2、 (一) （一） ① a) — a break before one is a real line break.
_LIST_MARKER: Final = regex.compile(
    r"(?:[0-9０-９]{1,2}[.．、)）]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[①-⑳]"
    r"|[一二三四五六七八九十]{1,3}、)"
)

#: Latin letters or digits on both sides of a wrap are separate words: join with a space.
_LATIN: Final = regex.compile(r"[A-Za-z]")


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


def split_names(text: str) -> list[str]:
    """Split a department cell into names on 、，；, spaces and line breaks.

    A line break separates two names only when both sides are whole names
    (县水务局\n县住建局); otherwise it is a wrap inside one name (科技服务\n中心).
    """
    lines: list[str] = []
    for piece in text.split("\n"):
        piece = piece.strip()
        if not piece:
            continue
        if lines and not (_is_name(_last_name(lines[-1])) and _is_name(_first_name(piece))):
            lines[-1] += piece
        else:
            lines.append(piece)
    return [name for line in lines for name in LIST_SEPARATOR.split(line) if name]


#: Longest tail of a line looked at for its last name; names are far shorter.
_NAME_WINDOW = 40


def _last_name(line: str) -> str:
    # Only the tail: re-splitting a whole growing line would make long cells quadratic.
    names = LIST_SEPARATOR.split(line[-_NAME_WINDOW:])
    return next((n for n in reversed(names) if n), "")


def _first_name(line: str) -> str:
    return next((n for n in LIST_SEPARATOR.split(line[:_NAME_WINDOW]) if n), "")


def _is_name(text: str) -> bool:
    return DEPARTMENT_NAME.match(text) is not None
