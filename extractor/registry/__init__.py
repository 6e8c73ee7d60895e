"""Registry of people across documents: ``extractor.registry.build(records)``.

One entry per person with a stable id, the spellings of the name seen and a
timeline of posts (position, role, region, organisation, first/last date seen,
meeting ids).  ``OUT/people.jsonl`` is this registry for a run (written at the
end of ``extractor run``); ``extractor who OUT`` queries it.
"""
from .build import PersonEntry, Post, Registry, build, build_from_sightings
from .sightings import Sighting, from_meetings_jsonl, from_records

PEOPLE = "people.jsonl"

__all__ = ["build", "build_from_sightings", "Registry", "PersonEntry", "Post", "Sighting",
           "from_records", "from_meetings_jsonl", "PEOPLE"]


def write_people(out_dir, tmp_dir=None) -> int:
    """OUT/people.jsonl from OUT/meetings.jsonl (atomically); returns the number of people."""
    from pathlib import Path

    from ..writing import MEETINGS, atomic_write_text

    out_dir = Path(out_dir)
    registry = build_from_sightings(from_meetings_jsonl(out_dir / MEETINGS))
    atomic_write_text(out_dir / PEOPLE, registry.to_jsonl(), tmp_dir)
    return len(registry)
