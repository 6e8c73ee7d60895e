import json

from extractor.records import SCHEMA_MODELS, json_schema

from conftest import SCHEMAS


def test_committed_schemas_are_fresh():
    for name in SCHEMA_MODELS:
        committed = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert committed == json_schema(name), (
            f"schemas/{name}.schema.json is stale: run `extractor schema --out schemas`")


def test_records_validate_against_committed_schema(pipeline, seed_texts, validators):
    for doc_id, text in seed_texts.items():
        record = json.loads(pipeline(text, doc_id=doc_id).model_dump_json())
        validators["document"].validate(record)
        for meeting in record["meetings"]:
            validators["meeting"].validate(meeting)


def test_schema_rejects_records_that_break_the_contract(validators):
    bad = {"schema_version": "1.0", "doc_id": "x"}
    assert list(validators["document"].iter_errors(bad))
