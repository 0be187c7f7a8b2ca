"""A field's text cut into dated milestones (SPEC §7): ``find_milestones``.

The text is cut into clauses at 。；; (and line breaks), and at ，where the next clause opens
with a date phrase. A clause holding a period opens a milestone: its ``when`` is the clause's
first period, its ``action`` the words after that period (or the whole clause, when the period
stands inside it). A clause without a period continues the milestone before it; text before
the first dated clause stays only in the field. Named events (科普宣传周) are occasions inside
an action, never the opening of a milestone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..models import Milestone, Period, Target, TextField
from ..patterns import alternation
from ..vocab.dates import CLAUSE_OPENERS

#: Marks that always end a clause.
_HARD_END = re.compile(r"[。；;！!？?\n]")
#: A comma, which ends a clause only when a date phrase opens the next one.
_COMMA = re.compile(r"[，,]")
#: Spaces and an opener word (于, 力争…) between a clause's start and its opening period.
_OPENERS = re.compile(rf"\s*(?:{alternation(CLAUSE_OPENERS)})?\s*")
#: Punctuation and spaces trimmed from both ends of an action.
_TRIM = "，,。；;：:！!？?、 \t\n"


def find_milestones(
    text: str, periods: Sequence[Period], targets: Sequence[Target], *, field: TextField
) -> list[Milestone]:
    """The milestones of ``text``, given its periods and the targets found in it."""
    openers = [p for p in periods if p.kind != "event"]
    if not openers:
        return []
    milestones: list[Milestone] = []
    when: Period | None = None
    start = end = action_start = 0
    for clause_start, clause_end in _clauses(text, openers):
        first = next((p for p in openers if clause_start <= p.span[0] < clause_end), None)
        if first is None:
            end = clause_end  # continues the open milestone, if any
            continue
        if when is not None:
            milestones.append(_milestone(text, when, start, action_start, end, targets, field))
        when, start, end = first, clause_start, clause_end
        opened = _OPENERS.match(text, clause_start)
        action_start = first.span[1] if opened and opened.end() == first.span[0] else clause_start
    if when is not None:
        milestones.append(_milestone(text, when, start, action_start, end, targets, field))
    return milestones


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
    return Milestone(
        when=when,
        action=text[action_start:action_end],
        targets=[t for t in targets if start <= t.span[0] < end],
        field=field,
        span=(start, end),
    )
