"""The html format (docs/report.md): one self-contained page a supervisor can look at.

A timeline (one lane per lead department, one row per task, a bar per milestone period and a
diamond per deadline across the plan year's twelve months, coloured by theme), the filled
table with a filter box, and every diagnostic, so a reader can check what was moved or filled.
Offices open these files on offline machines: CSS, SVG and the few lines of JavaScript are
inline and nothing points at the network. All text comes from untrusted Markdown and is
escaped; the same Document always gives the same bytes (no clock, no randomness).
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date
from html import escape

from ..models import Diagnostic, Document, Milestone, Task
from ..vocab.headers import ROLE_LABELS

#: Theme colours in theme order (Okabe-Ito without its yellow, then Tableau's: both readable
#: by the colour-blind and on white); themes past the end reuse the palette from the start.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#9C755F")
NO_THEME = "#8C8C8C"
#: Fonts that have the Chinese glyphs on macOS, Linux and Windows, before the generic fallback.
FONT_STACK = (
    '"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC",'
    '"Microsoft YaHei","WenQuanYi Micro Hei",sans-serif'
)
TITLE = "年重点工作任务分解表"  # "(year's) breakdown of key tasks", after the year
NO_DEPARTMENT = "（未注明）"  # "(not stated)": the lane of tasks without a lead department
#: Table headers by field (序号 number, 主题 theme, 项目名称 project, 项目内容 content, 序时进度
#: schedule, 责任单位 lead, 配合单位 partners, 节点 milestones, 指标 targets).
HEADERS = {
    **{role: ROLE_LABELS[role] for role in ("seq", "theme", "project", "content", "schedule")},
    "departments": ROLE_LABELS["departments"],
    "partners": ROLE_LABELS["partners"],
    "milestones": "节点",
    "targets": "指标",
}
#: Diagnostics headers: level, kind, line, number, column → role, message, cell text.
DIAGNOSTIC_HEADERS = ("级别", "类型", "行", "序号", "列 → 角色", "说明", "原文")
LABELS = {
    "timeline": "时间轴",  # timeline
    "tasks": "任务表",  # task table
    "diagnostics": "诊断",  # diagnostics
    "filter": "筛选（部门或任意文字）",  # filter (department or any text)
    "shown": "显示",  # shown
    "undated": "无日期的任务",  # tasks without a date
    "no_year": "未能确定计划年份，未绘制时间轴。",  # no plan year known, so no timeline
    "period": "时段",  # period
    "deadline": "截止",  # deadline
}

#: Colour by theme; a task without a theme (None) is grey.
Colours = dict[str | None, str]
#: Realigned cells: (line, role) -> the diagnostic's message.
Moves = dict[tuple[int | None, str | None], str]

# Timeline geometry, in viewBox units (the SVG scales to the page width).
WIDTH, LEFT, RIGHT, TOP = 1000, 150, 990, 28
ROW, BAR, LANE_GAP = 14, 10, 10
MARKER = 5  # half-width of a deadline diamond
#: Work that runs all year (全年, 每月) is drawn pale, so the dated steps a supervisor checks
#: stand out against it.
PALE_KINDS = ("year", "recurring")

CSS = """
body{margin:0 auto;max-width:1400px;padding:12px;color:#222;line-height:1.5}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
.scroll{overflow-x:auto}svg{display:block;width:100%;min-width:640px;height:auto}
svg text{font-size:12px}svg .seq{fill:#555;font-size:11px}.month{fill:#444}
.lane{cursor:pointer}.lane-bg{fill:#f4f6f9}.band{fill:#e4e9f0}
.lane-label{font-size:14px;font-weight:bold;fill:#222}
.legend span{display:inline-block;margin:0 1em .3em 0}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
table{border-collapse:collapse;font-size:.9em;min-width:960px}
th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f0f2f5}td ul{margin:0;padding-left:1.1em}
th,td.seq,td.departments,td.partners,td code{white-space:nowrap}
.content,.schedule,.milestones{min-width:16em}.theme,.project{min-width:8em}
.filled{color:#555;background:#f7f7f7}.moved{background:#fff6d6}
tr:target{outline:2px solid #E69F00}
#filter{font:inherit;padding:4px 8px;width:min(24em,100%);box-sizing:border-box}
@media print{#filter-box{display:none}.scroll{overflow:visible}svg{min-width:0}
tr{break-inside:avoid}body{font-size:9pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""

# Filter: hide table rows that lack any of the typed words; clicking a lane filters by it.
SCRIPT = """
const box = document.getElementById("filter"), shown = document.getElementById("shown");
const rows = document.querySelectorAll("#tasks tbody tr");
box.addEventListener("input", () => {
  const words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
  let count = 0;
  for (const row of rows) {
    row.hidden = !words.every((w) => row.textContent.toLowerCase().includes(w));
    count += row.hidden ? 0 : 1;
  }
  shown.textContent = count;
});
for (const lane of document.querySelectorAll(".lane")) {
  lane.addEventListener("click", () => {
    box.value = lane.dataset.department;
    box.dispatchEvent(new Event("input"));
  });
}
"""


def to_html(document: Document) -> bytes:
    """The report: always in Chinese, for the people who read these plans, whatever language
    the Document's messages are in."""
    from ..messages import in_language

    return _to_html(in_language(document, "zh"))


def _to_html(document: Document) -> bytes:
    """The report as one UTF-8 HTML file."""
    title = escape(_title(document))
    colours = _theme_colours(document)
    body = [
        f"<h1>{title}</h1>",
        f"<h2>{LABELS['timeline']}</h2>",
        _legend(colours),
        _timeline(document, colours),
        f"<h2>{LABELS['tasks']}</h2>",
        _table(document, colours),
        f"<h2>{LABELS['diagnostics']} ({len(document.diagnostics)})</h2>",
        _diagnostics(document),
        f"<p><small>{escape(document.source.name or '')} sha256:{document.source.sha256[:12]}"
        f" · tasktable {escape(document.tasktable_version)}</small></p>",
    ]
    page = [
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<link rel="icon" href="data:,">\n<title>{title}</title>',  # data: asks no server
        f"<style>body{{font-family:{FONT_STACK}}}{CSS}</style>",
        "</head>\n<body>",
        *body,
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n",
    ]
    return "\n".join(page).encode("utf-8")


def _title(document: Document) -> str:
    """As the md format writes it: the title, else one naming the plan year."""
    if document.title:
        return document.title
    return f"{document.year}{TITLE}" if document.year is not None else TITLE.removeprefix("年")


def _theme_colours(document: Document) -> Colours:
    themes = dict.fromkeys(t.theme for t in document.tasks if t.theme)
    colours: Colours = {None: NO_THEME}
    colours.update((theme, PALETTE[i % len(PALETTE)]) for i, theme in enumerate(themes))
    return colours


def _legend(colours: Colours) -> str:
    items = [
        f'<span><i class="swatch" style="background:{colour}"></i>{escape(theme)}</span>'
        for theme, colour in colours.items()
        if theme is not None
    ]
    items.append(f"<span>▬ {LABELS['period']} ◆ {LABELS['deadline']}</span>")
    return f'<p class="legend">{"".join(items)}</p>'


# --- timeline ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    """One milestone placed on the x axis: a bar from x0 to x1, or a diamond at x1."""

    x0: float
    x1: float
    diamond: bool
    milestone: Milestone


def _plan_year(document: Document) -> int | None:
    """The document's year, else the year most milestones end in (the earliest on a tie)."""
    if document.year is not None:
        return document.year
    ends = Counter(m.when.end.year for t in document.tasks for m in t.milestones if m.when.end)
    return min(ends, key=lambda y: (-ends[y], y)) if ends else None


def _x(day: date, year: int, *, end: bool) -> float:
    """Twelve equal month columns; within a month, by day (an end date covers its whole day)."""
    if day.year != year:
        return LEFT if day.year < year else RIGHT
    days = calendar.monthrange(year, day.month)[1]
    months = day.month - 1 + (day.day - (0 if end else 1)) / days
    return LEFT + months * (RIGHT - LEFT) / 12


def _marks(task: Task, year: int) -> list[_Mark]:
    marks = []
    for milestone in task.milestones:
        start, end = milestone.when.start, milestone.when.end
        if end is None or end.year < year or (start or end).year > year:
            continue  # no date, or outside the plan year
        x1 = _x(end, year, end=True)
        if start is None or start == end:  # a deadline or a single day: a point in time
            marks.append(_Mark(x1 - MARKER, x1 + MARKER, True, milestone))
        else:
            marks.append(_Mark(_x(start, year, end=False), x1, False, milestone))
    return marks


def _tracks(marks: list[_Mark]) -> list[list[_Mark]]:
    """Overlapping marks of one task go on separate rows, so none hides another."""
    tracks: list[list[_Mark]] = []
    for mark in sorted(marks, key=lambda m: (m.x0, -m.x1)):
        free = next((t for t in tracks if t[-1].x1 + 1 <= mark.x0), None)
        if free is None:
            tracks.append(free := [])
        free.append(mark)
    return tracks


def _lanes(document: Document) -> dict[str, list[Task]]:
    """Tasks by lead department, departments in order of first appearance."""
    lanes: dict[str, list[Task]] = {}
    for task in document.tasks:
        for department in task.departments or [NO_DEPARTMENT]:
            lanes.setdefault(department, []).append(task)
    return lanes


def _timeline(document: Document, colours: Colours) -> str:
    year = _plan_year(document)
    if year is None:
        return f"<p>{LABELS['no_year']}</p>"
    y, lanes = TOP, []
    for department, tasks in _lanes(document).items():
        lane, y = _lane(department, tasks, year, y, colours)
        lanes.append(lane)
        y += LANE_GAP
    svg = (
        f'<div class="scroll"><svg viewBox="0 0 {WIDTH} {y}" role="img" '
        f'aria-label="{year} {LABELS["timeline"]}">{"".join(lanes)}{_grid(y)}</svg></div>'
    )
    undated = dict.fromkeys(_seq(t) for t in document.tasks if not _marks(t, year))
    return svg + (f"<p>{LABELS['undated']}：{'、'.join(undated)}</p>" if undated else "")


def _lane(
    department: str, tasks: list[Task], year: int, top: int, colours: Colours
) -> tuple[str, int]:
    """One department's lane from ``top`` down, and where it ends. Each task gets a row per
    track, every other task a darker band so that its rows read as one."""
    y, drawn, shapes = top, 0, []
    for task in tasks:
        tracks = _tracks(_marks(task, year))
        if not tracks:
            continue
        if drawn % 2:
            shapes.append(
                f'<rect class="band" x="{LEFT - 40}" y="{y}" width="{RIGHT - LEFT + 40}" '
                f'height="{len(tracks) * ROW}"/>'
            )
        drawn += 1
        shapes.append(
            f'<text class="seq" x="{LEFT - 6}" y="{y + 11}" text-anchor="end">{_seq(task)}</text>'
        )
        for track in tracks:
            shapes += [_shape(task, mark, y, colours[task.theme]) for mark in track]
            y += ROW
    name = escape(department)
    return (
        f'<g class="lane" data-department="{name}"><title>{name}</title>'
        f'<rect class="lane-bg" x="0" y="{top - 4}" width="{WIDTH}" height="{y - top + 8}"/>'
        f'<text class="lane-label" x="8" y="{top + 14}">{name}</text>'
        f"{''.join(shapes)}</g>",
        y,
    )


def _grid(height: int) -> str:
    """Month lines and labels, drawn over the lanes' backgrounds but thin and light."""
    step = (RIGHT - LEFT) / 12
    lines = [
        f'<line x1="{LEFT + i * step:.1f}" x2="{LEFT + i * step:.1f}" y1="{TOP - 20}" '
        f'y2="{height}" stroke="{"#999" if i % 3 == 0 else "#ddd"}" stroke-width="0.6"/>'
        for i in range(13)
    ]
    labels = [
        f'<text class="month" x="{LEFT + (i + 0.5) * step:.1f}" y="{TOP - 10}" '
        f'text-anchor="middle">{i + 1}月</text>'
        for i in range(12)
    ]
    return f'<g pointer-events="none">{"".join(lines + labels)}</g>'


def _shape(task: Task, mark: _Mark, y: int, colour: str) -> str:
    when = mark.milestone.when
    what = escape(f"{when.text}：{mark.milestone.action} ({when.start or '…'}/{when.end})")
    tip = f"<title>{_seq(task)} {what}</title>"
    mid = y + ROW / 2
    if mark.diamond:
        x = (mark.x0 + mark.x1) / 2
        points = f"{x:.1f},{mid - 6} {x + 5:.1f},{mid} {x:.1f},{mid + 6} {x - 5:.1f},{mid}"
        return (
            f'<polygon class="mark" points="{points}" fill="{colour}" stroke="#fff">{tip}</polygon>'
        )
    pale = ' fill-opacity="0.45"' if when.kind in PALE_KINDS else ""
    width = max(mark.x1 - mark.x0, 2)
    return (
        f'<rect class="mark" x="{mark.x0:.1f}" y="{mid - BAR / 2}" width="{width:.1f}" '
        f'height="{BAR}" rx="2" fill="{colour}"{pale} stroke="#fff" stroke-width="0.5">'
        f"{tip}</rect>"
    )


def _seq(task: Task) -> str:
    """The task's number as written in the table: 7, or 7.2 for the second row under 7."""
    label = "?" if task.seq is None else str(task.seq)
    return label if task.sub == 1 else f"{label}.{task.sub}"


# --- table and diagnostics ---------------------------------------------------------------------


def _table(document: Document, colours: Colours) -> str:
    fields = [*HEADERS]
    if not any(t.partners for t in document.tasks):
        fields.remove("partners")  # as in the md format: no empty column on a narrow screen
    moved: Moves = {
        (d.line, d.role): d.message for d in document.diagnostics if d.code == "realigned"
    }
    departments = dict.fromkeys(d for t in document.tasks for d in t.departments)
    options = "".join(f'<option value="{escape(d)}">' for d in departments)
    head = "".join(f"<th>{HEADERS[f]}</th>" for f in fields)
    rows, anchored = [], set()  # the first task on a line gets the id diagnostics link to
    for task in document.tasks:
        anchor = "" if task.line in anchored else f' id="line-{task.line}"'
        anchored.add(task.line)
        rows.append(f"<tr{anchor}>{''.join(_cell(task, f, moved, colours) for f in fields)}</tr>")
    return (
        f'<p id="filter-box"><input id="filter" type="search" list="departments" '
        f'placeholder="{LABELS["filter"]}" aria-label="{LABELS["filter"]}">'
        f'<datalist id="departments">{options}</datalist> {LABELS["shown"]} '
        f'<span id="shown">{len(rows)}</span> / {len(rows)}</p>'
        f'<div class="scroll"><table id="tasks"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _cell(task: Task, field: str, moved: Moves, colours: Colours) -> str:
    """One cell; a filled (carried, backfilled) or moved one is marked, with why on hover."""
    if field == "seq":
        return f'<td class="seq">{_seq(task)}</td>'
    if field == "milestones":
        return f'<td class="milestones">{_milestones(task.milestones)}</td>'
    if field == "targets":
        targets = "；".join(f"{t.subject}：{t.text}" if t.subject else t.text for t in task.targets)
        return f'<td class="targets">{escape(targets)}</td>'
    value = getattr(task, field)
    text = "、".join(value) if isinstance(value, list) else value or ""
    classes, notes = [field], []
    origin = task.origin.get(field)
    if origin is not None and origin.how != "explicit":
        classes.append("filled")
        notes.append(f"{origin.how} from line {origin.line}")
    if (task.line, field) in moved:
        classes.append("moved")
        notes.append(moved[task.line, field])
    style = f' style="border-left:4px solid {colours[task.theme]}"' if field == "theme" else ""
    tip = f' title="{escape("; ".join(notes))}"' if notes else ""
    return f'<td class="{" ".join(classes)}"{tip}{style}>{escape(text)}</td>'


def _milestones(milestones: list[Milestone]) -> str:
    """Each milestone as its ISO dates (start/end; …/end for a deadline) and its action."""
    items = "".join(
        f"<li><code>{m.when.start or '…'}/{m.when.end or '?'}</code> "
        f"{escape(m.when.text)}：{escape(m.action)}</li>"
        for m in milestones
    )
    return f"<ul>{items}</ul>" if items else ""


def _diagnostics(document: Document) -> str:
    lines = {t.line for t in document.tasks}
    head = "".join(f"<th>{h}</th>" for h in DIAGNOSTIC_HEADERS)
    rows = "".join(f"<tr>{_diagnostic(d, lines)}</tr>" for d in document.diagnostics)
    return f'<div class="scroll"><table id="diagnostics"><thead><tr>{head}</tr></thead>' \
        f"<tbody>{rows}</tbody></table></div>"  # fmt: skip


def _diagnostic(d: Diagnostic, task_lines: set[int]) -> str:
    line = "" if d.line is None else str(d.line)
    if d.line in task_lines:  # a link to the row in the table above
        line = f'<a href="#line-{d.line}">{line}</a>'
    placed = " → ".join(x for x in (d.column, d.role) if x)
    seq = "" if d.seq is None else str(d.seq)
    cells = [escape(d.level), escape(d.code), line, seq, *map(escape, [placed, d.message])]
    return "".join(f"<td>{c}</td>" for c in cells) + f"<td>{escape(d.text or '')}</td>"
