"""Target vocabulary (SPEC §6), as data for stages/targets.py.

A target is a number with a measure word, optionally with a comparator before it (不少于50人)
or after it (200场次以上). The tables below say which words count; the recogniser assembles
them into patterns once. Digits may be full-width (５０人).
"""

from __future__ import annotations

from typing import Final

from ..models import Comparator

#: Comparator words written before the number.
COMPARATORS_BEFORE: Final[dict[str, Comparator]] = {
    "不少于": ">=",  # not fewer than
    "不低于": ">=",  # not lower than
    "至少": ">=",  # at least
    "达到": ">=",  # reach
    "达": ">=",
    "超过": ">",  # exceed
    "超": ">",
    "突破": ">",  # break through
    "多于": ">",  # more than
    "高于": ">",  # higher than
    "大于": ">",  # greater than
    "不超过": "<=",  # not more than
    "不多于": "<=",
    "不高于": "<=",
    "不大于": "<=",
    "低于": "<",  # lower than
    "少于": "<",  # fewer than
    "小于": "<",  # less than
    "大约": "~",  # about
    "约": "~",
    # 约 with a verb (约占30%, 约为30%, 全市约有200家, 约达5万人) is still "about"
    "约占": "~",
    "约为": "~",
    "约有": "~",
    "约达": "~",
    "近": "~",  # nearly
    "逾": ">",  # over
    "不足": "<",  # short of
    "最多": "<=",  # at most
    "最少": ">=",  # at least
    "≥": ">=",
    "≤": "<=",
}

#: Negations before a comparator turn it round: 不得超过5个 "must not exceed 5" is <= 5,
#: 不得低于90% "must not fall below 90%" is >= 90%.
NEGATIONS: Final = ("不得", "不应", "不能", "不宜", "不可", "不要", "不")
NEGATED: Final[dict[Comparator, Comparator]] = {">": "<=", ">=": "<", "<": ">=", "<=": ">"}

#: Verbs that end in a comparator word: 下达3项任务 "hand down 3 tasks" is no 达 "reach",
#: 签约3家企业 "sign with 3 firms" no 约 "about".
NOT_COMPARATORS: Final = (
    "下达",
    "传达",
    "表达",
    "到达",
    "送达",
    "抵达",
    "签约",
    "预约",
    "特约",
    "邀约",
    "履约",
    "制约",
    "节约",
    "集约",
    "合约",
    "公约",
)

#: Comparator words written after the unit: 200场次以上 "200 or more".
COMPARATORS_AFTER: Final[dict[str, Comparator]] = {
    "及以上": ">=",  # and above
    "以上": ">=",  # or more
    "以内": "<=",  # within
    "之内": "<=",
    "以下": "<=",  # or fewer
    "左右": "~",  # about
}

#: Written between the number and the unit: 300余人, 1万多人 "more than 300 / 10,000"; or
#: between the number and its multiplier: 1000余万元, 1000多万元 "more than 10 million yuan".
MORE_THAN: Final = ("余", "多")

#: Spaces a PDF converter prints between a number and the multiplier or 余 / 多 after it
#: (粮食产量 100 亿斤, 1000 余万元: camelot and pymupdf4llm print digits as pieces of their own),
#: squeezed out before the targets are read (gaps.py). A space before the unit itself is read
#: by the target pattern (50 人); spaces and tabs only, never a line break.
TARGET_GAP: Final = r"(?<=[0-9０-９])[ \t\u3000]+(?=[万亿千百余多])"

#: Multipliers after a number in digits: 5.5万人 is 55,000 人; 1330亿元 is 133,000,000,000 元.
#: 万元, 亿元 and 万亩 are read this way too: the unit is 元 or 亩, the value multiplied.
MULTIPLIERS: Final[dict[str, int]] = {
    "百": 100,
    "千": 1_000,
    "万": 10_000,
    "亿": 100_000_000,
}

