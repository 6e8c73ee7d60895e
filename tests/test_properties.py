"""Property-based: for any text, no exception escapes, every span points into the
text, every record validates against schemas/."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ALPHABET = st.sampled_from(
    list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИКЛМНОПРСТУХЦЧШЭЮЯәғқңөұүһіІ")
    + list("0123456789") + list(" \n\t.,;:!?-–—«»\"'()%$€₸№/") + ["\u00a0", "\u202f", "A", "o", "x"]
)
WORDS = st.sampled_from([
    "Президент", "принял", "акима", "Карагандинской", "области", "Касым-Жомарт", "Токаев", "поручил",
    "178", "млрд", "тенге", "29,5%", "2025-2027", "годы", "І", "полугодии", "2025", "года", "тыс.",
    "тонн", "автодороги", "Алматы", "–", "Лепсы", "«Самрук-Казына»", "№", "123-VII", "Читайте", "также",
    "завода", "по", "производству", "Далее", "Глава", "государства", "столицы", "до", "конца",
])
TEXTS = st.one_of(
    st.text(ALPHABET, max_size=400),
    st.lists(WORDS, max_size=80).map(" ".join),
    st.lists(st.one_of(WORDS, st.text(ALPHABET, max_size=12)), max_size=60).map(" ".join),
)


def check(record, text, validators):
    for m in record.mentions:
        assert text[m.start:m.end] == m.text
    for meeting in record.meetings:
        assert 0 <= meeting.start <= meeting.end <= len(text)
        for f in meeting.figures:
            assert text[f.start:f.end] == f.text
        for i in meeting.instructions:
            assert text[i.start:i.end] == i.text
    validators["document"].validate(json.loads(record.model_dump_json()))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_any_text(pipeline, validators, text):
    check(pipeline(text), text, validators)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=st.one_of(st.none(), st.dates().map(str)))
def test_any_text_with_a_date(pipeline, validators, text, published):
    check(pipeline(text, published=published), text, validators)
