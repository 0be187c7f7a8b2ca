"""Merged labels printed in the middle of their spans (pymupdf4llm's layout mode), part of
stage 4 (docs/realignment.md, "Labels in the middle of their spans").

``is_centred`` tells such a column from a top-placing one; ``fill_centred`` joins labels cut
over rows or pages and places every span around its label by printed height.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

from ..models import Diagnostic, How, Origin
from ..vocab.shapes import DEPARTMENT_FINALS
from .drafts import Draft, origin_of, set_value


def segments(drafts: Sequence[Draft], parents: tuple[str, ...]) -> list[range]:
    """Runs of drafts under the same enclosing values: the spans a role's spans nest in."""
    runs: list[range] = []
    start = 0
    for index in range(1, len(drafts) + 1):
        if index == len(drafts) or _key(drafts[index], parents) != _key(drafts[start], parents):
            runs.append(range(start, index))
            start = index
    return runs


def _key(draft: Draft, parents: tuple[str, ...]) -> tuple[str | None, ...]:
    return tuple(draft.values.get(p) for p in parents)


class Evidence(NamedTuple):
    """What one merged column shows of where its labels stand."""

    rows: int  # rows of the table
    written: int  # rows that write a label of their own
    labelled: int  # enclosing spans holding a label
    blank_starts: int  # of those, spans that begin with blank rows above the label
    blank_rows: int  # those blank rows, in all


def evidence(drafts: Sequence[Draft], role: str, parents: tuple[str, ...]) -> Evidence:
    """Count, inside the spans that enclose ``role``, those whose first label stands below
    blank rows of the same page: a top-placing converter writes one on every span's first
    row, a centring one only where the span's middle falls in its first row."""
    written = sum(1 for draft in drafts if draft.values.get(role))
    labelled = blank_starts = blank_rows = 0
    for run in segments(drafts, parents):
        first = next((i for i in run if drafts[i].values.get(role)), None)
        if first is None:
            continue
        labelled += 1
        page = drafts[first].page
        if first > run.start and all(drafts[i].page == page for i in range(run.start, first)):
            blank_starts += 1
            blank_rows += first - run.start
    return Evidence(len(drafts), written, labelled, blank_starts, blank_rows)


def is_centred(shown: Evidence) -> bool:
    """Whether a column shows labels in the middle of their spans (pymupdf4llm's layout
    mode) rather than on top: a merged column (fewer than half the rows write a label) in
    which most of two or more enclosing spans begin with blank rows; exactly half will do
    with two blank rows in all at least. A top-style table shows less: a lost label, or a
    first task without a project, blanks the start of one span, not most."""
    if shown.labelled < 2 or 2 * shown.written >= shown.rows:
        return False
    if 2 * shown.blank_starts == shown.labelled:
        return shown.blank_rows >= _TIE_EVIDENCE
    return 2 * shown.blank_starts > shown.labelled


#: Blank rows above the first labels of their spans that settle a tie (half the spans).
_TIE_EVIDENCE = 2


def _height(draft: Draft) -> int:
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
) -> None:
    """Fill ``role`` where its labels are centred: each blank row goes to the label whose
    span, placed so that every label is as near its span's middle (by printed height) as
    the others allow, covers it. A span broken by a page break has its label on top."""
    tops = [0, *accumulate(_height(d) for d in drafts)]
    width = _full_width(drafts, role)
    current: tuple[str, Origin] | None = None
    for run in segments(drafts, parents):
        labels = _labels(drafts, run, role, width)
        if not labels:
            if carry and current is not None:
                carried = origin_of("carried", current[1].line)
                for index in run:
                    set_value(drafts[index], role, current[0], carried)
            continue
        ends = _placed_spans(drafts, tops, run, labels)
        start = run.start
        for (first, last, text), end in zip(labels, ends, strict=True):
            origin = drafts[first].origin[role]
            for index in range(start, end + 1):
                if first <= index <= last:
                    set_value(drafts[index], role, text, origin)
                else:
                    how: How = "backfilled" if index < first else "carried"
                    set_value(drafts[index], role, text, origin_of(how, origin.line))
            start = end + 1
            current = (text, origin)
    diagnostics.append(
        Diagnostic(
            level="info",
            code="merged-style",
            message=f"the {role} labels stand in the middle of their spans; each span was "
            "placed around its label by printed row height",
            role=role,
        )
    )


#: A label: (first row, last row, text), its pieces joined with line breaks.
_Label = tuple[int, int, str]


