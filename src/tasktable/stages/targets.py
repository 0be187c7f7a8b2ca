"""Numeric targets to numbers with comparators and units (SPEC §6): ``find_targets``.

A target is a number and a measure word, with a comparator before (不少于50人) or after
(200场次以上) and, for a range, a second number (6-8家). Numbers in digits take a multiplier
(5.5万人 is 55,000 人); Chinese numerals are read one matched number at a time (numerals.py).
Nothing inside quotes or 《》 is a target, nor a fixed term such as 三长一家.

Each target then gets ``per`` (每周…3期: 3 期 per 周) and a best-effort ``subject``: the noun
after the number (培养50名大学生创客), else the phrase before it, after its verb
(举办学术交流活动200场次). A list after 各 (表彰A、B和C各30家、50人和10个) pairs each
number with its item when the counts agree.
"""

from __future__ import annotations

import bisect
import re
import sys
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from ..gaps import squeezed
from ..models import Comparator, Target, TextField
from ..numerals import chinese_int
from ..patterns import alternation, compiled
from ..vocab.dates import RANGE_JOINER
from ..vocab.targets import (
    COMPARATORS_AFTER,
    COMPARATORS_BEFORE,
    COMPARISON_BASE,
    FIXED_TERMS,
    LEADING_FILLERS,
    MORE_THAN,
    MULTIPLIERS,
    NEGATED,
    NEGATIONS,
    NO_SUBJECT_AFTER,
    NOT_COMPARATORS,
    NOT_SUBJECT_STARTS,
    NOT_UNIT_WORDS,
    NOUNS_AFTER_VERB,
    PER_WORDS,
    QUOTE_PAIRS,
    RANK_BEFORE,
    SHARE_UNITS,
    SUBJECT_BOUNDARIES,
    TARGET_GAP,
    TRAILING_FILLERS,
    UNITS,
    VERBS,
)
from .dates import find_periods

# A number: 1,000 or 5.5 or ５０ in digits, or 二十 / 一百二十 / 两 in Chinese numerals
# (百 千 万 亿 alone, as in 百名教授, are no number here: they are mostly names and idioms).
# Thousands are separated by a comma; in full-width digits by a full-width one too (１，２００):
# a full-width comma after ASCII digits is a clause's (1，200册 is item 1 and 200 books).
_DIGITS = (
    r"(?:(?:[0-9]{1,3}(?:,[0-9]{3})+|[０-９]{1,3}(?:[,，][０-９]{3})+|[0-9０-９]+)"
    r"(?:[.．][0-9０-９]+)?)"
)
_CHINESE = r"(?:[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]{0,11})"
_MULTIPLIER = f"(?:{alternation(MULTIPLIERS)}){{0,2}}"  # 万, 千万, 万亿
# The character before a number: not a digit, letter, comma, point, ordinal 第, + (第3批,
# “4+1”), nor 数 / 几 "several" (数十家 is no count of ten).
_NOT_AFTER = r"(?<![0-9０-９.．,A-Za-z第+＋零〇一二两三四五六七八九十百千万亿点数几])"
# Two Chinese digits side by side are a rough range: 七八个 "seven or eight", 三五支.
_DIGIT_PAIR = compiled(r"[一二两三四五六七八九]{2}")
# An ordinal list before a number: 第一、二批 and 第3、4批 are ordinals too.
_ORDINAL_LIST = compiled(
    r"第[0-9０-９零〇一二两三四五六七八九十百]+(?:[、，,][0-9０-９零〇一二两三四五六七八九十]+)*[、，,]$"
)
# A space or two that converters leave between CJK text and digits: 不少于 50 人.
_GAP = r"[ \u3000]?"

