"""The figure grammars on the compiled token automaton against yargy's anchored chart.

    python benchmarks/figures_equivalence.py            # prove + time (NEREL train + dev, seeds, our texts)
    python benchmarks/figures_equivalence.py --limit 50 # a quick look

1. Proof: every document goes through the pipeline; at its figures stage the same
   input (text, blocks, publication date) is read twice, once with the product's
   automata and once with the chart parser they replaced (tests/chart_reference.py,
   the unit read from yargy's interpretation ``match.fact.unit``).  Every figure
   span (start, end, type, normal, data) must be identical, in the same order.
   The same is done on every sentence of every text (the figure tests' shape).
2. Time: the figures stage (``Pipeline.stage_seconds``, wall, and its CPU time) on
   NEREL dev, chart and automaton alternated in one process, best of three passes each.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from chart_reference import AnchoredParser  # noqa: E402
from extractor import Pipeline, pipeline as pipeline_module  # noqa: E402
from extractor.figures import extract  # noqa: E402
from extractor.parsing.automaton import Match  # noqa: E402
from extractor.parsing.tokenizer import tokenizer  # noqa: E402
from extractor.reading import read_file  # noqa: E402
from extractor.text.segment import blocks, sentences  # noqa: E402

SHARED = Path(os.environ.get("KZ_SHARED", ROOT.parent / "shared"))


class ChartMatcher:
    """yargy's anchored chart behind the automaton's interface (label = the fact's unit)."""

    def __init__(self, grammar, labelled: bool):
        self.parser = AnchoredParser(grammar, tokenizer=tokenizer())
        self.labelled = labelled

    def longest_covering(self, tokens, anchor, can_start=None):
        match, start = self.parser.longest_covering(tokens, anchor, can_start)
        if match is None:
            return None, -1
        return Match(list(match.tokens), match.fact.unit if self.labelled else None), start


def chart_parsers() -> dict:
    return {group: ChartMatcher(grammar, group != "date") for group, grammar in extract.grammars().items()}


def corpus(limit: int | None) -> list[tuple[str, Path]]:
    sets = [("nerel-train", sorted((SHARED / "eval" / "nerel" / "train").glob("*.txt"))),
            ("nerel-dev", sorted((SHARED / "eval" / "nerel" / "dev").glob("*.txt"))),
            ("seeds", sorted((ROOT / "seeds").glob("*.txt"))),
            ("reports", sorted((ROOT / "tests" / "data" / "reports").glob("*.txt"))),
            ("pages", sorted((ROOT / "tests" / "data" / "pages").glob("*.*")))]
    out = []
    for name, paths in sets:
        out += [(name, p) for p in (paths[:limit] if limit else paths)]
    return out


def _key(spans) -> list[tuple]:
    return [(s.start, s.end, s.type, s.normal, repr(sorted(s.data.items()))) for s in spans]


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--limit", type=int, default=None, help="documents per set")
    args.add_argument("--passes", type=int, default=3, help="timing passes over NEREL dev per matcher")
    args.add_argument("--time-only", action="store_true", help="skip the proof")
    opts = args.parse_args()

    automata, charts = extract.parsers(), chart_parsers()
    product = extract.parsers
    calls = []

    def compare(view, segments, published):
        extract.parsers = lambda: charts
        try:
            old = extract.extract_figures(view, segments, published)
        finally:
            extract.parsers = product
        new = extract.extract_figures(view, segments, published)
        calls.append((_key(old) == _key(new), len(new), view, segments, published, old, new))
        return new

    pipe = Pipeline()
    pipeline_module.extract_figures = compare
    counts: dict[str, list[int]] = {}
    failures = []
    for name, path in ([] if opts.time_only else corpus(opts.limit)):
        try:
            src = read_file(path, path.stem)
            pipe.process(src)
        except Exception as error:  # a page without an article: no figures stage
            print(f"skip {path.name}: {type(error).__name__}")
            continue
        docs, spans, same, sents, sent_spans, sent_same = counts.setdefault(name, [0] * 6)
        docs += 1
        for ok, n, view, segments, published, old, new in calls:
            spans += n
            same += ok
            if not ok:
                failures.append((path, old, new))
            # every sentence on its own, without a publication date (the figure tests' shape)
            for sent in blocks(view, sentences(view)):
                extract.parsers = lambda: charts
                try:
                    old_s = extract.extract_figures(view, [sent], None)
                finally:
                    extract.parsers = product
                new_s = extract.extract_figures(view, [sent], None)
                sents += 1
                sent_spans += len(new_s)
                sent_same += _key(old_s) == _key(new_s)
                if _key(old_s) != _key(new_s):
                    failures.append((path, old_s, new_s))
        calls.clear()
        counts[name] = [docs, spans, same, sents, sent_spans, sent_same]
    pipeline_module.extract_figures = extract.extract_figures

    print(f"{'set':<12} {'docs':>6} {'spans':>7} {'same':>6} {'blocks':>7} {'spans':>7} {'same':>7}")
    for name, (docs, spans, same, sents, sent_spans, sent_same) in counts.items():
        print(f"{name:<12} {docs:>6} {spans:>7} {same:>6} {sents:>7} {sent_spans:>7} {sent_same:>7}")
    for path, old, new in failures[:20]:
        print("DIFF", path.name)
        print("  chart:    ", [(s.start, s.end, s.type, s.normal) for s in old])
        print("  automaton:", [(s.start, s.end, s.type, s.normal) for s in new])
    print(f"differences: {len(failures)}")

    # -- time: the figures stage of the pipeline on NEREL dev ------------------------
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "eval" / "nerel" / "dev").glob("*.txt"))]
    texts = texts[:opts.limit] if opts.limit else texts
    cpu = [0.0]

    def timed(*args):                  # CPU time too: the wall clock counts other processes' turns
        started = time.process_time()
        try:
            return extract.extract_figures(*args)
        finally:
            cpu[0] += time.process_time() - started

    pipeline_module.extract_figures = timed
    best: dict[str, tuple[float, float]] = {}
    for _ in range(opts.passes):
        for name, table in (("chart", charts), ("automaton", automata)):
            extract.parsers = lambda table=table: table
            pipe.stage_seconds.clear()
            cpu[0] = 0.0
            for text in texts:
                pipe(text)
            wall = pipe.stage_seconds["figures"] / len(texts) * 1000
            spent = cpu[0] / len(texts) * 1000
            was = best.get(name, (wall, spent))
            best[name] = (min(was[0], wall), min(was[1], spent))
            print(f"{name:<10} figures {wall:6.2f} ms/doc wall, {spent:6.2f} ms/doc CPU; "
                  f"NER (tag) {pipe.stage_seconds['tag'] / len(texts) * 1000:6.2f} ms/doc wall")
    extract.parsers = product
    pipeline_module.extract_figures = extract.extract_figures
    (chart_wall, chart_cpu), (auto_wall, auto_cpu) = best["chart"], best["automaton"]
    print(f"figures stage (best of {opts.passes}): chart {chart_wall:.2f} -> automaton {auto_wall:.2f} ms/doc wall "
          f"({chart_wall / auto_wall:.1f}x), {chart_cpu:.2f} -> {auto_cpu:.2f} ms/doc CPU ({chart_cpu / auto_cpu:.1f}x)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
