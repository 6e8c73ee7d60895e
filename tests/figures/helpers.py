import datetime as dt

from extractor.figures.extract import extract_figures
from extractor.text.segment import blocks, sentences


def figures(text: str, published: dt.date | None = None):
    spans = extract_figures(text, blocks(text, sentences(text)), published)
    for s in spans:
        assert text[s.start:s.end] == s.text
    return spans


def only(text: str, kind: str, published: dt.date | None = None):
    found = [s for s in figures(text, published) if s.type == kind]
    assert len(found) == 1, (text, [(s.type, s.text) for s in figures(text, published)])
    return found[0]
