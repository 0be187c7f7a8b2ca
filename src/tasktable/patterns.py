"""Building blocks for the compiled patterns of the stages, shared so each is written once."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re.compile's engine, which has no stubs
import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable
from importlib import _bootstrap_external, import_module
from typing import Any, TypeVar, cast


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first, so that 人次 beats 人 and
    全国科普日 beats 科普日 (alternatives are tried in order). Usable with re and regex."""
    return "|".join(sorted(set(map(re.escape, words)), key=lambda w: (-len(w), w)))


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``: the same program, read from a file of programs
    kept beside this module's bytecode when an earlier run compiled it, built with each
    character class made once otherwise.

    Compiling the stages' patterns was a sixth of a one-file run (the date finder alone
    about 11 ms). Python keeps a module's bytecode rather than compile its source at each
    run; the programs re compiles the patterns to are kept the same way (``_Programs``), so
    a run gives re's engine the program and skips parsing the pattern and generating its
    code. A program built here rather than read shares its character classes with the
    other patterns compiled at import and in a first parse (``_shared_class``): re builds
    a 64K-entry table for a class of scattered CJK characters as often as the class is
    written, and [一二三四五六七八九] alone stands 14 times in the date finder.

    The program is the one re.compile builds (tests/test_patterns.py compares them); where
    re's compiler is not as this expects (another Python), this is re.compile."""
    if _PROGRAMS is None or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    return _PROGRAMS.compile(pattern, flags)


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


def release_classes() -> None:
    """Let go of the character classes the stages' patterns shared as they compiled, at
    import and in a first parse (the date forms its phrases need): a few hundred kilobytes
    for the life of the process otherwise. A pattern compiled later builds its own, as re
    does. (Let go after the imports, the date forms of the sample built theirs: 5% more
    instructions in a run that compiles them, one without bytecode.)"""
    global _SHARING
    _SHARING = False
    _CLASSES.clear()


#: One program as re's engine takes it after the pattern: the final flags, the code, the
#: number of groups less one, the group numbers by name and the names by group number.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


class _Programs:
    """The programs re compiles the stages' patterns to, kept in a file between runs the
    way Python keeps a module's bytecode.

    The file is read when the first pattern compiles and written (once, at exit) only when
    this process compiled a program it did not hold. It holds the Python version, re's
    engine version (``_sre.MAGIC``), a format number and a digest of the programs; a file
    that is not one, of another Python or another format, that is damaged or that cannot
    be read is ignored, and a program the engine refuses is compiled again, so the file
    can make a run slower but never wrong. The digest is what keeps a damaged program from
    the engine: its own check of the programs it is given misses some damage, which can
    crash it (Python 3.11: random changes to a program's code crashed ``_sre.compile`` in
    about one process of two making a hundred changes). It is written to a
    temporary file renamed over the old one, not where Python writes no bytecode
    (``sys.dont_write_bytecode``), silently not where it cannot write. It keeps the
    programs this process used first and then the others it held, at most ``LIMIT``, so
    the programs of patterns that have changed since do not pile up."""

    FORMAT = 1
    LIMIT = 1000

    def __init__(self, path: str | None, *, save_at_exit: bool = False) -> None:
        self.path, self.save_at_exit = path, save_at_exit
        self._held: dict[tuple[str, int], Program] | None = None
        #: The programs this process compiled or read, in that order of use.
        self.used: dict[tuple[str, int], Program] = {}
        self.compiled_new = False
        self._saving = False

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        flags = int(flags)  # not a re.RegexFlag, which the file cannot hold
        key = (pattern, flags)
        with _COMPILING:
            program = self.held().get(key)
            if program is not None:
                try:
                    built: re.Pattern[str] = _sre.compile(pattern, *program)
                except Exception:  # a damaged program: the engine refused it
                    pass
                else:
                    self.used[key] = program
                    return built
            built, program = _build(pattern, flags)
            self.used[key] = program
            self.compiled_new = True
            if self.save_at_exit and not self._saving:
                self._saving = True
                atexit.register(self.save)
            return built

    def held(self) -> dict[tuple[str, int], Program]:
        """The programs of the file, read at first need ({} without a usable file)."""
        if self._held is None:
            self._held = self._read()
        return self._held

    def _header(self) -> tuple[int, str, int]:
        return (self.FORMAT, sys.version, _sre.MAGIC)

    def _read(self) -> dict[tuple[str, int], Program]:
        if self.path is None:
            return {}
        try:
            with open(self.path, "rb") as file:
                header, digest, body = marshal.loads(file.read())
            if header != self._header() or digest != _digest(body):
                return {}
            programs = marshal.loads(body)
            return programs if isinstance(programs, dict) else {}
        except Exception:  # no file, or not one of ours: compile as if there were none
            return {}

    def save(self) -> None:
        """Write the programs if this process compiled any the file did not hold."""
        with _COMPILING:
            self._save()

    def _save(self) -> None:
        if not self.compiled_new or self.path is None or sys.dont_write_bytecode:
            return
        programs = dict(self.used)
        for key, program in self.held().items():
            if len(programs) >= self.LIMIT:
                break
            programs.setdefault(key, program)
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            body = marshal.dumps(programs)
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as file:
                file.write(marshal.dumps((self._header(), _digest(body), body)))
            os.replace(temporary, self.path)
        except Exception:  # a folder it may not write to, a full disk: no file, as Python
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return
        self._held, self.compiled_new = programs, False


