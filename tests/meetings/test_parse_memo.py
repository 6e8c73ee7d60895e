"""The syntax stage keeps the analyses of sentences it has seen (retellings repeat a
release's sentences word for word): a sentence seen again gets the very analysis a
fresh parse gives, at its own offsets."""
from __future__ import annotations

from dataclasses import asdict

import pytest

from extractor.events import parse as parse_module
from extractor.events.parse import SyntaxStage
from extractor.text.segment import sentences

RELEASE = ("Глава государства принял акима Павлодарской области Асаина Байханова. "
           "Аким доложил о ходе отопительного сезона. Президент поручил завершить ремонт сетей до октября.")
RETELLING = "Астана, 3 октября. " + RELEASE + " Об этом сообщает пресс-служба Акорды."


def parsed(stage: SyntaxStage, text: str):
    return [[asdict(w) for w in p.words] for p in stage(text, sentences(text, 0))]


def test_a_sentence_seen_again_gets_the_fresh_analysis_at_its_offsets(pipeline):
    stage = SyntaxStage(pipeline._ner.embedding)
    fresh = SyntaxStage(pipeline._ner.embedding)
    first = parsed(stage, RELEASE)
    run = stage._morph.map
    stage._morph.map = lambda items: run(items) if not items else pytest.fail(f"parsed again: {items}")
    again = parsed(stage, RETELLING)           # the release's sentences come from the memo
    assert again == parsed(fresh, RETELLING)   # a stage that never saw them
    shift = RETELLING.index(RELEASE)
    assert [[w["start"] - shift for w in p] for p in again[-len(first):]] == [[w["start"] for w in p] for p in first]


def test_words_handed_out_are_the_callers_own(pipeline):
    stage = pipeline._syntax
    lead = RELEASE.split(". ")[0] + "."
    [one] = stage(lead, sentences(lead, 0))
    one.words[0].rel, one.words[0].feats["Case"] = "changed", "changed"  # parse repairs edit words
    [two] = stage(lead, sentences(lead, 0))
    assert two.words[0].rel != "changed" and two.words[0].feats.get("Case") != "changed"


def test_the_memo_stays_bounded(pipeline, monkeypatch):
    monkeypatch.setattr(parse_module, "PARSES_KEPT", 2)
    stage = SyntaxStage(pipeline._ner.embedding)
    text = " ".join(f"Президент принял акима {k}-го района." for k in range(5))
    parsed(stage, text)
    assert len(stage._kept) == 2
