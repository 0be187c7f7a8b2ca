"""Date-phrase vocabulary and conventions (SPEC §5), as data for stages/dates.py.

Each pattern piece is a regex source string with a gloss; the recogniser assembles and compiles
them once. Digits and dashes may be full-width (６月, 5－6月): the pieces accept both.
"""

from __future__ import annotations

from typing import Final

from ..models import PeriodKind

#: Chinese digits for years written digit by digit: 二〇〇六 is 2006.
YEAR_DIGITS: Final[dict[str, str]] = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": "0"
}

# --- pattern pieces (regex source) -----------------------------------------------------------

#: A plan year: 2019年, 二〇〇六年.
YEAR: Final = r"(?:(?:19|20|１９|２０)[0-9０-９]{2}|[〇零一二三四五六七八九]{4})年"
#: A month number: 1–12 in Arabic digits, or 一 … 十二 in Chinese numerals.
MONTH_NUMBER: Final = r"(?:[1１][0-2０-２]|[0０]?[1-9１-９]|十[一二]?|[一二三四五六七八九])"
#: A day number: 1–31, Arabic or Chinese (二十一, 三十).
DAY_NUMBER: Final = (
    r"(?:[3３][01０１]|[12１２][0-9０-９]|[0０]?[1-9１-９]|三十一?|二十[一二三四五六七八九]?"
    r"|十[一二三四五六七八九]?"
    r"|[一二三四五六七八九])"
)
#: 月 "month", 月份 "month (of)", and the doubled 月份月 typo (12月份月上旬).
MONTH_WORD: Final = r"月(?:份月?)?"
#: 日 / 号 "day of month".
DAY_WORD: Final = r"[日号]"
#: A quarter number: 一 … 四, 1 … 4.
QUARTER_NUMBER: Final = r"[一二三四1-4１-４]"
#: Separators inside a quarter list: 二、三、四季度, 一,二季度, 三和四季度.
QUARTER_LIST_SEPARATOR: Final = r"[、，,和及与]?"
#: Words joining the two ends of a range: 至 "to", 到 "to", and the dashes -, —, ——, ~.
RANGE_JOINER: Final = r"(?:——|—|[-－~～]|至|到)"
#: 中 "middle" (年中, 6月中) is no date word when it starts 中国 China, 中华, 中央 central,
#: 中共 the Communist Party, 中心 centre: 2019年中国工程院 is 2019年 + 中国工程院.
NOT_MIDDLE: Final = r"(?![国华央共心])"
#: Characters a date phrase can start with, besides the first characters of EVENTS:
#: digits, Chinese numerals, 首 first (quarter), 第 ordinal, 上/下 (半年), 年 (初, 中, 底…),
#: 全 (年) and 每 every.
PHRASE_STARTS: Final = "0123456789０１２３４５６７８９〇零一二三四五六七八九十首第上下年全每"
#: Deadline words after a period: 之前 / 以前 / 前 "before".
DEADLINE: Final = r"(?:之前|以前|前)"

# --- conventions -----------------------------------------------------------------------------

#: Parts of a month after 月: 上旬 first ten days, 中旬 middle ten, 下旬 last days;
#: 初 start (days 1–10), 中 middle (11–20), 底 / 末 end (the last day).
#: name -> (kind, first day, last day); None as last day means the month's last day.
MONTH_PARTS: Final[dict[str, tuple[PeriodKind, int, int | None]]] = {
    "上旬": ("xun", 1, 10),
    "中旬": ("xun", 11, 20),
    "下旬": ("xun", 21, None),
    "初": ("approximate", 1, 10),
    "中": ("approximate", 11, 20),
    "底": ("day", 0, None),  # 0: the month's last day only
    "末": ("day", 0, None),
}

#: Parts of a year: word -> (kind, first month, last month).
#: 上半年 first half, 下半年 second half, 年初 start of year, 年中 middle of year,
#: 年底 / 年末 end of year, 年内 within the year, 全年 the whole year, 年度 the (plan) year.
YEAR_PARTS: Final[dict[str, tuple[PeriodKind, int, int]]] = {
    "上半年": ("half", 1, 6),
    "下半年": ("half", 7, 12),
    "年初": ("approximate", 1, 1),
    "年中": ("approximate", 6, 7),  # see NOT_MIDDLE
    "年底": ("approximate", 12, 12),
    "年末": ("approximate", 12, 12),
    "年内": ("year", 1, 12),
    "全年": ("year", 1, 12),
    "年度": ("year", 1, 12),
}

#: Recurring periods: 每周 every week, 每月 every month, 每季度 every quarter (ISO 8601).
RECURRING: Final[dict[str, str]] = {"每周": "P1W", "每月": "P1M", "每季度": "P3M"}

#: Named observances with a known date: name -> (month, day or None for the whole month).
#: 全国科技工作者日 National Science and Technology Workers' Day (30 May, since 2017);
#: 全国科普日 National Science Popularisation Day (September); 科普宣传周 / 科普周 / 科技活动周
#: science popularisation week (May). Short forms are listed because schedules use them.
EVENTS: Final[dict[str, tuple[int, int | None]]] = {
    "全国科技工作者日": (5, 30),
    "科技工作者日": (5, 30),
    "全国科普日": (9, None),
    "科普日": (9, None),
    "科普宣传周": (5, None),
    "科技活动周": (5, None),
    "科普周": (5, None),
}

#: Brackets whose contents are titles, never periods: 《连云港市…纲要(2016—2020年)》.
TITLE_BRACKETS: Final[tuple[str, str]] = ("《", "》")

#: Words that may stand between a clause's start and the date phrase that opens it (SPEC §7):
#: 于5月底前完成 "by the end of May", 在/从/自 "in / from", 力争年底前 "strive to … by the year's
#: end", 争取 "strive", 确保 "ensure".
CLAUSE_OPENERS: Final = ("并于", "于", "在", "从", "自", "力争", "争取", "确保")
