"""OCR-specific fixes of the words of one tesseract line (see ``clean_line``)."""
from __future__ import annotations

import re

from ..page import LOW_CONFIDENCE, Rule, Word

_ZERO_LIKE = frozenset("oO0°")
_DIGIT_LIKE = {"o": "0", "O": "0", "°": "0", "I": "1", "l": "1", "|": "1", "i": "1", "S": "5", "s": "5"}
_BRACKETED = re.compile(r"^[\[(\{]([^\[\](){}]{1,2})[\])\}]$")
# a ringed zero whose "(" was read as a "1" ("10)") or lost ("0)", "(0"): only alone in a cell
_HALF_RINGED = re.compile(r"^(?:[\[(\{]|1(?=.[\])\}]))?([oO0°])[\])\}]?$")
_NUMBER = re.compile(r"^[-+]?\d[\d.,]*%?$")
_PIPE_WORD = re.compile(r"\|(?=[a-zà-ù.])|(?<=[A-Za-zà-ù])\|")
_DOLLAR = re.compile(r"(?<=[A-Z])S?\$(?=[A-Z0-9])")


def clean_line(words: list[Word], rules: list[Rule]) -> list[Word]:
    """OCR-specific fixes of the words of one tesseract line; a changed word is marked doubtful.

    - "|" is never printed in these plans (rules are erased before OCR): as a word it is "I"
      ("1" alone in a cell), inside or before lowercase it is "l" ("|.r." → "l.r.");
    - "$" between capitals and digits is an "S" ("BS$165714" → "BS165714");
    - a token alone in its cell (ruled, or set apart by column gaps) that is one glyph like a
      digit ("o", "(0)", "[o]", "10)": its "(" read "1") is that digit: tesseract rings a lone small "0"
      with brackets;
    - "AT S" of a group label is "AT 5", and "AT1" is "AT" "1" (tesseract drops the narrow space).
    A word changed this way keeps a confidence under ``LOW_CONFIDENCE``: it is warned about.
    """
    out: list[Word] = []
    words = [piece for word in words for piece in _split_label(word, len(words) == 1)]
    for index, word in enumerate(words):
        text = word.text
        fixed = text
        alone = _alone(words, index, rules)
        if "|" in fixed:
            fixed = ("1" if alone else "I") if fixed == "|" else _PIPE_WORD.sub("l", fixed)
        if "$" in fixed:
            fixed = _DOLLAR.sub("S", fixed)
        if alone:
            fixed = _as_digit(fixed)
        if index > 0 and words[index - 1].text.upper() == "AT" and len(fixed) <= 2:
            digits = "".join(_DIGIT_LIKE.get(c, c) for c in fixed)
            fixed = digits if digits.isdigit() else fixed
        if fixed != text:
            word = Word(fixed, word.x0, word.top, word.x1, word.bottom, word.size, word.page,
                        confidence=min(word.confidence or 0.0, LOW_CONFIDENCE - 1), bold=None)
        out.append(word)
    return out


_GLUED_LABEL = re.compile(r"^(AT)(\d{1,2}|[SOIl])$")


def _split_label(word: Word, alone: bool) -> list[Word]:
    """ "AT1" → "AT", "1": a group label printed with a space that OCR did not see."""
    match = _GLUED_LABEL.match(word.text)
    if not match or (not match.group(2).isdigit() and not alone):
        return [word]  # "ATS" is also the health agency: only a label alone on its line is read "AT 5"
    label, number = match.group(1), "".join(_DIGIT_LIKE.get(c, c) for c in match.group(2))
    cut = word.x0 + (word.x1 - word.x0) * len(label) / len(word.text)
    space = 0.1 * word.size
    conf = min(word.confidence or 0.0, LOW_CONFIDENCE - 1)
    return [Word(label, word.x0, word.top, cut - space, word.bottom, word.size, word.page, conf),
            Word(number, cut + space, word.top, word.x1, word.bottom, word.size, word.page, conf)]


def _as_digit(text: str) -> str:
    if _HALF_RINGED.match(text):
        return "0"
    inner = _BRACKETED.match(text)
    core = inner.group(1) if inner else text
    if len(core) == 1 and core in _ZERO_LIKE:
        return "0"
    if inner and _NUMBER.match(core):
        return core
    return text


def _alone(words: list[Word], index: int, rules: list[Rule]) -> bool:
    """Set apart from its line's neighbours by a column gap or a ruling line on each side."""
    word = words[index]
    gap = 1.2 * word.size
    left_ok = index == 0 or word.x0 - words[index - 1].x1 > gap or _rule_between(rules, words[index - 1], word)
    right_ok = (index == len(words) - 1 or words[index + 1].x0 - word.x1 > gap
                or _rule_between(rules, word, words[index + 1]))
    return left_ok and right_ok


def _rule_between(rules: list[Rule], left: Word, right: Word) -> bool:
    middle = (left.top + left.bottom) / 2
    return any(
        not r.horizontal and left.x1 - 1 <= r.x0 <= right.x0 + 1 and r.y0 - 1 <= middle <= r.y1 + 1 for r in rules
    )
