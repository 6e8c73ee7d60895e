"""Digits that are no figures (our own page-shaped lines)."""
import pytest

from .helpers import figures


@pytest.mark.parametrize("text", [
    "Подробнее: https://example.kz/news/2025/08/14/akim-12345.html",
    "Ссылка на петицию: https://www.change.org/p/%D0%BE%D1%82%D0%BC%D0%B5%D0%BD%D0%B0-50%",
    "Справки по телефону 8 (7172) 74-56-32 или +7 701 123 45 67.",
    "Пишите на press2025@example.kz.",
    "Совещания штаба проходят раз в две недели.",
    "USD 450,50 ▲  EUR 520,10 ▼  RUB 5,60",
    "Астана +5°C, Алматы +12",
])
def test_no_figure(text):
    assert figures(text) == []


def test_figure_next_to_a_link_stays():
    found = figures("Рост составил 12% (источник: stat.gov.kz/2025).")
    assert [f.text for f in found] == ["12%"]


def test_period_after_a_count_of_times_stays():
    found = figures("Он баллотируется в третий раз за последние тридцать лет.")
    assert [f.text for f in found if f.type == "date"] == ["за последние тридцать лет"]
