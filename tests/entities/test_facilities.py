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
    # a working visit: the plant toured is an object of the report, named or not
    ("Глава государства посетил сахарный завод в Меркенском районе.", "сахарный завод", "plant"),
    ("В Актау Президент осмотрел новый опреснительный завод.", "новый опреснительный завод", "plant"),
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


# Kazakh regional news shapes (own wording): projects named by route, quotes, eponyms, cities
@pytest.mark.parametrize("text, normal, kind", [
    ("Аким осмотрел ход реконструкции аэропорта Балхаша.", "аэропорт Балхаша", "airport"),
    ("Завершено благоустройство сквера имени Коркыт ата в областном центре.",
     "сквер имени Коркыт", "park"),
    ("Начался ремонт проспекта «30 лет Независимости» в Таразе.", "проспект «30 лет Независимости»", "street"),
    ("Ведется реконструкция автодорог «Кызылорда – Жезказган» и «Бейнеу – Сексеул».",
     "автодороги «Кызылорда – Жезказган»", "road"),
    ("Ведется реконструкция автодорог «Кызылорда – Жезказган» и «Бейнеу – Сексеул».",
     "автодорога «Бейнеу – Сексеул»", "road"),
    ("В Шымкенте установят памятник поэту Абаю Кунанбаеву.", "памятник поэту Абаю Кунанбаеву", "monument"),
    ("К реставрации мавзолея в честь Ходжи Ахмеда Ясави приступят весной.",
     "мавзолей в честь Ходжи Ахмеда Ясави", "monument"),
    ("Пожар произошёл в подъезде дома 14 по улице Сатпаева.", "дом 14", "building"),
    ("Аллею назвали «Аллеей Славы Победы».", "Аллея Славы Победы", "street"),
    ("Строительство трех ТЭЦ обсудили в правительстве.", "ТЭЦ", "power_plant"),
    ("Взрыв прогремел в нью-йоркском метро утром.", "нью-йоркское метро", "transit"),
    ("В жилом массиве «Самал» построят школу на 900 мест.", "школа", "school"),
    ("В Экибастузе открыли памятник в честь шахтеров региона.", "памятник в честь шахтеров региона", "monument"),
    ("Введена в эксплуатацию подстанция «Шу-Север» мощностью 500 МВт.", "подстанция «Шу-Север»", "substation"),
    ("Идёт строительство ЛЭП «Экибастуз – Шульбинск».", "ЛЭП «Экибастуз – Шульбинск»", "power_line"),
    ("Уровень Бухтарминского водохранилища поднялся.", "Бухтарминское водохранилище", "reservoir"),
    ("Звезду актрисы заложили на Аллее славы в центре города.", "Аллея славы", "street"),
    ("Пациентов перевели во 2-ю городскую больницу Караганды.", "2-я городская больница Караганды", "hospital"),
])
def test_regional_facilities(text, normal, kind):
    assert (normal, kind) in facilities(text)


def _places(text, *words):
    from extractor.spans import Span
    return [Span(text.index(w), text.index(w) + len(w), "region", w, source="ner") for w in words]


@pytest.mark.parametrize("text, places", [
    ("Пациента перевезли в одну из больниц Караганды.", ["Караганды"]),       # plural: one of many
    ("Он скончался в больнице Бишкека после долгой болезни.", ["Бишкека"]),   # a city says where
    ("Снег убирали на улицах Атырау всю ночь.", ["Атырау"]),
    ("Туристы фотографируют мосты через реку.", []),                          # kinds, not one object
    ("Сотрудники станции восстановили подачу тепла.", []),                    # no name, no project
    ("Интервью дал директор Жезказганского медеплавильного завода.", []),     # the body that runs it
    ("Интервью дал директор музея «Алжир».", []),
    ("В 1990 году он окончил школу № 12 в Таразе.", []),                      # where one studied
    ("Логотип «Наш дом Казахстан» утвердили вчера.", []),                     # a name of something else
    ("В зоне 10 километров от полигона нет жилья.", []),                      # a number is a quantity
    ("Министр вернулся к работе в офисе 27 апреля.", []),                     # a date, not an address
    ("Стрелок открыл огонь в школе на окраине.", []),                         # opening fire builds nothing
    ("Поставки по этому газопроводу начнутся весной.", []),                   # a reference back
    ("Он ожидал суда в следственном изоляторе.", []),                         # no name: a story's place
    ("Его содержали в тюрьме города Каскелен, где он провел год.", []),       # a town says where
    ("Ветераны жили в доме в Сан-Франциско много лет.", []),                  # not a route "Сан – Франциско"
])
def test_not_facilities_in_news(text, places):
    found = extract_facilities(text, blocks(text, sentences(text)), _places(text, *places))
    assert found == []


@pytest.mark.parametrize("text, facility", [
    # a street named after a person keeps its genitive name: it is not a place
    ("Ремонт улицы Лобачевского завершат к осени.", "улицы Лобачевского"),
    # a building's address number names it
    ("Крыша дома 19/38 обрушилась ночью.", "дома 19/38"),
])
def test_named_by_genitive_or_number(text, facility):
    found = extract_facilities(text, blocks(text, sentences(text)), _places(text, "Лобачевского")
                               if "Лобачевского" in text else [])
    assert facility in [s.text for s in found]


@pytest.mark.parametrize("text, facility, organization", [
    # an NER organisation headed by a structure noun is the structure
    ("Служба прошла в Вознесенском кафедральном соборе Алматы.", "Вознесенском кафедральном соборе", None),
    # a Latin name that ends in a structure word is a facility whatever NER called it
    ("Новый каток открыли в торговом центре Esentai Mall.", "Esentai Mall", None),
    # a person's name in an oblique case after the head names it, even when it has no other form
    ("Бутылку нашли при обыске в доме Чарли Роули утром.", "доме Чарли Роули", None),
    # an NER facility that is the complement of a post is the body behind it
    ("Об этом заявил пресс-секретарь Белого дома.", None, "Белого дома"),
])
def test_structures_and_bodies_in_the_pipeline(pipeline, text, facility, organization):
    mentions = {(m.type, m.text) for m in pipeline(text).mentions}
    if facility:
        assert ("facility", facility) in mentions
    if organization:
        assert ("organization", organization) in mentions
        assert not any(t == "facility" and organization in x for t, x in mentions)


def test_quoted_name_of_a_structure_is_no_body(pipeline):
    """'на стадионе Астаны «Барыс Арена»': the quoted name belongs to the stadium, so an NER
    organisation over it goes; a plant's quoted name stays the company NER found."""
    text = "Финал пройдёт на новом стадионе Астаны «Барыс Арена» в субботу."
    mentions = [(m.type, m.text) for m in pipeline(text).mentions]
    assert any(t == "facility" and "Барыс Арена" in x for t, x in mentions)
    assert ("organization", "Барыс Арена") not in mentions


@pytest.mark.parametrize("text, names", [
    # a Latin transcription in brackets is the same facility in its own script, a mention of its own
    ("Сцена случилась на улице Монсиньи (rue Monsigny) вечером.", ["улице Монсиньи", "rue Monsigny"]),
    ("Концерт прошёл в зале Королевской филармонии (Royal Philharmonic Hall) в Лондоне.",
     ["зале Королевской филармонии", "Royal Philharmonic Hall"]),
])
def test_latin_transcription(text, names):
    found = [s.text for s in extract_facilities(text, blocks(text, sentences(text)))]
    assert found == names
