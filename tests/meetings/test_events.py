"""One table per event kind, real sentence shapes (our own words): what the parse
makes of them, through the whole pipeline."""
import pytest


def meetings(pipeline, text, published=None):
    return pipeline(text, published=published).meetings


@pytest.mark.parametrize("text, kind, host, names", [
    ("Президент Казахстана Нурсултан Назарбаев принял акима Атырауской области Даниала Ахметова и акима "
     "Павлодарской области Болата Бакауова.", "reception", "Нурсултан Назарбаев", [["Даниал Ахметов"], ["Болат Бакауов"]]),
    ("Глава государства встретился с акимом Туркестанской области Дарханом Сатыбалды.", "reception",
     "Касым-Жомарт Токаев", [["Дархан Сатыбалды"]]),
    ("В Акорде состоялась встреча Главы государства с акимом Акмолинской области Ермеком Маржикпаевым.",
     "reception", "Касым-Жомарт Токаев", [["Ермек Маржикпаев"]]),
    ("ГЛАВА ГОСУДАРСТВА ПРИНЯЛ ВИЦЕ-МИНИСТРА\nВ Акорде состоялась встреча Главы государства Нурсултана Назарбаева с "
     "заместителем Премьер-Министра Бакытжаном Сагинтаевым.", "reception", "Нурсултан Назарбаев",
     [["Бакытжан Сагинтаев"]]),
    ("Премьер-министр Олжас Бектенов принял акима Жамбылской области Ербола Карашукеева.", "reception",
     "Олжас Бектенов", [["Ербол Карашукеев"]]),
    ("Касым-Жомарт Токаев заслушал отчет министра финансов Мади Такиева.", "reception", "Касым-Жомарт Токаев",
     [["Мади Такиев"]]),
    ("Президент по телефону заслушал доклад акима Костанайской области Кумара Аксакалова.", "call",
     "Касым-Жомарт Токаев", [["Кумар Аксакалов"]]),
    ("Касым-Жомарт Токаев провел совещание по вопросам энергетики. Министр энергетики Алмасадам Саткалиев доложил "
     "о ремонте станций.", "meeting", "Касым-Жомарт Токаев", [["Алмасадам Саткалиев"]]),
    ("Под председательством Главы государства прошло совещание по подготовке к зиме. С докладом выступил "
     "министр энергетики Ерлан Аккенженов.", "meeting", "Касым-Жомарт Токаев", [["Ерлан Аккенженов"]]),
    ("В ходе рабочей поездки Глава государства посетил сахарный завод. Аким Жамбылской области Ербол Карашукеев "
     "доложил о сезоне.", "visit", "Касым-Жомарт Токаев", [["Ербол Карашукеев"]]),
    ("Глава государства прибыл с рабочей поездкой в Абайскую область.", "visit", "Касым-Жомарт Токаев", [[]]),
    ("Президент прилетел в Кызылординскую область с рабочей поездкой. В аэропорту Главу государства встретил "
     "аким области Нурлыбек Налибаев.", "visit", "Касым-Жомарт Токаев", [["Нурлыбек Налибаев"]]),
])
def test_event_kinds(pipeline, text, kind, host, names):
    got = meetings(pipeline, text, "2024-05-01")
    assert [m.kind for m in got] == [kind] * len(names)
    assert [m.host.name for m in got] == [host] * len(names)
    assert [[p.name for p in m.participants] for m in got] == names


@pytest.mark.parametrize("text", [
    "Касым-Жомарт Токаев посетил финальный матч Кубка Казахстана по футболу и поздравил победителей.",
    "Президент принял участие в торжественном собрании, посвященном Дню Независимости.",
    "Указом Главы государства Нурлан Ногаев назначен акимом Мангистауской области. Правительству поручено "
    "принять меры.",
    "По данным Бюро национальной статистики, инфляция в январе составила 0,9%.",
    "В ближайшие дни в северных областях ожидается снег, сообщает Казгидромет.",
    # an arrival is a visit only on a working trip: a state visit abroad is talks, not a trip
    "Президент Казахстана прибыл в Баку с государственным визитом. В аэропорту его встретил премьер-министр "
    "Азербайджана.",
    "Делегация инвесторов прибыла с рабочей поездкой в Павлодарскую область.",
])
def test_no_event_no_meeting(pipeline, text):
    assert meetings(pipeline, text, "2024-05-01") == []


