import pytest

from extractor.text.boilerplate import find_boilerplate


def test_seed_000_rubric_list_is_boilerplate(seed_texts):
    text = seed_texts["000_d411b140eaf4713b"]
    spans = find_boilerplate(text)
    assert spans == [(1318, len(text))]
    assert text[1318:].startswith("Олимпийские Игры 2026")


def test_seed_004_has_none(seed_texts):
    assert find_boilerplate(seed_texts["004_874fe8aaadcc118b"]) == []


REPORT = "Президент принял акима области. Аким доложил о ходе работ."


@pytest.mark.parametrize("extra, marked", [
    ("Читайте также:\nВ Астане открыли новую школу", ["Читайте также:", "В Астане открыли новую школу"]),
    ("Подписывайтесь на наш Telegram-канал!", ["Подписывайтесь на наш Telegram-канал!"]),
    ("Фото: akorda.kz", ["Фото: akorda.kz"]),
    ("Теги: аким, Президент, встреча", ["Теги: аким, Президент, встреча"]),
    ("Мы используем файлы cookie для улучшения работы сайта.",
     ["Мы используем файлы cookie для улучшения работы сайта."]),
])
def test_marker_lines(extra, marked):
    text = REPORT + "\n" + extra + "\n" + REPORT
    spans = find_boilerplate(text)
    assert [text[s:e] for s, e in spans] == ["\n".join(marked)]


def test_list_inside_a_report_is_not_boilerplate():
    text = REPORT + "\nпродолжается работа по обновлению инфраструктуры;\nзавершена реконструкция полосы;\n" \
        "в регионе продолжается обновление сетей;\nразработан генплан зоны \"Балхаш\";\nзавершена реконструкция автодороги."
    assert find_boilerplate(text) == []


def test_report_ending_in_a_headline_block_without_rubrics_is_kept():
    text = REPORT + (
        "\nВ Астане открыли новую школу\nАким области встретился с фермерами\n"
        "Цены на топливо выросли в регионе\nНа трассе начался ремонт покрытия")
    assert find_boilerplate(text) == []
