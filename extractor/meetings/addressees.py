"""An instruction given to several officials at once: "поручил акимам обеспечить ...",
"поручил акимам Павлодарской и Костанайской областей ...".

After separate meetings with akims (one record each), one closing sentence often
instructs them all.  The plural post of the recipient ("акимам") names which of the
officials received it is meant for: those whose post has the same head noun (its
singular lemma: "акимам" -> "аким"), and, when the recipient names regions, only
those regions' officials.  "руководителям регионов", "главам областей" mean the
officials received, whatever their post.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..tag.morph import lemma, parse
from .participants import Item, region_in

ANY_HEAD = {"глава", "руководитель"}  # "главам регионов": the officials received, whatever their post


def plural_posts(posts: Sequence[Item]) -> list[Item]:
    """The recipient's posts if they address several officials: a plural post noun
    ("акимам"), or one noun shared by a list ("акимам Павлодарской и Костанайской областей")."""
    if not posts:
        return []
    if len(posts) > 1 and all(p.span.data.get("shared_head") for p in posts):
        return list(posts)
    first = posts[0].mention.text.split()[0].lower()
    parses = parse(first)
    if parses and parses[0].tag.POS == "NOUN" and parses[0].tag.number == "plur":
        return [posts[0]]
    return []


def head_lemma(post: Optional[str]) -> str:
    words = (post or "").split()
    return lemma(words[0].lower()) if words else ""


def addressed(posts: Sequence[Item], items: Sequence[Item], post: Optional[str], region: Optional[str]) -> bool:
    """Does a plural recipient (``posts``, from :func:`plural_posts`) take in an official
    with this ``post`` and ``region``?"""
    heads = {head_lemma(p.mention.normal or p.mention.text) for p in posts}
    if not post:
        return False
    if not heads & ANY_HEAD and head_lemma(post) not in heads:
        return False
    regions = {r for r in (region_in(p, items) for p in posts) if r}
    return not regions or region in regions
