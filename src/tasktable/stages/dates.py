"""Chinese date phrases to periods with ISO dates (SPEC §5): ``find_periods``.

Finding and resolving are two steps. One compiled pattern finds each phrase (ranges before
single terms; a term's tail, the second term of a range and a deadline word, is read after
it); then the phrase is matched again against the first form that takes all of it,
and each end is resolved to dates. The result is cached per (phrase, year) as a Period at
offset 0 (built to the field types, not validated: ``_Model.trusted``), which each find
copies to its place: a schedule repeats the same few phrases (一季度, 二季度, 5月底前) over
and over.

Numbers are converted one matched number at a time (numerals.py for Chinese ones), never over
a whole cell: cn2an turns 三长一家 into 3长1家.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import NamedTuple

from pydantic import BaseModel

from ..gaps import Gaps, squeezed
from ..models import Period, PeriodKind
from ..numerals import chinese_int
from ..patterns import alternation, compiled, on_first_use
from ..vocab.dates import (
    ANNUAL_NOUNS,
    CLAUSE_BOUNDARY,
    DATE_GAP,
    DAY_DIGITS,
    DAY_NUMBER,
    DAY_TWO_DIGITS,
    DAY_WORD,
    DEADLINE,
    DIGIT_YEAR,
    EVENTS,
    FROM_WORD,
    MARKER_BEFORE_DATE,
    MONTH_DIGITS,
    MONTH_NUMBER,
    MONTH_PARTS,
    MONTH_WORD,
    NEXT_YEAR,
    NOT_DATE_AFTER_NUMBER,
    NOT_DATE_BEFORE_NUMBER,
    NOT_DAY_AFTER,
    NOT_DAY_BEFORE,
    NOT_MIDDLE,
    NOT_NEXT_YEAR_AFTER,
    ONGOING,
    ONGOING_ALONE,
    PHRASE_STARTS,
    QUARTER_END,
    QUARTER_LIST_SEPARATOR,
    QUARTER_NUMBER,
    RANGE_JOINER,
    RECURRING,
    TITLE_BRACKETS,
    YEAR,
    YEAR_DIGITS,
    YEAR_PARTS,
)


def _shared_start(words: Iterable[str], tails: Mapping[str, str] | None = None) -> str:
    """An alternation of ``words`` with each first character written once (每(?:周|月…)), so
    that re compares the first character once rather than once per word; ``tails`` adds a
    pattern after a word (a lookbehind, a lookahead). Longer words are tried first."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        tail = (tails or {}).get(word, "")
        by_first.setdefault(word[0], []).append(re.escape(word[1:]) + tail)
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())


# A year named in the phrase: 2019年, 二〇〇六年, or the year after the plan year (次年, 明年…).
# Each word is written first and the character before it checked after (a lookbehind over
# the word), so that re skips the alternative at once wherever the word's first character is
# not: a leading lookaround would be run at every position a phrase may start at. The words
# share one lookbehind per length: re compiles every copy of a character class anew, and
# copies of the long ones were most of the compile time of the patterns (paid at each start
# of the command line). No two words match at one position, so their order does not matter.
_NEXT_YEAR = "|".join(
    rf"(?:{alternation(w for w in NEXT_YEAR if len(w) == size)})"
    rf"(?<![{NOT_NEXT_YEAR_AFTER}]{'.' * size})"
    for size in sorted({len(w) for w in NEXT_YEAR}, reverse=True)
)
_ANY_YEAR = rf"(?:{YEAR}|{_NEXT_YEAR})"
# A number in digits that is not part of a longer number, code or amount (see the vocabulary).
_NOT_AFTER = rf"(?!{NOT_DATE_AFTER_NUMBER})"
# A day in a range written without 日 (1月3至2月10): not a number followed by a unit, a month…
_BARE_DAY_END = rf"(?![{NOT_DAY_AFTER}月年日号])" + _NOT_AFTER

