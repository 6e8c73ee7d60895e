"""Figures written in words (table-driven, our own sentences)."""
import pytest

from .helpers import only

B, M, K, T = 1e9, 1e6, 1e3, 1e12

# text, kind, span, value, value_to, unit, approx
WORDS = [
    ("Фонд направит на модернизацию пять миллионов долларов.", "money", "пять миллионов долларов",
     5 * M, None, "USD", None),
    ("Долг региона превысил отметку двух триллионов тенге.", "money", "двух триллионов тенге",
     2 * T, None, "KZT", None),
    ("На ремонт ушла треть миллиарда рублей.", "money", "треть миллиарда рублей", B / 3, None, "RUB", None),
    ("Элеваторы приняли полтора миллиона тонн зерна.", "quantity", "полтора миллиона тонн",
     1.5 * M, None, "t", None),
    ("Программа охватит сотни тысяч человек.", "quantity", "сотни тысяч человек", None, None, "people",
     "сотни"),
    ("Премия составит двадцать пять тысяч тенге.", "money", "двадцать пять тысяч тенге",
     25 * K, None, "KZT", None),
    ("Штраф для юрлиц — от четырех до пяти тысяч евро.", "money", "от четырех до пяти тысяч евро",
     4 * K, 5 * K, "EUR", None),
    ("Станок стоит несколько сотен миллионов тенге.", "money", "несколько сотен миллионов тенге",
     None, None, "KZT", "несколько"),
    ("Компания привлекла почти семь миллиардов долларов.", "money", "почти семь миллиардов долларов",
     7 * B, None, "USD", "почти"),
    ("Картину продали за миллион долларов.", "money", "миллион долларов", 1 * M, None, "USD", None),
    ("Власти выделяют миллиарды тенге на дороги.", "money", "миллиарды тенге", None, None, "KZT",
     "миллиарды"),
    ("Сбор вырос более чем на двести тысяч тонн.", "quantity", "более чем на двести тысяч тонн",
     200 * K, None, "t", "более"),
    ("Экспорт вырос на пять процентов.", "percent", "пять процентов", 5, None, "%", None),
    ("Инфляция замедлилась менее чем на один процент.", "percent", "менее чем на один процент",
     1, None, "%", "менее"),
    ("Объекты строятся с 30-процентным отставанием.", "percent", "30-процентным", 30, None, "%", None),
]


@pytest.mark.parametrize("text, kind, span, value, value_to, unit, approx", WORDS)
def test_number_words(text, kind, span, value, value_to, unit, approx):
    fig = only(text, kind)
    assert fig.text == span
    assert fig.data["value"] == (pytest.approx(value) if value is not None else None)
    assert fig.data["value_to"] == (pytest.approx(value_to) if value_to else None)
    assert fig.data["unit"] == unit
    assert fig.data.get("approx") == approx


def test_number_word_without_unit_is_no_figure():
    from .helpers import figures
    assert [f for f in figures("Один из пяти проектов отложен.") if f.type in {"money", "percent"}] == []
