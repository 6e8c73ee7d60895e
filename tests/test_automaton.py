"""The compiled token automaton finds what yargy's chart finds (same rule, same tokens)."""
import pytest
from yargy import or_, rule
from yargy.predicates import eq, gram, in_

from extractor.entities import facilities, positions
from chart_reference import AnchoredParser
from extractor.parsing.automaton import NotRegular, TokenAutomaton
from extractor.parsing.tokenizer import block_tokens, tokenizer

PHRASES = [
    # (grammar, text, anchor word)
    ("positions", "Глава государства принял акима Карагандинской области Ермаганбета Булекпаева.", "акима"),
    ("positions", "исполняющий обязанности министра энергетики Республики Казахстан выступил", "министра"),
    ("positions", "председатель правления АО «Самрук-Казына» и экс-министр финансов", "председатель"),
    ("positions", "первый заместитель премьер-министра РК провёл совещание", "заместитель"),
    ("positions", "Президент поручил", "Президент"),
    ("facilities", "о строительстве насосно-фильтровальной станции (НФС-3) в городе", "станции"),
    ("facilities", "реконструкция автодороги Алматы – Усть-Каменогорск – Лепсы – Актогай завершится", "автодороги"),
    ("facilities", "строительство завода по производству ветряных электростанций начнётся", "завода"),
    ("facilities", "в кинотеатрах «Звезда», «Космос» и «Юность».", "кинотеатрах"),
    ("facilities", "в шанхайском торговом центре L’Avenue Mall, украшенном", "центре"),
    ("facilities", "жила в резиденции премьера на ул. Аккуратова, 2", "ул"),
    ("facilities", "он провел неделю в больнице", "больнице"),
]


def _grammar(name):
    return positions.grammar() if name == "positions" else facilities.GRAMMAR


@pytest.mark.parametrize("name, text, word", PHRASES)
def test_same_longest_match_as_the_chart(name, text, word):
    tokens = block_tokens(text)
    anchor = next(i for i in range(len(tokens)) if tokens[i].value == word)
    can_start = positions._can_start if name == "positions" else facilities._can_start
    chart = AnchoredParser(_grammar(name), tokenizer=tokenizer())
    compiled = TokenAutomaton(_grammar(name), tokenizer())
    for first in range(0, anchor + 1):
        window = [tokens[i] for i in range(first, len(tokens))]
        expected, start = chart.longest_covering(window, anchor - first, can_start)
        found, found_start = compiled.longest_covering(window, anchor - first, can_start)
        assert (found is None) == (expected is None)
        if expected is not None:
            assert [t.value for t in found.tokens] == [t.value for t in expected.tokens]
            assert found_start == start


@pytest.mark.parametrize("grammar, text, expected", [
    (rule(eq("a"), eq("b").repeatable(max=2)), "a b b b", ["a", "b", "b"]),    # bounded repetition
    (rule(eq("a"), eq("b").repeatable(min=2)), "a b", None),                   # too few
    (rule(eq("a"), eq("b").repeatable(min=2)), "a b b b b", ["a", "b", "b", "b", "b"]),
    (rule(eq("a").optional(), eq("b")), "b", ["b"]),
    (rule(or_(rule(eq("a"), eq("b")), rule(eq("a"))), in_({"c"})), "a c", ["a", "c"]),
    (rule(gram("NOUN"), gram("NOUN").repeatable()), "стол стул кресло", ["стол", "стул", "кресло"]),
])
def test_rule_shapes(grammar, text, expected):
    tokens = block_tokens(text)
    window = [tokens[i] for i in range(len(tokens))]
    match, _ = TokenAutomaton(grammar, tokenizer()).longest_covering(window, 0)
    assert (match and [t.value for t in match.tokens]) == expected


def test_recursive_rules_are_refused():
    from yargy import forward

    loop = forward()
    loop.define(or_(rule(eq("a")), rule(eq("a"), loop)))
    with pytest.raises(NotRegular):
        TokenAutomaton(loop, tokenizer())
