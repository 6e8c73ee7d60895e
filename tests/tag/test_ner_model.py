"""Our NER model (extractor/tag/ner_model.py) gives natasha's NewsNERTagger spans.

The texts are our own words, shaped like the releases the pipeline reads.
benchmarks/ner_equality.py checks the same on all of NEREL, the seeds and our reports.
"""
from __future__ import annotations

import sys

import pytest

from extractor.tag import ner_model
from extractor.tag.ner_model import FastNER

TEXTS = [
    "Глава государства Касым-Жомарт Токаев принял акима Карагандинской области Ермаганбета Булекпаева.",
    "Аким доложил Президенту о ходе отопительного сезона в Темиртау, Балхаше и Жезказгане.",
    "Министр энергетики Алмасадам Саткалиев проинформировал о строительстве ТЭЦ-3 в Кокшетау "
    "и о модернизации Экибастузской ГРЭС-1, а также о тарифах АО «Самрук-Энерго».",
    "Президенту доложено: рост ВРП за январь-сентябрь составил 5,7%, инвестиции в основной капитал "
    "увеличились на 12,4% и достигли 1,2 трлн тенге.",
    "Токаев поручил правительству Казахстана и фонду «Самрук-Қазына» завершить проект до 2026 года.",
    "АСТАНА. KAZINFORM – В Акорде состоялась встреча с председателем правления АО «ҚазМұнайГаз» "
    "Асхатом Хасеновым; обсуждались поставки нефти через КТК и порт Актау.",
    "Фото: Акорда",
    "Читайте также: В Шымкенте открыли новый завод",
    "ВСТРЕЧА ПРЕЗИДЕНТА С АКИМОМ ГОРОДА АЛМАТЫ ЕРБОЛАТОМ ДОСАЕВЫМ",
    "Источник: akorda.kz, 12.03.2024 15:40 / Yahoo! News :) — т.е. перепечатка",
    "Ким Ен Ын, Эммануэль Макрон и Си Цзиньпин не упомянуты в релизе; речь шла о ЕАЭС, ШОС и ООН.",
    "",
    "  \n  ",
    "—",
]


@pytest.fixture(scope="module")
def stock(pipeline):
    return pipeline._ner._tagger  # natasha's NewsNERTagger as shipped, sharing the loaded weights


def natasha_spans(stock, texts):
    return [[(s.start, s.stop, s.type) for s in m.spans] for m in stock.map(texts)]


def spans(model, texts):
    return [[(s.start, s.stop, s.type) for s in block] for block in model(texts)]


def test_same_spans_as_natasha(stock):
    expected = natasha_spans(stock, TEXTS)
    assert spans(FastNER(stock), TEXTS) == expected
    # the spans are real ones, not just equal: the people, places and organisations are found
    found = {(TEXTS[i][a:b], kind) for i, block in enumerate(expected) for a, b, kind in block}
    assert ("Касым-Жомарт Токаев", "PER") in found
    assert ("Темиртау", "LOC") in found
    assert ("Асхатом Хасеновым", "PER") in found


def test_each_text_alone_or_in_any_company(stock):
    model = FastNER(stock)
    expected = natasha_spans(stock, TEXTS)
    assert [spans(model, [t])[0] for t in TEXTS] == expected
    assert spans(model, TEXTS[::-1]) == expected[::-1]


def test_a_table_that_keeps_dropping_rows_changes_nothing(stock):
    """A 10-row word table drops half its rows on nearly every text."""
    model = FastNER(stock, cache_rows=10)
    expected = natasha_spans(stock, TEXTS)
    for _ in range(2):
        assert spans(model, TEXTS) == expected
        for text, want in zip(TEXTS, expected):  # short texts fit: rows are kept, then dropped
            assert spans(model, [text]) == [want]
    taps = model.taps
    kept = taps.keys[1:]
    assert 0 < len(kept) <= 10 and sorted(taps.rows.values()) == list(range(1, len(kept) + 1))
    # every kept row still holds its own word's projection
    assert abs(taps.table[1:len(kept) + 1] - taps.compute(kept)).max() < 1e-5


def test_texts_longer_than_a_group(stock, monkeypatch):
    """Blocks are run in groups of BATCH_TOKENS tokens; a text longer than a group runs alone."""
    monkeypatch.setattr(ner_model, "BATCH_TOKENS", 20)
    calls = []
    got = spans_between(FastNER(stock), TEXTS, calls)
    assert got == natasha_spans(stock, TEXTS)
    assert len(calls) > 3  # the budget check runs between the groups


def spans_between(model, texts, calls):
    return [[(s.start, s.stop, s.type) for s in block]
            for block in model(texts, between=lambda: calls.append(1))]


def test_emissions_match_slovnets_float_output(stock):
    """Not only the tags: the scores themselves agree with slovnet's to float32 precision."""
    import numpy as np

    model = FastNER(stock)
    infer = stock.infer
    words = [t[2] for t in ner_model.tokenize(TEXTS[2])]
    batch = next(infer.encoder([words]))
    want = infer.model(batch.word_id, batch.shape_id, batch.pad_mask)[0]
    keys = np.array([-1] + [model._key(w) for w in words] + [-1])
    have = model.emissions(keys)
    assert np.abs(have - want).max() < 1e-4


def test_the_ner_shares_the_embeddings_words(pipeline):
    """The NER tagger holds no second copy of navec's 250k words, and its ids are navec's."""
    ner = pipeline._ner
    vocab = ner._tagger.infer.encoder.words_vocab
    assert vocab.items is ner.embedding.vocab.words
    assert vocab.encode("астана") == ner.embedding.vocab["астана"]
    assert vocab.encode("несуществующееслово") == vocab.unk_id == ner.embedding.vocab.unk_id


def test_threads_sharing_one_model(stock):
    """A Dask worker's threads share the process's pipeline, so its word table too."""
    from concurrent.futures import ThreadPoolExecutor

    model = FastNER(stock, cache_rows=40)  # small: rows are added and dropped all the time
    expected = natasha_spans(stock, TEXTS)
    jobs = [[t] for t in TEXTS if t.strip()] * 20
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns between almost any two bytecodes
    try:
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda texts: spans(model, texts), jobs))
    finally:
        sys.setswitchinterval(switch)
    for texts, got in zip(jobs, results):
        assert got == [expected[TEXTS.index(t)] for t in texts]
