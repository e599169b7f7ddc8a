"""The string rules that say whether two project names may be one project.

Normalised containment, word-prefix abbreviations and numeronyms, acronyms, Chinese ordered
abbreviations, version marks that must agree and a parenthetical alias; reordered and clipped
English words are asked of `name_forms`. Pure functions of the two names, shared by the
clustering (`identity`), its blocks (`name_blocks`) and name lookups (`view_names`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from index.ledger.name_forms import clipped, reordered
from index.text.cjk import HAN, has_han
from index.text.normalise import PARENS, name_key, nfkc
from index.text.numerals import zh_digits_to_arabic

VERSION = re.compile(r"^(?:v\d+(?:\.\d+)*|\d+(?:\.\d+)*|[一二三四五六七八九十]+期|phase\d+|p\d)$")
_TOKENS = re.compile(rf"[a-z][a-z0-9]*(?:\.\d+)?|\d+(?:\.\d+)?|[{HAN}]+")
_NUMERONYM = re.compile(r"([a-z])(\d{1,2})([a-z])")
_GENERIC_PAREN = re.compile(r"phase|stage|part|step|^v?\d|期|阶段|owner|负责|%|eta|\d{1,2}/\d{1,2}", re.I)


_FORMERLY = re.compile(
    r"^(?:原(?:名|称)?(?![因来则始本定计])|旧称|曾用名|(?:formerly|previously|was|ex)\b-?)\s*[:：]?\s*", re.I
)


def paren_base(name: str) -> str | None:
    """`店铺经营分` of `店铺经营分（原“成长分2.0”）`: a new name announced with its old one in brackets,
    which later reports write alone (or shortened: `经营分`); None for any other parenthetical (an
    abbreviation, a site, a count: `HPC Refresh 2025 (HPCR25)`, `嘉兴 DC(6 臂)` are one name each)."""
    inner = PARENS.findall(nfkc(name))
    if len(inner) != 1 or not _FORMERLY.match(inner[0].strip()):
        return None
    base = PARENS.sub(" ", nfkc(name)).strip()
    return base if len(name_key(base)) >= 2 else None


# A code before a slash and the name after it: "PG16 / Heron", "K8S-1.30 / Atlas".
_CODE_SLASH = re.compile(r"^\s*[A-Za-z]+\d[\w.-]*\s*[/／]\s*(\S.{2,40})$")


def paren_alias(name: str, shared: frozenset[str] = frozenset()) -> str | None:
    """`家家盈平台（小贝项目）` is also known as `小贝项目`, "PG16 / Heron" as `Heron`; `(Phase 2)` or
    `(owner: X)` are not names, nor is a parenthetical that follows several different names
    (`（孙悦）`: their owner)."""
    for inner in PARENS.findall(nfkc(name)):
        # `店铺经营分（原“成长分2.0”）`: the name it had, after its `原` / `formerly`
        inner = _FORMERLY.sub("", inner.strip()).strip(" “”\"'「」")
        if len(inner) >= 2 and not _GENERIC_PAREN.search(inner) and name_key(inner) not in shared:
            return name_key(inner)
    coded = _CODE_SLASH.match(nfkc(name))
    if coded is not None and len(name_key(coded[1])) >= 3:
        return name_key(coded[1])
    return None


_PEOPLE_SPLIT = re.compile(r"\s*(?:[/／、,，+＋&]|→|->)\s*")
_HANDOVER = re.compile(r"(?:接手|负责|牵头|主导|协助)$")


def shared_parentheticals(names: Iterable[str]) -> frozenset[str]:
    """Parentheticals written after two or more different names (or one's words opening another's,
    after another name): owners, teams or customers, not aliases. One
    that abbreviates a name it follows (`Truck Appointment System v2 (TAS v2)`, then `SlotBook (TAS
    v2)` after a rename) is that project's short name, whatever else it follows (w33-a)."""
    bases: dict[str, dict[str, str]] = {}
    inners: dict[str, str] = {}
    for name in names:
        base = PARENS.sub(" ", nfkc(name)).strip()
        for inner in PARENS.findall(nfkc(name)):
            # (and each person of a list or a handover: `连锁版（阿凯）` beside `药房管理（阿凯/小郑）` and
            # `药房管理（阿凯接手）`: 阿凯 owns both, no alias of either)
            parts = [inner, *(_HANDOVER.sub("", part) for part in _PEOPLE_SPLIT.split(inner) if part)]
            for part in dict.fromkeys(p.strip() for p in parts if len(p.strip()) >= 2):
                bases.setdefault(name_key(part), {})[name_key(base)] = base
                inners[name_key(part)] = part
    # (`Remote diagnostics pilot (Volmar)` beside `NG-eCall over IMS (Volmar Trucks)`: the customer,
    # written short or long after two names, is neither's alias)
    for inner, found in list(bases.items()):
        for other, also in list(bases.items()):
            if inners[other].casefold().startswith(inners[inner].casefold() + " ") and set(also) - set(found):
                merged = {**found, **also}
                bases[inner] = bases[other] = merged
    return frozenset(
        inner
        for inner, found in bases.items()
        if len(found) > 1
        and not any(pair_related(inner, key, inners[inner], base) for key, base in found.items())
    )