@pytest.mark.parametrize("text, published, name, inferred", [
    ("Глава государства принял министра энергетики Каната Бозумбаева.", "2018-05-06", "Нурсултан Назарбаев", True),
    ("Глава государства принял министра энергетики Алмасадама Саткалиева.", "2024-05-06", "Касым-Жомарт Токаев", True),
    ("Глава государства принял министра энергетики Алмасадама Саткалиева.", None, None, False),
    # the title resolves to the President the report names, even where NER missed the name
    ("Мемлекет басшысы принял министра энергетики Алмасадама Саткалиева.\nКасым-Жомарт Токаев поручил "
     "подготовить котельные к зиме заранее.", None, "Касым-Жомарт Токаев", False),
    ("Первый Президент Казахстана – Елбасы Нурсултан Назарбаев встретился с акимом Акмолинской области Ермеком "
     "Маржикпаевым.", "2019-08-14", "Нурсултан Назарбаев", False),
])
def test_hosts_in_any_era(pipeline, text, published, name, inferred):
    [m] = meetings(pipeline, text, published)
    assert m.host.name == name and m.host.name_inferred is inferred
    assert m.host.position  # the post is kept even when no name is known


@pytest.mark.parametrize("text, expected", [
    ("Глава государства принял акима Кызылординской области Нурлыбека Налибаева. Касым-Жомарт Токаев поставил "
     "перед акимом задачу довести газификацию до 80 процентов.",
     [("довести газификацию до 80 процентов", "Нурлыбек Налибаев")]),
    ("Глава государства принял министра здравоохранения Ажар Гиният. «Поручаю Министерству завершить оснащение "
     "больниц до конца года», – сказал Президент.", [("завершить оснащение больниц до конца года", None)]),
    ("Глава государства принял министра водных ресурсов Нуржана Нуржигитова. Глава государства поручил ускорить "
     "строительство водохранилищ, – говорится в сообщении Акорды.",
     [("ускорить строительство водохранилищ", "Нуржан Нуржигитов")]),
    ("Президент Казахстана Нурсултан Назарбаев принял акима Атырауской области Даниала Ахметова. Глава "
     "государства дал Ерлану Карину ряд конкретных поручений.", [("ряд конкретных поручений", "Ерлан Карин")]),
    # "дал акиму поручения по ...": the tagger reads the dative as an adjective of the object
    ("Глава государства принял акима Павлодарской области Асаина Байханова. В завершение Президент дал акиму "
     "поручения по ремонту теплосетей.", [("поручения по ремонту теплосетей", "Асаин Байханов")]),
    ("Президент принял министра транспорта Марата Карабаева. Касым-Жомарт Токаев дал министру поручения по "
     "обновлению подвижного состава.", [("поручения по обновлению подвижного состава", "Марат Карабаев")]),
    # an adverbial before the infinitive is part of the instruction; the addressee's genitive is not
    ("Президент принял акима Астаны Жениса Касымбека. Акиму поручено в самые сжатые сроки устранить "
     "перебои с водой.", [("в самые сжатые сроки устранить перебои с водой", "Женис Касымбек")]),
    ("Глава государства принял министра энергетики Алмасадама Саткалиева. Президент поручил в срочном порядке "
     "закончить ремонт котлов.", [("в срочном порядке закончить ремонт котлов", "Алмасадам Саткалиев")]),
])
def test_instructions_from_the_parse(pipeline, text, expected):
    [m] = meetings(pipeline, text, "2024-05-01")
    assert [(i.text, i.addressee) for i in m.instructions] == expected


@pytest.mark.parametrize("surface, case, name", [
    ("Даниала Ахметова", "gent", "Даниал Ахметов"),
    ("Ерлану Карину", "datv", "Ерлан Карин"),
    ("Дархана Сатыбалды", "gent", "Дархан Сатыбалды"),
    ("Джоном Смитом", "ablt", "Джон Смит"),
    ("Берику Уали", "datv", "Берик Уали"),
    ("Акмарал Альназарову", "accs", "Акмарал Альназарова"),
    ("Даниалу Ахметову", "datv", "Даниал Ахметов"),
    ("Айжан Жамалову", "accs", "Айжан Жамалова"),
    ("Шавката Мирзиёева", "gent", "Шавкат Мирзиёев"),
    ("Ангелой Меркель", "ablt", "Ангела Меркель"),
    ("Ли Цяна", "accs", "Ли Цян"),
])
def test_names_by_context(surface, case, name):
    from extractor.entities.inflect import checked_person_name

    assert checked_person_name(surface, case) == (name, True)


