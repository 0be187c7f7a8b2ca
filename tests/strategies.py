"""Hypothesis strategies: clean task tables with their truth, damaged copies, and junk input.

A generated table is what a converter such as marker writes for a PDF task table with true
merged cells (SPEC §1, §4): one Markdown pipe table per page, the header repeated on each page
(sometimes with an extra empty column), and every merged cell's text written on the first row
of its span and on the first row of each page, blank elsewhere. ``shifted_tables`` then moves
cells the way converters do (SPEC §3): left over dropped blank merged cells, or right into a
spurious empty column.

The vocabularies below are invented for these tests (they are not taken from the sample) and
are chosen so that each text has the shape of its role: two-clause themes without a final 。,
short projects without punctuation, contents ending in 。, schedules with date phrases, and
department names ending in 局/办/中心/科/部/室.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate, pairwise
from typing import Final, NamedTuple

from hypothesis import assume
from hypothesis import strategies as st

# --- Vocabularies ---------------------------------------------------------------------------

#: Themes: two-clause headings, no final 。, no date phrase, no clause ending like a department.
THEMES: Final[tuple[str, ...]] = (
    "坚持创新驱动，增强发展动能",  # drive innovation, strengthen growth momentum
    "深化改革开放，激发市场活力",  # deepen reform and opening-up, unleash market vitality
    "聚焦民生实事，提升群众获得感",  # focus on livelihood, raise people's sense of gain
    "推进乡村振兴，促进农民增收",  # revitalise the countryside, raise farmers' incomes
    "加强生态保护，建设美丽家园",  # protect the environment, build a beautiful home
    "优化营商环境，服务企业发展",  # improve the business climate, serve enterprises
    "完善基础设施，提升城乡品质",  # improve infrastructure, raise urban and rural quality
    "守牢安全底线，维护社会稳定",  # hold the safety line, keep society stable
    "强化党建引领，锻造过硬队伍",  # let Party building lead, forge a capable team
    "发展社会事业，增进民生福祉",  # develop social services, improve people's well-being
    "壮大实体经济，夯实产业根基",  # grow the real economy, consolidate the industrial base
    "加快数字转型，培育新兴业态",  # speed up digital transformation, foster new business forms
)

#: Projects: short headings (4–12 characters) without punctuation or date phrases.
PROJECTS: Final[tuple[str, ...]] = (
    "推进数字政府建设",  # build digital government
    "实施科技企业培育",  # foster technology enterprises
    "建设智慧城市平台",  # build the smart-city platform
    "开展农村人居环境整治",  # improve the rural living environment
    "提升公共文化服务",  # improve public cultural services
    "加快重大项目建设",  # speed up major projects
    "深化行政审批改革",  # deepen reform of administrative approval
    "强化安全生产监管",  # tighten work-safety supervision
    "完善养老服务体系",  # improve the elderly-care system
    "推动教育均衡发展",  # balance education development
    "打造特色产业集群",  # build characteristic industrial clusters
    "加强生态环境治理",  # improve environmental governance
    "优化政务服务流程",  # streamline government services
    "扩大有效投资",  # expand effective investment
    "促进消费扩容提质",  # expand and upgrade consumption
    "实施人才引育工程",  # attract and train talent
    "推进老旧小区改造",  # renovate old residential compounds
    "健全社会救助体系",  # improve the social-assistance system
    "开展全民健身活动",  # run fitness-for-all activities
    "抓好粮食安全生产",  # secure grain production
    "加强河湖长效管护",  # maintain rivers and lakes
    "推进招商引资攻坚",  # push investment promotion
    "培育壮大新兴产业",  # grow emerging industries
    "完善城乡路网",  # improve the urban-rural road network
)

#: Contents: sentences of 15–60 characters ending in 。.
CONTENTS: Final[tuple[str, ...]] = (
    # put more services online so that they are done in one visit
    "全面梳理政务服务事项，推动更多事项实现网上办理和一次办成。",
    # assign officials to key firms and solve their problems promptly
    "建立重点企业包挂联系制度，及时协调解决企业生产经营中的困难和问题。",
    # build or rebuild twenty kilometres of rural roads
    "新建改建农村公路二十公里，进一步提升农村道路通达水平。",
    # inspect work safety and remove hazards
    "组织开展安全生产大检查，全面排查整治各类安全隐患，坚决遏制重特大事故发生。",
    # separate rain and sewage pipes in the town
    "加快推进城区雨污分流改造，提高污水收集处理能力。",
    # extend school buildings, one thousand new places
    "实施中小学校舍改扩建工程，新增学位一千个。",
    # improve home-based elderly care, three new day-care sites
    "完善社区居家养老服务网络，新建日间照料站点三个。",
    # attract fifty high-level professionals and build flats for them
    "引进培育高层次人才五十名，建设人才公寓两百套。",
    # fitness in the neighbourhoods, ten kilometres of new trails
    "开展全民健身进社区活动，新建健身步道十公里。",
    # river chiefs: patrol and clean the rivers regularly
    "落实河湖长制，常态化开展河道巡查和保洁工作。",
    # protect farmland, keep the sown grain area stable
    "加强耕地保护，确保粮食播种面积稳定在二十万亩以上。",
    # targeted investment promotion, ten projects over 100 million yuan
    "围绕主导产业开展精准招商，力争引进亿元以上项目十个。",
    # smart and digital upgrades of industrial firms
    "推动规上工业企业开展智能化改造和数字化转型。",
    # grid-based city management
    "完善城市管理网格化机制，提升市容环境精细化管理水平。",
    # pay assistance funds to people in need on time and in full
    "加大困难群众救助力度，确保各项救助资金按时足额发放。",
    # renovate twelve old compounds, benefiting three thousand households
    "推进老旧小区改造，完成改造小区十二个，惠及居民三千余户。",
    # cut the time to open a business to one working day
    "深化放管服改革，企业开办时间压缩至一个工作日以内。",
    # a county data-sharing platform connecting departments
    "建设县级数据共享交换平台，实现部门间数据互联互通。",
    # twenty technology projects, five national high-tech firms
    "组织实施科技项目二十项，培育国家高新技术企业五家。",
    # one hundred free cultural performances
    "举办文化惠民演出一百场次，丰富群众精神文化生活。",
)

#: Schedules: Chinese date phrases (quarters, months, month ends, the whole year).
SCHEDULES: Final[tuple[str, ...]] = (
    # Q1 plan; Q2 start; Q3 mid-term review; Q4 acceptance
    "一季度制定工作方案；二季度全面启动实施；三季度开展中期评估；四季度总结验收。",
    # plan done by the end of June, everything by the end of December
    "6月底前完成方案编制，12月底前全面完成。",
    # all year, all targets met by the end of the year
    "全年持续推进，年底前完成各项目标任务。",
    # preparation in the first half, construction in the second
    "上半年完成项目前期工作，下半年开工建设。",
    # launch by end of March; inspection in June; assessment by end of November
    "3月底前部署启动；6月份开展督查；11月底前完成考核。",
    # progress reviewed monthly, done by the end of the year
    "每月调度一次进展情况，年底前全面完成。",
    # Q1 survey; Q2–Q3 implementation; Q4 acceptance
    "一季度摸底调研；二、三季度组织实施；四季度验收考核。",
    # main works by end of September, in use in December
    "9月底前完成主体工程，12月份投入使用。",
    # all year, progress reported every quarter
    "全年开展，每季度通报一次进展。",
    # rules issued by end of May; yearly task done by end of October
    "5月底前出台实施细则；10月底前完成年度任务。",
    # Q2 tender; Q3 construction; mostly built by the end of the year
    "二季度完成招标工作；三季度开工建设；年底前基本建成。",
    # done within the year
    "年内完成。",
    # start in April; check in early July; sum up in late November
    "4月份启动；7月上旬开展中期检查；11月下旬总结。",
)

#: Departments: names ending in 局 bureau, 办 office, 中心 centre, 科 section, 部 department,
#: 室 office.
DEPARTMENTS: Final[tuple[str, ...]] = (
    "县发改局",  # county development and reform bureau
    "县财政局",  # county finance bureau
    "县教育局",  # county education bureau
    "县住建局",  # county housing and construction bureau
    "县交通运输局",  # county transport bureau
    "县农业农村局",  # county agriculture and rural affairs bureau
    "县水务局",  # county water bureau
    "县民政局",  # county civil affairs bureau
    "县市场监管局",  # county market regulation bureau
    "县应急管理局",  # county emergency management bureau
    "县工信局",  # county industry and IT bureau
    "县委组织部",  # county Party organisation department
    "县委宣传部",  # county Party publicity department
    "县政府办",  # county government office
    "党政办",  # Party and government office
    "政务服务中心",  # government service centre
    "县融媒体中心",  # county media centre
    "规划科",  # planning section
    "综合科",  # general affairs section
    "办公室",  # general office
)

#: The header row: 序号 seq, 主题 theme, 项目名称 project, 项目内容 content, 序时进度 schedule,
#: 责任部门 departments.
HEADER: Final[tuple[str, ...]] = ("序号", "主题", "项目名称", "项目内容", "序时进度", "责任部门")

#: Places and table names for the title line: 某县 a county, 某区 a district, 某市 a city;
#: 重点工作任务分解表 breakdown of key tasks, 重点任务分工表 division of key tasks.
PLACES: Final[tuple[str, ...]] = ("某县", "某区", "某市")
TABLE_NAMES: Final[tuple[str, ...]] = ("重点工作任务分解表", "重点任务分工表")

#: Lines a converter may write between two page tables: 续表 "table continued".
BETWEEN_PAGES: Final[tuple[str, ...]] = ("", "续表")

#: Column indices of the page rows.
SEQ, THEME, PROJECT, CONTENT, SCHEDULE, DEPARTMENTS_COLUMN = range(6)

# --- Generated values -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Record:
    """The truth about one task, as the parser should resolve it."""

    seq: int
    theme: str
    project: str
    content: str
    schedule: str | None  # a blank 序时进度 cell stays null
    department: str


@dataclass(frozen=True, slots=True)
class Page:
    """One page table: its data rows as cell texts ('' for blank) and its header's width."""

    rows: tuple[tuple[str, ...], ...]
    extra_column: bool  # the header has an extra empty column: | 序号 | … | 责任部门 | |