# One term of a phrase, without groups (for finding) and with groups (for resolving).
# A month term: 2019年 5月份 12日 上旬; a quarter list: 第二、三季度; a quarter's end: 三季度末;
# a part of a year: 上半年.
_MONTH_PART = alternation(MONTH_PARTS).replace("中", "中" + NOT_MIDDLE)
# 年度 before a noun it modifies (年度征兵任务) is an adjective, no period: see ANNUAL_NOUNS.
_NOT_ANNUAL = rf"(?!{alternation(ANNUAL_NOUNS)})"
_YEAR_PART = (
    alternation(YEAR_PARTS)
    .replace("年中", "年中" + NOT_MIDDLE)
    .replace("年度", "年度" + _NOT_ANNUAL)
)
# After a year's own 年 (2024年内, 2024年度): 初, 底, 末, 内, 度 and 中, as in YEAR_PARTS.
_AFTER_YEAR = rf"[初底末内]|度{_NOT_ANNUAL}|中{NOT_MIDDLE}"
_TERM_GROUPED = (
    rf"(?P<year>{_ANY_YEAR})?(?:"
    rf"(?P<month>{MONTH_NUMBER}){MONTH_WORD}(?:(?P<day>{DAY_NUMBER}){DAY_WORD})?"
    rf"(?P<month_part>{_MONTH_PART})?"
    rf"|(?P<quarter_end>第?(?P<quarter_end_number>{QUARTER_NUMBER})?季度{QUARTER_END})"
    rf"|第?(?P<quarters>{QUARTER_NUMBER}(?:{RANGE_JOINER}{QUARTER_NUMBER}"
    rf"|(?:{QUARTER_LIST_SEPARATOR}{QUARTER_NUMBER}){{0,3}}))季度"
    rf"|(?P<first_quarter>首季度)"
    rf"|(?P<year_part>{_YEAR_PART})"
    rf"|(?<=年)(?P<after_year>{_AFTER_YEAR}))"  # 2024年内: the year's own 年
)
_TERM = re.sub(r"\(\?P<\w+>", "(?:", _TERM_GROUPED)
_TERM_RE = compiled(_TERM_GROUPED)

#: Phrase forms, each fully matched by one of these, with the parts the resolver needs. The
#: phrase's form is the first that takes all of it. The word forms come first: no phrase of
#: theirs is of another form (test_dates checks), and a word phrase is then told without
#: compiling the numeric forms it would be tried against.
_FORMS = {
    "recurring": rf"(?P<first>{alternation(RECURRING)})",
    "ongoing": rf"(?P<first>{alternation((*ONGOING, *ONGOING_ALONE))})",
    "event": rf"(?P<first>{alternation(EVENTS)})(?P<deadline>{DEADLINE})?",
    # 5-10月, 6-7月份, 2019年1-五月: two month numbers sharing one 月.
    "month_range": rf"(?P<year>{_ANY_YEAR})?(?P<first>{MONTH_NUMBER}){RANGE_JOINER}"
    rf"(?P<last>{MONTH_NUMBER}){MONTH_WORD}(?P<deadline>{DEADLINE})?",
    # 2019年4月12-19日: two day numbers in one month.
    "day_range": rf"(?P<year>{_ANY_YEAR})?(?P<month>{MONTH_NUMBER}){MONTH_WORD}"
    rf"(?P<first>{DAY_NUMBER}){RANGE_JOINER}(?P<last>{DAY_NUMBER}){DAY_WORD}"
    rf"(?P<deadline>{DEADLINE})?",
    # 2016—2020年: a span of years.
    "year_range": r"(?P<first>(?:19|20)[0-9]{2})年?"
    + RANGE_JOINER
    + r"(?P<last>(?:19|20)[0-9]{2})年",
    # 5月底前, 二、三、四季度, 全年: one term; 5月上旬-6月下旬, 2015年1月至12月: two terms.
    "term": rf"(?P<first>{_TERM})(?:{RANGE_JOINER}(?P<last>{_TERM}))?(?P<deadline>{DEADLINE})?",
    # 1月3至2月10, 12月9号到15号: days without 日, or a second day without its month.
    "days": rf"(?P<first>(?P<year>{_ANY_YEAR})?(?P<month>{MONTH_NUMBER}){MONTH_WORD}"
    rf"(?P<day>{DAY_NUMBER}){DAY_WORD}?){RANGE_JOINER}"
    rf"(?P<last>(?:(?P<last_month>{MONTH_NUMBER}){MONTH_WORD})?(?P<last_day>{DAY_NUMBER})"
    rf"{DAY_WORD}?)"
    rf"(?P<deadline>{DEADLINE})?",
    # 2024.3-2024.12, 2023.1至2024.12, 2024.3-12, 2024.3.1-2024.6.30: two dotted months
    # (or days) joined by a range word, the second in the first's year unless it names its own.
    "digits_range": rf"(?P<first>(?P<year>{DIGIT_YEAR})[.．](?P<month>{MONTH_DIGITS})"
    rf"(?:[.．](?P<day>{DAY_DIGITS}))?){RANGE_JOINER}"
    rf"(?P<last>(?:(?P<last_year>{DIGIT_YEAR})[.．])?(?P<last_month>{MONTH_DIGITS})"
    rf"(?:[.．](?P<last_day>{DAY_DIGITS}))?)(?P<deadline>{DEADLINE})?",
    # 2021.8, 2021-08, 2023-06-30, 2023.6.30, 2023/6/30.
    "digits": rf"(?P<year>{DIGIT_YEAR})[.．\-－/／](?P<month>{MONTH_DIGITS})"
    rf"(?:[.．\-－/／](?P<day>{DAY_DIGITS}))?(?P<deadline>{DEADLINE})?",
    # 6.30, 6.30前, 7.1日: a month and day with a dot.
    "dotted": rf"(?P<month>{MONTH_DIGITS})[.．](?P<day>{DAY_DIGITS}){DAY_WORD}?"
    rf"(?P<deadline>{DEADLINE})?",
    # 9号, 九号前: a day whose month comes from the phrase before it.
    "day_alone": rf"(?P<day>{DAY_NUMBER})号(?P<deadline>{DEADLINE})?",
    # 2023年, 明年, 2023年前: a year alone.
    "year": rf"(?P<year>{_ANY_YEAR})(?P<deadline>{DEADLINE})?",
}