#: A target's number and what follows it: (joiner number)? 余/多? unit /per? comparator?
#: A comparator before the number is read by _COMPARATOR_BEFORE: scanning for numbers alone,
#: which the lookahead lets re do quickly, costs half of trying a comparator at each 不 or 大.
_TARGET = compiled(
    r"(?=[0-9０-９一二两三四五六七八九十])"
    # 余 / 多 may stand before the multiplier as well as after it: 1000余万元, 1.2亿余元.
    rf"{_NOT_AFTER}(?P<first>{_DIGITS}(?:(?P<more_inside>{alternation(MORE_THAN)})"
    rf"(?=[{''.join(MULTIPLIERS)}]))?{_MULTIPLIER}|{_CHINESE})"
    rf"(?:{RANGE_JOINER}(?P<last>{_DIGITS}{_MULTIPLIER}|{_CHINESE}))?"
    rf"(?P<more>{alternation(MORE_THAN)})?{_GAP}"
    rf"(?P<unit>{alternation(UNITS)})"
    rf"(?:/(?P<slash_per>{alternation(PER_WORDS)}))?"  # 4次/年
    rf"(?P<after>{alternation(COMPARATORS_AFTER)})?"
)
#: A share written in words: 百分之九十, 千分之三, 万分之五 (SHARE_UNITS), and a comparator
#: after it (万分之五以内).
_SHARE = compiled(
    rf"(?P<base>[{''.join(SHARE_UNITS)}])分之(?P<first>{_DIGITS}|{_CHINESE})"
    rf"(?P<after>{alternation(COMPARATORS_AFTER)})?"
)
#: A comparator right before a number (maybe with a space): 不少于, 达到 …
_COMPARATOR_BEFORE = compiled(rf"(?:{alternation(COMPARATORS_BEFORE)}){_GAP}$")
_COMPARATOR_REACH = max(map(len, COMPARATORS_BEFORE)) + 1

#: 每 and the word it distributes over: 每周, 每期.
_PER = compiled(rf"每(?P<per>{alternation(PER_WORDS)})")
#: A verb, for where a subject before the number starts.
_VERB = compiled(alternation(VERBS))
#: How far from its number a subject or a 每 is looked for, in characters: a subject is a
#: short noun phrase, and the bound keeps a long cell with many numbers linear.
SUBJECT_REACH = 40
#: The run of text after a number that can be its subject.
_AFTER_RUN = compiled(rf"[^{re.escape(SUBJECT_BOUNDARIES)}\s“”\"《》]{{1,{SUBJECT_REACH}}}")
#: Fillers around a subject: 全年, 力争, 其中 before it; 共, 稳定在 after it.
_LEADING_FILLERS = compiled(f"^(?:{alternation(LEADING_FILLERS)})+")
_TRAILING_FILLERS = compiled(f"(?:{alternation(TRAILING_FILLERS)})+$")
#: A rate at the end of a subject (城乡低保标准提高到每人每月860元): what it is per, not what.
_TRAILING_PER = compiled(rf"(?:每(?:{alternation(PER_WORDS)}))+$")
#: What a change is measured from (比2020年, 较上年): a subject ends before it.
_COMPARISON_BASE = compiled(COMPARISON_BASE)
#: A character of most date phrases (12月底前, 一季度, 年底, 上半年): only a subject window
#: holding one is read for periods (_undated). 全年 and 年内 are fillers, 每月 a rate, a year at
#: the start _LEADING_YEAR: they are cut without it.
_DATE_CHARACTER = compiled(r"[月季旬号底末初半]")
#: A year at the start of a subject (2024年城镇化率): when, not what; a year before a noun is
#: no period of its own (docs/dates.md), so it is cut here.
_LEADING_YEAR = compiled(r"^(?:19|20)[0-9０-９]{2}年度?")
#: Separators inside a distributive list: A、B和C / 30家、50人和10个.
_LIST_SEPARATOR = compiled(r"[、，,和及与]")
#: A mark that ends a clause (a list mark 、 included: 新品种、新技术60个).
_CLAUSE_END = compiled(rf"[{re.escape(SUBJECT_BOUNDARIES)}]")
#: A mark that ends a clause, but not a list inside it: 表彰A、B和C各30家.
_LIST_CLAUSE_END = compiled(rf"[{re.escape(SUBJECT_BOUNDARIES.replace('、', ''))}]")

#: A quoted name (“…”, 《…》…) or a fixed term (三长一家): what no target starts in.
_MASKED = compiled(
    "|".join(
        # The contents exclude the opening mark too, so that a run of unclosed openers is
        # read once, not once from each opener.
        [f"{re.escape(a)}[^{re.escape(a + b)}]*{re.escape(b)}" for a, b in QUOTE_PAIRS]
        + [alternation(FIXED_TERMS)]
    )
)

_UNIT_ALIASES = {"％": "%"}
#: The range word between two amounts of a range written with both units (180亿元至200亿元).
_JOINER_ONLY = compiled(rf"{_GAP}{RANGE_JOINER}{_GAP}")


#: Spaces between a number and its multiplier (100 亿斤): see the vocabulary.
_TARGET_GAP = compiled(TARGET_GAP)


