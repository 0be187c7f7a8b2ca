"""Merged labels printed in the middle of their spans (pymupdf4llm's layout mode), part of
stage 4 (docs/realignment.md, "Labels in the middle of their spans").

``is_centred`` tells such a column from a top-placing one; ``fill_centred`` joins labels cut
over rows or pages and places every span around its label by printed height.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, count
from typing import NamedTuple

from ..messages import diagnostic
from ..models import Diagnostic, How, Origin
from ..names import ends_like_unit
from ..vocab.shapes import NO_UNIT, PAIRED_MARKS
from .drafts import Draft, origin_of, set_value

#: Why a row's merged value is in doubt: a key of the uncertain-span sentences
#: (vocab/messages.py), with the two labels it may belong to for two-labels.
_Why = tuple[str, ...]


def segments(drafts: Sequence[Draft], parents: tuple[str, ...]) -> list[range]:
    """Runs of drafts under the same enclosing values: the spans a role's spans nest in."""
    runs: list[range] = []
    start = 0
    keys = [_key(draft, parents) for draft in drafts]  # once each, not once per comparison
    for index in range(1, len(drafts) + 1):
        if index == len(drafts) or keys[index] != keys[start]:
            runs.append(range(start, index))
            start = index
    return runs


def _key(draft: Draft, parents: tuple[str, ...]) -> tuple[str | None, ...]:
    return tuple(map(draft.values.get, parents))  # map: no generator frame per call


class Evidence(NamedTuple):
    """What one merged column shows of where its labels stand."""

    rows: int  # rows of the table
    written: int  # rows that write a label of their own
    labelled: int  # enclosing spans holding a label
    blank_starts: int  # of those, spans that begin with blank rows above the label
    blank_rows: int  # those blank rows, in all
    cut: int = 0  # labels printed over two rows of one page (经济社会发展的主要预 / 期目标)
    #: labels of one line a row over two rows of one page whose pieces are no words alone
    #: (深化“一网 / 通办”, 优化企业开 / 办): centred where the table shows a second sign
    unfinished: int = 0


def evidence(drafts: Sequence[Draft], role: str, parents: tuple[str, ...]) -> Evidence:
    """Count, inside the spans that enclose ``role``, those whose first label stands below
    blank rows of the same page: a top-placing converter writes one on every span's first
    row, a centring one only where the span's middle falls in its first row."""
    written = sum(1 for draft in drafts if draft.values.get(role))
    labelled = blank_starts = blank_rows = 0
    texts = [draft.values.get(role) for draft in drafts]
    column = _column(texts)
    labels = _labels(drafts, texts, range(len(drafts)), role, column)
    cut = sum(_cut_on_one_page(drafts, label, column.width) for label in labels)
    unfinished = sum(_pieces_unfinished(drafts, label) for label in labels)
    for run in segments(drafts, parents):
        first = next((i for i in run if drafts[i].values.get(role)), None)
        if first is None:
            continue
        labelled += 1
        page = drafts[first].page
        if first > run.start and all(drafts[i].page == page for i in range(run.start, first)):
            blank_starts += 1
            blank_rows += first - run.start
    return Evidence(len(drafts), written, labelled, blank_starts, blank_rows, cut, unfinished)


def _cut_on_one_page(drafts: Sequence[Draft], label: _Label, width: int) -> bool:
    """A label printed over two rows of one page, plainly: its first row's text wraps (two
    lines or more, the last one full), and the next row holds one shorter line, the rest of
    it (一、经济社会<br>发展的主要预 / 期目标). Two one-line labels in a row, each as wide as the
    column, are two labels as likely as one."""
    if label.last != label.first + 1 or drafts[label.first].page != drafts[label.last].page:
        return False
    first_lines = label.line_rows.count(label.first)
    tail = label.text.split("\n")[first_lines:]
    return first_lines >= 2 and len(tail) == 1 and 0 < len(tail[0]) < width


def _pieces_unfinished(drafts: Sequence[Draft], label: _Label) -> bool:
    """A label joined from two pieces in two rows of one page (_labels: the first's last line
    full, or a unit's name cut in a column without line breaks) whose pieces are no labels
    alone: the second is one line of one character (优化企业开 / 办: no theme, project or
    unit is one character; 无 says there is none, and a mark is no word), or closes a mark
    the first leaves open (深化“一网 / 通办”). Two labels side by side, each as wide as the
    column, show neither; a label of one piece a row cut at a full line shows no more than
    that (_cut_on_one_page)."""
    pieces = label.text.split("\n")
    first_lines = label.line_rows.count(label.first)
    if label.last != label.first + 1 or len(pieces) != first_lines + 1:
        return False
    if drafts[label.first].page != drafts[label.last].page:
        return False
    head, tail = "".join(pieces[:first_lines]), pieces[-1]
    return (len(tail) == 1 and tail.isalpha() and tail not in NO_UNIT) or any(
        head.count(opening) > head.count(closing) and closing in tail
        for opening, closing in PAIRED_MARKS
    )


