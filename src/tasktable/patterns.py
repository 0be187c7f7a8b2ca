"""Building blocks for the compiled patterns of the stages, shared so each is written once."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first, so that 人次 beats 人 and
    全国科普日 beats 科普日 (alternatives are tried in order). Usable with re and regex."""
    return "|".join(sorted(set(map(re.escape, words)), key=lambda w: (-len(w), w)))