#: Measure words and units. Longer words are tried first (人次 before 人).
UNITS: Final = (
    "人",  # people
    "人次",  # person-times
    "名",  # people (formal)
    "家",  # organisations, firms
    "个",  # general
    "个百分点",  # percentage points
    "项",  # items, projects
    "场",  # events
    "场次",  # event-times
    "次",  # times
    "篇",  # articles
    "条",  # items (of news)
    "期",  # issues, sessions
    "所",  # schools, institutes
    "座",  # buildings
    "户",  # households
    "亩",  # mu (666 m²)
    "公顷",  # hectares
    "元",  # yuan
    "公里",  # kilometres
    "米",  # metres
    "平方米",  # square metres
    "吨",  # tonnes
    "吨标准煤",  # tonnes of standard coal equivalent (energy use): 50万吨标准煤以内
    "吨标煤",  # the same, shortened
    "斤",  # jin (half a kilogram): 粮食产量100亿斤以上
    "公斤",  # kilograms
    "台",  # machines
    "套",  # sets
    "件",  # pieces
    "批",  # batches
    "处",  # places
    "支",  # teams
    "部",  # works (films, books)
    "册",  # volumes
    "份",  # copies
    "本",  # books
    "种",  # kinds
    "门",  # courses
    "节",  # lessons
    "课时",  # class hours
    "学时",  # study hours
    "小时",  # hours
    "天",  # days
    "工作日",  # working days
    "个工作日",  # working days (with the measure word 个)
    "倍",  # times (multiples)
    "张",  # sheets, beds
    "辆",  # vehicles
    "艘",  # ships
    "栋",  # buildings
    "剂",  # doses
    "剂次",  # dose-times
    "例",  # cases
    "盏",  # lamps
    "口",  # wells, ponds
    "头",  # head of livestock
    "只",  # animals
    "株",  # plants
    "棵",  # trees
    "标箱",  # TEU
    "千瓦",  # kilowatts
    "平方公里",  # square kilometres
    "批次",  # batch-times
    # compound measure words: a count of visits or runs (检查在建工地100个次以上)
    "个次",  # site-times
    "户次",  # household-times
    "家次",  # firm-times
    "台次",  # machine-times
    "车次",  # vehicle-times (runs)
    "架次",  # sorties (flights)
    "班次",  # scheduled runs
    "项次",  # item-times
    "件次",  # piece-times
    "例次",  # case-times
    # currencies other than 元, with 万 / 亿 before them as multipliers (2000万美元)
    "美元",  # US dollars
    "欧元",  # euros
    "港元",  # Hong Kong dollars
    "日元",  # yen
    # concentrations (PM2.5浓度控制在35微克/立方米以内; PM2.5 itself is a name, no number)
    "微克/立方米",  # micrograms per cubic metre
    "毫克/立方米",  # milligrams per cubic metre
    "毫克/升",  # milligrams per litre
    "笔",  # transactions, loans
    "亩次",  # mu-times (造林1.2万亩次: land worked over, counted once per pass)
    "%",
    "％",
    "‰",  # per mille (死亡率控制在3‰以内), kept as written like %
    "‱",  # per ten thousand
)

#: A share written in words, 百分之九十 "ninety per cent", 千分之三, 万分之五: the base before 分之
#: and the unit its number is kept in, as 90%, 3‰ and 5‱ are (SPEC §6: percentages keep %).
SHARE_UNITS: Final[dict[str, str]] = {"百": "%", "千": "‰", "万": "‱"}

#: Words before 前 that make 前N名 a rank, not a count of people: 保持全省前三名 "stay in the
#: province's top three", 进入全国前十名, 位列前5名, 排名前三名. 前 after a date (年底前300名) is
#: a deadline's and stays a count.
RANK_BEFORE: Final = (
    "全国",
    "全省",
    "全市",
    "全区",
    "全县",
    "进入",
    "位列",
    "位居",
    "排名",
    "保持",
    "稳居",
    "跻身",
)

#: A unit followed by these characters is part of another word: 3部门 "3 departments" is no
#: "3 works", 一次性 "one-off".
NOT_UNIT_WORDS: Final = ("部门", "期间", "名单", "条件", "次性")

#: Units that a noun after them cannot be the subject of: 90%以上 counts nothing after it.
NO_SUBJECT_AFTER: Final = ("%", "％", "‰", "‱", "个百分点", "倍")

#: Words after 每 "every" (or a slash: 4次/年) that make a rate: 每周3期 is 3 期 per 周. Not 个:
#: 每个村 "each village" names what is counted, not a unit of the rate.
PER_WORDS: Final = ("季度", "天", "日", "周", "月", "年", *(u for u in UNITS if u != "个"))

#: Fixed terms with numerals in them that count nothing: 三长一家 (the "three heads and one
#: expert" of a grassroots science association), 四个意识 (the "four consciousnesses")…
FIXED_TERMS: Final = (
    "三长一家",
    "一带一路",
    "两学一做",
    "三会一课",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "四个全面",
    "五位一体",
    "千家万户",
    "一村一品",
    "一网通办",
    "三支一扶",
    "两项补贴",  # the two allowances for disabled people (living and nursing), a policy's name
)

#: Quote marks whose contents are names, never targets: “百名教授兴百村工程”, “4+1”, 《…》.
QUOTE_PAIRS: Final = ("“”", "‘’", "《》", "「」", "『』", '""')

