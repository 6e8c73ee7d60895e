"""A foreign head of state or government who receives one of ours hosts the meeting:
named as the text names him (nominative), with his post; a title with no name in the
text stays unnamed (no name is assumed, nor the President of Kazakhstan of the day)."""
import datetime as dt

import pytest

from extractor.meetings.host import foreign_country, foreign_kind, title_kind

T = "Касым-Жомарт Токаев"


@pytest.mark.parametrize("post, kind, country", [
    ("Президент России", "president", "Россия"),
    ("Президент РФ", "president", "Россия"),
    ("Премьер-министр Турции", "head_of_government", "Турция"),
    ("Федеральный канцлер Германии", "head_of_government", "Германия"),
    ("Председатель КНР", "president", "Китай"),
    ("Президент Республики Узбекистан", "president", "Узбекистан"),
    # ours, or no country, or no head's title: no foreign head
    ("Президент Казахстана", None, None),
    ("Президент", None, None),
    ("канцлер", None, None),
    ("министр иностранных дел России", None, "Россия"),
])
def test_foreign_titles(post, kind, country):
    assert foreign_kind(post) == kind
    assert foreign_country(post) == country
    if kind is not None:
        assert title_kind(post) is None  # never one of our hosts


@pytest.mark.parametrize("text, host, position, participants", [
    # title + name before the verb
    ("Президент России Владимир Путин принял Президента Казахстана Касым-Жомарта Токаева. "
     "Стороны обсудили строительство новых газопроводов.",
     "Владимир Путин", "Президент России", [(T, "Президент Казахстана")]),
    # a head of government, "провел встречу с"
    ("Премьер-министр Турции Бинали Йылдырым провел встречу с Премьер-министром Казахстана "
     "Бакытжаном Сагинтаевым. Обсуждались авиаперевозки.",
     "Бинали Йылдырым", "Премьер-министр Турции", [("Бакытжан Сагинтаев", "Премьер-министр Казахстана")]),
    # our President received BY someone abroad: the passive's instrumental agent receives
    ("Касым-Жомарт Токаев был принят Президентом Франции Эммануэлем Макроном.",
     "Эммануэль Макрон", "Президент Франции", [(T, "Президент Республики Казахстан")]),
    # the title receives; the text names its holder in another sentence (same title, other spelling)
    ("Президент России принял Президента Казахстана Касым-Жомарта Токаева. Как заявил Президент РФ "
     "Владимир Путин, товарооборот двух стран растет.",
     "Владимир Путин", "Президент России", [(T, "Президент Казахстана")]),
    # titles found only abroad (data/heads_of_state.tsv "abroad" lines)
    ("Федеральный канцлер Германии Олаф Шольц принял министра иностранных дел Казахстана Мурата Нуртлеу.",
     "Олаф Шольц", "Федеральный канцлер Германии", [("Мурат Нуртлеу", "министр иностранных дел Казахстана")]),
    ("Председатель КНР Си Цзиньпин принял Касым-Жомарта Токаева.",
     "Си Цзиньпин", "Председатель КНР", [(T, "Президент Республики Казахстан")]),
    # a bare title, no name anywhere: none assumed
    ("Президент Франции принял Президента Казахстана Касым-Жомарта Токаева. Обсуждались поставки урана.",
     None, "Президент Франции", [(T, "Президент Казахстана")]),
])
def test_foreign_head_hosts(pipeline, text, host, position, participants):
    [meeting] = pipeline(text, published=dt.date(2024, 6, 1)).meetings
    assert meeting.host.name == host
    assert meeting.host.position == position
    assert not meeting.host.name_inferred
    got = [(p.name, p.position) for p in meeting.participants]
    for name, post in participants:
        assert any(n == name and (post is None or p == post) for n, p in got), got


@pytest.mark.parametrize("text", [
    # a foreign head receiving his own officials is no meeting of ours
    "Президент России Владимир Путин принял губернатора Омской области Виталия Хоценко.",
    "Премьер-министр Турции Бинали Йылдырым провел встречу с мэром Стамбула.",
    # a passive that receives no one
    "Закон был принят Мажилисом в первом чтении.",
])
def test_no_meeting_of_ours(pipeline, text):
    assert pipeline(text, published=dt.date(2024, 6, 1)).meetings == []


def test_our_hosts_unchanged(pipeline):
    """Our President meeting a foreign one still hosts, named by the text."""
    [meeting] = pipeline("Касым-Жомарт Токаев встретился с Президентом Франции Эммануэлем Макроном.",
                         published=dt.date(2024, 6, 1)).meetings
    assert meeting.host.name == T
    # a foreign head's title keeps its capital, like our heads' titles
    assert [(p.name, p.position) for p in meeting.participants] == [("Эммануэль Макрон", "Президент Франции")]
