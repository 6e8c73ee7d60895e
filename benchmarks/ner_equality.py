"""Proof that our NER model (extractor/tag/ner_model.py) gives natasha's spans.

    python benchmarks/ner_equality.py [--quick] [paths ...]

Runs natasha's ``NewsNERTagger.map`` as shipped and our ``FastNER`` over the
same inputs and asserts identical spans (start, stop, type), item by item:

* every block the pipeline feeds the NER (the texts cut and segmented as the
  pipeline does it), with the default word table and with a 300-row table
  (which drops rows all the time: the eviction path is exact too);
* every whole text as one item (long sequences, every line break);
* the tokens of every whole text against ``razdel.tokenize``.

Inputs by default: NEREL train and dev (``$KZ_SHARED/eval/nerel``), the seeds and
the reports and pages of ``tests/data``.  ``--quick``: NEREL dev, seeds and
reports only.  Prints the counts; exits 1 on the first differing item.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KZ_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))


def default_inputs(quick: bool) -> list[Path]:
    nerel = SHARED / "eval" / "nerel"
    dirs = [nerel / "dev"] if quick else [nerel / "train", nerel / "dev"]
    paths = [p for d in dirs for p in sorted(d.glob("*.txt"))]
    paths += sorted((ROOT / "seeds").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data" / "reports").glob("*"))
    if not quick:
        paths += sorted((ROOT / "tests" / "data" / "pages").glob("*"))
    return [p for p in paths if p.is_file()]


def documents(paths: list[Path]):
    """(path, text, blocks) as the pipeline cuts them."""
    from extractor.pages import extracted
    from extractor.reading import InputError, read_file
    from extractor.text.normalize import analysis_text
    from extractor.text.segment import blocks, sentences

    for path in paths:
        try:
            src = extracted(read_file(path, path.stem))
        except InputError:
            continue  # e.g. a page without an article
        view = analysis_text(src.text)
        yield path, view, [(b.start, b.end) for b in blocks(view, sentences(view, src.header_end))]


def stock_spans(tagger, texts: list[str]) -> list[list[tuple]]:
    return [[(s.start, s.stop, s.type) for s in markup.spans] for markup in tagger.map(texts)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="text files (default: see above)")
    parser.add_argument("--quick", action="store_true", help="NEREL dev, seeds and reports only")
    args = parser.parse_args()

    from natasha import NewsEmbedding, NewsNERTagger
    from razdel import tokenize as razdel_tokenize
    from extractor.tag.ner_model import FastNER
    from extractor.text.tokens import tokenize

    stock = NewsNERTagger(NewsEmbedding())
    ours = {"default table": FastNER(stock), "300-row table": FastNER(stock, cache_rows=300)}
    paths = args.paths or default_inputs(args.quick)
    counts = dict(texts=0, blocks=0, tokens=0, spans=0, whole_text_spans=0)
    started = time.perf_counter()
    for path, text, chunks in documents(paths):
        items = [text[a:b] for a, b in chunks]
        # the order the pipeline used to feed natasha: shortest first (its batches of 8)
        order = sorted(range(len(items)), key=lambda i: len(items[i]))
        expected = [None] * len(items)
        for i, spans in zip(order, stock_spans(stock, [items[i] for i in order])):
            expected[i] = spans
        whole = stock_spans(stock, [text])
        if tokenize(text) != [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]:
            print(f"DIFFERENT tokens {path}")
            return 1
        for name, model in ours.items():
            got = [[(s.start, s.stop, s.type) for s in spans] for spans in model(items)]
            for i, (want, have) in enumerate(zip(expected, got)):
                if want != have:
                    print(f"DIFFERENT ({name}) {path} block {chunks[i]}: natasha {want}, ours {have}")
                    return 1
            have = [[(s.start, s.stop, s.type) for s in spans] for spans in model([text])]
            if have != whole:
                print(f"DIFFERENT ({name}) {path} whole text: natasha {whole}, ours {have}")
                return 1
        counts["texts"] += 1
        counts["blocks"] += len(items)
        counts["tokens"] += sum(len(tokenize(item)) for item in items)
        counts["spans"] += sum(map(len, expected))
        counts["whole_text_spans"] += len(whole[0])
    print("identical spans:", ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in counts.items()),
          f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
