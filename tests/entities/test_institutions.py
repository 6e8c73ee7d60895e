"""State bodies named by common nouns, and NER organisations that are none (our own sentences)."""
import pytest

from extractor.entities.institutions import extract_institutions
from extractor.entities.ner_mentions import _not_organization
from extractor.spans import Span
from extractor.text.segment import blocks, sentences


def institutions(text, taken=()):
    found = extract_institutions(text, blocks(text, sentences(text)), list(taken))
    for s in found:
        assert text[s.start:s.end] == s.text
    return [s.text for s in found]


@pytest.mark.parametrize("text, expected", [
    ("Правительство утвердило план на три года.", ["Правительство"]),
    ("Проект внесен в Правительство Республики Казахстан.", ["Правительство Республики Казахстан"]),
    ("Генеральная прокуратура начала проверку.", ["Генеральная прокуратура"]),
    ("Заседание кабинета министров перенесли.", ["кабинета министров"]),
    ("Полиция задержала двоих подозреваемых.", ["Полиция"]),
    ("Отчет направлен в акимат Карагандинской области.", ["акимат Карагандинской области"]),
    ("Депутаты Мажилиса одобрили поправки.", ["Мажилиса"]),
    ("Совет директоров АО избрал нового председателя.", ["Совет директоров АО"]),
    ("Министерство энергетики сообщило о запуске.", ["Министерство энергетики"]),
])
def test_institution(text, expected):
    assert institutions(text) == expected


@pytest.mark.parametrize("text", [
    "Суд вынес решение по делу.",                       # courts: too often a trial, not a body
    "Он сидел в своем кабинете до вечера.",            # "кабинет" alone is a room
    "Администрация школы провела собрание.",          # only "администрация президента/города"
])
def test_not_institution(text):
    assert institutions(text) == []


def test_scope_stops_at_a_person():
    text = "Глава полиции Алматы Иван Петров выступил."
    i = text.index("Иван Петров")
    found = institutions(text, [Span(i, i + len("Иван Петров"), "person", "Иван Петров")])
    assert found == ["полиции Алматы"]


def test_ner_organisation_stands():
    text = "Правительство РК заявило."
    found = institutions(text, [Span(0, 16, "organization", "Правительство РК")])
    assert found == []


@pytest.mark.parametrize("name, expected", [
    ("СМИ", True), ("Интернете", True), ("Википедии", True), ("Эмми", True), ("МКС", False),
    ("Самрук-Казына", False), ("Facebook", False), ("Казинформ", False),
])
def test_not_organization(name, expected):
    assert _not_organization(name) is expected


@pytest.mark.parametrize("name, ner_type, expected", [
    ("МКС", "ORG", "facility"), ("ВДНХ", "LOC", "facility"), ("Байконуре", "LOC", "facility"),
    ("Казинформ", "PER", "organization"), ("Астана", "LOC", "region"),
])
def test_ner_type(name, ner_type, expected):
    from extractor.entities.ner_mentions import _type
    assert _type(name, ner_type) == expected
