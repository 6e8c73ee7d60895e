"""Person mentions beyond what NER finds by itself: names inside names, names NER cut or
misread, given names and short surnames alone, Latin spellings (our own sentences)."""
import pytest

from extractor.entities.eponyms import eponym_people
from extractor.entities.ner_mentions import ner_mentions
from extractor.entities.name_repair import joined_names
from extractor.entities.people import link_people
from extractor.spans import Span
from extractor.tag.ner import NerSpan


def span(text, phrase, type="person", nth=0, source="ner"):
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    return Span(i, i + len(phrase), type, phrase, normal=phrase, source=source)


def people(spans):
    return [(s.text, s.normal) for s in sorted(spans, key=lambda s: s.start) if s.type == "person"]


# -- names inside names ---------------------------------------------------------------------
# (text, the facility/organisation span around the name, the person found with its normal form)
NAME_TAILS = [
    ("Пробка растянулась по улице Лобачевского до самого моста.", "улице Лобачевского",
     ("Лобачевского", "Лобачевский")),
    ("Рейс задержали в аэропорту Джона Кеннеди на два часа.", "аэропорту Джона Кеннеди",
     ("Джона Кеннеди", "Джон Кеннеди")),
    ("Эксперты Лаборатории Касперского нашли уязвимость.", "Лаборатории Касперского",
     ("Касперского", "Касперский")),
    ("Выставку открыли в музее Анны Ахматовой.", "музее Анны Ахматовой",
     ("Анны Ахматовой", "Анна Ахматова")),
]


@pytest.mark.parametrize("text, container, expected", NAME_TAILS)
def test_a_name_closing_a_facility_or_organisation_name(text, container, expected):
    kind = "organization" if container.startswith("Лаборатории") else "facility"
    found = eponym_people(text, [span(text, container, kind, source="grammar")])
    assert people(found) == [expected]
    assert all(s.data.get("eponym") for s in found)


@pytest.mark.parametrize("text, container", [
    ("Концерт прошел на площади Республики.", "площади Республики"),        # no name: a common noun
    ("Гости приехали в город Караганду.", "город Караганду"),                # a place, not a person
    ("Группа «Ляпис Трубецкой» дала концерт.", "«Ляпис Трубецкой»"),         # no noun the name depends on
])
def test_no_name_in_these_names(text, container):
    assert people(eponym_people(text, [span(text, container, "organization", source="grammar")])) == []


ADJECTIVES = [
    ("Ученая получила Нобелевскую премию по химии.", [("Нобелевскую", "Нобель")]),
    ("Туристы осмотрели Исаакиевский собор и сад.", []),          # Исаакий: a given name, not a surname
    ("Историки спорят о Сталинской конституции.", [("Сталинской", "Сталин")]),
    ("Делегация посетила Карагандинскую и Кировскую области.", []),  # places: Караганда, Киров
    ("Делегация посетила Ульяновский автозавод.", []),               # Ульяновск is a city
    ("Спортсмены готовятся к Олимпийским играм.", []),               # Олимпий: a given name only
    ("Лауреат нобелевской премии выступил.", []),                    # lowercase: an ordinary adjective
]


@pytest.mark.parametrize("text, expected", ADJECTIVES)
def test_an_adjective_made_from_a_surname(text, expected):
    assert people(eponym_people(text, [])) == expected


@pytest.mark.parametrize("text, expected", [
    ("Служба прошла в соборе Святого Петра при большом стечении людей.", [("Петра", "Петр")]),
    ("Ее доставили в больницу святой Марии.", [("Марии", "Мария")]),
    ("Праздник святого Патрика отмечают в марте.", [("Патрика", "Патрик")]),
    ("Святой источник находится за селом.", []),
])
def test_a_saint_is_a_person(text, expected):
    assert people(eponym_people(text, [])) == expected


@pytest.mark.parametrize("text, known, expected", [
    ("Генсек Антониу Гутерреш (порт. António Guterres) выступил.", "Антониу Гутерреш", ["António Guterres"]),
    ("Ведущий Ларри Кинг (Кинг) (Larry King) ушел с канала.", "Ларри Кинг", ["Larry King"]),
    ("Иван Петров (Казахстан) (Astana Motors) выступил.", "Иван Петров", []),   # a company, no spelling
])
def test_latin_spelling_after_a_note_or_another_spelling(text, known, expected):
    assert [s.text for s in eponym_people(text, [span(text, known)])] == expected


