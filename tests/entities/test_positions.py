"""Positions with their scope, in the wording of official reports."""
import pytest

from extractor.entities.positions import extract_positions
from extractor.spans import Span
from extractor.text.segment import blocks, sentences


def positions(text, names=()):
    people = []
    for name in names:
        i = text.index(name)
        people.append(Span(i, i + len(name), "person", name))
    found = extract_positions(text, blocks(text, sentences(text)), people)
    for s in found:
        assert text[s.start:s.end] == s.text
    return [(s.text, s.normal) for s in found]


@pytest.mark.parametrize("text, names, expected", [
    ("Президент принял акима Карагандинской области Ермаганбета Булекпаева",
     ["Ермаганбета Булекпаева"],
     [("Президент", "Президент"), ("акима Карагандинской области", "аким Карагандинской области")]),
    ("Главе государства доложили", [], [("Главе государства", "Глава государства")]),
    ("аким города Астаны Женис Касымбек", ["Женис Касымбек"],
     [("аким города Астаны", "аким города Астаны")]),
    ("министр энергетики Алмасадам Саткалиев", ["Алмасадам Саткалиев"],
     [("министр энергетики", "министр энергетики")]),
    ("поручил министру энергетики обеспечить", [], [("министру энергетики", "министр энергетики")]),
    ("премьер-министр Олжас Бектенов", ["Олжас Бектенов"], [("премьер-министр", "премьер-министр")]),
    ("первого вице-министра финансов", [], [("первого вице-министра финансов", "первый вице-министр финансов")]),
    ("председатель правления АО «Самрук-Казына»", [],
     [("председатель правления АО «Самрук-Казына»", "председатель правления АО «Самрук-Казына»")]),
    ("министра иностранных дел Казахстана", [],
     [("министра иностранных дел Казахстана", "министр иностранных дел Казахстана")]),
    ("исполняющий обязанности акима Алматинской области", [],
     [("исполняющий обязанности акима Алматинской области", "исполняющий обязанности акима Алматинской области")]),
    ("аким проинформировал", [], [("аким", "аким")]),
    ("пресс-секретарь Президента Руслан Желдибай", ["Руслан Желдибай"],
     [("пресс-секретарь Президента", "пресс-секретарь Президента")]),
    ("экс-президента США", [], [("экс-президента США", "экс-президент США")]),
    # a hyphenated head in an oblique case is declined whole, not by its first part
    ("встречу с Премьер-министром Казахстана Бакытжаном Сагинтаевым", ["Бакытжаном Сагинтаевым"],
     [("Премьер-министром Казахстана", "Премьер-министр Казахстана")]),
    ("поручил вице-министру энергетики", [], [("вице-министру энергетики", "вице-министр энергетики")]),
    ("глава региона доложил", [], [("глава региона", "глава региона")]),
    # a straight quote closing the name stays; a dangling opening one goes
    ('принял председателя правления фонда "Самрук-Қазына" Ахметжана Есимова', ["Ахметжана Есимова"],
     [('председателя правления фонда "Самрук-Қазына"', 'председатель правления фонда "Самрук-Қазына"')]),
])
def test_positions(text, names, expected):
    assert positions(text, names) == expected


@pytest.mark.parametrize("text", [
    "подверг критике политику Дональда Трампа",   # policy, not a politician
    "во главе с председателем",                   # "во главе" is not a post
    "военной продукции",
    "в интересах государства",
])
def test_not_positions(text):
    assert [t for t, _ in positions(text) if t.lower().startswith(("политик", "главе", "военн"))] == []


@pytest.mark.parametrize("text, expected", [
    # the tokenizer splits the hyphenated adjective: the region right after the bare head is its scope
    ("Президент принял акима Восточно-Казахстанской области Серика Жумабаева",
     ("акима Восточно-Казахстанской области", "аким Восточно-Казахстанской области")),
    ("Далее Глава государства заслушал акима Северо-Казахстанской области.",
     ("акима Северо-Казахстанской области", "аким Северо-Казахстанской области")),
    ("поручил акиму Западно-Казахстанской области ускорить работы",
     ("акиму Западно-Казахстанской области", "аким Западно-Казахстанской области")),
    # an instruction noun is no scope: "дал акиму поручения" holds the post "акиму" alone
    ("Президент дал акиму поручения по ремонту дорог", ("акиму", "аким")),
    ("Глава государства поставил министру задачи по цифровизации", ("министру", "министр")),
])
def test_region_after_a_bare_head_is_its_scope(text, expected):
    from extractor.entities.regions import place_mentions

    segments = blocks(text, sentences(text))
    found = extract_positions(text, segments, [], place_mentions(text, segments))
    assert expected in [(s.text, s.normal) for s in found]


def test_a_place_elsewhere_is_no_scope():
    from extractor.entities.regions import place_mentions

    text = "Аким рассказал, что в Восточно-Казахстанской области построят школу."
    segments = blocks(text, sentences(text))
    assert [s.text for s in extract_positions(text, segments, [], place_mentions(text, segments))] == ["Аким"]
