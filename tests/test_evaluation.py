
import pytest

from extractor.evaluation.brat import read_ann
from extractor.evaluation.gold import figure_similarity, norm_text, score_gold
from extractor.evaluation.metrics import SpanScores, score_items
from extractor.evaluation.nerel import SysSpan

TEXT = "Аким Карагандинской области Ермаганбет Булекпаев встретился с министром."
ANN = "\n".join([
    "T1\tPROFESSION 0 27\tАким Карагандинской области",
    "T2\tSTATE_OR_PROVINCE 5 27\tКарагандинской области",
    "T3\tPERSON 28 48\tЕрмаганбет Булекпаев",
    "T4\tEVENT 49 59\tвстретился",
    "R1\tWORKS_AS Arg1:T3 Arg2:T1",
    "T5\tPROFESSION 62 71;72 73\tминистром",
])


def test_read_ann_maps_types_and_keeps_nested_entities():
    spans = read_ann(ANN, TEXT)
    assert [(s.type, s.text) for s in spans] == [
        ("position", "Аким Карагандинской области"),
        ("region", "Карагандинской области"),
        ("person", "Ермаганбет Булекпаев"),
        ("position", "министром."),
    ]


def test_span_scores_exact_and_overlap_one_to_one():
    gold = read_ann(ANN, TEXT)
    system = [SysSpan(5, 27, "region"), SysSpan(28, 38, "person"), SysSpan(39, 48, "person"),
              SysSpan(0, 4, "position")]
    scores = SpanScores()
    scores.add_document(system, gold, ["person", "region", "position"])
    assert scores.exact["region"].as_dict()["f1"] == 1.0
    person = scores.overlap["person"]
    assert (person.tp, person.fp, person.fn) == (1, 1, 0)  # one gold span matches one system span
    assert (scores.exact["person"].tp, scores.exact["person"].fn) == (0, 1)
    position = scores.overlap["position"]
    assert (position.tp, position.fp, position.fn) == (1, 0, 1)


def test_optional_items_are_neither_rewarded_nor_penalised():
    s = score_items(["a", "b", "c"], ["a"], lambda x, y: float(x == y), optional=["b"])
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


@pytest.mark.parametrize("a, b", [
    ("насосно-фильтровальная станция (НФС-3)", "насосно-фильтровальная станция НФС-3"),
    ("индустриальный парк \"Казахстанско-китайский\"", "индустриальный парк «Казахстанско-китайский»"),
    ("автодорога Лепсы - побережье", "автодорога Лепсы – побережье"),
    ("Ёлка", "елка"),
])
def test_norm_text_makes_spelling_variants_equal(a, b):
    assert norm_text(a) == norm_text(b)


def test_figure_needs_right_value_unit_and_subject():
    gold = {"kind": "money", "value": 178000000000, "unit": "KZT", "text": "178 млрд тенге", "subject": "инвестиции"}
    good = {**gold, "value": 178e9, "start": 0, "end": 14}
    assert figure_similarity(good, gold) == 1.0
    assert figure_similarity({**good, "unit": "USD"}, gold) == 0.0
    assert figure_similarity({**good, "value": 17.8e9}, gold) == 0.0
    assert figure_similarity({**good, "subject": None}, gold) == 0.0
    assert figure_similarity({**good, "kind": "quantity"}, gold) == 0.0


def test_score_gold_aligns_meetings_and_finds_leaks():
    gold = {"documents": [{
        "doc_id": "d", "meetings": [
            {"host": "Касым-Жомарт Токаев", "participants": [{"name": "Женис Касымбек"}],
             "regions": ["город Астана"], "facilities": {"required": ["теплоэлектроцентраль"]},
             "figures": {"required": []}, "instructions": {"required": []}},
            {"host": "Касым-Жомарт Токаев", "participants": [{"name": "Ермаганбет Булекпаев",
                                                               "position": "аким Карагандинской области"}],
             "regions": ["Карагандинская область"], "figures": {"required": []},
             "facilities": {"required": []}, "instructions": {"required": []}}],
        "must_not_appear_in_meetings": ["Песков"]}]}
    record = {"doc_id": "d", "meetings": [
        {"host": {"name": "Касым-Жомарт Токаев"}, "participants": [
            {"name": "Ермаганбет Булекпаев", "position": "аким Карагандинской области"},
            {"name": "Песков"}], "regions": ["Карагандинская область"], "facilities": [],
         "figures": [], "instructions": []}]}
    result = score_gold(gold, {"d": record})
    assert result["meeting_count_accuracy"] == 0.0
    assert result["fields"]["participants"] == {**result["fields"]["participants"], "tp": 1, "fp": 1, "fn": 1}
    assert result["fields"]["positions"]["f1"] == 1.0
    assert result["fields"]["facilities"]["fn"] == 1
    assert result["boilerplate_leaks"] == ["d: Песков"]
