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
    """``<ADJF* NOUN(nomn) [genitive words]> <change verb> [на|до] FIGURE``.

    The head agrees with the verb ("объем промышленного производства увеличился"):
    genitive words between them are its complement and stay as written.
    """
    left = text[max(0, start - 160):start]
    words = list(_WORD.finditer(left))
    i = len(words) - 1
    while i >= 0 and words[i].group().lower() in {"на", "до", "в", "почти", "около", "более", "свыше", "чем"}:
        i -= 1
    if i < 1:
        return None
    verb = _best(words[i].group())
    if verb is None or verb.tag.POS not in {"VERB", "PRTS"} or verb.normal_form not in CHANGE_VERBS:
        return None
    j = i - 1
    while j >= max(i - 7, 0):
        word = words[j].group()
        if j >= 1 and _is_preposition(words[j - 1].group()):
            j -= 2  # "в основной капитал": a prepositional complement, not the subject
            continue
        if j >= 2 and _is_preposition(words[j - 2].group()) and _best(word) and _best(word).tag.POS == "NOUN":
            j -= 3  # "в основной капитал" with an adjective
            continue
        head = _agreeing_noun(word, verb)
        if head is not None and (head.normal_form not in NOT_SUBJECTS or j < i - 1):
            complement = left[words[j].end():words[i - 1].end()] if j < i - 1 else ""
            plural = head.tag.number == "plur" and "Pltm" not in head.tag
            out = [_plain(nominative(head, word, ["plur"]).lower() if plural else head.normal_form, word)]
            gender = ["plur"] if plural else ([str(head.tag.gender)] if head.tag.gender else [])
            for k in range(j - 1, max(j - 4, -1), -1):
                adj_word = words[k].group()
                adj = next((q for q in parse(adj_word.lower()) if q.tag.case == "nomn"
                            and q.tag.POS in {"ADJF", "PRTF"}), None)
                if adj is None:
                    break
                out.insert(0, _plain(nominative(adj, adj_word, gender).lower(), adj_word))
            return (" ".join(out) + complement).strip()
        if not _gent(word):
            return None
        j -= 1
    return None


def _is_preposition(word: str) -> bool:
    p = _best(word)
    return p is not None and p.tag.POS == "PREP"


def _agreeing_noun(word: str, verb):
    """A nominative noun the verb agrees with in number (and gender, in the past singular)."""
    for q in parse(word.lower()):
        if q.tag.case != "nomn" or q.tag.POS != "NOUN":
            continue
        if verb.tag.number and q.tag.number and verb.tag.number != q.tag.number:
            continue
        if verb.tag.gender and q.tag.gender and verb.tag.gender != q.tag.gender:
            continue
        return q
    return None


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
