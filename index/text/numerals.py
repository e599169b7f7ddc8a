"""Number words in Chinese and English: "三" -> 3, "十二" -> 12, "两" -> 2, "two" -> 2.

Reports and questions write small counts and ordinals in words ("最近三周", "第十二周",
"二期", "last two weeks"); numbers up to 99 are enough for weeks, months, phases and quarters.
"""

from __future__ import annotations

import re

ZH_DIGITS = {
    "零": 0,
    "〇": 0,
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
EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
ZH_NUMBER = "[零〇一二两三四五六七八九十]{1,3}"


def zh_number(text: str) -> int | None:
    """A Chinese numeral up to 99 ("十" 10, "十二" 12, "二十" 20, "三十五" 35), else None."""
    if not text or any(c not in ZH_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return ZH_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (ZH_DIGITS[tens] if tens else 1) * 10 + (ZH_DIGITS[ones] if ones else 0)


def small_number(text: str) -> int:
    """Digits, a Chinese numeral or an English number word as an int; 0 when it is none of them."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    if text in EN_NUMBERS:
        return EN_NUMBERS[text]
    return zh_number(text) or 0


def zh_digits_to_arabic(text: str) -> str:
    """Each Chinese numeral run in `text` as digits ("二期" -> "2期"), for comparing versions."""
    out: list[str] = []
    run = ""
    for char in text + "\0":
        if char in ZH_DIGITS or char == "十":
            run += char
            continue
        if run:
            value = zh_number(run)
            out.append(str(value) if value is not None else run)
            run = ""
        out.append(char)
    return "".join(out[:-1])


# A date written in Chinese numerals, as a 公文's sign-off writes it: "二〇二五年八月二十九日".
_ZH_DATE = re.compile(
    r"([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*([日号])"
)


def zh_numeral_dates(text: str) -> str:
    """`text` with each date written in Chinese numerals rewritten in figures ("二〇二五年八月二十九日"
    -> "2025年8月29日"), so the one date parser reads it; other numerals are left alone."""

    def figures(match: re.Match[str]) -> str:
        year = "".join(str(ZH_DIGITS[char]) for char in match[1])
        month, day = zh_number(match[2]), zh_number(match[3])
        if month is None or day is None or not 1 <= month <= 12 or not 1 <= day <= 31:
            return match[0]
        return f"{year}年{month}月{day}{match[4]}"

    return _ZH_DATE.sub(figures, text) if "年" in text else text