def is_centred(shown: Evidence) -> bool:
    """Whether a column shows labels in the middle of their spans (pymupdf4llm's layout
    mode) rather than on top: a merged column (fewer than half the rows write a label) in
    which most of two or more enclosing spans begin with blank rows; exactly half will do
    with two blank rows in all at least. A top-style table shows less: a lost label, or a
    first task without a project, blanks the start of one span, not most."""
    if shown.cut and 2 * (shown.written - shown.cut) < shown.rows:
        return True  # a label cut over rows of one page: a top-placing converter writes
        # a merged cell's whole text in its first row
    if shown.labelled < 2 or 2 * shown.written >= shown.rows:
        return False
    if 2 * shown.blank_starts == shown.labelled:
        return shown.blank_rows >= _TIE_EVIDENCE
    return 2 * shown.blank_starts > shown.labelled


#: Blank rows above the first labels of their spans that settle a tie (half the spans).
_TIE_EVIDENCE = 2


def hints_centred(shown: Evidence) -> bool:
    """Whether a column not called centred still shows enough of it for a second, centred
    reading to be worth its cost (style_doubts): at least a third of its spans begin with
    blank rows. The centred tables detection misses show one in two or three (two or three
    spans, one with its middle in a tall first row) or a single span; a top-style table
    heads one span in many with blank rows, where a label was lost (the sample: 1 in 11)."""
    return shown.blank_starts > 0 and shown.labelled <= _HINT_SHARE * shown.blank_starts


#: Spans per blank-headed one, at most, in a column that hints at centred labels.
_HINT_SHARE = 3


#: The columns a centred reading places: the merged levels whose labels a renderer may print
#: mid-span, which fill reads as centred (an owner's or partners' cell is read top-style).
PLACED_ROLES = ("theme", "project", "departments")


def fits_centred(drafts: Sequence[Draft]) -> bool:
    """Whether the merged columns (``drafts`` as written) could be printed with their labels
    in the middle of their spans: at each level, from the outside in, one cut of each
    enclosing span (as the levels outside cut them, centred) fits every label. A table whose
    spans are headed by their labels shows no blank heads, yet may be centred (a span over a
    page break has its label on top; another whose middle falls in a tall first row too):
    where every level fits so, each span on one page with its middle inside its label's
    window, not on its edge, and some label, of any level, stands below blank rows of its
    span on one page (spans that all begin at their labels, or run over page breaks with
    their labels on top, read the same top-style), a centred reading is worth comparing
    (style_doubts). Every level counts: under a theme over a page break with its label on
    top, the projects on the next page may be centred (their spans start after the break,
    which a first label of each enclosing span, all evidence sees, never shows)."""
    tops = [0, *accumulate(printed_lines(d) for d in drafts)]
    placement = _Placement(drafts, tops, _DOUBTED_POINTS)
    runs = [range(len(drafts))]  # the spans of the levels outside, as centred cuts place them
    below_blank_rows = False  # some label the centred cut puts below blank rows of its span
    for role in PLACED_ROLES:
        texts = [draft.values.get(role) for draft in drafts]
        if not any(texts):
            continue
        column = _column(texts)
        spans: list[range] = []
        for run in runs:
            labels = _labels(drafts, texts, run, role, column)
            if not labels:
                spans.append(run)  # no label of this level here: nothing to place
                continue
            fitted = _fitted_spans(placement, run, labels)
            if fitted is None:
                return False  # the common case, a top-style table: no cut fits every label
            for label, span in zip(labels, fitted, strict=True):
                below_blank_rows = below_blank_rows or (
                    drafts[span.start].page == drafts[span[-1]].page and span.start < label.first
                )
            spans.extend(fitted)
        runs = spans
    return below_blank_rows


def _fitted_spans(
    placement: _Placement, run: range, labels: Sequence[_Label]
) -> list[range] | None:
    """The spans of the best-centred cut of ``run`` (fits_centred), or None where no cut
    fits every label, or the cut puts a span's middle on the edge of its label's window."""
    if not placement.fitting_ends(run, labels)[-1]:
        return None
    drafts, tops = placement.drafts, placement.tops
    ends = placement.best(run, labels)
    starts = [run.start, *(end + 1 for end in ends[:-1])]
    for label, start, end in zip(labels, starts, ends, strict=True):
        if drafts[start].page != drafts[end].page:
            if placement.fit(label, start, end)[0]:
                return None
            continue
        # A middle on the line between two rows may print in either: a top-style table of
        # one-line rows fits so with every label on the edge of its row, which is no sign.
        low, high = placement.window(label)
        if not low < (tops[start] + tops[end + 1]) / 2 < high:
            return None
    return [range(start, end + 1) for start, end in zip(starts, ends, strict=True)]


def printed_lines(draft: Draft) -> int:
    """Printed lines of a row: its tallest own cell (merged labels span rows, so not them)."""
    lines = (draft.values[role].count("\n") + 1 for role in _OWN_ROLES if role in draft.values)
    return max(lines, default=1)