@dataclass(frozen=True, slots=True)
class TaskTable:
    """A clean generated table: its Markdown, the truth, and the pages it was rendered from."""

    markdown: str
    records: list[Record]
    title: str
    pages: tuple[Page, ...]


@dataclass(frozen=True, slots=True)
class ShiftedTable:
    """A damaged copy of a TaskTable: its Markdown and every non-empty data cell it holds."""

    markdown: str
    cells: list[str]
    records: list[Record]
    shifted_rows: int  # how many rows were actually moved


@dataclass(frozen=True, slots=True)
class _Project:
    """A project span: its rows, each with its department, and where department spans start."""

    name: str
    records: tuple[Record, ...]
    starts: frozenset[int]  # row offsets in the project where the department is written


# --- Helpers: drawing the truth ------------------------------------------------------------


def _split_points(draw: st.DrawFn, length: int) -> list[int]:
    """Sorted cut points strictly inside 0..length: where a span of ``length`` rows is cut."""
    if length < 2:
        return []
    return sorted(draw(st.sets(st.integers(1, length - 1), max_size=length - 1)))


def _spans(points: Sequence[int], length: int) -> list[range]:
    """The consecutive spans that cut points make of ``length`` rows."""
    edges = [0, *points, length]
    return [range(a, b) for a, b in pairwise(edges)]