def _full_width(drafts: Sequence[Draft], role: str) -> int:
    """The length of a full line in ``role``'s cells: its labels' longest line. 0 in a column
    whose labels never wrap: there a label as long as the longest is no sign of anything."""
    texts = [draft.values[role] for draft in drafts if draft.values.get(role)]
    if not any("\n" in text for text in texts):
        return 0
    return max(len(line) for text in texts for line in text.split("\n"))


def _labels(drafts: Sequence[Draft], run: range, role: str, width: int) -> list[_Label]:
    """(first row, last row, text) of each label in ``run``. A label printed over two rows
    (提升农机装 / 备水平), or cut by a page break, is joined again: a piece whose last line is
    ``width`` long ran to the cell's edge, so the label goes on below (never where ``width``
    is 0: two one-row spans side by side stay two)."""
    labels: list[_Label] = []
    for index in run:
        text = drafts[index].values.get(role)
        if not text:
            continue
        if labels and _goes_on(drafts, labels[-1], index, width, role):
            first, _, before = labels[-1]
            labels[-1] = (first, index, f"{before}\n{text}")
            continue
        labels.append((index, index, text))
    return labels


def _goes_on(drafts: Sequence[Draft], label: _Label, index: int, width: int, role: str) -> bool:
    """Whether the text at ``index`` continues ``label``: the label's last line is full,
    and the text is in the next row, or the label ends its page and the text is on the next."""
    _, last, text = label
    if not width or len(text.rsplit("\n", 1)[-1]) < width:
        return False
    if role == "departments" and _is_name(text) and _is_name(drafts[index].values[role]):
        return False
    page = drafts[last].page
    if last == index - 1 and drafts[index].page == page:
        return True
    ends_page = last + 1 < len(drafts) and drafts[last + 1].page != page
    return ends_page and drafts[index].page == page + 1


def _outside(tops: Sequence[int], first: int, last: int, start: int, end: int) -> float:
    """By how many printed lines the middle of span ``start..end`` misses the label's rows
    ``first..last``. A label is printed around its span's middle, a line of it half a line
    either side, so the middle must lie half a line inside the label's rows; among the cuts
    where it does, the best-centred wins (_placed_spans)."""
    middle = (tops[start] + tops[end + 1]) / 2
    return max(tops[first] + 0.5 - middle, middle - (tops[last + 1] - 0.5), 0.0)


def _is_name(text: str) -> bool:
    return text.rstrip()[-1:] in DEPARTMENT_FINALS


#: How much more a line between a span's middle and its label's rows costs than a line
#: between the middles: the first says the label could not have been printed there.
_OUTSIDE_WEIGHT = 10.0

#: How much more a span broken by a page break pays per line above its label than a span on
#: one page pays per line off its middle: such a label is on top, as the renderer places it.
_CROSSING_WEIGHT = 10.0


def _placed_spans(
    drafts: Sequence[Draft], tops: Sequence[int], run: range, labels: Sequence[_Label]
) -> list[int]:
    """The last row of each label's span: a dynamic programme over where each gap between
    two labels is cut. A cut pays heavily for each line by which a span's middle misses its
    label's rows (_outside), and a little for the distance between the middles; a span over
    a page break pays for the lines above its label instead."""

    def cost(first: int, last: int, start: int, end: int) -> float:
        if drafts[start].page != drafts[end].page:
            return (_CROSSING_WEIGHT * (tops[first] - tops[start])) ** 2
        label_middle = (tops[first] + tops[last + 1]) / 2
        span_middle = (tops[start] + tops[end + 1]) / 2
        outside = _outside(tops, first, last, start, end)
        return (_OUTSIDE_WEIGHT * outside) ** 2 + (label_middle - span_middle) ** 2

    # best[end] = (cost, ends) of the labels so far, the last of them ending at ``end``.
    best: dict[int, tuple[float, list[int]]] = {run.start - 1: (0.0, [])}
    for number, (first, last, _) in enumerate(labels):
        upper = labels[number + 1][0] - 1 if number + 1 < len(labels) else run.stop - 1
        lower = last if number + 1 < len(labels) else upper
        step: dict[int, tuple[float, list[int]]] = {}
        for end in range(lower, upper + 1):
            options = (
                (total + cost(first, last, before + 1, end), [*ends, end])
                for before, (total, ends) in best.items()
                if before < first
            )
            step[end] = min(options, key=lambda option: option[0])
        best = step
    return best[run.stop - 1][1]