#: The cells of a row that are its own, not merged over several rows.
_OWN_ROLES = ("content", "schedule")


def fill_centred(
    drafts: list[Draft],
    role: str,
    parents: tuple[str, ...],
    *,
    carry: bool,
    diagnostics: list[Diagnostic],
    strict: bool = False,
) -> None:
    """Fill ``role`` where its labels are centred: each blank row goes to the label whose
    span, placed so that every label is printed where the renderer would centre it (by
    printed height) and as near its span's middle as the others allow, covers it. Rows the
    Markdown leaves open between two labels get an ``uncertain-span`` warning: where some
    point of a line down to its middle may stand in another row (_DOUBTED_POINTS), or,
    ``strict``, only where pymupdf4llm's point does (_CHOSEN_POINTS)."""
    tops = [0, *accumulate(printed_lines(d) for d in drafts)]
    texts = [draft.values.get(role) for draft in drafts]  # as written, before any filling
    column = _column(texts)
    placement = _Placement(drafts, tops, _CHOSEN_POINTS)
    wider = _Placement(drafts, tops, _DOUBTED_POINTS)
    doubts = _Doubts(drafts, texts, placement if strict else wider, role, column, parents)
    current: tuple[str, Origin] | None = None
    for run in segments(drafts, parents):
        labels = _labels(drafts, texts, run, role, column)
        if not labels:
            if carry and current is not None:
                carried = origin_of("carried", current[1].line)
                for index in run:
                    set_value(drafts[index], role, current[0], carried)
            _record_doubts(drafts, role, doubts.of(run, []), diagnostics)
            continue
        ends = placement.best(run, labels)
        found = list(doubts.of(run, labels, ends))
        start = run.start
        for label, end in zip(labels, ends, strict=True):
            origin = drafts[label.first].origin[role]
            for index in range(start, end + 1):
                if label.first <= index <= label.last:
                    set_value(drafts[index], role, label.text, origin)
                else:
                    how: How = "backfilled" if index < label.first else "carried"
                    set_value(drafts[index], role, label.text, origin_of(how, origin.line))
            start = end + 1
            current = (label.text, origin)
        _record_doubts(drafts, role, found, diagnostics)
    diagnostics.append(
        diagnostic(
            "merged-style",
            "info",
            {"role": role},
            role=role,
            rule="centred-labels",
        )
    )


class _Label(NamedTuple):
    """A merged label as printed: its first and last rows, its text (pieces joined with line
    breaks), and the row each of its printed lines stands in."""

    first: int
    last: int
    text: str
    line_rows: tuple[int, ...]  # the row of each printed line, top to bottom


class _Column(NamedTuple):
    """What a column's own cells say of how its labels were printed."""

    width: int  # the length of a full line (_full_width)
    #: each text the column writes, by its characters sorted: as first written, and in how
    #: many rows (_scattered)
    written: dict[str, tuple[str, int]]
    longest: int = 0  # the length of its longest text


def _column(texts: Sequence[str | None]) -> _Column:
    written: dict[str, tuple[str, int]] = {}
    for text in texts:
        if text:
            key = _sorted(text)
            first, rows = written.get(key, (text, 0))
            written[key] = (first, rows + 1)
    longest = max((len(text) for text in texts if text), default=0)
    return _Column(_full_width(texts), written, longest)


def _sorted(text: str) -> str:
    """A text's characters, line breaks aside, in sorted order: the same for any order."""
    return "".join(sorted(flat(text)))


def _full_width(texts: Sequence[str | None]) -> int:
    """The length of a full line in a column's cells: its labels' longest line. 0 in a column
    where no cell holds a line break: with no wrapped label to measure the cell's width by,
    a label as long as the longest is no sign that it ran on (labels cut one line per row
    in one-line rows are then left unjoined)."""
    written = [text for text in texts if text]
    if not any("\n" in text for text in written):
        return 0
    return max(len(line) for text in written for line in text.split("\n"))


def _labels(
    drafts: Sequence[Draft], texts: Sequence[str | None], rows: range, role: str, column: _Column
) -> list[_Label]:
    """Each label in ``rows`` (``texts``: the column as written). A label printed over two
    rows (提升农机装 / 备水平), or cut by a page break, is joined again: a piece whose last line
    is as long as the column's full line ran to the cell's edge, so the label goes on below
    (never where the column shows no full line: two one-row spans side by side stay two).
    A one-line label printed on the line between two rows, its characters shared out
    between them (畜 / 牧股), is joined too where the column writes it whole elsewhere."""
    labels: list[_Label] = []
    for index in rows:
        text = texts[index]
        if not text:
            continue
        line_rows = (index,) * (text.count("\n") + 1)
        if labels and _goes_on(drafts, labels[-1], index, text, column, role):
            head = labels[-1]
            labels[-1] = _Label(
                head.first, index, f"{head.text}\n{text}", head.line_rows + line_rows
            )
            continue
        whole = _scattered(drafts, labels[-1], index, text, column) if labels else None
        if whole is not None:
            # one printed line on the border of the two rows: its middle is on that line
            labels[-1] = _Label(labels[-1].first, index, whole, (labels[-1].first, index))
            continue
        labels.append(_Label(index, index, text, line_rows))
    return labels


