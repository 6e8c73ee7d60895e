"""yargy's Earley chart, anchored: the reference the compiled automaton is proved against.

The product matches grammars with :class:`extractor.parsing.automaton.TokenAutomaton`.
This is the chart parser it replaced (``longest_covering`` with the same contract),
kept for the tests (tests/test_automaton.py) and the equivalence benchmark
(benchmarks/figures_equivalence.py) only.  Productions are predicted only where
their first token can match (cached per token text).
"""
from __future__ import annotations

from typing import Sequence

from yargy.parser import Chart, Parser, State, prepare_match, prepare_trees
from yargy.rule.bnf import is_rule
from yargy.tree import Node


class AnchoredParser(Parser):
    """A yargy Parser that only predicts productions whose first token can match."""

    PREDICT_CACHE = 200_000

    def __init__(self, rule, tokenizer=None, tagger=None):
        super().__init__(rule, tokenizer=tokenizer, tagger=tagger)
        self._first: dict[int, tuple[list, bool]] = {}
        # (rule, token type, token text) -> indices of the productions worth predicting
        self._predicted: dict[tuple, list[int]] = {}

    def _first_of_rule(self, rule, visiting: frozenset = frozenset()) -> tuple[list, bool]:
        key = id(rule)
        if key in self._first:
            return self._first[key]
        if key in visiting:  # recursion: contributes nothing new at this depth
            return [], False
        preds, nullable = [], False
        for production in rule.productions:
            p_preds, p_nullable = self._first_of_terms(production.terms, visiting | {key})
            preds += p_preds
            nullable = nullable or p_nullable
        result = (preds, nullable)
        if not visiting:
            self._first[key] = result
        return result

    def _first_of_terms(self, terms, visiting: frozenset = frozenset()) -> tuple[list, bool]:
        preds = []
        for term in terms:
            if is_rule(term):
                sub, nullable = self._first_of_rule(term, visiting)
                preds += sub
                if not nullable:
                    return preds, False
            else:
                preds.append(term)
                return preds, False
        return preds, True

    def predict(self, column, next_column, rule):
        if next_column is None:
            return super().predict(column, next_column, rule)
        token = next_column.token
        signature = (id(rule), token.type, token.value)
        indices = self._predicted.get(signature)
        if indices is None:
            indices = self._predicted[signature] = self._viable(rule, token)
            if len(self._predicted) > self.PREDICT_CACHE:
                self._predicted.clear()
        for index in indices:
            production = rule.productions[index]
            node = Node(rule, production, rank=index, children=[])
            column.append(State(rule, production, dot_index=0, start_column=column,
                                stop_column=column, node=node))

    def _viable(self, rule, token) -> list[int]:
        """Productions of ``rule`` whose first token can be ``token`` (the same for every
        token of the same type and text, so the answer is cached)."""
        tested = self._tested.setdefault(id(token), {})
        out = []
        for index, production in enumerate(rule.productions):
            key = id(production)
            first = self._first.get(key)
            if first is None:
                preds, nullable = self._first_of_terms(production.terms)
                first = self._first[key] = (list({id(p): p for p in preds}.values()), nullable)
            preds, nullable = first
            if nullable or any(_test(tested, pred, token) for pred in preds):
                out.append(index)
        return out

    def longest_covering(self, tokens: Sequence, anchor: int, can_start=None):
        """The longest match within ``tokens`` that covers ``tokens[anchor]``, with the
        index where it starts (earliest start wins a tie).  One chart for every start
        position up to the anchor, instead of one chart per start."""
        self._tested = {}
        chart = Chart(self.tagger(iter(tokens)))
        for column, next_column in chart:
            starts_here = column.index <= anchor and (
                can_start is None or (next_column is not None and can_start(next_column.token)))
            if starts_here:
                self.predict(column, next_column, self.rule)
            for state in column:
                if state.completed:
                    self.complete(column, state)
                else:
                    next_term = state.next_term
                    if is_rule(next_term):
                        self.predict(column, next_column, next_term)
                    elif next_column:
                        self.scan(next_column, next_term, state)
        best, best_key = None, None
        for state in chart.matches(self.rule):
            start, stop = state.range
            if not (start <= anchor < stop):
                continue
            key = (stop - start, -start)
            if best_key is not None and key <= best_key:
                continue
            match = prepare_match(next(iter(prepare_trees([state]))))
            if match is not None:
                best, best_key = (match, start), key
        return best if best is not None else (None, -1)


def _test(cache: dict, pred, token) -> bool:
    key = id(pred)
    result = cache.get(key)
    if result is None:
        result = cache[key] = bool(pred(token))
    return result
