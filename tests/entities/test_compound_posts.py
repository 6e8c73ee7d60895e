"""Compound posts, nested posts and a post noun shared by a list (our own sentences)."""
import pytest

from extractor.entities.positions import extract_positions
from extractor.spans import Span
from extractor.text.segment import blocks, sentences


def posts(text, regions=()):
    names = []
    for region in regions:
        i = text.index(region)
        names.append(Span(i, i + len(region), "region", region))
    found = extract_positions(text, blocks(text, sentences(text)), [], [], names)
    for s in found:
        assert text[s.start:s.end] == s.text
    return {(s.text, s.normal) for s in found}


# text, regions NER/gazetteer found, post mentions that must be there
COMPOUND = [
    ("Его назначили первым заместителем руководителя Администрации Президента.", [],
     {("первым заместителем руководителя Администрации Президента",
       "первый заместитель руководителя Администрации Президента"),
      ("руководителя Администрации Президента", "руководитель Администрации Президента")}),
    ("На встречу пришел заместитель акима Алматы.", [],
     {("заместитель акима Алматы", "заместитель акима Алматы"), ("акима Алматы", "аким Алматы")}),
    ("Совещание провел вице-министр энергетики.", [], {("вице-министр энергетики", "вице-министр энергетики")}),
    ("Она стала председателем правления и главным исполнительным директором холдинга.", [],
     {("председателем правления", "председатель правления"),
      ("главным исполнительным директором холдинга", "главный исполнительный директор холдинга")}),
    # a hyphenated post inside a scope stays whole, in either capitalisation
    ("Отчет представил заместитель премьер-министра Серик Жумангарин.", [],
     {("заместитель премьер-министра", "заместитель премьер-министра")}),
    ("Встреча с Заместителем Премьер-Министра прошла в Акорде.", [],
     {("Заместителем Премьер-Министра", "Заместитель Премьер-Министра")}),
    ("Письмо подписал советник вице-министра юстиции.", [],
     {("советник вице-министра юстиции", "советник вице-министра юстиции")}),
    # the post without its country is a mention too (NEREL nests it)
    ("Министр финансов Казахстана выступил первым.", ["Казахстана"],
     {("Министр финансов Казахстана", "Министр финансов Казахстана"), ("Министр финансов", "Министр финансов")}),
]


@pytest.mark.parametrize("text, regions, expected", COMPOUND)
def test_compound_posts(text, regions, expected):
    assert expected <= posts(text, regions)


# a post noun shared by a list: one mention per member, each from the shared head to its own
# words (the last one to the shared noun), its normal the member's whole post in the singular
SHARED = [
    ("Глава государства принял акимов Костанайской, Атырауской и Жамбылской областей.",
     [("акимов Костанайской", "аким Костанайской области"),
      ("акимов Костанайской, Атырауской", "аким Атырауской области"),
      ("акимов Костанайской, Атырауской и Жамбылской областей", "аким Жамбылской области")]),
    ("Совещание с акимами Северо-Казахстанской и Павлодарской областей прошло в Астане.",
     [("акимами Северо-Казахстанской", "аким Северо-Казахстанской области"),
      ("акимами Северо-Казахстанской и Павлодарской областей", "аким Павлодарской области")]),
    ("Отчитались руководители Сарыагашского и Мактааральского районов.",
     [("руководители Сарыагашского", "руководитель Сарыагашского района"),
      ("руководители Сарыагашского и Мактааральского районов", "руководитель Мактааральского района")]),
]


@pytest.mark.parametrize("text, expected", SHARED)
def test_shared_head(text, expected):
    found = posts(text)
    assert set(expected) <= found
    # the list's members are not read as one post of several regions
    assert not any(normal.endswith("областей") or normal.endswith("районов") for _, normal in found)


def test_no_list_no_split():
    found = posts("Аким Карагандинской области и министр энергетики обсудили тарифы.")
    assert ("Аким Карагандинской области", "Аким Карагандинской области") in found
    assert ("министр энергетики", "министр энергетики") in found