# --- subjects (best effort) ------------------------------------------------------------------

#: Verbs before the counted noun: the subject of 举办学术交流活动200场次 starts after 举办.
VERBS: Final = (
    "开展",
    "举办",
    "举行",
    "组织",
    "培养",
    "培育",
    "扶持",
    "培训",
    "建立",
    "建设",
    "建成",
    "新建",
    "创建",
    "设立",
    "新设",
    "成立",
    "新成立",
    "发展",
    "新发展",
    "实施",
    "打造",
    "推广",
    "命名",
    "表彰",
    "评比",
    "评选",
    "推荐",
    "征集",
    "发布",
    "召开",
    "完成",
    "新增",
    "宣传",
    "开设",
    "报送",
    "上报",
    "获",
    "获得",
    "参加",
    "入库",
    "注册",
    "引进",
    "吸纳",
    "认定",
    "资助",
    "发放",
    "编印",
    "出版",
    "接待",
    "学习",
    "考察",
    "走访",
    "慰问",
    "邀请",
    "招募",
    "遴选",
    "选派",
    "播放",
    "刊发",
    "报道",
    "撰写",
    "形成",
    "提交",
    "印发",
    "制定",
    "出台",
    "改造",
    "服务",
    "覆盖",
    "帮扶",
    "带动",
    "达成",
    "开工",  # start construction
    "竣工",  # complete construction
    "采集",  # collect (samples)
)

#: Words stripped from the front of a subject: 全年 "over the year", 力争 "strive to", 其中
#: "of which", 各类 "all kinds of"…
LEADING_FILLERS: Final = (
    "全年",
    "年内",
    "全市",
    "市本级",
    "力争",
    "积极",
    "其中",
    "各类",
    "各级",
    "累计",
    "共",
    "并",
    "同时",
    "确保",
)

#: Verbs of change before the number, with or without 到 / 至 / 为 "to" after them: the subject
#: of 城镇化率提高到62% is 城镇化率, of 地区生产总值增长6% 地区生产总值. 提高 raise, 提升 lift,
#: 下降 / 降低 fall / lower, 增长 / 增加 grow / increase, 减少 / 缩减 reduce, 压缩 compress,
#: 缩短 shorten, 扩大 expand.
CHANGE_VERBS: Final = (
    "提高",
    "提升",
    "下降",
    "降低",
    "增长",
    "增加",
    "减少",
    "缩减",
    "压缩",
    "缩短",
    "扩大",
)

#: Words stripped from the end of a subject: 共 "in all", 稳定在 "kept at", 提高到 "raised to"…
TRAILING_FILLERS: Final = (
    "共",
    "累计",
    "总计",
    "合计",
    "稳定在",
    "保持在",
    "控制在",
    "达",
    "各",
    "分别",  # respectively
    *(verb + to for verb in CHANGE_VERBS for to in ("", "到", "至", "为")),
)

#: What a change is measured from, before its verb: 比2020年 "than in 2020", 较上年 "over last
#: year", 比去年同期 "than the same period last year", 同比 / 环比 "year on year / period on
#: period". A subject ends before it (单位GDP能耗比2020年下降13.5% counts 单位GDP能耗); alone it
#: is none.
COMPARISON_BASE: Final = (
    r"[比较](?:(?:19|20)[0-9０-９]{2}年|上年|去年|上一年|同期|基期)(?:同期|末|底)?|同比|环比"
)

#: A verb of VERBS that starts a noun when these follow it: 服务业 "the service industry",
#: 服务站 / 服务中心 "service station / centre", 服务事项 "service items", 服务满意度, 服务对象
#: "those served"; 培训班
#: "training class"; 发展水平 "level of development". There it is no verb (targets.md).
NOUNS_AFTER_VERB: Final[dict[str, tuple[str, ...]]] = {
    "服务": (
        "对象",
        "业",
        "站",
        "中心",
        "事项",
        "体系",
        "平台",
        "窗口",
        "机构",
        "设施",
        "能力",
        "质量",
        "水平",
        "满意",
        "热线",
        "大厅",
        "网点",
        "队",
        "团",
        "点",
        "所",
        "室",
        "功能",
        "保障",
    ),
    "培训": ("班", "中心", "基地", "机构"),
    "发展": ("水平", "质量", "规划", "中心", "指数"),
}

#: Characters that end a subject: clause and list punctuation, brackets, a slash.
SUBJECT_BOUNDARIES: Final = "，,。；;、：:！!？?\n（(）)/"

#: A subject after the number never starts with these: 200人左右的… "of about 200".
NOT_SUBJECT_STARTS: Final = "的和及与或等并以为在到至，"
