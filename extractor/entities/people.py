"""One person = one entity within a document.

``Касымбек``, ``Женис Касымбек`` and ``Жениса Касымбека`` are the same man:
person mentions are grouped by surname stem (and given-name stem when both
have one), the canonical name is the fullest form seen (preferring one written
in the nominative), and every mention carries the entity id in
``span.data["entity"]``.  A surname NER missed elsewhere in the text
("Джонсон неделю провел...") is added as a mention of its entity.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..spans import Span
from .names import common_word_only, given_name

# case endings of names; not "-ов"/"-ев", which end surnames ("Токаев")
ENDINGS = ("ами", "ыми", "ими", "ому", "ему", "ого", "его", "ой", "ей", "ою", "ом", "ем", "ым", "им",
           "ах", "ях", "а", "я", "у", "ю", "е", "ы", "и", "о")
MIN_SURNAME = 4


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A crude stem for matching inflected forms of one name: 'Касымбека' -> 'касымбек'."""
    w = word.lower().replace("ё", "е").replace("э", "е")  # 'Петрэус' / 'Петреус'
    for ending in ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            return w[: -len(ending)]
    return w


_LEADING_INITIALS = re.compile(r"^(?:(?:[А-ЯЁA-Z]|Дж)\.)+(?=\w)")


def _words(name: str) -> list[str]:
    """The words of a name without initials ("М.Кул-Мухаммед" -> ["Кул-Мухаммед"])."""
    return [_LEADING_INITIALS.sub("", w) for w in name.split() if not w.endswith(".")]


@dataclass
class Entity:
    id: str
    name: str
    surname_stem: Optional[str]
    given_stem: Optional[str]
    nominative_seen: bool
    spans: list[Span] = field(default_factory=list)

    @property
    def surname(self) -> str:
        words = _words(self.name)
        return words[-1] if words else self.name


_INITIALS = re.compile(r"(?<![\w.])((?:(?:[А-ЯЁ]|Дж)\.\s?){1,2})([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")
_LATIN_ALIAS = re.compile(r"\s*\(([A-Z][\w’'.-]*(?:\s+[A-Z(][\w’'().-]*){0,3})\)")


def with_initials(text: str, spans: list[Span]) -> list[Span]:
    """'Б.Обама', 'Е. Булекпаев', 'А. С. Пушкин': initials join the surname's person mention."""
    out = [s for s in spans]
    for match in _INITIALS.finditer(text):
        start, end = match.start(), match.end()
        overlapping = [s for s in out if s.start < end and start < s.end]
        if overlapping and not all(s.type == "person" for s in overlapping):
            continue
        if not overlapping and not _looks_like_surname(match.group(2)):
            continue
        out = [s for s in out if s not in overlapping]
        from .inflect import person_name
        surface = text[start:end]
        out.append(Span(start, end, "person", surface, normal=person_name(surface), source="rule"))
    from .name_repair import initials_after

    return initials_after(text, out)


def _looks_like_surname(word: str) -> bool:
    from ..tag.morph import parse

    parses = parse(word.lower())
    return not parses or any({"Surn", "Name"} & p.tag.grammemes for p in parses[:2]) or (
        parses[0].methods_stack[0][0].__class__.__name__ != "DictionaryAnalyzer")


def latin_aliases(text: str, spans: list[Span]) -> list[Span]:
    """'Томас Шефер (Thomas Schäfer)': the Latin spelling in brackets is the same person."""
    added = []
    taken = [(s.start, s.end) for s in spans]
    for span in spans:
        if span.type != "person":
            continue
        match = _LATIN_ALIAS.match(text, span.end)
        if not match:
            continue
        start, end = match.span(1)
        if any(s < end and start < e for s, e in taken):
            continue
        added.append(Span(start, end, "person", text[start:end], normal=text[start:end], source="rule",
                          data=dict(span.data)))
    return spans + added


_PAIR = re.compile(
    r"((?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s*"
    r"\((\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,2})\s*\)")
