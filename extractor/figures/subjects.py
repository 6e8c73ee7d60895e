"""What a figure measures, as a nominative phrase, when the sentence says it.

Three patterns, tried in order:

* a genitive noun group right after the figure:
  ``178 млрд тенге инвестиций`` -> "инвестиции", ``540 тыс. тонн свеклы`` -> "свекла";
* a noun right before it, joined by a dash or colon: ``рост – 29,5%`` -> "рост";
* the subject of a change verb before it: ``обрабатывающая промышленность
  выросла на 6 %`` -> "обрабатывающая промышленность".
"""
from __future__ import annotations

import re
from typing import Optional

from ..entities.inflect import nominative
from ..tag.morph import parse

_WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:-[А-Яа-яЁё]+)?")
CHANGE_VERBS = {
    "вырасти", "увеличиться", "снизиться", "сократиться", "составить", "достигнуть", "достичь",
    "превысить", "возрасти", "уменьшиться", "упасть", "повыситься", "понизиться", "подняться",
}
# nouns that name the unit or frame the figure rather than what it measures
NOT_SUBJECTS = {
    "год", "месяц", "период", "раз", "тенге", "доллар", "рубль", "евро", "процент", "тонна",
    "сумма", "объём", "объем", "итог", "время", "счёт", "счет", "уровень", "данные", "число",
    "количество", "цифра", "область", "регион", "город", "район", "рамка", "часть", "том",
}


def _best(word: str):
    parses = parse(word.lower())
    return parses[0] if parses else None


def _noun_group_after(text: str, pos: int) -> Optional[str]:
    """ADJF* NOUN in the genitive starting right after ``pos``."""
    words = []
    for match in _WORD.finditer(text, pos):
        gap = text[pos:match.start()] if not words else text[words[-1][1]:match.start()]
        if gap.strip():
            break
        words.append((match.start(), match.end(), match.group()))
        if len(words) >= 4:
            break
    group = []
    for start, end, word in words:
        p = _gent(word)
        if p is None:
            break
        group.append((word, p))
        if p.tag.POS == "NOUN":
            lemma = p.normal_form
            if lemma in NOT_SUBJECTS:
                return None
            number = "plur" if p.tag.number == "plur" and "Pltm" not in p.tag else None
            extra = [number] if number else []
            head_gender = [] if number else ([str(p.tag.gender)] if p.tag.gender else [])
            out = [nominative(q, w, extra if q.tag.POS == "NOUN" else (extra or head_gender))
                   for w, q in group]
            return _plain(" ".join(out).lower(), " ".join(w for w, _ in group))
        if p.tag.POS not in {"ADJF", "PRTF"}:
            break
    return None


def _gent(word: str):
    parses = parse(word.lower())
    if len(word) < 3 or not parses or parses[0].tag.POS in {"PREP", "CONJ", "PRCL", "INTJ"}:
        return None
    for p in parses:
        if p.tag.case == "gent" and p.tag.POS in {"NOUN", "ADJF", "PRTF"}:
            return p
    return None


def _noun_before_dash(text: str, start: int) -> Optional[str]:
    match = re.search(r"([А-Яа-яЁё]+)\s*[–—:-]\s*(?:на\s+|около\s+|более\s+)?$", text[max(0, start - 40):start])
    if not match:
        return None
    p = _best(match.group(1))
    if p is not None and p.tag.POS == "NOUN" and p.normal_form not in NOT_SUBJECTS:
        return _plain(p.normal_form, match.group(1))
    return None


def _verb_subject(text: str, start: int) -> Optional[str]:
    """``<ADJF* NOUN nomn> <change verb> [на|до] FIGURE``."""
    left = text[max(0, start - 120):start]
    words = list(_WORD.finditer(left))
    if not words:
        return None
    i = len(words) - 1
    if words[i].group().lower() in {"на", "до", "в", "почти", "около", "более", "свыше"}:
        i -= 1
    if i < 1:
        return None
    verb = _best(words[i].group())
    if verb is None or verb.tag.POS not in {"VERB", "PRTS"} or verb.normal_form not in CHANGE_VERBS:
        return None
    head = _nominative_noun(words[i - 1].group())
    if head is None or head.normal_form in NOT_SUBJECTS:
        return None
    gender = [str(head.tag.gender)] if head.tag.gender else []
    out = [_plain(head.normal_form, words[i - 1].group())]
    for j in range(i - 2, max(i - 5, -1), -1):
        word = words[j].group()
        adj = next((q for q in parse(word.lower()) if q.tag.case == "nomn"
                    and q.tag.POS in {"ADJF", "PRTF"}), None)
        if adj is None:
            break
        out.insert(0, _plain(nominative(adj, word, gender).lower(), word))
    return " ".join(out)


def _nominative_noun(word: str):
    return next((q for q in parse(word.lower()) if q.tag.case == "nomn" and q.tag.POS == "NOUN"), None)


def _plain(form: str, surface: str) -> str:
    """pymorphy writes ё; keep е where the text does."""
    return form.replace("ё", "е") if "ё" not in surface.lower() else form


def subject_of(text: str, start: int, end: int, kind: str) -> Optional[str]:
    """Subject of the figure ``text[start:end]`` (a sentence or the whole text)."""
    if kind == "date":
        return None
    return (_noun_group_after(text, end)
            or _noun_before_dash(text, start)
            or _verb_subject(text, start))
