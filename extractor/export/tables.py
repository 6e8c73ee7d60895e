"""Flatten records into rows of the export's tables (schema.TABLES).

Records are read defensively: a field an older or newer record lacks (a
meeting's ``kind``, a person's ``name_confident``) becomes NULL.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterator, Optional

from ..registry.posts import post_info
from ..registry.sightings import HOST_SEQ
from .schema import BY_NAME


def _json(values: Any) -> str:
    return json.dumps(list(values or []), ensure_ascii=False)


def _bool(value: Any) -> Optional[int]:
    return None if value is None else int(bool(value))


def _num(value: Any) -> Optional[float]:
    return None if value is None else float(value)


def _int(value: Any) -> Optional[int]:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def _date(value: Any) -> Optional[str]:
    """An ISO date (YYYY-MM-DD), or None for anything that is not a valid one."""
    if not value:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def document_rows(record: dict) -> Iterator[tuple[str, dict]]:
    """(table, row) for one document record (a dict of the record's JSON)."""
    doc_id = record["doc_id"]
    source = record.get("source") or {}
    published = _date(source.get("published"))
    meetings = record.get("meetings") or []
    mentions = record.get("mentions") or []
    yield "documents", {
        "doc_id": doc_id, "published": published, "outlet": source.get("outlet"),
        "url": source.get("url"), "title": source.get("title"), "site": source.get("site"),
        "path": source.get("path"), "sha256": source.get("sha256"),
        "encoding": source.get("encoding"), "language": record.get("language"),
        "status": record.get("status"), "status_reason": record.get("status_reason"),
        "text_length": _int(record.get("text_length")), "meetings": len(meetings),
        "mentions": len(mentions), "pipeline_version": record.get("pipeline_version"),
        "schema_version": record.get("schema_version"),
    }
    for n, meeting in enumerate(meetings, start=1):
        yield from meeting_rows(meeting, doc_id, n, published)
    for m in mentions:
        yield "mentions", {
            "doc_id": doc_id, "mention_id": m.get("id"), "type": m.get("type"), "text": m.get("text"),
            "normal": m.get("normal"), "span_start": _int(m.get("start")), "span_end": _int(m.get("end")),
            "boilerplate": _bool(m.get("boilerplate", False)), "source": m.get("source"),
            "entity": m.get("entity"),
        }


def meeting_rows(meeting: dict, doc_id: str, n: int, published: Optional[str]) -> Iterator[tuple[str, dict]]:
    mid = meeting.get("id") or f"{doc_id}#{n}"
    date = _date(meeting.get("date")) or published
    regions = list(dict.fromkeys(meeting.get("regions") or []))
    inferred = [r for r in dict.fromkeys(meeting.get("inferred_regions") or []) if r not in regions]
    host = meeting.get("host") or {}
    yield "meetings", {
        "meeting_id": mid, "doc_id": doc_id, "seq": _seq(mid, n), "kind": meeting.get("kind"),
        "date": date, "year": int(date[:4]) if date else None,
        "region": (regions + inferred)[0] if regions or inferred else None,
        "host_name": host.get("name"), "host_position": host.get("position"), "host_person_id": None,
        "topics": _json(meeting.get("topics")),
        "span_start": _int(meeting.get("start")), "span_end": _int(meeting.get("end")),
    }
    for region in regions:
        yield "meeting_regions", {"meeting_id": mid, "doc_id": doc_id, "region": region, "inferred": 0}
    for region in inferred:
        yield "meeting_regions", {"meeting_id": mid, "doc_id": doc_id, "region": region, "inferred": 1}
    seats = [(HOST_SEQ, host)] if meeting.get("host") else []
    seats += list(enumerate(meeting.get("participants") or [], start=1))
    for seat, person in seats:
        yield "participants", {
            "meeting_id": mid, "seat": seat, "doc_id": doc_id, "is_host": int(seat == HOST_SEQ),
            "person_id": None, "name": person.get("name"), "position": person.get("position"),
            "role": post_info(person.get("position")).role if person.get("position") else None,
            "region": person.get("region"), "region_inferred": _bool(person.get("region_inferred", False)),
            "name_confident": _bool(person.get("name_confident")),
            "mention_ids": _json(person.get("mention_ids")),
        }
    for i, f in enumerate(meeting.get("figures") or [], start=1):
        yield "figures", {
            "meeting_id": mid, "seq": i, "doc_id": doc_id, "kind": f.get("kind"), "value": _num(f.get("value")),
            "value_to": _num(f.get("value_to")), "unit": f.get("unit"), "period": f.get("period"),
            "period_year": _int(f.get("period_year")), "date": f.get("date"), "duration": f.get("duration"),
            "approx": f.get("approx"), "unit_inferred": _bool(f.get("unit_inferred", False)),
            "subject": f.get("subject"), "text": f.get("text"),
            "span_start": _int(f.get("start")), "span_end": _int(f.get("end")), "mention_id": f.get("mention_id"),
        }
    for i, fac in enumerate(meeting.get("facilities") or [], start=1):
        name = fac.get("name")
        yield "facilities", {
            "meeting_id": mid, "seq": i, "doc_id": doc_id, "name": name,
            "name_key": " ".join(name.lower().replace("ё", "е").split()) if name else None,
            "kind": fac.get("kind"), "status": fac.get("status"), "mention_ids": _json(fac.get("mention_ids")),
        }
    for i, ins in enumerate(meeting.get("instructions") or [], start=1):
        yield "instructions", {
            "meeting_id": mid, "seq": i, "doc_id": doc_id, "text": ins.get("text"),
            "addressee": ins.get("addressee"), "addressee_person_id": None,
            "span_start": _int(ins.get("start")), "span_end": _int(ins.get("end")),
        }


def _seq(meeting_id: str, n: int) -> int:
    tail = meeting_id.rsplit("#", 1)[-1]
    return int(tail) if tail.isdigit() else n


def registry_rows(registry) -> Iterator[tuple[str, dict]]:
    for p in registry.people:
        yield "people", {
            "person_id": p.id, "name": p.name, "variants": _json(p.variants), "first_seen": p.first_seen,
            "last_seen": p.last_seen, "meetings": len(p.meeting_ids), "documents": len(p.doc_ids),
            "hosted": p.hosted,
        }
        for seq, post in enumerate(p.timeline, start=1):
            yield "positions", {
                "person_id": p.id, "seq": seq, "position": post.position, "role": post.role,
                "region": post.region, "organisation": post.organisation, "first_seen": post.first_seen,
                "last_seen": post.last_seen, "meetings": len(post.meeting_ids),
                "meeting_ids": _json(post.meeting_ids),
            }


def record_rows(record: dict, skipped: list) -> Optional[list[tuple[str, tuple]]]:
    """All (table, row tuple) of one record, or None (noted in ``skipped``) when it is malformed."""
    try:
        return [(table, as_tuple(table, row)) for table, row in document_rows(record)]
    except (KeyError, TypeError, AttributeError, ValueError, IndexError) as exc:
        skipped.append((str(record.get("doc_id")), f"malformed record: {type(exc).__name__}: {exc}"))
        return None


def as_tuple(table: str, row: dict) -> tuple:
    return tuple(row[c] for c in BY_NAME[table].names)