# the Latin letters a Cyrillic initial may be spelled with
_INITIALS_LATIN = {
    "А": "A", "Б": "B", "В": "VW", "Г": "GH", "Д": "D", "Е": "EY", "Ж": "JZG", "З": "ZS", "И": "IEY",
    "Й": "YJ", "К": "KCQ", "Л": "L", "М": "M", "Н": "N", "О": "OAU", "П": "P", "Р": "R", "С": "SC",
    "Т": "T", "У": "UWO", "Ф": "FVP", "Х": "HKJ", "Ц": "CTZ", "Ч": "CT", "Ш": "SC", "Щ": "S", "Э": "EA",
    "Ю": "YJU", "Я": "YJI",
}


def transliterated_names(text: str, spans: list[Span]) -> list[Span]:
    """'Модибо Сидибе (Modibo Sidibe)': a Cyrillic name with its Latin spelling in
    brackets, word for word, is a person even where NER saw nothing."""
    from .inflect import person_name

    added = []
    taken = [(s.start, s.end) for s in spans]
    for match in _PAIR.finditer(text):
        cyrillic, latin = match.group(1).split(), match.group(2).split()
        if len(cyrillic) != len(latin) or not all(
                w[0].upper() in _INITIALS_LATIN.get(c[0], "") for c, w in zip(cyrillic, latin)):
            continue
        if any(_common_word(w) for w in cyrillic):
            continue  # "Ассошиэйтед Пресс (Associated Press)": words of the language, not a name
        nominative = all(_same_ending(c, w) for c, w in zip(cyrillic, latin))
        for start, end in (match.span(1), match.span(2)):
            while text[start].isspace():
                start += 1
            if any(s < end and start < e for s, e in taken):
                continue
            surface = text[start:end]
            cyr = _CYRILLIC_WORD.match(surface) is not None
            normal = person_name(surface) if cyr and not nominative else surface
            added.append(Span(start, end, "person", surface, source="rule", normal=normal))
            taken.append((start, end))
    return spans + added


_CYRILLIC_WORD = re.compile(r"[А-ЯЁа-яё]")
_VOWEL_SPELLING = {"а": "a", "е": "e", "и": "iye", "о": "o", "у": "u", "э": "e", "ы": "y", "ю": "u", "я": "a"}


def _same_ending(cyrillic: str, latin: str) -> bool:
    """'Сидибе'/'Sidibe' end alike (written as in the nominative), 'Фолькера'/'Volker' do not."""
    last, other = cyrillic[-1].lower(), latin[-1].lower()
    if last in _VOWEL_SPELLING:
        return other in _VOWEL_SPELLING[last]
    return other not in "aeiouy"


def _common_word(word: str) -> bool:
    from ..tag.morph import parse

    parses = parse(word.lower())
    if not parses:
        return False
    top = parses[0]
    known = top.methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"
    return known and not ({"Name", "Surn", "Patr", "Geox"} & top.tag.grammemes) and top.tag.POS in {
        "NOUN", "ADJF", "VERB", "ADVB", "PRTF"}


def link_people(text: str, spans: list[Span]) -> list[Span]:
    """Group person spans into entities (in place) and add missed surname mentions."""
    spans = transliterated_names(text, latin_aliases(text, with_initials(text, titles_apart(spans, text))))
    from .name_repair import glued_names, joined_names, kin_names, no_digits, two_people

    spans = kin_names(text, glued_names(text, two_people(text, joined_names(text, no_digits(text, spans)))))
    people = sorted((s for s in spans if s.type == "person"), key=lambda s: s.start)
    entities: list[Entity] = []
    # full names first, so single words can attach to them
    index: dict[str, list[Entity]] = {}  # surname and given-name stems -> entities
    for span in sorted(people, key=lambda s: -len(_words(s.normal or s.text))):
        _attach(span, entities, index)
    added = _propagate(text, spans, entities)
    added += latin_spellings(text, spans + added, entities)
    for entity in entities:
        for span in entity.spans:
            span.data["entity"] = entity.id
            if len(_words(span.normal or "")) == 1 and len(_words(entity.name)) > 1:
                # a lone surname takes the entity's nominative surname ("Токаева" -> "Токаев")
                if stem(span.normal or span.text) == entity.surname_stem:
                    span.normal = entity.surname
    return spans + added


