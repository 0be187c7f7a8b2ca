"""What a column holds, learned from its cells (SPEC §2–3).

Every cell text has a *kind* (a sentence, a short label, a unit name, a person's name, a date,
digits, a serial number, a progress note). A column's profile is the share of each kind among
its cells that are not in doubt. Two stages read profiles: ``roles`` gives a role to a column
whose header names none, and ``realign`` scores a cell against what each column of the same
table holds, so that person, phone, date and unit columns in any order realign right.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from ..names import are_people, is_unit_list
from ..patterns import compiled
from ..vocab.dates import (
    DATE_CUE,
    DIGIT_YEAR,
    HALF_YEAR,
    MONTH_CUE_NUMBER,
    QUARTER_NUMBER,
    QUARTER_RUN,
    RANGE_JOINER,
    XUN,
    YEAR_PART,
)
from ..vocab.shapes import (
    PROGRESS_CUE,
    SENTENCE_PUNCT,
    SEQ_NUMBER,
)
from ..wraps import ends_sentence

Kind = Literal["number", "digits", "progress", "person", "unit", "date", "sentence", "label"]

#: Digits and what joins them in phone numbers and codes: 5555309, 0558-5555097, (0558)555.
_DIGITS: Final = compiled(r"^[0-9０-９\-－—–()（）/\s、，,;；]+$")
#: A plan year or a dotted date, which DATE_CUE (months, quarters) does not catch: 2024年底前,
#: 2024年, 2021.8, 6.30前.
_YEAR_OR_DOT_DATE: Final = compiled(rf"{DIGIT_YEAR}\s*年|[0-9]{{1,4}}[.．/][0-9]{{1,2}}")
#: A bare amount (15.6, 22, 0.5): a number and nothing else is no date phrase, however its
#: digits could be read as a dotted date (8.3; 2021.8, year first, is one); a column of them
#: holds amounts or 序号.
_BARE_NUMBER: Final = compiled(rf"^(?!{DIGIT_YEAR}[.．])[0-9０-９]+(?:[.．][0-9０-９]+)?$")
#: A year or a span of years and nothing else (2024, 2023-2025, 2024—2026年): the term of a
#: project (建设起止年限), a date phrase, though its digits are many.
_YEARS: Final = compiled(rf"^{DIGIT_YEAR}\s*年?(?:\s*{RANGE_JOINER}\s*{DIGIT_YEAR}\s*年?)?$")

#: A clause that opens with a period of the year, maybe after its year and a list number:
#: 一季度, 1-2季度, 3月, 6月底前, 上半年, 下旬, 年底前, 2024年5月. Not a rate (每月) or 全年:
#: content opens with those (全年新增…, 每月召开…).
_PERIOD_START: Final = compiled(
    rf"^\s*(?:[0-9]{{1,2}}[.、．]|[（(][0-9一二三四五六七八九十]{{1,2}}[)）])?\s*"
    rf"(?:{DIGIT_YEAR}\s*年\s*)?"
    rf"(?:{QUARTER_RUN}|第{QUARTER_NUMBER}季度"
    rf"|{MONTH_CUE_NUMBER}\s*月|{XUN}|{HALF_YEAR}|{YEAR_PART})",
)
#: Where a clause ends: ；;，,。 or a line break.
_CLAUSE_BREAK: Final = compiled(r"[；;，,。\n]")

#: Longest text read as a date phrase rather than a sentence that names a date.
_LONGEST_DATE = 24
#: Longest text that can be of a short kind (progress note, units, people, date): the
#: longest of their limits.
_LONGEST_SHORT_KIND = 120
#: Longest text read as a date phrase wherever its date stands; longer ones must start with it.
_SHORT_DATE = 10
#: Longest text read as a label (a heading, a name); longer texts are sentences.
_LONGEST_LABEL = 24


@lru_cache(maxsize=8192)
def kind_of(text: str) -> Kind:
    """The kind of one cell's text (cached: roles and realignment ask for the same cells)."""
    flat = text.replace("\n", " ").strip()
    length = len(flat)
    if _YEARS.match(flat):
        return "date"
    if SEQ_NUMBER.match(flat):
        return "number"
    if _DIGITS.match(flat) and sum(c.isdigit() for c in flat) >= 5:
        return "digits"
    if _BARE_NUMBER.match(flat):
        return "number"
    if length > _SHORT_DATE and _periods_open_clauses(flat):
        return "date"  # a plan by periods (一季度：…；二季度：…), however long
    if length > _LONGEST_SHORT_KIND:
        return "sentence"  # no progress note, unit list or list of names is this long
    if PROGRESS_CUE.search(flat) and length <= 60:
        return "progress"
    if length > _LONGEST_DATE and ends_sentence(flat):
        return "sentence"  # a unit list or names end without 。, a longer date too
    if is_unit_list(flat):
        return "unit"
    if are_people(flat):
        return "person"
    if length <= _LONGEST_DATE and _dated(flat):
        return "date"
    if length > _LONGEST_LABEL or ends_sentence(flat) or SENTENCE_PUNCT.search(flat):
        return "sentence"
    return "label"


def _periods_open_clauses(text: str) -> bool:
    """Whether a text is a plan by periods: two clauses or more, each opening with a
    period of the year (一季度：完成施工图设计；二季度：开工建设…, 上半年开通2条，下半年开通2
    条。), which is a schedule cell however long its clauses; a sentence that names a
    date in passing opens no clause with one."""
    if not _PERIOD_START.match(text):
        return False  # the common case: a text that does not open with a period
    clauses = [clause for clause in _CLAUSE_BREAK.split(text) if clause.strip()]
    return len(clauses) >= 2 and all(_PERIOD_START.match(clause) for clause in clauses)


def _dated(text: str) -> bool:
    """A short text that is mostly a date phrase: 2024年底前, 12月底前, 9月投入使用; not a
    clause that names a date in passing (完成审计工作，6月底前报送)."""
    match = DATE_CUE.search(text) or _YEAR_OR_DOT_DATE.search(text)
    return match is not None and (len(text) <= _SHORT_DATE or match.start() == 0)


@dataclass(frozen=True, slots=True)
class Profile:
    """The kinds of a column's undoubted cells, and how often its cells repeat the one above."""

    kinds: Counter[Kind]
    cells: int
    length: float  # mean length of the texts, in characters

    def share(self, kind: Kind) -> float:
        """The share of the column's cells of this kind; 0 for a column with no cells."""
        return self.kinds[kind] / self.cells if self.cells else 0.0

    def main_kind(self) -> tuple[Kind | None, float]:
        """The commonest kind and its share."""
        if not self.cells:
            return None, 0.0
        kind, count = self.kinds.most_common(1)[0]
        return kind, count / self.cells


def profile_of(texts: Iterable[str]) -> Profile:
    """The profile of a column from its cell texts (blank cells ignored)."""
    written = [text for text in texts if text]
    kinds: Counter[Kind] = Counter(kind_of(text) for text in written)
    length = sum(map(len, written)) / len(written) if written else 0.0
    return Profile(kinds, len(written), length)