def _scattered(
    drafts: Sequence[Draft], label: _Label, index: int, text: str, column: _Column
) -> str | None:
    """The label that ``label`` and ``text`` (the row below it, or the first of the next
    page) are the two parts of, when one line printed across the border of two rows was
    shared out between them character by character (业 / 种植股 for 种植业股): each part one
    line and no label of the column itself, and together, in some order, the characters of
    a label the column writes whole in another row. None where they are not."""
    if label.first != label.last or "\n" in label.text or "\n" in text:
        return None
    if not _adjacent(drafts, label.last, index):
        return None
    whole, _ = column.written.get(_sorted(label.text + text), ("", 0))
    printed = flat(whole)
    if not printed:
        return None
    for part in (label.text, text):
        if not _subsequence(part, printed) or column.written[_sorted(part)][1] > 1:
            return None  # or a label the column writes in another row: one of its own
    return whole


def _subsequence(part: str, whole: str) -> bool:
    """Whether ``part``'s characters stand in ``whole`` in the same order."""
    rest = iter(whole)
    return all(char in rest for char in part)


def _adjacent(drafts: Sequence[Draft], above: int, index: int) -> bool:
    """Whether row ``index`` is the next row after ``above`` as printed: the row below on
    the same page, or the first of the next page where ``above`` ends its page."""
    page = drafts[above].page
    if above == index - 1 and drafts[index].page == page:
        return True
    ends_page = above + 1 < len(drafts) and drafts[above + 1].page != page
    return ends_page and drafts[index].page == page + 1


def _goes_on(
    drafts: Sequence[Draft], label: _Label, index: int, text: str, column: _Column, role: str
) -> bool:
    """Whether ``text`` at ``index`` continues ``label``: the label's last line is full, and
    the text is in the next row, or the label ends its page and the text is on the next.
    In a column where no cell has a line break, only a unit's name cut one line a row
    (_unit_cut) is known to go on."""
    width = column.width
    if not width:
        return (
            role == "departments"
            and _unit_cut(label.text, text, column.longest)
            and _adjacent(drafts, label.last, index)
        )
    if len(label.text.rsplit("\n", 1)[-1]) < width:
        return False
    if role == "departments" and ends_like_unit(label.text) and ends_like_unit(text):
        return False
    return _adjacent(drafts, label.last, index)


def _unit_cut(label: str, text: str, longest: int) -> bool:
    """Whether two one-line texts of a unit column without line breaks are one unit's name
    cut one line a row (水生态环境 / 科, 土壤生态环 / 境科): the first as long as the
    column's longest text, so a full line, and no unit's name (it ends as none does); the
    second of one or two characters that end one. Two names are never joined."""
    if "\n" in label or "\n" in text or len(label) < longest or ends_like_unit(label):
        return False
    return len(text) <= _UNIT_TAIL and ends_like_unit(text)


#: The characters of a unit's name, at most, that a line cut one line a row leaves below.
_UNIT_TAIL = 2


#: The weight of a line by which a span misses its label against a line between the middles
#: of the span and of the label's window, both squared in the cost (so 100 to 1): a miss
#: says the label could not have been printed there, the distance only ranks the cuts that
#: could.
_MISS_WEIGHT = 10.0

#: Where a converter looks in a printed line to tell which row it stands in, in lines below
#: the line's top, as (highest, lowest) points: a line stands in the row that holds it. The
#: cut is chosen with pymupdf4llm's (a quarter line down: a label centred on the border of
#: two rows is written in the upper one, zoo agri-2021 rows 1-3); doubts allow any point
#: down to the line's middle, where a converter that tests centres would look.
_CHOSEN_POINTS = (0.25, 0.25)
_DOUBTED_POINTS = (0.25, 0.5)


#: Lines added to the distance of a span broken by a page break whose label is centred in
#: the first page's part: weasyprint, the renderer seen, mostly puts such a label on top.
_FIRST_PART_PENALTY = 1.0


