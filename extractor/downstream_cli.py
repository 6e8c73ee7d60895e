"""``extractor export`` and ``extractor who``: the run's records as tables, and its people.

Kept apart from cli.py so the commands stay in one place; cli.py adds them
with :func:`add_parsers` and dispatches through :data:`HANDLERS`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def add_parsers(sub) -> None:
    exp = sub.add_parser("export", help="a run's records as query-ready tables (SQLite, Parquet, CSV)")
    exp.add_argument("records", type=Path, metavar="OUT", help="a run's output folder")
    exp.add_argument("--to", type=Path, required=True, metavar="FILE|DIR",
                     help="SQLite file (default format), or a folder for --format parquet|csv")
    exp.add_argument("--format", choices=["sqlite", "parquet", "csv"], default="sqlite",
                     help="sqlite (default): one database; parquet / csv: one file per table in DIR")
    exp.add_argument("--quiet", "-q", action="store_true", help="no summary")

    who = sub.add_parser("who", help="people and their posts across a run's documents")
    who.add_argument("records", type=Path, metavar="OUT", help="a run's output folder")
    who.add_argument("--region", help="region: canonical, inflected or short name (Карагандинской, ВКО)")
    who.add_argument("--position", help="post: аким, министр энергетики...")
    who.add_argument("--date", help="posts held on this day, month or year (YYYY[-MM[-DD]])")
    who.add_argument("--name", help="name or its beginning, any spelling seen")
    who.add_argument("--json", action="store_true", help="one JSON object per line")


def cmd_export(args) -> int:
    from .export import ExportError, export_files, export_sqlite

    if not args.records.is_dir():
        print(f"extractor export: no such folder: {args.records}", file=sys.stderr)
        return 2
    try:
        if args.format == "sqlite":
            if args.to.is_dir():
                print(f"extractor export: {args.to} is a folder; give a file, or --format parquet|csv",
                      file=sys.stderr)
                return 2
            result = export_sqlite(args.records, args.to)
        else:
            if args.to.exists() and not args.to.is_dir():
                print(f"extractor export: {args.to} is a file; --format {args.format} writes a folder",
                      file=sys.stderr)
                return 2
            result = export_files(args.records, args.to, args.format)
    except ExportError as exc:
        print(f"extractor export: {exc}", file=sys.stderr)
        return 1
    for path, why in result["skipped"]:
        print(f"extractor export: skipped {path}: {why}", file=sys.stderr)
    if not args.quiet:
        tables = ", ".join(f"{k} {v}" for k, v in result["tables"].items())
        print(f"exported {result['exported']} documents to {args.to} ({tables})", file=sys.stderr)
    return 1 if result["skipped"] else 0


def cmd_who(args) -> int:
    from .registry.query import QueryError, format_table, iter_json, load_people, select

    if not args.records.is_dir():
        print(f"extractor who: no such folder: {args.records}", file=sys.stderr)
        return 2
    try:
        rows = select(load_people(args.records), region=args.region, position=args.position,
                      date=args.date, name=args.name)
    except QueryError as exc:
        print(f"extractor who: {exc}", file=sys.stderr)
        return 2
    if args.json:
        for row in iter_json(rows):
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(format_table(rows))
    return 0


HANDLERS = {"export": cmd_export, "who": cmd_who}
