"""The region and location gazetteers on real phrasings (inflections, variants, negatives)."""
import pytest

from extractor.entities.regions import place_mentions
from extractor.text.segment import blocks, sentences


def places(text):
    found = place_mentions(text, blocks(text, sentences(text)))
    for s in found:
        assert text[s.start:s.end] == s.text
    return [(s.text, s.normal, s.type) for s in sorted(found, key=lambda s: s.start)]


@pytest.mark.parametrize("text, surface, canonical", [
    ("Президент принял акима Карагандинской области", "Карагандинской области", "Карагандинская область"),
    ("в Карагандинской области", "Карагандинской области", "Карагандинская область"),
    ("аким области Жетісу", "области Жетісу", "область Жетісу"),
    ("в Жетысуской области", "Жетысуской области", "область Жетісу"),
    ("аким области Абай", "области Абай", "область Абай"),
    ("в области Ұлытау", "области Ұлытау", "область Ұлытау"),
    ("в Улытауской области", "Улытауской области", "область Ұлытау"),
    ("аким города Астаны", "города Астаны", "город Астана"),
    ("в Астане", "Астане", "город Астана"),
    ("в Нур-Султане", "Нур-Султане", "город Астана"),
    ("жители Алматы", "Алматы", "город Алматы"),
    ("в Шымкенте", "Шымкенте", "город Шымкент"),
    ("в Южно-Казахстанской области", "Южно-Казахстанской области", "Туркестанская область"),
    ("в Восточно-Казахстанской области", "Восточно-Казахстанской области", "Восточно-Казахстанская область"),
    ("в ВКО", "ВКО", "Восточно-Казахстанская область"),
    ("в Караганде", "Караганде", "Караганда"),
    ("в Усть-Каменогорске", "Усть-Каменогорске", "Усть-Каменогорск"),
    ("аэропорт Ушарал", "Ушарал", "Ушарал"),
    ("в Российской Федерации", "Российской Федерации", "Россия"),
    ("из Азербайджана", "Азербайджана", "Азербайджан"),
    ("в РК", "РК", "Казахстан"),
])
def test_regions(text, surface, canonical):
    assert (surface, canonical, "region") in places(text)


@pytest.mark.parametrize("text, surface, canonical", [
    ("побережья Алаколя", "Алаколя", "Алаколь"),
    ("побережье озера Балхаш", "озера Балхаш", "Балхаш"),
    ("на Каспийском море", "Каспийском море", "Каспийское море"),
    ("вдоль Иртыша", "Иртыша", "Иртыш"),
    ("страны Латинской Америки", "Латинской Америки", "Латинская Америка"),
])
def test_locations(text, surface, canonical):
    assert (surface, canonical, "location") in places(text)


def test_capital_means_astana_in_kazakhstan_news():
    text = "Аким Карагандинской области доложил. Президент дал поручения по развитию столицы."
    assert ("столицы", "город Астана", "region") in places(text)


def test_capital_is_not_astana_elsewhere():
    assert places("Премьер вернулся в столицу после визита.") == []


@pytest.mark.parametrize("text, canonical", [
    ("японского монарха", "Япония"),
    ("московского метро", "Москва"),
    ("американских и советских войск", "США"),
])
def test_place_adjectives(text, canonical):
    assert any(normal == canonical for _, normal, _ in places(text))


@pytest.mark.parametrize("text", [
    "абай кунанбаев",           # a poet, not the oblast
    "астана жителей",           # lower case is not a name
    "развитие региона",
    "область науки",
])
def test_not_places(text):
    assert [p for p in places(text) if p[2] == "region" and p[1] != "город Астана"] == []


def _ner(text, name):
    from extractor.spans import Span
    from extractor.entities.inflect import person_name

    i = text.index(name)
    return Span(i, i + len(name), "person", name, normal=person_name(name), source="ner")


@pytest.mark.parametrize("text, ner_name, person, place_kept", [
    # a place in a given name's position before a surname, agreeing in case: the person's given name
    ("провел встречу с акимом Жамбылской области Алтаем Нуржановым", "Нуржановым", "Алтаем Нуржановым", False),
    ("провел встречу с акимом Жамбылской области Алтаем Нуржановым", "Алтаем Нуржановым", "Алтаем Нуржановым",
     False),
    ("Аким области Алтай Нуржанов доложил", "Нуржанов", "Алтай Нуржанов", False),
    # after a preposition, or in another case, it stays a place
    ("Туристы на Алтае Петрова не застали", "Петрова", "Петрова", True),
    ("Склоны Алтая Сидоров знает хорошо", "Сидоров", "Сидоров", True),
])
def test_place_in_a_given_names_position(text, ner_name, person, place_kept):
    from extractor.entities.regions import merge_places

    segments = blocks(text, sentences(text))
    found = place_mentions(text, segments)
    merged = merge_places([_ner(text, ner_name)], found, text)
    assert [s.text for s in merged if s.type == "person"] == [person]
    assert any(s.normal == "Алтай" for s in merged if s.type == "location") is place_kept


# adjectives listed before one head noun: each names the oblast, not the city its adjective alone names
SHARED_HEAD = [
    ("Совещание прошло с акимами Акмолинской и Актюбинской областей.",
     [("Акмолинской", "Акмолинская область"), ("Актюбинской областей", "Актюбинская область")]),
    ("Глава государства заслушал акимов Костанайской, Атырауской и Жамбылской областей.",
     [("Костанайской", "Костанайская область"), ("Атырауской", "Атырауская область"),
      ("Жамбылской областей", "Жамбылская область")]),
    ("Паводки затронули населенные пункты Карагандинской, а также Павлодарской области.",
     [("Карагандинской", "Карагандинская область"), ("Павлодарской области", "Павлодарская область")]),
    ("В Кызылординской или Туркестанской областях построят два завода.",
     [("Кызылординской", "Кызылординская область"), ("Туркестанской областях", "Туркестанская область")]),
    ("Бригады из Западно-Казахстанской и Мангистауской областей выехали на место.",
     [("Западно-Казахстанской", "Западно-Казахстанская область"),
      ("Мангистауской областей", "Мангистауская область")]),
]


@pytest.mark.parametrize("text, expected", SHARED_HEAD)
def test_adjectives_sharing_a_head_noun(text, expected):
    assert [(surface, canonical) for surface, canonical, _ in places(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a city before an oblast is no adjective of it
    ("Министр посетил Актобе и Атыраускую область.",
     [("Актобе", "Актобе"), ("Атыраускую область", "Атырауская область")]),
    # an adjective that is no oblast with that noun stays what it was
    ("Актюбинский завод и Карагандинская область подписали договор.",
     [("Актюбинский", "Актобе"), ("Карагандинская область", "Карагандинская область")]),
])
def test_no_shared_head(text, expected):
    assert [(surface, canonical) for surface, canonical, _ in places(text)] == expected