@st.composite
def _project(
    draw: st.DrawFn, *, name: str, theme: str, first_seq: int, previous_department: str | None
) -> _Project:
    """One project of 1–4 rows whose departments are cut into consecutive spans.

    A project with a single department span may carry on the previous project's department
    without writing it (SPEC §4: a blank department at a new project carries forward only when
    the project names none later); every other span writes its department on its first row.
    """
    length = draw(st.integers(1, 4))
    spans = _spans(_split_points(draw, length), length)
    carried = previous_department if len(spans) == 1 and draw(st.booleans()) else None
    departments: list[str] = []
    starts: set[int] = set()
    for span in spans:
        if carried is None:
            starts.add(span.start)
        department = carried or draw(st.sampled_from(DEPARTMENTS))
        departments += [department] * len(span)
    records = tuple(
        Record(
            seq=first_seq + offset,
            theme=theme,
            project=name,
            content=draw(st.sampled_from(CONTENTS)),
            schedule=None if draw(_rarely()) else draw(st.sampled_from(SCHEDULES)),
            department=departments[offset],
        )
        for offset in range(length)
    )
    return _Project(name, records, frozenset(starts))


def _rarely() -> st.SearchStrategy[bool]:
    """True about one time in eight."""
    return st.integers(0, 7).map(lambda n: n == 0)


@st.composite
def _projects(draw: st.DrawFn) -> list[_Project]:
    """1–3 themes of 1–3 projects each; every theme and project name used once."""
    themes = draw(st.permutations(THEMES))[: draw(st.integers(1, 3))]
    names = iter(draw(st.permutations(PROJECTS)))
    projects: list[_Project] = []
    seq = 1
    for theme in themes:
        for _ in range(draw(st.integers(1, 3))):
            previous = projects[-1].records[-1].department if projects else None
            project = draw(
                _project(name=next(names), theme=theme, first_seq=seq, previous_department=previous)
            )
            projects.append(project)
            seq += len(project.records)
    return projects


def _span_starts(projects: Sequence[_Project]) -> list[tuple[Record, dict[int, bool]]]:
    """Each record with, per merged column, whether its text starts a span on this row."""
    rows: list[tuple[Record, dict[int, bool]]] = []
    theme = None
    for project in projects:
        for offset, record in enumerate(project.records):
            starts = {
                THEME: record.theme != theme,
                PROJECT: offset == 0,
                DEPARTMENTS_COLUMN: offset in project.starts,
            }
            theme = record.theme
            rows.append((record, starts))
    return rows


def _cells(record: Record, starts: dict[int, bool], *, page_top: bool) -> tuple[str, ...]:
    """The six cells of a row: merged texts only on the first row of their span or page."""

    def merged(column: int, text: str) -> str:
        return text if starts[column] or page_top else ""

    return (
        str(record.seq),
        merged(THEME, record.theme),
        merged(PROJECT, record.project),
        record.content,
        record.schedule or "",
        merged(DEPARTMENTS_COLUMN, record.department),
    )


@st.composite
def _pages(draw: st.DrawFn, projects: Sequence[_Project]) -> tuple[Page, ...]:
    """The rows cut into pages of random length, each maybe with an extra empty column."""
    rows = _span_starts(projects)
    pages: list[Page] = []
    for span in _spans(_split_points(draw, len(rows)), len(rows)):
        extra = draw(st.booleans())
        cells = tuple(
            _cells(*rows[index], page_top=index == span.start) + (("",) if extra else ())
            for index in span
        )
        pages.append(Page(cells, extra))
    return tuple(pages)


# --- Helpers: rendering ---------------------------------------------------------------------


def _table_line(cells: Sequence[str]) -> str:
    """One pipe-table row; a blank cell is written as ``|  |`` as converters do."""
    return "| " + " | ".join(cells) + " |"