@cache
def _form_re(form: str) -> re.Pattern[str]:
    """A form's pattern, compiled when a phrase is first tried against it: a document's
    phrases are mostly of a few forms, and compiling the rest would lengthen each start of the
    command line."""
    return compiled(_FORMS[form])


#: Any date phrase. The same forms as _FORMS, factored on what they share (an optional year,
#: then a month number) so that re reads the year and the month once per position rather than
#: once per form; this halves the scan. A number must not continue one before it (12019年),
#: and the leading lookahead lets re leave at once where no phrase can start.
_STARTS = "".join(
    sorted(
        set(PHRASE_STARTS) | {name[0] for name in (*EVENTS, *NEXT_YEAR, *ONGOING, *ONGOING_ALONE)}
    )
)
_OPTIONAL_DEADLINE = rf"(?:{DEADLINE})?"


#: The alternatives of _PHRASE by name, in the order re tries them at each position.
_FINDERS = {
    # A year in digits, then the rest of a year range (2016—2020年) or the month and day of a
    # date in digits (2021.8, 2023-06-30, 2023/6/30, each with one kind of separator): forms
    # year_range and digits. The year is read loosely here (one character class a digit, so
    # that re skips the alternative with one comparison elsewhere) and exactly by the form.
    "year_digits": rf"[12１２][09０９][0-9０-９]{{2}}(?:年?{RANGE_JOINER}(?:19|20)[0-9]{{2}}年"
    # form digits_range (2024.3-2024.12, 2024.3-12), before the single dotted month it starts
    rf"|[.．]{MONTH_DIGITS}(?:[.．]{DAY_DIGITS})?{RANGE_JOINER}"
    rf"(?:(?:19|20|１９|２０)[0-9０-９]{{2}}[.．])?{MONTH_DIGITS}(?:[.．]{DAY_DIGITS})?"
    rf"{_NOT_AFTER}{_OPTIONAL_DEADLINE}"
    rf"|(?:[.．]{MONTH_DIGITS}(?:[.．]{DAY_DIGITS})?|[-－]{MONTH_DIGITS}(?:[-－]{DAY_DIGITS})?"
    rf"|[/／]{MONTH_DIGITS}(?:[/／]{DAY_DIGITS})?){_NOT_AFTER}{_OPTIONAL_DEADLINE})",
    # an optional year, then a month, a quarter or a part of the year: the forms month_range,
    # day_range, days, dotted, day_alone and term of _FORMS
    # The number is read as a day number (1-31), which holds every month number, so that 9号
    # (form day_alone) is read here too; a month number above 12 is no form.
    "term": rf"(?:{_ANY_YEAR})?(?:"
    rf"{DAY_NUMBER}(?:"
    rf"{RANGE_JOINER}{MONTH_NUMBER}{MONTH_WORD}{_OPTIONAL_DEADLINE}"  # month_range
    rf"|{MONTH_WORD}(?:"
    # day_range (4月12-19日) and days (1月3至2月10, 12月9号到15号), in one
    rf"{DAY_NUMBER}{DAY_WORD}?{RANGE_JOINER}(?:{MONTH_NUMBER}{MONTH_WORD})?{DAY_NUMBER}"
    rf"(?:{DAY_WORD}|{_BARE_DAY_END}){_OPTIONAL_DEADLINE}"
    rf"|(?:{DAY_NUMBER}{DAY_WORD})?(?:{_MONTH_PART})?(?P<month_tail>))"  # a month
    # form dotted, read here where the month number is read: 6.30, 6.30前; one digit after
    # the dot (3.2 is a 序号) only with 日, 号 or 前 after it. A Chinese month (六.30) is no
    # form, and so no date.
    rf"|[.．](?:{DAY_DIGITS}(?:{DAY_WORD}{_OPTIONAL_DEADLINE}|{DEADLINE})"
    rf"|{DAY_TWO_DIGITS}{_NOT_AFTER})"
    # form day_alone: 9号, 九号前 (its month comes from the phrase before it)
    rf"|号(?![{NOT_DAY_AFTER}]){_OPTIONAL_DEADLINE})"
    # The terms a second one may follow: one group, ended by the empty group tail (see
    # _tail_end), as is a month above by month_tail.
    rf"|(?:第?(?:{QUARTER_NUMBER}季度{QUARTER_END}|季度{QUARTER_END}"  # a quarter's end
    rf"|{QUARTER_NUMBER}(?:{RANGE_JOINER}{QUARTER_NUMBER}"
    rf"|(?:{QUARTER_LIST_SEPARATOR}{QUARTER_NUMBER}){{0,3}})"
    rf"季度)"  # quarters
    rf"|首季度|{_YEAR_PART}"  # first quarter, part of a year
    rf"|(?<=年)(?:{_AFTER_YEAR})"  # 2024年内
    rf")(?P<tail>)"
    # a year alone, standing as a clause (form year): 2023年, 2023年前. Never empty: the
    # boundary is no character a phrase starts with, so 年 before it is the year's own.
    rf"|(?<=年){CLAUSE_BOUNDARY}{_OPTIONAL_DEADLINE})",
    # 次年, 明年前 (form year; a year in digits alone is read by term)
    "next_year": rf"(?:{_NEXT_YEAR}){_OPTIONAL_DEADLINE}",
    "recurring": _shared_start(RECURRING),
    "ongoing": _shared_start(
        (*ONGOING, *ONGOING_ALONE), dict.fromkeys(ONGOING_ALONE, CLAUSE_BOUNDARY)
    ),
    "event": rf"(?:{_shared_start(EVENTS)}){_OPTIONAL_DEADLINE}",
}
_PHRASE = compiled(rf"(?=[{_STARTS}])(?<![0-9０-９.．])(?:{'|'.join(_FINDERS.values())})")
_JOINER = compiled(RANGE_JOINER)
_DEADLINE = compiled(DEADLINE)


