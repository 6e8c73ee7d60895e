"""kz-extractor: meetings, officials, regions, facilities, figures and
instructions from Russian-language official news of Kazakhstan.

    >>> from extractor import Pipeline
    >>> pipe = Pipeline()              # loads the models once
    >>> record = pipe(text, published="2025-08-14")

Importing the package loads no model: ``Pipeline`` and ``extract`` are
resolved on first use.
"""
import os

from ._version import __version__

# slovnet's models are chains of small matrix products: a BLAS thread pool costs more
# than it gains (20x slower on a loaded 2-core machine), and --jobs N already runs N
# processes.  One BLAS thread per process unless the user says otherwise; this must
# be set before numpy is first imported.
for _var in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

__all__ = ["Pipeline", "extract", "__version__"]


def __getattr__(name):
    if name == "Pipeline":
        from .pipeline import Pipeline
        return Pipeline
    if name == "extract":
        from .api import extract
        return extract
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
