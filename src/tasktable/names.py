"""Names in unit and owner cells (SPEC §1–2): units split on separators and on line breaks
between whole names, people kept apart, and who leads and who assists where a cell says so.
The tests of what a unit name and a person's name look like are here, once."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Final

import regex

from .patterns import alternation, compiled, on_first_use
from .vocab.shapes import (
    DEPARTMENT_FINALS,
    DEPARTMENT_LIST,
    DEPARTMENT_NAME,
    DEPARTMENT_SUFFIXES,
    LEAD_WORDS,
    LEADER_TITLE_ENDINGS,
    LIST_SEPARATOR,
    NAME_CONTINUATIONS,
    NO_UNIT,
    PARTNER_WORDS,
    PLACE_FINALS,
    PLACE_HEAD,
    PLACE_SUFFIXES,
    SINGLING_LEAD_WORDS,
    SURNAMES,
    UNIT_PREFIXES,
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


def people_apart(text: str, *, titled: bool = False) -> tuple[str, list[str]]:
    """A unit cell's text without the people named at its end or its start, and those people:
    信息技术科 张磊 -> ("信息技术科", ["张磊"]); 张磊、李娟\n编研科 -> ("编研科", ["张磊",
    "李娟"]). ``(text, [])`` where it names none so.

    A person is a piece cut off by a space, a line break or a separator (、，；/) that is a
    person's name (is_person: a surname and one to three characters, maybe a title in
    brackets) and no unit's or place's: a piece ending as a unit or a place does (张家港市,
    王庄乡, 高新区, 林业局) is a unit. The unit beside the people must be a whole name (信息
    技术科; 县科技服务\n中心 wrapped), so a cell of people alone, or a piece in a text that
    is no list of units, is left as written. ``titled``: only a name with a title in brackets
    (李娜（主任）) is a person, as where nothing in the header speaks of people: a place or a
    site can read as a name (高铁新城, 李庄, 白马湖), a name with a title cannot."""
    if len(text) > LONGEST_UNIT_LIST or not _PERSON_CUT.search(text):
        return text, []
    spans = _cut_spans(text, _PERSON_CUT)
    if len(spans) < 2:
        return text, []
    trailing = 0
    while trailing < len(spans) - 1 and _person_piece(text, spans[-1 - trailing], titled):
        trailing += 1
    if trailing:
        rest = text[: spans[-1 - trailing][1]]
        people = spans[len(spans) - trailing :]
        beside = next(iter(split_names(rest)[-1:]), "")
    else:
        leading = 0
        while leading < len(spans) - 1 and _person_piece(text, spans[leading], titled):
            leading += 1
        if not leading:
            return text, []
        rest = text[spans[leading][0] :]
        people = spans[:leading]
        beside = next(iter(split_names(rest)[:1]), "")
    if not beside or not _whole(beside):
        return text, []
    return rest, [text[start:end] for start, end in people]


#: What cuts a unit cell into the pieces a person's name may be (people_apart): spaces, line
#: breaks and the separators of names, with / (信息技术科/张磊) as a header joins two roles.
_PERSON_CUT = compiled(r"[、，,；;/／\s]+")


def _person_piece(text: str, span: tuple[int, int], titled: bool = False) -> bool:
    """Whether a piece of a unit cell is a person's name (with a title in brackets, where
    ``titled``) and nothing a unit or place ends in."""
    piece = text[span[0] : span[1]]
    if not is_person(piece) or (titled and not piece.endswith(("）", ")"))):
        return False
    bare = _bare(piece)
    return not (
        bare.endswith(DEPARTMENT_SUFFIXES)
        or bare.endswith(PLACE_SUFFIXES)
        or bare[-1] in PLACE_FINALS
        or _whole(piece)
    )


def unwrap_people(text: str) -> str:
    """An owner cell: each leader apart, their lines otherwise unwrapped like any text.

    A line that ends in a person's name, before one that starts with a title or a name, ends
    one leader (李华\n张强 -> 李华、张强; 县长 周明\n常务副县长 陈志强 -> 县长 周明、常务副县长
    陈志强); any other break is a wrap (分管副\n县长 -> 分管副县长; 王建\n国 -> 王建国)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return unwrap(text)
    leaders = [[lines[0]]]
    for before, line in pairwise(lines):
        if _ends_in_person(before) and _starts_a_leader(line):
            leaders.append([line])
        else:
            leaders[-1].append(line)
    if len(leaders) == 1:
        return unwrap(text)
    return "、".join(unwrap("\n".join(leader)) for leader in leaders)


