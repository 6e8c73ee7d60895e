"""The holder of a post named right after it, where the parse does not hang the name
under the post: past a quoted body name, after an indeclinable given name, after the
second of two posts joined by "и" (one official, two posts).  Shapes seen in
Nazarbayev-era releases, in our own words."""
import pytest

from extractor.meetings.compound import APPOSITION, AND


@pytest.mark.parametrize("text, name, position", [
    # a quoted body name between the post and the name
    ("Нурсултан Назарбаев встретился с директором Национального центра космических исследований "
     "Республики Казахстан «Гарыш» Маратом Нургалиевым.",
     "Марат Нургалиев",
     "директор Национального центра космических исследований Республики Казахстан «Гарыш»"),
    # two posts joined by "и" right before one name
    ("Нурсултан Назарбаев встретился с председателем совета директоров и главным исполнительным "
     "директором корпорации «Тау Кен» Самуэлем Грином.",
     "Самуэль Грин",
     "председатель совета директоров и главный исполнительный директор корпорации «Тау Кен»"),
    ("Президент Казахстана Нурсултан Назарбаев принял председателя совета директоров и президента "
     "компании «Алтын Дала» Сергея Абрамова.",
     "Сергей Абрамов", "председатель совета директоров и президент компании «Алтын Дала»"),
    # a meeting named in passing; the given name does not decline, the surname does
    ("Об этом сообщил Нурсултан Назарбаев в ходе встречи с акимом Кызылординской области "
     "Бекболды Жумабаевым.",
     "Бекболды Жумабаев", "аким Кызылординской области"),
])
def test_holder_after_post(pipeline, text, name, position):
    [meeting] = pipeline(text).meetings
    [person] = meeting.participants
    assert (person.name, person.position) == (name, position)


def test_and_inside_a_scope_is_no_second_post(pipeline):
    # "и" then a genitive that is no post: the scope goes on, one post
    text = "Нурсултан Назарбаев принял министра энергетики и минеральных ресурсов Владимира Школьника."
    [meeting] = pipeline(text).meetings
    [person] = meeting.participants
    assert person.position == "министр энергетики и минеральных ресурсов"


@pytest.mark.parametrize("gap, quoted", [
    (" ", None), (" «Сырбар» ", "«Сырбар»"), (' "Самрук-Казына" ', '"Самрук-Казына"'),
])
def test_apposition_gap(gap, quoted):
    m = APPOSITION.fullmatch(gap)
    assert m is not None and m.group("quoted") == quoted


@pytest.mark.parametrize("gap, ok", [(" и ", True), ("\u00a0и ", True), (", ", False), (" или ", False)])
def test_and_gap(gap, ok):
    assert bool(AND.fullmatch(gap)) == ok
