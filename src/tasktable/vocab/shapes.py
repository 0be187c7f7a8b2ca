"""What the text of each role tends to look like (SPEC §3), as data for the realigner.

The regexes are compiled once here; ``stages/realign.py`` turns their hits into scores.
"""

from __future__ import annotations

import re
from typing import Final

import regex

from ..patterns import compiled, on_first_use

#: Marks that open and close a phrase, each pair opening then closing: a text that opens
#: one more often than it closes it is unfinished (深化“一网 goes on in 通办”).
PAIRED_MARKS: Final = ("“”", "‘’", "《》", "「」", "『』", "（）", "()", "【】", "〔〕", "[]")

#: Endings of organisation names: 部 department, 室 office, 中心 centre, 局 bureau, 科 section,
#: 委 commission, 办 office, 处 division, 院 institute, 所 institute, 站 station, 队 brigade,
#: 会 association, 厅 department (province), 股 unit (county), 组 group, 馆 hall, 社 society,
#: 团 corps, 司 department, 行 bank, 政府 government, 公司 company, 单位 unit, 街道 sub-district,
#: 镇 town, 乡 township, 办事处 sub-district office, 集团 group, 协会 association.
DEPARTMENT_SUFFIXES: Final[tuple[str, ...]] = (
    "部",
    "室",
    "中心",
    "局",
    "科",
    "委",
    "办",
    "处",
    "院",
    "所",
    "站",
    "队",
    "会",
    "厅",
    "股",
    "组",
    "馆",
    "社",
    "团",
    "司",
    "行",
    "政府",
    "公司",
    "单位",
    "街道",
    "镇",
    "乡",
    "办事处",
    "协",  # 科协 association for science and technology
    "联",  # 妇联 women's federation, 工商联
    "部门",  # 有关部门 the departments concerned
    "集团",
    "协会",
    "各县区",
    "各地",
    "各部门",
)

#: Last characters of the suffixes: a text ending in none of them names no organisation.
DEPARTMENT_FINALS: Final = frozenset(suffix[-1] for suffix in DEPARTMENT_SUFFIXES) | {"）", ")"}

#: A role note after a name: 县委组织部（牵头） "(lead)", （配合） "(assisting)".
_ROLE_NOTE = r"(?:[（(](?:牵头|配合|负责|协办|主责)[）)])?"
_NAME = (
    r"[\p{Han}A-Za-z0-9（）()·]{1,16}?(?:"
    + "|".join(sorted(map(regex.escape, DEPARTMENT_SUFFIXES), key=len, reverse=True))
    + r")"
    + _ROLE_NOTE
)
_SEPARATOR = r"[、，,；;\s]+"
# The two patterns of names are the regex module's for its \p{Han}, which re cannot write
# but as the class's ranges, compiled a character at a time. A pattern that needs nothing
# of regex's own is re's (patterns.compiled), whose program a run reads from the file of
# programs rather than compiles.

#: One organisation name: a short run of CJK/Latin text ending in a department suffix.
DEPARTMENT_NAME: Final = on_first_use(regex.compile, rf"^{_NAME}$")

#: A list of organisation names and nothing else: 县水务局、县住建局.
DEPARTMENT_LIST: Final = regex.compile(rf"^\s*{_NAME}(?:{_SEPARATOR}{_NAME})*[、，,；;\s]*$")

#: Separators between names in a department cell: 、，,；; spaces and line breaks.
LIST_SEPARATOR: Final = compiled(_SEPARATOR)

#: How a unit's name starts: 省/市/州/县/区/旗/盟 a level of government, 镇/乡/街道 town,
#: township, sub-district, 各 "each", 中共 the Party, 共青团/团 the Youth League, 国网 State
#: Grid, 国家/中国 national bodies. A wrapped name's second line (建设局, 交警大队, 委员会)
#: rarely starts so, which tells a wrap from a second name (区住房和城乡<br>建设局).
UNIT_PREFIXES: Final[tuple[str, ...]] = (
    "省",
    "市",
    "州",
    "县",
    "区",
    "旗",
    "盟",
    "镇",
    "乡",
    "街道",
    "各",
    "中共",
    "共青团",
    "团",
    "国网",
    "国家",
    "中国",
)

