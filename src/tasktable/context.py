"""What the stages share while one document is parsed: the rules in force and the
diagnostics being collected (issue 18).

Diagnostics are output only: a stage appends to ``diagnostics`` and never reads it back to
decide anything. What one stage learns that a later one needs (the columns a converter
left-filled) travels in the stage's return value, not here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # not loaded here: the CLI checks --disable before it loads pydantic
    from .models import Diagnostic


@dataclass(slots=True)
class Context:
    disabled: frozenset[str] = frozenset()
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def on(self, rule: str) -> bool:
        """Whether the rule named ``rule`` runs (rules.RULES). Stages do not ask it to
        decide what to do (``rules.repair`` does), only whom to name in a diagnostic that
        reading and a rule can both give (realign's ``unplaced``)."""
        return rule not in self.disabled
