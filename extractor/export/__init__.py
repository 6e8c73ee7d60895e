"""Query-ready tables from a run's records: SQLite (stdlib), Parquet or CSV.

    extractor export OUT --to run.sqlite
    extractor export OUT --to tables/ --format parquet|csv

``schema.py`` declares the tables; ``tables.py`` flattens records into rows;
``sqlite.py`` and ``files.py`` write them.
"""
from .files import FORMATS, export_files
from .schema import TABLES, schema_sql
from .source import ExportError
from .sqlite import export_sqlite

__all__ = ["export_sqlite", "export_files", "ExportError", "TABLES", "schema_sql", "FORMATS"]