@lru_cache(maxsize=1 << 16)
def tokens(name: str) -> tuple[str, ...]:
    return tuple(_TOKENS.findall(PARENS.sub(" ", nfkc(name)).casefold()))


_VERSION_MARKS = re.compile(
    r"(?<![a-z0-9.])v(\d+(?:\.\d+)*)(?![a-z0-9])|(?:phase|stage|p)\s*(\d+)(?![a-z0-9])|"
    # (a count with its measure word is no version: `杭州二期扩容（300 柜）`, `6 台`)
    r"([一二三四五六七八九十]+|\d+)\s*期|(?<![a-z0-9.])(\d+(?:\.\d+)*)(?![a-z0-9.])(?!\s*[柜台个家站套条件辆张座所户名万亿千百])"
)


def versions(name: str) -> list[str]:
    """Version and phase marks (`v2`, `1.30`, `Phase 2`, `二期`, `2025`), normalised and sorted.

    They must agree for two names to merge; a list, so `v2 Phase 2` differs from `v2`.
    """
    return list(_versions(name))


# A tracker key ("INFRA-311", "MOB-412") is an item's number, not a version of its name.
_TRACKER_KEY = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*-\d+(?![\d.])")
# What may stand before a name and is no part of it: a tracker key with its separator, the word
# "project" ("INFRA-311 / Heron", "Project Heron", "项目：结算中心"), a board's own short code
# (`P4 WMS批次效期改造` beside the row `| P4 | WMS批次效期改造 |`, `D1  WAVE work-order system`).
_LEAD = re.compile(
    r"^(?:[A-Za-z][A-Za-z0-9]*-\d+\s*(?:[/:|·–—-]\s*)?|project\s+|项目\s*[:：]?\s*|(?-i:[A-Z]{1,3}\d{1,2})\s+(?=\S{2}))",
    re.I,
)


_SHORT_CODE = re.compile(r"([A-Z]{1,3}\d{1,2})\s+\S")


def core_key(name: str) -> str:
    """The name's key without a tracker key or "project" before it."""
    return name_key(_LEAD.sub("", nfkc(name).strip()))


@lru_cache(maxsize=1 << 16)
def _versions(name: str) -> tuple[str, ...]:
    found = []
    for match in _VERSION_MARKS.finditer(_TRACKER_KEY.sub(" ", nfkc(name)).casefold()):
        value = next(group for group in match.groups() if group)
        found.append(zh_digits_to_arabic(value))
    return tuple(sorted(found))


# (`PLAT-1423`, `KR2`, and a team's own codes with letters after the dash: `TQ-ET07`, `SL-2S`)
ITEM_KEY = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z][A-Z0-9]{1,9}-(?:\d{1,6}|[A-Z]{1,4}\d{1,4}|\d{1,4}[A-Z]{1,4})|KR\d+(?:\.\d+)?)"
    r"(?![A-Za-z0-9.-])"
)