def _tail_end(text: str, at: int) -> int:
    """Where the tail of a term that ends at ``at`` ends: a range's second term after a joiner
    (-6月下旬, 至12月), then a deadline word (前).

    _PHRASE ends such a term with an empty group (month_tail, tail) rather than with the
    pattern (?:RANGE_JOINER _TERM)?(?:DEADLINE)?, which it would hold twice: a term is long,
    and re compiles each copy anew, at every start of the command line. The phrase is the
    same: that pattern would end _PHRASE and always match, so re would never go back into
    the first term; and no term starts with a joiner's character, so the joiner read first
    is the only one a second term can follow."""
    joiner = _JOINER.match(text, at)
    if joiner is not None and (second := _TERM_RE.match(text, joiner.end())) is not None:
        at = second.end()
    deadline = _DEADLINE.match(text, at)
    return at if deadline is None else deadline.end()


#: A list marker glued to a date (1.6月底前): its dot is blanked for the scan, so that the
#: phrase is not read as the decimals of a number (5.5万).
_MARKER_BEFORE_DATE = compiled(MARKER_BEFORE_DATE)


class _Resolved(NamedTuple):
    """A period without its place in the text (cached per phrase and year)."""

    kind: PeriodKind
    start: date | None
    end: date | None
    month: int | None = None
    quarter: int | None = None
    parts: tuple[tuple[_Resolved, int, int], ...] = ()  # (part, start, end) in the phrase
    every: str | None = None


