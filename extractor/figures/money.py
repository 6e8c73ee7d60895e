"""Money: ``178 млрд тенге``, ``$300 млн``, ``от 2 до 3 млрд тенге``, ``1,5 млн долларов США``."""
from yargy import or_, rule
from yargy.predicates import eq

from .facts import Measure
from .numbers import DASH, VALUE
from .units import unit_rule

CURRENCY = unit_rule("money", Measure.unit)
SYMBOL = or_(
    rule(eq("$")).interpretation(Measure.unit.const("USD")),
    rule(eq("€")).interpretation(Measure.unit.const("EUR")),
    rule(eq("£")).interpretation(Measure.unit.const("GBP")),
    rule(eq("₸")).interpretation(Measure.unit.const("KZT")),
    rule(eq("₽")).interpretation(Measure.unit.const("RUB")),
)

def money(value):
    return or_(
        rule(value, DASH.optional(), CURRENCY),   # "20-долларовой купюре"
        rule(SYMBOL, value),
    ).interpretation(Measure)


MONEY = money(VALUE)
