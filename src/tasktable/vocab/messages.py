"""Every diagnostic's sentence, in English and Chinese (issue 19).

Keyed by the diagnostic code, or ``code.why`` where one code says several things (the
``why`` argument chooses). Templates are ``str.format`` strings over the diagnostic's
``args``; an argument named ``role`` or ``named`` is a role, written in each language's word
for it (ROLE_WORDS). Codes stay the same in every language: they are for machines.
"""

from __future__ import annotations

from typing import Final, Literal

Lang = Literal["en", "zh"]
LANGS: Final[tuple[Lang, ...]] = ("en", "zh")

#: A role as a message names it: English as the output's field names, Chinese as the
#: headers of the seed table.
ROLE_WORDS: Final[dict[str, dict[Lang, str]]] = {
    "seq": {"en": "seq", "zh": "序号"},
    "theme": {"en": "theme", "zh": "主题"},
    "project": {"en": "project", "zh": "项目名称"},
    "content": {"en": "content", "zh": "项目内容"},
    "schedule": {"en": "schedule", "zh": "序时进度"},
    "departments": {"en": "departments", "zh": "责任单位"},
    "partners": {"en": "partners", "zh": "配合单位"},
    "owner": {"en": "owner", "zh": "责任人"},
    "progress": {"en": "progress", "zh": "进展情况"},
    "extra": {"en": "extra", "zh": "其他"},
}

_KEPT_UNDER_EXTRA_EN = (
    "its text is kept under extra (give it a role with --role {column}=ROLE, or roles= in parse())"
)
_KEPT_UNDER_EXTRA_ZH = (
    "其文字保留在 extra 中（可用 --role {column}=字段 或 parse() 的 roles= 指定）"
)
_CENTRED_EN = (
    "this task's {role} value was placed by where its label is centred, and the Markdown "
    "leaves it open: "
)
_CENTRED_ZH = "本任务的{role}按标签居中的位置确定，而 Markdown 无法确定："