def render_page(page: Page, rows: Sequence[Sequence[str]] | None = None) -> str:
    """A page as a Markdown pipe table, header first; ``rows`` replaces the page's rows."""
    header = HEADER + (("",) if page.extra_column else ())
    lines = [_table_line(header), "|" + "---|" * len(header)]
    lines += [_table_line(row) for row in (page.rows if rows is None else rows)]
    return "\n".join(lines)


def render_document(title: str, tables: Sequence[str], between: Sequence[str]) -> str:
    """The title line, then the page tables separated by blank lines (and maybe 续表)."""
    parts = [title, tables[0]]
    for text, table in zip(between, tables[1:], strict=True):
        parts += [text, table] if text else [table]
    return "\n\n".join(parts) + "\n"


# --- Public strategies ----------------------------------------------------------------------


@st.composite
def task_tables(draw: st.DrawFn) -> TaskTable:
    """A clean task table, as a top-placing converter writes it, and its true records."""
    projects = draw(_projects())
    pages = draw(_pages(projects))
    year = draw(st.integers(2015, 2030))
    title = f"{year}年{draw(st.sampled_from(PLACES))}{draw(st.sampled_from(TABLE_NAMES))}"
    between = [draw(st.sampled_from(BETWEEN_PAGES)) for _ in pages[1:]]
    markdown = render_document(title, [render_page(page) for page in pages], between)
    records = [record for project in projects for record in project.records]
    return TaskTable(markdown, records, title, pages)


def _left_shift(draw: st.DrawFn, cells: tuple[str, ...]) -> tuple[str, ...] | None:
    """Drop one or two blank cells left of some text, as when a merged cell is lost."""
    last_text = max(i for i, text in enumerate(cells) if text)
    blanks = [i for i in range(SEQ + 1, last_text) if not cells[i]]
    if not blanks:
        return None
    dropped = draw(st.sets(st.sampled_from(blanks), min_size=1, max_size=min(2, len(blanks))))
    kept = tuple(text for i, text in enumerate(cells) if i not in dropped)
    return kept + ("",) * len(dropped)


def _right_shift(draw: st.DrawFn, cells: tuple[str, ...]) -> tuple[str, ...] | None:
    """Insert a blank cell before some text, pushing the rest into the empty last column."""
    last_text = max(i for i, text in enumerate(cells) if text)
    if cells[-1] or last_text == SEQ:
        return None
    position = draw(st.integers(SEQ + 1, last_text))
    return (*cells[:position], "", *cells[position:-1])


@st.composite
def _shifted_row(draw: st.DrawFn, cells: tuple[str, ...], extra: bool) -> tuple[str, ...]:
    """A row left as it is, or shifted left (over blanks) or right (into the extra column)."""
    moves = ["none", "left"] + (["right"] if extra else [])
    move = draw(st.sampled_from(moves))
    shifted = None
    if move == "left":
        shifted = _left_shift(draw, cells)
    elif move == "right":
        shifted = _right_shift(draw, cells)
    return cells if shifted is None else shifted


@st.composite
def shifted_tables(draw: st.DrawFn) -> ShiftedTable:
    """A task table with cells on some rows moved the way converters move them (SPEC §3)."""
    table = draw(task_tables())
    tables: list[str] = []
    cells: list[str] = []
    shifted = 0
    for page in table.pages:
        rows = [draw(_shifted_row(row, page.extra_column)) for row in page.rows]
        shifted += sum(new != old for new, old in zip(rows, page.rows, strict=True))
        cells += [text for row in rows for text in row if text]
        tables.append(render_page(page, rows))
    between = [draw(st.sampled_from(BETWEEN_PAGES)) for _ in tables[1:]]
    markdown = render_document(table.title, tables, between)
    return ShiftedTable(markdown, cells, table.records, shifted)


# --- Broken tables: the damage converters do -------------------------------------------------


@dataclass(frozen=True, slots=True)
class BrokenTable:
    """A task table damaged in the ways converters damage them, with its truth.

    ``damage`` names what was done, so that a failing example says which break it was.
    """

    markdown: str
    records: list[Record]
    damage: tuple[str, ...]


def _between_ideographs(text: str) -> list[int]:
    """Positions inside ``text`` with a CJK ideograph on both sides: where a printed line can
    wrap without changing the words (SPEC §1)."""
    return [
        i
        for i in range(1, len(text))
        if "\u4e00" <= text[i - 1] <= "\u9fff" and "\u4e00" <= text[i] <= "\u9fff"
    ]


def _docling(rows: Sequence[tuple[str, ...]], records: Sequence[Record]) -> list[tuple[str, ...]]:
    """Every merged cell written out on every row of its span, as docling does."""
    filled = []
    for row, record in zip(rows, records, strict=True):
        cells = list(row)
        cells[THEME], cells[PROJECT] = record.theme, record.project
        cells[DEPARTMENTS_COLUMN] = record.department
        filled.append(tuple(cells))
    return filled