def test_eponyms_are_no_participants(pipeline):
    text = ("Астана, 5 мая. Глава государства принял лауреата Нобелевской премии мира Ивана Сергеева.\n"
            "Гость рассказал о работе фонда имени Абая.")
    record = pipeline(text, doc_id="e1")
    mentions = {m.text: m for m in record.mentions if m.type == "person"}
    assert "Нобелевской" in mentions and "Абая" in mentions
    assert [p.name for m in record.meetings for p in m.participants] == ["Иван Сергеев"]


# -- what NER cuts, misreads or misses ----------------------------------------------------------
@pytest.mark.parametrize("text, pieces, expected", [
    # surname first, NER took the surname and the rest apart
    ("Свидетелем выступила Ахметова Гульнара Сериковна из Павлодара.",
     ["Ахметова", "Гульнара Сериковна"], [("Ахметова Гульнара Сериковна", "Ахметова Гульнара Сериковна")]),
    ("Премию вручили Бекову Ерлану Маратовичу.",
     ["Бекову", "Ерлану Маратовичу"], [("Бекову Ерлану Маратовичу", "Беков Ерлан Маратович")]),
    # an owner in the genitive, then the person: two people
    ("Адвокат Ахметова Сергей Ким заявил о жалобе.", ["Ахметова", "Сергей Ким"],
     [("Ахметова", "Ахметова"), ("Сергей Ким", "Сергей Ким")]),
    ("Помощник Кима Ерлан Маратович выступил.", ["Кима", "Ерлан Маратович"],
     [("Кима", "Кима"), ("Ерлан Маратович", "Ерлан Маратович")]),
    # a line break between them: two lines, two names
    ("Ахметова\nГульнара Сериковна", ["Ахметова", "Гульнара Сериковна"],
     [("Ахметова", "Ахметова"), ("Гульнара Сериковна", "Гульнара Сериковна")]),
])
def test_pieces_of_one_name_are_joined(text, pieces, expected):
    assert people(joined_names(text, [span(text, p) for p in pieces])) == expected


@pytest.mark.parametrize("text, ner, kept", [
    ("Обсуждавшие пришли к общему мнению.", "Обсуждавшие", False),
    ("Надеюсь, решение примут скоро.", "Надеюсь", False),
    ("Впоследствии проект одобрили.", "Впоследствии", False),
    ("Надежда Иванова возглавила совет.", "Надежда Иванова", True),
    ("На концерте выступил Стинг.", "Стинг", True),                 # a noun may be a name
    ("Слуцкий ответил на вопросы.", "Слуцкий", True),              # a surname
    ("Хиллари выступила в Огайо.", "Хиллари", True),
    # a post with the adjective of its see is a post
    ("Он стал Патриархом Болгарским в марте.", "Патриархом Болгарским", False),
    ("Встречу провел Папа Римский.", "Папа Римский", False),
    ("Встречу провел Папа Франциск.", "Папа Франциск", True),
])
def test_words_of_the_language_are_no_names(text, ner, kept):
    i = text.index(ner)
    found = [s for s in ner_mentions(text, [NerSpan(i, i + len(ner), "PER")]) if s.type == "person"]
    assert bool(found) is kept


def test_a_surname_ner_read_as_a_place_joins_its_person():
    text = "Президент Милош Земан подписал указ. Действия Земана критикуют в парламенте."
    spans = [span(text, "Милош Земан"), span(text, "Земана", "region")]
    out = link_people(text, spans)
    assert [(s.text, s.type, s.normal) for s in sorted(out, key=lambda s: s.start)] == [
        ("Милош Земан", "person", "Милош Земан"), ("Земана", "person", "Земан")]
    assert len({s.data["entity"] for s in out}) == 1


def test_a_place_name_stays_a_place():
    text = "Сенатор Джон Вашингтон приехал. В Вашингтоне прошла встреча."
    spans = [span(text, "Джон Вашингтон"), span(text, "Вашингтоне", "region")]
    out = link_people(text, spans)
    assert [s.type for s in sorted(out, key=lambda s: s.start)] == ["person", "region"]


@pytest.mark.parametrize("text, names, added", [
    # a short surname, as written
    ("Боксер Мохаммед Али провел бой. Али победил в пятом раунде.", ["Мохаммед Али"], ["Али"]),
    # not after a word that is only a word of the language
    ("Фильм «Доктор Лиза» вышел. Лиза уехала.", ["Доктор Лиза"], []),
    # a given name alone, of the one person named in full with it
    ("Дочь политика Малия Обама поступила в вуз. Малия начнет учебу осенью.", ["Малия Обама"], ["Малия"]),
    # two people share the given name: nothing is added
    ("Ерлан Карин и Ерлан Нысанбаев выступили. Ерлан поблагодарил гостей.",
     ["Ерлан Карин", "Ерлан Нысанбаев"], []),
    # the given name starts another full name
    ("Эрик Шмидт ушел. Эрик Кантона остался.", ["Эрик Шмидт"], []),
])
def test_short_surnames_and_given_names_alone(text, names, added):
    out = link_people(text, [span(text, n) for n in names])
    assert [s.text for s in out if s.source == "coreference"] == added


