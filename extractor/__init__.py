"""kz-extractor: meetings, officials, regions, facilities, figures and
instructions from Russian-language official news of Kazakhstan.

    >>> from extractor import Pipeline
    >>> pipe = Pipeline()              # loads the models once
    >>> record = pipe(text, published="2025-08-14")

Importing the package loads no model: ``Pipeline`` and ``extract`` are
resolved on first use.
"""
from ._version import __version__

__all__ = ["Pipeline", "extract", "__version__"]


def __getattr__(name):
    if name == "Pipeline":
        from .pipeline import Pipeline
        return Pipeline
    if name == "extract":
        from .api import extract
        return extract
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
