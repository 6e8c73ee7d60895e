"""Officials announced by region and named together: posts paired in order (our own sentences)."""
import pytest

from extractor.meetings.listed import genitive


@pytest.mark.parametrize("region, expected", [
    ("Карагандинская область", "Карагандинской области"),
    ("Северо-Казахстанская область", "Северо-Казахстанской области"),
    ("город Алматы", "города Алматы"),
    ("город Шымкент", "города Шымкента"),
    ("город Астана", "города Астаны"),
    ("область Абай", "области Абай"),
    ("область Жетісу", "области Жетісу"),
])
def test_region_in_the_genitive_of_a_post(region, expected):
    assert genitive(region) == expected


def test_names_take_the_announced_regions_in_order(pipeline):
    text = ("Глава государства провел отдельные встречи с акимами Жамбылской области, города Шымкента и "
            "Кызылординской области.\n\n"
            "Ербол Карашукеев, Габит Сыздыкбеков и Нурлыбек Налибаев доложили Президенту об итогах полугодия.")
    got = pipeline(text, published="2024-07-10").meetings
    assert [[(p.name, p.position, p.region, p.region_inferred) for p in m.participants] for m in got] == [
        [("Ербол Карашукеев", "аким Жамбылской области", "Жамбылская область", True)],
        [("Габит Сыздыкбеков", "аким города Шымкента", "город Шымкент", True)],
        [("Нурлыбек Налибаев", "аким Кызылординской области", "Кызылординская область", True)],
    ]


def test_no_pairing_when_the_counts_differ(pipeline):
    text = ("Глава государства провел отдельные встречи с акимами Жамбылской области и города Шымкента.\n\n"
            "Ербол Карашукеев, Габит Сыздыкбеков и Нурлыбек Налибаев доложили Президенту об итогах полугодия.")
    got = pipeline(text, published="2024-07-10").meetings
    assert all(p.position is None for m in got for p in m.participants)