def related(short: str, long: str, short_name: str, long_name: str) -> bool:
    """Do these two names plausibly denote the same project? (`short` is the shorter key.) Latin
    names are compared as written, then with their compounds apart (`HC7 upgrade` is `HC 7 upgrade`,
    the initials of `Harbour Core 7 upgrade`, as `HarbourCore 7 upgrade` is read; w33-a)."""
    if _related(short, long, short_name, long_name):
        return True
    apart = _compounds_apart(short_name), _compounds_apart(long_name)
    if apart == (short_name, long_name) or has_han(short_name + long_name):
        return False
    return _related(short, long, *apart)


# A camel-case word's parts (`HarbourCore`, `SlotBook`) and a capitals code's number (`HC7`, `TAS2`).
_CAMEL_JOIN = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
_CODE_NUMBER = re.compile(r"\b([A-Z]{2,})(\d+)\b")


def _compounds_apart(name: str) -> str:
    return _CODE_NUMBER.sub(r"\1 \2", _CAMEL_JOIN.sub(" ", name))


def _related(short: str, long: str, short_name: str, long_name: str) -> bool:
    if short == long:
        return True
    keys, other_keys = set(ITEM_KEY.findall(nfkc(short_name))), set(ITEM_KEY.findall(nfkc(long_name)))
    if keys and other_keys and not keys & other_keys:
        return False  # `YIP-01 转 Y` is not `YIP-02`: two trackers' ids name two items
    codes = _SHORT_CODE.match(nfkc(short_name).strip()), _SHORT_CODE.match(nfkc(long_name).strip())
    if codes[0] and codes[1] and codes[0][1] != codes[1][1]:
        return False  # `A1 支付` is not `A2 支付`: a board's codes name two rows
    # the keys without what may stand before a name (a key may be an alias, not its name's key)
    short_core = core_key(short_name) if short == name_key(short_name) else short
    long_core = core_key(long_name) if long == name_key(long_name) else long
    if (len(short_core) >= 3 or (len(short_core) == 2 and has_han(short_core))) and short_core == long_core:
        return True  # "Project Heron", "INFRA-311 / Heron" and "Heron"
    if len(short) < 2 or len(short) > len(long):
        return False
    if elided(short, long) or elided(short, _WORK_WORD.sub("", long)):
        # `等保整改` for `等保2.0三级测评整改`: what it leaves out may hold a standard's number;
        # `海关接口` for `海关物流监控接口改造`: the kind of work at the end left out too (w23-a)
        return True
    short_tokens, long_tokens = tokens(short_name), tokens(long_name)
    if _versions(short_name) != _versions(long_name):
        return False  # `Checkout v2` is not `Checkout v1`, `对账中心二期` is not `对账中心`
    cjk = has_han(short)
    if cjk and _parts_in_order(short_name, long_name):
        return True
    if short in long:
        if cjk:
            return len(short) >= 2 and len(short) / len(long) >= 0.3
        return len(short) >= 3 and (long.startswith(short) or len(short) / len(long) >= 0.5)
    if not cjk:
        return (
            _abbreviates(short_tokens, long_tokens)
            or reordered(short_name, long_name)
            or clipped(short_name, long_name)
        )
    return (
        len(short) >= 3 and short[0] == long[0] and len(short) / len(long) >= 0.5 and subsequence(short, long)
    )


# A mixed name's parts: its Latin words (a code like `SOH`, `v3.2`) and its runs of Han characters.
_MIXED_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*|[\u4e00-\u9fff]+")
_CODE_WORD = re.compile(r"[A-Z]{3,}|[A-Za-z]*\d[A-Za-z0-9.]*")
# the trade's common words in capitals, which name no one project (`API 平台`, `APP 改版`)
_COMMON_CODES = frozenset(
    [
        "API",
        "APP",
        "SDK",
        "OTA",
        "CRM",
        "ERP",
        "OCR",
        "IOT",
        "SAAS",
        "PAAS",
        "CDN",
        "DNS",
        "SQL",
        "UAT",
        "SIT",
        "POC",
        "MVP",
        "BUG",
        "KPI",
        "OKR",
        "SLA",
        "SOP",
        "PDA",
        "POS",
        "GIS",
        "MES",
        "WMS",
        "TMS",
        "HIS",
        "LIS",
        "PACS",
        "EMR",
        "CMS",
        "OMS",
        "BMS",
    ]
)