class _Found(NamedTuple):
    start: int
    end: int
    number_start: int
    comparator: Comparator
    value: float | None  # the numbers as the Target holds them, multipliers applied
    low: float | None
    high: float | None
    unit: str
    per: str | None


def find_targets(text: str, *, field: TextField = "content") -> list[Target]:
    """Every numeric target in ``text``, in order, each with its exact ``span``.

    ``field`` is recorded on each target: the task field the text came from. Spaces a
    converter prints between a number and its multiplier (100 亿斤) are read as if they were
    not there (TARGET_GAP); each target's text and span are still those of ``text``.
    """
    reading, gaps = squeezed(text, _TARGET_GAP)
    found = _numbers(reading)
    if "分之" in reading:
        found = _with_shares(reading, found)
    if not found:
        return []
    if gaps is not None:
        found = [
            f._replace(
                start=gaps.start(f.start),
                end=gaps.end(f.end),
                number_start=gaps.start(f.number_start),
            )
            for f in found
        ]
    if len(found) > 1:
        found = _ranges(text, found)
    masked = _masked_spans(text)
    found = [f for f in found if not _inside(f, masked)]
    clauses = _Clauses(text)
    subjects = _distributive_subjects(text, found) if "各" in text else {}
    targets = []
    for i, f in enumerate(found):
        clause = clauses.start(f.start)  # read once, for the subject and for the rate
        # Every value is built to its field's type here: trusted, not validated again.
        target = Target.trusted(
            text=text[f.start : f.end],
            subject=subjects.get(i) or _subject(text, f, clause),
            comparator=f.comparator,
            value=f.value,
            low=f.low,
            high=f.high,
            unit=f.unit,
            per=f.per or _per(text, clause, f.start),
            field=field,
            span=(f.start, f.end),
        )
        targets.append(target)
    return targets


def _numbers(text: str) -> list[_Found]:
    found = []
    for match in _TARGET.finditer(text):
        unit = match.group("unit")
        if text.startswith(NOT_UNIT_WORDS, match.start("unit")):
            continue
        first, last = match.group("first"), match.group("last")
        more = match.group("more") or match.group("more_inside")
        if match.group("more_inside"):  # 1000余万: the number is 1000万
            first = first.replace(match.group("more_inside"), "")
        number_start = match.start()
        if _ORDINAL_LIST.search(text, max(0, number_start - 20), number_start):
            continue
        if unit == "名" and _rank(text, number_start):
            continue
        before, start = _before(text, number_start)
        comparator = _comparator(before, match.group("after"), more)
        negation = _negation(text, start) if before else None
        if negation:
            comparator, start = NEGATED.get(comparator, comparator), start - len(negation)
        if first in ("一", "二") and not (before or match.group("after") or last):
            continue  # 一批 an article; 二次, 二期 ordinals (a count says 两次)
        if not last and _DIGIT_PAIR.fullmatch(first):
            first, last = first[0], first[1]  # 七八个: seven or eight
        low, high = _bounds(first, last)
        if low is None or (last and (high is None or high <= low)):
            continue
        found.append(
            _Found(
                start=start,
                end=match.end(),
                number_start=number_start,
                comparator="range" if last else comparator,
                value=None if last else float(low),
                low=float(low) if last else None,
                high=None if high is None else float(high),
                unit=_UNIT_ALIASES.get(unit, unit),
                per=match.group("slash_per"),
            )
        )
    return found


def _before(text: str, number_start: int) -> tuple[str | None, int]:
    """The comparator written right before a number, and where the target starts."""
    written = _COMPARATOR_BEFORE.search(
        text, max(0, number_start - _COMPARATOR_REACH), number_start
    )
    # The comparator's first character may end a verb: 下达3项, 签约3家, 签约为3家.
    if written and not text.endswith(NOT_COMPARATORS, 0, written.start() + 1):
        return written.group().rstrip(" \u3000"), written.start()
    return None, number_start


def _rank(text: str, number_start: int) -> bool:
    """Whether 前N名 is a rank (保持全省前三名), not a count: see RANK_BEFORE."""
    return text.endswith("前", 0, number_start) and text.endswith(RANK_BEFORE, 0, number_start - 1)