def _left_filled(
    rows: Sequence[tuple[str, ...]], records: Sequence[Record], previous: Record | None
) -> list[tuple[str, ...]]:
    """Each blank merged cell written with its left neighbour's text, as pymupdf4llm without
    its layout module does (|10|10|10|做好…|全年。|全年。|); at the top of a page, a span that
    continues from the page before is blank instead, as it writes it."""
    filled = []
    for index, (row, record) in enumerate(zip(rows, records, strict=True)):
        cells = list(row)
        for column in (THEME, PROJECT, DEPARTMENTS_COLUMN):
            if index == 0 and previous is not None and _continues(previous, record, column):
                cells[column] = ""
            elif not cells[column]:
                cells[column] = cells[column - 1]
        filled.append(tuple(cells))
        previous = record
    return filled


def _continues(before: Record, record: Record, column: int) -> bool:
    """Whether ``record``'s merged cell in ``column`` can be the span of the row before."""
    same = [before.theme == record.theme]
    if column in (PROJECT, DEPARTMENTS_COLUMN):
        same.append(before.project == record.project)
    if column == DEPARTMENTS_COLUMN:
        same.append(before.department == record.department)
    return all(same)


#: Columns a printed line can wrap in and the parser must join again: not 责任部门, where a
#: line break also separates departments (县水务局<br>县住建局).
_WRAPPING_COLUMNS = (THEME, PROJECT, CONTENT, SCHEDULE)


@st.composite
def broken_tables(draw: st.DrawFn) -> BrokenTable:
    """A clean table (pages of random length, header repeated, sometimes an extra empty
    column) whose merged cells are blank below their label (marker), repeated on every row
    (docling) or filled from the left (pymupdf4llm without layout), with some of: printed
    line wraps (<br>) at random points in any text column; a | in a content, escaped; a row
    broken across a page break; cells shifted left or right; CRLF line ends; a byte-order mark.

    Every break here leaves the answer decidable, so the parse must equal the records on every
    field. Labels printed in the middle of their span are not drawn (docs/realignment.md).
    """
    table = draw(task_tables())
    records = list(table.records)
    damage: list[str] = []
    style = draw(st.sampled_from(["marker", "docling", "left-filled"]))
    if style != "marker":
        damage.append(style)
    # The records in page order, so that a page's rows can be matched to their truth.
    rows_per_page = [len(page.rows) for page in table.pages]
    offsets = [sum(rows_per_page[:i]) for i in range(len(rows_per_page))]
    pages: list[list[tuple[str, ...]]] = []
    for page, offset in zip(table.pages, offsets, strict=True):
        page_records = records[offset : offset + len(page.rows)]
        rows = list(page.rows)
        if draw(st.booleans()):  # printed line wraps, before any copying: copies keep them
            for _ in range(draw(st.integers(1, 4))):
                at_row = draw(st.integers(0, len(rows) - 1))
                column = draw(st.sampled_from(_WRAPPING_COLUMNS))
                cells = list(rows[at_row])
                points = _between_ideographs(cells[column])
                if points and "<br>" not in cells[column]:
                    at = draw(st.sampled_from(points))
                    cells[column] = cells[column][:at] + "<br>" + cells[column][at:]
                    rows[at_row] = tuple(cells)
            damage.append("soft wraps")
        if style == "docling":
            rows = _docling(rows, page_records)
        elif style == "left-filled":
            rows = _left_filled(rows, page_records, records[offset - 1] if offset else None)
        pages.append(rows)

    def content_of(row: tuple[str, ...]) -> str:
        return row[CONTENT]

    def with_content(row: tuple[str, ...], content: str) -> tuple[str, ...]:
        return (*row[:CONTENT], content, *row[CONTENT + 1 :])

    index = draw(st.integers(0, len(records) - 1))
    page_of = next(i for i, start in reversed(list(enumerate(offsets))) if start <= index)
    row_of = index - offsets[page_of]
    if draw(st.booleans()):  # a | in the content: written escaped, read back as |
        record = records[index]
        at = draw(st.sampled_from(_between_ideographs(record.content)))
        content = record.content[:at] + "|" + record.content[at:]
        records[index] = Record(
            record.seq, record.theme, record.project, content, record.schedule, record.department
        )
        cell = content.replace("|", "\\|")
        pages[page_of][row_of] = with_content(pages[page_of][row_of], cell)
        damage.append("escaped pipe")
    broken: set[tuple[int, int]] = set()  # (page, row) of the two halves of a broken row
    if len(pages) > 1 and draw(st.booleans()):  # the last row of a page broken at the break
        cut_page = draw(st.integers(0, len(pages) - 2))
        row = pages[cut_page][-1]
        text = content_of(row)
        # A page break falls after a printed line: a few characters on each side.
        cut = [
            i
            for i in _between_ideographs(text)
            if 6 <= i <= len(text) - 6 and "<" not in text and "\\" not in text
        ]
        if cut:
            at = draw(st.sampled_from(cut))
            pages[cut_page][-1] = with_content(row, text[:at])
            rest = tuple("" for _ in row)
            pages[cut_page + 1].insert(0, with_content(rest, text[at:]))
            broken |= {(cut_page, len(pages[cut_page]) - 1), (cut_page + 1, 0)}
            damage.append("row broken across pages")
    shifted_pages = []
    for number, (page, rows) in enumerate(zip(table.pages, pages, strict=True)):
        # A broken row is not shifted too: half a row is no evidence. Nor is a left-filled
        # table: shifts come from dropped blank merged cells, and that converter writes none.
        if style != "left-filled" and draw(st.booleans()):
            rows = [
                row if (number, i) in broken else draw(_shifted_row(row, page.extra_column))
                for i, row in enumerate(rows)
            ]
            damage.append("shifted cells")
        shifted_pages.append(render_page(page, rows))
    between = [draw(st.sampled_from(BETWEEN_PAGES)) for _ in shifted_pages[1:]]
    markdown = render_document(table.title, shifted_pages, between)
    if draw(st.booleans()):
        markdown = markdown.replace("\n", "\r\n")
        damage.append("CRLF")
    if draw(st.booleans()):
        markdown = "\ufeff" + markdown
        damage.append("BOM")
    return BrokenTable(markdown, records, tuple(damage))


