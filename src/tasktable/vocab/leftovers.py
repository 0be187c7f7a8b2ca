"""What spreadsheet and document converters leave in cells that is no text of the table
(SPEC §4 "Converter leftovers"), as data for ``stages/leftovers.py`` and the title choice.
"""

from __future__ import annotations

import re
from typing import Final

from ..patterns import compiled, on_first_use

#: Whole-cell texts a DataFrame writer (pandas ``to_markdown``/``to_html``, markitdown on
#: XLSX) puts in a cell that held nothing: NaN for a missing float, None for a missing
#: object, nan as numpy prints it. They are blanks, never text.
DATAFRAME_BLANKS: Final = frozenset({"NaN", "nan", "None"})

#: A line break a DataFrame writer printed as the two characters backslash and n (markitdown
#: on XLSX: 县文体广新局\n县代建中心), with an optional backslash-r before it (Windows).
LITERAL_LINE_BREAK: Final = on_first_use(compiled, r"(?:\\r)?\\n")

#: A number a float column prints for an integer (12.0, 3.00): pandas turns a column of
#: integers with one missing cell into floats.
INTEGRAL_FLOAT: Final = on_first_use(compiled, r"^([0-9]+)\.0+$")

#: The name a converter writes for a header cell it found empty, the whole cell: pandas'
#: Unnamed: 1 (Unnamed: 1_level_0 in a two-row header), and PyMuPDF's Col1, Col2…
#: (Table.to_markdown, so pymupdf4llm: on a page whose table has no header row the first data
#: row is taken for the header, its blank cells printed so). It is no header text.
HEADER_PLACEHOLDER: Final = compiled(r"^(?:Unnamed: [0-9]+(?:_level_[0-9]+)?|Col[0-9]+)$")

#: A spreadsheet's default sheet name, which markitdown writes as a heading (## Sheet1) above
#: each sheet's table: Sheet1 (Excel, WPS), 工作表1 "worksheet 1" (Chinese Excel, Numbers).
#: It names no document, so it is never the title.
SHEET_NAME: Final = compiled(r"^(?:Sheet|工作表)\s*[0-9]+$", re.IGNORECASE)

#: A border line of a pandoc grid table (pandoc -t markdown, rst): +------+-----+, the header's
#: +======+=====+ or with alignment colons +:-----+. It is no GFM table.
GRID_TABLE_BORDER: Final = on_first_use(compiled, r"^\s*\+(?:[-=:]+\+)+\s*$")

#: The column rule of a pandoc multiline or simple table (pandoc -t markdown): runs of dashes
#: split by spaces, one run a column (------- ------------- ------). It is no GFM table.
MULTILINE_TABLE_RULE: Final = on_first_use(compiled, r"^\s*-{2,}(?:[ \t]+-{2,})+\s*$")
