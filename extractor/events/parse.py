"""natasha morphology and syntax (slovnet NewsMorphTagger + NewsSyntaxParser) on
the sentences that hold a trigger word, sharing the NER's navec embeddings.

Only trigger sentences are parsed (see ``triggers.may_hold_trigger``): most
sentences of a report are figures and facts, and the parse is the slowest
thing the events stage does.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..tag.morph import lemma
from ..tag.vocab import navec_words, share_words
from ..text.segment import Sentence, tokens as razdel_tokens
from .triggers import may_hold_trigger

MAX_TOKENS = 120  # a "sentence" longer than this is a run-on list, cut to its head
PARSES_KEPT = 4096  # analyses of recent sentences, by their words (retellings repeat a release's)


@dataclass
class Word:
    i: int
    start: int
    end: int
    text: str
    pos: str
    feats: dict
    head: int          # index of the head word, -1 for the root
    rel: str
    lemma: str

    @property
    def case(self) -> Optional[str]:
        return self.feats.get("Case")


@dataclass
class Parsed:
    start: int
    end: int
    words: list[Word]
    children: list[list[int]] = field(default_factory=list)

    def __post_init__(self):
        _repair_cycles(self.words)
        _second_subject(self.words)
        _name_before_verb(self.words)
        _dative_taken_for_adjective(self.words)
        self.children = [[] for _ in self.words]
        for w in self.words:
            if 0 <= w.head < len(self.words) and w.head != w.i:
                self.children[w.head].append(w.i)

    def kids(self, i: int, *rels: str) -> list[Word]:
        return [self.words[k] for k in self.children[i]
                if not rels or self.words[k].rel in rels or self.words[k].rel.split(":")[0] in rels]

    def subtree(self, i: int, skip: Sequence[int] = ()) -> list[int]:
        """Word indices under ``i`` (inclusive), without the subtrees rooted at ``skip``."""
        out, stack, seen = [], [i], set()
        while stack:
            k = stack.pop()
            if k in seen or (k in skip and k != i):
                continue
            seen.add(k)
            out.append(k)
            stack.extend(self.children[k])
        return sorted(out)

    def span(self, indices: Sequence[int]) -> tuple[int, int]:
        return self.words[min(indices)].start, self.words[max(indices)].end


def _repair_cycles(words: list[Word]) -> None:
    """The parser sometimes returns a cycle ("министра промышленности и строительства":
    министра <-> промышленности), cutting a phrase off the tree.  The earliest word of a
    cut-off part hangs from the nearest reachable noun before it that is no modifier
    (a coordinated object joins the object it follows), else from the root."""
    roots = [w.i for w in words if w.head < 0 or w.head >= len(words)]
    for _ in range(len(words)):
        reach = set(roots)
        changed = True
        while changed:
            changed = False
            for w in words:
                if w.i not in reach and w.head in reach:
                    reach.add(w.i)
                    changed = True
        lost = [w for w in words if w.i not in reach]
        if not lost:
            return
        first = lost[0]
        anchor = next((w for w in reversed(words[:first.i]) if w.i in reach and w.pos in {"NOUN", "PROPN"}
                       and w.rel.split(":")[0] not in {"nmod", "appos", "flat", "amod"}), None)
        first.head = anchor.i if anchor is not None else (roots[0] if roots else -1)
        if first.head < 0:
            roots.append(first.i)


def _second_subject(words: list[Word]) -> None:
    """'Глава государства принял Умирзака Шукеева': a verb given two subjects, one on each
    side; the one after it is the object (the order of a report, S V O)."""
    subjects_of: dict[int, list[Word]] = {}
    for w in words:
        if w.rel == "nsubj":
            subjects_of.setdefault(w.head, []).append(w)
    for head, subjects in subjects_of.items():
        if not 0 <= head < len(words) or words[head].pos != "VERB":
            continue
        verb = words[head]
        if len(subjects) > 1 and subjects[0].i < verb.i:
            for w in subjects[1:]:
                if w.i > verb.i:
                    w.rel = "obj"


def _name_before_verb(words: list[Word]) -> None:
    """'После осмотра новых школ Павлодара Асаин Байханов доложил Президенту ...':
    the parser hangs a name that opens the clause on the noun before it (appos); a finite
    active verb with no subject whose preceding word ends a nominative name takes that name
    as its subject."""
    has_subject = {w.head for w in words if w.rel.split(":")[0] == "nsubj"}
    for verb in words:
        if verb.pos != "VERB" or verb.i in has_subject or verb.i == 0 or verb.feats.get("VerbForm") != "Fin" \
                or verb.feats.get("Voice") == "Pass":
            continue
        last = words[verb.i - 1]
        first = words[last.head] if last.rel == "flat:name" and 0 <= last.head < len(words) else last
        if first.pos != "PROPN" or first.rel != "appos" or "Nom" not in {first.feats.get("Case"), last.feats.get("Case")}:
            continue  # 'с послом X Гульшара Абдыкаликова отметила': the tagger gave the given name the case of X
        first.head, first.rel = verb.i, "nsubj"


def _dative_taken_for_adjective(words: list[Word]) -> None:
    """'дал акиму поручения по ...': the tagger takes the dative noun before the object for
    an adjective agreeing with it, though the cases differ; a word the dictionary knows
    only as a noun in the dative, hung as amod on a verb's object in another case, is the
    verb's indirect object (who is given the instructions)."""
    from ..tag.morph import parse

    for w in words:
        if w.rel != "amod" or w.feats.get("Case") != "Dat" or not 0 <= w.head < len(words):
            continue
        obj = words[w.head]
        if obj.rel != "obj" or obj.feats.get("Case") == "Dat" or not 0 <= obj.head < len(words) \
                or words[obj.head].pos != "VERB" or w.i > obj.i:
            continue
        parses = [q for q in parse(w.text.lower()) if q.score > 0.01]
        if parses and all(q.tag.POS == "NOUN" for q in parses) and any(q.tag.case == "datv" for q in parses):
            w.pos, w.head, w.rel = "NOUN", obj.head, "iobj"