def find_periods(text: str, *, year: int | None = None) -> list[Period]:
    """Every date phrase in ``text``, in order, as a Period with its exact ``span``.

    ``year`` is the plan year; without one, dates stay null unless the phrase names its year.
    Phrases inside 《…》 (document titles) are not periods. Spaces a converter prints between
    a number and its date word (6 月底前) are read as if they were not there (DATE_GAP); each
    period's text and span are still those of ``text`` as written.
    """
    reading, gaps = squeezed(text, _DATE_GAP)
    if gaps is None:
        return _find_periods(text, year)
    return [_unsqueezed(period, gaps, text) for period in _find_periods(reading, year)]


#: Spaces inside a date phrase (6 月底前, 2024 年 12 月): see the vocabulary.
_DATE_GAP = compiled(DATE_GAP)


def _unsqueezed(period: Period, gaps: Gaps, text: str) -> Period:
    """A period found in the squeezed text, moved to its place in ``text`` as written."""
    first, last = period.span
    start, end = gaps.start(first), gaps.end(last)
    fields = period.__dict__.copy()
    fields["text"], fields["span"] = text[start:end], (start, end)
    fields["parts"] = [_unsqueezed(part, gaps, text) for part in fields["parts"]]
    moved = _new(Period)
    _set_dict(moved, fields)
    _set_fields_set(moved, period.__pydantic_fields_set__)
    _set_extra(moved, None)
    _set_private(moved, None)
    return moved


def _find_periods(text: str, year: int | None) -> list[Period]:
    titles = _title_spans(text) if TITLE_BRACKETS[0] in text else ()
    scanned = text
    if "." in text or "．" in text:
        scanned = _MARKER_BEFORE_DATE.sub(lambda m: m.group()[:-1] + " ", text)
    periods: list[Period] = []
    at = 0
    while (match := _PHRASE.search(scanned, at)) is not None:
        start, at = match.span()
        if match.group("tail") is not None or match.group("month_tail") is not None:
            at = _tail_end(scanned, at)
        if titles and any(a <= start < b for a, b in titles):
            continue
        phrase = scanned[start:at]
        template = _template(phrase, year)
        if template is not None:  # the common case, kept as short as can be
            periods.append(_placed(template, start))
            continue
        form = _checked_form(phrase, year)
        if form is None:
            # No date as a whole, but a shorter phrase may start inside it: 2，二季度 is a
            # 序号 run into 二季度, not a quarter list. Read on from the next character.
            at = start + 1
            continue
        checked = _checked(text, start, phrase, form, year, periods)
        if checked is not None:
            periods.append(_placed(checked, start))
    return periods


def _checked(
    text: str, start: int, phrase: str, form: str, year: int | None, before: list[Period]
) -> Period | None:
    """A phrase of a form that the text around it may make no date (see _CHECK_BEFORE); a
    day written alone (9号) in the month of the phrase before it, or no date at all."""
    if start and _not_after(text, start, form):
        return None
    if form != "day_alone":
        return _checked_template(phrase, year)
    month = before[-1].month if before else None
    return None if month is None else _day_in_month(phrase, month, year)


def _title_spans(text: str) -> list[tuple[int, int]]:
    opening, closing = TITLE_BRACKETS
    spans = []
    at = text.find(opening)
    while at != -1:
        close = text.find(closing, at + 1)
        if close == -1:
            break
        spans.append((at, close + 1))
        at = text.find(opening, close + 1)
    return spans


#: Forms that are no date after certain characters, checked here rather than in _PHRASE: a
#: lookbehind at the head of an alternative would run at every position a phrase may start at.
_CHECK_BEFORE = frozenset(("digits", "digits_range", "dotted", "day_alone"))
_NOT_DATE_BEFORE_NUMBER = on_first_use(compiled, NOT_DATE_BEFORE_NUMBER)


def _not_after(text: str, start: int, form: str) -> bool:
    """Whether the number at ``start`` continues the text before it: a code (A1-02-02), a
    version (Python 3.11), a document number (〔2019〕9号)."""
    if form == "day_alone" and text[start - 1] in NOT_DAY_BEFORE:
        return True
    return _NOT_DATE_BEFORE_NUMBER.search(text, max(0, start - 2), start) is not None


