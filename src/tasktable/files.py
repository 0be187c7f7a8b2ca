"""Output files written whole or not at all: a reader never sees half a file, and a failed
run leaves the previous output as it was."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputFileError


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename,
    so a reader never sees a half-written file and a failed run leaves the old one as it was."""
    folder = path.parent
    if not folder.is_dir():
        raise OutputFileError.of("no-folder", source=str(path))
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputFileError.of(
            "cannot-write", why="here", reason=reason, source=str(path)
        ) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, _mode_for(path))  # mkstemp makes files private (0600)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise OutputFileError.of(
            "cannot-write", why="file", reason=reason, source=str(path)
        ) from None


def _mode_for(path: Path) -> int:
    """The permissions a plain write would give: the old file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
