"""People named inside other names, and a name's original spelling in brackets (our own sentences)."""
import pytest

from extractor.entities.eponyms import eponym_people
from extractor.spans import Span


def people(text, known=()):
    spans = []
    for name in known:
        i = text.index(name)
        spans.append(Span(i, i + len(name), "person", name))
    found = eponym_people(text, spans)
    for s in found:
        assert text[s.start:s.end] == s.text
    return [(s.text, s.normal) for s in found]


@pytest.mark.parametrize("text, known, expected", [
    ("Он окончил университет имени аль-Фараби и институт имени А. М. Горького.", [],
     [("А. М. Горького", "А. М. Горький")]),
    ("Лауреат конкурса имени Петра Чайковского выступит в Астане.", [],
     [("Петра Чайковского", "Петр Чайковский")]),
    ("Спектакль покажут в театре им. Абая.", [], [("Абая", "Абай")]),
    ("Ассоциация имени Людвига ван Бетховена учредила премию.", [],
     [("Людвига ван Бетховена", "Людвиг ван Бетховен")]),
    ("Натуралист Стив Ирвин (Steve Irwin) погиб.", ["Стив Ирвин"], [("Steve Irwin", "Steve Irwin")]),
    ("Певица Кэсси Вулф (Кэссиди Вулф; Cassidy Wolf) выступила.", ["Кэсси Вулф"],
     [("Cassidy Wolf", "Cassidy Wolf")]),
])
def test_eponyms(text, known, expected):
    assert people(text, known) == expected


@pytest.mark.parametrize("text, known", [
    ("Театр имени Абая открылся.", ["Абая"]),                 # already a person mention
    ("Он говорил от имени правительства.", []),              # "от имени" + lowercase: no name
    ("Иван Петров (Казахстан) выступил.", ["Иван Петров"]),   # a country in brackets, not Latin
])
def test_no_eponym(text, known):
    assert people(text, known) == []