@lru_cache(maxsize=4096)
def _template(phrase: str, year: int | None) -> Period | None:
    """The phrase's Period at offset 0, built once per (phrase, year); None where it is no
    date, or a date only where the text around it allows (_CHECK_BEFORE: _checked_form)."""
    return None if _checked_form(phrase, year) else _checked_template(phrase, year)


@lru_cache(maxsize=4096)
def _checked_template(phrase: str, year: int | None) -> Period | None:
    resolved = _resolve(phrase, year)
    return None if resolved is None else _period(phrase, resolved, 0, len(phrase))


@lru_cache(maxsize=4096)
def _checked_form(phrase: str, year: int | None) -> str | None:
    """The form of a date phrase that the text around it may make no date, else None."""
    form = _form(phrase)[0]
    return form if form in _CHECK_BEFORE and _resolve(phrase, year) is not None else None


@lru_cache(maxsize=1024)
def _day_in_month(phrase: str, month: int, year: int | None) -> Period | None:
    """A day written alone (9号, 九号前) in a month known from the text before it; None where
    the month has no such day (31号 after 6月)."""
    resolved = _resolve(f"{month}月{phrase}", year)
    return None if resolved is None else _period(phrase, resolved, 0, len(phrase))


def _period(text: str, resolved: _Resolved, start: int, end: int) -> Period:
    # Only fields that differ from their defaults are given, as the constructor was given
    # them before (the fields set are the same); the others take their defaults.
    fields: dict[str, object] = {
        name: value for name, value in zip(_OPTIONAL, resolved[1:5], strict=True) if value
    }
    if resolved.parts:
        fields["parts"] = [
            _period(text, part, start + a, start + b) for part, a, b in resolved.parts
        ]
    if resolved.every:
        fields["every"] = resolved.every
    return Period.trusted(text=text[start:end], kind=resolved.kind, span=(start, end), **fields)


_OPTIONAL = ("start", "end", "month", "quarter")


def _placed(template: Period, offset: int) -> Period:
    """A copy of a ``template`` moved ``offset`` characters on, not validated again.

    Validating a Period costs more than finding its phrase. This is pydantic's own
    ``__copy__`` with the span moved and a fresh ``parts`` list (no two results share a list
    a user could change), writing BaseModel's slots through their descriptors: at a third of the
    cost of validation, it is what lets find_periods run at 100 times jionlp's speed.
    """
    fields = template.__dict__.copy()
    first, last = fields["span"]
    fields["span"] = (first + offset, last + offset)
    parts = fields["parts"]
    fields["parts"] = [_placed(part, offset) for part in parts] if parts else []
    period = _new(Period)
    _set_dict(period, fields)
    _set_fields_set(period, template.__pydantic_fields_set__)  # never changed: frozen
    _set_extra(period, None)
    _set_private(period, None)
    return period


# Period is frozen, so its own __setattr__ refuses; object.__setattr__ costs 8 times as much.
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


@lru_cache(maxsize=4096)
def _form(phrase: str) -> tuple[str, re.Match[str] | None]:
    """The first form that takes the whole phrase, in the finder's order of preference."""
    return next(
        ((form, m) for form in _FORMS if (m := _form_re(form).fullmatch(phrase))),
        ("", None),
    )


