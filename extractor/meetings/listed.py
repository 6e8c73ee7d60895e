"""Officials announced by region and named together, paired in order.

Akorda writes separate meetings in two sentences: first the posts by region
("... отдельные встречи с акимами Жамбылской области, города Шымкента и
Кызылординской области"), then the names alone ("Ербол Карашукеев, Габит
Сыздыкбеков и Нурлыбек Налибаев доложили Президенту ...").  The meeting layer opens one meeting
per name; this module gives each name its post.  Only when the announcement
lists exactly as many regions as the report names people, none of whom has a
post of their own: the release lists both in the same order.  The region is
then marked as inferred, since the text never puts name and region side by side.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..entities.inflect import restore_case
from ..tag.morph import parse
from .participants import Item

# the region's noun, after which words are names that do not decline ("область Абай", "город Алматы")
_REGION_NOUNS = {"область", "город", "район"}


def pair_in_order(announcement: Sequence[Item], post_head: str, people: Sequence) -> Optional[list[tuple[str, Item]]]:
    """``announcement``: the region mentions of the announcing sentence after its plural
    post, in order; ``people``: one entry per official named in the report.  The posts
    ("аким Карагандинской области") and region mentions, one per person, or None."""
    regions = _distinct(announcement)
    if len(regions) < 2 or len(regions) != len(people):
        return None
    return [(f"{post_head} {genitive(r.mention.normal)}", r) for r in regions]


def _distinct(regions: Sequence[Item]) -> list[Item]:
    out: list[Item] = []
    for r in sorted(regions, key=lambda it: it.start):
        if not r.mention.normal or any(r.start < o.end and o.start < r.end for o in out):
            continue
        if any(o.mention.normal == r.mention.normal for o in out):
            return []  # a region twice: no longer a list of one post each
        out.append(r)
    return out


def genitive(region: str) -> str:
    """'Карагандинская область' -> 'Карагандинской области', 'город Алматы' -> 'города
    Алматы', 'область Абай' -> 'области Абай': the words up to the region's noun decline."""
    words = region.split()
    noun_at = next((i for i, w in enumerate(words) if w.lower() in _REGION_NOUNS), None)
    if noun_at is None:
        return region
    out = []
    for i, word in enumerate(words):
        if i > noun_at:
            # "города Шымкента" declines, "города Алматы" and "области Абай" (a name) do not
            out.append(_declined_city(word) if words[noun_at].lower() == "город" else word)
            continue
        form = None
        for p in parse(word.lower()):
            if p.tag.POS in {"NOUN", "ADJF"} and p.tag.case == "nomn":
                form = p.inflect({"gent", "sing"})
                break
        inflected = form.word if form else word.lower()
        out.append(restore_case(word, inflected))
    return " ".join(out)


def _declined_city(word: str) -> str:
    for p in parse(word.lower()):
        if "Geox" in p.tag and "Fixd" not in p.tag and p.tag.case == "nomn":
            form = p.inflect({"gent"})
            return restore_case(word, form.word) if form else word
    return word

