"""The repair rules, by name, in the order the pipeline applies them.

Each rule is a small named function in the stage that runs it; this table is where they are
listed (``python -m tasktable --rules``), switched off (``parse(text, disable=["left-fill"])``,
``--disable left-fill``) and named in every diagnostic they emit (``"rule": "left-fill"``).
A stage asks its :class:`~tasktable.context.Context` whether a rule is on before running it;
with a rule off, the table is read as if the converter had not done what the rule repairs.
Reading itself (tables, headers, cells) is no rule and cannot be switched off.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, NamedTuple

from .errors import OptionError


class Rule(NamedTuple):
    name: str
    stage: str  # the module under stages/ that runs it
    summary: str  # what it repairs, in one line


#: Every rule, in pipeline order.
RULES: Final[tuple[Rule, ...]] = (
    Rule("dataframe-leftovers", "leftovers", "NaN cells blank, literal \\n a break, 1.0 a 1"),
    Rule("one-heading", "stitch", "a heading repeated in every cell of its row is one heading"),
    Rule("unfuse-rows", "stitch", "a row holding several 序号 (26<br>27) is split again"),
    Rule(
        "left-fill",
        "stitch",
        "a cell copying its left neighbour is blank, where the table shows it",
    ),
    Rule(
        "roles-from-cells", "roles", "columns whose header names no role take one from their cells"
    ),
    Rule("realign", "realign", "cells shifted into other columns are moved back"),
    Rule(
        "section-headings", "realign", "heading rows (一、…, （一）…) set theme and project below"
    ),
    Rule("continuations", "fill", "a row cut by a page break or split in two is joined again"),
    Rule("sub-tasks", "fill", "a row without 序号 with its own text is a sub-task"),
    Rule("centred-labels", "fill", "merged labels printed mid-span are placed by printed height"),
    Rule("backfill", "fill", "a blank merged cell at a span's start takes the label below"),
    Rule("lost-text", "fill", "warn where the Markdown shows text a converter lost"),
)

RULE_NAMES: Final = frozenset(rule.name for rule in RULES)


def disabled_rules(names: Iterable[str] | None, source: str | None = None) -> frozenset[str]:
    """The names a user switched off, checked: an unknown name is an OptionError."""
    if names is None:
        return frozenset()
    if isinstance(names, str):
        names = [names]
    try:
        chosen = frozenset(names)
    except TypeError:  # not iterable, or holding lists
        raise OptionError(f"disable={names!r}; expected rule names", source=source) from None
    if not all(isinstance(name, str) for name in chosen):
        raise OptionError(f"disable={names!r}; expected rule names", source=source)
    unknown = sorted(name for name in chosen if name not in RULE_NAMES)
    if unknown:
        message = f"no rule named {', '.join(map(repr, unknown))}; expected one of " + ", ".join(
            rule.name for rule in RULES
        )
        raise OptionError(message, source=source)
    return chosen
