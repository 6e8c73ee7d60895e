"""``extractor eval nerel DIR``: mention quality per contract type on a brat folder,
optionally next to natasha's own NER + Money/Dates extractors on the same texts."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from .brat import NEREL_TO_CONTRACT, BratDoc, read_folder
from .metrics import SpanScores

TYPES = ["person", "position", "region", "location", "facility", "organization",
         "money", "percent", "date"]
# the types natasha's NER + extractors can produce at all
NATASHA_TYPES = {"person", "region", "organization", "money", "date"}


@dataclass(frozen=True)
class SysSpan:
    start: int
    end: int
    type: str


def ours(pipeline=None) -> Callable[[str], list[SysSpan]]:
    if pipeline is None:
        from ..pipeline import Pipeline
        pipeline = Pipeline()

    def run(text: str) -> list[SysSpan]:
        record = pipeline(text)
        return [SysSpan(m.start, m.end, m.type) for m in record.mentions]
    return run


def natasha_baseline() -> Callable[[str], list[SysSpan]]:
    """natasha as shipped: NewsNERTagger on the whole text (PER/LOC/ORG ->
    person/region/organization) plus MoneyExtractor and DatesExtractor."""
    from natasha import (DatesExtractor, MoneyExtractor, MorphVocab, NewsEmbedding,
                         NewsNERTagger)

    ner = NewsNERTagger(NewsEmbedding())
    vocab = MorphVocab()
    money, dates = MoneyExtractor(vocab), DatesExtractor(vocab)
    ner_types = {"PER": "person", "LOC": "region", "ORG": "organization"}

    def run(text: str) -> list[SysSpan]:
        out = [SysSpan(s.start, s.stop, ner_types[s.type]) for s in ner(text).spans]
        out += [SysSpan(m.start, m.stop, "money") for m in money(text)]
        out += [SysSpan(d.start, d.stop, "date") for d in dates(text)]
        return out
    return run


def evaluate(docs: Iterable[BratDoc], system: Callable[[str], list[SysSpan]]) -> tuple[SpanScores, float, int]:
    scores, seconds, n = SpanScores(), 0.0, 0
    for doc in docs:
        started = time.perf_counter()
        spans = system(doc.text)
        seconds += time.perf_counter() - started
        scores.add_document(spans, doc.spans, TYPES)
        n += 1
    return scores, seconds, n


def run_nerel(folder: Path, baseline: Optional[str] = None, pipeline=None) -> dict:
    docs = list(read_folder(folder))
    if not docs:
        raise ValueError(f"no brat documents (X.txt + X.ann) in {folder}")
    result = {"folder": str(folder), "documents": len(docs), "types": TYPES,
              "mapping": NEREL_TO_CONTRACT}
    scores, seconds, _ = evaluate(docs, ours(pipeline))
    result["ours"] = {"seconds": round(seconds, 3), "scores": scores.as_dict()}
    if baseline == "natasha":
        scores, seconds, _ = evaluate(docs, natasha_baseline())
        result["natasha"] = {"seconds": round(seconds, 3), "produces": sorted(NATASHA_TYPES),
                             "scores": scores.as_dict()}
    return result


def format_table(result: dict) -> str:
    head = f"{'type':<13} {'gold':>5} | {'exact P':>7} {'R':>6} {'F1':>6} | {'overlap P':>9} {'R':>6} {'F1':>6}"
    has_natasha = "natasha" in result
    if has_natasha:
        head += f" | {'natasha exact F1':>16} {'overlap F1':>10}"
    lines = [f"{result['documents']} documents in {result['folder']}", head, "-" * len(head)]
    for type in result["types"]:
        s = result["ours"]["scores"][type]
        gold = s["exact"]["tp"] + s["exact"]["fn"]
        line = (f"{type:<13} {gold:>5} | {s['exact']['precision']:>7.3f} {s['exact']['recall']:>6.3f} "
                f"{s['exact']['f1']:>6.3f} | {s['overlap']['precision']:>9.3f} "
                f"{s['overlap']['recall']:>6.3f} {s['overlap']['f1']:>6.3f}")
        if has_natasha:
            if type in result["natasha"]["produces"]:
                n = result["natasha"]["scores"][type]
                line += f" | {n['exact']['f1']:>16.3f} {n['overlap']['f1']:>10.3f}"
            else:
                line += f" | {'-':>16} {'-':>10}"
        lines.append(line)
    lines.append(f"ours: {result['ours']['seconds']:.1f}s" + (
        f", natasha: {result['natasha']['seconds']:.1f}s" if has_natasha else ""))
    return "\n".join(lines)