@lru_cache(maxsize=4096)
def _resolve(phrase: str, year: int | None) -> _Resolved | None:
    form, match = _form(phrase)
    if match is None:  # pragma: no cover - the finder and the forms are built from one source
        return None
    groups = match.groupdict()
    y = _year(groups.get("year"), year) or year
    if form == "recurring":
        first, last = _months(y, 1, 12)
        return _Resolved("recurring", first, last, every=RECURRING[phrase])
    if form == "ongoing":
        return _Resolved("ongoing", date(y, 1, 1) if y else None, None)
    if form == "event":
        month, day = EVENTS[groups["first"]]
        first, last = _days(y, month, day, day) if day else _months(y, month, month)
        base = _Resolved("event", first, last, month=month)
    elif form == "year_range":
        first_year, last_year = int(groups["first"]), int(groups["last"])
        if first_year > last_year:
            return None
        return _Resolved("range", date(first_year, 1, 1), date(last_year, 12, 31))
    elif form == "year":
        base = _Resolved("year", *_months(y, 1, 12))
    elif form == "month_range":
        low, high = _number(groups["first"]), _number(groups["last"])
        if not low < high <= 12:
            return None
        first, last = _months(y, low, high)
        base = _Resolved("range", first, last)
    elif form == "day_range":
        month = _number(groups["month"])
        low, high = _number(groups["first"]), _number(groups["last"])
        if not (low < high <= _last_day(y or 2000, month)):
            return None
        first, last = _days(y, month, low, high)
        base = _Resolved("range", first, last, month=month)
    elif form == "days":
        days = _days_range(match, y)
        if days is None:
            return None
        base = days
    elif form == "day_alone":  # its month comes from the text before it (find_periods)
        if not 1 <= _number(groups["day"]) <= 31:
            return None
        base = _Resolved("day", None, None)
    elif form == "digits_range":
        digits_range = _digits_range(match, y)
        if digits_range is None:
            return None
        base = digits_range
    elif form in ("digits", "dotted"):
        day = _number(groups["day"]) if groups["day"] else None
        digits = _day_or_month(y, _number(groups["month"]), day)
        if digits is None:
            return None
        base = digits
    else:
        first_term = _term(groups["first"], y)
        if first_term is None:
            return None
        if groups.get("last"):
            carried = _year(_TERM_RE.fullmatch(groups["first"]).group("year"), y)  # type: ignore[union-attr]
            last_term = _term(groups["last"], carried or y)
            if last_term is None or not _ordered(first_term, last_term):
                return None
            a, b = match.span("first"), match.span("last")
            base = _Resolved(
                "range",
                first_term.start,
                last_term.end,
                parts=((first_term, *a), (last_term, *b)),
            )
        else:
            base = first_term
    if groups.get("deadline") == FROM_WORD:
        return _from(base)
    if groups.get("deadline"):
        return _deadline(base)
    return base


def _day_or_month(y: int | None, month: int, day: int | None) -> _Resolved | None:
    """A month (2021.8) or a day (2023-06-30, 6.30) written in digits."""
    if day is None:
        return _Resolved("month", *_months(y, month, month), month=month)
    if day > _last_day(y or 2000, month):
        return None
    return _Resolved("day", *_days(y, month, day, day), month=month)


def _digits_range(match: re.Match[str], y: int | None) -> _Resolved | None:
    """2024.3-2024.12, 2024.3-12, 2024.3.1-2024.6.30: from a month to a later month, or a day
    to a later day; both ends alike (a month and a month, a day and a day)."""
    day, last_day = match.group("day"), match.group("last_day")
    if (day is None) != (last_day is None):
        return None
    first = _day_or_month(y, _number(match.group("month")), _number(day) if day else None)
    last_year = _year(match.group("last_year"), y) or y
    last = _day_or_month(
        last_year, _number(match.group("last_month")), _number(last_day) if last_day else None
    )
    if first is None or last is None or first.start is None or last.start is None:
        return None
    if first.start >= last.start:
        return None
    a, b = match.span("first"), match.span("last")
    return _Resolved("range", first.start, last.end, parts=((first, *a), (last, *b)))


def _days_range(match: re.Match[str], y: int | None) -> _Resolved | None:
    """1月3至2月10, 12月9号到15号: from a day to a day, the second in the first's month and
    year unless it names its own month."""
    month, day = _number(match.group("month")), _number(match.group("day"))
    last_month = _number(match.group("last_month")) if match.group("last_month") else month
    last_day = _number(match.group("last_day"))
    if day > _last_day(y or 2000, month) or last_day > _last_day(y or 2000, last_month):
        return None
    if (month, day) >= (last_month, last_day):
        return None
    first = _Resolved("day", *_days(y, month, day, day), month=month)
    last = _Resolved("day", *_days(y, last_month, last_day, last_day), month=last_month)
    if last_month == month:
        return _Resolved("range", first.start, last.end, month=month)
    a, b = match.span("first"), match.span("last")
    return _Resolved("range", first.start, last.end, parts=((first, *a), (last, *b)))


