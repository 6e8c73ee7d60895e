"""Percentages: ``29,5%``, ``6 %``, ``на 6 процентов``, ``на 2 п.п.``, ``более чем на 40 %``,
``на пять процентов``, ``70-процентное``."""
from yargy import rule

from .facts import Measure
from .numbers import DASH, VALUE
from .units import unit_rule

def percent(value):
    return rule(value, DASH.optional(), unit_rule("percent", Measure.unit)).interpretation(Measure)


PERCENT = percent(VALUE)