def _with_shares(text: str, found: list[_Found]) -> list[_Found]:
    """``found`` and the shares written in words (万分之五以内), in order; a number inside a
    share is the share's."""
    shares = []
    for match in _SHARE.finditer(text):
        value = _number(match.group("first"))
        if value is None:
            continue
        before, start = _before(text, match.start())
        comparator = _comparator(before, match.group("after"), None)
        negation = _negation(text, start) if before else None
        if negation:
            comparator, start = NEGATED.get(comparator, comparator), start - len(negation)
        shares.append(
            _Found(
                start=start,
                end=match.end(),
                number_start=match.start(),
                comparator=comparator,
                value=float(value),
                low=None,
                high=None,
                unit=SHARE_UNITS[match.group("base")],
                per=None,
            )
        )
    if not shares:
        return found
    kept = [f for f in found if not any(s.start <= f.number_start < s.end for s in shares)]
    return sorted(kept + shares, key=lambda f: f.start)


def _ranges(text: str, found: list[_Found]) -> list[_Found]:
    """Two amounts of one unit joined by a range word are one range (SPEC §6: 6-8家), also
    where the unit is written after both: 180亿元至200亿元, 10人到20人, 5万～8万元."""
    merged: list[_Found] = []
    for f in found:
        if merged and _JOINER_ONLY.fullmatch(text, merged[-1].end, f.number_start):
            a = merged[-1]
            if (
                a.comparator == f.comparator == "="  # 10人到20人以上 is no range
                and a.value is not None
                and f.value is not None
                and (a.unit, a.per) == (f.unit, f.per)
                and a.value < f.value
            ):
                merged[-1] = a._replace(
                    end=f.end, comparator="range", value=None, low=a.value, high=f.value
                )
                continue
        merged.append(f)
    return merged


def _negation(text: str, start: int) -> str | None:
    """The negation right before a comparator: 不得 in 不得超过5个."""
    return next((word for word in NEGATIONS if text.endswith(word, 0, start)), None)


def _bounds(first: str, last: str | None) -> tuple[Decimal | None, Decimal | None]:
    """The numbers of a target; in a range, a multiplier written only after the second
    number holds for both: 3-5万元 is 30000-50000, 三至五万元 too."""
    if last is None:
        return _number(first), None
    shared = len(last) - len(last.rstrip("".join(MULTIPLIERS)))
    if shared and not first.endswith(tuple(MULTIPLIERS)):
        first += last[-shared:]
    return _number(first), _number(last)


def _comparator(before: str | None, after: str | None, more: str | None) -> Comparator:
    """Before wins over after (不少于50人以上 is >=), except 约…左右, which is about."""
    if before:
        return COMPARATORS_BEFORE[before]
    if after:
        return COMPARATORS_AFTER[after]
    return ">" if more else "="


def _number(text: str) -> Decimal | None:
    """5.5万 is 55000, ５０ is 50, 一百二十 is 120; None if cn2an cannot read it."""
    if text[0].isdigit():  # Arabic or full-width digits: Decimal reads both
        multiplier = 1
        while text[-1] in MULTIPLIERS:  # at most two: the pattern allows no more
            multiplier *= MULTIPLIERS[text[-1]]
            text = text[:-1]
        return Decimal(text.replace(",", "").replace("，", "").replace("．", ".")) * multiplier
    if _DIGIT_PAIR.search(text):  # 三五万: no numeral cn2an should read digit by digit
        return None
    try:
        return Decimal(chinese_int(text))
    except (ValueError, KeyError, InvalidOperation):
        return None


def _masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotes or 《》, and fixed terms: no target starts in them."""
    return [m.span() for m in _MASKED.finditer(text)]


def _inside(found: _Found, spans: list[tuple[int, int]]) -> bool:
    """Whether the number starts in one of ``spans`` (sorted and disjoint, as finditer gives)."""
    i = bisect.bisect_right(spans, (found.number_start, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= found.number_start < spans[i][1]


class _Clauses:
    """Where the clause holding a position starts (after the last clause mark before it),
    no further back than ``reach`` characters."""

    def __init__(
        self, text: str, ends: re.Pattern[str] = _CLAUSE_END, reach: int = SUBJECT_REACH
    ) -> None:
        self._starts = [m.end() for m in ends.finditer(text)]
        self._reach = reach

    def start(self, position: int) -> int:
        i = bisect.bisect_right(self._starts, position) - 1
        return max(self._starts[i] if i >= 0 else 0, position - self._reach)


def _per(text: str, clause: int, start: int) -> str | None:
    """The word after the last 每 in the target's clause: 每周发布科普微信3期 -> 周."""
    rates = list(_PER.finditer(text, clause, start))
    return rates[-1].group("per") if rates else None