def _attach(span: Span, entities: list[Entity], index: dict[str, list[Entity]]) -> Entity:
    words = _words(span.normal or span.text)
    surface_words = _words(span.text)
    nominative = [w.lower() for w in words] == [w.lower() for w in surface_words]
    surname = stem(words[-1]) if words else None
    given = stem(words[0]) if len(words) > 1 else None
    for entity in index.get(surname or "", ()):
        if surname and surname == entity.surname_stem and (given is None or entity.given_stem is None
                                                          or given == entity.given_stem):
            entity.spans.append(span)
            if len(words) >= len(_words(entity.name)) and nominative and not entity.nominative_seen:
                entity.name, entity.nominative_seen = span.normal or span.text, True
            return entity
        if len(words) == 1 and entity.given_stem and surname == entity.given_stem:
            entity.spans.append(span)  # a given name alone: "Женис"
            return entity
    entity = Entity(f"p{len(entities) + 1}", span.normal or span.text, surname, given, nominative, [span])
    entities.append(entity)
    for key in {surname, given} - {None}:
        index.setdefault(key, []).append(entity)
    return entity


_GIVEN_BEFORE = re.compile(r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+$")


def _given_before(text: str, start: int, entity: Entity):
    """Where the entity's given name starts, when it stands right before the surname."""
    match = _GIVEN_BEFORE.search(text, max(0, start - 40), start)
    if match and entity.given_stem and stem(match.group(1)) == entity.given_stem:
        return match.start(1)
    return None


_CAPITALIZED = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?![\w-])")


def _propagate(text: str, spans: list[Span], entities: list[Entity]) -> list[Span]:
    """One pass over the capitalised words of the text; each is looked up by stem."""
    by_stem: dict[str, Entity] = {}
    short: dict[str, Entity] = {}  # "Али", "Абэ", "Ли": too short to match by stem, matched as written
    for entity in entities:
        if len(_words(entity.name)) < 2 or not entity.surname_stem or not (
                entity.surname[:1].isupper() or _PARTICLE.match(entity.surname)):
            continue
        if len(entity.surname_stem) >= MIN_SURNAME:
            by_stem.setdefault(entity.surname_stem, entity)
            particle = _PARTICLE.match(entity.surname)
            if particle:  # 'аль-Завахири' -> 'Завахири'
                by_stem.setdefault(stem(particle.group(1)), entity)
        elif entity.surname.isalpha() and not common_word_only(_words(entity.name)[0]):
            # after a given name, not a word of the language: 'Мохаммед Али', not 'Доктор Лиза'
            short.setdefault(entity.surname, entity)
    by_given = _given_names(entities)
    if not by_stem and not short and not by_given:
        return []
    taken = sorted((s.start, s.end) for s in spans)
    starts = [s for s, _ in taken]
    # a surname NER read as a place or an organisation ("Действия Земана", "правительство
    # Руснока") is the person, unless the word is a place name too
    misread = {(s.start, s.end): s for s in spans
               if s.source == "ner" and s.type in {"region", "organization", "location"} and " " not in s.text}
    added: list[Span] = []

    for match in _CAPITALIZED.finditer(text):
        entity = by_stem.get(stem(match.group())) or short.get(match.group())
        if entity is None or len(match.group()) - len(entity.surname_stem) > 3:
            alone = _given_alone(text, match, by_given)
            if alone is not None:
                k = bisect.bisect_right(starts, match.start())
                if not ((k and taken[k - 1][1] > match.start()) or (k < len(taken) and taken[k][0] < match.end())):
                    span = Span(match.start(), match.end(), "person", match.group(), normal=_words(alone.name)[0],
                                source="coreference", data={"entity": alone.id})
                    alone.spans.append(span)
                    added.append(span)
            continue
        k = bisect.bisect_right(starts, match.start())
        if (k and taken[k - 1][1] > match.start()) or (k < len(taken) and taken[k][0] < match.end()):
            other = misread.get(match.span())
            if other is not None and not _place_name(match.group()):
                other.type, other.normal, other.source = "person", entity.surname, "coreference"
                other.data["entity"] = entity.id
                entity.spans.append(other)
            continue
        start, normal = match.start(), entity.surname
        given = _given_before(text, start, entity)
        if given is not None and not (k and taken[k - 1][1] > given):
            start, normal = given, entity.name  # "Касым-Жомарт Токаев": the full name again
        span = Span(start, match.end(), "person", text[start:match.end()], normal=normal,
                    source="coreference", data={"entity": entity.id})
        entity.spans.append(span)
        added.append(span)
    return added


