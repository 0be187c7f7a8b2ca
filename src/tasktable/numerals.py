"""Chinese numerals to integers, as the date and target stages read them.

The small numerals that fill plans (一 … 十二 months, 一 … 四 quarters, 两次, 三十个) are read
here from a table; any other goes through cn2an, imported the first time one needs it:
importing cn2an costs about 70 ms, a quarter of the command line's start-up.
"""

from __future__ import annotations

from typing import Final

#: One-character numerals: 〇 and 零 zero, 两 two (in counts: 两次).
DIGITS: Final[dict[str, int]] = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def chinese_int(text: str) -> int:
    """The integer a Chinese numeral writes: 七 7, 十二 12, 三十五 35, 一百二十 120.

    Raises ValueError (from cn2an) for text that is no numeral."""
    small = _small(text)
    if small is not None:
        return small
    import cn2an  # only for numerals past 九十九, rare in plans

    return int(cn2an.cn2an(text, "normal"))


def _small(text: str) -> int | None:
    """0-99 written with at most one 十 (十, 十二, 二十, 二十三), or one digit; else None."""
    if len(text) == 1:
        return 10 if text == "十" else DIGITS.get(text)
    if len(text) > 3 or text.count("十") != 1:
        return None
    tens, _, ones = text.partition("十")
    high = 1 if not tens else DIGITS.get(tens)
    low = 0 if not ones else DIGITS.get(ones)
    if high is None or low is None or high == 0 or "两" in ones or (low == 0 and ones):
        return None  # 〇十, 十〇, 十两: leave the odd ones to cn2an
    return high * 10 + low
