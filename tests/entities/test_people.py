"""Person mentions grouped into entities; initials and Latin spellings."""
from extractor.entities.people import link_people, stem
from extractor.spans import Span


def person(text, phrase, normal, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    return Span(i, i + len(phrase), "person", phrase, normal=normal, source="ner")


def test_mentions_of_one_person_share_an_entity_and_missed_ones_are_added():
    text = ("Президент принял Жениса Касымбека. Женис Касымбек доложил. "
            "Касымбеку поручено. Касымбек ответил.")
    spans = [person(text, "Жениса Касымбека", "Женис Касымбек"),
             person(text, "Женис Касымбек", "Женис Касымбек"),
             person(text, "Касымбеку", "Касымбек")]
    out = link_people(text, spans)
    people = [s for s in out if s.type == "person"]
    assert len(people) == 4  # "Касымбек ответил" was found from the known surname
    assert {s.data["entity"] for s in people} == {"p1"}
    assert all(text[s.start:s.end] == s.text for s in people)


def test_lone_surname_takes_the_entity_form():
    text = "Касым-Жомарт Токаев принял министра. Токаева поблагодарили."
    out = link_people(text, [person(text, "Касым-Жомарт Токаев", "Касым-Жомарт Токаев"),
                             person(text, "Токаева", "Токаева")])
    assert [s.normal for s in out] == ["Касым-Жомарт Токаев", "Токаев"]


def test_initials_join_the_name():
    text = "Б.Обама охарактеризовал Дж.Коми. Е. Булекпаев доложил."
    out = link_people(text, [person(text, "Обама", "Обама")])
    assert {s.text for s in out} >= {"Б.Обама", "Е. Булекпаев"}


def test_latin_spelling_in_brackets():
    text = "министр Томас Шефер (Thomas Schäfer) заявил"
    out = link_people(text, [person(text, "Томас Шефер", "Томас Шефер")])
    assert [s.text for s in out] == ["Томас Шефер", "Thomas Schäfer"]


def test_different_people_stay_apart():
    text = "Алихан Смаилов и Ерлан Карин"
    out = link_people(text, [person(text, "Алихан Смаилов", "Алихан Смаилов"),
                             person(text, "Ерлан Карин", "Ерлан Карин")])
    assert len({s.data["entity"] for s in out}) == 2


def test_stem():
    assert stem("Касымбека") == stem("Касымбек") == "касымбек"
    assert stem("Токаевым") == "токаев"


def test_name_with_its_latin_spelling_in_brackets():
    from extractor.entities.people import transliterated_names

    text = ("считается 60-летний Модибо Сидибе (Modibo Sidibe). Айссата Хайдара Сиссе (Aissata Haidara Cisse)."
            " Ассошиэйтед Пресс (Associated Press)")
    found = [(s.text, s.normal) for s in transliterated_names(text, [])]
    assert found == [("Модибо Сидибе", "Модибо Сидибе"), ("Modibo Sidibe", "Modibo Sidibe"),
                     ("Айссата Хайдара Сиссе", "Айссата Хайдара Сиссе"),
                     ("Aissata Haidara Cisse", "Aissata Haidara Cisse")]


def test_ner_span_with_brackets_is_split():
    from extractor.entities.ner_mentions import ner_mentions
    from extractor.tag.ner import NerSpan

    text = "министр Томас Шефер (Thomas Schäfer) заявил; члену ХДС (Христианско-демократический союз) было"
    spans = ner_mentions(text, [NerSpan(8, 36, "PER"), NerSpan(51, 89, "ORG")])
    assert [(s.text, s.type) for s in spans] == [
        ("Томас Шефер", "person"), ("Thomas Schäfer", "person"),
        ("ХДС", "organization"), ("Христианско-демократический союз", "organization")]
