"""Instructions (поручения): what the host told whom to do.

``поручил(а) [кому] <infinitive clause>``, ``дал ряд поручений по ...``,
``поручено ...``, ``дал поручение ...``, ``поставил задачу ...``,
``указал на необходимость ...``.  The text is the clause itself (up to the end
of the sentence or the next coordinated instruction); the addressee is the
person named in it, else the meeting's single named participant.  Statements
("отметил важность ...") are not instructions.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ..records import Instruction, Person
from .participants import Item, entity_name

# what follows each trigger is the instruction's text
TRIGGERS = re.compile(
    r"\b(?:поручил[аи]?|поручено|поручается|дал[аи]?\s+(?:ряд\s+)?поручени\w*|"
    r"поставил[аи]?\s+(?:ряд\s+)?задач[уи]|указал[аи]?\s+на\s+необходимость|"
    r"потребовал[аи]?|обязал[аи]?)\b",
    re.IGNORECASE)
# where a clause stops: sentence end, a new coordinated instruction, a list break
STOP = re.compile(r"[.;!?\n]|\s+и\s+(?=дал[аи]?\s|поручил|поставил|указал|отметил)|,\s+а\s+также\s+(?=дал|поручил)")
KEEP_TRIGGER = re.compile(r"^дал[аи]?\s+(?:ряд\s+)?поручени", re.IGNORECASE)
PASSIVE = re.compile(r"^(?:поручено|поручается)$", re.IGNORECASE)


def find_instructions(text: str, items: Sequence[Item], start: int, end: int,
                      participants: Sequence[Person]) -> list[Instruction]:
    people = [it for it in items if it.mention.type == "person" and start <= it.start < end]
    positions = [it for it in items if it.mention.type == "position" and start <= it.start < end]
    named = [p.name for p in participants if p.name]
    default = named[0] if len(named) == 1 else None
    out: list[Instruction] = []
    for trigger in TRIGGERS.finditer(text, start, end):
        clause_start = trigger.end()
        stop = STOP.search(text, clause_start, end)
        clause_end = stop.start() if stop else end
        addressee = None
        # a dative addressee right after the verb: "поручил Женису Касымбеку ..."
        for it in people + positions:
            if clause_start <= it.start and not text[clause_start:it.start].strip(" ,"):
                if it.mention.type == "person":
                    addressee = entity_name(it, items)
                else:
                    addressee = _holder(it, participants)
                clause_start = it.end
                break
        if addressee is None and PASSIVE.match(trigger.group()):
            # "Берику Уали было поручено ...": the dative name stands before the verb
            for it in reversed(people):
                if it.end <= trigger.start() and not text[it.end:trigger.start()].strip(" ,") .replace("было", "").strip():
                    addressee = entity_name(it, items)
                    break
        if KEEP_TRIGGER.match(trigger.group()):
            # "дал ряд поручений по ..." : the instruction is the noun phrase itself
            clause_start = trigger.start() + len(re.match(r"\w+\s+", trigger.group()).group())
        s, e = _trim(text, clause_start, clause_end)
        if e - s < 3:
            continue
        out.append(Instruction(text=text[s:e], addressee=addressee or default, start=s, end=e))
    return out


def _holder(position: Item, participants: Sequence[Person]) -> Optional[str]:
    head = (position.mention.normal or "").split()[:1]
    for p in participants:
        if p.position and head and p.position.split()[:1] == head and p.name:
            return p.name
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    return start, end