_PARTICLE = re.compile(r"^(?:аль|эль|ал|ад|ас|ат|ан|аш|бен|ибн|ван|де|ди|дю|ла|ле)-([А-ЯЁ][а-яё]{3,})$",
                       re.IGNORECASE)


def _given_names(entities: list[Entity]) -> dict[str, Optional[Entity]]:
    """Given-name stems of the people named in full, when the dictionary knows the given
    name; a stem two people share maps to None (ambiguous)."""
    out: dict[str, Optional[Entity]] = {}
    for entity in entities:
        words = _words(entity.name)
        if len(words) < 2 or not entity.given_stem or len(entity.given_stem) < 3 or not given_name(words[0]):
            continue
        out[entity.given_stem] = None if entity.given_stem in out and out[entity.given_stem] is not entity else entity
    return out


_NEXT_NAME = re.compile(r"\s+[А-ЯЁ][а-яё]")


def _given_alone(text: str, match, by_given: dict[str, Optional[Entity]]) -> Optional[Entity]:
    """'Малия сделает перерыв' after 'Малия Обама': a given name alone, written as a name the
    dictionary knows, and not the start of another full name ('Эрик Кантона')."""
    entity = by_given.get(stem(match.group()))
    if entity is None or not given_name(match.group()) or _NEXT_NAME.match(text, match.end()):
        return None
    return entity


_LATIN_WORD = re.compile(r"(?<![\w@#/.-])[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w@/-])")
# Cyrillic letters spelled in Latin, to compare a name with its original spelling
_TO_LATIN = str.maketrans({"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
                           "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
                           "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
                           "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
                           "я": "ya"})


def _sounds_like(latin: str, cyrillic: str, ratio: float = 0.75) -> bool:
    """'Irwin' ~ 'Ирвин', 'Rahami' ~ 'Рахами', 'Efimova' ~ 'Ефимова': the Latin word and a
    plain transliteration of the Cyrillic one start alike and share most letters."""
    from difflib import SequenceMatcher

    latin, spelled = latin.lower(), cyrillic.lower().translate(_TO_LATIN)
    if len(latin) < 3 or latin[0].upper() not in _INITIALS_LATIN.get(cyrillic[:1].upper(), ""):
        return False
    if abs(len(latin) - len(spelled)) > 2:
        return False  # 'Obamacare' is no spelling of 'Обама'
    return SequenceMatcher(None, latin, spelled).ratio() >= ratio


def latin_spellings(text: str, spans: list[Span], entities: list[Entity]) -> list[Span]:
    """'Roberto Seba', 'Larry King' (of 'Larry King Live'), 'Efimova': a Latin word that spells
    the surname of a person named in Cyrillic in the text, with the given name before it
    when that spells the given name too, is that person (unless a person span covers it)."""
    if not entities or not re.search(r"[A-Z][a-z]", text):
        return []
    named = [(e, _words(e.name)) for e in entities if _CYRILLIC.match(e.name)]
    # a person with a given name the dictionary knows: not an organisation NER took for one
    named = [(e, w) for e, w in named if len(w) >= 2 and len(w[-1]) >= 3 and given_name(w[0])]
    if not named:
        return []
    people = [(s.start, s.end) for s in spans if s.type == "person"]
    words = list(_LATIN_WORD.finditer(text))
    out: list[Span] = []
    for k, match in enumerate(words):
        entity = next((e for e, w in named if _sounds_like(match.group(), w[-1])), None)
        if entity is None:
            continue
        start = match.start()
        given = _words(entity.name)[:-1]
        if k and given and words[k - 1].end() + 1 == match.start() and text[words[k - 1].end()] == " " and \
                _sounds_like(words[k - 1].group(), given[0], 0.6):  # beside the surname: 'Steve' ~ 'Стив'
            start = words[k - 1].start()
        end = match.end()
        if any(s < end and start < e for s, e in people):
            continue
        span = Span(start, end, "person", text[start:end], normal=text[start:end], source="coreference",
                    data={"entity": entity.id})
        entity.spans.append(span)
        out.append(span)
        people.append((start, end))
    return out


_CYRILLIC = re.compile(r"[А-ЯЁ]")


def _place_name(word: str) -> bool:
    from ..tag.morph import parse

    return any({"Geox", "Orgn"} & p.tag.grammemes for p in parse(word.lower()))


