"""The compiled token automaton finds what yargy's chart finds (same rule, same tokens)."""
import pytest
from yargy import or_, rule
from yargy.predicates import eq, gram, in_

from extractor.entities import facilities, positions
from chart_reference import AnchoredParser
from extractor.parsing.anchored import scan_anchors
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


# Own-words sentences in the shape of the releases: every anchor of every figure grammar,
# every window start, must give the chart's match (tokens, start) and its unit.
FIGURE_SENTENCES = [
    "Объём привлечённых инвестиций составил 178 млрд тенге, а экспорт вырос на 6,5 % к уровню прошлого года.",
    "На модернизацию сетей направят от 2 до 3 млрд долларов США, ещё $300 млн вложит фонд, 40 млн евро даст банк.",
    "Урожайность пшеницы достигла 25 центнеров с гектара, собрано 1,2 млн т зерна на 540 тыс. га.",
    "В регионе создано более 10,6 тыс. рабочих мест, построено 128 школ, 3 больницы и 15 тыс. кв. м жилья.",
    "Производительность труда выросла в 1,5 раза, доля несырьевого экспорта увеличилась на 2 п. п.",
    "Бюджет программы — 12 млрд 400 млн тенге, из них около 5 млрд тенге пойдут на 20-долларовые гранты.",
    "Пять миллионов долларов и двадцать пять тысяч тонн удобрений выделят на весенние полевые работы.",
    "Ставка снизилась на пять процентов, а несколько сотен миллионов тенге вернут треть миллиарда рублей долга.",
    "В І полугодии 2025 года ВВП вырос на 6 %, а за 11 месяцев текущего года — на 5,8 процента.",
    "Форум пройдёт с 14 по 18 августа 2025 г., регистрация закрыта 01.08.2025, итоги подведут до конца 2025 года.",
    "В 2023-2025 годы, как и в 90-е годы, отрасль росла; в течение десятилетий здесь работали 2 тыс. человек.",
    "В понедельник, 3 марта, аким сообщил, что в прошлом году введено 70 тыс. квадратных метров, а в мае — ещё 12.",
    "Через месяц, на следующий день после сессии, в этом же году и в 1976 школах района прошли уроки.",
    "Проект стоимостью 1,5 млрд ₸ реализуют в 2026–2027 годах, мощность станции — 100 МВт, выработка 2,6 тыс. Гкал.",
]


def _figure_cases():
    from extractor.figures import extract

    return [(group, text) for text in FIGURE_SENTENCES for group in extract.grammars()]


@pytest.fixture(scope="module")
def figure_matchers():
    from extractor.figures import extract

    return {group: AnchoredParser(grammar, tokenizer=tokenizer())
            for group, grammar in extract.grammars().items()}, extract.parsers()


def _scan(matcher, group, text, labelled):
    """What the figures stage asks a grammar: each anchor not covered by an earlier match."""
    from extractor.figures import extract

    tokens = block_tokens(text)
    is_anchor, can_start = extract.RULES[group]
    found = []

    def accept(match, start):
        label = (match.fact.unit if labelled else match.label) if group != "date" else None
        found.append((start, [t.value for t in match.tokens], label))
        return True

    scan_anchors(matcher, tokens, lambda toks, i: is_anchor(toks.raw(i)), can_start,
                 extract.LOOKBACK, extract.LOOKAHEAD, accept)
    return found


@pytest.mark.parametrize("group, text", _figure_cases())
def test_figure_grammars_match_as_the_chart(group, text, figure_matchers):
    charts, automata = figure_matchers
    assert _scan(automata[group], group, text, False) == _scan(charts[group], group, text, True)


def test_a_covered_anchor_still_gets_the_whole_match(figure_matchers):
    """Asked at an anchor inside a match, yargy's chart (predicting the rule at several
    columns) can lose the longer parse through an optional part, Earley's empty-rule
    completion order; the automaton cannot.  The figures stage never asks there: the
    first anchor's match covers the later ones."""
    charts, automata = figure_matchers
    tokens = block_tokens("Пять миллионов долларов выделят")
    window = [tokens[i] for i in range(len(tokens))]
    match, start = automata["words"].longest_covering(window, 1)
    assert ([t.value for t in match.tokens], start) == (["Пять", "миллионов", "долларов"], 0)
    assert _scan(automata["words"], "words", "Пять миллионов долларов выделят", False) == [
        (0, ["Пять", "миллионов", "долларов"], "USD")]


def test_figure_sentences_hold_every_kind(figure_matchers):
    """The sample is not vacuous: every grammar matches, and money, percent, quantity and dates are found."""
    from extractor.figures import extract
    from extractor.figures.units import kind_of_unit

    _, automata = figure_matchers
    kinds, groups = set(), set()
    for text in FIGURE_SENTENCES:
        tokens = block_tokens(text)
        for group, automaton in automata.items():
            is_anchor, can_start = extract.RULES[group]
            for anchor in (i for i in range(len(tokens)) if is_anchor(tokens[i])):
                window = [tokens[i] for i in range(len(tokens))]
                match, _ = automaton.longest_covering(window, anchor, can_start)
                if match is not None:
                    groups.add(group)
                    kinds.add("date" if group == "date" else kind_of_unit(match.label))
    assert kinds == {"money", "percent", "quantity", "date"}
    assert groups == set(automata)


@pytest.mark.parametrize("text, label", [
    ("5 тыс. т", "t"), ("25 центнеров с гектара", "c/ha"), ("$300 млн", "USD"),
    ("40 млн евро", "EUR"), ("в 1,5 раза", "times"), ("на 2 п. п.", "pp"), ("6,5 %", "%"),
])
def test_constant_interpretation_is_the_label(text, label):
    """The unit the grammar names by a constant is the match's label, as yargy's fact gives it."""
    from extractor.figures import extract

    tokens = block_tokens(text)
    window = [tokens[i] for i in range(len(tokens))]
    anchor = next(i for i in range(len(tokens)) if extract.RULES["number"][0](tokens[i]))
    match, start = extract.parsers()["number"].longest_covering(window, anchor)
    assert [t.value for t in match.tokens] == [t.value for t in window[start:]]
    assert match.label == label


def test_the_transition_table_is_rebuilt_when_full():
    """A bounded cache: past its size the lazily built table starts afresh, same answers."""
    from extractor.figures import extract

    grammar = extract.grammars()["number"]
    small, large = TokenAutomaton(grammar, tokenizer()), TokenAutomaton(grammar, tokenizer())
    small.CACHE = 3
    for text in FIGURE_SENTENCES:
        tokens = block_tokens(text)
        window = [tokens[i] for i in range(len(tokens))]
        for anchor in (i for i in range(len(tokens)) if extract.RULES["number"][0](tokens[i])):
            got, expected = small.longest_covering(window, anchor), large.longest_covering(window, anchor)
            assert (got[0] and (got[0].tokens, got[0].label), got[1]) == (
                expected[0] and (expected[0].tokens, expected[0].label), expected[1])
    assert len(small._sets) < len(large._sets)