MESSAGES: Final[dict[str, dict[Lang, str]]] = {
    # reading
    "encoding": {
        "en": "input is not UTF-8; decoded as {encoding}",
        "zh": "输入不是 UTF-8 编码，已按 {encoding} 解码",
    },
    "row-before-header": {
        "en": "row before any recognised header row; kept here, not read as a task",
        "zh": "该行位于可识别的表头之前，仅保留在此，不作为任务",
    },
    "other-table": {
        "en": "row of a table that is no task table (its header names fewer than two roles, "
        "and another table is the task table); kept here, not read as a task",
        "zh": "该行所在表格不是任务表（其表头可识别的列不足两类，且文档中另有任务表），"
        "仅保留在此，不作为任务",
    },
    "note-row": {
        "en": "a note inside the table (注：, 说明：…); kept here, not read as a task or heading",
        "zh": "表格内的注释行（注：、说明：等），仅保留在此，不作为任务或标题",
    },
    "page-line": {
        "en": "a page line read into the table (续表, a page number); kept here, not read as "
        "a task or heading",
        "zh": "被读入表格的页面标记（续表、页码），仅保留在此，不作为任务或标题",
    },
    "column-numbers": {
        "en": "a row numbering the columns (1, 2, 3 …) under the header; kept here, not read "
        "as a task",
        "zh": "表头下为各列编号的行（1、2、3……），仅保留在此，不作为任务",
    },
    "totals-row": {
        "en": "a totals row (合计, 总计, 小计, 共计 and numbers); kept here, not read as a task",
        "zh": "合计行（合计、总计、小计、共计及数字），仅保留在此，不作为任务",
    },
    "row-outside-table": {
        "en": "a table row that no table holds (its header may have more cells than its "
        "delimiter row); kept here, not read as a task",
        "zh": "不属于任何表格的表格行（其表头单元格可能多于分隔行），仅保留在此，不作为任务",
    },
    "marked-seq": {
        "en": "the 序号 (serial number) cell holds a mark beside its number ({mark}): the "
        "number is the task's seq, the cell as written is kept here",
        "zh": "序号单元格的数字旁有标记（{mark}）：数字为任务序号，单元格原文保留在此",
    },
    "seq-not-a-number": {
        "en": "the 序号 (serial number) cell is not a number",
        "zh": "序号单元格不是数字",
    },
    "row-without-seq": {
        "en": "first row has no 序号 (serial number); read as a task",
        "zh": "首行没有序号，按任务读取",
    },
    "year-from-header": {
        "en": "no plan year in the title; {year} is taken from the header '{column}'",
        "zh": "标题中没有计划年度，按表头「{column}」取 {year} 年",
    },
    "no-year": {
        "en": "no plan year in the title; dates have no calendar year: give --year "
        "(year= in Python)",
        "zh": "标题中没有计划年度，日期缺少年份：请用 --year 指定（Python 中用 year=）",
    },
    # stitch
    "left-repeat": {
        "en": "a cell repeating the cell to its left is read as blank (a merged cell filled "
        "by the converter)",
        "zh": "与左侧相同的单元格按空白读取（转换器填充的合并单元格）",
    },
    "unfused-rows": {
        "en": "one row holding {count} serial numbers was split into {count} rows (a "
        "converter fused them)",
        "zh": "一行含 {count} 个序号，已拆分为 {count} 行（转换器把它们并成了一行）",
    },
    # roles
    "inferred-role.cells": {
        "en": "the column '{column}' is read as {role}: its cells {shows}",
        "zh": "「{column}」列按{role}读取：其单元格{shows}",
    },
    "inferred-role.progress": {
        "en": "the column '{column}' is read as {role}: its cells report progress (已完成, "
        "65%), not a plan",
        "zh": "「{column}」列按{role}读取：其单元格报告进展（已完成、65%），不是计划",
    },
    "inferred-role.only-project": {
        "en": "the column '{column}' is read as {role}: the table has no content column, and "
        "this one project column holds the task text",
        "zh": "「{column}」列按{role}读取：表格没有内容列，这唯一的项目列写的是任务内容",
    },
    "inferred-role.longest": {
        "en": "the column '{column}' is read as {role}: no header names the task text, and its "
        "cells are the longest",
        "zh": "「{column}」列按{role}读取：没有表头指明任务内容，而该列文字最长",
    },
    "inferred-role.labels-beside-text": {
        "en": "the column '{column}' is read as {role}: its cells are short labels beside a "
        "column of longer task text",
        "zh": "「{column}」列按{role}读取：其单元格是较短的标签，旁边一列是较长的任务内容",
    },
    "inferred-role.longest-text": {
        "en": "the column '{column}' is read as {role}: its cells are the longest task text "
        "of the table",
        "zh": "「{column}」列按{role}读取：其单元格是表中最长的任务内容",
    },
    "unknown-header.taken": {
        "en": "the column '{column}' names {named}, which another column has; "
        + _KEPT_UNDER_EXTRA_EN,
        "zh": "「{column}」列所指的{named}已由其他列承担，" + _KEPT_UNDER_EXTRA_ZH,
    },
    "unused-role": {
        "en": "the role map names the header '{column}', which no table has; check its spelling "
        "against the table's headers",
        "zh": "角色映射中的表头「{column}」在表格中不存在，请对照表格的表头检查其写法",
    },
    "unknown-header.unknown": {
        "en": "the column '{column}' names no known role and its cells show none clearly; "
        + _KEPT_UNDER_EXTRA_EN,
        "zh": "「{column}」列的表头和单元格都不能确定字段，" + _KEPT_UNDER_EXTRA_ZH,
    },
    # realign
    "realigned": {
        "en": "text under '{column}' moved to {role}",
        "zh": "「{column}」列下的文字移至{role}",
    },
    "unplaced": {
        "en": "no role fits the text under '{column}'; it is kept only in this diagnostic",
        "zh": "「{column}」列下的文字不属于任何字段，仅保留在本条诊断中",
    },
    # fill
    "section.heading": {
        "en": "a section heading, not a task",
        "zh": "分节标题，不是任务",
    },
    "section.theme": {
        "en": "a section heading, not a task; it is the theme of the rows below it",
        "zh": "分节标题，不是任务；它是下方各行的主题",
    },
    "sub-task": {
        "en": "row without 序号 (serial number) starts a new item: sub-task {sub} of the task "
        "at line {above}",
        "zh": "无序号的行是新的一项：第 {above} 行任务的第 {sub} 个子任务",
    },
    "lost-seq": {
        "en": "row without 序号 (serial number) stands alone between tasks {before} and {after}: "
        "read as task {seq}, whose number the converter lost",
        "zh": "无序号的行单独位于第 {before} 项与第 {after} 项任务之间，按第 {seq} 项任务读取"
        "（其序号在转换中丢失）",
    },
    "joined-row": {
        "en": "row without 序号 (serial number) joined to the row at line {above}",
        "zh": "无序号的行已并入第 {above} 行",
    },
    "backfilled": {
        "en": "blank {role} at the start of its span was taken from line {source}, further "
        "down the same span",
        "zh": "跨度开头空白的{role}取自同一跨度下方的第 {source} 行",
    },
    "missing-rows.one": {
        "en": "序号 (serial number) jumps from {before} to {after}: 1 row may have been lost by "
        "the converter, and text may have been joined to the wrong row",
        "zh": "序号从 {before} 跳到 {after}：转换器可能丢失了 1 行，文字可能并入了错误的行",
    },
    "missing-rows.many": {
        "en": "序号 (serial number) jumps from {before} to {after}: {missing} rows may have "
        "been lost by the converter, and text may have been joined to the wrong row",
        "zh": "序号从 {before} 跳到 {after}：转换器可能丢失了 {missing} 行，文字可能并入了错误的行",
    },
    "label-without-start": {
        "en": "this task's {role} value comes only from a row continued on the next page: the "
        "first part of that label may have been lost",
        "zh": "本任务的{role}仅来自下一页的续行：该标签的前半部分可能已丢失",
    },
    "empty-column": {
        "en": "the {role} column '{column}' is empty on every row; its text may have been "
        "lost by the converter",
        "zh": "{role}列「{column}」每行都为空：其文字可能被转换器丢失",
    },
    # tasks
    "no-unit": {
        "en": "the {role} cell says '{text}', which names no unit: {role} is left empty",
        "zh": "{role}单元格写的是「{text}」，不是单位名称：{role}留空",
    },
    # centred
    "merged-style": {
        "en": "the labels of the {role} column stand in the middle of their spans; each span "
        "was placed around its label by printed row height",
        "zh": "{role}列的标签位于合并跨度的中部；已按打印行高围绕各标签确定跨度",
    },
    "uncertain-span.open": {
        "en": _CENTRED_EN + "the span around it is uncertain",
        "zh": _CENTRED_ZH + "其所在跨度不确定",
    },
    "uncertain-span.two-labels": {
        "en": _CENTRED_EN + "it may belong to '{first}' or to '{second}'",
        "zh": _CENTRED_ZH + "可能属于「{first}」，也可能属于「{second}」",
    },
    "uncertain-span.edge": {
        "en": _CENTRED_EN + "its label may go on across the uncertain edge of its span",
        "zh": _CENTRED_ZH + "其标签可能越过跨度不确定的边界继续",
    },
    "uncertain-span.missed": {
        "en": _CENTRED_EN + "its span, as cut, does not hold its label's printed lines",
        "zh": _CENTRED_ZH + "按此切分，跨度容不下其标签打印的各行",
    },
    "uncertain-span.item": {
        "en": "this row has no 序号 and stands just above the next task, whose 序号 may be "
        "printed in the middle of both rows: its {role} may be '{first}' or, with the next "
        "task, '{second}'",
        "zh": "此行无序号，紧邻下一任务之上，而下一任务的序号可能印在两行中部：其{role}可能是"
        "「{first}」，也可能随下一任务为「{second}」",
    },
    "uncertain-style": {
        "en": "the labels of the {role} column were read as standing on top of their spans; "
        "read as standing in their middles, which every label allows with one cut, this "
        "task's {role} value would be '{other}'",
        "zh": "{role}列的标签按位于跨度顶部读取；若按居中读取（每个标签都只有一种切分），本任务的"
        "{role}将是「{other}」",
    },
}

