"""Currencies beyond tenge and dollars, symbols, and currencies the sentence gave before."""
import pytest

from .helpers import figures, only

B, M, K = 1e9, 1e6, 1e3

CURRENCIES = [
    ("Кредит на 300 млн рублей одобрен.", "300 млн рублей", 300 * M, "RUB"),
    ("Грант составил 2 млн евро.", "2 млн евро", 2 * M, "EUR"),
    ("Китайский банк вложит 5 млрд юаней.", "5 млрд юаней", 5 * B, "CNY"),
    ("Японская сторона выделит 10 млрд йен.", "10 млрд йен", 10 * B, "JPY"),
    ("Премия — 6 млн норвежских крон.", "6 млн норвежских крон", 6 * M, "NOK"),
    ("Награда в 9 млн шведских крон.", "9 млн шведских крон", 9 * M, "SEK"),
    ("Штраф составил 17 тысяч гривен.", "17 тысяч гривен", 17 * K, "UAH"),
    ("Сделка стоимостью $1,2 млрд закрыта.", "$1,2 млрд", 1.2 * B, "USD"),
    ("Проект оценен в €300 тыс.", "€300 тыс.", 300 * K, "EUR"),
    ("Товарооборот достиг 12 млрд российских рублей.", "12 млрд российских рублей", 12 * B, "RUB"),
    ("Расчеты ведутся в 20-долларовых купюрах.", "20-долларовых", 20, "USD"),
]


@pytest.mark.parametrize("text, span, value, unit", CURRENCIES)
def test_currency(text, span, value, unit):
    fig = only(text, "money")
    assert fig.text == span
    assert fig.data["value"] == pytest.approx(value)
    assert fig.data["unit"] == unit
    assert not fig.data.get("unit_inferred")


# text, span, value, unit: the amount names no currency, the sentence named it before
INFERRED = [
    ("Объем вложений в тенге составил 4,3 млрд, это рекорд.", "4,3 млрд", 4.3 * B, "KZT"),
    ("Из кредитов на 17 млрд тенге 12 млрд приходится на малый бизнес.", "12 млрд", 12 * B, "KZT"),
    ("В 2024 году выделено 5 млрд рублей, в 2025 году — еще 6,5 млрд.", "6,5 млрд", 6.5 * B, "RUB"),
    # a final abbreviation's dot is the sentence's full stop
    ("Телефон стоит 100 долларов, а ноутбук — около 2 тыс.", "около 2 тыс", 2 * K, "USD"),
]


@pytest.mark.parametrize("text, span, value, unit", INFERRED)
def test_inferred_currency(text, span, value, unit):
    found = [f for f in figures(text) if f.type == "money" and f.data.get("unit_inferred")]
    assert [f.text for f in found] == [span]
    assert found[0].data["value"] == pytest.approx(value)
    assert found[0].data["unit"] == unit


@pytest.mark.parametrize("text", [
    "Население области — 1,2 млн, из них 40% живут в городах.",   # no currency before
    "Бюджет — 5 млрд тенге, туристов — 3 млн человек.",           # counts people
    "Выделено 5 млрд тенге. В регионе проживает 2 млн.",          # the currency was another sentence's
])
def test_no_currency_no_money(text):
    assert [f for f in figures(text) if f.data.get("unit_inferred")] == []