@dataclass(frozen=True, slots=True)
class CentredTable:
    """A table whose merged labels stand in the middle of their spans, and its truth."""

    markdown: str
    records: list[Record]
    page_breaks: tuple[int, ...]  # row indices that start a new page


#: Project lengths and the department spans each may be cut into: odd lengths of three rows
#: or more, so that every span has a middle row and its first row is blank (the evidence a
#: centring converter leaves, docs/trust.md).
_CENTRED_PROJECTS: Final[dict[int, tuple[tuple[int, ...], ...]]] = {
    3: ((3,),),
    5: ((5,),),
    9: ((9,), (3, 3, 3)),
}


@st.composite
def centred_tables(
    draw: st.DrawFn, *, ambiguous: bool = False, tall_edges: bool | None = None
) -> CentredTable:
    """A table as pymupdf4llm's layout mode writes it (docs/realignment.md): each merged
    label (theme, project, department) on the row where its span's vertical middle falls,
    blank elsewhere; rows 1-3 printed lines tall (contents wrapped with <br>); up to two page
    breaks, a span cut by one labelled on its first row or in the middle of its part on the
    first page. Drawn only where one cut of the spans puts every label where it is printed,
    or, ``ambiguous``, only where some column's labels fit more than one cut. With
    ``tall_edges`` the rows at the edges of spans are two or three lines tall (drawn if None).
    """
    themes = draw(st.permutations(THEMES))[: draw(st.integers(1, 2))]
    names = iter(draw(st.permutations(PROJECTS)))
    records: list[Record] = []
    for theme in themes:
        for _ in range(draw(st.sampled_from([1, 3]))):
            project = next(names)
            length = draw(st.sampled_from(sorted(_CENTRED_PROJECTS)))
            department = None
            for span_length in draw(st.sampled_from(_CENTRED_PROJECTS[length])):
                # Two spans of one department side by side print as one, of even length.
                others = [d for d in DEPARTMENTS if d != department]
                department = draw(st.sampled_from(others))
                for _ in range(span_length):
                    records.append(
                        Record(
                            seq=len(records) + 1,
                            theme=theme,
                            project=project,
                            content=draw(st.sampled_from(CONTENTS)),
                            schedule=draw(st.sampled_from(SCHEDULES)),
                            department=department,
                        )
                    )
    # Pages break anywhere, at most twice. A span cut by a page break has its label where
    # weasyprint puts it: on its first row, or (once in the converter fixtures) where the
    # middle of its part on the first page falls.
    breaks = tuple(sorted(draw(st.sets(st.integers(1, len(records) - 1), max_size=2))))
    # Each row is 1-3 printed lines tall, its content wrapped with <br>. One-line rows at
    # the edges of spans leave most tables of two or more spans open (a cut moved by a row
    # puts a middle on a line between rows, which may print on either), so half the tables
    # have taller rows there: else 19 in 20 tables drawn are one theme, project and department.
    edges = {i for span in _record_spans(records, "department") for i in (span[0], span[-1])}
    if tall_edges is None:
        tall_edges = draw(st.booleans())
    heights = [
        draw(st.integers(2 if tall_edges and index in edges else 1, 3))
        for index in range(len(records))
    ]
    rows = [["" for _ in HEADER] for _ in records]
    for index, record in enumerate(records):
        points = _between_ideographs(record.content)
        cuts = sorted(
            draw(
                st.sets(
                    st.sampled_from(points),
                    min_size=heights[index] - 1,
                    max_size=heights[index] - 1,
                )
            )
        )
        pieces = [record.content[a:b] for a, b in pairwise([0, *cuts, len(record.content)])]
        rows[index][SEQ] = str(record.seq)
        rows[index][CONTENT] = "<br>".join(pieces)
        rows[index][SCHEDULE] = record.schedule or ""
    tops = [0, *accumulate(heights)]
    fixed: set[int] = set()  # edges of the enclosing spans, which every reading shares
    readings = []
    for column, field_of in (
        (THEME, "theme"),
        (PROJECT, "project"),
        (DEPARTMENTS_COLUMN, "department"),
    ):
        spans = _record_spans(records, field_of)
        labels = []
        for span in spans:
            # The label is on the row its span's vertical middle falls in. A middle on the
            # line between two rows could be printed on either: not drawn.
            cut = next((row for row in breaks if span.start < row < span.stop), span.stop)
            if cut < span.stop and draw(st.booleans()):
                label = span.start
            else:
                middle = (tops[span.start] + tops[cut]) / 2
                label = next(i for i in span if tops[i] <= middle < tops[i + 1])
                assume(middle != tops[label])
            rows[label][column] = getattr(records[span.start], field_of)
            labels.append(label)
        # Rows of different heights can leave two ways to cut the spans that each put every
        # label where it is printed; such a table is not decidable.
        readings.append(_placements(spans, labels, tops, fixed, breaks))
        fixed |= {span.stop for span in spans}
    assume(max(readings) > 1 if ambiguous else max(readings) == 1)
    pages, start = [], 0
    for end in [*sorted(breaks), len(records)]:
        page = Page(tuple(tuple(row) for row in rows[start:end]), extra_column=False)
        pages.append(render_page(page))
        start = end
    title = f"2021年{draw(st.sampled_from(PLACES))}{draw(st.sampled_from(TABLE_NAMES))}"
    markdown = render_document(title, pages, ["" for _ in pages[1:]])
    return CentredTable(markdown, records, tuple(sorted(breaks)))


