"""A double post joined by a dash: "заместитель Премьер-Министра – Министр сельского
хозяйства", "вице-министр — исполняющий обязанности министра".

The post grammar stops at the dash, and NEREL marks each half as a post of its own,
so the mentions stay as they are; an official's *position* in a record is the whole
chain of posts that spaced dashes join, up to the official's name.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from .participants import Item

# a dash with a space on each side ("–", "—", or a hyphen typed for one); a hyphen inside
# a word ("Премьер-Министра") is part of that word
JOIN = re.compile(r"[ \t\u00a0]+[–—‐‑-][ \t\u00a0]+")


def post_chain(text: str, post: Item, items: Sequence[Item], person: Optional[Item] = None) -> list[Item]:
    """``post`` and the posts that follow it each after a spaced dash.  With the
    official's name after the post, the chain stops before the name."""
    chain = [post]
    while True:
        last = chain[-1]
        gap = JOIN.match(text, last.end)
        if gap is None:
            break
        after = [it for it in items if it.mention.type == "position" and it.start == gap.end()
                 and not it.mention.boilerplate]
        if not after:
            break
        following = max(after, key=lambda it: it.end)
        if person is not None and post.end <= person.start < following.end:
            break  # "аким области – Серик Шапкенов": a name, not a post, after the dash
        if any(it is following for it in chain):
            break
        chain.append(following)
    return chain


def chain_normal(chain: Sequence[Item]) -> Optional[str]:
    """'заместитель Премьер-Министра – Министр сельского хозяйства': each post in its
    normal form, joined by an en dash."""
    parts = [it.mention.normal or it.mention.text for it in chain]
    return " – ".join(p for p in parts if p) or None
