"""Diagnostics with their sentence in either language (issue 19).

Stages make a diagnostic with :func:`diagnostic`: a code, its arguments, and the fields that
place it. The message is written from the catalogue (vocab/messages.py) in English; the
arguments are kept on the diagnostic, so :func:`in_language` can write every message of a
Document again in Chinese. :func:`default_language` reads the locale the way gettext does.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from .models import Diagnostic, Document, Level
from .vocab.messages import CELLS_SHOW, LANGS, MESSAGES, ROLE_WORDS, Lang

#: Arguments that hold a role, written in the message's language.
_ROLE_ARGS = ("role", "named")


def diagnostic(
    code: str, level: Level, args: Mapping[str, Any] | None = None, **fields: Any
) -> Diagnostic:
    """A diagnostic whose message is the catalogue's English for ``code`` and ``args``
    (``why`` in ``args`` chooses among a code's sentences)."""
    kept = {key: value for key, value in (args or {}).items() if value is not None}
    # Not validated (below): what validation would refuse or change (a bool, a float) is
    # refused here, since the JSON would show it otherwise.
    if any(type(value) not in (str, int) for value in kept.values()):
        raise TypeError(f"diagnostic {code!r}: args are text or whole numbers: {kept!r}")
    # Built to the field types here: trusted, not validated (which would build Diagnostic's
    # validator in every run that has a diagnostic).
    return Diagnostic.trusted(
        level=level, code=code, message=message(code, kept, "en"), args=kept, **fields
    )


def message(code: str, args: Mapping[str, Any], lang: Lang) -> str:
    """The sentence for ``code`` with ``args``, in ``lang``."""
    why = args.get("why")
    template = MESSAGES.get(f"{code}.{why}") if why else MESSAGES.get(code)
    if template is None:
        raise KeyError(f"no message for diagnostic {code!r} ({why!r})")
    words = dict(args)
    for name in _ROLE_ARGS:
        if name in words:
            words[name] = ROLE_WORDS.get(str(words[name]), {}).get(lang, words[name])
    if code == "inferred-role" and why == "cells":
        words["shows"] = CELLS_SHOW[str(args["role"])][lang]
    return template[lang].format(**words)


def in_language(document: Document, lang: Lang) -> Document:
    """The document with every diagnostic's message in ``lang`` (codes unchanged). A
    diagnostic without arguments from the catalogue (read back from older JSON) keeps its
    message."""
    if lang not in LANGS:
        raise ValueError(f"lang={lang!r}; expected one of {', '.join(LANGS)}")
    diagnostics = [_written_in(d, lang) for d in document.diagnostics]
    return document.model_copy(update={"diagnostics": diagnostics})


def _written_in(d: Diagnostic, lang: Lang) -> Diagnostic:
    try:
        return d.model_copy(update={"message": message(d.code, d.args, lang)})
    except (KeyError, IndexError):  # made by hand, or read from older JSON: no arguments
        return d


def default_language(environ: Mapping[str, str] | None = None) -> Lang:
    """zh where the locale asks for Chinese, else en; read as gettext reads it (LANGUAGE,
    LC_ALL, LC_MESSAGES, LANG: the first one set)."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.split(":")[0].lower().startswith("zh") else "en"
    return "en"
