"""A meeting's figure whose currency the sentence named before the amount says so in the record."""
import pytest

REPORT = (
    "Астана, 3 марта. Глава государства принял акима Павлодарской области Асаина Байханова.\n"
    "Аким доложил об итогах года. По его словам, объем вложений в основной капитал в тенге "
    "вырос на 8% и составил 1,7 трлн. Из кредитов на 90 млрд тенге около 35 млрд получил малый бизнес.\n"
    "Президент поручил продолжить работу.")

# (figure as written, value, unit, unit_inferred)
EXPECTED = [
    ("1,7 трлн", 1.7e12, "KZT", True),
    ("90 млрд тенге", 9e10, "KZT", False),
    ("около 35 млрд", 3.5e10, "KZT", True),
]


@pytest.fixture(scope="module")
def money(pipeline):
    record = pipeline(REPORT, doc_id="r1")
    assert len(record.meetings) == 1
    return {f.text: f for f in record.meetings[0].figures if f.kind == "money"}


@pytest.mark.parametrize("text, value, unit, inferred", EXPECTED)
def test_inferred_currency_reaches_the_record(money, text, value, unit, inferred):
    figure = money[text]
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert figure.unit_inferred is inferred


def test_the_flag_survives_json(money):
    from extractor.records import Figure

    figure = money["1,7 трлн"]
    assert Figure.model_validate_json(figure.model_dump_json()).unit_inferred is True
    assert Figure.model_validate({k: v for k, v in figure.model_dump().items() if k != "unit_inferred"}
                                 ).unit_inferred is False   # older records read as written units
