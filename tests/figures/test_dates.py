"""Dates, years, ranges, periods and durations (table-driven)."""
import datetime as dt

import pytest

from .helpers import figures, only

PUB = dt.date(2025, 8, 14)

# text, span, value, value_to, unit, period, iso date
DATES = [
    ("будет завершено уже в 2023 году.", "в 2023 году", 2023, None, "year", None, None),
    ("в І полугодии 2025 года привлечено", "в І полугодии 2025 года", 2025, None, "year", "H1", None),
    ("в I полугодии 2024 года", "в I полугодии 2024 года", 2024, None, "year", "H1", None),
    ("во втором полугодии 2025 года", "во втором полугодии 2025 года", 2025, None, "year", "H2", None),
    ("портфель на 2025-2027 годы", "на 2025-2027 годы", 2025, 2027, "year", None, None),
    ("на 2025–2027 годы", "на 2025–2027 годы", 2025, 2027, "year", None, None),
    ("в 2022—2024 гг.", "в 2022—2024 гг.", 2022, 2024, "year", None, None),
    ("с 2025 по 2027 годы", "с 2025 по 2027 годы", 2025, 2027, "year", None, None),
    ("за 11 месяцев текущего года", "за 11 месяцев текущего года", 2025, None, "month", "11M", None),
    ("за 9 месяцев 2024 года", "за 9 месяцев 2024 года", 2024, None, "month", "9M", None),
    ("в первом квартале", "в первом квартале", None, None, "year", "Q1", None),
    ("в III квартале 2025 года", "в III квартале 2025 года", 2025, None, "year", "Q3", None),
    ("за 1-й квартал 2025 года", "за 1-й квартал 2025 года", 2025, None, "year", "Q1", None),
    ("до конца 2025 года", "до конца 2025 года", 2025, None, "year", "END", None),
    ("в начале 2017 года", "в начале 2017 года", 2017, None, "year", "START", None),
    ("до конца текущего года", "до конца текущего года", 2025, None, "year", "END", None),
    ("14 августа 2025 года", "14 августа 2025 года", 2025, None, "date", None, "2025-08-14"),
    ("подписан 14.08.2025", "14.08.2025", 2025, None, "date", None, "2025-08-14"),
    ("от 1.09.2024 г.", "от 1.09.2024 г.", 2024, None, "date", None, "2024-09-01"),
    ("в этом году", "в этом году", 2025, None, "year", None, None),
    ("в текущем году", "в текущем году", 2025, None, "year", None, None),
    ("в прошлом году", "в прошлом году", 2024, None, "year", None, None),
    ("в следующем году", "в следующем году", 2026, None, "year", None, None),
    ("текущего года", "текущего года", 2025, None, "year", None, None),
    ("в мае", "в мае", 2025, None, "month", "M05", "2025-05"),
    ("в мае 2017 года", "в мае 2017 года", 2017, None, "month", "M05", "2017-05"),
    ("в сентябре прошлого года", "в сентябре прошлого года", 2024, None, "month", "M09", "2024-09"),
    ("20 мая", "20 мая", 2025, None, "date", None, "2025-05-20"),
    ("С 27 апреля", "С 27 апреля", 2025, None, "date", None, "2025-04-27"),
    ("В воскресенье, 11 июня 2017 года", "В воскресенье, 11 июня 2017 года", 2017, None, "date", None, "2017-06-11"),
    ("в понедельник", "в понедельник", 2025, None, "day", None, None),
    ("сегодня", "сегодня", 2025, None, "day", None, "2025-08-14"),
    ("вчера", "вчера", 2025, None, "day", None, "2025-08-13"),
    ("весной 2017 года", "весной 2017 года", 2017, None, "year", "SPRING", None),
    ("в 1980-е годы", "в 1980-е годы", 1980, 1989, "year", "decade", None),
    ("с 2013 года", "с 2013 года", 2013, None, "year", None, None),
    ("В 1976", "В 1976", 1976, None, "year", None, None),
    ("2020 г.", "2020 г.", 2020, None, "year", None, None),
    ("в 2018 г.", "в 2018 г.", 2018, None, "year", None, None),
    ("в том же году", "в том же году", None, None, "year", None, None),
    ("на этой неделе", "на этой неделе", 2025, None, "week", None, None),
]


@pytest.mark.parametrize("text, span, value, value_to, unit, period, iso", DATES)
def test_date(text, span, value, value_to, unit, period, iso):
    fig = only(text, "date", PUB)
    assert fig.text == span
    assert fig.data["value"] == value
    assert fig.data["value_to"] == value_to
    assert fig.data["unit"] == unit
    assert fig.data["period"] == period
    assert fig.data["date"] == iso


@pytest.mark.parametrize("text, duration", [
    ("два года", "P2Y"),
    ("около 30 лет", "P30Y"),
    ("в течение 5 лет", "P5Y"),
    ("три месяца", "P3M"),
    ("две недели", "P2W"),
    ("10 дней", "P10D"),
    ("полтора года", "P1.5Y"),
    ("за последние 200 лет", "P200Y"),
    ("почти полвека", "P50Y"),
    ("10 суток", "P10D"),
])
def test_duration(text, duration):
    fig = only(text, "date", PUB)
    assert fig.data["unit"] == "duration"
    assert fig.data["duration"] == duration
    assert fig.data["value"] is None


@pytest.mark.parametrize("text, span", [
    ("вышедшего год назад", "год назад"),
    ("вступил в должность за неделю до выборов", "за неделю"),
    ("продлил контракт еще на год", "на год"),
    ("совершались в течение десятилетий", "в течение десятилетий"),
    ("В настоящее время полиция уточняет", "В настоящее время"),
    ("в выходные", "в выходные"),
    ("The Fat Of The Land (1997)", "1997"),
    ("с 16 апреля по 19 мая 2019 года", "с 16 апреля по 19 мая 2019 года"),
])
def test_other_time_expressions(text, span):
    assert only(text, "date", PUB).text == span


def test_relative_dates_without_published_have_no_value():
    fig = only("за 11 месяцев текущего года", "date")
    assert (fig.data["value"], fig.data["unit"], fig.data["period"]) == (None, "month", "11M")
    assert only("в этом году", "date").data["value"] is None


NOT_DATES = [
    "в 2000 школах",
    "Закон № 123-VII",
    "позвоните 8 (7172) 74-56-12",
    "1. Обеспечить контроль",
    "178 млрд тенге",
    "на 5-м месте",
    "Мая Плисецкая",
    "2000 человек",
    "умер в возрасте 52 лет",
    "Ему было 64 года.",
    "В 13 лет Месси уехал в Испанию",
    "люди старше 70 лет",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert [f.text for f in figures(text, PUB) if f.type == "date"] == []
