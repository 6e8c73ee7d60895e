"""Meeting records on our own gold reports (tests/data/reports: r01-r12, n01-n33 incl. negatives):
several meetings in one text, ministers, an unnamed akim, periods, instructions with and
without addressee, boilerplate of several shapes, a CP1251 file."""
import json

import pytest

from extractor.evaluation.baseline import records_of
from extractor.evaluation.gold import score_gold

from conftest import ROOT

DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def result(pipeline):
    gold = json.loads((DATA / "reports.gold.json").read_text(encoding="utf-8"))
    return score_gold(gold, records_of(pipeline, DATA / "reports"))


def test_every_document_gets_the_right_number_of_meetings(result):
    assert result["documents"] >= 12 and not result["missing_documents"]
    assert result["meeting_count_accuracy"] >= 0.95  # n20 (two ministers, one verb) still reads as one


def test_hosts(result):
    assert result["host"]["f1"] >= 0.98, result["host"]


def test_nothing_from_boilerplate_reaches_a_meeting(result):
    assert result["boilerplate_leaks"] == []


@pytest.mark.parametrize("field, floor", [
    ("figures", 0.9), ("participants", 0.9), ("positions", 0.9), ("regions", 0.9),
    ("facilities", 0.8), ("instructions", 0.9),
])
def test_field_quality(result, field, floor):
    assert result["fields"][field]["f1"] >= floor, result["fields"][field]
