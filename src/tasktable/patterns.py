"""Building blocks for the compiled patterns of the stages, shared so each is written once."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any, TypeVar, cast


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first, so that 人次 beats 人 and
    全国科普日 beats 科普日 (alternatives are tried in order). Usable with re and regex."""
    return "|".join(sorted(set(map(re.escape, words)), key=lambda w: (-len(w), w)))


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, each character class built once for all the stages'
    patterns rather than once at every place it is written.

    re's compiler turns every character class into a table, and a class of scattered CJK
    characters (一二三…, the long lists of characters a word may not follow) into a 64K-entry
    one, as often as the class is written: [一二三四五六七八九] alone stands 14 times in the
    date finder. Building the tables was half of compiling the stages' patterns, and
    compiling them a fifth of a one-file run. A table depends only on the class (and the
    flags), so it is built once and kept (``_optimize_charset``, memoised while the
    stages' patterns compile). The compiled program is the one re.compile builds
    (tests/test_patterns.py compares them); where re's compiler is not as this expects
    (another Python), this is re.compile."""
    if _OPTIMISE is None:
        return re.compile(pattern, flags)
    with _COMPILING:
        _COMPILER._optimize_charset = _shared_class
        try:
            return re.compile(pattern, flags)
        finally:
            _COMPILER._optimize_charset = _OPTIMISE


P = TypeVar("P")


def on_first_use(compile: Callable[[str, int], P], pattern: str, flags: int = 0) -> P:
    """``compile(pattern, flags)``, called when the pattern is first used rather than at
    import: for the patterns of what a typical file never has (section headings, labelled
    department cells, pandoc's tables), whose compiling each run paid. Its methods are
    the compiled pattern's own once looked up, as fast as the pattern's."""
    return cast(P, _OnFirstUse(compile, pattern, flags))


class _OnFirstUse:
    def __init__(self, compile: Callable[[str, int], Any], pattern: str, flags: int) -> None:
        self._compile, self._source, self._flags = compile, pattern, flags

    def __getattr__(self, name: str) -> Any:
        # Only for names not yet in the instance's dict: each is kept there once found.
        if "_pattern" not in self.__dict__:
            self.__dict__["_pattern"] = self._compile(self._source, self._flags)
        value = getattr(self.__dict__["_pattern"], name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        compile = f"{self._compile.__module__}.{self._compile.__qualname__}"
        return f"on_first_use({compile}, {self._source!r}, {self._flags})"


def _shared_class(charset: list[Any], *rest: Any, **named: Any) -> Any:
    """What re's ``_optimize_charset(charset, ...)`` returns, built once per argument
    values (the table is read, never changed, by the compiler)."""
    given = (*rest, *sorted(named.items()))
    key = (tuple(charset), *(id(value) if isinstance(value, dict) else value for value in given))
    try:
        return _CLASSES[key]
    except KeyError:
        built = _CLASSES[key] = _OPTIMISE(charset, *rest, **named)  # type: ignore[misc]
        return built
    except TypeError:  # pragma: no cover - an argument that is no key
        return _OPTIMISE(charset, *rest, **named)  # type: ignore[misc]


def _compiler() -> Any:
    """re's compiler module: re._compiler, sre_compile before Python 3.11."""
    try:
        return import_module("re._compiler")
    except ImportError:  # pragma: no cover - Python 3.10
        return import_module("sre_compile")


_COMPILER = _compiler()
_OPTIMISE: Callable[..., Any] | None = getattr(_COMPILER, "_optimize_charset", None)
#: The character classes built, by the arguments they were built from.
_CLASSES: dict[tuple[Any, ...], Any] = {}
#: One compile at a time swaps the compiler's function (another thread's compile meanwhile
#: would share the tables too, which gives the same program).
_COMPILING = threading.Lock()
