"""Posts for the registry: what a position string says about the post it names.

``role`` is the post's head ("аким", "министр", "председатель"), from the
position lexicon (data/positions.txt) with the synonyms of data/roles.tsv
("Глава государства" -> "президент"); ``scope`` is what the post is of: the
region when the record gives one, else the words after the head with
"Республики Казахстан" dropped ("министр энергетики РК" -> "энергетики").
Two posts are the same when role and scope agree; a post whose scope is
empty ("аким" alone) fits any post of its role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..data import word_list

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|«[^»]*»|\"[^\"]*\"|\S")
_COUNTRY = re.compile(r"\b(?:республики\s+казахстан|рк)\b", re.I)
_QUOTED_ORG = re.compile(r"(?:\b[А-ЯЁA-Z]{2,5}\s+)?«[^»]+»")


@dataclass(frozen=True)
class PostInfo:
    role: Optional[str]
    scope: str
    organisation: Optional[str]


@lru_cache(maxsize=1)
def _roles() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(synonym phrase -> role, role -> organisation word, head lemmas)."""
    synonyms, organisations = {}, {}
    for line in word_list("roles.tsv"):
        role, syns, org = (line.split("\t") + ["", ""])[:3]
        for phrase in [role, *filter(None, syns.split(";"))]:
            synonyms[phrase.strip().lower()] = role
        if org.strip():
            organisations[role] = org.strip()
    return synonyms, organisations, frozenset(w.lower() for w in word_list("positions.txt"))


def _head(word: str, heads: frozenset[str]) -> Optional[str]:
    """The lexicon lemma a (nominative or oblique) head word stands for."""
    for cut in (0, 1, 2):
        stem = word[:-cut] if cut else word
        if stem in heads:
            return stem
    return None


@lru_cache(maxsize=20_000)
def post_info(position: Optional[str], region: Optional[str] = None) -> PostInfo:
    if not position:
        return PostInfo(None, region or "", None)
    synonyms, organisations, heads = _roles()
    text = " ".join(position.split())
    lowered = text.lower()
    words = _WORD.findall(text)
    role, rest = None, words
    for phrase, canonical in sorted(synonyms.items(), key=lambda kv: -len(kv[0])):
        if lowered == phrase or lowered.startswith(phrase + " "):
            role, rest = canonical, words[len(phrase.split()):]
            break
    if role is None:
        for i, word in enumerate(words):
            head = _head(word.lower(), heads)
            if head:
                role, rest = synonyms.get(head, head), words[i + 1:]
                break
    if role is None:
        role, rest = lowered, []
    complement = " ".join(rest)
    scope = region or " ".join(_COUNTRY.sub(" ", complement.lower()).split())
    return PostInfo(role, scope, _organisation(role, complement, organisations))


def _organisation(role: str, complement: str, organisations: dict[str, str]) -> Optional[str]:
    quoted = _QUOTED_ORG.search(complement)
    if quoted:
        return quoted.group()
    prefix = organisations.get(role)
    if prefix and complement:
        return f"{prefix} {complement}"
    return prefix if prefix and role in {"президент", "премьер-министр", "вице-премьер-министр"} else None


def same_post(a: PostInfo, b: PostInfo) -> bool:
    """Could the two name one post?  Same role, and scopes equal or one empty."""
    return a.role == b.role and (a.scope == b.scope or not a.scope or not b.scope)
