"""Precision / recall / F1 with one-to-one matching (exact span or overlap)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence, TypeVar

A = TypeVar("A")
B = TypeVar("B")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    # nothing to find and nothing found is a perfect score, not a zero
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def match_one_to_one(system: Sequence[A], gold: Sequence[B],
                     similarity: Callable[[A, B], float]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by decreasing similarity (> 0 means a match).

    Each system item matches at most one gold item and vice versa."""
    pairs = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            sim = similarity(s, g)
            if sim > 0:
                pairs.append((sim, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_s, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def score_items(system: Sequence[A], gold: Sequence[B], similarity: Callable[[A, B], float],
                optional: Sequence[B] = ()) -> Score:
    """TP/FP/FN of ``system`` against required ``gold``; matches to ``optional``
    gold items are neither rewarded nor penalised."""
    matched = match_one_to_one(system, gold, similarity)
    score = Score(tp=len(matched), fn=len(gold) - len(matched))
    leftover = [s for i, s in enumerate(system) if i not in {i for i, _ in matched}]
    if optional:
        spared = match_one_to_one(leftover, optional, similarity)
        leftover = [s for k, s in enumerate(leftover) if k not in {k for k, _ in spared}]
    score.fp = len(leftover)
    return score


def exact(a, b) -> float:
    return 1.0 if (a.start, a.end) == (b.start, b.end) else 0.0


def overlap(a, b) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / (max(a.end, b.end) - min(a.start, b.start))


@dataclass
class SpanScores:
    """Per-type exact and overlap scores, summed over documents."""

    exact: dict[str, Score] = field(default_factory=dict)
    overlap: dict[str, Score] = field(default_factory=dict)

    def add_document(self, system: Iterable, gold: Iterable, types: Iterable[str]) -> None:
        system, gold = list(system), list(gold)
        for type in types:
            sys_t = [s for s in system if s.type == type]
            gold_t = [g for g in gold if g.type == type]
            self.exact.setdefault(type, Score()).add(score_items(sys_t, gold_t, exact))
            self.overlap.setdefault(type, Score()).add(score_items(sys_t, gold_t, overlap))

    def as_dict(self) -> dict:
        return {type: {"exact": self.exact[type].as_dict(), "overlap": self.overlap[type].as_dict()}
                for type in self.exact}