class _Placement:
    """Where spans may be cut around their labels, by the printed lines of the rows above
    each row (``tops``; a row is as tall as its tallest own cell).

    The renderer centres a label's lines around its span's vertical middle, and the
    converter writes each line in the row that holds a point of it (``points``: from the
    line's top, _CHOSEN_POINTS or the wider _DOUBTED_POINTS). So a span fits its label
    when its middle lies in the label's window: the middles at which every printed line of
    the label would land in the row it is written in. A span broken by a page break fits
    with its label on top (weasyprint) or centred in the part on the first page.
    """

    def __init__(
        self, drafts: Sequence[Draft], tops: Sequence[int], points: tuple[float, float]
    ) -> None:
        self.drafts = drafts
        self.tops = tops
        self.points = points
        self._windows: dict[tuple[int, int], tuple[float, float]] = {}
        # page_ends[i]: the last row on row i's page
        self.page_ends = list(range(len(drafts)))
        for index in range(len(drafts) - 2, -1, -1):
            if drafts[index + 1].page == drafts[index].page:
                self.page_ends[index] = self.page_ends[index + 1]

    def window(self, label: _Label) -> tuple[float, float]:
        """(low, high): the span middles, in printed lines from the table's top, that print
        each line of the label in the row the Markdown shows it in. Where no middle does
        (a label cut by a page break, or pieces that no one centring explains), the middles
        half a line inside the label's rows stand in."""
        # keyed by both ends: a reading of fewer rows can cut a label's pieces short
        key = (label.first, label.last)
        if key in self._windows:
            return self._windows[key]
        tops, count = self.tops, len(label.line_rows)
        low, high = float("-inf"), float("inf")
        for number, row in enumerate(label.line_rows):
            # line ``number``'s top is at middle - count/2 + number; a point of it in its row
            shift = count / 2 - number
            low = max(low, tops[row] + shift - self.points[1])
            high = min(high, tops[row + 1] + shift - self.points[0])
        if low > high or self.drafts[label.first].page != self.drafts[label.last].page:
            low, high = tops[label.first] + 0.5, tops[label.last + 1] - 0.5
        self._windows[key] = (low, high)
        return low, high

    def fit(self, label: _Label, start: int, end: int) -> tuple[float, float]:
        """(lines missed, distance from the window's centre) of span ``start..end``:
        missed is 0 where the span could have been printed with its label so."""
        drafts = self.drafts
        if drafts[start].page == drafts[end].page:
            return self._centred(label, start, end)
        page_end = self.page_ends[start]
        on_top = (self._below_top(label, start, page_end), 0.0)
        if label.last > page_end:
            return on_top
        missed, off = self._centred(label, start, page_end)
        return min(on_top, (missed, off + _FIRST_PART_PENALTY))

    def _below_top(self, label: _Label, start: int, page_end: int) -> float:
        """Lines by which the label, printed from the first line of span ``start`` down
        (line n's point n + points[0] lines below its top), misses the rows its lines on that
        page stand in; a label with no line on that page misses by all the lines above it."""
        tops = self.tops
        points = (tops[start] + number + self.points[0] for number in count())
        misses = [
            max(tops[row] - point, point - tops[row + 1], 0.0)
            for row, point in zip(label.line_rows, points, strict=False)
            if row <= page_end
        ]
        return max(misses, default=tops[label.first] - tops[start])

    def _centred(self, label: _Label, start: int, end: int) -> tuple[float, float]:
        low, high = self.window(label)
        middle = (self.tops[start] + self.tops[end + 1]) / 2
        return max(low - middle, middle - high, 0.0), abs((low + high) / 2 - middle)

    def cost(self, label: _Label, start: int, end: int) -> float:
        missed, off = self.fit(label, start, end)
        return (_MISS_WEIGHT * missed) ** 2 + off**2

    def best(self, run: range, labels: Sequence[_Label]) -> list[int]:
        """The last row of each label's span: a dynamic programme over where each gap
        between two labels is cut, for the least total cost (ties: the earliest cut)."""
        befores, totals = [run.start - 1], [0.0]
        links: list[dict[int, int]] = []  # per label: end of its span -> end of the one before
        for number, label in enumerate(labels):
            link: dict[int, int] = {}
            step: list[float] = []
            candidates = _Candidates(self, label, befores, totals)
            ends = _end_range(labels, number, run)
            for end in ends:
                total, before = min(
                    (totals[i] + self.cost(label, befores[i] + 1, end), i)
                    for i in candidates.near(end)
                )
                step.append(total)
                link[end] = befores[before]
            befores, totals = list(ends), step
            links.append(link)
        cut = [run.stop - 1]
        for link in reversed(links[1:]):
            cut.append(link[cut[-1]])
        return cut[::-1]

    def fitting_ends(self, run: range, labels: Sequence[_Label]) -> list[set[int]]:
        """For each label, the rows its span may end on in some cut of the run in which
        every span fits its label: one row where the Markdown settles the cut, more where
        several cuts fit, none where no cut fits at all."""
        # reach[number][end]: where the span before may end, when label ``number``'s ends
        # at ``end`` and every span up to it fits.
        reach: list[dict[int, list[int]]] = []
        ends: list[int] = [run.start - 1]
        for number, label in enumerate(labels):
            step: dict[int, list[int]] = {}
            candidates = _Candidates(self, label, ends)
            for end in _end_range(labels, number, run):
                befores = [
                    ends[i]
                    for i in candidates.fitting(end)
                    if self.fit(label, ends[i] + 1, end)[0] == 0
                ]
                if befores:
                    step[end] = befores
            if not step:
                return [set() for _ in labels]  # no cut fits this label: none fits them all
            reach.append(step)
            ends = list(step)
        fitting: list[set[int]] = [set() for _ in labels]
        alive = {run.stop - 1} & set(ends)
        for number in range(len(labels) - 1, -1, -1):
            fitting[number] = alive
            alive = {before for end in alive for before in reach[number][end]}
        return fitting


