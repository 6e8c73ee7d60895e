"""Sightings: one named person in one meeting (host or participant), with the
post, region and date the record gives.  The registry is built from these,
whether they come from records in memory, a run's meetings.jsonl or the
exported database."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

HOST_SEQ = 0  # the host is seat 0 of a meeting; participants are 1, 2, ...


@dataclass(frozen=True, slots=True)
class Sighting:
    name: str
    position: Optional[str]
    region: Optional[str]
    date: Optional[str]          # ISO date: the meeting's, else the report's publication date
    meeting_id: str
    doc_id: str
    seq: int                     # HOST_SEQ for the host, 1.. for participants

    @property
    def is_host(self) -> bool:
        return self.seq == HOST_SEQ


def _plain(record: Any) -> dict:
    if hasattr(record, "model_dump"):
        return record.model_dump(mode="json")
    if isinstance(record, dict):
        return record
    raise TypeError(f"not a record: {type(record).__name__}")


def _iso(value: Any) -> Optional[str]:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def from_meeting(meeting: dict, published: Optional[str] = None) -> Iterator[Sighting]:
    if not isinstance(meeting, dict) or not isinstance(meeting.get("id"), str):
        return  # not a meeting record: nothing to see
    date = _iso(meeting.get("date")) or published
    people = [(HOST_SEQ, meeting.get("host"))]
    people += [(i, p) for i, p in enumerate(meeting.get("participants") or [], start=1)]
    for seq, person in people:
        if not isinstance(person, dict) or not (person.get("name") or "").strip():
            continue
        yield Sighting(name=" ".join(person["name"].split()), position=person.get("position") or None,
                       region=person.get("region") or None, date=date,
                       meeting_id=meeting["id"], doc_id=meeting.get("doc_id") or meeting["id"].split("#")[0],
                       seq=seq)


def from_records(records: Iterable[Any]) -> Iterator[Sighting]:
    """Document records or meeting records (pydantic models or their JSON dicts)."""
    for record in records:
        data = _plain(record)
        if "meetings" in data:
            published = _iso((data.get("source") or {}).get("published"))
            for meeting in data.get("meetings") or []:
                yield from from_meeting(meeting, published)
        elif "host" in data or "participants" in data:
            yield from from_meeting(data)
        else:
            raise TypeError("neither a document record nor a meeting record")


def from_meetings_jsonl(path: Path) -> Iterator[Sighting]:
    """A run's meetings.jsonl, streamed (undecodable lines are skipped)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                meeting = json.loads(line)
            except ValueError:
                continue
            if isinstance(meeting, dict) and "id" in meeting:
                yield from from_meeting(meeting)
