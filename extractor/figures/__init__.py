"""Extract stage, figures: money, percent, quantities and dates with normalised values.

Each kind is a yargy grammar in its own module (money.py, percent.py,
quantity.py, dates.py) over one shared tokenizer (tokenizer.py: numbers with
thousands separators, dotted dates and phone numbers are single tokens) and
pymorphy3 morphology.  The grammars decide *where* a figure is; the shared
readers in numbers.py and dates.py turn the matched tokens into values.
"""
