"""Anchored matching: the longest match around each anchor token.

Figures and entities hang on anchors (a number, a month, a post, a facility
noun), so a grammar is never run over a whole text: for each anchor we only ask
what is the longest match, in a small window around it, that holds it.  The
matcher is a compiled :class:`~extractor.parsing.automaton.TokenAutomaton`
(``longest_covering(tokens, anchor, can_start)``), and tokens come in already
tokenized with lazy morphology, so a block is tokenized once for all grammars.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional


def scan_anchors(parser, tokens, is_anchor: Callable, can_start: Optional[Callable],
                 lookback: int, lookahead: int, accept: Callable,
                 indices: Optional[Iterable[int]] = None) -> None:
    """For each anchor token not inside an accepted match, find the longest match that
    starts at most ``lookback`` tokens before it and holds it, and offer it to
    ``accept(match, start_index)``; a True answer covers its tokens.  ``indices``
    (ascending) are the only tokens worth asking ``is_anchor`` about; all when None."""
    covered = -1
    for i in range(len(tokens)) if indices is None else indices:
        if i <= covered or not is_anchor(tokens, i):
            continue
        first = max(covered + 1, i - lookback)
        stop = min(len(tokens), i + lookahead + 1)
        window = tokens.window(first, stop) if hasattr(tokens, "window") else tokens[first:stop]
        match, start = parser.longest_covering(window, i - first, can_start)
        if match is not None and accept(match, first + start):
            covered = first + start + len(match.tokens) - 1
