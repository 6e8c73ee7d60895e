"""A yargy rule compiled to a token automaton, for grammars that are regular.

The position, facility and figure grammars are regular: modifiers, a head, a
bounded scope or name; an amount, a scale, a unit; a day, a month, a year.
yargy parses them with a general Earley chart, which builds and hashes a state
object for every prediction; most of the entity and figure layers' time went
there.  :class:`TokenAutomaton` takes the same yargy rule (activated with the
same tokenizer, so ``dictionary`` and ``gram`` predicates behave the same) and
compiles it once, Thompson-style, into states joined by predicate edges and
empty moves.  Matching a window is then a walk over token positions with a set
of live states (made deterministic lazily, see the class).

Only what the matchers need is kept: the span of the longest match and, where
the rule names its result by a constant interpretation (``Measure.unit.const("USD")``,
``.interpretation(const("KZT"))``), the innermost such constant on the match's
path: the figure grammars' unit.  Recursive rules (``forward``) are not regular
and are refused at compile time.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from yargy.interpretation.interpretator import NormalizerInterpretator
from yargy.interpretation.normalizer import ConstNormalizer
from yargy.parser import Context
from yargy.rule.constructors import (
    EmptyRule, ForwardRule, InterpretationRule, MaxBoundedRule, MinBoundedRule,
    MinMaxBoundedRule, NamedRule, OptionalRule, OrRule, RelationRule, RepeatableOptionalRule,
    RepeatableRule, Rule, is_rule)
from yargy.tagger import PassTagger


class NotRegular(ValueError):
    """The rule recurses (``forward``) or holds a pipeline: use yargy's parser for it."""


@dataclass(frozen=True)
class Match:
    tokens: list
    label: object = None    # the innermost constant interpretation on the match's path


def _constant(rule) -> object:
    """The value a rule's interpretation always gives (``const(x)``, ``attr.const(x)``), or None."""
    interpretator = getattr(rule, "interpretator", None)
    if isinstance(interpretator, NormalizerInterpretator) and isinstance(
            interpretator.normalizer, ConstNormalizer):
        return interpretator.normalizer.value
    return None


class _Builder:
    def __init__(self) -> None:
        self.edges: list[list[tuple[Callable, int, object]]] = []  # state -> [(predicate, target, label)]
        self.empty: list[list[int]] = []                            # state -> [target] (empty moves)
        self.label: object = None                                   # of the edges being built

    def state(self) -> int:
        self.edges.append([])
        self.empty.append([])
        return len(self.edges) - 1

    def fragment(self, item) -> tuple[int, int]:
        """(entry, exit) states of a sub-automaton for a rule or a predicate."""
        if not is_rule(item):
            entry, exit_ = self.state(), self.state()
            self.edges[entry].append((item, exit_, self.label))
            return entry, exit_
        if isinstance(item, InterpretationRule) and _constant(item) is not None:
            outer, self.label = self.label, _constant(item)
            try:
                return self.fragment(item.rule)
            finally:
                self.label = outer
        if isinstance(item, (NamedRule, InterpretationRule, RelationRule)):
            return self.fragment(item.rule)
        if isinstance(item, ForwardRule):
            raise NotRegular("forward() rules recurse")
        if isinstance(item, EmptyRule):
            entry = self.state()
            return entry, entry
        if isinstance(item, OrRule):
            return self.either([self.fragment(r) for r in item.rules])
        if isinstance(item, MinMaxBoundedRule):
            return self.repeat(item.rule, item.min, item.max)
        if isinstance(item, MinBoundedRule):
            return self.repeat(item.rule, item.min, None)
        if isinstance(item, MaxBoundedRule):
            return self.repeat(item.rule, 1, item.max)
        if isinstance(item, RepeatableOptionalRule):
            return self.repeat(item.rule, 0, None)
        if isinstance(item, RepeatableRule):
            return self.repeat(item.rule, 1, None)
        if isinstance(item, OptionalRule):
            return self.repeat(item.rule, 0, 1)
        if type(item) is Rule:
            return self.either([self.sequence(p.terms) for p in item.productions])
        raise NotRegular(f"{type(item).__name__} is not supported")

    def sequence(self, terms) -> tuple[int, int]:
        entry = exit_ = self.state()
        for term in terms:
            start, end = self.fragment(term)
            self.empty[exit_].append(start)
            exit_ = end
        return entry, exit_

    def either(self, fragments) -> tuple[int, int]:
        entry, exit_ = self.state(), self.state()
        for start, end in fragments:
            self.empty[entry].append(start)
            self.empty[end].append(exit_)
        return entry, exit_

    def repeat(self, rule, least: int, most: Optional[int]) -> tuple[int, int]:
        entry = exit_ = self.state()
        for _ in range(least):
            start, end = self.fragment(rule)
            self.empty[exit_].append(start)
            exit_ = end
        if most is None:                      # any number more: a loop
            start, end = self.fragment(rule)
            self.empty[exit_].append(start)
            self.empty[end].append(start)
            final = self.state()
            self.empty[exit_].append(final)
            self.empty[end].append(final)
            return entry, final
        final = self.state()
        self.empty[exit_].append(final)
        for _ in range(most - least):        # each further copy optional
            start, end = self.fragment(rule)
            self.empty[exit_].append(start)
            self.empty[end].append(final)
            exit_ = end
        return entry, final