#: Endings of names that stand alone without a county prefix: a place or a company. 镇 town,
#: 乡 township, 街道 sub-district, 办事处 sub-district office, 区 district or zone, 社区
#: community, 村 village, 园 park, 管委会 administrative committee, 公司 company (城关镇, 王庄乡,
#: 东城街道, 高新区, 幸福社区, 李庄村, 高新园, 开发区管委会, 城投公司). A line or word so ending,
#: with a head of PLACE_HEAD characters or more before the ending, is a name of its own after
#: a break, where an agency's ending without a prefix (建设局, 交警大队, 委员会) is the tail of
#: a wrapped name: 县城市管理局<br>城关镇 is two names, 区住房和城乡<br>建设局 one.
PLACE_SUFFIXES: Final[tuple[str, ...]] = (
    "镇",
    "乡",
    "街道",
    "办事处",
    "区",
    "社区",
    "村",
    "园",
    "管委会",
    "公司",
)
#: The shortest head before a place ending for the name to stand alone: 城关镇, 高新区; 城乡,
#: 委会 and a bare 公司 are the tails of wrapped names (区住房和城乡, 县供电公司).
PLACE_HEAD: Final = 2
#: How the tail of a wrapped company or bureau name starts, though it ends as a company does:
#: 有限公司 limited company, 股份 shares (股份有限公司), 有限责任 limited liability, 分公司
#: branch company, 子公司 subsidiary, 总公司 head company (县城投集团<br>有限公司 is one name).
NAME_CONTINUATIONS: Final[tuple[str, ...]] = ("有限", "股份", "分公司", "子公司", "总公司")

#: Whole-cell texts saying a unit column has no unit for this task: / and ／ slash, 无 "none",
#: 暂无 "none yet", dashes of any length (-, —, ——, －, –). They are no unit's name.
NO_UNIT: Final = frozenset({"/", "／", "\\", "无", "暂无", "-", "--", "－", "–", "—", "——", "―"})

#: Words marking who leads and who assists inside one department cell: as a label before
#: names (牵头单位：县发改局；配合单位：县财政局), as a note after a name (县发改局（牵头）) or
#: as a verb after a list (县财政局、县统计局配合).
LEAD_WORDS: Final = (
    "牵头单位",
    "牵头部门",
    "主办单位",
    "责任单位",
    "牵头",
    "主办",
    "主责",
    "负责",
)
#: The lead words that single one unit out among others: 牵头 "takes the lead", 主办 "hosts",
#: 主责 "bears the main responsibility". Where a cell marks a name so (县发改局（牵头）、县财政局),
#: the names it leaves unmarked assist. 责任单位 and 负责 say only "responsible": no such sign.
SINGLING_LEAD_WORDS: Final = ("牵头单位", "牵头部门", "主办单位", "牵头", "主办", "主责")
PARTNER_WORDS: Final = (
    "配合单位",
    "配合部门",
    "协办单位",
    "协同单位",
    "参与单位",
    "配合",
    "协办",
    "协同",
    "参与",
)

#: Sentence punctuation that headings (theme, project) rarely contain. Stdlib re: searched in
#: every distinct cell, where it runs in under half the time regex takes.
SENTENCE_PUNCT: Final = compiled(r"[，。；！？：,;]")

#: Marks that end a sentence (a final ； too), and closers that may follow them: 。” ！）
SENTENCE_ENDS: Final = frozenset("。！？；")
CLOSERS: Final = "”’」』）)"

#: A section number in a 序号 cell: 一、 / 一 / 一. / （一） — Chinese ordinals number the
#: headings that group tasks, Arabic digits number the tasks.
SECTION_NUMBER: Final = on_first_use(
    compiled,
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]?|[（(]\s*[一二三四五六七八九十]+\s*[）)])\s*$",
)
#: The number of a second-level heading: （一）, (二) — a first-level one is 一、.
SUBSECTION_NUMBER: Final = on_first_use(compiled, r"^\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]")

#: A heading that is the only text of its row: 一、经济社会发展的主要预期目标, （二）加快….
SECTION_HEADING: Final = on_first_use(
    compiled,
    r"^\s*(?:[一二三四五六七八九十]+\s*、|[（(]\s*[一二三四五六七八九十]+\s*[）)])\s*(?P<title>\S.*)$",
    re.DOTALL,
)

#: A list item's number, as a pattern piece: （1） (一) ① 1、 1) 1. and their full-width forms,
#: not 1.5 (a decimal). The one source of wraps (a break before one is kept), sub-tasks (a
#: row starting with one is an item) and numbered schedule parts (vocab.dates.PART_MARKER).
LIST_MARKER: Final = (
    r"(?:[（(][ \t]*[0-9０-９一二三四五六七八九十]{1,3}[ \t]*[）)]"  # （1） (一)
    r"|[①-⑳]"
    r"|[0-9０-９]{1,2}[ \t]*(?:[、)）]|[.．](?![0-9０-９])))"  # 1、 1) 1. but not 1.5
)
#: The start of an item in a list: a row without 序号 that starts so is a sub-task, not the
#: rest of the row above (1.5万 is a number, not an item).
ITEM_MARKER: Final = on_first_use(compiled, rf"^\s*{LIST_MARKER}")