#: Lines by which a span may miss its label and still be weighed (_Candidates.near). A
#: start farther off costs over (_MISS_WEIGHT * _SEARCH_MARGIN) ** 2 more than the cheapest
#: reading so far: where a span near the label fits, as it does in the tables seen, it
#: cannot win, and the search stays short (weighing every start was quadratic in a gap).
_SEARCH_MARGIN = 3.0


class _Candidates:
    """Where the span before a label may end (``befores``, ascending, with the least
    ``totals`` of the readings up to them) for this label's span to end at a given row,
    searched near the label only. A span on one page fits where its middle is in the
    label's window, so its start lies near the mirror image of its end around the label; a
    span over a page break costs the same wherever it ends after the break, so the
    cheapest such start so far stands for all of them. Ends are asked for in ascending
    order."""

    def __init__(
        self,
        placement: _Placement,
        label: _Label,
        befores: Sequence[int],
        totals: Sequence[float] = (),
    ) -> None:
        self.placement, self.label, self.befores, self.totals = placement, label, befores, totals
        tops = placement.tops
        self.starts = [tops[before + 1] for before in befores]  # printed line of each start
        self.page_ends = [placement.page_ends[before + 1] for before in befores]
        self.low, self.high = placement.window(label)
        # the cheapest reading from each index on: the best start whatever the label says
        self.cheapest_from = list(range(len(totals)))
        for index in range(len(totals) - 2, -1, -1):
            after = self.cheapest_from[index + 1]
            if totals[after] < totals[index]:
                self.cheapest_from[index] = after
        self._over = 0  # befores[:_over] start spans that cross a page break to this end
        self._cheapest_over: tuple[float, int] | None = None
        self._fitting_over: list[int] = []

    def _mirror(self, end: int, margin: float) -> tuple[int, int, int]:
        """(first same-page index, low, high): the befores[low:high] that start a span on
        ``end``'s page whose middle lies within ``margin`` lines of the label's window
        (widened a line: floats at the edges)."""
        bottom = self.placement.tops[end + 1]
        first = bisect_left(self.page_ends, end)
        low = bisect_left(self.starts, 2 * (self.low - margin) - bottom - 1, first)
        high = bisect_right(self.starts, 2 * (self.high + margin) - bottom + 1, low)
        return first, low, high

    def _cross(self, end: int) -> None:
        """Take in the befores whose span to ``end`` now crosses a page break: what it
        costs and whether it fits no longer depend on where after the break it ends."""
        placement, label = self.placement, self.label
        while self._over < len(self.befores) and self.page_ends[self._over] < end:
            index, start = self._over, self.befores[self._over] + 1
            if self.totals:
                option = (self.totals[index] + placement.cost(label, start, end), index)
                if self._cheapest_over is None or option < self._cheapest_over:
                    self._cheapest_over = option
            if placement.fit(label, start, end)[0] == 0:
                self._fitting_over.append(index)
            self._over += 1

    def near(self, end: int) -> set[int]:
        """Indices of the befores worth weighing for a span ending at ``end``: those within
        _SEARCH_MARGIN lines of centring the label, the nearest on either side of them and
        the cheapest reading so far on the page (where none is near), and the cheapest
        start over a page break."""
        self._cross(end)
        first, low, high = self._mirror(end, _SEARCH_MARGIN)
        found = set(range(low, high))
        found.update(index for index in (low - 1, high) if first <= index < len(self.befores))
        if first < len(self.befores):
            found.add(self.cheapest_from[first])
        if self._cheapest_over is not None:
            found.add(self._cheapest_over[1])
        return found

    def fitting(self, end: int) -> list[int]:
        """Indices of the befores that may start a span ending at ``end`` that fits: over a
        page break, those that fit; on ``end``'s page, those that centre the label."""
        self._cross(end)
        _, low, high = self._mirror(end, 0.0)
        return [*self._fitting_over, *range(low, high)]


#: What a reading gives a row it leaves to the neighbouring run: a value not known here.
_ELSEWHERE = "\0"

#: Why a row is doubted when more than two values, or a neighbour's, are possible.
_UNSETTLED: _Why = ("open",)

#: How many placements of a run's edges are read before all its blank rows are doubted.
_EDGE_READINGS = 64


