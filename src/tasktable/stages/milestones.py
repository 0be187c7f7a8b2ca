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
from ..vocab.dates import CLAUSE_MARKER, CLAUSE_OPENERS, PART_MARKER

#: Marks that always end a clause.
_HARD_END = compiled(r"[。；;！!？?\n]")
#: A comma, which ends a clause only when a date phrase opens the next one.
_COMMA = compiled(r"[，,]")
#: Spaces, a list marker (1.) and an opener word (于, 力争…) between a clause's start and its
#: opening period.
_OPENERS = compiled(rf"\s*{CLAUSE_MARKER}?\s*(?:{alternation(CLAUSE_OPENERS)})?\s*")
#: The marker of a numbered part at the start of a line (1、 1. （1） ①).
_PART_MARKER = on_first_use(compiled, PART_MARKER)
#: Punctuation and spaces trimmed from both ends of an action.
_TRIM = "，,。；;：:！!？?、 \t\n"
#: Words joining two periods of a clause (5月和10月): the second opens a milestone of its own.
_JOINING = "和及与或"
#: ... trimmed, with _TRIM, from the end of the action before it.
_TRIM_END = _TRIM + _JOINING
#: Brackets inside a 每 word before a rate's period (每个村（社区）每年).
_NOUN_BRACKETS = "（）()"
#: The marks after which a clause's later period opens its milestone (9月份启动、11月完成).
_SUB_CUT = "，,、"


def find_milestones(
    text: str, periods: Sequence[Period], targets: Sequence[Target], *, field: TextField
) -> list[Milestone]:
    """The milestones of ``text``, given its periods and the targets found in it."""
    # 持续推进 "keep pushing on" is the time frame in a schedule column, but the verb of the
    # work itself in content (持续推进县级科协创新发展): there it opens nothing.
    closed = ("event",) if field == "schedule" else ("event", "ongoing")
    openers: list[Period] = []
    after = 0  # the end of the period before
    for p in periods:
        in_rate = p.kind == "recurring" and _in_rate(text, p, after, targets)
        if p.kind not in closed and not in_rate:
            openers.append(p)
        after = p.span[1]
    if not openers:
        return []
    milestones: list[Milestone] = []
    when: Period | None = None
    start = end = action_start = 0
    # The open clause's milestones before ``when`` (9月份 of 9月份启动、11月完成), each with
    # its action's end; mostly none.
    earlier: list[tuple[Period, int, int, int]] = []
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
                milestones += _closed(text, earlier, when, start, action_start, end, targets, field)
                when, earlier = None, []
        k = bisect_left(starts, clause_start)
        if k == len(starts) or starts[k] >= clause_end:
            end = clause_end  # continues the open milestone, if any
            continue
        if when is not None:
            milestones += _closed(text, earlier, when, start, action_start, end, targets, field)
            earlier = []
        when, start, end = openers[k], clause_start, clause_end
        opening = clause_start
        if part is not None and part[2]:
            start, opening, part = part[0], part[1], None
        action_start = _action_start(text, when, opening)
        # Each later period of the clause opens a milestone too (9月份启动、11月完成: two),
        # after a comma or 、 or a joining word before it (_sub_start); one without
        # (制定全年工作清单) is a word of the action before it.
        previous = when.span[1]
        k += 1
        while k < len(starts) and starts[k] < clause_end:
            period = openers[k]
            k += 1
            sub = _sub_start(text, previous, period.span[0])
            previous = period.span[1]
            if sub is None:
                continue
            earlier.append((when, start, action_start, sub))
            when, start = period, sub
            action_start = _action_start(text, period, sub)
    if when is not None:
        milestones += _closed(text, earlier, when, start, action_start, end, targets, field)
    return milestones


def _in_rate(text: str, period: Period, after: int, targets: Sequence[Target]) -> bool:
    """Whether a recurring period (每月) is the ``per`` of a rate rather than a time frame:
    after a 每 word, whatever its length (每人每月780元 "780 yuan per person a month",
    每家企业每季度至少1次 "at least once a quarter for each firm"), or right before an amount
    of money (每月780元). 每月至少1次 "at least once a month" stays a milestone, as does a
    period after another period (每周和每月, 每年组织开展每月一期…: no 每 word of a rate)
    or after punctuation (每人一份，每月…). ``after`` is where the period before it ends."""
    start, end = period.span
    # The 每 word is the run of word characters (and brackets: 每个村（社区）) right before
    # the period, back to the period before it.
    at = start - 1
    while at >= after and (text[at].isalnum() or text[at] in _NOUN_BRACKETS):
        if text[at] == "每":
            return True
        at -= 1
    return any(t.span[0] == end and (t.unit or "").endswith("元") for t in targets)


def _sub_start(text: str, after: int, before: int) -> int | None:
    """Where a clause's later period opens its milestone: after the last comma or 、 between
    the period before it (ending at ``after``) and it (at ``before``), or at the period right
    after a joining word (5月和10月); else it opens none, being a word of the action before it
    (3月份制定全年工作项目清单)."""
    for at in range(before - 1, after - 1, -1):
        if text[at] in _SUB_CUT:
            return at + 1
    return before if before > after and text[before - 1] in _JOINING else None


def _action_start(text: str, period: Period, opening: int) -> int:
    """Where the action of a milestone opened by ``period`` begins, its clause (or sub-clause)
    starting at ``opening``: after the period where only spaces, a list marker and an opener
    word stand before it (于5月底前完成 → 完成), else at the clause's start (the period stands
    inside the action: 夏粮6月中旬前收获)."""
    opened = _OPENERS.match(text, opening)
    return period.span[1] if opened and opened.end() == period.span[0] else opening


def _closed(
    text: str,
    earlier: Sequence[tuple[Period, int, int, int]],
    when: Period,
    start: int,
    action_start: int,
    end: int,
    targets: Sequence[Target],
    field: TextField,
) -> list[Milestone]:
    """The milestones of one dated clause (and the undated clauses after it), ending at
    ``end``: those ``earlier`` in it, each (when, start, action start, action end), and the
    last one, ``when``. A period with no words of its own (3月、6月、9月、12月各开展一次) takes
    the action (and the span up to its end) of the next one that has some: the work is done
    at each of the dates."""
    built: list[Milestone] = []
    borrowed: tuple[int, int, int] | None = None
    group = [*earlier, (when, start, action_start, end)]
    for opener, opened_at, a, until in reversed(group):
        a, b = _trimmed(text, a, until)
        if a < b:
            borrowed = (a, b, until)
        elif borrowed is not None:
            # The shared words belong to each date: the span reaches over them, as do the
            # targets in them (各开展一次: once at each date).
            a, b, until = borrowed
        built.append(_milestone(text, opener, opened_at, a, b, until, targets, field))
    built.reverse()
    return built


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``, ``end`` of an action moved past the punctuation, spaces and trailing
    joining words (5月和10月) at its ends."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    return start, end


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
    action_end: int,
    end: int,
    targets: Sequence[Target],
    field: TextField,
) -> Milestone:
    """The milestone opened by ``when``, its action ``text[action_start:action_end]``
    (trimmed already: _trimmed), its span and targets from ``start`` to ``end``."""
    return Milestone.trusted(  # built to the field types here: not validated again
        when=when,
        action=text[action_start:action_end],
        targets=[t for t in targets if start <= t.span[0] < end],
        field=field,
        span=(start, end),
    )
