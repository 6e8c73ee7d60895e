"""The residue model (text/residue.py): shapes of news-site residue, each in our own words."""
import pytest

from extractor.text.residue import find_residue, hidden, line_reason, report_start, spans_of, stamp_date

BODY = ("Глава государства принял акима Жамбылской области Ербола Карашукеева, который доложил "
        "об итогах развития региона.")
BODY2 = "Аким сообщил, что валовой региональный продукт вырос на 6,8%, а инвестиции достигли 400 млрд тенге."
BODY3 = "Касым-Жомарт Токаев поручил акиму уделить внимание подготовке к посевной кампании."


@pytest.mark.parametrize("line, reason", [
    ("Сегодня, 09:40", "stamp"),
    ("Вчера, 18:05", "stamp"),
    ("Астана, 5 мая 2023 10:15", "stamp"),
    ("11:05, 17 апреля 2025 | GMT +5", "stamp"),
    ("22 июля 2025 | 16:25", "stamp"),
    ("12.03.2025 14:20", "stamp"),
    ("Опубликовано:", "stamp"),
    ("Среда, 29 октября 2025", "stamp"),
    ("Фото: Акорда", "caption"),
    ("фото пресс-службы Акорды", "caption"),
    ("Коллаж: редакция", "caption"),
    ("Президент и аким области во время встречи. Фото: Акорда", "caption"),
    ("Автор: Ержан Сагындыков", "author"),
    ("/Руслан Игилик/", "author"),
    ("Подготовила Мадина Ахметова", "author"),
    ("Просмотров: 3 417", "counter"),
    ("Комментарии (0)", "furniture"),
    ("1292", "counter"),
    ("245 прсм.", "counter"),
    ("USD 512.40   EUR 553.10   RUB 6.21", "ticker"),
    ("$ 480.11", "ticker"),
    ("Астана +4 °C", "ticker"),
    ("494.87 520.65 4.91", "ticker"),
    ("Курсы валют: USD 530.15 EUR 612.30 | Нефть Brent 64.20", "ticker"),
    ("Главная | Политика | Экономика | Общество", "menu"),
    ("Главная » События » Приемы", "menu"),
    ("Қаз Рус Eng", "menu"),
    ("Читайте также:", "related"),
    ("Читайте также: Президент провел совещание по вопросам паводков", "related"),
    ("Новости по теме", "related"),
    ("Похожие записи", "related"),
    ("Самое читаемое", "related"),
    ("Хочешь получать главные новости первым? Подпишись на наш канал в WhatsApp!", "subscription"),
    ("Подписывайтесь на наш Telegram-канал и будьте в курсе новостей", "subscription"),
    ("Мы используем файлы cookie, чтобы сайт работал лучше.", "cookie"),
    ("Этот сайт использует cookie.", "cookie"),
    ("Теги: Президент, Жамбылская область, экономика", "tags"),
    ("#Токаев #госслужба #Акорда", "tags"),
    ("ПОДЕЛИТЬСЯ", "furniture"),
    ("Версия для печати", "furniture"),
    ("© 2025 Новости Степи. Все права защищены.", "furniture"),
])
def test_line_shapes(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize("line", [
    BODY, BODY2, BODY3,
    "В 2025 году построено 12 школ на 2 млрд тенге.",
    "Объем производства составил 1,2 трлн тенге (рост – 5,1%).",
    "завершена реконструкция взлетно-посадочной полосы аэропорта Ушарал;",
    "Далее Президент принял акима Карагандинской области Ермаганбета Булекпаева.",
    "Фотовыставка о развитии области открылась в Семее 12 мая, на ней представлено 300 работ.",
    "Аким доложил, что курс на диверсификацию сохраняется: доля обработки выросла до 42,5%.",
])
def test_report_lines_are_not_residue(line):
    assert line_reason(line) is None


def reasons(text):
    return [(r.reason, text[r.start:r.end]) for r in find_residue(text)]


def test_headline_restated_by_the_lead_is_residue_but_belongs_to_the_meeting():
    text = "Токаев принял акима Жамбылской области\n" + BODY + "\n" + BODY2
    residue = find_residue(text)
    assert [(r.reason, text[r.start:r.end]) for r in residue] == [
        ("headline", "Токаев принял акима Жамбылской области")]
    assert report_start(text, residue, 0) == 0  # the meeting's span starts at its headline


def test_headline_the_body_does_not_restate_stays_report():
    text = "Глава государства принял министра энергетики Ерлана Аккенженова\nМинистр доложил о подготовке к зиме.\n"
    assert reasons(text) == []


def test_menu_above_the_headline_is_not_part_of_the_meeting():
    text = "Главная | Политика | Экономика\nUSD 512.40 EUR 553.10\nТокаев принял акима Жамбылской области\n" + BODY
    residue = find_residue(text)
    assert [r.reason for r in residue] == ["menu", "ticker", "headline"]
    assert text[report_start(text, residue, 0):].startswith("Токаев принял")


def test_repeated_lead_is_marked_once():
    lead = ("Президент Касым-Жомарт Токаев заслушал отчет акима Акмолинской области Марата Ахметжанова, "
            "сообщает пресс-служба Акорды.")
    text = f"Президент заслушал отчет акима Акмолинской области\n{lead}\nПОДЕЛИТЬСЯ\n{lead}\n{BODY2}"
    got = reasons(text)
    assert ("repeated_lead", lead) in got
    assert sum(1 for r, _ in got if r == "repeated_lead") == 1


@pytest.mark.parametrize("prefix", [
    "АСТАНА. 12 марта. КАЗИНФОРМ – ",
    "КЫЗЫЛОРДА. 22 января. КАЗИНФОРМ /Руслан Игилик/ - ",
    "АСТАНА, 3 июня – ",
    "СЕМЕЙ. 17 апреля. НОВОСТИ СТЕПИ – ",
])
def test_dateline_before_the_first_sentence(prefix):
    text = "Президент принял акима Жамбылской области\n" + prefix + BODY + "\n" + BODY2
    assert ("dateline", prefix.rstrip()) in [(r, t.rstrip()) for r, t in reasons(text)]


def test_earlier_event_from_its_sentence_to_the_end_of_the_paragraph():
    earlier = ("Ранее Глава государства провел совещание с акимами, где поручил выделить 12 млрд тенге "
               "на ремонт дамб.")
    recalled = "Как сообщалось ранее, область получила 48 млрд тенге на дороги."
    text = f"{BODY}\n{BODY2} {recalled}\n{BODY3}\n{earlier}"
    got = reasons(text)
    assert ("earlier_event", earlier) in got
    assert ("earlier_event", recalled) in got
    assert all(BODY not in t and BODY3 not in t for _, t in got)


def test_caption_between_paragraphs_but_not_list_items():
    text = (f"{BODY}\nКасым-Жомарт Токаев и Ербол Карашукеев во время встречи в Акорде\n{BODY2}\n"
            "Аким перечислил проекты:\nстроительство сахарного завода\nремонт дорог\n" + BODY3)
    got = reasons(text)
    assert got == [("caption", "Касым-Жомарт Токаев и Ербол Карашукеев во время встречи в Акорде")]


def test_related_headlines_under_their_header():
    text = (f"{BODY}\n{BODY3}\nНовости по теме\nГлава государства принял министра энергетики\n"
            "Аким Карагандинской области доложил Президенту о ходе отопительного сезона\n")
    got = reasons(text)
    assert [r for r, _ in got] == ["related", "related", "related"]


def test_seed_texts_have_only_their_rubric_list(seed_texts):
    for name, text in seed_texts.items():
        kinds = {r.reason for r in find_residue(text)}
        assert kinds <= {"headline_list"}, (name, kinds)


def test_hidden_keeps_offsets_and_line_breaks():
    text = "Фото: Акорда\n" + BODY
    residue = find_residue(text)
    view = hidden(text, spans_of(residue))
    assert len(view) == len(text) and view.index("\n") == text.index("\n")
    assert view.strip() == BODY


def test_publication_date_from_a_stamp():
    text = "11:05, 17 апреля 2025 | GMT +5\nПрезидент принял акима Жамбылской области\n" + BODY
    assert str(stamp_date(text, find_residue(text))) == "2025-04-17"


@pytest.mark.parametrize("line", [
    "экспорт – 2,5 млрд USD;",
    "температура воздуха опустится до –30 °C",
    "Видео встречи опубликовано на сайте Акорды и в социальных сетях",
    "на выставке представлены фото участников конкурса",
    "В 2025 году",
    "до 1 июля 2025 года;",
])
def test_report_shapes_that_look_like_residue(line):
    assert line_reason(line) is None


def test_headline_with_a_name_the_body_lacks_stays_report():
    text = ("Президент принял председателя правления «Самрук-Казыны» Нурлана Жакупова\n"
            "Касым-Жомарт Токаев принял Нурлана Жакупова, который доложил об итогах работы фонда.\n")
    assert reasons(text) == []


def test_line_with_figures_between_paragraphs_is_no_caption():
    text = f"{BODY}\nИнвестиции в основной капитал выросли до 420 млрд тенге\n{BODY2}"
    assert reasons(text) == []


def test_headlines_under_the_article_without_a_header():
    text = (f"{BODY}\n{BODY3}\nТокаев принял акима Алматинской области\n"
            "В Шымкенте открыли новый парк на 40 гектаров\nТеги: Президент\n")
    assert [r for r, _ in reasons(text)] == ["related", "related", "tags"]


def test_one_line_without_a_full_stop_after_the_report_stays_report():
    text = f"{BODY}\nПрезидент поручил держать на контроле готовность объектов к зиме"
    assert reasons(text) == []


def test_a_sentence_that_lost_its_full_stop_is_no_caption():
    # scraped pages drop full stops; a line naming its source is a sentence of the report
    text = f"{BODY}\nКак сообщает пресс-служба Акорды, с отчетом выступил министр финансов Мади Такиев\n{BODY2}"
    assert reasons(text) == []


def test_a_headline_in_capitals_above_the_report_is_residue():
    text = f"ГЛАВА ГОСУДАРСТВА ВСТРЕТИЛСЯ С МИНИСТРОМ ФИНАНСОВ\n{BODY}\n{BODY2}"
    assert reasons(text) == [("headline", "ГЛАВА ГОСУДАРСТВА ВСТРЕТИЛСЯ С МИНИСТРОМ ФИНАНСОВ")]


def test_related_links_under_an_english_header():
    text = (f"{BODY}\n{BODY3}\nRelated\n- Глава государства провел встречу с премьер-министром Японии\n"
            "- Президент провел переговоры с делегацией Всемирного банка\n")
    assert [r for r, _ in reasons(text)] == ["related", "related", "related"]