def test_a_name_that_cannot_be_normalised_keeps_its_surface_and_is_flagged():
    from extractor.entities.inflect import checked_person_name

    # "Гульшара" or "Гульшаре"? the dictionary does not know: never a guessed form
    assert checked_person_name("Гульшаре Абдыкаликовой", "datv") == ("Гульшаре Абдыкаликовой", False)


@pytest.mark.parametrize("text, firsts", [
    ("Президенту доложено о работе. Касым-Жомарт Токаев поручил Женису Касымбеку усилить контроль.\n"
     "Далее Президент принял акима Карагандинской области. Аким доложил.", ["Президенту", "Далее"]),
    ("Глава государства принял министра энергетики.\nЗатем Глава государства встретился с акимом Алматы.",
     ["Глава", "Затем"]),
    # a headline restating the reception belongs to the report under it
    ("Глава государства принял министра энергетики\nКасым-Жомарт Токаев принял министра энергетики. "
     "Министр доложил.", ["Глава"]),
    # one meeting, several reports in one paragraph: not split
    ("Президент провел совещание. Аким Алматы доложил. Аким Шымкента доложил.", ["Президент"]),
    # a reception, then a совещание of the same day
    ("Президент принял министра финансов. Министр доложил.\nЗатем Президент провел совещание по бюджету.",
     ["Президент", "Затем"]),
    # "Ранее ..." recalls an earlier event: no meeting of its own (since issue 13 it is residue, no part of one)
    ("Ранее Глава государства провел совещание с акимами.\nПрезидент принял акима Алматы. Аким доложил.",
     ["Президент"]),
    # a headline titling the official and a lead naming him: one reception
    ("Токаев принял нового акима СКО\nГлава государства принял акима Северо-Казахстанской области Гауеза "
     "Нурмухамбетова. Аким доложил.", ["Токаев"]),
    # a meeting with residents announces no separate meetings: a district akim reporting in a
    # paragraph of his own takes part in it
    ("Аким Павлодара Асет Масимов встретился с жителями микрорайона.\nНа встрече аким района Ерлан "
     "Бекжанов рассказал о ремонте дворов.", ["Аким"]),
    # a digest's stories apart by "* * *": the group received is a meeting of its own
    ("Президент принял министров обороны стран Содружества.\n* * *\nГлава государства принял министра "
     "финансов Мади Такиева.", ["Президент", "Глава"]),
])
def test_boundaries(pipeline, text, firsts):
    got = meetings(pipeline, text, "2024-05-01")
    assert [text[m.start:m.end].split()[0] for m in got] == firsts


def test_separate_meetings_each_paragraph(pipeline):
    text = ("Касым-Жомарт Токаев провел отдельные встречи с акимами Жамбылской и Кызылординской областей.\n"
            "Аким Жамбылской области Ербол Карашукеев доложил об итогах.\n"
            "Аким Кызылординской области Нурлыбек Налибаев проинформировал о газификации.")
    got = meetings(pipeline, text, "2024-05-01")
    assert [[p.name for p in m.participants] for m in got] == [["Ербол Карашукеев"], ["Нурлыбек Налибаев"]]
    assert [m.regions for m in got] == [["Жамбылская область"], ["Кызылординская область"]]


@pytest.mark.parametrize("position, kind", [
    ("Глава государства", "president"), ("Президент", "president"), ("Президент Республики Казахстан", "president"),
    ("Президент Казахстана", "president"), ("Президент Турции", None), ("президент компании", None),
    ("Елбасы", "first_president"), ("Первый Президент Казахстана", "first_president"),
    ("Премьер-министр", "head_of_government"), ("аким Атырауской области", None),
])
def test_host_titles(position, kind):
    from extractor.meetings.host import title_kind

    assert title_kind(position) == kind


# who hosts only a report about themselves: an akim receiving citizens, a state secretary
# meeting an ambassador (never in a report where a President or Prime Minister acts)
@pytest.mark.parametrize("position, kind", [
    ("аким Атырауской области", "akim"), ("Аким города Алматы", "akim"), ("глава региона", "akim"),
    ("Государственный секретарь", "state_secretary"), ("госсекретарь", "state_secretary"),
    ("заместитель акима области", None), ("Государственный секретарь США", None), ("Президент", None),
])
def test_local_host_titles(position, kind):
    from extractor.meetings.host import local_title_kind

    assert local_title_kind(position) == kind


