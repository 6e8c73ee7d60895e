"""CI guard: no quality figure may fall more than 0.01 below benchmarks/quality_baseline.json."""
from extractor.evaluation import baseline

from conftest import GOLD, ROOT, SEEDS


def test_quality_does_not_regress(pipeline, nerel_dev):
    recorded = baseline.load(ROOT / "benchmarks" / "quality_baseline.json")
    current = baseline.collect(pipeline, nerel_dev, {
        "seeds_gold": (GOLD, SEEDS),
        "reports_gold": (ROOT / "tests" / "data" / "reports.gold.json", ROOT / "tests" / "data" / "reports"),
        "pages_gold": (ROOT / "tests" / "data" / "pages.gold.json", ROOT / "tests" / "data" / "pages"),
    })
    problems = baseline.regressions(current, recorded)
    assert not problems, "quality regressed:\n" + "\n".join(problems)


def test_regressions_are_detected():
    assert baseline.regressions({"a": 0.80}, {"a": 0.82}) == ["a: 0.8000 < baseline 0.8200 - 0.01"]
    assert baseline.regressions({"a": 0.815}, {"a": 0.82}) == []
    assert baseline.regressions({}, {"a": 0.5}) == ["a: no longer measured (baseline 0.5000)"]
