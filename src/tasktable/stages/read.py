"""Stage 1: text to tables. Every GFM pipe table via markdown-it-py, with source lines, and
every HTML ``<table>`` (stages/html_tables.py), with its row and column spans resolved.

Cells are reduced to plain text: emphasis and code marks dropped, ``<br>`` and soft breaks
kept as "\\n" (the fill stage decides whether a break is a wrap or a list separator).
markdown-it-py truncates a row that has more cells than the delimiter row; those rows are
re-read from their source line so that no cell text is lost (SPEC §1). What a DataFrame
writer leaves in cells (NaN, a literal backslash-n, 1.0, ``Unnamed: 1``) is undone per table by
stages/leftovers.py as each table is read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..context import Context
from ..patterns import compiled, on_first_use
from ..vocab.dates import CHINESE_YEAR, DIGIT_YEAR, RANGE_JOINER, YEAR_DIGITS
from ..vocab.leftovers import SHEET_NAME
from .leftovers import undo_leftovers
from .stitch import read_header

# Block parsing only: most cells are plain text, and the inline pass over every cell would
# cost a third of the parse. Cells with markup are parsed inline one by one (``inline_text``).
_BLOCKS = MarkdownIt("commonmark", {"html": True}).enable("table").disable(["inline", "text_join"])
_INLINE = MarkdownIt("commonmark", {"html": True})

#: Characters that can start inline markup: escapes, emphasis, code, HTML and <br>, entities,
#: links and images. A cell without any of them is plain text as it stands. Stdlib re: it
#: searches every cell, in a quarter of the time regex takes.
_MARKUP = compiled(r"[\\*_`<&\[!\n]")

#: Bold that markdown-it leaves as text: a pair of ** on one line around text. CommonMark
#: closes ** only where it is followed by a space or punctuation when punctuation precedes
#: it, so a bold lead-in sentence of a Word plan, **深化“跨省通办”。**新增…, keeps both runs.
_LEFT_BOLD = compiled(r"\*\*(?=\S)([^\n]+?)(?<=\S)\*\*")

#: An HTML line break inside a cell: <br>, <br/>, <br />, any case.
_BR_TAG = on_first_use(compiled, r"^<br\s*/?>$", re.IGNORECASE)

#: A cell that is bold and nothing else: **党的建设**, __党的建设__ (a stray mark inside is
#: still one bold run). Tried only on cells opening with one of _BOLD_OPENERS.
_WHOLLY_BOLD = compiled(r"^(\*\*|__)(?=\S)(?:(?!\1).)+(?<=\S)\1\s*$", re.DOTALL)
_BOLD_OPENERS = frozenset({"**", "__"})

#: A delimiter row: | --- | :---: |, which holds no text.
_DELIMITER_ROW = on_first_use(compiled, r"^\s*\|?(?:\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?\s*$")

#: A pipe that separates cells: one not escaped by a backslash (GFM tables).
_CELL_PIPE = on_first_use(compiled, r"(?<!\\)\|")

#: A plan year in a title: 2019年, ２０１９年 (after NFKC) or 二〇一九年; or the years of a
#: multi-year plan, 2024—2026年 / 2024年至2026年, its first year captured.
_TITLE_YEAR = compiled(
    rf"({DIGIT_YEAR})(?:\s*年?\s*{RANGE_JOINER}\s*{DIGIT_YEAR})?\s*年|({CHINESE_YEAR})年"
)

#: A month right after a year (2023年12月): the year of a date, not of a plan.
_MONTH_AFTER = compiled(r"\s*[0-9一二三四五六七八九十]{1,2}\s*月")

#: Lines handed to markdown-it at once. A piece ends only at a blank line outside a code
#: fence, where no table can continue; parsing piece by piece keeps the peak memory bounded by
#: the largest table rather than by the whole text (markdown-it holds every token it makes).
CHUNK_LINES = 400

#: The opening or closing line of a fenced code block: ``` or ~~~, indented 3 spaces at most.
_FENCE = compiled(r"^ {0,3}(`{3,}|~{3,})")

#: Words that a title line of a task table uses: 表 table, 任务 tasks, 计划 plan, 方案 scheme,
#: 清单 list, 分工 division of work, 要点 key points.
_TITLE_WORD = compiled(r"表|任务|计划|方案|清单|分工|要点")


@dataclass(frozen=True, slots=True)
class RawRow:
    line: int  # 1-based source line
    cells: tuple[str, ...]
    head: bool  # markdown-it read it as the table's header row
    #: per cell of an HTML table, for a cell with rowspan: (its first row's line, rows spanned)
    spans: tuple[tuple[int, int] | None, ...] = ()
    #: the source line writes fewer cells than the table has: markdown-it padded it with blank
    #: cells at its end, and its texts may stand left of their columns (markitdown from Word
    #: drops merged cells); realignment puts them back, and roles are read from other rows
    short: bool = False
    #: the indexes of the cells that are bold and nothing else (**党的建设**): a label
    #: printed so across a table is a heading (stages/realign.py)
    bold: frozenset[int] = frozenset()
    #: the indexes of the cells a DataFrame writer or pdfplumber marked as covered by a merge
    #: (NaN, None), emptied as the table is read (stages/leftovers.py): such a column's merged
    #: text stands in its span's top cell, never below it (SPEC §4)
    marks: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class RawTable:
    page: int  # 1-based index of the table in the document
    line: int  # 1-based source line of its first row
    rows: tuple[RawRow, ...]


@dataclass(frozen=True, slots=True)
class ReadResult:
    tables: tuple[RawTable, ...]
    stray: tuple[tuple[int, str], ...]  # (line, text) of pipe-table lines no table holds
    title: str | None
    year: int | None  # the plan year named in the title


def read_tables(text: str, ctx: Context | None = None) -> ReadResult:
    """Find every pipe table in ``text`` (LF line ends) and the document's title line.

    What a DataFrame writer left in the cells is undone (rule dataframe-leftovers,
    stages/leftovers.py) where ``ctx`` has the rule on."""
    ctx = ctx or Context()
    lines = text.split("\n")
    tables: list[RawTable] = []
    titles: list[str] = []
    title_row: str | None = None  # a title written as the first table's first row

    def add(table: RawTable) -> None:
        nonlocal title_row
        undone = undo_leftovers(ctx, table)
        if not tables:
            title_row = undone.title or _title_row(undone.table.rows)
            titles.extend([title_row] if title_row else ())
        tables.append(undone.table)

    for first, end in _pieces(lines):
        tokens = _BLOCKS.parse("\n".join(lines[first:end]))
        i = 0
        html_end = 0  # lines before this index were read as part of an HTML table
        while i < len(tokens):
            token = tokens[i]
            if token.map and first + token.map[0] < html_end:
                i += 1  # markdown-it cut the HTML table at a blank line: already read
                continue
            if token.type == "table_open":
                i, table = _read_table(tokens, i, lines, first, page=len(tables) + 1)
                add(table)
                continue
            lowered = token.content.lower() if token.type == "html_block" else ""
            if token.type in ("html_block", "inline") and "<table" in (
                lowered or token.content.lower()
            ):
                # Imported here: most documents hold no HTML table, and the HTML reader (with
                # html.parser) would be loaded by every run of the command line.
                from .html_tables import read_html_tables

                start = first + (token.map[0] if token.map else 0)
                if not tables and lowered:
                    # A title in a <p> or heading before the table, in the same HTML block.
                    titles.extend(_html_lines(token.content[: lowered.index("<table")]))
                block_end = first + (token.map[1] if token.map else 0)
                html_end = _html_table_end(lines, start, end, block_end)
                for html_table in read_html_tables("\n".join(lines[start:html_end])):
                    rows = tuple(
                        RawRow(
                            start + row.line,
                            tuple(row.cells),
                            row.head,
                            tuple(None if s is None else (start + s[0], s[1]) for s in row.spans),
                        )
                        for row in html_table
                    )
                    if rows:
                        add(RawTable(len(tables) + 1, rows[0].line, rows))
                i += 1
                continue
            if token.type == "html_block" and not tables:
                # Text before the first table is where a title stands: <p><strong>…</strong></p>.
                titles.extend(_html_lines(token.content))
            elif token.type == "inline" and not tables:
                # Text before the first table is where a title stands.
                line_text = inline_text(token.content)
                if line_text:
                    titles.append(line_text)
            i += 1
    title = _pick_title(titles)
    stray = _stray_rows(lines, tables)
    if title is not None and title == title_row:
        # The title row is the title: not a row of the table too.
        tables[0] = RawTable(tables[0].page, tables[0].line, tables[0].rows[1:])
    year = title_year(title) if title else None
    return ReadResult(tuple(tables), stray, title, year)


def _title_row(rows: Sequence[RawRow]) -> str | None:
    """The title a table's first row holds when that row is its header row and one text (the
    other cells blank, or the text repeated: one cell spanning the row) that names a plan (表,
    计划, 清单… or a year) above a header row: pymupdf4llm and MinerU print a title merged
    over the table as its first row (``|**某区2024年…分解表**||||``, ``<th colspan="5">…
    清单</th>``). pandas' title row (title | Unnamed: 1) is a leftover (stages/leftovers.py)."""
    if len(rows) < 2 or not rows[0].head or len(rows[0].cells) < 2:
        return None
    texts = {cell for cell in rows[0].cells if cell}
    if len(texts) != 1:
        return None
    (text,) = texts
    if not names_a_plan(text) or read_header(rows[0].cells, lenient=True) is not None:
        return None
    return text if read_header(rows[1].cells, lenient=True) is not None else None


