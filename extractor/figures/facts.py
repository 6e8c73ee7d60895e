"""The yargy fact every figure grammar fills: the unit its match names."""
from yargy.interpretation import fact

Measure = fact("Measure", ["unit"])