@pytest.mark.parametrize("text, host, participants", [
    # an akim hosts where no President acts
    ("Аким Павлодарской области Асаин Байханов провел прием граждан по личным вопросам.",
     "Асаин Байханов", []),
    # where the President acts, the akim is the one received
    ("Глава государства принял акима Павлодарской области Асаина Байханова. Аким доложил о ходе отопительного сезона.",
     "Касым-Жомарт Токаев", ["Асаин Байханов"]),
    # a talk named in passing joins the meeting under way
    ("Касым-Жомарт Токаев принял министра энергетики Алмасадама Саткалиева. В ходе встречи с министром "
     "Глава государства подчеркнул важность ремонта ТЭЦ.", "Касым-Жомарт Токаев", ["Алмасадам Саткалиев"]),
    # "переговорил по телефону": a call
    ("Касым-Жомарт Токаев переговорил по телефону с акимом Абайской области Нурланом Уранхаевым.",
     "Касым-Жомарт Токаев", ["Нурлан Уранхаев"]),
])
def test_who_hosts(pipeline, text, host, participants):
    got = meetings(pipeline, text, "2024-05-01")
    assert len(got) == 1
    assert got[0].host.name == host
    assert [p.name for p in got[0].participants] == participants


@pytest.mark.parametrize("day, name", [
    ("2015-03-10", "Нурсултан Назарбаев"), ("2019-03-19", "Нурсултан Назарбаев"),
    ("2019-03-20", "Касым-Жомарт Токаев"), ("2025-08-14", "Касым-Жомарт Токаев"), ("1990-01-01", None),
])
def test_president_in_office(day, name):
    import datetime as dt

    from extractor.meetings.host import president_on

    term = president_on(dt.date.fromisoformat(day))
    assert (term.name if term else None) == name


@pytest.mark.parametrize("text", [
    "Касым-Жомарт Токаев посетит Восточно-Казахстанскую область и осмотрит предприятия.",
    "В октябре Глава государства планирует посетить Костанайскую область.",
    "Напомним, в начале сентября Президент принял акима Восточно-Казахстанской области Ермека Кошербаева.",
    "Касым-Жомарт Токаев прибудет с рабочей поездкой в Улытаускую область на следующей неделе.",
])
def test_announced_or_recalled_is_no_meeting(pipeline, text):
    assert meetings(pipeline, text, "2024-09-17") == []


@pytest.mark.parametrize("text, posts", [
    ("Президент по телефону заслушал доклады акимов Акмолинской, Костанайской и Северо-Казахстанской областей.",
     [["аким Акмолинской области", "аким Костанайской области", "аким Северо-Казахстанской области"]]),
    ("Касым-Жомарт Токаев провел отдельные встречи с акимами Жамбылской и Кызылординской областей.",
     [["аким Жамбылской области"], ["аким Кызылординской области"]]),
])
def test_a_post_shared_by_coordinated_regions(pipeline, text, posts):
    got = meetings(pipeline, text, "2024-04-04")
    assert [[p.position for p in m.participants] for m in got] == posts


def received(pipeline, text):
    """(kind, host, participants' names) of each meeting, in order."""
    return [(m.kind, m.host.name, [p.name for p in m.participants]) for m in meetings(pipeline, text, "2024-05-01")]


@pytest.mark.parametrize("text, kind, names", [
    # a long list breaks the parse into fragments: the run of "post + person" pairs still gives one meeting each
    ("Президент принял акима Туркестанской области Дархана Сатыбалды, акима Восточно-Казахстанской области "
     "Ермека Кошербаева, акима Павлодарской области Абылкаира Скакова, акима города Шымкента Габита Сыздыкбекова, "
     "акима Кызылординской области Нурлыбека Налибаева и акима Атырауской области Махамбета Досмухамбетова.",
     "reception", [["Дархан Сатыбалды"], ["Ермек Кошербаев"], ["Абылкаир Скаков"], ["Габит Сыздыкбеков"],
                   ["Нурлыбек Налибаев"], ["Махамбет Досмухамбетов"]]),
    # the announcement names no one: the list received after it is the meetings, not one more
    ("Касым-Жомарт Токаев провел встречи с акимами регионов. Ему были доложены итоги года.\n"
     "Президент принял акима Костанайской области Кумара Аксакалова, акима Мангистауской области Нурлана Ногаева "
     "и акима Жамбылской области Ербола Карашукеева.",
     "reception", [["Кумар Аксакалов"], ["Нурлан Ногаев"], ["Ербол Карашукеев"]]),
    # a report presented to the host by a passive, its reporter named by "Аким региона NAME", then two heard
    ("Главе государства был представлен доклад о развитии Костанайской области.\n"
     "Аким региона Кумар Аксакалов рассказал о ходе посевной.\n"
     "Касым-Жомарт Токаев также заслушал отчет акима Атырауской области Махамбета Досмухамбетова о паводках.\n"
     "Далее Президент заслушал акима Мангистауской области Нурлана Ногаева.",
     "reception", [["Кумар Аксакалов"], ["Махамбет Досмухамбетов"], ["Нурлан Ногаев"]]),
    # "принимая X, президент Y ...": the title after the comma is Y's, X is received
    ("В ходе рабочей поездки в Шымкент, принимая акима Габита Сыздыкбекова, Президент Касым-Жомарт Токаев "
     "поставил ряд задач по благоустройству дворов.", "reception", [["Габит Сыздыкбеков"]]),
    # a President none of ours, spoken to in a call, is the participant
    ("По инициативе узбекской стороны состоялся телефонный разговор Президента Касым-Жомарта Токаева с "
     "Президентом Шавкатом Мирзиёевым.", "call", [["Шавкат Мирзиёев"]]),
])
def test_officials_in_turn(pipeline, text, kind, names):
    assert received(pipeline, text) == [(kind, "Касым-Жомарт Токаев", n) for n in names]