def _titles() -> tuple[set[str], list[str]]:
    """Host titles of data/heads_of_state.tsv: one-word ones, and the longer ones."""
    from ..data import word_list

    titles = [line.split("\t")[1] for line in word_list("heads_of_state.tsv") if line.startswith("title\t")]
    return {t for t in titles if " " not in t}, [t for t in titles if " " in t]


def titles_apart(spans: list[Span], text: str = "") -> list[Span]:
    """'Елбасы Нурсултан Назарбаев': NER takes the title into the name.  The title
    becomes a position of its own and the person span starts after it."""
    from ..tag.morph import lemma
    from .inflect import restore_case

    titles, phrases = _titles()
    out = []
    for span in spans:
        words = span.text.split()
        if span.type == "person" and text:
            # "Мемлекет басшысы" (NER took "Мемлекет" for a name): a title of several words
            ahead = " ".join(text[span.start:span.start + 60].lower().split())
            phrase = next((t for t in phrases if ahead.startswith(t) and len(t) >= len(span.text)), None)
            if phrase is not None:
                end = span.start + len(phrase)
                out.append(Span(span.start, end, "position", text[span.start:end],
                                normal=text[span.start:end], source="rule"))
                continue
        title = lemma(words[0].lower()) if span.type == "person" and words else None
        if span.type != "person" or not words or (words[0].lower() not in titles and title not in titles):
            out.append(span)
            continue
        title_end = span.start + len(words[0])
        normal = words[0] if words[0].lower() in titles else restore_case(words[0], title)
        out.append(Span(span.start, title_end, "position", span.text[:len(words[0])], normal=normal,
                        source="rule"))
        if len(words) > 1:
            rest = span.text.find(words[1], len(words[0]))
            from .inflect import person_name

            surface = span.text[rest:]
            out.append(Span(span.start + rest, span.end, "person", surface, normal=person_name(surface),
                            source=span.source, data=dict(span.data)))
    return out


def renormalise_names(parsed, spans: list[Span]) -> None:
    """Names inside parsed sentences take the nominative along the case the morph
    tagger gives them in context (an apposition takes its head noun's case:
    "акима области Болата Бакауова" is genitive/accusative like "акима")."""
    from .inflect import UD_CASES, checked_person_name
    from .names import INDECLINABLE, chinese_name

    people = [s for s in spans if s.type == "person"]
    if not people or not parsed:
        return
    for p in parsed:
        for span in people:
            if not (p.start <= span.start and span.end <= p.end) or span.source == "coreference":
                continue
            words = [w for w in p.words if span.start <= w.start and w.end <= span.end]
            if not words or not any(ch.isalpha() and ch.isupper() for ch in span.text[:1]):
                continue
            first = words[0]
            case = None
            if first.rel in {"appos", "flat:name", "flat"} and 0 <= first.head < len(p.words):
                head = p.words[first.head]
                if head.pos == "NOUN" and not (span.start <= head.start < span.end):
                    case = head.case
            if case is None:
                case = majority_case([w.case for w in words if w.case])
            case = UD_CASES.get(case)
            informative = [w for w in span.text.split() if not INDECLINABLE.search(w)]
            if len(informative) == 2 and chinese_name(*informative) is not None:
                informative = informative[1:]  # "Лю Гочжуна": the surname first never declines
            if case and informative and not _has_case(informative[0], case):
                case = None  # the tagger's case is one the word cannot take ("Берика" is no nominative)
            name, confident = checked_person_name(span.text, case)
            if len(name.split()) != len(span.text.split()):
                continue
            span.normal = name
            span.data["name_confident"] = confident


def majority_case(cases: list[str]) -> Optional[str]:
    """The case most words of a name are tagged with; a tie goes to the last word's, the
    surname's ("Гульшара Абдыкаликова": the given name is often unknown to the tagger).
    Never a set's order: that changes from one process to the next."""
    return max(reversed(cases), key=cases.count) if cases else None


def _has_case(word: str, case: str) -> bool:
    from ..tag.morph import parse

    # a word the dictionary does not know ("Лю" of "Лю Гочжуна") rules no case out
    parses = [p for p in parse(word.lower()) if "UNKN" not in p.tag]
    return not parses or any(p.tag.case == case for p in parses)