class SyntaxStage:
    """Loads the morph tagger and the syntax parser once, on a given embedding."""

    def __init__(self, embedding=None):
        from natasha import NewsEmbedding, NewsMorphTagger, NewsSyntaxParser

        embedding = embedding or NewsEmbedding()
        with navec_words(embedding):  # one copy of the 250k words per process (28 MB each)
            self._morph = NewsMorphTagger(embedding)
            self._syntax = NewsSyntaxParser(embedding)
        for tagger in (self._morph, self._syntax):
            share_words(tagger, embedding)
        self.sentences_seen = 0
        self.sentences_parsed = 0
        # words -> ((pos, feats, head index, rel) per word): a sentence's analysis depends on its
        # words alone (slovnet masks a batch's padding), so a sentence seen again is not re-run
        self._kept: OrderedDict[tuple[str, ...], tuple] = OrderedDict()

    def __call__(self, text: str, sentences: Sequence[Sentence]) -> list[Parsed]:
        """Parses of the given sentences that hold a trigger; ``sentences_seen`` is counted
        by the caller (who may not pass every sentence of a document)."""
        chosen = [s for s in sentences if may_hold_trigger(s.text)]
        self.sentences_parsed += len(chosen)
        toks = []
        for s in chosen:
            words = [t for t in razdel_tokens(text, s.start, s.end)][:MAX_TOKENS]
            toks.append(words)
        toks = [t for t in toks if t]
        if not toks:
            return []
        keys = [tuple(t.text for t in words) for words in toks]
        found = {}
        for key in keys:
            found[key] = self._kept.get(key)
            if found[key] is not None:
                self._kept.move_to_end(key)  # the least recently used goes first
        missing = [key for key, analysis in found.items() if analysis is None]
        # similar lengths side by side: slovnet pads every batch to its longest item
        missing.sort(key=len)
        items = [list(key) for key in missing]
        for key, morph, syntax in zip(missing, self._morph.map(items), self._syntax.map(items)):
            ids = {tok.id: k for k, tok in enumerate(syntax.tokens)}
            found[key] = self._keep(key, tuple((m.pos, dict(m.feats or {}), ids.get(sx.head_id, -1), sx.rel or "")
                                               for m, sx in zip(morph.tokens, syntax.tokens)))
        out = []
        for words, key in zip(toks, keys):
            parsed = [Word(k, t.start, t.end, t.text, pos, dict(feats), head, rel, lemma(t.text.lower()).replace("ё", "е"))
                      for k, (t, (pos, feats, head, rel)) in enumerate(zip(words, found[key]))]
            out.append(Parsed(words[0].start, words[-1].end, parsed))
        return out

    def _keep(self, key: tuple[str, ...], analysis: tuple) -> tuple:
        kept = self._kept
        kept[key] = analysis
        if len(kept) > PARSES_KEPT:
            kept.popitem(last=False)
        return analysis
