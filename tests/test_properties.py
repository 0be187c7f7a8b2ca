"""Property tests: what parse() must do for every table a converter could write (SPEC §1–4, 8, 9).

The strategies live in ``strategies.py``; example counts come from the profiles in conftest.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import tasktable
from golden import TASK_FIELDS, as_validated, trusted_models
from strategies import (
    BrokenTable,
    CentredTable,
    DatePhrase,
    Record,
    ShiftedTable,
    TaskTable,
    broken_tables,
    centred_tables,
    date_phrases,
    shifted_tables,
    tableish_tables,
    tableish_text,
    task_tables,
)
from tasktable import Document, TasktableError
from tasktable.formats import FORMATS, json_bytes


def _output_texts(doc: Document) -> set[str]:
    """Every text the Document holds: task fields, list items, extras, diagnostic texts."""
    texts: set[str] = set()
    for task in doc.tasks:
        if task.seq is not None:
            texts.add(str(task.seq))
        fields = (task.theme, task.project, task.content, task.schedule, task.owner)
        texts.update(text for text in fields if text)
        texts.update(task.departments)
        texts.update(task.partners)
        texts.update(task.extra.values())
        if task.progress is not None:
            texts.add(task.progress.text)
    texts.update(d.text for d in doc.diagnostics if d.text)
    return texts


def _fields(doc: Document) -> list[tuple[object, ...]]:
    """What each task says, as the generated truth says it."""
    return [(t.seq, t.theme, t.project, t.content, t.schedule, t.departments) for t in doc.tasks]


def _truth(records: Sequence[Record]) -> list[tuple[object, ...]]:
    return [(r.seq, r.theme, r.project, r.content, r.schedule, [r.department]) for r in records]


def _parse_or_reject(data: str | bytes) -> None:
    """Parse ``data``; a TasktableError is a fine answer to junk, anything else propagates."""
    try:
        tasktable.parse(data)
    except TasktableError:
        pass


@given(task_tables())
def test_clean_table_is_never_realigned(table: TaskTable) -> None:
    """SPEC §3 "a row that is already aligned must never be changed", with §1 (header repeated
    on every page, extra empty header column) and §4 (top-placed merged cells carry forward;
    a new project's blank department carries only if the project names none; content and
    schedule never carry): a clean table gives exactly its truth and no realigned diagnostic.
    """
    doc = tasktable.parse(table.markdown)
    assert [d for d in doc.diagnostics if d.code == "realigned"] == []
    assert _fields(doc) == _truth(table.records)


@given(shifted_tables())
def test_shifted_table_keeps_every_cell_text(table: ShiftedTable) -> None:
    """SPEC §1 "no cell text may ever be dropped" and §3 (realignment moves cells, it does not
    make or lose rows): every non-empty cell text is in some task field or diagnostic text,
    and there is one task per numbered row.
    """
    doc = tasktable.parse(table.markdown)
    texts = _output_texts(doc)
    missing = [text for text in table.cells if text not in texts]
    assert missing == []
    assert len(doc.tasks) == len(table.records)


@given(shifted_tables())
def test_shifted_table_is_put_back(table: ShiftedTable) -> None:
    """SPEC §3: cells shifted left over blank merged cells, or right into a spurious empty
    column, are put back under their roles, so every task equals its truth.
    """
    doc = tasktable.parse(table.markdown)
    assert _fields(doc) == _truth(table.records)


@given(st.text())
def test_parse_raises_only_tasktable_error_on_any_text(text: str) -> None:
    """SPEC §9: parse() raises only TasktableError subclasses on bad input."""
    _parse_or_reject(text)


@given(tableish_text() | tableish_tables())
def test_parse_raises_only_tasktable_error_on_tableish_text(text: str) -> None:
    """SPEC §9, on text made of pipes, dashes, line breaks, header words, digits and CJK, which
    reaches the table reader, header recognition and realignment (§1–3).
    """
    _parse_or_reject(text)


@given(tableish_tables())
def test_every_format_writes_whatever_parses(text: str) -> None:
    """What parse() returns, every writer writes (a progress column's milestones once made
    the sqlite writer fail): render raises nothing on any Document."""
    try:
        doc = tasktable.parse(text)
    except TasktableError:
        return
    for format in FORMATS:
        assert isinstance(tasktable.render(doc, format), bytes)


@given(st.binary())
def test_parse_raises_only_tasktable_error_on_any_bytes(data: bytes) -> None:
    """SPEC §1 (UTF-8, else GB18030, else an error naming the byte offset) and §9: bytes
    never raise anything but TasktableError.
    """
    _parse_or_reject(data)


@given(task_tables() | shifted_tables())
def test_json_round_trips(table: TaskTable | ShiftedTable) -> None:
    """SPEC §8: model_dump_json() is the output, and it reads back into an equal Document."""
    doc = tasktable.parse(table.markdown)
    assert Document.model_validate_json(doc.model_dump_json()) == doc
    assert json_bytes(doc, 2) == doc.model_dump_json(indent=2).encode()  # the json writer's
    for model in trusted_models(doc):  # built without validation: as validation builds it
        built, validated = as_validated(model)
        assert built == validated, model


@given(date_phrases())
def test_date_phrase_in_any_spelling_is_recognised(phrase: DatePhrase) -> None:
    """SPEC §5: a month, quarter list, xun, range or deadline, spelt with any numerals, dashes
    and suffixes the spec lists, is found whole and resolves to the same period."""
    (period,) = tasktable.find_periods(f"计划{phrase.text}完成", year=2019)
    assert (period.text, period.kind, period.start, period.end) == (
        phrase.text,
        phrase.kind,
        phrase.start,
        phrase.end,
    )
    assert period.span == (2, 2 + len(phrase.text))


@given(broken_tables())
def test_broken_table_parses_to_its_truth(table: BrokenTable) -> None:
    """Issues 6 and 8: pages of any length with the header repeated, merged text blank
    (marker), repeated (docling) or filled from the left (pymupdf4llm without layout), soft
    wraps at random points, escaped pipes, a row broken across a page break, shifted cells,
    CRLF and a BOM: every task equals its truth on every field."""
    doc = tasktable.parse(table.markdown)
    assert _fields(doc) == _truth(table.records), table.damage


@given(centred_tables())
def test_centred_labels_are_placed_by_printed_height(table: CentredTable) -> None:
    """Issue 8: merged labels on the row where their span's middle falls, rows of 1-3
    printed lines, pages breaking between themes; drawn only where one cut of the spans puts
    every label where it is printed (docs/trust.md). Read as centred (merged="centre": the
    placement, whatever the detection says), every task equals its truth."""
    doc = tasktable.parse(table.markdown, merged="centre")
    assert _fields(doc) == _truth(table.records)
    assert [d for d in doc.diagnostics if d.code == "uncertain-span"] == []


# Most drawn tables admit one cut only and are filtered out; that is the expected cost of
# drawing the ambiguous ones, not a slow generator.
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(centred_tables(ambiguous=True))
def test_every_centred_value_the_markdown_leaves_open_is_doubted(table: CentredTable) -> None:
    """Issue 8: where rows of different heights let two cuts of the spans put every label
    where it is printed, the parser still picks one, and says so: every theme, project or
    department that differs from the truth has an uncertain-span warning on its task."""
    doc = tasktable.parse(table.markdown, merged="centre")
    doubted = {(d.line, d.role) for d in doc.diagnostics if d.code == "uncertain-span"}
    assert doubted
    for task, record in zip(doc.tasks, table.records, strict=True):
        assert (task.content, task.schedule) == (record.content, record.schedule)
        for role, got, truth in (
            ("theme", task.theme, record.theme),
            ("project", task.project, record.project),
            ("departments", task.departments, [record.department]),
        ):
            assert got == truth or (task.line, role) in doubted, (task.seq, role)


#: What the detection may do with a generated centred table, as hypothesis events.
_CENTRED = "auto: read as centred"
_DOUBTED = "auto: read top-style, each value it gets wrong doubted"
_SAME = "auto: read top-style, which gives the truth too"

#: The share of examples, at least, in which the detection has work to do: it reads the
#: table as centred or doubts its top reading. About one in five drawn tables is such (the
#: rest read the same in either style); a share as low as this one is a generator broken.
_PLACED_SHARE = 0.05


def test_a_table_read_as_centred_is_read_right() -> None:
    """Detection (merged="auto"), on every generated centred table: the parse equals the
    truth, or each theme, project or department it gets wrong has an uncertain-style (the
    top reading stood, a centred one also fits) or uncertain-span warning on its task. Many
    drawn tables read the same either way (one theme, one project); the run fails unless
    enough of them give the detection work (hypothesis events count each outcome). tests/test_converters.py pins
    detection on real converter output and on top-style tables that must not be read so.
    Rows at the edges of spans are drawn tall, which lets more tables of several spans
    have one cut only."""
    seen: Counter[str] = Counter()

    @given(centred_tables(tall_edges=True))
    def check(table: CentredTable) -> None:
        doc = tasktable.parse(table.markdown)
        doubted = {
            (d.line, d.role)
            for d in doc.diagnostics
            if d.code in ("uncertain-style", "uncertain-span")
        }
        wrong = [
            (task.seq, role)
            for task, record in zip(doc.tasks, table.records, strict=True)
            for role, got, truth in (
                ("theme", task.theme, record.theme),
                ("project", task.project, record.project),
                ("departments", task.departments, [record.department]),
            )
            if got != truth and (task.line, role) not in doubted
        ]
        assert len(doc.tasks) == len(table.records)
        assert wrong == []
        if set(doc.merged.values()) == {"centred"}:
            outcome = _CENTRED
        elif any(d.code == "uncertain-style" for d in doc.diagnostics):
            outcome = _DOUBTED
        else:
            outcome = _SAME
            assert _fields(doc) == _truth(table.records)
        event(outcome)
        seen[outcome] += 1

    check()
    assert seen[_CENTRED] + seen[_DOUBTED] >= _PLACED_SHARE * sum(seen.values()), seen


@given(task_tables() | shifted_tables() | broken_tables())
def test_markdown_output_parses_to_the_same_tasks(
    table: TaskTable | ShiftedTable | BrokenTable,
) -> None:
    """The md format is a clean, filled table: parse(render_md(parse(x))) == parse(x), every
    task field but where it was read from (line, page, origin)."""
    doc = tasktable.parse(table.markdown)
    again = tasktable.parse(tasktable.render(doc, "md"))
    assert [t.model_dump(include=TASK_FIELDS) for t in again.tasks] == [
        t.model_dump(include=TASK_FIELDS) for t in doc.tasks
    ]
    assert [d for d in again.diagnostics if d.code == "realigned"] == []


def test_the_centred_oracle_counts_a_cut_across_a_page_break() -> None:
    """Regression: CI drew a table whose first theme (rows 1-3, a tall first row) could as
    well run on over the page break with its label on top, and the parser so read it; the
    generator's oracle now counts that reading, and such a table is not drawn."""
    from itertools import accumulate

    from strategies import _placements

    tops = [0, *accumulate([3, 1, 1, 2, 1, 1, 2, 2])]
    themes, labels = [range(0, 3), range(3, 8)], [0, 6]
    assert _placements(themes, labels, tops, set(), breaks=[]) == 1
    # theme 1 may end after row 3 (the truth), or run on over the break to row 4, 5 or 6
    assert _placements(themes, labels, tops, set(), breaks=[3]) == 4
