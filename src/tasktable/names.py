"""Names in unit and owner cells (SPEC §1–2): units split on separators and on line breaks
between whole names, people kept apart, and who leads and who assists where a cell says so.
The tests of what a unit name and a person's name look like are here, once."""

from __future__ import annotations

from typing import Final

import regex

from .patterns import alternation, on_first_use
from .vocab.shapes import (
    DEPARTMENT_FINALS,
    DEPARTMENT_LIST,
    DEPARTMENT_NAME,
    LEAD_WORDS,
    LIST_SEPARATOR,
    PARTNER_WORDS,
    SURNAMES,
)
from .wraps import unwrap

#: Longest text tried as a list of unit names; longer cells are sentences.
LONGEST_UNIT_LIST: Final = 80


def is_unit_name(text: str) -> bool:
    """One unit's name: a short run of text ending in a unit suffix (县水务局, 各街道)."""
    return DEPARTMENT_NAME.match(text) is not None


def ends_like_unit(text: str) -> bool:
    """Whether a text ends as a unit's name can (局, 中心, 街道, a closing bracket)."""
    return text.rstrip()[-1:] in DEPARTMENT_FINALS


def is_unit_list(text: str) -> bool:
    """A cell of unit names and nothing else: 县水务局、县住建局 (at most LONGEST_UNIT_LIST)."""
    flat = text.strip()
    return (
        len(flat) - flat.count("\n") <= LONGEST_UNIT_LIST
        and flat.rstrip("、，,；; ")[-1:] in DEPARTMENT_FINALS
        and (
            DEPARTMENT_LIST.match(flat) is not None
            # a name wrapped in a narrow column: 县科技服务\n中心
            or ("\n" in flat and DEPARTMENT_LIST.match(flat.replace("\n", "")) is not None)
        )
    )


def is_person(text: str) -> bool:
    """One person's name: two to four Han characters starting with a common surname, maybe
    with a title in brackets (李华, 张三（副县长）)."""
    return _PERSON.match(text) is not None and text[0] in SURNAMES


def are_people(text: str) -> bool:
    """A cell of one to eight people's names: 卢伯瑛, 孙永峰 李先俊."""
    names = [name for name in LIST_SEPARATOR.split(text.strip()) if name]
    return 0 < len(names) <= 8 and all(is_person(name) for name in names)


#: A person's name: two to four Han characters, maybe a title in brackets (李华, 张三（副县长）).
_PERSON = regex.compile(r"^\p{Han}{2,4}(?:[（(][^）)]{1,12}[）)])?$")


def unwrap_people(text: str) -> str:
    """An owner cell: names on lines of their own stay apart (李华\n张强 -> 李华、张强);
    anything else is unwrapped like any text (分管副\n县长 -> 分管副县长)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and all(is_person(line) for line in lines):
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
        if lines and not (is_unit_name(_last_name(lines[-1])) and is_unit_name(_first_name(piece))):
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


_ROLE_WORDS = alternation(LEAD_WORDS + PARTNER_WORDS)
_ROLE_MARKS = PARTNER_WORDS + LEAD_WORDS
#: The two-character verbs among them (牵头, 配合): 各责任单位 "each responsible unit" ends in
#: a label word but is a name, so only a verb may end a list.
_ROLE_VERBS = alternation(w for w in LEAD_WORDS + PARTNER_WORDS if len(w) == 2)

#: A label before names: 牵头单位： / 配合： (the colon is required).
_LABEL = on_first_use(regex.compile, rf"(?P<label>{_ROLE_WORDS})\s*[：:]")
#: A note after a name: （牵头） / (配合).
_NOTE = on_first_use(regex.compile, rf"[（(]\s*(?P<label>{_ROLE_WORDS})\s*[）)]")
#: A verb after a list of names, ending its clause: 县财政局、县统计局配合.
_TRAILING_VERB = on_first_use(regex.compile, rf"(?P<label>{_ROLE_VERBS})$")
#: Where a department cell's clauses end: 牵头：A；配合：B / A牵头，B、C配合, and after a
#: verb that ends a list (县卫健委牵头、县医保局配合; 县应急局牵头<br>县消防大队配合).
_CLAUSE = on_first_use(
    regex.compile, rf"[；;。]|[，,](?=[^，,]*(?:{_ROLE_WORDS}))|(?<=(?:{_ROLE_VERBS}))[、，,\s]+"
)


def split_roles(text: str) -> tuple[list[str], list[str]]:
    """A department cell split into (leads, partners) where it marks who assists.

    牵头单位：县发改局；配合单位：县财政局 and 县发改局（牵头）、县财政局（配合） and
    县发改局牵头，县财政局、县统计局配合 all give (["县发改局"], ["县财政局"…]). Names without
    a mark are leads, as the column says. The marks themselves are not kept in the names.
    """
    if not any(map(text.__contains__, _ROLE_MARKS)):  # map: no Python frame per word
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
