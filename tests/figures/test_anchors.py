"""Which tokens anchor a date and which sentences open the date grammar at all (table-driven)."""
import pytest

from extractor.figures import extract
from extractor.parsing.tokenizer import block_tokens


@pytest.mark.parametrize("word, expected", [
    ("января", True), ("ЯНВАРЯ", True), ("Мая", True), ("году", True), ("Годовой", True),
    ("лет", True), ("летний", False), ("летом", True), ("дней", True), ("день", True),
    ("Сутки", True), ("среду", True), ("средство", False), ("зимой", True), ("зимний", False),
    ("веков", True), ("человек", False), ("полгода", True), ("присутствие", False),
    ("сегодняшнего", True), ("Понедельник", True), ("квартала", True), ("дети", False),
    ("стоимость", False), ("десятилетия", True), ("течение", True), ("2025", True), ("14.08.2025", True),
])
def test_date_anchor_words(word, expected):
    assert extract._is_date_anchor(block_tokens(word)[0]) is expected


@pytest.mark.parametrize("sentence, expected", [
    ("В ПРОШЛОМ ГОДУ ОТРАСЛЬ ВЫРОСЛА.", True),
    ("Заседание прошло во Вторник.", True),
    ("Аким провёл совещание с активом района.", False),
    ("Речь шла о присутствии инвесторов.", True),    # a cheap gate: the anchors decide
    ("Ветеран отметил 90 лет.", True),
])
def test_date_gate(sentence, expected):
    assert bool(extract._DATE_WORD.search(sentence.lower())) is expected