def _placements(
    spans: Sequence[range],
    labels: Sequence[int],
    tops: Sequence[int],
    fixed: set[int],
    breaks: Sequence[int],
) -> int:
    """How many ways to cut the rows into spans, each holding its label where it is printed,
    keep the enclosing spans' edges (``fixed``): the truth is one; more means the Markdown
    cannot tell them apart. A one-line label is printed where its span's vertical middle
    falls, so a span fits when its middle lies in the label's row (its edges included: a
    middle on the line between two rows could be printed on either). A span cut by a page
    break (``breaks``: rows that start a page) fits with its label on its first row, or in
    the middle of its part on the first page, as the parser reads one (docs/realignment.md):
    the truth never cuts a span so, but another reading may."""

    def centred(start: int, stop: int, label: int) -> bool:
        middle = (tops[start] + tops[stop]) / 2
        return tops[label] <= middle <= tops[label + 1]

    def fits(start: int, stop: int, label: int) -> bool:
        cut = next((row for row in breaks if start < row < stop), None)
        if cut is None:
            return centred(start, stop, label)
        return label == start or (label < cut and centred(start, cut, label))

    ways = {spans[0].start: 1}  # where the next span starts -> readings that get there
    for number, (span, label) in enumerate(zip(spans, labels, strict=True)):
        if span.stop in fixed or number + 1 == len(spans):
            stops: Sequence[int] = [span.stop]
        else:
            stops = range(label + 1, labels[number + 1] + 1)
        reached: dict[int, int] = {}
        for start, count in ways.items():
            for stop in stops:
                if start <= label < stop and fits(start, stop, label):
                    reached[stop] = reached.get(stop, 0) + count
        ways = reached
    return ways.get(spans[-1].stop, 0)


def _record_spans(records: Sequence[Record], field_of: str) -> list[range]:
    """The spans of one merged column: runs of rows with the same value, nested in the
    spans of the columns that enclose it."""
    depth = ("theme", "project", "department").index(field_of) + 1
    fields = ("theme", "project", "department")[:depth]
    spans, start = [], 0
    for end in range(1, len(records) + 1):
        if end == len(records) or any(
            getattr(records[end], f) != getattr(records[start], f) for f in fields
        ):
            spans.append(range(start, end))
            start = end
    return spans


# --- Junk input -----------------------------------------------------------------------------

#: Pieces of text that look like the insides of a task table: pipes, delimiter dashes, line
#: breaks, header words (序号 seq, 责任部门 departments, 项目内容 content, 主题 theme), digits,
#: CJK text, <br> and escapes.
TABLEISH_PIECES: Final[tuple[str, ...]] = (
    "|",
    "|",
    "|",
    "-",
    "---",
    ":",
    "\n",
    "\n",
    " ",
    "序号",
    "责任部门",
    "项目内容",
    "主题",
    "1",
    "2",
    "10",
    "年",
    "月底前",
    "县发改局",
    "办公室",
    "推进数字政府建设",
    "，",
    "。",
    "<br>",
    "\\|",
    "**",
    "\r\n",
    "\ufeff",
    "<table>",  # HTML tables, as MinerU writes them
    "</table>",
    "<tr>",
    "<td>",
    "</td>",
    '<td rowspan="2">',
    '<td colspan="3">',
)


def tableish_text() -> st.SearchStrategy[str]:
    """Arbitrary text made mostly of table-ish pieces, with a little free text mixed in."""
    piece = st.sampled_from(TABLEISH_PIECES) | st.text(max_size=3)
    return st.lists(piece, max_size=80).map("".join)


#: Header words a junk table may use, so that its header is often recognised (SPEC §2):
#: the seed header, 责任单位 responsible unit, 配合单位 cooperating units, 责任人 person in
#: charge, 完成时限 deadline, 进展情况 progress, 备注 remarks (an unknown column), and an
#: empty header cell.
JUNK_HEADER_WORDS: Final[tuple[str, ...]] = (
    *HEADER,
    "责任单位",
    "配合单位",
    "责任人",
    "完成时限",
    "进展情况",
    "备注",
    "",
)


