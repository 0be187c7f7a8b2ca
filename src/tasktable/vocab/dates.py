"""Date-phrase vocabulary and conventions (SPEC §5), as data for stages/dates.py.

Each pattern piece is a regex source string with a gloss; the recogniser assembles and compiles
them once. Digits and dashes may be full-width (６月, 5－6月): the pieces accept both. Each
alternative of a piece starts with a character or a character class, never with an optional
part (a leading 0? is written as its own alternative): re then skips an alternative at the cost
of one comparison wherever its first character is not, which keeps the scan fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..patterns import compiled
from .shapes import LIST_MARKER

if TYPE_CHECKING:  # annotations only: vocab.headers imports this module, and models it
    from ..models import PeriodKind

#: Chinese digits for years written digit by digit: 二〇〇六 is 2006.
YEAR_DIGITS: Final[dict[str, str]] = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": "0"
}

# --- pattern pieces (regex source) -----------------------------------------------------------

#: A year's number in digits (2019, full-width ２０１９) or in Chinese digits (二〇〇六).
DIGIT_YEAR: Final = r"(?:19|20|１９|２０)[0-9０-９]{2}"
CHINESE_YEAR: Final = r"[〇零一二三四五六七八九]{4}"
#: A plan year: 2019年, 二〇〇六年.
YEAR: Final = rf"(?:{DIGIT_YEAR}|{CHINESE_YEAR})年"
#: A month number: 1–12 in Arabic digits, or 一 … 十二 in Chinese numerals.
MONTH_NUMBER: Final = (
    r"(?:[1１][0-2０-２]|[1-9１-９]|[0０][1-9１-９]|十[一二]?|[一二三四五六七八九])"
)
#: A month and a day in Arabic or full-width digits only, for the dotted and ISO forms
#: (2023-06-30, 2021.8, 6.30): 1–12 and 1–31, with or without a leading zero.
MONTH_DIGITS: Final = r"(?:[1１][0-2０-２]|[1-9１-９]|[0０][1-9１-９])"
DAY_DIGITS: Final = r"(?:[3３][01０１]|[12１２][0-9０-９]|[1-9１-９]|[0０][1-9１-９])"
#: A day of two digits (6.30, 7.01): a dotted month and day without a year is a date only with
#: two digits after the dot (or a 日, 号 or deadline word after it), since 3.2 is a 序号.
DAY_TWO_DIGITS: Final = r"(?:[3３][01０１]|[12１２][0-9０-９]|[0０][1-9１-９])"
#: A day number: 1–31, Arabic or Chinese (二十一, 三十).
DAY_NUMBER: Final = (
    r"(?:[3３][01０１]|[12１２][0-9０-９]|[1-9１-９]|[0０][1-9１-９]|三十一?|二十[一二三四五六七八九]?"
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
#: Words joining the two ends of a range: 至 "to", 到 "to", and the dashes -, －, —, ——
#: (the Chinese dash, doubled), – (the en dash of typeset text: 2021–2023) and ~, ～.
RANGE_JOINER: Final = r"(?:——|—|[-－–~～]|至|到)"

# Cue fragments: the periods of the year as the patterns that only spot a date write them
# (DATE_CUE, profiles._PERIOD_START, headers.PERIOD_HEADER); stages/dates reads the phrases.
#: A quarter or a run of them: 一季度, 二、三季度, 1-2季度, 一至三季度.
QUARTER_RUN: Final = rf"(?:{QUARTER_NUMBER}[、，,至\-－]?){{1,4}}季度"
#: A month's number as a cue takes it: one to three digits or Chinese numerals (5, 12, 十二),
#: not checked to be 1–12.
MONTH_CUE_NUMBER: Final = r"[0-9０-９一二三四五六七八九十]{1,3}"
#: A ten-day part of a month: 上旬 / 中旬 / 下旬.
XUN: Final = r"[上中下]旬"
#: A half of the year: 上半年 / 下半年.
HALF_YEAR: Final = r"[上下]半年"
#: A part of the year: 年底 / 年末 its end, 年初 its start, 年中 its middle.
YEAR_PART: Final = r"(?:年底|年末|年初|年中)"
#: 中 "middle" (年中, 6月中) is no date word when it starts 中国 China, 中华, 中央 central,
#: 中共 the Communist Party, 中心 centre: 2019年中国工程院 is 2019年 + 中国工程院.
NOT_MIDDLE: Final = r"(?![国华央共心])"
#: Characters a date phrase can start with, besides the first characters of EVENTS, NEXT_YEAR
#: and ONGOING: digits, Chinese numerals, 首 first (quarter), 第 ordinal, 上/下 (半年), 年 (初,
#: 中, 底…), 全 (年), 每 every and 季 (季度末 the quarter's end).
PHRASE_STARTS: Final = "0123456789０１２３４５６７８９〇零一二三四五六七八九十首第上下年全每季"
#: Words after a period: 之前 / 以前 / 前 "before" (a deadline), and 起 "from … on" (7月1日起执行
#: "in force from 1 July"), which SPEC §5 leaves open: a range from the period's start to the
#: end of its year (docs/decisions.md). 起草 "draft", 起步 "start up", 起诉 "sue", 起来, 起到
#: "play (a role)", 起点 "starting point", 起航 / 起飞 "set off" and 起止 "start and end" are
#: words of their own.
DEADLINE: Final = r"(?:之前|以前|前|起(?![草步诉来到点航飞止]))"
#: The "from" word of DEADLINE.
FROM_WORD: Final = "起"

#: Words for the year after the plan year: 次年 "the following year", 明年 "next year", 下一年 /
#: 下年 "the next year", 翌年 "the following year". Each is a year prefix (次年3月) or a year.
NEXT_YEAR: Final = ("次年", "明年", "下一年", "下年", "翌年")
#: Characters before 次 or 明 that make it the end of another word, not a year: 本次年会 "this
#: year's meeting" (本次 "this time"), 多次 "many times"; 说明年度 "explain the year's" (说明
#: "explain"), 证明, 表明, 标明, 发明, 透明, 查明, 阐明, 声明, 简明, 注明, 鲜明, 文明, 光明, 高明,
#: 廉明, 公开透明, 分明, 严明, 申明, 开明, 聪明, 精明, 英明, 清明; 人次, 批次, 班次, 车次, 航次,
#: 名次, 档次, 频次, 席次, 轮次, 场次, 户次, 架次, 其次 "secondly", 依次 "in turn", 渐次, 再次,
#: 历次: counts and orders ending in 次. 上下年 is not 下年 either.
NOT_NEXT_YEAR_AFTER: Final = (
    "本此这该每首上多一二三两四五六七八九十层届第人批班车航名档频席轮场户架其依渐再历"
    "说证表标发透查阐声简注鲜文光高廉分严申开聪精英清"
)

#: A year written with dots, dashes or slashes (2021.8, 2023-06-30, 2023/6/30), a dotted month
#: and day (6.30) or a day in a range without 日 (1月3至2月10) is a plain number when one of
#: these follows it: more digits, a decimal point, a percent or per-mille sign, a multiplier,
#: a unit or measure word (6.5%, 1.5万, 2.0版 "version 2.0", 3.5倍 "3.5 times", 5家 "5 firms"),
#: or a Latin letter (codes: 599B).
NOT_DATE_AFTER_NUMBER: Final = (
    r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ%％‰万千亿百元版倍个人家项次米吨亩台套户所名篇期条件座辆张]"
    r"|[.．/／\-－][0-9０-９]"
)
#: ... or one of these before it: a letter, a dash, a slash or an underscore (A1-02-02 is a
#: code, 0558-5555097 a phone number), 第 (第3.12条 "article 3.12"), or a Latin word and a space
#: (Python 3.11 is a version). A digit or a dot before it never starts a date (12019年, 5.5万).
NOT_DATE_BEFORE_NUMBER: Final = r"(?:[A-Za-zＡ-Ｚａ-ｚ\-－/／_第]|[A-Za-zＡ-Ｚａ-ｚ][ \t])$"

#: A day written with 号 and no month (9号, 九号) takes its month from the date phrase before
#: it in the same text (12月1号启动，9号完成); alone it is a number: these characters before it
#: make it a document or serial number (国发〔2019〕9号, 第9号, [2020]3号), and these after it
#: a name: 3号楼 "building 3", 1号线 "line 1", 2号文件 / 2号文 "document 2", 1号令 "order 1", 9号院
#: "compound 9", 5号井 "well 5", 2号机 "unit 2", 3号地块 "plot 3", 6号门 "gate 6", 8号馆 "hall 8",
#: 一号工程 "project no. 1", 统一号召 "a unified call" (一号 after 统), 十二号 inside 三十二号,
#: 4号路 / 4号街 "road 4", 2号站 "station 2", 1号厂房 "workshop 1", 3号车 "car 3".
NOT_DAY_BEFORE: Final = "〕］】]）)第编统唯〇零一二三四五六七八九十"
NOT_DAY_AFTER: Final = "楼线文令院井机地门馆路街站厂车桥口台库仓区栋室召码称工"

#: The end of a quarter: 三季度末, 第三季度末, 季度末 (no number: the quarter is not known), and
#: 季度底, written like 月底.
QUARTER_END: Final = r"[末底]"

#: Phrases for work without an end (kind ``ongoing``, SPEC §5): 持续推进 "keep pushing on",
#: 持续开展 "keep carrying out", 长期坚持 "keep to for the long term", 长期推进 / 长期开展,
#: 常态化推进 / 常态化开展 "carry out as routine", 长期 "long-term" and 常年 "all year round, year
#: after year". 长期 and 常年 alone count only where they stand as the whole schedule or a whole
#: clause (ONGOING_ALONE): 长期护理保险 "long-term care insurance" and 长期以来 "for a long time
#: now" are no periods.
ONGOING: Final = (
    "持续推进",
    "持续开展",
    "长期坚持",
    "长期推进",
    "长期开展",
    "常态化推进",
    "常态化开展",
)
ONGOING_ALONE: Final = ("长期", "常年")
#: What may follow a word of ONGOING_ALONE (or a bare year, 2023年) for it to be a whole
#: clause: the end of the text, a space, clause or list punctuation, a closing bracket, or a
#: deadline word (2023年前).
CLAUSE_BOUNDARY: Final = r"(?=$|[\s，,。；;、：:）)】]|之前|以前|前)"

#: A list marker at the start of a line or of a clause glued to the date phrase after it:
#: 1.6月底前 "1. by the end of June", 2.年底前, 3.2022年底, and inline lists (1.3月底前制定方案；
#: 2.6月底前…；3.10月底前…: 3.10 is item 3 and October, not 10 March). Its dot is no decimal
#: point (5.5万) when no digit follows it, or a month, a quarter or a year does.
MARKER_BEFORE_DATE: Final = (
    r"(?m)(?:^|(?<=[；;。，,：:]))[ \t]*[0-9０-９]{1,2}[.．]"
    r"(?=[^0-9０-９]|[0-9０-９]{1,2}(?:月|季度)|(?:19|20)[0-9]{2}年)"
)
#: A numbered part of a schedule at the start of a line (1、… <br>2、…; 1.6月底前…; (1) ①): the
#: forms of vocab.shapes.ITEM_MARKER, one a line, and MARKER_BEFORE_DATE. Chinese numerals with
#: 、 are left out: 二、三、四季度 is a quarter list, not part 二.
PART_MARKER: Final = (
    rf"(?m)^[ \t]*(?:{LIST_MARKER}"
    r"|[0-9０-９]{1,2}[ \t]*[.．](?=[0-9０-９]{1,2}(?:月|季度)|(?:19|20)[0-9]{2}年))[ \t]*"
)

#: Spaces a PDF converter prints between a number and its date word (camelot and pymupdf4llm
#: print digits as pieces of their own), squeezed out before the phrases are read (gaps.py):
#: between a digit and 年, 月, 日, 号 or 季 (6 月底前, 2025 年底前, 3 季度); between 年 and a
#: month's number (2024 年 12 月), between 月 and a day's number (7 月 1 日前), and between a
#: range word after a date and the number after it (3 月至 2024 年 12 月). Spaces and tabs
#: only: a line break is never squeezed. 2020年 3项 keeps its space: no month follows.
DATE_GAP: Final = (
    r"(?<=[0-9０-９])[ \t\u3000]+(?=[年月日号季])"
    r"|(?<=[0-9０-９年月日号旬度][至到~～\-－—])[ \t\u3000]+(?=[0-9０-９])"
    r"|(?<=年)[ \t\u3000]+(?=[0-9０-９]{1,2}[ \t\u3000]*月)"
    r"|(?<=月)[ \t\u3000]+(?=[0-9０-９]{1,2}[ \t\u3000]*[日号])"
)

# --- conventions -----------------------------------------------------------------------------

#: Parts of a month after 月: 上旬 first ten days, 中旬 middle ten, 下旬 last days;
#: 初 start (days 1–10), 中 middle (11–20), 底 / 末 end (the last day); two neighbouring
#: parts together, 上中旬 (days 1–20) and 中下旬 (11–end), are one xun period.
#: name -> (kind, first day, last day); None as last day means the month's last day.
MONTH_PARTS: Final[dict[str, tuple[PeriodKind, int, int | None]]] = {
    "上中旬": ("xun", 1, 20),  # 3月上中旬: the first and middle ten days together
    "中下旬": ("xun", 11, None),  # 9月中下旬: the middle and last ten days together
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

#: Nouns that 年度 "annual" modifies when it stands right before them: there it is an adjective,
#: no period (完成年度征兵任务 "complete the annual conscription", 发布年度统计公报 "publish the
#: annual statistical bulletin", 梳理总结年度工作 "review the year's work"), and a schedule's
#: dates alone set the task's due (docs/decisions.md). 年度 alone, or before a time word (年度内)
#: or a verb (年度新增会员3%以上), stays the plan year (SPEC §5). So does 2024年度 before these.
#: 工作 work, 任务 task, 目标 goal, 计划 plan, 考核 assessment, 总结 summary, 报告 report, 公报
#: bulletin, 统计 statistics, 征兵 conscription, 投资 investment, 预算 / 决算 budget / final
#: accounts, 资金 / 经费 funds, 资产 assets, 补贴 subsidy, 重点 key (work), 指标 indicator, 评估 /
#: 评价 evaluation, 调查 survey, 检查 inspection, 审计 audit, 会议 / 大会 meeting, 项目 project,
#: 方案 scheme, 绩效 performance, 市级 city-level, 高标 (准农田) high-standard farmland, 国土
#: land, 综合 comprehensive, 人物 person (of the year), 报表 statement, 数据 data,
#: 排名 ranking, 表彰 commendation, 先进 model (workers), 征兵 conscription, 培训 training.
ANNUAL_NOUNS: Final = (
    "工作",
    "任务",
    "目标",
    "计划",
    "考核",
    "总结",
    "报告",
    "公报",
    "统计",
    "征兵",
    "投资",
    "预算",
    "决算",
    "资金",
    "经费",
    "资产",
    "补贴",
    "重点",
    "指标",
    "评估",
    "评价",
    "调查",
    "检查",
    "审计",
    "会议",
    "大会",
    "项目",
    "方案",
    "绩效",
    "市级",
    "高标",
    "国土",
    "综合",
    "人物",
    "报表",
    "数据",
    "排名",
    "表彰",
    "先进",
    "培训",
)

#: Recurring periods (ISO 8601 durations): 每周 every week, 每月 every month, 每月底 / 每月末
#: at the end of every month, 每季度 / 每季 every quarter, 每季度末 / 每季末 at the end of every
#: quarter, 每半年 every half year, 每年 every year, 每年底 / 每年末 at the end of every year.
RECURRING: Final[dict[str, str]] = {
    "每周": "P1W",
    "每月": "P1M",
    "每月底": "P1M",
    "每月末": "P1M",
    "每季度": "P3M",
    "每季": "P3M",
    "每季度末": "P3M",
    "每季末": "P3M",
    "每半年": "P6M",
    "每年": "P1Y",
    "每年底": "P1Y",
    "每年末": "P1Y",
}

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

#: A list marker that may stand at a clause's start before the date phrase opening it (1.3月底前
#: 制定方案；2.6月底前…): 1. 1、 （1） ①; the milestone's action starts after the phrase. A
#: dot before digits is a marker only where a month or a quarter follows (6.30 is a date).
CLAUSE_MARKER: Final = (
    r"(?:[0-9０-９]{1,2}(?:、|[.．](?![0-9０-９](?![0-9０-９]?(?:月|季度))))"
    r"|[（(][0-9０-９一二三四五六七八九十]{1,2}[）)]|[①-⑳])"
)


# --- cues (compiled) -----------------------------------------------------------------------

#: Date cues that make a text look like a schedule (the full recogniser is stages/dates).
#: 一季度 quarter, 5月 / 5月份 month, 上旬/中旬/下旬 ten-day periods, 月底 end of month,
#: 年底/年初/年中/年内/全年/上半年/下半年 parts of the year, 每周/每月/每年 recurring, and
#: 持续推进 "ongoing" (a schedule column's word for no deadline).
#: Every repetition is bounded, so a long run of 一 or digits is scanned in linear time. The
#: leading lookahead lets the engine skip to a possible first character (of each alternative
#: below); with it, stdlib re scans these texts two to three times faster than regex does
#: (measured on the sample).
DATE_CUE: Final = compiled(
    r"(?=[一二三四五六七八九十0-9０-９上中下年全每持长常])(?:"
    rf"{QUARTER_RUN}"
    rf"|{MONTH_CUE_NUMBER}月(?:份|底|末|初|中|{XUN})?"
    rf"|{XUN}|{YEAR_PART}|年内|全年|{HALF_YEAR}|每周|每月|每季度|每年"
    r"|持续推进|长期坚持|常态化推进|长期推进)"
)