class _Doubts:
    """Which rows of a run the Markdown leaves open. A reading of some rows is a cut of them
    in which every span fits its label (_Placement.fit). A run's edges may move too: rows
    next to them whose enclosing span is in doubt may belong to this run or to the next.
    The readings of every placement of the edges (up to _EDGE_READINGS of them) are taken,
    and a blank row that two of them may give different values is doubted. Each label's
    span is taken to end anywhere between its earliest and latest fitting end, which can
    doubt a row no single reading moves, never miss one that one does. Where the chosen
    cut misses a label, the blank rows of that span are doubted."""

    def __init__(
        self,
        drafts: Sequence[Draft],
        texts: Sequence[str | None],
        placement: _Placement,
        role: str,
        column: _Column,
        parents: tuple[str, ...],
    ) -> None:
        self.drafts, self.texts, self.placement = drafts, texts, placement
        self.role, self.column, self.parents = role, column, parents

    def of(
        self, run: range, labels: Sequence[_Label], ends: Sequence[int] = ()
    ) -> Iterator[tuple[int, _Why]]:
        """(row, why) for each row of ``run`` in doubt; ``ends`` is the cut chosen (none for
        a run without labels). Only blank rows are, but for a label piece at an edge in doubt
        that may run on into the neighbouring run (_cut_pieces)."""
        yield from self._cut_pieces(run)
        written = {row for label in labels for row in range(label.first, label.last + 1)}
        blank = [index for index in run if index not in written]
        missed = dict(self._misses(run, labels, ends))
        starts, stops = self._edges(run)
        fixed = range(starts[-1], stops[0])  # rows that stay in the run wherever its edges go
        if len(starts) * len(stops) > _EDGE_READINGS or any(
            self._parent_doubted(index) for index in fixed
        ):
            # a doubted row inside the run: the enclosing cut may split the run itself
            for index in blank:
                yield index, missed.get(index, _UNSETTLED)
            return
        # what the chosen cut gives each blank row, then what every other reading does
        values: dict[int, set[str | None]] = {index: {None} for index in blank}
        start = run.start
        for label, end in zip(labels, ends, strict=True):
            for index in range(start, end + 1):
                if index in values:
                    values[index] = {label.text}
            start = end + 1
        for start in starts:
            for stop in stops:
                if stop > start:
                    rows = range(start, stop)
                    self._read(rows, values, labels if rows == run else None)
        for index in blank:
            if index in missed:
                yield index, missed[index]
            elif len(values[index]) > 1:
                named = sorted(flat(v) for v in values[index] if v not in (None, _ELSEWHERE))
                if len(named) == len(values[index]) == 2:
                    yield index, ("two-labels", named[0], named[1])
                else:
                    yield index, _UNSETTLED

    def _cut_pieces(self, run: range) -> Iterator[tuple[int, _Why]]:
        """A label piece at an edge of the run, where the enclosing span is in doubt, that
        the piece beyond the edge may continue (提升农机装 / 备水平 on either side): were the
        enclosing span cut the other way, the two would be one label."""
        texts, drafts = self.texts, self.drafts
        for inside, outside in ((run.start, run.start - 1), (run.stop - 1, run.stop)):
            if not 0 <= outside < len(drafts) or not (texts[inside] and texts[outside]):
                continue
            if not (self._parent_doubted(inside) or self._parent_doubted(outside)):
                continue
            upper, lower = sorted((inside, outside))
            above = _Label(upper, upper, texts[upper] or "", ())
            if _goes_on(drafts, above, lower, texts[lower] or "", self.column, self.role):
                yield inside, ("edge",)

    def _parent_doubted(self, index: int) -> bool:
        inside = 0 <= index < len(self.drafts)
        return inside and any(parent in self.drafts[index].doubted for parent in self.parents)

    def _edges(self, run: range) -> tuple[range, range]:
        """Where the run may start, and where it may stop (one past its last row), were
        the doubted rows of its enclosing spans next to its edges cut the other way."""
        doubted = self._parent_doubted
        earliest_start = latest_start = run.start
        while doubted(earliest_start - 1):
            earliest_start -= 1
        while latest_start < run.stop - 1 and doubted(latest_start):
            latest_start += 1
        earliest_stop = latest_stop = run.stop
        while doubted(latest_stop):
            latest_stop += 1
        while earliest_stop > latest_start + 1 and doubted(earliest_stop - 1):
            earliest_stop -= 1
        return range(earliest_start, latest_start + 1), range(earliest_stop, latest_stop + 1)

    def _read(
        self,
        rows: range,
        values: dict[int, set[str | None]],
        labels: Sequence[_Label] | None = None,
    ) -> None:
        """Add what each fitting reading of ``rows`` (its ``labels``, if already found)
        gives the rows in ``values``: a label's text, None where ``rows`` hold no label,
        _ELSEWHERE for a row outside ``rows``."""
        if labels is None:
            labels = _labels(self.drafts, self.texts, rows, self.role, self.column)
        fitting = self.placement.fitting_ends(rows, labels) if labels else []
        if labels and not fitting[-1]:
            return  # no reading: these edges do not hold
        for index, seen in values.items():
            if index not in rows:
                seen.add(_ELSEWHERE)
            elif not labels:
                seen.add(None)
        start = rows.start
        for number, label in enumerate(labels):
            for index in range(start, max(fitting[number]) + 1):
                if index in values:
                    values[index].add(label.text)
            start = min(fitting[number]) + 1

    def _misses(
        self, run: range, labels: Sequence[_Label], ends: Sequence[int]
    ) -> Iterator[tuple[int, _Why]]:
        start = run.start
        for label, end in zip(labels, ends, strict=True):
            if self.placement.fit(label, start, end)[0]:
                for index in range(start, end + 1):
                    if not label.first <= index <= label.last:
                        yield index, ("missed",)
            start = end + 1


