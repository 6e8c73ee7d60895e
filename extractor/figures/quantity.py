"""Quantities: ``540 тыс. тонн``, ``10,6 тыс. рабочих мест``, ``128 проектов``,
``1,2 млн т``, ``в 1,5 раза`` (unit "times")."""
from yargy import or_, rule
from yargy.predicates import caseless, normalized

from .facts import Measure
from .numbers import VALUE

from .units import unit_rule

def quantity(value):
    return or_(
        rule(value, unit_rule("quantity", Measure.unit)),
        rule(caseless("в"), value, normalized("раз").interpretation(Measure.unit.const("times"))),
    ).interpretation(Measure)


QUANTITY = quantity(VALUE)
