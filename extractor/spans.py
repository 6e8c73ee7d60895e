"""The plain record every extractor returns: a typed span over the source text."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass
class Span:
    start: int
    end: int
    type: str                      # a contract mention type: person, region, money...
    text: str                      # always source_text[start:end]
    normal: Optional[str] = None   # nominative / canonical form
    source: str = "rule"           # which extractor found it
    data: dict[str, Any] = field(default_factory=dict)  # extractor-specific facts (figure value...)

    @property
    def key(self) -> tuple[int, int, str]:
        return self.start, self.end, self.type

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


def make_span(text: str, start: int, end: int, type: str, **kw: Any) -> Span:
    """A span trimmed of outer whitespace and punctuation that natasha sometimes includes."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return Span(start, end, type, text[start:end], **kw)