def _junk_cell() -> st.SearchStrategy[str]:
    """A cell's text: a few table-ish pieces (no raw pipe or line break) or free characters."""
    inside = [piece for piece in TABLEISH_PIECES if piece not in ("|", "\n", "\r\n")]
    return st.lists(st.sampled_from(inside) | st.text(max_size=2), max_size=3).map("".join)


@st.composite
def _junk_table(draw: st.DrawFn) -> str:
    """A pipe table whose header is mostly header words and whose rows are junk of any width."""
    header = draw(
        st.lists(st.sampled_from(JUNK_HEADER_WORDS) | _junk_cell(), min_size=1, max_size=8)
    )
    rows = draw(st.lists(st.lists(_junk_cell(), max_size=len(header) + 2), max_size=6))
    lines = [_table_line(header), "|" + "---|" * len(header)]
    lines += [_table_line(row) if row else "|" for row in rows]
    return "\n".join(lines)


def tableish_tables() -> st.SearchStrategy[str]:
    """Junk tables (with a title or free lines between them) that often get past the header.

    Junk that never forms a table stops at NoTableError; these reach stitching, realignment
    and merged-cell filling with rows of the wrong width, blank seq cells and odd text.
    """
    block = _junk_table() | st.sampled_from(BETWEEN_PAGES) | _junk_cell()
    return st.lists(block, min_size=1, max_size=4).map("\n\n".join)


# --- date phrases (SPEC §5) -------------------------------------------------------------------

CHINESE_NUMBERS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


class DatePhrase(NamedTuple):
    """A phrase and the period it must resolve to (plan year 2019)."""

    text: str
    kind: str
    start: date | None
    end: date


def _month_last(month: int) -> date:
    return date(2019, month, calendar.monthrange(2019, month)[1])


@st.composite
def month_numbers(draw: st.DrawFn, month: int) -> str:
    """A month number in any spelling: 6, ６, 06, 六."""
    style = draw(st.sampled_from(["arabic", "full", "chinese", "padded"]))
    if style == "chinese":
        return CHINESE_NUMBERS[month]
    text = f"{month:02d}" if style == "padded" else str(month)
    return text.translate(FULL_WIDTH) if style == "full" else text


@st.composite
def date_phrases(draw: st.DrawFn) -> DatePhrase:
    """A month, quarter list, xun, range or deadline, spelt any way the recogniser accepts."""
    kind = draw(st.sampled_from(["month", "quarter", "xun", "range", "deadline"]))
    month = draw(st.integers(1, 12))
    word = draw(st.sampled_from(["月", "月份"]))
    number = draw(month_numbers(month))
    if kind == "month":
        return DatePhrase(f"{number}{word}", "month", date(2019, month, 1), _month_last(month))
    if kind == "xun":
        xun = draw(st.sampled_from(["上旬", "中旬", "下旬"]))
        first = {"上旬": 1, "中旬": 11, "下旬": 21}[xun]
        last = date(2019, month, first + 9) if xun != "下旬" else _month_last(month)
        return DatePhrase(f"{number}月{xun}", "xun", date(2019, month, first), last)
    if kind == "quarter":
        quarters = sorted(draw(st.sets(st.integers(1, 4), min_size=1, max_size=4)))
        digits = [draw(st.sampled_from(["一二三四", "1234"]))[q - 1] for q in quarters]
        separator = draw(st.sampled_from(["、", "", "，"])) if len(digits) > 1 else ""
        body = separator.join(digits)
        if len(quarters) > 2 and quarters == list(range(quarters[0], quarters[-1] + 1)):
            body = draw(st.sampled_from([body, f"{digits[0]}至{digits[-1]}"]))
        prefix = draw(st.sampled_from(["", "第"]))
        start, end = date(2019, 3 * quarters[0] - 2, 1), _month_last(3 * quarters[-1])
        return DatePhrase(f"{prefix}{body}季度", "quarter", start, end)
    if kind == "deadline":
        style = draw(st.sampled_from(["底前", "底之前", "末前", "前", "之前", "以前"]))
        if style.startswith(("底", "末")):
            return DatePhrase(f"{number}月{style}", "deadline", None, _month_last(month))
        if month == 1:  # 1月前 would end in the previous year
            month, number = 2, "2"
        return DatePhrase(
            f"{number}{word}{style}", "deadline", None, date(2019, month, 1) - timedelta(days=1)
        )
    last_month = draw(st.integers(min(month + 1, 12), 12))
    if last_month == month:
        month = last_month - 1
        number = str(month)
    joiner = draw(st.sampled_from(["-", "－", "—", "——", "~", "～", "至", "到"]))
    last_number = draw(month_numbers(last_month))
    compact = draw(st.booleans()) and joiner not in "至到"
    text = (
        f"{number}{joiner}{last_number}{word}"
        if compact
        else f"{number}月{joiner}{last_number}{word}"
    )
    return DatePhrase(text, "range", date(2019, month, 1), _month_last(last_month))