def _parts_in_order(short_name: str, long_name: str) -> bool:
    """A mixed name whose parts each stand in the longer name, in order, one of them a code
    (`SOH 模型` for `电池 SOH 健康分模型`): the team's short form of the longer name."""
    parts = _MIXED_PART.findall(nfkc(short_name))
    codes = [p for p in parts if _CODE_WORD.fullmatch(p) and p.upper() not in _COMMON_CODES]
    # (each part a word of its own: `X7 C样` is cut into a lone letter and a lone character)
    if len(parts) < 2 or not codes or not any(has_han(p) for p in parts) or min(map(len, parts)) < 2:
        return False
    long = nfkc(long_name)
    at = 0
    for part in parts:
        found = long.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


_ELIDED_END = 2  # Han characters each kept end must have
# The kind of work a Han name ends with, which a short name drops: 改造, 建设, 升级, 项目, 迁移…
_WORK_WORD = re.compile(r"(?:改造|建设|升级|项目|工程|迁移|对接|开发|优化|整改|切换)$")


def elided(short: str, long: str) -> bool:
    """A Han name shortened by leaving out its middle, as Chinese writers abbreviate: the long
    name's first characters and its last (`等保` + `整改` of `等保2.0三级测评整改`), two or more
    each, with two or more left out between them."""
    if len(short) < 2 * _ELIDED_END or len(long) < len(short) + 2 or not has_han(short):
        return False
    return any(
        long.startswith(short[:cut])
        and long.endswith(short[cut:])
        and has_han(short[:cut])
        and has_han(short[cut:])
        for cut in range(_ELIDED_END, len(short) - _ELIDED_END + 1)
    )


def subsequence(short: str, long: str) -> bool:
    """Every character of `short` in `long`, in order."""
    position = 0
    for char in short:
        position = long.find(char, position) + 1
        if position == 0:
            return False
    return True


_LINKING = frozenset(["in", "at", "for", "of", "on", "the", "and"])


def _abbreviates(short: Sequence[str], long: Sequence[str]) -> bool:
    words = [t for t in long if not VERSION.match(t)]
    # "Borehole rehab in Mbalanga" for "Borehole rehabilitation, Mbalanga": a linking word is no word
    # of the name
    short_words = [
        t for i, t in enumerate(short) if not VERSION.match(t) and (i == 0 or t not in _LINKING or t in long)
    ]
    if not short_words or len(words) < 2:
        return False
    if len(short_words) == 1 and len(short_words[0]) >= 2 and short_words[0] == "".join(w[0] for w in words):
        return True  # acronym
    if not _fits(short_words[0], words[0]) and not _initials(short_words[0], words, 0):
        return False
    index = 0
    for token in short_words:
        while index < len(words) and not _fits(token, words[index]) and not _initials(token, words, index):
            index += 1
        if index == len(words):
            return False
        # `HH Wi-Fi refresh` for `Harbourside Hall Wi-Fi refresh`: one token for a run of words
        index += 1 if _fits(token, words[index]) else len(token)
    return len(short_words) >= 2 or len(short_words[0]) >= 3


def _initials(token: str, words: Sequence[str], at: int) -> bool:
    """`token` spells the first letters of the words from `at` on, two or more of them."""
    return (
        len(token) >= 2
        and token.isalpha()
        and at + len(token) <= len(words)
        and "".join(word[0] for word in words[at : at + len(token)]) == token
    )


def _fits(token: str, word: str) -> bool:
    """A word prefix (`obs` for observability) or a numeronym (`k8s` for kubernetes, `i18n`)."""
    if word.startswith(token):
        return True
    match = _NUMERONYM.fullmatch(token)
    if match is None:
        return False
    return word[0] == match[1] and word[-1] == match[3] and len(word) - 2 == int(match[2])


def pair_related(a: str, b: str, a_name: str, b_name: str) -> bool:
    return related(a, b, a_name, b_name) if len(a) <= len(b) else related(b, a, b_name, a_name)
