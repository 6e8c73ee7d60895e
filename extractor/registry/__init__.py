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
