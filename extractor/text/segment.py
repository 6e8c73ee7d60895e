"""Segment stage: line-aware sentences and tokens over the source text.

razdel splits sentences on punctuation only, so a headline with no full stop
glues to the next line ("Астана\\nЖителей").  We split on line breaks first and
run razdel inside each line; every piece keeps offsets into the source text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from razdel import sentenize

from .tokens import tokenize

# A sentence longer than this is cut at the last whitespace before the limit, so
# a 20 MB single-line file costs linear time and bounded memory downstream.
MAX_SENTENCE = 2000

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]`` as (start, end), stripped of outer spaces."""
    for match in _LINE.finditer(text, start, len(text) if end is None else end):
        line = match.group()
        stripped = line.strip()
        if stripped:
            left = match.start() + (len(line) - len(line.lstrip()))
            yield left, left + len(stripped)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]``; never crossing a line break."""
    out: list[Sentence] = []
    for line_start, line_end in lines(text, start, end):
        for piece_start, piece_end in _bounded(text, line_start, line_end):
            piece = text[piece_start:piece_end]
            for sent in sentenize(piece):
                s, e = piece_start + sent.start, piece_start + sent.stop
                out.append(Sentence(s, e, text[s:e]))
    return out


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """razdel tokens of ``text[start:end]`` with source offsets."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    return [Token(start + a, start + b, word) for a, b, word in tokenize(chunk)]  # razdel's cuts


BLOCK_CHARS = 1000


def blocks(text: str, sents: list[Sentence], limit: int = BLOCK_CHARS) -> list[Sentence]:
    """Consecutive sentences of one line merged up to ``limit`` characters.

    razdel ends a sentence after an abbreviation before a capital ("7 млн долл.
    США"); blocks heal that while never crossing a line break, and give NER as
    much context as natasha gives it.
    """
    out: list[Sentence] = []
    for sent in sents:
        if out:
            last = out[-1]
            between = text[last.end:sent.start]
            if "\n" not in between and "\r" not in between and sent.end - last.start <= limit:
                out[-1] = Sentence(last.start, sent.end, text[last.start:sent.end])
                continue
        out.append(sent)
    return out