@pytest.mark.parametrize("text, names, added", [
    ("Натуралист Стив Ирвин погиб в 2006 году. Шоу Steve Irwin показывали в 40 странах.",
     ["Стив Ирвин"], ["Steve Irwin"]),
    ("Пловчиха Юлия Ефимова вернется домой. Efimova plans to return home.", ["Юлия Ефимова"], ["Efimova"]),
    ("Ведущий Ларри Кинг перешел на новый канал, где выходит Larry King Now.", ["Ларри Кинг"], ["Larry King"]),
    # no spelling of the name: 'Obamacare' is longer, 'Volkswagen' names no one here
    ("Барак Обама отстаивал реформу Obamacare.", ["Барак Обама"], []),
    ("Завод Volkswagen в Вольфсбурге остановлен.", [], []),
])
def test_latin_spelling_of_a_person_named_in_cyrillic(text, names, added):
    out = link_people(text, [span(text, n) for n in names])
    latin = [s for s in out if s.source == "coreference" and s.text.isascii()]
    assert [s.text for s in latin] == added
    assert all(s.data["entity"] == "p1" for s in latin)


@pytest.mark.parametrize("text, names, expected", [
    # two surnames glued: the second belongs to the person named in full before
    ("Спикер Марат Сапаров и премьер Ержан Оспанов спорили. Спор Сапарова Оспанов прокомментировал.",
     ["Марат Сапаров", "Ержан Оспанов", "Сапарова Оспанов"], ["Сапарова", "Оспанов"]),
    # a noun of the language glued to the surname
    ("Актер Джеймс Гандольфини снялся в фильме. Карьера Гандольфини началась в театре.",
     ["Джеймс Гандольфини", "Карьера Гандольфини"], ["Гандольфини"]),
    # a relative: the given name stays with the surname
    ("Политик Барак Обама выступил. Мишель Обама поддержала его.",
     ["Барак Обама", "Мишель Обама"], ["Мишель Обама"]),
    # a given name that is also a place ('Алтай') is no noun of the language
    ("Брат Нурлан Кульгинов уехал. Аким Алтая Кульгинова поблагодарили.",
     ["Нурлан Кульгинов", "Алтая Кульгинова"], ["Алтая Кульгинова"]),
])
def test_names_ner_glued_together_come_apart(text, names, expected):
    last = text.index(names[-1])
    spans = [span(text, n) for n in names[:-1]] + [Span(last, last + len(names[-1]), "person", names[-1],
                                                         normal=names[-1], source="ner")]
    out = link_people(text, spans)
    assert [s.text for s in sorted(out, key=lambda s: s.start) if s.start >= last] == expected


@pytest.mark.parametrize("text, names, added", [
    # a surname after a particle, alone later
    ("Лидер группировки Айман аль-Завахири выступил с обращением. Завахири угрожал.",
     ["Айман аль-Завахири"], ["Завахири"]),
    # э and е spell one sound in transcribed names
    ("Генерал Дэвид Петрэус ушел в отставку. Петреус признал ошибку.", ["Дэвид Петрэус"], ["Петреус"]),
])
def test_surname_spelling_variants(text, names, added):
    out = link_people(text, [span(text, n) for n in names])
    assert [s.text for s in out if s.source == "coreference"] == added


@pytest.mark.parametrize("text, added", [
    ("На церемонии была вдова Арафата в черном.", ["Арафата"]),
    ("Мать Ксении узнала об этом последней.", ["Ксении"]),
    ("Сын Абая стал поэтом.", []),                       # Абай is a place too: left to NER
    ("Брат Пожарного не пришел.", []),                   # no name
])
def test_a_name_after_a_kinship_noun(text, added):
    out = link_people(text, [])
    assert [s.text for s in out if s.type == "person"] == added