#: What the cells of a column show, for inferred-role.cells, by the role they gave it.
CELLS_SHOW: Final[dict[str, dict[Lang, str]]] = {
    "seq": {"en": "are numbers counting up the rows", "zh": "是逐行递增的序号"},
    "content": {"en": "are sentences", "zh": "是成句的文字"},
    "departments": {"en": "name units", "zh": "是单位名称"},
    "partners": {
        "en": "name units, and another column names the lead units",
        "zh": "是单位名称，且另有一列是牵头单位",
    },
    "owner": {"en": "name people", "zh": "是人名"},
    "schedule": {"en": "are date phrases", "zh": "是时间短语"},
    "progress": {"en": "report progress", "zh": "报告进展"},
    "theme": {
        "en": "are short labels that recur over runs of rows",
        "zh": "是在连续多行中重复的短标签",
    },
    "project": {"en": "are short labels left of the task text", "zh": "是任务内容左侧的短标签"},
}


#: What the command line says around the diagnostics, on stderr: a code's many warnings told
#: in one line, a run's count of tasks and infos, a batch's totals. A count is written with
#: its noun (COUNTED); codes and level words (warning, info) stay as they are in every language.
CONSOLE: Final[dict[str, dict[Lang, str]]] = {
    "grouped": {
        "en": "{code}: {warnings}{at}; the first: {message} (-v prints each)",
        "zh": "{code}：共 {warnings}{at}；第一条：{message}（-v 逐条列出）",
    },
    "at": {"en": " at lines {lines}", "zh": "，见第 {lines} 行"},
    "at-more": {
        "en": " at lines {lines} and {more} more",
        "zh": "，见第 {lines} 行等（另有 {more} 处）",
    },
    "infos": {
        "en": "{tasks}; {counts} (details in the output)",
        "zh": "{tasks}；{counts}（详见输出）",
    },
    "info-count": {"en": "{count} {code}", "zh": "{code} {count} 条"},
    "batch": {
        "en": "tasktable: {files}, {failed} failed, {tasks}, {warnings} in {seconds:.1f} s "
        "({rate:,.0f} files/s)",
        "zh": "tasktable：{files}，失败 {failed} 个，{tasks}，{warnings}，用时 {seconds:.1f} 秒"
        "（每秒 {rate:,.0f} 个文件）",
    },
}

