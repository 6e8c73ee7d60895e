"""A double post joined by a spaced dash is the official's whole position; NEREL-style
mentions stay one per post."""
import pytest

from extractor.meetings.compound import JOIN

POST = "заместитель Премьер-Министра – Министр сельского хозяйства"


@pytest.mark.parametrize("text, position", [
    ("Президент принял заместителя Премьер-Министра – Министра сельского хозяйства Ербола Карашукеева.", POST),
    ("Президент принял заместителя Премьер-Министра — Министра сельского хозяйства Ербола Карашукеева.", POST),
    ("Президент принял заместителя Премьер-Министра - Министра сельского хозяйства Ербола Карашукеева.", POST),
    # three posts in a chain
    ("Президент принял заместителя Премьер-Министра – Министра иностранных дел – руководителя "
     "рабочей группы Мурата Нуртлеу.",
     "заместитель Премьер-Министра – Министр иностранных дел – руководитель рабочей группы"),
    # the official who reports, with his double post
    ("Касым-Жомарт Токаев провел совещание по ходу сева. Заместитель Премьер-Министра – Министр "
     "сельского хозяйства Ербол Карашукеев доложил Главе государства о ходе сева.", POST),
    # a hyphen inside a word joins nothing
    ("Президент принял вице-министра энергетики Ерлана Акбарова.", "вице-министр энергетики"),
])
def test_whole_double_post(pipeline, text, position):
    [meeting] = pipeline(text).meetings
    [person] = meeting.participants
    assert person.position == position
    # every half is still a mention of its own, quoting the text
    doc = pipeline(text)
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
        assert not JOIN.search(m.text) or m.type != "position"


@pytest.mark.parametrize("gap, joins", [
    (" – ", True), (" — ", True), (" - ", True), ("\u00a0– ", True),
    ("-", False), ("–", False), (", ", False), (" и ", False),
])
def test_join(gap, joins):
    assert bool(JOIN.fullmatch(gap)) == joins
