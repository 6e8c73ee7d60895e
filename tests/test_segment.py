import pytest

from extractor.text.segment import MAX_SENTENCE, sentences, tokens


def test_headline_without_full_stop_does_not_glue_to_next_line():
    text = "Астана\nЖителей двух городов предупреждает \"Казгидромет\"\nВойна\nПесков отреагировал."
    got = [s.text for s in sentences(text)]
    assert got == ["Астана", "Жителей двух городов предупреждает \"Казгидромет\"", "Война",
                   "Песков отреагировал."]


@pytest.mark.parametrize("text, expected", [
    ("Президент принял акима. Аким доложил о работе.", ["Президент принял акима.", "Аким доложил о работе."]),
    ("  отступ слева.  \n\n  И справа.  ", ["отступ слева.", "И справа."]),
    ("Рост – 29,5%. Т.е. хорошо.", ["Рост – 29,5%.", "Т.е. хорошо."]),
    ("Строка\r\nСтрока два", ["Строка", "Строка два"]),
    ("", []),
])
def test_sentences(text, expected):
    assert [s.text for s in sentences(text)] == expected


def test_offsets_point_into_source(seed_texts):
    for text in seed_texts.values():
        for s in sentences(text):
            assert text[s.start:s.end] == s.text
            for t in tokens(text, s.start, s.end):
                assert text[t.start:t.end] == t.text


def test_long_single_line_is_cut_into_bounded_pieces():
    text = ("слово " * 5000).strip()
    pieces = sentences(text)
    assert all(len(p.text) <= MAX_SENTENCE for p in pieces)
    assert "".join(p.text for p in pieces).replace(" ", "") == text.replace(" ", "")


def test_sentences_respect_start():
    text = "date 2025-08-14 Первое. Второе."
    assert [s.text for s in sentences(text, 16)] == ["Первое.", "Второе."]