def test_a_list_after_the_sentence_is_not_received(pipeline):
    """The run stops at the sentence's end: people named in the next sentence are no more patients."""
    text = ("Президент принял акима Павлодарской области Асаина Байханова. Министр энергетики Алмасадам Саткалиев, "
            "министр финансов Мади Такиев присутствовали на открытии станции.")
    assert [names for _, _, names in received(pipeline, text)] == [["Асаин Байханов"]]


def test_a_report_promised_is_no_meeting(pipeline):
    """'будет докладывать Президенту': an analytic future, no report made to the host yet."""
    text = ("Аким Алматы Ерболат Досаев будет раз в месяц докладывать Президенту о ходе ремонта дорог.\n"
            "Касым-Жомарт Токаев принял министра энергетики Алмасадама Саткалиева.")
    assert [names for _, _, names in received(pipeline, text)] == [["Алмасадам Саткалиев"]]


@pytest.mark.parametrize("text, names", [
    # a headline reporting to the host restates the receptions under it: no meeting of its own
    ("Президенту доложили о делах двух областей\nКасым-Жомарт Токаев принял акима Атырауской области Серика "
     "Шапкенова.\nДалее Президент принял акима Мангистауской области Нурлана Ногаева.",
     [["Серик Шапкенов"], ["Нурлан Ногаев"]]),
    # the same report as a sentence of its own, with its reporter, before the receptions: a meeting
    ("Президенту доложили о делах Атырауской области. Аким региона Серик Шапкенов рассказал о паводках.\n"
     "Далее Президент принял акима Мангистауской области Нурлана Ногаева.",
     [["Серик Шапкенов"], ["Нурлан Ногаев"]]),
])
def test_report_to_the_host_before_receptions(pipeline, text, names):
    assert [n for _, _, n in received(pipeline, text)] == names


def test_a_recalled_meeting_closes_the_visit_before_it(pipeline):
    text = ("Касым-Жомарт Токаев прибыл с рабочей поездкой в Атыраускую область.\n\n"
            "Напомним, в мае Глава государства принимал акима Атырауской области Серика Шапкенова.\n\n"
            "Шапкенов тогда доложил Президенту о паводках. Президент поручил укрепить дамбы.")
    got = meetings(pipeline, text, "2024-09-17")
    assert [m.kind for m in got] == ["visit"]
    assert got[0].participants == [] and got[0].instructions == []


def test_the_generic_post_takes_the_one_region_the_meeting_names(pipeline):
    text = ("Президент прибыл с рабочей поездкой в Северо-Казахстанскую область. Главу государства встретил "
            "аким области Гауез Нурмухамбетов.")
    [meeting] = meetings(pipeline, text, "2024-06-11")
    [person] = meeting.participants
    assert (person.position, person.region, person.region_inferred) == (
        "аким области", "Северо-Казахстанская область", True)


def test_a_named_reporter_names_the_one_official_received(pipeline):
    # the parser hangs the name on the noun before the verb; the verb gets it back as subject
    text = ("Глава государства встретился с акимом Павлодара.\n\n"
            "После осмотра новых школ Павлодара Асаин Байханов доложил Президенту о ремонте дорог.")
    [meeting] = meetings(pipeline, text, "2024-06-25")
    assert [(p.name, p.position) for p in meeting.participants] == [("Асаин Байханов", "аким Павлодара")]
