"""Our tokenizer (extractor/text/tokens.py) cuts exactly as razdel does."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import tokenize as razdel_tokenize

from extractor.text.tokens import tokenize


def razdel(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


@pytest.mark.parametrize("text, tokens", [
    # a dash between words joins them; between a number and a word too
    ("что-то по-казахски", ["что-то", "по-казахски"]),
    ("COVID-19 и 2023-2025 годы", ["COVID-19", "и", "2023-2025", "годы"]),
    # a dash after a space: the atom before the space decides (razdel looks across it)
    ("с 5 -3 градусов", ["с", "5", "-3", "градусов"]),
    ("погода - ясная", ["погода", "-", "ясная"]),
    # decimal comma and point, fractions; a point after a word stays apart
    ("рост 1,5 % и 2.7 млрд, доля 3/4.", ["рост", "1,5", "%", "и", "2.7", "млрд", ",", "доля", "3/4", "."]),
    # Kazakh letters are not in razdel's Cyrillic class: they glue to the word as "other" atoms
    ("Қасым-Жомарт Тоқаев в Өскемене", ["Қасым-Жомарт", "Тоқаев", "в", "Өскемене"]),
    # runs of sentence endings, double dashes, smileys, snake_case, Yahoo!
    ("Неужели?! Да... -- ок :) file_name Yahoo!", ["Неужели", "?!", "Да", "...", "--", "ок", ":)",
                                                  "file_name", "Yahoo!"]),
    ("ок :-)", ["ок", ":", "-", ")"]),  # atom by atom: ":-" is no smiley, so ":-)" falls apart
    # quotes and brackets stand alone
    ("«Самрук-Қазына» (фонд)", ["«", "Самрук-Қазына", "»", "(", "фонд", ")"]),
    ("", []),
    ("   \n\t ", []),
])
def test_tokens_of_real_phrase_shapes(text, tokens):
    assert [t[2] for t in tokenize(text)] == tokens
    assert tokenize(text) == razdel(text)


def test_offsets_point_into_the_text():
    text = "  Аким области,\nг-н Байбек, доложил: рост — 12,4%.  "
    for start, stop, word in tokenize(text):
        assert text[start:stop] == word


TRICKY = list("аБвЁёqwXYZ019 -‑–—−_.,/\\!?…:;=()[]{}*\"'«»№%$@#^~`|+<>әҚңөҰіΔσ€😀\t\n")


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(TRICKY + ["yahoo", "Yahoo", ":-)", "...", "--", "**", "1,5"]),
                max_size=14).map("".join))
def test_same_tokens_as_razdel_on_any_string(text):
    assert tokenize(text) == razdel(text)