def _subject(text: str, found: _Found, clause: int) -> str | None:
    """The noun after the number (50名大学生创客), else the phrase before it, after its verb."""
    if found.unit not in NO_SUBJECT_AFTER:
        after = _subject_after(text, found.end)
        if after:
            return after
    return _subject_before(text[clause : found.start])


def _subject_after(text: str, end: int) -> str | None:
    run = _AFTER_RUN.match(text, end)
    if run is None or run.group()[0] in NOT_SUBJECT_STARTS:
        return None
    words = run.group()
    # A verb with an object after it starts a new predicate: 1000名科技辅导员参加培训班.
    for verb in _VERB.finditer(words):
        if verb.start() > 0 and _leaves_object(words, verb.end()):
            return words[: verb.start()]
    return words


def _subject_before(window: str) -> str | None:
    window = _undated(window)
    base = _COMPARISON_BASE.search(window)
    if base:  # 单位GDP能耗比2020年下降: what is counted stands before what it is measured from
        window = window[: base.start()]
    # The text after the last verb with an object: 举办各类学术交流活动 -> 各类学术交流活动.
    for verb in reversed(list(_VERB.finditer(window))):
        if _leaves_object(window, verb.end()):
            window = window[verb.end() :]
            break
    rate = _PER.match(window)
    if rate:
        window = window[rate.end() :]
    window = _TRAILING_PER.sub("", window.strip(" \u3000"), count=1)
    window = _TRAILING_FILLERS.sub("", _LEADING_FILLERS.sub("", window, count=1), count=1)
    # A verb alone counts nothing: 全年培训5000人 has no subject, not 培训.
    if _VERB.fullmatch(window):
        return None
    return window or None


def _undated(window: str) -> str:
    """The window without its date phrases, which say when, not what: the text after the last
    one (12月底前完成 -> 完成), or before the first where nothing follows it (河长巡河每月 ->
    河长巡河); a year at its start is cut too (2024年城镇化率 -> 城镇化率)."""
    year = _LEADING_YEAR.match(window)
    if year:
        window = window[year.end() :]
    if not _DATE_CHARACTER.search(window):
        return window
    periods = find_periods(window)
    if not periods:
        return window
    after = window[periods[-1].span[1] :]
    return after if after.strip(" \u3000") else window[: periods[0].span[0]]


def _leaves_object(words: str, verb_end: int) -> bool:
    """A verb is one only with two characters or more after it: 服务 in 科普惠农服务站 is part
    of a noun, 服务站 "service station"; 举办 in 举办讲座 is a verb. Nor is it one where it
    starts a noun (NOUNS_AFTER_VERB): 服务 in 便民服务中心, 现代服务业."""
    if len(words) - verb_end < 2:
        return False
    nouns = NOUNS_AFTER_VERB.get(words[verb_end - 2 : verb_end])
    return not (nouns and words.startswith(nouns, verb_end))


def _distributive_subjects(text: str, found: list[_Found]) -> dict[int, str]:
    """Subjects for lists after 各: 表彰A、B和C各30家、50人和10个 pairs A-30家, B-50人…"""
    subjects: dict[int, str] = {}
    lists = _Clauses(text, _LIST_CLAUSE_END, reach=2 * SUBJECT_REACH)
    i = 0
    while i < len(found):
        each = found[i].start - 1  # where 各 "each" would stand
        if each < 0 or text[each] != "各":
            i += 1
            continue
        j = i
        while j + 1 < len(found) and _only_separators(text[found[j].end : found[j + 1].start]):
            j += 1
        window = text[lists.start(each) : each]
        # The verb comes before the list's first item: 表彰 in 表彰先进基层科协组织、先进个人…
        first_item_end = _LIST_SEPARATOR.search(window)
        head = window[: first_item_end.start()] if first_item_end else window
        item = _subject_before(head) or ""
        names = _LIST_SEPARATOR.split(item + window[len(head) :])
        if len(names) == j - i + 1 and all(names):
            subjects.update({i + k: name for k, name in enumerate(names)})
        i = j + 1
    return subjects


def _only_separators(between: str) -> bool:
    return bool(between) and all(_LIST_SEPARATOR.fullmatch(c) for c in between)
