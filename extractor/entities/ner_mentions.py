"""slovnet NER spans -> contract mentions (person / region / location / organization).

PER -> person, ORG -> organization, LOC -> region unless its head word is a
geographic feature (lake, river, coast...: data/location_heads.txt) -> location.
Names NER is known to mislabel (``Акорда`` as a person) are taken from
data/organizations.txt.  ``normal`` is the nominative form.
"""
from __future__ import annotations

from typing import Iterable

from ..data import word_list
from ..spans import Span, make_span
from ..tag.morph import lemma
from ..tag.ner import NerSpan
from . import inflect


def _type(text: str, ner_type: str, before: str = "") -> str:
    if text in word_list("organizations.txt"):
        return "organization"
    if _listed(text, "facility_names.txt"):
        return "facility"     # "МКС", "ВДНХ": structures NER reads as organisations or places
    if ner_type == "PER":
        return "person"
    if ner_type == "ORG":
        return "organization"
    words = text.split()
    previous = before.split()[-1:] if before.strip() else []
    if lemma(words[0].lower()) in word_list("location_heads.txt") or (
            previous and lemma(previous[0].lower()) in word_list("location_heads.txt")):
        return "location"  # "озеро Балхаш", "на реке Эльба"
    if {lemma(words[0].lower()), lemma(words[-1].lower())} & FACILITY_HEADS:
        return "facility"  # "Белого дома", "площади Тяньаньмэнь", "Николоямской улице"
    return "region"


FACILITY_HEADS = {"дом", "дворец", "улица", "площадь", "проспект", "кладбище", "собор", "храм",
                  "стадион", "аэропорт", "вокзал", "мост", "театр", "музей", "сквер", "бульвар",
                  "переулок", "шоссе", "набережная", "холл", "центр", "башня", "телебашня", "метро"}


def _normal(text: str, type: str) -> str:
    if type == "person":
        return inflect.person_name(text)
    if type == "organization" and (not any(c.islower() for c in text) or "«" in text or '"' in text):
        return text  # abbreviations and quoted names stay as written
    return inflect.phrase(text)


def _is_post(text: str) -> bool:
    """'Аким', 'Министр' at the start of a sentence, 'Патриархом Болгарским' are posts, not
    names or places."""
    from .positions import lexicon

    words = text.split()
    posts = [w for w in words if lemma(w.lower()) in lexicon()[0]]
    if len(words) == 1 or len(posts) != 1:
        return len(words) == 1 and bool(posts)
    # 'Патриархом Болгарским', 'Болгарским Патриархом', 'Папы Римского': a post and the
    # adjectives of its see
    return all(_adjective_only(w) for w in words if w != posts[0])


def _adjective_only(word: str) -> bool:
    from ..tag.morph import parse

    parses = parse(word.lower())
    # most likely an adjective ('Римский', though a surname too), never a given name
    return bool(parses) and parses[0].methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer" and (
        parses[0].tag.POS == "ADJF" and not any("Name" in p.tag for p in parses))


def _split_brackets(text: str, ner: NerSpan) -> list[tuple[int, int]]:
    """'Томас Шефер (Thomas Schäfer)', 'ХДС (Христианско-демократический союз': a name and
    its other spelling in brackets are two mentions, not one."""
    inside = text[ner.start:ner.end]
    opening = inside.find("(")
    if opening <= 0:
        return [(ner.start, ner.end)]
    closing = inside.find(")", opening)
    first = (ner.start, ner.start + opening)
    second = (ner.start + opening + 1, ner.start + (closing if closing > 0 else len(inside)))
    return [first, second]


def ner_mentions(text: str, spans: Iterable[NerSpan]) -> list[Span]:
    out = []
    for ner in spans:
        for start, end in _split_brackets(text, ner):
            span = make_span(text, start, end, "person")
            if span.text and not _is_post(span.text) and not (ner.type == "PER" and common_words(span.text)):
                span = _typed(text, span, ner.type)
                if not (span.type == "organization" and _not_organization(span.text)):
                    out.append(span)
    return out


_NAME_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"}
_NEVER_NAMES = {"PRTF", "GRND", "INFN", "ADVB", "NPRO", "CONJ", "PRCL", "PREP", "ADJF", "NUMR"}


def common_words(text: str) -> bool:
    """'Обсуждавшие', 'Надеюсь', 'Впоследствии', 'Это': a PER span whose every word the
    dictionary knows, in no reading as a noun or a name, is a capitalised word of the
    language (a verb, participle, adverb, pronoun...) that NER took for a name.
    'Надежда', 'Стинг', 'Слуцкий', 'Хиллари', 'Беретта' stay."""
    from ..tag.morph import parse

    words = text.split()
    if len(words) > 2:
        return False
    for word in words:
        if not word[:1].isupper() or not word[1:].islower() or not word.isalpha():
            return False
        parses = parse(word.lower())
        if not parses or any(p.methods_stack[0][0].__class__.__name__ != "DictionaryAnalyzer" for p in parses):
            return False
        if any(_NAME_TAGS & p.tag.grammemes for p in parses):
            return False
        # a noun, a short adjective or verb, an interjection may be a name ('Стинг', 'Рено',
        # 'Серена', 'Мори', 'Баста'): NER is trusted there
        if not all(p.tag.POS in _NEVER_NAMES or (p.tag.POS == "VERB" and len(word) >= 6) for p in parses):
            return False
    return True


def _not_organization(text: str) -> bool:
    """'СМИ', 'в Интернете', 'Википедии': NER's organisations that are none
    (data/not_organizations.txt)."""
    return _listed(text, "not_organizations.txt")


def _listed(text: str, name: str) -> bool:
    """``text`` is an entry of data/<name>: a phrase as written, a single word by lemma."""
    names = word_list(name)
    if text in names:
        return True
    if " " in text or not text[:1].isupper():
        return False
    return lemma(text.lower()).capitalize() in {n.capitalize() for n in names if " " not in n}


def _typed(text: str, span: Span, ner_type: str) -> Span:
    span.type = _type(span.text, ner_type, text[max(0, span.start - 20):span.start])
    span.normal = _normal(span.text, span.type)
    span.source = "ner"
    return span
