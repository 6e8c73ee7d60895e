"""Meeting boundaries on real report shapes."""
import pytest

from extractor.meetings.split import meeting_spans
from extractor.text.segment import sentences


def meetings(text):
    spans = meeting_spans(text, sentences(text), 0, len(text))
    return [text[s:e].split()[0] for s, e in spans]


@pytest.mark.parametrize("text, firsts", [
    ("Президенту доложено о работе. Касым-Жомарт Токаев поручил усилить контроль.\n"
     "Далее Президент принял акима Карагандинской области. Аким доложил.", ["Президенту", "Далее"]),
    ("Глава государства принял министра.\nЗатем Глава государства встретился с акимом.", ["Глава", "Затем"]),
    ("Касым-Жомарт Токаев принял министра. Министр доложил.\n"
     "Также Глава государства принял министра просвещения. Министр проинформировал.", ["Касым-Жомарт", "Также"]),
    # a headline restating the reception belongs to the report under it
    ("Глава государства принял министра энергетики\nКасым-Жомарт Токаев принял министра энергетики. "
     "Министр доложил.", ["Глава"]),
    # one meeting, several reports in one paragraph: not split
    ("Президент провел совещание. Аким Алматы доложил. Аким Шымкента доложил.", ["Президент"]),
])
def test_boundaries(text, firsts):
    assert meetings(text) == firsts


def test_separate_meetings_each_paragraph():
    text = ("Касым-Жомарт Токаев провел отдельные встречи с акимами Жамбылской и Кызылординской областей.\n"
            "Аким Жамбылской области Ербол Карашукеев доложил об итогах.\n"
            "Аким Кызылординской области Нурлыбек Налибаев проинформировал о газификации.")
    assert meetings(text) == ["Аким", "Аким"]