def _end_range(labels: Sequence[_Label], number: int, run: range) -> range:
    """The rows label ``number``'s span may end on: from its own last row to the row above
    the next label (the run's last row for the last label)."""
    if number + 1 == len(labels):
        return range(run.stop - 1, run.stop)
    return range(labels[number].last, labels[number + 1].first)


def flat(text: str) -> str:
    """A label's text with its printed line breaks removed."""
    return text.replace("\n", "")


def _record_doubts(
    drafts: Sequence[Draft],
    role: str,
    doubts: Iterable[tuple[int, _Why]],
    diagnostics: list[Diagnostic],
) -> None:
    """Mark each doubted row's ``role`` (nested columns read it) and warn with the value
    it was given."""
    for index, why in doubts:
        draft = drafts[index]
        draft.doubted.add(role)
        args: dict[str, str] = {"role": role, "why": why[0]}
        if why[0] == "two-labels":
            args |= {"first": why[1], "second": why[2]}
        diagnostics.append(
            diagnostic(
                "uncertain-span",
                "warning",
                args,
                line=draft.line,
                seq=draft.seq,
                role=role,
                text=flat(draft.values.get(role, "")) or None,
                rule="centred-labels",
            )
        )


def style_doubts(
    top: Sequence[Draft], centred: Sequence[Draft], strict: Sequence[Draft], *, offered: bool
) -> Iterator[Diagnostic]:
    """Warnings where a table read top-style (``top``, as filled) would read otherwise as
    centred (``centred``: the same rows read so), when the centred reading is a clean one:
    every span fits its label where it stands, and one cut only. Such a table prints the
    same from either converter (two spans, one headed by a blank row; or a first span over
    a page break with its label on top, then one centred): each task whose theme, project
    or department the two readings give differently is said to be in doubt. A centred
    reading that some labels leave open is ``offered`` too (fill decides) where the table's
    first row writes no label of its own (SPEC §4: the sign of labels printed mid-span;
    top-style, it takes the label below, backfilled), or where some row of its own is taller
    than one printed line and every level fits a centred cut (fits_centred). Rows of one
    printed line each fit either reading, so there a fit is no sign: offered wherever labels
    fit, it warned falsely on top-style docx and xlsx conversions in the zoo. There
    ``strict`` (the rows read centred again, doubted only where pymupdf4llm's placing of
    lines leaves them open) doubts the rows whose value both readings give alike, and a cut
    moved the other way would change."""
    if any(draft.doubted for draft in centred) and not offered:
        return  # labels that no single cut places: no second reading to offer
    for index, (ours, theirs) in enumerate(zip(top, centred, strict=True)):
        for role in PLACED_ROLES:
            given, other = ours.values.get(role), theirs.values.get(role)
            if given == other and role in strict[index].doubted:
                # the centred reading gives the same value, and leaves it open even as
                # pymupdf4llm places lines: a cut moved the other way gives the row what
                # the rows beyond its doubts hold
                other = _beyond_doubts(strict, index, role)
            if given == other or other is None:
                continue
            yield diagnostic(
                "uncertain-style",
                "warning",
                {"role": role, "other": flat(other or "")},
                line=ours.line,
                seq=ours.seq,
                role=role,
                text=flat(given or "") or None,
                rule="centred-labels",
            )


def first_row_backfilled(drafts: Sequence[Draft]) -> bool:
    """Whether the first row takes a placed label from a row below it (backfilled)."""
    if not drafts:
        return False
    origin = drafts[0].origin
    return any(role in origin and origin[role].how == "backfilled" for role in PLACED_ROLES)


def _beyond_doubts(drafts: Sequence[Draft], index: int, role: str) -> str | None:
    """The value another cut may give row ``index``, whose ``role`` the reading in
    ``drafts`` doubts: the nearest other value among the rows of its run of doubted rows
    and the row on either side of that run (below first), or None where all hold the same."""
    given = drafts[index].values.get(role)
    low = high = index
    while low > 0 and role in drafts[low - 1].doubted:
        low -= 1
    while high + 1 < len(drafts) and role in drafts[high + 1].doubted:
        high += 1
    rows = range(max(low - 1, 0), min(high + 2, len(drafts)))
    for row in sorted(rows, key=lambda row: (abs(row - index), row < index)):
        value = drafts[row].values.get(role)
        if value and value != given:
            return value
    return None
