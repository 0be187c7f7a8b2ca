"""Line breaks inside cells: printed soft wraps to remove, list separators to keep (SPEC §1)."""

from __future__ import annotations

from typing import Final

import regex

from .patterns import alternation
from .vocab.shapes import (
    CLOSERS,
    DEPARTMENT_NAME,
    LEAD_WORDS,
    LIST_SEPARATOR,
    PARTNER_WORDS,
    SENTENCE_ENDS,
    SURNAMES,
)

#: Start of a list item: 1. 2、 (一) （一） ① a) — a break before one is a real line break.
#: Not 二、三季度 "the second and third quarters" (a numeral after the 、), nor 1.5 (a digit after
#: the point).
_LIST_MARKER: Final = regex.compile(
    r"(?:[0-9０-９]{1,2}(?:[.．](?![0-9０-９])|[、)）])|[（(][一二三四五六七八九十0-9]{1,3}[）)]"
    r"|[①-⑳]|[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十0-9]))"
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


def sentence_tail(text: str) -> str:
    """``text`` without trailing spaces and closing quotes or brackets: where it ends."""
    return text.rstrip().rstrip(CLOSERS)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends in 。！？； (perhaps before closing quotes or brackets)."""
    end = sentence_tail(text)
    return bool(end) and end[-1] in SENTENCE_ENDS


#: A person's name on a line of its own: two to four Han characters, maybe a title in
#: brackets (李华, 张三（副县长）); its first character must be a common surname.
_PERSON = regex.compile(r"^\p{Han}{2,4}(?:[（(][^）)]{1,12}[）)])?$")


def unwrap_people(text: str) -> str:
    """An owner cell: names on lines of their own stay apart (李华\n张强 -> 李华、张强);
    anything else is unwrapped like any text (分管副\n县长 -> 分管副县长)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and all(_PERSON.match(line) and line[0] in SURNAMES for line in lines):
        return "、".join(lines)
    return unwrap(text)


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


_ROLE_WORDS = alternation(LEAD_WORDS + PARTNER_WORDS)
#: The two-character verbs among them (牵头, 配合): 各责任单位 "each responsible unit" ends in
#: a label word but is a name, so only a verb may end a list.
_ROLE_VERBS = alternation(w for w in LEAD_WORDS + PARTNER_WORDS if len(w) == 2)

#: A label before names: 牵头单位： / 配合： (the colon is required).
_LABEL = regex.compile(rf"(?P<label>{_ROLE_WORDS})\s*[：:]")
#: A note after a name: （牵头） / (配合).
_NOTE = regex.compile(rf"[（(]\s*(?P<label>{_ROLE_WORDS})\s*[）)]")
#: A verb after a list of names, ending its clause: 县财政局、县统计局配合.
_TRAILING_VERB = regex.compile(rf"(?P<label>{_ROLE_VERBS})$")
#: Where a department cell's clauses end: 牵头：A；配合：B / A牵头，B、C配合, and after a
#: verb that ends a list (县卫健委牵头、县医保局配合; 县应急局牵头<br>县消防大队配合).
_CLAUSE = regex.compile(
    rf"[；;。]|[，,](?=[^，,]*(?:{_ROLE_WORDS}))|(?<=(?:{_ROLE_VERBS}))[、，,\s]+"
)


def split_roles(text: str) -> tuple[list[str], list[str]]:
    """A department cell split into (leads, partners) where it marks who assists.

    牵头单位：县发改局；配合单位：县财政局 and 县发改局（牵头）、县财政局（配合） and
    县发改局牵头，县财政局、县统计局配合 all give (["县发改局"], ["县财政局"…]). Names without
    a mark are leads, as the column says. The marks themselves are not kept in the names.
    """
    if not any(word in text for word in PARTNER_WORDS + LEAD_WORDS):
        return split_names(text), []
    leads: list[str] = []
    partners: list[str] = []
    for clause in _clauses(text):
        clause = clause.strip()
        role = "lead"
        labelled = _LABEL.match(clause)
        trailing = _TRAILING_VERB.search(clause)
        if labelled:  # 配合单位：县财政局、县统计局
            role, clause = _role(labelled.group("label")), clause[labelled.end() :]
        elif trailing:  # 县财政局、县统计局配合: the verb ends the clause's list
            role, clause = _role(trailing.group("label")), clause[: trailing.start()]
        for name in split_names(clause):
            name_role = role
            note = _NOTE.search(name)
            if note:  # 县发改局（牵头）
                name_role = _role(note.group("label"))
                name = (name[: note.start()] + name[note.end() :]).strip()
            if name:
                (leads if name_role == "lead" else partners).append(name)
    return leads, partners


def _clauses(text: str) -> list[str]:
    """The cell cut at ；。 at a comma before a marked list, and before each label."""
    cuts = [cut.span() for cut in _CLAUSE.finditer(text)]
    cuts += [(m.start(), m.start()) for m in _LABEL.finditer(text) if m.start() > 0]
    clauses, start = [], 0
    for cut_start, cut_end in sorted(cuts):
        if cut_start >= start:
            clauses.append(text[start:cut_start])
            start = cut_end
    clauses.append(text[start:])
    return [c for c in clauses if c.strip()]


def _role(label: str) -> str:
    return "lead" if label in LEAD_WORDS else "partner"