def _term(term: str, y: int | None) -> _Resolved | None:
    """One term: a month (with its day or part), a quarter list or end, or a part of a year."""
    match = _TERM_RE.fullmatch(term)
    if match is None:
        return None
    y = _year(match.group("year"), y) or y
    if match.group("month"):
        month = _number(match.group("month"))
        if not 1 <= month <= 12:
            return None
        if match.group("day"):
            day = _number(match.group("day"))
            if day > _last_day(y or 2000, month):  # 2月30日 is no date
                return None
            return _Resolved("day", *_days(y, month, day, day), month=month)
        part = match.group("month_part")
        if part:
            kind, first_day, last_day = MONTH_PARTS[part]
            until = last_day or _last_day(y or 2000, month)
            return _Resolved(kind, *_days(y, month, first_day or until, until), month=month)
        return _Resolved("month", *_months(y, month, month), month=month)
    if match.group("quarter_end"):
        number = match.group("quarter_end_number")
        if not number:  # 季度末: which quarter is not written
            return _Resolved("day", None, None)
        quarter = _number(number)
        _, end = _months(y, 3 * quarter, 3 * quarter)
        return _Resolved("day", end, end, quarter=quarter)
    numbers = match.group("quarters") or ("一" if match.group("first_quarter") else "")
    if numbers:
        quarters = _quarters(numbers)
        if not quarters:  # 2，二季度: no list of quarters in order
            return None
        first, last = _months(y, 3 * quarters[0] - 2, 3 * quarters[-1])
        if len(quarters) == 1:
            return _Resolved("quarter", first, last, quarter=quarters[0])
        parts = tuple(
            (_Resolved("quarter", *_months(y, 3 * q - 2, 3 * q), quarter=q), 0, len(term))
            for q in quarters
        )
        return _Resolved("quarter", first, last, parts=parts)
    word = match.group("year_part") or "年" + (match.group("after_year") or "")
    if word not in YEAR_PARTS:  # pragma: no cover - every alternative of _TERM is read above
        return None
    kind, first_month, last_month = YEAR_PARTS[word]
    return _Resolved(kind, *_months(y, first_month, last_month))


def _deadline(base: _Resolved) -> _Resolved:
    """X前: open start; a plain month is strictly before (6月前 ends 31 May), else X's end."""
    end = base.end
    if base.kind == "month" and base.start is not None:
        end = base.start - timedelta(days=1)
    return _Resolved("deadline", None, end, month=base.month, quarter=base.quarter)


def _from(base: _Resolved) -> _Resolved:
    """X起 "from X on": a range from X's start to the end of X's year (docs/decisions.md)."""
    start = base.start
    end = None if start is None else date(start.year, 12, 31)
    return _Resolved("range", start, end, month=base.month, quarter=base.quarter)


def _ordered(first: _Resolved, last: _Resolved) -> bool:
    if first.start is None or last.end is None:
        return (first.month or 0) <= (last.month or 13)
    return first.start <= last.end


def _quarters(numbers: str) -> list[int]:
    if not numbers:
        return []
    ends = _JOINER.split(numbers)
    if len(ends) == 2:  # 一至三季度, 1-3季度, 一到三季度: every quarter from one to the other
        low, high = (_number(n) for n in ends)
        return list(range(low, high + 1)) if low <= high else []
    found = [_number(n) for n in numbers if n not in "、，,和及与"]
    return found if found == sorted(set(found)) else []


@lru_cache(maxsize=256)
def _number(text: str) -> int:
    """One matched number: Arabic digits as they are, Chinese numerals read as numerals."""
    if text.isdigit():  # Arabic or full-width digits: int() reads both
        return int(text)
    return chinese_int(text)


def _year(text: str | None, plan_year: int | None) -> int | None:
    """The year a phrase names: 2019年, 二〇〇六年; 次年, 明年… the year after ``plan_year``."""
    if not text:
        return None
    if text in NEXT_YEAR:
        return plan_year + 1 if plan_year else None
    digits = text.rstrip("年")
    return int(digits if digits.isdigit() else "".join(YEAR_DIGITS[c] for c in digits))


def _last_day(y: int, month: int) -> int:
    return calendar.monthrange(y, month)[1]


def _months(y: int | None, first: int, last: int) -> tuple[date | None, date | None]:
    if y is None:
        return None, None
    return date(y, first, 1), date(y, last, _last_day(y, last))


def _days(y: int | None, month: int, first: int, last: int) -> tuple[date | None, date | None]:
    if y is None:
        return None, None
    return date(y, month, first), date(y, month, last)
