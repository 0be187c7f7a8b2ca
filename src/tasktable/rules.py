"""The repair rules, by name, in the order the pipeline applies them.

Each rule is a small function in the stage that runs it, registered here with ``@repair``
(the way markdown-it-py's ``Ruler`` holds its rules). This table lists them in order
(``python -m tasktable --rules``); a user switches one off by name
(``parse(text, disable=["left-fill"])``, ``--disable left-fill``), and every diagnostic a rule
emits names it (``"rule": "left-fill"``).

A stage calls a rule's function with the parse's :class:`~tasktable.context.Context` first;
the registry, not the stage, decides whether it runs. Switched off, the rule's ``off``
function is called with the same arguments instead: it gives what the table reads as
without the repair, as if the converter had not done what the rule undoes (for most rules,
the value passed in, unchanged). Reading itself (tables, headers, cells) is no rule and
cannot be switched off.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, Concatenate, Final, NamedTuple, ParamSpec, TypeVar

from .context import Context
from .errors import OptionError

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


class Rule(NamedTuple):
    name: str
    stage: str  # the module under stages/ that runs it
    summary: str  # what it repairs, in one line


#: Every rule, in pipeline order.
RULES: Final[tuple[Rule, ...]] = (
    Rule("dataframe-leftovers", "leftovers", "NaN cells blank, literal \\n a break, 1.0 a 1"),
    Rule("one-heading", "stitch", "a heading repeated in every cell of its row is one heading"),
    Rule(
        "note-rows",
        "stitch",
        "a note (注：…), page line (续表, — 2 —) or totals row (合计) in a table is no row",
    ),
    Rule("unfuse-rows", "stitch", "a row holding several 序号 (26<br>27) is split again"),
    Rule(
        "left-fill",
        "stitch",
        "a cell copying its left neighbour is blank, where the table shows it",
    ),
    Rule(
        "roles-from-cells", "roles", "columns whose header names no role take one from their cells"
    ),
    Rule(
        "column-numbers",
        "realign",
        "a row numbering the columns (1 | 2 | 3 …) under a header is no task",
    ),
    Rule("realign", "realign", "cells shifted into other columns are moved back"),
    Rule(
        "section-headings", "realign", "heading rows (一、…, （一）…) set theme and project below"
    ),
    Rule(
        "group-headings",
        "realign",
        "a numbered label above items 1.1, 1-1, （1） heads them: their project, they its subs",
    ),
    Rule(
        "bold-headings",
        "realign",
        "a row whose only text is a short bold label (**党的建设**) is a heading",
    ),
    Rule("continuations", "join", "a row cut by a page break or split in two is joined again"),
    Rule("sub-tasks", "join", "a row without 序号 with its own text is a sub-task"),
    Rule("lost-numbers", "join", "an item alone between 序号 n and n + 2 is task n + 1"),
    Rule("centred-labels", "fill", "merged labels printed mid-span are placed by printed height"),
    Rule("backfill", "fill", "a blank merged cell at a span's start takes the label below"),
    Rule("lost-text", "fill", "warn where the Markdown shows text a converter lost"),
)

RULE_NAMES: Final = frozenset(rule.name for rule in RULES)

#: The functions that apply each rule, in the order their modules registered them.
_FUNCTIONS: dict[str, list[Callable[..., Any]]] = {}


def repair(
    name: str, *, off: Callable[..., Any]
) -> Callable[[Callable[P, R]], Callable[Concatenate[Context, P], R]]:
    """Register the decorated function as one that applies the rule ``name``.

    The function is then called with the Context first (``_one_heading(ctx, cells,
    columns)``); where ``name`` is switched off, ``off(cells, columns)`` answers instead.
    A rule may have more than one function (lost-text warns in two places).
    """
    if name not in RULE_NAMES:
        raise ValueError(f"no rule named {name!r} in rules.RULES")

    def register(function: Callable[P, R]) -> Callable[Concatenate[Context, P], R]:
        @functools.wraps(function)
        def applied(ctx: Context, /, *args: P.args, **kwargs: P.kwargs) -> R:
            if name in ctx.disabled:
                result: R = off(*args, **kwargs)
                return result
            return function(*args, **kwargs)

        _FUNCTIONS.setdefault(name, []).append(function)
        return applied

    return register


def unchanged(value: T, /, *args: object, **kwargs: object) -> T:
    """The ``off`` of a rule that repairs a value: the value as it came."""
    return value


def nothing(*args: object, **kwargs: object) -> tuple[()]:
    """The ``off`` of a rule that finds things (warnings, repeats): none found."""
    return ()


def absent(*args: object, **kwargs: object) -> None:
    """The ``off`` of a rule that looks for one thing (a label to take): not found."""
    return None


def never(*args: object, **kwargs: object) -> bool:
    """The ``off`` of a rule that answers a question: no."""
    return False


def always(*args: object, **kwargs: object) -> bool:
    """The ``off`` of a rule whose question is whether to leave a row as it stands: yes."""
    return True


def functions() -> dict[str, tuple[str, ...]]:
    """Each rule's functions, as ``module.function`` under ``tasktable.stages``."""
    from . import api  # noqa: F401  (importing the pipeline registers every rule)

    return {
        rule.name: tuple(
            f"{f.__module__.removeprefix('tasktable.stages.')}.{f.__qualname__}"
            for f in _FUNCTIONS.get(rule.name, ())
        )
        for rule in RULES
    }


def disabled_rules(names: Iterable[str] | None, source: str | None = None) -> frozenset[str]:
    """The names a user switched off, checked: an unknown name is an OptionError."""
    if names is None:
        return frozenset()
    if isinstance(names, str):
        names = [names]
    try:
        chosen = frozenset(names)
    except TypeError:  # not iterable, or holding lists
        raise OptionError.of("option", why="disable", value=repr(names), source=source) from None
    if not all(isinstance(name, str) for name in chosen):
        raise OptionError.of("option", why="disable", value=repr(names), source=source)
    unknown = sorted(name for name in chosen if name not in RULE_NAMES)
    if unknown:
        value = ", ".join(map(repr, unknown))
        choices = ", ".join(rule.name for rule in RULES)
        raise OptionError.of("option", why="rule", value=value, choices=choices, source=source)
    return chosen