def _html_table_end(lines: Sequence[str], start: int, end: int, block_end: int) -> int:
    """The line index after the one that closes the last HTML table opened in the HTML block
    of lines ``start`` to ``block_end`` (tables on consecutive lines are one block; a blank
    line inside a table ends markdown-it's HTML block, not the table); ``end`` if one stays
    open."""
    depth = 0
    closed = start + 1  # after the last table closed
    for index in range(start, end):
        lowered = lines[index].lower()
        opens = lowered.count("<table")
        if not depth and not opens and index >= block_end:
            return closed  # past the block, no table open: the rest is no table of it
        was_open = depth > 0 or opens > 0
        depth = max(0, depth + opens - lowered.count("</table"))
        if was_open and not depth:
            closed = index + 1
    return end if depth else closed


#: An HTML tag, or a comment: what is no text of an HTML block.
_HTML_TAG = compiled(r"<!--.*?-->|<[^>]*>", re.DOTALL)


def _html_lines(html: str) -> list[str]:
    """The lines of text an HTML fragment shows: tags dropped, entities decoded."""
    from html import unescape as html_unescape  # its entity table: only for HTML blocks

    text = html_unescape(_HTML_TAG.sub("\n", html))
    return [line.strip() for line in text.split("\n") if line.strip()]