def _build(pattern: str, flags: int) -> tuple[re.Pattern[str], Program]:
    """What re's ``_compiler.compile(pattern, flags)`` does, keeping the program it gives
    the engine; with the character classes shared while the stages' imports compile."""
    if _SHARING:
        _COMPILER._optimize_charset = _shared_class
    try:
        parsed = _PARSER.parse(pattern, flags)
        code = list(map(int, _COMPILER._code(parsed, flags)))  # its opcodes are int subclasses
    finally:
        _COMPILER._optimize_charset = _OPTIMISE
    names = parsed.state.groupdict
    numbered: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        numbered[number] = name
    program = (flags | parsed.state.flags, code, parsed.state.groups - 1, names, tuple(numbered))
    return _sre.compile(pattern, *program), program


def _digest(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=16).digest()


def _compiler() -> Any:
    """re's compiler module: re._compiler, sre_compile before Python 3.11."""
    try:
        return import_module("re._compiler")
    except ImportError:  # pragma: no cover - Python 3.10
        return import_module("sre_compile")


def _parser() -> Any:
    """re's parser module: re._parser, sre_parse before Python 3.11."""
    try:
        return import_module("re._parser")
    except ImportError:  # pragma: no cover - Python 3.10
        return import_module("sre_parse")


def _programs_file() -> str | None:
    """Where this module's programs are kept: beside its bytecode (in the folder
    ``sys.pycache_prefix`` names where one is set), named by the interpreter's cache tag."""
    try:
        # importlib.util.cache_from_source, without importing importlib.util (a few ms)
        bytecode: str = _bootstrap_external.cache_from_source(__file__)
    except Exception:  # pragma: no cover - an interpreter that writes no bytecode
        return None
    return bytecode.removesuffix(".pyc") + ".re-programs"


_COMPILER = _compiler()
_PARSER = _parser()
_OPTIMISE: Callable[..., Any] | None = getattr(_COMPILER, "_optimize_charset", None)
#: The character classes built, by the arguments they were built from.
_CLASSES: dict[tuple[Any, ...], Any] = {}
#: Whether classes are shared (until release_classes).
_SHARING = True
#: One compile at a time swaps the compiler's function (another thread's compile meanwhile
#: would share the tables too, which gives the same program).
_COMPILING = threading.RLock()
#: The compiler as re's compile() on Pythons 3.10 to 3.13 uses it; on others, re.compile.
_PROGRAMS = (
    _Programs(_programs_file(), save_at_exit=True)
    if (3, 10) <= sys.version_info[:2] <= (3, 13)
    and _OPTIMISE is not None
    and hasattr(_COMPILER, "_code")
    and hasattr(_PARSER, "parse")
    and hasattr(_sre, "compile")
    else None
)
