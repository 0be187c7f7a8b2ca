"""Stage 0: bytes to text. UTF-8 (with or without BOM) first, then GB18030 (SPEC §1)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import DecodeError

_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8" or "gb18030"


def decode_bytes(data: bytes, *, source: str | None = None) -> Decoded:
    """Decode input bytes; raise DecodeError naming the first bad byte if neither codec fits."""
    try:
        return Decoded(data.decode("utf-8").removeprefix(_BOM), "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return Decoded(data.decode("gb18030"), "gb18030")
        except UnicodeDecodeError as gb_error:
            # Name the byte where the likelier encoding (the one that read further) failed.
            offset = max(utf8_error.start, gb_error.start)
            line = data.count(b"\n", 0, offset) + 1
            error = DecodeError.of(
                "not-text", byte=data[offset], offset=offset, source=source, line=line
            )
            error.offset = offset
            raise error from None


def normalise_newlines(text: str) -> str:
    """Drop a leading BOM and turn CRLF / CR line ends into LF, as markdown-it does."""
    return text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")
