"""One-call convenience API over a process-wide default :class:`Pipeline`."""
from __future__ import annotations

from functools import lru_cache

from .pipeline import Pipeline
from .records import DocumentRecord


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def extract(text: str, published=None, doc_id=None, **kw) -> DocumentRecord:
    """The document record of one text (models are loaded on the first call)."""
    return default_pipeline()(text, published=published, doc_id=doc_id, **kw)