def _ends_in_person(line: str) -> bool:
    """Whether a line's last word is a person's name (副县长 陈志强, 李华)."""
    return is_person(_last_name(line))


def _starts_a_leader(line: str) -> bool:
    """Whether a line's first word is a person's name or a leader's title (副县长 刘红梅,
    张强, 县委常委、副县长 孙丽: vocab.shapes.LEADER_TITLE_ENDINGS)."""
    first = _first_name(line)
    return is_person(first) or first.endswith(LEADER_TITLE_ENDINGS)


def split_names(text: str) -> list[str]:
    """Split a department cell into names on 、，；, spaces and line breaks.

    A line break or a space separates two names only when both sides are whole names
    (县水务局\n县住建局, 县财政局 县教育局) and the second is no tail of the first (区住房和城乡
    \n建设局); otherwise it is a wrap inside one name (科技服务\n中心, 县发展改革 委, as docling
    joins a PDF's printed lines). A separator inside brackets cuts nothing
    (县委宣传部（县文明办、县网信办）). A cell that says there is no unit (/, 无, —) names none.
    """
    # Cached: a table repeats its department cells from row to row; a long text is no such
    # cell, and is not kept alive by the cache.
    cell = _split_cell if len(text) <= _CACHED_CELL else _split_cell.__wrapped__
    return list(cell(text))


#: The longest cell whose names are cached.
_CACHED_CELL: Final = 1000


@lru_cache(maxsize=4096)
def _split_cell(text: str) -> tuple[str, ...]:
    if is_no_unit(text):
        return ()
    masked = _masked(text)
    lines = [word for piece in masked.split("\n") for word in _words(piece)]
    if len(lines) > 1 and not _all_cut(lines):
        lines = _rejoined(lines)
    names = tuple(name for line in lines for name in _listed(line))
    return names if masked is text else tuple(_unmasked(name) for name in names)


#: Stand-ins, while a cell is split, for the opening brackets nothing in it closes (县发改局（牵头
#: 县财政局 县教育局, a typo): such a bracket holds no names together (_cut) and opens a note
#: after a name (_bare), so that the names after it stay apart, not swallowed into the first.
#: Private-use characters, never in a cell's text (a cell holding one keeps its brackets).
_UNCLOSED: Final = {"（": "\ue000", "(": "\ue001"}
_REOPENED: Final = {stand_in: bracket for bracket, stand_in in _UNCLOSED.items()}


def _masked(text: str) -> str:
    """``text`` with each opening bracket that nothing closes replaced by its stand-in
    (_UNCLOSED); ``text`` itself where it has none."""
    if ("（" not in text and "(" not in text) or any(map(text.__contains__, _REOPENED)):
        return text
    unclosed = _brackets(text)[1]
    if not unclosed:
        return text
    chars = list(text)
    for at in unclosed:
        chars[at] = _UNCLOSED[chars[at]]
    return "".join(chars)


def _unmasked(name: str) -> str:
    """A name with its brackets back (_masked)."""
    for stand_in, bracket in _REOPENED.items():
        name = name.replace(stand_in, bracket)
    return name


def _all_cut(lines: list[str]) -> bool:
    """Whether every break cuts: both sides whole names, and no tail after it."""
    heads = [_listed(line) for line in lines]
    return all(heads) and all(
        _whole(before[-1]) and _whole(after[0]) and not _is_tail(before[-1], after[0])
        for before, after in pairwise(heads)
    )


def is_no_unit(text: str) -> bool:
    """A unit cell saying there is none: /, 无, 暂无, — (vocab.shapes.NO_UNIT)."""
    return text.strip() in NO_UNIT


#: The spaces between a line's words, each a break to join or cut (县发展改革 委).
_SPACES = compiled(r"\s+")


def _words(line: str) -> list[str]:
    """A line cut at its spaces outside brackets."""
    return _cut(line, _SPACES)


def _listed(line: str) -> list[str]:
    """A line's names, cut at separators outside brackets."""
    return _cut(line, LIST_SEPARATOR)


