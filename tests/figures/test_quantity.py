"""Quantities with units (table-driven)."""
import pytest

from .helpers import figures

QUANTITY = [
    ("собрать 540 тыс. тонн свеклы", "540 тыс. тонн", 540000, "t", "свекла"),
    ("произвести 78 тыс. тонн сахара", "78 тыс. тонн", 78000, "t", "сахар"),
    ("урожай 1,2 млн т зерна", "1,2 млн т", 1.2e6, "t", "зерно"),
    ("с созданием 10,6 тыс. рабочих мест", "10,6 тыс. рабочих мест", 10600, "jobs", None),
    ("портфель из 128 проектов", "128 проектов", 128, "projects", None),
    ("засеяно 2,5 млн гектаров", "2,5 млн гектаров", 2.5e6, "ha", None),
    ("на площади 300 га", "300 га", 300, "ha", None),
    ("отремонтировано 450 км дорог", "450 км", 450, "km", "дороги"),
    ("протяженностью 1 200 километров", "1 200 километров", 1200, "km", None),
    ("введено 1,5 млн квадратных метров жилья", "1,5 млн квадратных метров", 1.5e6, "m2", "жилье"),
    ("построено 15 тыс. кв. м", "15 тыс. кв. м", 15000, "m2", None),
    ("мощностью 100 МВт", "100 МВт", 100, "MW", None),
    ("мощностью 1,2 ГВт", "1,2 ГВт", 1.2, "GW", None),
    ("5 млн кубометров", "5 млн кубометров", 5e6, "m3", None),
    ("5 мая", None, None, None, None),
    ("объемом 2 млн кубических метров воды", "2 млн кубических метров", 2e6, "m3", "вода"),
    ("построено 12 школ", "12 школ", 12, "schools", None),
    ("на 300 мест", "300 мест", 300, "место", None),
    ("ровно в 3 часа", None, None, None, None),
    ("больница на 200 койко-мест", "200 койко-мест", 200, "beds", None),
    ("сдано 500 квартир", "500 квартир", 500, "apartments", None),
    ("работают 1 500 человек", "1 500 человек", 1500, "people", None),
    ("газифицировано 35 населенных пунктов", "35 населенных пунктов", 35, "settlements", None),
    ("выросло в 1,5 раза", "в 1,5 раза", 1.5, "times", None),
    ("увеличился в 2 раза", "в 2 раза", 2, "times", None),
    ("закуплено 200 единиц техники", "200 единиц", 200, "units", "техника"),
    ("открыто 25 предприятий", "25 предприятий", 25, "enterprises", None),
]


@pytest.mark.parametrize("text, span, value, unit, subject", QUANTITY)
def test_quantity(text, span, value, unit, subject):
    found = [f for f in figures(text) if f.type == "quantity"]
    if span is None:  # no unit we know: nothing is invented
        assert found == []
        return
    [fig] = found
    assert fig.text == span
    assert fig.data["value"] == pytest.approx(value)
    assert fig.data["unit"] == unit
    assert fig.data["subject"] == subject


@pytest.mark.parametrize("text", [
    "на 5-м месте", "в 2023 году", "Закон № 45-VI", "тел. +7 701 123 45 67", "1) школы", "2025 год",
])
def test_not_quantity(text):
    assert [f for f in figures(text) if f.type == "quantity"] == []
