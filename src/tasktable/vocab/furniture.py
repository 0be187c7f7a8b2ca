"""Text that stands inside a table's rows but is no row of it (SPEC §1: notes, 续表), as
data for ``stages/stitch.py``: a converter writes it as a row of one text, or GFM swallows
the line under a table (no blank line between) as a row of one cell.
"""

from __future__ import annotations

import re
from typing import Final

from ..patterns import compiled, on_first_use

#: The words that open a note under or inside a table, before a colon: 注 "note", 说明
#: "explanation", 备注 "remark", 附注 "appended note"; numbered as 注1： or 注一：.
NOTE_WORDS: Final = ("注", "说明", "备注", "附注")

#: A note: one of NOTE_WORDS, maybe numbered, then a colon (full- or half-width).
#: 注：各责任股室于每季度末报送 / 说明：1.以上项目… / 注1：…
NOTE: Final = on_first_use(
    compiled, r"^\s*(?:" + "|".join(NOTE_WORDS) + r")\s*[0-9０-９一二三四五六七八九十]*\s*[：:]"
)

#: The words a continued table is marked with at the top of its next page: 续表 "table
#: continued", 续上表 "continuing the table above", 接上表 "following the table above",
#: written alone, in brackets, or numbered (续表1).
CONTINUED_WORDS: Final = ("续表", "续上表", "接上表")

#: (Both compiled on first use: most tables have no row of one text.)
#: Page furniture, as a row's whole text: a 续表 mark; a page number between dashes
#: (— 2 —, -2-, －2－); 第 2 页 "page 2", maybe with 共 5 页 "of 5", in either order; Page 2
#: (of 5).
PAGE_LINE: Final = on_first_use(
    compiled,
    r"^\s*(?:[(（]?(?:" + "|".join(CONTINUED_WORDS) + r")\s*[0-9０-９]*[)）]?[：:]?"
    r"|[-—–－‒―]+\s*[0-9０-９]+\s*[-—–－‒―]+"
    r"|(?:共\s*[0-9０-９]+\s*页\s*[,，、/]?\s*)?第\s*[0-9０-９]+\s*页(?:\s*[,，、/]?\s*共\s*[0-9０-９]+\s*页)?"
    r"|page\s*[0-9]+(?:\s*(?:of|/)\s*[0-9]+)?)\s*$",
    re.IGNORECASE,
)

#: The words that open a totals row under a table's tasks: 合计 "sum", 总计 "grand total",
#: 小计 "subtotal", 共计 "in all". A row is a totals row where one of them is its first
#: text, alone in its cell, and its other cells hold numbers or nothing (stages/stitch.py).
TOTAL_WORDS: Final = ("合计", "总计", "小计", "共计")

#: What a totals row's first text opens with: the first characters of TOTAL_WORDS, for a
#: test that spares the pattern below on most rows.
TOTAL_OPENINGS: Final = frozenset(word[0] for word in TOTAL_WORDS)

#: (Both compiled on first use, as the note patterns: most rows open with a 序号.)
#: A totals cell: one of TOTAL_WORDS, maybe spaced out (合 计) or with a colon.
TOTAL: Final = on_first_use(
    compiled, r"^\s*(?:" + "|".join(r"\s*".join(w) for w in TOTAL_WORDS) + r")\s*[：:]?\s*$"
)

#: A cell of a totals row beside the word: a number (170600, 1.5, 12,000, 85%), maybe with a
#: short unit (3项, 65000万元, 12个).
TOTAL_AMOUNT: Final = on_first_use(
    compiled, r"^\s*[-+]?[0-9０-９][0-9０-９,，.．]*\s*[%％]?\s*[\u4e00-\u9fff]{0,3}\s*$"
)