def _cut(line: str, cuts: re.Pattern[str]) -> list[str]:
    """``line`` cut at each match of ``cuts`` outside brackets, without empty pieces.

    Only a bracket that a later one closes holds its text together (县委宣传部（县文明办、
    县网信办）); an unclosed （ (a typo, or a bracket cut off by the converter) cuts as if it
    were not there, rather than swallow the rest of the line's names into one."""
    if "（" not in line and "(" not in line:
        return [piece for piece in cuts.split(line) if piece]
    return [line[start:end] for start, end in _cut_spans(line, cuts)]


def _cut_spans(text: str, cuts: re.Pattern[str]) -> list[tuple[int, int]]:
    """The (start, end) of each piece of ``text`` between the matches of ``cuts`` outside
    brackets (as _cut cuts), without empty pieces."""
    enclosed = bytearray(len(text))  # 1 between a bracket and the one closing it
    for start, end in _brackets(text)[0]:
        enclosed[start + 1 : end] = b"\x01" * (end - start - 1)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts.finditer(text):
        if not enclosed[cut.start()]:
            spans.append((start, cut.start()))
            start = cut.end()
    spans.append((start, len(text)))
    return [(start, end) for start, end in spans if end > start]


def _brackets(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The brackets of ``text``: (the offsets of each opening one and the one closing it, the
    offsets of the opening ones nothing closes). A closing bracket with no opening one before
    it closes nothing."""
    pairs: list[tuple[int, int]] = []
    opened: list[int] = []
    for at, char in enumerate(text):
        if char in "（(":
            opened.append(at)
        elif char in "）)" and opened:
            pairs.append((opened.pop(), at))
    return pairs, opened


#: The most lines one wrapped name is printed on; a narrow column prints 县交通运输综合行政
#: 执法大队 on four or five.
_WRAPPED_LINES: Final = 6
#: Cells with more lines, or longer, are joined by the cheap pairwise rule.
_MOST_LINES: Final = 40


def _rejoined(lines: list[str]) -> list[str]:
    """The cell's lines joined into whole names: for each line break, join or cut.

    Chosen over all ways of cutting (each piece at most _WRAPPED_LINES lines), by, in order:
    fewest names that are not whole (县科技服务 | 中心 loses to 县科技服务中心); fewest cuts
    before a tail (_is_tail: 区住房和城乡 | 建设局 is a wrap, though 乡 ends a township's
    name; 县城市管理局 | 城关镇 is no tail, a town's name stands alone, and 城关镇 | 人民政府
    is one); then most cuts
    between whole names, a cut beside a broken name counting against (县水务局 | 县住建局
    are two names; 管委会 | 等 is one text).
    """
    if len(lines) > _MOST_LINES or sum(map(len, lines)) > LONGEST_UNIT_LIST * 4:
        return _pairwise(lines)
    count = len(lines)
    # Whether each line starts with a place's name (_stands_alone), once per line rather than
    # once per way of reaching it: no tail starts with a place's name, on its own line
    # (县财政局 | 城关镇 | 人民政府: 城关镇人民政府 is a name, though 城关镇 | 人民政府 joins).
    alone = [_stands_alone(next(iter(_listed(line)), "")) for line in lines]
    # best[(start, end)]: the best score of lines[:end] whose last piece is lines[start:end].
    best: dict[tuple[int, int], tuple[int, int, int]] = {}
    back: dict[tuple[int, int], int] = {}
    pieces: dict[tuple[int, int], tuple[int, str, str]] = {}
    for end in range(1, count + 1):
        for start in range(max(0, end - _WRAPPED_LINES), end):
            names = _listed("".join(lines[start:end])) or [""]  # 、 alone names nothing
            piece = (sum(not _whole(n) for n in names if n), names[0], names[-1])
            pieces[start, end] = piece
            if start == 0:
                best[start, end] = (piece[0], 0, 0)
                back[start, end] = -1
                continue
            for before in range(max(0, start - _WRAPPED_LINES), start):
                if (before, start) not in best:
                    continue
                bad, tails, cuts = best[before, start]
                left, right = pieces[before, start][2], piece[1]
                tail = _is_tail(left, right) and not alone[start]
                cut = 1 if _whole(left) and _whole(right) else -1
                score = (bad + piece[0], tails + tail, cuts - cut)
                if (start, end) not in best or score < best[start, end]:
                    best[start, end] = score
                    back[start, end] = before
    end, start = (
        count,
        min(
            (s for s in range(max(0, count - _WRAPPED_LINES), count) if (s, count) in best),
            key=lambda s: best[s, count],
        ),
    )
    joined: list[str] = []
    while start >= 0:
        joined.append("".join(lines[start:end]))
        end, start = start, back[start, end]
    return joined[::-1]


def _pairwise(lines: list[str]) -> list[str]:
    """Lines joined where either side of a break is not a whole name (long cells)."""
    joined: list[str] = []
    for line in lines:
        if joined and not (_whole(_last_name(joined[-1])) and _whole(_first_name(line))):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


@lru_cache(maxsize=8192)
def _whole(name: str) -> bool:
    """A whole unit name, a note in brackets after it or not (各镇（街道）, 县发改局（牵头）):
    an agency's (县水务局) or a place's (高新区, 李庄村)."""
    bare = _bare(name)
    return is_unit_name(bare) or _PLACE_NAME.match(bare) is not None


def _bare(name: str) -> str:
    """A name without the note in brackets after it: 县发改局（牵头） -> 县发改局, and so
    县发改局（牵头 where nothing in the cell closes the bracket (_masked)."""
    if name[-1:] in "）)":
        cut = max(name.rfind("（"), name.rfind("("))
        if cut > 0:
            return name[:cut]
    else:
        cut = max(name.rfind(stand_in) for stand_in in _REOPENED)
        if cut > 0:
            return name[:cut]
    return name


def _starts_like_unit(name: str) -> bool:
    return name.startswith(UNIT_PREFIXES)


def _stands_alone(name: str) -> bool:
    """A place's or a company's name, whole without a county prefix (城关镇, 东城街道, 高新区,
    城投公司): vocab.shapes.PLACE_SUFFIXES after a head of PLACE_HEAD characters or more,
    not the tail of a company's name (有限公司, 分公司)."""
    bare = _bare(name)
    return not bare.startswith(NAME_CONTINUATIONS) and _PLACE_NAME.match(bare) is not None


def _is_tail(left: str, right: str) -> bool:
    """Whether ``right``, after a break, is the rest of the name ``left`` starts: ``left``
    starts as a unit does (县, 区, 各) or is a place's name (高新区, 城关镇), and ``right``
    neither starts so nor stands alone as a place or company does (建设局, 交警大队, 管委会,
    人民政府 are tails; 城关镇, 城投公司 are names)."""
    return (
        (_starts_like_unit(left) or _stands_alone(left))
        and not _starts_like_unit(right)
        and not _stands_alone(right)
    )


#: A place's or a company's name (vocab.shapes.PLACE_SUFFIXES): 城关镇, 高新区, 城投公司.
_PLACE_NAME = on_first_use(
    regex.compile,
    rf"^[\p{{Han}}A-Za-z0-9·]{{{PLACE_HEAD},16}}(?:{alternation(PLACE_SUFFIXES)})$",
)


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
    a mark are leads, as the column says, unless the cell marks some name as the lead
    (县发改局（牵头）、县财政局): then the unmarked ones assist it. The marks themselves are not
    kept in the names.
    """
    if not any(map(text.__contains__, _ROLE_MARKS)):  # map: no Python frame per word
        return split_names(text), []
    named: list[tuple[str, str | None]] = []  # (name, the word that marks it, if any)
    for clause in _clauses(text):
        clause = clause.strip()
        mark = None
        labelled = _LABEL.match(clause)
        trailing = _TRAILING_VERB.search(clause)
        if labelled:  # 配合单位：县财政局、县统计局
            mark, clause = labelled.group("label"), clause[labelled.end() :]
        elif trailing:  # 县财政局、县统计局配合: the verb ends the clause's list
            mark, clause = trailing.group("label"), clause[: trailing.start()]
        for name in split_names(clause):
            name_mark = mark
            note = _NOTE.search(name)
            if note:  # 县发改局（牵头）
                name_mark = note.group("label")
                name = (name[: note.start()] + name[note.end() :]).strip()
            if name:
                named.append((name, name_mark))
    # A cell that singles out its lead (牵头) makes the names it leaves unmarked assist.
    singled = any(mark in SINGLING_LEAD_WORDS for _, mark in named)
    leads: list[str] = []
    partners: list[str] = []
    for name, mark in named:
        lead = mark in LEAD_WORDS if mark else not singled
        (leads if lead else partners).append(name)
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