def _pieces(lines: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(first, end) line indices of pieces of about CHUNK_LINES lines that markdown-it can
    read on their own: each ends at a blank line outside a code fence."""
    start = 0
    fence = ""
    html_depth = 0  # open <table> elements: a blank line inside one is no place to cut
    for i, line in enumerate(lines):
        if "<" in line:
            lowered = line.lower()
            html_depth = max(0, html_depth + lowered.count("<table") - lowered.count("</table"))
        opened = _FENCE.match(line)
        if opened:
            mark = opened.group(1)
            if not fence:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = "" if not line[opened.end() :].strip() else fence
        elif not fence and not html_depth and i - start >= CHUNK_LINES and not line.strip():
            yield start, i
            start = i + 1
    yield start, len(lines)


def _stray_rows(lines: Sequence[str], tables: Sequence[RawTable]) -> tuple[tuple[int, str], ...]:
    """Lines that look like table rows (| … |) but that no table holds, so none is lost.

    markdown-it reads no table when a header row has more cells than its delimiter row.
    """
    held = {row.line for table in tables for row in table.rows}
    held |= {table.line + 1 for table in tables}  # the delimiter rows
    return tuple(
        (number, line.strip())
        for number, line in enumerate(lines, start=1)
        if line.lstrip().startswith("|")
        and line.count("|") >= 2
        and number not in held
        and not _DELIMITER_ROW.match(line)
    )


def _read_table(
    tokens: Sequence[Token], start: int, lines: Sequence[str], offset: int, *, page: int
) -> tuple[int, RawTable]:
    """The table whose ``table_open`` is ``tokens[start]``; ``offset`` is the line index of
    the piece the tokens were parsed from."""
    rows: list[RawRow] = []
    cells: list[str] = []
    bold: set[int] = set()
    head = False
    row_line = 0
    i = start + 1
    # The commonest token first: a row of six cells is 20 tokens, six of them inline (and
    # twelve td_open and td_close, which nothing here reads).
    while (kind := (token := tokens[i]).type) != "table_close":
        if kind == "inline":
            if token.content[:2] in _BOLD_OPENERS and _WHOLLY_BOLD.match(token.content):
                bold.add(len(cells))
            cells.append(inline_text(token.content))
        elif kind == "tr_open":
            cells = []
            bold = set()
            row_line = offset + (token.map[0] if token.map else 0)
        elif kind == "tr_close":
            extra = _overflow_cells(lines[row_line], len(cells))
            short = not extra and _padded(lines[row_line], cells)
            row = RawRow(row_line + 1, tuple(cells) + extra, head, (), short, frozenset(bold))
            rows.append(row)
        elif kind == "thead_open":
            head = True
        elif kind == "tbody_open":
            head = False
        i += 1
    table_map = tokens[start].map
    first_line = offset + table_map[0] + 1 if table_map else 0
    return i + 1, RawTable(page, first_line, tuple(rows))


def inline_text(content: str) -> str:
    """Plain text of inline Markdown: markup dropped, <br> and line breaks as newlines."""
    if _MARKUP.search(content) is None:
        return content.strip()
    tokens = _INLINE.parseInline(content)
    text = cell_text(tokens[0].children or []) if tokens else content
    return (_LEFT_BOLD.sub(r"\1", text) if "**" in text else text).strip()


def cell_text(children: Sequence[Token]) -> str:
    """Plain text of a cell's inline tokens: markup dropped, <br> and breaks as newlines."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind == "text" or kind == "code_inline":
            parts.append(child.content)
        elif kind == "softbreak" or kind == "hardbreak":
            parts.append("\n")
        elif kind == "html_inline":  # <br> is a line break; anything else (<APP>) is text
            parts.append("\n" if _BR_TAG.match(child.content) else child.content)
        elif kind == "image":
            parts.append(cell_text(child.children or []))
    return "".join(parts)


def split_row(line: str) -> list[str]:
    """Split a pipe-table source line into raw cell texts, honouring escaped pipes."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [cell.strip() for cell in _CELL_PIPE.split(body)]


def _padded(line: str, cells: Sequence[str]) -> bool:
    """Whether markdown-it padded a row with blank cells: its source line writes fewer."""
    if not cells or cells[-1]:
        return False  # its last cell holds text, so the line wrote it: the common, fast path
    body = line.strip()
    pipes = body.count("|") - body.count("\\|")
    if pipes + 1 - body.startswith("|") - body.endswith("|") >= len(cells):
        return False  # enough pipes for every cell (a blank last cell written): fast too
    return len(split_row(line)) < len(cells)


def _overflow_cells(line: str, kept: int) -> tuple[str, ...]:
    """The cells past the delimiter row's width, which markdown-it dropped, as plain text."""
    pipes = line.count("|") - line.count("\\|")
    if pipes <= kept + (1 if line.rstrip().endswith("|") else 0):
        return ()  # cannot hold more cells than markdown-it kept: the common, fast path
    raw = split_row(line)
    if len(raw) <= kept:
        return ()
    return tuple(inline_text(cell.replace("\\|", "|")) for cell in raw[kept:])


def _pick_title(candidates: Sequence[str]) -> str | None:
    """The first line naming a document (…分解表, …计划), else the first line of text that is
    no spreadsheet's default sheet name (markitdown's ``## Sheet1``)."""
    lines = [text for text in candidates if not SHEET_NAME.match(text)]
    named = next((text for text in lines if _TITLE_WORD.search(text)), None)
    return named or next(iter(lines), None)


def names_a_plan(text: str) -> bool:
    """Whether a line names a plan as a title does: a word of a title (表, 计划, 清单…) or a
    plan year."""
    return bool(_TITLE_WORD.search(text)) or title_year(text) is not None


def title_year(title: str) -> int | None:
    """The plan year a title names (a 4-digit year followed by 年, docs/decisions.md).

    Where it names several (2023年工作总结暨2024年重点工作任务分解表), the year of the task
    table: the last one followed by a word naming it (表, 任务, 计划…), else the last that
    is no date (2023年12月印发 is when it was issued). A multi-year plan
    (2024—2026年…任务分解表) is read in its first year: its 12月底前 are that year's."""
    text = unicodedata.normalize("NFKC", title)
    matches = list(_TITLE_YEAR.finditer(text))
    if not matches:
        return None
    if len(matches) > 1:
        ends = [m.start() for m in matches[1:]] + [len(text)]
        named = [
            m
            for m, end in zip(matches, ends, strict=True)
            if _TITLE_WORD.search(text, m.end(), end)
        ]
        undated = [m for m in matches if not _MONTH_AFTER.match(text, m.end())]
        matches = named or undated or matches
    arabic, chinese = matches[-1].group(1), matches[-1].group(2)
    if arabic:
        return int(arabic)
    return int("".join(YEAR_DIGITS[c] for c in chinese))
