"""Quality figures: NEREL dev (per mention type), the seeds gold, our report gold and our page gold.

    python benchmarks/quality.py                     # print today's figures next to the baseline
    python benchmarks/quality.py --update-baseline   # write them to quality_baseline.json

The CI test tests/test_quality_baseline.py fails when any figure drops more
than 0.01 below benchmarks/quality_baseline.json.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor import Pipeline  # noqa: E402
from extractor.evaluation import baseline  # noqa: E402

SHARED = Path(os.environ.get("KZ_SHARED", ROOT.parent / "shared"))
BASELINE = ROOT / "benchmarks" / "quality_baseline.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-baseline", action="store_true")
    args = parser.parse_args()
    figures = baseline.collect(Pipeline(), SHARED / "eval" / "nerel" / "dev", {
        "seeds_gold": (SHARED / "gold" / "seeds.gold.json", ROOT / "seeds"),
        "reports_gold": (ROOT / "tests" / "data" / "reports.gold.json", ROOT / "tests" / "data" / "reports"),
        "pages_gold": (ROOT / "tests" / "data" / "pages.gold.json", ROOT / "tests" / "data" / "pages"),
    })
    old = baseline.load(BASELINE) if BASELINE.exists() else {}
    for key, value in sorted(figures.items()):
        was = old.get(key)
        delta = "" if was is None else f"  ({value - was:+.4f})"
        print(f"{key:<45} {value:.4f}{delta}")
    problems = baseline.regressions(figures, old)
    for line in problems:
        print("REGRESSION", line)
    if args.update_baseline:
        baseline.save(BASELINE, figures,
                      "F1 figures of the pipeline on ../shared/eval/nerel/dev and the seeds gold; "
                      "regenerate with: python benchmarks/quality.py --update-baseline")
        print(f"wrote {BASELINE}")
    return 1 if problems and not args.update_baseline else 0


if __name__ == "__main__":
    raise SystemExit(main())