#: The nouns the command line counts: English singular (an s is added for many), Chinese
#: with its measure word (个文件, 项任务, 条警告).
COUNTED: Final[dict[str, dict[Lang, str]]] = {
    "file": {"en": "file", "zh": "个文件"},
    "task": {"en": "task", "zh": "项任务"},
    "warning": {"en": "warning", "zh": "条警告"},
}

#: The separator between the items of a list in a sentence.
LIST_SEPARATOR: Final[dict[Lang, str]] = {"en": ", ", "zh": "、"}

#: Every error's sentence (errors.py, ``TasktableError.of``), keyed like MESSAGES: the code,
#: or ``code.why``. The command line writes it after the file (and line) it is about.
ERRORS: Final[dict[str, dict[Lang, str]]] = {
    # Reading the input
    "not-found": {
        "en": "file not found; expected a Markdown file",
        "zh": "文件不存在；应为 Markdown 文件",
    },
    "is-folder": {
        "en": "is a directory; expected a Markdown file",
        "zh": "是一个文件夹；应为 Markdown 文件",
    },
    "unreadable": {"en": "cannot read the file: {reason}", "zh": "无法读取文件：{reason}"},
    "no-markdown": {
        "en": "the folder holds no Markdown (.md, .markdown) files",
        "zh": "文件夹中没有 Markdown（.md、.markdown）文件",
    },
    "not-text": {
        "en": "byte 0x{byte:02x} at offset {offset} is not valid UTF-8, and the file is not "
        "valid GB18030 either; expected a UTF-8 or GB18030 text file",
        "zh": "偏移 {offset} 处的字节 0x{byte:02x} 不是有效的 UTF-8，文件也不是有效的 "
        "GB18030；应为 UTF-8 或 GB18030 文本文件",
    },
    "binary": {
        "en": "holds NUL bytes (the first at offset {offset}), as binary files and UTF-16 "
        "text do; expected a UTF-8 or GB18030 text file",
        "zh": "含有 NUL 字节（第一个在偏移 {offset} 处），二进制文件和 UTF-16 文本才会如此；"
        "应为 UTF-8 或 GB18030 文本文件",
    },
    "surrogate": {
        "en": "character {index} is an unpaired surrogate, which no file can hold; expected "
        "text decoded from UTF-8 or GB18030",
        "zh": "第 {index} 个字符是不成对的代理码位，任何文件都无法保存；应为从 UTF-8 或 "
        "GB18030 解码的文本",
    },
    # Finding the table
    "empty": {
        "en": "is empty; expected a Markdown file with a task table",
        "zh": "文件为空；应为含任务表的 Markdown 文件",
    },
    "no-table": {
        "en": "no Markdown table found; expected a pipe table with a header such as {headers}",
        "zh": "未找到 Markdown 表格；应为管道表格（| 分隔），表头如 {headers}",
    },
    "foreign-table.grid": {
        "en": "no GFM pipe table found; this line is a border of a pandoc grid table "
        "('{text}'), which tasktable does not read: convert the document with `pandoc -t "
        "gfm`, which writes pipe tables",
        "zh": "未找到 GFM 管道表格；此行是 pandoc 网格表格的边框（'{text}'），tasktable "
        "不读这种表格：请用 `pandoc -t gfm` 转换文档，它写出管道表格",
    },
    "foreign-table.rule": {
        "en": "no GFM pipe table found; this line is the column rule of a pandoc multiline "
        "or simple table ('{text}'), which tasktable does not read: convert the document "
        "with `pandoc -t gfm`, which writes pipe tables",
        "zh": "未找到 GFM 管道表格；此行是 pandoc 多行表格或简单表格的列分隔线（'{text}'），"
        "tasktable 不读这种表格：请用 `pandoc -t gfm` 转换文档，它写出管道表格",
    },
    "no-header": {
        "en": "no table has a recognisable header row; expected header words such as {headers}",
        "zh": "没有表格带有可识别的表头行；应有 {headers} 这样的表头词",
    },
    # Options given to parse()
    "option.source": {
        "en": "source={value}; expected a name (text)",
        "zh": "source={value}：应为名称（文字）",
    },
    "option.year": {
        "en": "year={value}; expected a calendar year such as 2024",
        "zh": "year={value}：应为公历年份，如 2024",
    },
    "option.disable": {
        "en": "disable={value}; expected rule names",
        "zh": "disable={value}：应为规则名",
    },
    "option.choice": {
        "en": "{option}={value}; expected one of {choices}",
        "zh": "{option}={value}：应为以下之一：{choices}",
    },
    "option.rule": {
        "en": "no rule named {value}; expected one of {choices}",
        "zh": "没有名为 {value} 的规则；应为以下之一：{choices}",
    },
    "roles.mapping": {
        "en": "the role map is not a mapping of header to role",
        "zh": "角色映射不是从表头到字段的映射",
    },
    "roles.header": {
        "en": "the role map has a header {header}; expected text",
        "zh": "角色映射中的表头 {header} 不是文字",
    },
    "roles.role": {
        "en": "the role map gives header '{header}' the role '{role}'; expected one of {choices}",
        "zh": "角色映射把表头“{header}”指定为“{role}”；应为以下之一：{choices}",
    },
    # Writing the output
    "no-folder": {"en": "the output folder does not exist", "zh": "输出文件夹不存在"},
    "not-a-folder": {
        "en": "is a file; expected a folder for many inputs (or -o NAME.jsonl to gather every "
        "task into one file)",
        "zh": "是一个文件；多个输入需要一个文件夹（或用 -o 名称.jsonl 把所有任务汇总到一个文件）",
    },
    "same-output": {
        "en": "would write {target}, as {other} does; rename one of them",
        "zh": "将写入 {target}，与 {other} 相同；请重命名其中一个",
    },
    "overwrites-itself": {
        "en": "would overwrite itself with its {format} output",
        "zh": "其 {format} 输出会覆盖它自己",
    },
    "cannot-write.here": {"en": "cannot write here: {reason}", "zh": "无法在此写入：{reason}"},
    "cannot-write.file": {
        "en": "cannot write the file: {reason}",
        "zh": "无法写入文件：{reason}",
    },
    "needs-openpyxl": {
        "en": "the xlsx format needs openpyxl, which is not installed: pip install "
        "'tasktable[xlsx]' (or pip install openpyxl)",
        "zh": "xlsx 格式需要 openpyxl，但它未安装：pip install 'tasktable[xlsx]'"
        "（或 pip install openpyxl）",
    },
}
