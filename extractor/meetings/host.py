"""Who hosts: the agent of the reception, resolved through the document's people.

No name is written in this logic.  A title ("Президент", "Глава государства",
"Елбасы", "Премьер-министр") resolves to the person the report names with that
title (apposition "Президент Казахстана Нурсултан Назарбаев", or a named agent
of another event, or a name the terms table lists); when the report names no
one, a head-of-state title resolves to the President in office on the
published date (data/heads_of_state.tsv, marked ``name_inferred``); otherwise
the name stays null and the post is kept.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Optional

from ..data import word_list

FOREIGN = re.compile(r"\b(?:Турци|Росси|Франци|США|Кита|Иран|Узбекистан|Кыргыз|Таджикистан|Туркменистан|"
                     r"Азербайджан|Беларус|Украин|Герман|Монгол|Польш|Венгри|Индии|Кор[еи])", re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    name: str
    start: dt.date
    end: Optional[dt.date]
    position: str

    def holds(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


class Table(NamedTuple):
    """data/heads_of_state.tsv: titles of ours, the Presidents' terms, local titles, titles abroad."""
    titles: dict[str, str]
    terms: tuple[Term, ...]
    local: dict[str, str]
    abroad: dict[str, str]


@lru_cache(maxsize=1)
def _table() -> Table:
    titles, terms, local, abroad = {}, [], {}, {}
    by_kind = {"title": titles, "local": local, "abroad": abroad}
    for line in word_list("heads_of_state.tsv"):
        parts = line.split("\t")
        if parts[0] in by_kind:
            by_kind[parts[0]][parts[1]] = parts[2]
        elif parts[0] == "term":
            end = dt.date.fromisoformat(parts[3]) if parts[3] else None
            terms.append(Term(parts[1], dt.date.fromisoformat(parts[2]), end, parts[4]))
    return Table(titles, tuple(terms), local, abroad)


def _low(position: str) -> str:
    """A post as the table writes titles: lower case, е for ё, single spaces."""
    return " ".join(position.lower().replace("ё", "е").split())


def _longest_title(low: str, titles: dict[str, str]) -> Optional[tuple[str, str]]:
    best = None
    for title, kind in titles.items():
        if low == title or low.startswith(title + " "):
            if best is None or len(title) > len(best[0]):
                best = (title, kind)
    return best


@lru_cache(maxsize=512)
def places_in(post: str) -> tuple:
    """The places a post names, by the gazetteer ("Президент России" -> Россия, a country;
    "аким Шымкента" -> Шымкент, a city)."""
    from ..entities.regions import place_mentions
    from ..text.segment import Sentence

    return tuple(place_mentions(post, [Sentence(0, len(post), post)]))


def _country(position: str) -> Optional[str]:
    """The country a post names ("Президент России" -> "Россия"), by the gazetteer."""
    for span in places_in(position):
        if span.data.get("kind") == "country":
            return span.normal
    return "?" if FOREIGN.search(position) else None


def foreign_country(position: Optional[str]) -> Optional[str]:
    """The other country a post names ("Президент РФ" -> "Россия"), or None."""
    country = _country(position) if position else None
    return None if country == "Казахстан" else country


def foreign_kind(position: Optional[str]) -> Optional[str]:
    """'Президент России' -> 'president', 'Премьер-министр Турции' -> 'head_of_government',
    'Федеральный канцлер Германии' -> 'head_of_government': a head of another country.
    With no country named ('Президент', 'канцлер') it is no foreign head."""
    if not position:
        return None
    if foreign_country(position) is None:
        return None
    best = _longest_title(_low(position), {**_table().titles, **_table().abroad})
    return best[1] if best else None


def title_kind(position: Optional[str]) -> Optional[str]:
    """'Глава государства' -> 'president', 'Премьер-министр РК' -> 'head_of_government'; a
    foreign President ('Президент Турции') is no host of ours."""
    if not position or FOREIGN.search(position):
        return None
    return _best_title(position, _table().titles)


def local_title_kind(position: Optional[str]) -> Optional[str]:
    """'Аким области' -> 'akim', 'Государственный секретарь' -> 'state_secretary': who hosts a
    report about themselves (citizens received, an ambassador met), never one a President hosts."""
    if not position or FOREIGN.search(position):
        return None
    return _best_title(position, _table().local)


def _best_title(position: str, titles: dict[str, str]) -> Optional[str]:
    low = _low(position)
    best = _longest_title(low, titles)
    if best and best[0] == "президент" and len(low.split()) > 1 and not re.search(
            r"\b(?:казахстан\w*|рк|республики)\b", low):
        return None  # "президент компании", "президент федерации"
    return best[1] if best else None


def president_on(day: Optional[dt.date]) -> Optional[Term]:
    if day is None:
        return None
    for term in _table().terms:
        if term.holds(day):
            return term
    return None


def listed_president(name: Optional[str]) -> Optional[Term]:
    """The table's President whose surname the name carries."""
    if not name:
        return None
    last = name.split()[-1].lower()[:6]
    for term in _table().terms:
        if term.name.split()[-1].lower()[:6] == last:
            return term
    return None


def first_president() -> Optional[Term]:
    terms = _table().terms
    return min(terms, key=lambda t: t.start) if terms else None


def names_a_host(text: str, positions: list, start: int, end: int) -> bool:
    """Does the report name anyone who may host: a title of ours (a local one too), a foreign
    head's, or a name the terms table lists?"""
    if any(title_kind(normal) or local_title_kind(normal) or foreign_kind(normal) for normal in positions):
        return True
    low = text[start:end].lower()
    return any(term.name.split()[-1].lower()[:6] in low for term in _table().terms)


def terms() -> tuple[Term, ...]:
    """The Presidents of the table, in order."""
    return _table().terms
