"""Facilities: head noun, modifiers, purpose, scope, names and routes."""
import pytest

from extractor.entities.facilities import extract_facilities
from extractor.text.segment import blocks, sentences


def facilities(text):
    found = extract_facilities(text, blocks(text, sentences(text)))
    for s in found:
        assert text[s.start:s.end] == s.text
    return [(s.normal, s.data["kind"]) for s in found]


@pytest.mark.parametrize("text, normal, kind", [
    ("о строительстве насосно-фильтровальной станции (НФС-3)", "насосно-фильтровальная станция (НФС-3)", "station"),
    ("о строительстве газовых тепловых станций", "газовые тепловые станции", "station"),
    ("строительство теплоэлектроцентрали", "теплоэлектроцентраль", "power_plant"),
    ("Запланировано строительство горно-обогатительного комбината", "горно-обогатительный комбинат", "plant"),
    ("строительство завода по производству ветряных электростанций",
     "завод по производству ветряных электростанций", "plant"),
    ("строительство международного грузопассажирского аэропорта", "международный грузопассажирский аэропорт", "airport"),
    ("завершена реконструкция взлетно-посадочной полосы аэропорта Ушарал",
     "взлетно-посадочная полоса аэропорта Ушарал", "runway"),
    ("реконструкция автодороги Алматы – Усть-Каменогорск – Лепсы – Актогай",
     "автодорога Алматы – Усть-Каменогорск – Лепсы – Актогай", "road"),
    ("завершена реконструкция автодороги Лепсы – побережье озера Балхаш",
     "автодорога Лепсы – побережье озера Балхаш", "road"),
    ('разработан генплан туристско-рекреационной зоны "Балхаш"', 'туристско-рекреационная зона "Балхаш"', "zone"),
    ('строительство индустриального парка «Астана»', "индустриальный парк «Астана»", "park"),
    ("введена в эксплуатацию Экибастузская ГРЭС-3", "Экибастузская ГРЭС-3", "power_plant"),
    ("построена новая школа на 1200 мест", "новая школа", "school"),
    ("открыта многопрофильная больница", "многопрофильная больница", "hospital"),
    ("строительство моста через Иртыш", "мост", "bridge"),
    ("ввод детского сада", "детский сад", "kindergarten"),
    ("реконструкция ТЭЦ-2", "ТЭЦ-2", "power_plant"),
])
def test_facilities(text, normal, kind):
    assert (normal, kind) in facilities(text)


@pytest.mark.parametrize("text", [
    "он провел неделю в больнице",            # a place in a story, not a project
    "в 1975 году окончил среднюю школу",
    "развитии жилых массивов",                # a kind of thing, not one facility
    "станции зрения",
])
def test_not_facilities(text):
    assert facilities(text) == []


# named places in news (NEREL-style): names, capitalised modifiers, Latin names, lists
@pytest.mark.parametrize("text, normal, kind", [
    ("Показы состоятся в кинотеатрах «Звезда», «Космос» и «Юность».", "кинотеатр «Космос»", "cinema"),
    ("Показы состоятся в кинотеатрах «Звезда», «Космос» и «Юность».", "кинотеатр «Юность»", "cinema"),
    ("Оркестр выступит в нью-йоркском Карнеги-холле.", "Карнеги-холл", "hall"),
    ("Моряк с фотографии «Поцелуй на Таймс-сквер» умер.", "Таймс-сквер", "park"),
    ("Премьер живёт на Даунинг-стрит.", "Даунинг-стрит", "street"),
    ("В аэропорту Мехрабад его встречали официальные лица.", "аэропорт Мехрабад", "airport"),
    ("Инцидент имел место на улице Михаила Грушевского в 14:06.", "улица Михаила Грушевского", "street"),
    ("Губернатор попросил передать Исаакиевский собор в ведение церкви.", "Исаакиевский собор", "church"),
    ("Матч пройдёт на Минск-арене в субботу.", "Минск-арена", "stadium"),
    ("В калифорнийской синагоге при стрельбе погиб человек.", "калифорнийская синагога", "synagogue"),
    ("Огонь направлялся в сторону Чернобыльской АЭС.", "Чернобыльская АЭС", "power_plant"),
    ("Сёла рядом с АЭС были уничтожены.", "АЭС", "power_plant"),
    ("Центр имени Алмазова (Санкт-Петербург, ул. Аккуратова, 2).", "ул. Аккуратова", "street"),
    ("Он поцеловал её руки в шанхайском торговом центре L’Avenue Mall.",
     "шанхайский торговый центр L’Avenue Mall", "center"),
    ("Лисов находится в тюрьме ''Brians'' в Каталонии.", "тюрьма ''Brians''", "prison"),
    ("Флаг в штаб-квартире МАГАТЭ в Вене приспустят.", "штаб-квартира МАГАТЭ", "building"),
    ("Вестибюль станции московского метро закрыт.", "станция московского метро", "station"),
])
def test_named_facilities(text, normal, kind):
    assert (normal, kind) in facilities(text)


@pytest.mark.parametrize("text", [
    "пользователей информационно-телекоммуникационной сети «Интернет»",  # a network, not a built one
    "беспорядки в центре Харькова",                                      # a city centre
    "сюжет показали на Первом канале",                                   # a TV channel
    "она умерла в больнице Сингапура",                                   # a place says where, not which
    "Главная новость. Новая школа",                                      # capital only at a sentence start
])
def test_not_named_facilities(text):
    from extractor.spans import Span

    places = [Span(text.index(w), text.index(w) + len(w), "region", w, source="gazetteer")
              for w in ("Сингапура", "Харькова") if w in text]
    found = extract_facilities(text, blocks(text, sentences(text)), places)
    assert found == []


@pytest.mark.parametrize("text, facility, gone, kept", [
    # an NER place in the nominative after the head is the facility's name
    ("В аэропорту Мехрабад его встречали официальные лица.", "аэропорту Мехрабад", "Мехрабад", None),
    # a genitive place only says where the facility is: it stays a place, outside the street
    ("Он жил на Молодогвардейской улице Москвы.", "Молодогвардейской улице", None, "Москвы"),
    # an institution's head gives way to the organisation NER found
    ("Он сыграл на сцене Мариинского театра.", None, None, "Мариинского театра"),
    # a person in an oblique case after the head names it; a nominative one does not
    ("Его задержали в аэропорту Джона Кеннеди в Нью-Йорке.", "аэропорту Джона Кеннеди", None, "Джона Кеннеди"),
])
def test_facilities_in_the_pipeline(pipeline, text, facility, gone, kept):
    mentions = {(m.type, m.text) for m in pipeline(text).mentions}
    texts = {t for _, t in mentions}
    if facility:
        assert ("facility", facility) in mentions
    else:
        assert not any(t == "facility" for t, _ in mentions)
    if gone:
        assert gone not in texts
    if kept:
        assert kept in texts
