"""Money asked and money stated: a budget, a cost, takings, a claim. Weekly reports rarely state
an amount of money, so a money question is answered only by a line or a metric that holds one,
never by the project's status or a figure of something else (a count of GPUs, a date read as a
number). One vocabulary for the ledger's answers and the passages' (`engines.local`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.text.timeexpr import ANY_DAY, find_dates
from summarizer.question import QuestionPlan

# A question asking for money: a budget, a cost, a spend, a price, takings, a claim.
_MONEY_WORDS = re.compile(
    # never a word of a compound ("anti-money-laundering"); an English "claim" is as often an
    # insurance claim as a demand for money, so only 索赔 / 赔偿 count
    r"(?<!-)\b(?:budget\w*|cost(?:s|ing)?|spen[dt]\w*|price[ds]?|money|dollars?|pounds?|euros?|"
    r"revenue|income|takings|contract\s+value|funding|funded|capex|opex|compensation|refund\w*|"
    r"reimburse\w*)\b(?!-)|"
    # "paid" and "pay" only for an amount ("how much did we pay", "paid for the licence"):
    # "paid digital subscribers" counts readers
    r"\bhow\s+much\b.*\b(?:paid|pay)\b|\b(?:paid|pay)\s+(?:for|out)\b|"
    r"预算|成本|费用|花费|花了|花多少|多少钱|金额|投资|流水|经费|开销|营收|收入|收益|索赔|赔偿|美元|人民币",
    re.I,
)
# A line stating money: a currency figure ("$1.2m", "£90k", "¥30万", "12万元", "USD 400").
_CURRENCY = re.compile(
    r"[$£€¥￥]\s?\d|\d[\d.,]*\s?(?:万|亿|千)?元|\b(?:USD|EUR|GBP|RMB|CNY)\s?\d|\d\s?(?:USD|EUR|GBP|RMB|CNY)\b"
    r"|\d[\d.,]*\s?(?:dollars|pounds|euros)\b",
    re.I,
)
# A metric measured in money by its name: `CAC`, `周计算成本`, `GMV`.
_MONEY_NAMED = re.compile(
    r"cost|spend|revenue|price|budget|gmv|arpu|cac|ltv|费用|成本|收入|营收|预算|金额|客单价", re.I
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)\s*年?")
# Figures that are no amount beside a money word: a tracker's key, a half or a quarter.
_NOT_AN_AMOUNT = re.compile(r"\b[A-Z][A-Z0-9]*-\d+\b|\b[HQ][1-4]\b")
# Characters either side of a money word a figure must be within to be its amount.
MONEY_REACH = 12


# Questions that ask for a list of events or a report's news: a money word in them names the report
# or its subject ("these product budgets", "the budget review slipped"), no amount asked for.
_LIST_INTENTS = frozenset(["slips", "incidents", "risks", "changes", "summary"])


def money_asked(plan: QuestionPlan) -> bool:
    """The planned question asks for an amount of money: a money word outside the names it links,
    in a question that is not a list's."""
    return plan.intent not in _LIST_INTENTS and asks_money(plan.question, plan.project_names)


def asks_money(question: str, names: Iterable[str] = ()) -> bool:
    """ "What is the budget for X?", "Kafka扩容花了多少钱？", "上线后带来了多少收入？"; a money
    word inside a name the question links ("Cost Explorer Dashboard", "数字人民币受理") asks
    nothing."""
    for name in sorted(names, key=len, reverse=True):
        question = re.sub(re.escape(name), " ", question, flags=re.I)
    return bool(_MONEY_WORDS.search(question))


def states_money(text: str) -> bool:
    """A line that states an amount of money, or a money word with a figure beside it ("budget
    400k", "成本下降 12%"). A line about the project with its progress figures ("42/45 迁完") is
    no budget."""
    if _CURRENCY.search(text):
        return True
    text = _YEAR.sub(" ", text)  # "the 2025 budget" states no amount
    text = _NOT_AN_AMOUNT.sub(" ", text)  # "H2 budget approved (FIN-882 closed)": a half, a ticket
    for hit in reversed(find_dates(text, ANY_DAY)):  # "the capex board on 08 APR": a day, no amount
        text = text[: hit.start] + " " * (hit.end - hit.start) + text[hit.end :]
    for word in _MONEY_WORDS.finditer(text):
        near = text[max(0, word.start() - MONEY_REACH) : word.end() + MONEY_REACH]
        if re.search(r"\d", near):
            return True
    return False


def in_money(name: str, unit: str) -> bool:
    """A metric measured in money: a currency unit, or a name that says so."""
    return any(sign in unit for sign in "$¥￥€£元") or _MONEY_NAMED.search(name) is not None
