"""A yargy rule compiled to a token automaton, for grammars that are regular.

The position and facility grammars are regular: modifiers, a head, a bounded
scope or name.  yargy parses them with a general Earley chart, which builds and
hashes a state object for every prediction; most of the entity layer's time went
there.  :class:`TokenAutomaton` takes the same yargy rule (activated with the
same tokenizer, so ``dictionary`` and ``gram`` predicates behave the same) and
compiles it once, Thompson-style, into states joined by predicate edges and
empty moves.  Matching a window is then a walk over token positions with a set
of live states, each predicate tested at most once per token.

Only what the matcher needs is kept: the span of the longest match.  Recursive
rules (``forward``) are not regular and are refused at compile time.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

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


class _Builder:
    def __init__(self) -> None:
        self.edges: list[list[tuple[Callable, int]]] = []   # state -> [(predicate, target)]
        self.empty: list[list[int]] = []                     # state -> [target] (empty moves)

    def state(self) -> int:
        self.edges.append([])
        self.empty.append([])
        return len(self.edges) - 1

    def fragment(self, item) -> tuple[int, int]:
        """(entry, exit) states of a sub-automaton for a rule or a predicate."""
        if not is_rule(item):
            entry, exit_ = self.state(), self.state()
            self.edges[entry].append((item, exit_))
            return entry, exit_
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
    """``TokenAutomaton(rule, tokenizer)``: the rule's longest matches over token windows."""

    def __init__(self, rule, tokenizer) -> None:
        rule = rule.activate(Context(tokenizer, PassTagger()))
        builder = _Builder()
        self.start, self.final = builder.fragment(rule)
        # only states that read a token, or the final one, need to be live
        useful = {s for s, edges in enumerate(builder.edges) if edges} | {self.final}
        closures = [tuple(t for t in self._closure(builder.empty, s) if t in useful)
                    for s in range(len(builder.edges))]
        # state -> [(predicate id, predicate, empty-closure of the target)]: one step, one token
        self.steps = [tuple((id(pred), pred, closures[target]) for pred, target in edges)
                      for edges in builder.edges]
        self.entry = closures[self.start]

    @staticmethod
    def _closure(empty: list[list[int]], state: int) -> tuple[int, ...]:
        seen, stack = {state}, [state]
        while stack:
            for target in empty[stack.pop()]:
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return tuple(sorted(seen))

    def longest_covering(self, tokens: Sequence, anchor: int, can_start=None):
        """The longest match within ``tokens`` that covers ``tokens[anchor]``, with the
        index where it starts (earliest start wins a tie); ``(None, -1)`` if none."""
        steps, final = self.steps, self.final
        live: dict[int, int] = {}          # state -> earliest start that reaches it
        best: Optional[tuple[int, int]] = None
        for position in range(len(tokens) + 1):
            if position > anchor and final in live:
                begin = live[final]
                if best is None or position - begin > best[1] - best[0]:
                    best = (begin, position)
            if position == len(tokens):
                break
            token = tokens[position]
            if position <= anchor and (can_start is None or can_start(token)):
                for state in self.entry:
                    if state not in live:
                        live[state] = position
            if not live:
                continue
            tested: dict[int, bool] = {}
            moved: dict[int, int] = {}
            for state, begin in live.items():
                for key, predicate, targets in steps[state]:
                    ok = tested.get(key)
                    if ok is None:
                        ok = tested[key] = bool(predicate(token))
                    if ok:
                        for target in targets:
                            if begin < moved.get(target, len(tokens)):
                                moved[target] = begin
            live = moved
            if not live and position >= anchor:
                break
        if best is None:
            return None, -1
        return Match(list(tokens[best[0]:best[1]])), best[0]