#: The number of a numbered list item at the start of a text: 1.城市人居环境提升项目, 2、, （3）.
ITEM_NUMBER: Final = on_first_use(
    compiled,
    r"^\s*(?:[（(][ \t]*([0-9０-９]{1,3})[ \t]*[）)]"
    r"|([0-9０-９]{1,2})[ \t]*(?:[、)）]|[.．](?![0-9０-９])))",
)

#: Marks a plan sets beside a 序号 to single items out (★ 省考核指标 "assessed by the
#: province", ▲ 重点 "key", * 新增 "new"; the title or a note says which): ★☆▲△*＊※.
#: The number is the 序号; the mark is kept in a ``marked-seq`` info (stages/join.py).
SEQ_MARKS: Final = "★☆▲△*＊※"

#: A serial number: Arabic or full-width digits (up to 999,999 rows), optionally followed by a
#: dot, or by .0 as a spreadsheet writes an integer column that has a blank cell (2.0); in
#: brackets or with a closing one, as a list numbers its items ((1), （1）, 1)); or one circled
#: digit (①–⑳, ❶–❿, ➀–➉); with up to two SEQ_MARKS before or after (1★, ★3). Group 1
#: holds the digits, or the circled digit.
SEQ_NUMBER: Final = compiled(
    rf"^\s*[{SEQ_MARKS}]{{0,2}}\s*(?:[（(]\s*(?=[0-9０-９]{{1,6}}\s*[）)]))?"
    r"([0-9０-９]{1,6}|[\u2460-\u2473\u2776-\u277f\u2780-\u2789])"
    rf"(?:\.0)?\s*[.．、)）]?\s*[{SEQ_MARKS}]{{0,2}}\s*$"
)

#: A dotted serial number, an item of a numbered group: 1.1, 2.3 (group, then item; an
#: item 0 is no item: 2.0 is a spreadsheet's integer, SEQ_NUMBER).
DOTTED_SEQ: Final = compiled(r"^\s*([0-9０-９]{1,3})[.．]([1-9１-９][0-9０-９]{0,2})\s*$")

#: The 序号 of an item under a numbered group's heading row (1 | 提升养老服务水平): 1.2 or 1-2
#: (group, then item: groups "group" and "item"), or the item alone in brackets or circled,
#: as a list numbers its items: （2）, (2), ② (group "alone"). Only read so below a group's
#: heading (stages/realign.py); elsewhere （2） is a task's 序号 and 1-2 no number.
SUB_SEQ: Final = regex.compile(
    r"^\s*(?:(?P<group>[0-9０-９]{1,3})\s*[.．\-－]\s*(?P<item>[1-9１-９][0-9０-９]{0,2})"
    r"|[（(]\s*(?P<alone>[1-9１-９][0-9０-９]{0,2})\s*[）)]|(?P<alone>[\u2460-\u2473]))\s*$"
)

#: The hundred most common Chinese surnames: a line of an owner cell that starts with one and
#: is two to four characters long (perhaps with a title in brackets) is a person's name.
SURNAMES: Final = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤"
)

#: Last characters of a place's name beside the unit and place suffixes (DEPARTMENT_SUFFIXES,
#: PLACE_SUFFIXES): 市 city, 县 county, 省 province, 州 prefecture, 旗 banner, 盟 league. A
#: piece of a unit cell that starts with a surname but ends so (张家港市, 马鞍山市, 赵县) is a
#: place, never a person's name (names.people_apart).
PLACE_FINALS: Final = frozenset("市县省州旗盟")

#: How a leader's title ends in an owner cell: 长 (县长 county head, 副县长 deputy, 局长
#: bureau head, 秘书长 secretary-general), 书记 Party secretary, 主任 director, 常委 standing
#: committee member, 委员 member, 主席 chair, 政委 political commissar. A line of an owner
#: cell that starts with such a title, after a line that ends in a person's name, names the
#: next leader (县长 周明<br>常务副县长 陈志强).
LEADER_TITLE_ENDINGS: Final[tuple[str, ...]] = (
    "长",
    "书记",
    "主任",
    "常委",
    "委员",
    "主席",
    "政委",
)

#: What a progress report says (SPEC §2: progress, not a plan): a percentage first (65%,
#: 100%), or words of work done or under way: 已完成 done, 已开工 started, 正在推进 under way,
#: 推进中 in progress, 滞后 behind schedule, 未完成 not done, 进展顺利 going well.
PROGRESS_CUE: Final = compiled(
    r"^\s*[0-9０-９]{1,3}(?:[.．][0-9]+)?\s*[%％]"
    r"|已完成|已开工|已启动|已竣工|已建成|已投入|已实施|已开展|正在推进|正在实施|正在开展|正在建设"
    r"|推进中|进行中|实施中|建设中|滞后|未完成|未开工|未启动|进展顺利|基本完成|全面完成"
)