@pytest.mark.parametrize("text, ner, expected", [
    # initials after the surname, as official lists write them
    ("Список утвердил аким района Сапаров Е. Б., с ним согласны все.", ["Сапаров"], [("Сапаров Е. Б.", "Сапаров Е. Б.")]),
    ("Поручение дано Бекову А. С. и его заместителям.", ["Бекову", "А. С."], [("Бекову А. С.", "Беков А. С.")]),
    ("Приказ подписал Оспанов К. А.", [], [("Оспанов К. А.", "Оспанов К. А.")]),
    # initials before the next name are that name's
    ("Выступили Иванов и Петров А. Смирнов тоже пришел.", ["Иванов", "Петров"],
     [("Иванов", "Иванов"), ("Петров", "Петров"), ("А. Смирнов", "А. Смирнов")]),
])
def test_initials_after_the_surname(text, ner, expected):
    out = link_people(text, [span(text, n) for n in ner])
    assert people(out) == expected


@pytest.mark.parametrize("text, ner, kept", [
    ("Маслихаты Шымкента и Тараза соберутся завтра.", "Маслихаты Шымкента", False),   # a body of a city
    ("Слово взял Нурлан Тараз из Шымкента.", "Нурлан Тараз", True),                     # a given name first
])
def test_a_name_ending_in_a_place_with_no_name_before_it(text, ner, kept):
    from extractor.entities.regions import merge_places, place_mentions
    from extractor.text.segment import blocks, sentences

    places = place_mentions(text, blocks(text, sentences(text)))
    out = merge_places([span(text, ner)], places, text)
    assert any(s.type == "person" and s.text == ner for s in out) is kept


# -- capitals and two people in one span (regional papers, talks named in passing) -----------
@pytest.mark.parametrize("text, folded", [
    ("аким области Кумар АКСАКАЛОВ встретился", "аким области Кумар Аксакалов встретился"),
    ("потребовал от Булата ЖУМАБЕКОВА", "потребовал от Булата Жумабекова"),
    ("на сайте акимата ЗКО и МВД", "на сайте акимата ЗКО и МВД"),      # abbreviations stay
    ("Агентство КАЗИНФОРМ сообщает", "Агентство КАЗИНФОРМ сообщает"),  # no surname ending
    ("Асель ТОКАЕВА-ИСКАКОВА", "Асель Токаева-Искакова"),
])
def test_capital_surnames_fold_for_ner(text, folded):
    from extractor.tag.ner import fold_caps_surnames

    out = fold_caps_surnames(text)
    assert out == folded and len(out) == len(text)


def test_two_people_ner_read_as_one():
    from extractor.entities.name_repair import two_people

    text = ("Госсекретарь Ерлан Карин принял послов. Во время беседы с послом Малайзии Ахмадом Рослином "
            "Ерлан Карин отметил интерес к образованию.")
    spans = [span(text, "Ерлан Карин"), span(text, "Ахмадом Рослином Ерлан Карин")]
    spans[0] = Span(spans[0].start, spans[0].end, "person", "Ерлан Карин", normal="Ерлан Карин", source="ner")
    assert people(two_people(text, spans)) == [
        ("Ерлан Карин", "Ерлан Карин"), ("Ахмадом Рослином", "Ахмад Рослин"), ("Ерлан Карин", "Ерлан Карин")]
    # a full name with a patronymic is one person, not two
    text = "Приняла Зою Антоновну Суркову. Зоя Суркова доложила."
    whole = [span(text, "Зою Антоновну Суркову"), span(text, "Зоя Суркова")]
    assert people(two_people(text, whole))[0][0] == "Зою Антоновну Суркову"


@pytest.mark.parametrize("text, ner, expected", [
    # a site's rubric glued before the headline
    ("Топ-100 Токаеву доложили о ходе посевной", "Топ-100 Токаеву", [("Токаеву", "Токаев")]),
    ("ТОП-5 Ерлан Карин принял послов", "ТОП-5 Ерлан Карин", [("Ерлан Карин", "Ерлан Карин")]),
    # nothing but the number: no person
    ("Топ-100 новостей недели", "Топ-100", []),
    # no digit: as found
    ("Ерлан Карин принял послов", "Ерлан Карин", [("Ерлан Карин", "Ерлан Карин")]),
])
def test_a_word_with_a_digit_is_no_part_of_a_name(text, ner, expected):
    from extractor.entities.name_repair import no_digits

    assert people(no_digits(text, [span(text, ner)])) == expected


# the case a name takes in context: most of its words', a tie to the surname's
@pytest.mark.parametrize("cases, case", [
    (["Nom", "Gen"], "Gen"),
    (["Gen", "Nom"], "Nom"),
    (["Gen", "Gen", "Nom"], "Gen"),
    (["Dat"], "Dat"),
    ([], None),
])
def test_majority_case(cases, case):
    from extractor.entities.people import majority_case

    assert majority_case(cases) == case
