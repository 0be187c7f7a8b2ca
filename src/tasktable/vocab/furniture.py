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
