"""Table-driven: name keys and spellings, posts, and region queries of `extractor who`."""
import pytest

from extractor.registry.names import name_key, near_names
from extractor.registry.posts import post_info, same_post
from extractor.registry.query import resolve_region


@pytest.mark.parametrize("a, b", [
    ("Касым-Жомарт Токаев", "Токаев Касым-Жомарт"),
    ("Алия Сарсенова", "АЛИЯ САРСЕНОВА"),
    ("Ұлан Әлиев", "Улан Алиев"),
    ("Пётр Семёнов", "Петр Семенов"),
    ("Касым–Жомарт  Токаев", "Касым-Жомарт Токаев"),
    ("Жеңіс Қасымбек", "Женис Касымбек"),
    ("Исабаев Бейбит Оксикбаевич", "Бейбит Исабаев"),          # decree style: surname first, patronymic
    ("Туймебаев Жансейт Кансейтулы", "Жансейт Туймебаев"),
    ("Сарсенова Алия Маратовна", "Алия Сарсенова"),
])
def test_same_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [
    ("Берик Абдыгалиулы", "Берик Абдыгали"),                    # two words: -улы is the surname
    ("Серик Ахметов", "Серик Ахметов Маратович Второй"),
])
def test_other_key(a, b):
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize("a, b, near", [
    ("Бауыржан Нуркенов", "Бауржан Нуркенов", True),
    ("Ермаганбет Булекпаев", "Ермагамбет Булекпаев", True),
    ("Нуркенов Бауыржан", "Бауржан Нуркенов", True),
    ("Асет Исекешев", "Асан Исекешев", False),       # short first names: no edit allowed
    ("Марат Карабаев", "Марат Карабаев Иванович", True),          # a patronymic added
    ("Марат Карабаев", "Марат Карабаев Иван", False),
    ("Серик Ахметов", "Серик Ахмедов", True),
    ("Бейбут Исабаев", "Исабаев Бейбит Оксикбаевич", True),     # our reports and a decree
    ("Серик Ахметов", "Берик Ахметов", False),        # first letter differs
    ("Нурлан Жакупов", "Нуржан Жакипов", False),      # both words changed
])
def test_near_names(a, b, near):
    assert near_names(a, b) is near


@pytest.mark.parametrize("position, region, role, scope, organisation", [
    ("аким Карагандинской области", "Карагандинская область", "аким", "Карагандинская область",
     "акимат Карагандинской области"),
    ("исполняющий обязанности акима Туркестанской области", "Туркестанская область", "аким",
     "Туркестанская область", "акимат Туркестанской области"),
    ("Министр энергетики Республики Казахстан", None, "министр", "энергетики",
     "Министерство энергетики Республики Казахстан"),
    ("первый вице-министр финансов", None, "вице-министр", "финансов", "Министерство финансов"),
    ("Глава государства", None, "президент", "", None),
    ("Президент Республики Казахстан", None, "президент", "", None),
    ("Премьер-министр", None, "премьер-министр", "", "Правительство"),
    ("председатель правления АО «Самрук-Казына»", None, "председатель", "правления ао «самрук-казына»",
     "АО «Самрук-Казына»"),
])
def test_post_info(position, region, role, scope, organisation):
    info = post_info(position, region)
    assert (info.role, info.scope, info.organisation) == (role, scope, organisation)


def test_same_post():
    assert same_post(post_info("министр энергетики"), post_info("Министр энергетики РК"))
    assert same_post(post_info("аким"), post_info("аким Астаны", "город Астана"))
    assert not same_post(post_info("министр энергетики"), post_info("министр финансов"))
    assert not same_post(post_info("аким Астаны", "город Астана"), post_info("министр энергетики"))


@pytest.mark.parametrize("query, regions", [
    ("Карагандинская область", ["Карагандинская область"]),
    ("карагандинской", ["Карагандинская область"]),
    ("Карагандинской области", ["Карагандинская область"]),
    ("Караганда", ["Караганда", "Карагандинская область"]),     # a city stands for its oblast too
    ("Жетысу", ["область Жетісу"]),
    ("области Абай", ["область Абай"]),
    ("Нур-Султан", ["город Астана"]),
    ("ВКО", ["Восточно-Казахстанская область"]),
    ("Шымкента", ["город Шымкент"]),
    ("Мангист", ["Мангистауская область"]),                     # a beginning of the name
    ("область", []),
    ("Атлантида", []),
])
def test_resolve_region(query, regions):
    assert resolve_region(query) == regions