class TokenAutomaton:
    """``TokenAutomaton(rule, tokenizer)``: the rule's longest matches over token windows.

    The automaton is made deterministic lazily: a set of live states and a token lead
    to the same next set every time, so each transition is computed once (testing
    only the live states' predicates) and then looked up by the token's type and
    text.  A predicate's answer must depend on nothing else (morphology comes from
    the text), which holds for yargy's predicates over our tokenizer.
    """

    CACHE = 50_000           # transitions kept before the table is rebuilt from scratch (a few MB)

    def __init__(self, rule, tokenizer) -> None:
        rule = rule.activate(Context(tokenizer, PassTagger()))
        builder = _Builder()
        self.start, self.final = builder.fragment(rule)
        # only states that read a token, or the final one, need to be live
        useful = {s for s, edges in enumerate(builder.edges) if edges} | {self.final}
        # empty-closures only of the states a step lands on (and the start): most states are
        # the inner joints of sequences and never need one
        closures: dict[int, tuple[int, ...]] = {}

        def closure(state: int) -> tuple[int, ...]:
            found = closures.get(state)
            if found is None:
                found = closures[state] = tuple(t for t in self._closure(builder.empty, state) if t in useful)
            return found

        # state -> [(predicate id, predicate, empty-closure of the target, label)]: one step, one token
        self.steps = [tuple((id(pred), pred, closure(target), label) for pred, target, label in edges)
                      for edges in builder.edges]
        self.entry = closure(self.start)
        self._reset()

    @staticmethod
    def _closure(empty: list[list[int]], state: int) -> tuple[int, ...]:
        seen, stack = {state}, [state]
        while stack:
            for target in empty[stack.pop()]:
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return tuple(sorted(seen))

    # -- the lazy deterministic automaton: a set is ((state, label), ...) in the order reached
    def _reset(self) -> None:
        self._sets: list[tuple] = []
        self._ids: dict[tuple, int] = {}
        self._accepts: list[tuple] = []        # set id -> (label,) when the final state is in it
        self._moves: list[dict] = []           # set id -> {(token type, text): next set id}
        self._cached = 0
        self._dead = self._intern(())
        self._begin = self._intern(tuple((state, None) for state in self.entry))

    def _intern(self, items: tuple) -> int:
        found = self._ids.get(items)
        if found is None:
            found = self._ids[items] = len(self._sets)
            self._sets.append(items)
            self._moves.append({})
            self._accepts.append(next(((label,) for state, label in items if state == self.final), None))
        return found

    def _move(self, current: int, token) -> int:
        tested: dict[int, bool] = {}
        reached: dict[tuple, None] = {}
        for state, label in self._sets[current]:
            for key, predicate, targets, edge_label in self.steps[state]:
                ok = tested.get(key)
                if ok is None:
                    ok = tested[key] = bool(predicate(token))
                if ok:
                    carried = label if edge_label is None else edge_label
                    for target in targets:
                        reached[(target, carried)] = None
        return self._intern(tuple(reached))

    def longest_covering(self, tokens: Sequence, anchor: int, can_start=None):
        """The longest match within ``tokens`` that covers ``tokens[anchor]``, with the
        index where it starts (earliest start wins a tie); ``(None, -1)`` if none.
        The match's label is the innermost constant interpretation on its path."""
        if self._cached > self.CACHE:
            self._reset()
        raw = getattr(tokens, "raw", None) or tokens.__getitem__   # type and text, no morphology
        size = len(tokens)
        moves, accepts, dead = self._moves, self._accepts, self._dead
        best: Optional[tuple[int, int, object]] = None
        for begin in range(min(anchor + 1, size)):
            if best is not None and size - begin <= best[1] - best[0]:
                break                            # no later start can be longer
            if can_start is not None and not can_start(tokens[begin]):
                continue
            current = self._begin
            for position in range(begin, size):
                token = raw(position)
                key = (token.type, token.value)
                following = moves[current].get(key)
                if following is None:
                    following = moves[current][key] = self._move(current, tokens[position])
                    self._cached += 1
                current = following
                if current == dead:
                    break
                accept = accepts[current]
                if accept is not None and position >= anchor and (
                        best is None or position + 1 - begin > best[1] - best[0]):
                    best = (begin, position + 1, accept[0])
        if best is None:
            return None, -1
        return Match(list(tokens[best[0]:best[1]]), best[2]), best[0]
