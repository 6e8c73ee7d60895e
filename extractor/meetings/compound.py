"""A double post joined by a dash: "заместитель Премьер-Министра – Министр сельского
хозяйства", "вице-министр — исполняющий обязанности министра"; or by "и" right before
the one name both posts belong to: "председателем совета директоров и главным
исполнительным директором компании X Джоном Смитом" (one official, two posts).

The name of the one who holds a post stands right after it, or past the quoted name of
the body the post is in ("директором службы «Сырбар» Габитом Байжановым"), and the
parse does not always hang it under the post (see :func:`named_after`).

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
AND = re.compile(r"[ \t\u00a0]+и[ \t\u00a0]+")
# between a post and its holder's name: spaces, or a quoted name of the body the post is in
APPOSITION = re.compile(r"[ \t\u00a0]*(?:(?P<quoted>[«\"„“][^«»\"„“\n]{1,60}[»\"“”])[ \t\u00a0]*)?")


def named_after(text: str, post: Item, items: Sequence[Item]) -> Optional[Item]:
    """The person named right after ``post`` (an apposition): only spaces between them,
    or the quoted name of a body ("«Сырбар»")."""
    gap = APPOSITION.match(text, post.end)
    if gap is None or gap.end() == post.end and post.end < len(text) and not text[post.end].isspace():
        return None
    return next((it for it in items if it.mention.type == "person" and it.start == gap.end()
                 and not it.mention.boilerplate), None)


def quoted_after(text: str, post: Item, person: Optional[Item]) -> str:
    """The quoted body name between a post and its holder's name, or ''."""
    gap = APPOSITION.match(text, post.end)
    if gap is None or not gap.group("quoted") or person is None or gap.end() != person.start:
        return ""
    return gap.group("quoted")


def _posts_at(items: Sequence[Item], at: int) -> list[Item]:
    """The post mentions (not residue) that start at ``at``."""
    return [it for it in items if it.mention.type == "position" and it.start == at and not it.mention.boilerplate]


def joined_post(text: str, post: Item, items: Sequence[Item]) -> Optional[tuple[Item, Item]]:
    """"председателем совета директоров | и | главным директором компании X Джоном Смитом":
    the post after "и" and the name right after it, when ``post`` itself has no name."""
    gap = AND.match(text, post.end)
    if gap is None:
        return None
    for following in sorted(_posts_at(items, gap.end()), key=lambda it: -it.end):
        person = named_after(text, following, items)
        if person is not None:
            return following, person
    return None


def post_chain(text: str, post: Item, items: Sequence[Item], person: Optional[Item] = None) -> list[Item]:
    """``post`` and the posts that follow it each after a spaced dash.  With the
    official's name after the post, the chain stops before the name."""
    chain = [post]
    while True:
        last = chain[-1]
        gap = JOIN.match(text, last.end)
        if gap is None:
            joined = joined_post(text, last, items) if person is not None else None
            if joined is not None and joined[1] is person and not any(it is joined[0] for it in chain):
                chain.append(joined[0])  # "... и главным директором X" right before the name
            break
        after = _posts_at(items, gap.end())
        if not after:
            break
        following = max(after, key=lambda it: it.end)
        if person is not None and post.end <= person.start < following.end:
            break  # "аким области – Серик Шапкенов": a name, not a post, after the dash
        if any(it is following for it in chain):
            break
        chain.append(following)
    return chain


def chain_normal(chain: Sequence[Item], text: str = "") -> Optional[str]:
    """'заместитель Премьер-Министра – Министр сельского хозяйства': each post in its
    normal form, joined by an en dash (by "и" where the text joins them so)."""
    out = ""
    for k, it in enumerate(chain):
        part = it.mention.normal or it.mention.text
        if not part:
            continue
        if out:
            out += " и " if text and AND.fullmatch(text, chain[k - 1].end, it.start) else " – "
        out += part
    return out or None
