"""Percentages and percentage points (table-driven)."""
import pytest

from .helpers import figures, only

PERCENT = [
    ("рост – 29,5%", "29,5%", 29.5, None, "%"),
    ("выросла на 6 %", "6 %", 6, None, "%"),
    ("на 6 процентов", "6 процентов", 6, None, "%"),
    ("снизилась на 2 п.п.", "2 п.п.", 2, None, "pp"),
    ("на 1,5 процентного пункта", "1,5 процентного пункта", 1.5, None, "pp"),
    ("более чем на 40 %", "более чем на 40 %", 40, None, "%"),
    ("доля составила 51%", "51%", 51, None, "%"),
    ("уровень 99%", "99%", 99, None, "%"),
    ("инфляция 8,5 процента", "8,5 процента", 8.5, None, "%"),
    ("около 30%", "около 30%", 30, None, "%"),
    ("от 5 до 7%", "от 5 до 7%", 5, 7, "%"),
    ("5–7%", "5–7%", 5, 7, "%"),
    ("на 0,3%", "0,3%", 0.3, None, "%"),
    ("на 100 процентов", "100 процентов", 100, None, "%"),
    ("свыше 60 %", "свыше 60 %", 60, None, "%"),
    ("почти 12%", "почти 12%", 12, None, "%"),
    ("составил 104,3%", "104,3%", 104.3, None, "%"),
    ("на 3 п. п.", "3 п. п.", 3, None, "pp"),
    ("до 15%", "до 15%", 15, None, "%"),
    ("не менее 20%", "не менее 20%", 20, None, "%"),
    ("ВРП вырос на 4,1 процента", "4,1 процента", 4.1, None, "%"),
]


@pytest.mark.parametrize("text, span, value, value_to, unit", PERCENT)
def test_percent(text, span, value, value_to, unit):
    fig = only(text, "percent")
    assert fig.text.endswith(span) or fig.text == span
    assert fig.data["value"] == pytest.approx(value)
    assert fig.data["value_to"] == (pytest.approx(value_to) if value_to else None)
    assert fig.data["unit"] == unit


@pytest.mark.parametrize("text", ["процентная ставка снижена", "проценты по кредиту", "в 2025 году"])
def test_not_percent(text):
    assert [f for f in figures(text) if f.type == "percent"] == []


@pytest.mark.parametrize("text, subject", [
    ("(рост – 29,5%)", "рост"),
    ("В частности, обрабатывающая промышленность выросла на 6 %.", "обрабатывающая промышленность"),
    ("Валовой региональный продукт вырос на 4,1%.", "валовой региональный продукт"),
])
def test_percent_subject(text, subject):
    assert only(text, "percent").data["subject"] == subject
