"""A field's text cut into dated milestones (SPEC §7): ``find_milestones``.

The text is cut into clauses at 。；; (and line breaks), and at ，where the next clause opens
with a date phrase. A clause holding a period opens a milestone: its ``when`` is the clause's
first period, its ``action`` the words after that period (or the whole clause, when the period
stands inside it). A clause without a period continues the milestone before it; text before
the first dated clause stays only in the field. Named events (科普宣传周) are occasions inside
an action, never the opening of a milestone; nor, outside the schedule, is an ongoing phrase
(持续推进), which there is the work's verb.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence

from ..models import Milestone, Period, Target, TextField
from ..patterns import alternation, compiled, on_first_use
from ..vocab.dates import CLAUSE_OPENERS, PART_MARKER

#: Marks that always end a clause.
_HARD_END = compiled(r"[。；;！!？?\n]")
#: A comma, which ends a clause only when a date phrase opens the next one.
_COMMA = compiled(r"[，,]")
#: Spaces and an opener word (于, 力争…) between a clause's start and its opening period.
_OPENERS = compiled(rf"\s*(?:{alternation(CLAUSE_OPENERS)})?\s*")
#: The marker of a numbered part at the start of a line (1、 1. （1） ①).
_PART_MARKER = on_first_use(compiled, PART_MARKER)
#: Punctuation and spaces trimmed from both ends of an action.
_TRIM = "，,。；;：:！!？?、 \t\n"


def find_milestones(
    text: str, periods: Sequence[Period], targets: Sequence[Target], *, field: TextField
) -> list[Milestone]:
    """The milestones of ``text``, given its periods and the targets found in it."""
    # 持续推进 "keep pushing on" is the time frame in a schedule column, but the verb of the
    # work itself in content (持续推进县级科协创新发展): there it opens nothing.
    closed = ("event",) if field == "schedule" else ("event", "ongoing")
    openers = [p for p in periods if p.kind not in closed]
    if not openers:
        return []
    milestones: list[Milestone] = []
    when: Period | None = None
    start = end = action_start = 0
    parts = _parts(text, openers)
    part: tuple[int, int, bool] | None = None
    # Periods come in text order (find_periods), so a clause's first opener is found by
    # bisection rather than by a scan of them all for each clause.
    starts = [p.span[0] for p in openers]
    for clause_start, clause_end in _clauses(text, openers):
        if parts and parts[0][0] <= clause_start:
            # A numbered part that holds a date is a milestone of its own: the one before it
            # ends here, and its undated lead-in (1、完成初步设计，7月1日前开工) is part of it.
            part = parts.pop(0)
            if part[2] and when is not None:
                milestones.append(_milestone(text, when, start, action_start, end, targets, field))
                when = None
        k = bisect_left(starts, clause_start)
        first = openers[k] if k < len(starts) and starts[k] < clause_end else None
        if first is None:
            end = clause_end  # continues the open milestone, if any
            continue
        if when is not None:
            milestones.append(_milestone(text, when, start, action_start, end, targets, field))
        when, start, end = first, clause_start, clause_end
        opening = clause_start
        if part is not None and part[2]:
            start, opening, part = part[0], part[1], None
        opened = _OPENERS.match(text, opening)
        action_start = first.span[1] if opened and opened.end() == first.span[0] else opening
    if when is not None:
        milestones.append(_milestone(text, when, start, action_start, end, targets, field))
    return milestones


def _parts(text: str, openers: Sequence[Period]) -> list[tuple[int, int, bool]]:
    """(start, text start after the marker, holds a date) of each numbered part of ``text``,
    where it has two or more; else none."""
    if "\n" not in text:
        return []
    marks = [(m.start(), m.end()) for m in _PART_MARKER.finditer(text)]
    if len(marks) < 2:
        return []
    ends = [start for start, _ in marks[1:]] + [len(text)]
    return [
        (start, after, any(start <= p.span[0] < until for p in openers))
        for (start, after), until in zip(marks, ends, strict=True)
    ]


def _clauses(text: str, openers: Sequence[Period]) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause, without the mark that ends it."""
    starts = {p.span[0] for p in openers}
    cuts = [m.start() for m in _HARD_END.finditer(text)]
    for comma in _COMMA.finditer(text):
        opened = _OPENERS.match(text, comma.end())
        if opened and opened.end() in starts:
            cuts.append(comma.start())
    at = 0
    for cut in sorted(cuts):
        if cut > at:
            yield at, cut
        at = cut + 1
    if at < len(text):
        yield at, len(text)


def _milestone(
    text: str,
    when: Period,
    start: int,
    action_start: int,
    end: int,
    targets: Sequence[Target],
    field: TextField,
) -> Milestone:
    action_end = end
    while action_start < action_end and text[action_start] in _TRIM:
        action_start += 1
    while action_end > action_start and text[action_end - 1] in _TRIM:
        action_end -= 1
    return Milestone.trusted(  # built to the field types here: not validated again
        when=when,
        action=text[action_start:action_end],
        targets=[t for t in targets if start <= t.span[0] < end],
        field=field,
        span=(start, end),
    )
