"""One closing instruction to all the officials of separate meetings ("поручил акимам ...")
is each meeting's, addressed to that meeting's official."""
import pytest

from extractor.meetings.addressees import head_lemma

SEPARATE = ("Касым-Жомарт Токаев провел отдельные встречи с акимами Павлодарской и Костанайской областей.\n"
            "Аким Павлодарской области Асаин Байханов доложил о ремонте тепловых сетей.\n"
            "Аким Костанайской области Кумар Аксакалов рассказал о ходе уборочной кампании.\n")
ONE_VERB = ("Президент принял акима Павлодарской области Асаина Байханова и акима Костанайской области "
            "Кумара Аксакалова. Асаин Байханов доложил о ремонте сетей. Кумар Аксакалов рассказал о жатве. ")
BOTH = [["Асаин Байханов"], ["Кумар Аксакалов"]]


@pytest.mark.parametrize("text, clause, addressees", [
    (SEPARATE + "Глава государства поручил акимам обеспечить своевременный ремонт котельных.",
     "обеспечить своевременный ремонт котельных", BOTH),
    (SEPARATE + "Президент поручил акимам областей не допустить роста цен на уголь.",
     "не допустить роста цен на уголь", BOTH),
    # the list of regions the recipient names: those regions' akims
    (SEPARATE + "Президент поручил акимам Павлодарской и Костанайской областей усилить контроль за ценами.",
     "усилить контроль за ценами", BOTH),
    # "руководителям регионов": the officials received, whatever their post
    (SEPARATE + "По итогам встреч Касым-Жомарт Токаев дал руководителям регионов ряд поручений.",
     "ряд поручений", BOTH),
    # officials received by one verb, the same closing instruction
    (ONE_VERB + "Глава государства поручил акимам обеспечить сохранность урожая.",
     "обеспечить сохранность урожая", BOTH),
    # one akim named: only his meeting
    (SEPARATE + "Глава государства поручил акиму Костанайской области усилить контроль за ценами.",
     "усилить контроль за ценами", [[], ["Кумар Аксакалов"]]),
])
def test_instruction_to_each(pipeline, text, clause, addressees):
    meetings = pipeline(text).meetings
    assert [[p.name for p in m.participants] for m in meetings] == BOTH
    assert [[i.addressee for i in m.instructions if i.text == clause] for m in meetings] == addressees
    for m in meetings:
        for i in m.instructions:
            assert text[i.start:i.end] == i.text


def test_regions_of_a_shared_instruction_stay_each_ones(pipeline):
    text = SEPARATE + "Президент поручил акимам Павлодарской и Костанайской областей усилить контроль за ценами."
    assert [m.regions for m in pipeline(text).meetings] == [["Павлодарская область"], ["Костанайская область"]]


@pytest.mark.parametrize("post, head", [
    ("акимы", "аким"), ("акимам", "аким"), ("министрам", "министр"), ("руководителям регионов", "руководитель"),
    ("", ""),
])
def test_head_lemma(post, head):
    assert head_lemma(post) == head
