"""Command line: ``extractor run | extract | schema | eval | report | export | who``.

Only argparse is imported up front, so ``extractor --version`` answers at once;
each command imports what it needs.  Exit codes: 0 all inputs succeeded,
1 some inputs failed (see errors.jsonl), 2 bad usage, 3 the run stopped on an
internal error (one line on stderr; errors.jsonl and run.json hold what was
done), 130/143 interrupted by SIGINT/SIGTERM.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._version import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Structured meeting records from Russian-language official news of Kazakhstan.")
    parser.add_argument("--version", action="version", version=f"kz-extractor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="extract records from files and folders into an output folder")
    run.add_argument("inputs", nargs="+", metavar="INPUT",
                     help="*.txt / *.jsonl / *.html files or folders (searched recursively)")
    run.add_argument("--out", "-o", required=True, type=Path, help="output folder")
    run.add_argument("--jobs", "-j", type=_positive_int, default=0,
                     help="worker processes (default: all cores)")
    run.add_argument("--timeout", type=float, default=30.0,
                     help="seconds one document may take before it becomes an error (default 30, 0: none)")
    run.add_argument("--resume", action="store_true",
                     help="skip inputs whose record exists for the same source and pipeline version")
    run.add_argument("--engine", choices=["local", "dask"], default="local",
                     help="local worker processes, or a Dask cluster (pip install .[dask])")
    run.add_argument("--scheduler", help="Dask scheduler address (default: start a LocalCluster)")
    run.add_argument("--max-bytes", type=_size, default=None, metavar="SIZE",
                     help="largest document read (a file, or one JSONL line): bytes, or 500k, 64M, 1G "
                          "(default 64M); larger ones are a 'too_large' error line")
    run.add_argument("--max-lost-workers", type=_positive_int, default=None, metavar="N",
                     help="worker processes that may die (OOM killer...) before the run stops (default 8)")
    run.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary")

    ext = sub.add_parser("extract", help="print the record of one file (or - for stdin)")
    ext.add_argument("file", help="a .txt file, or - to read stdin")
    ext.add_argument("--published", help="publication date, YYYY-MM-DD")
    ext.add_argument("--compact", action="store_true", help="one-line JSON")
    ext.add_argument("--html", type=Path, metavar="FILE", help="also write an HTML report of the document")
    ext.add_argument("--max-bytes", type=_size, default=None, metavar="SIZE",
                     help="largest document read, from the file or stdin (default 64M)")

    rep = sub.add_parser("report", help="an HTML report of a run's records")
    rep.add_argument("records", type=Path, help="a run's output folder")
    rep.add_argument("--html", type=Path, required=True, metavar="FILE", help="the HTML file to write")

    schema = sub.add_parser("schema", help="print or write the JSON Schema of the records")
    schema.add_argument("--out", type=Path, help="folder to write <name>.schema.json files into")
    schema.add_argument("--name", choices=["document", "meeting", "error"], default="document",
                        help="which schema to print (default: document)")
    ev = sub.add_parser(
        "eval", help="score against NEREL (eval nerel DIR) or gold meetings (eval --gold G --records OUT)")
    ev.add_argument("target", nargs="*", metavar="nerel DIR",
                    help="'nerel' and a brat folder (X.txt + X.ann)")
    ev.add_argument("--baseline", choices=["natasha"],
                    help="also score natasha's own NER + Money/Dates extractors on the same texts")
    ev.add_argument("--gold", type=Path, help="gold meetings JSON (format of seeds.gold.json)")
    ev.add_argument("--records", type=Path, help="folder of document records (a run's --out)")
    ev.add_argument("--json", action="store_true", help="machine-readable output")
    from .downstream_cli import add_parsers as add_downstream
    add_downstream(sub)  # export, who
    return parser


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _size(value: str) -> int:
    units = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}
    text = value.strip().lower().removesuffix("b").removesuffix("i")
    number, unit = (text[:-1], text[-1]) if text and text[-1] in "kmg" else (text, "")
    try:
        size = int(float(number) * units[unit])
    except (ValueError, OverflowError):  # not a number, or inf, 1e999
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (bytes, or 500k, 64M, 1G)") from None
    if size < 1:
        raise argparse.ArgumentTypeError("must be at least 1 byte")
    return size


class Terminated(BaseException):
    """SIGTERM: stop the run like Ctrl-C (workers stopped, what was done written)."""


def _on_sigterm(_signum, _frame):
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    handler = {"run": cmd_run, "extract": cmd_extract, "schema": cmd_schema,
               "eval": cmd_eval, "report": cmd_report, **_downstream()}[args.command]
    import signal

    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("terminated", file=sys.stderr)
        return 143
    finally:
        signal.signal(signal.SIGTERM, previous)


def _downstream() -> dict:
    from .downstream_cli import HANDLERS
    return HANDLERS


# ---------------------------------------------------------------------------

def cmd_run(args) -> int:
    from .batch import run_batch
    from .engines.pool import DEFAULT_MAX_LOST, WorkersLost
    from .progress import Progress, summary_lines
    from .reading import DEFAULT_MAX_BYTES
    from .writing import OutputError

    for item in args.inputs:
        if not Path(item).exists():
            print(f"extractor run: no such file or folder: {item}", file=sys.stderr)
            return 2
    if args.timeout < 0:
        print("extractor run: --timeout must be >= 0", file=sys.stderr)
        return 2
    progress = Progress(sys.stderr, enabled=not args.quiet)
    limits = {"max_bytes": args.max_bytes or DEFAULT_MAX_BYTES,
              "max_lost_workers": args.max_lost_workers or DEFAULT_MAX_LOST}
    try:
        if args.engine == "dask":
            try:
                from .engines.dask_engine import run_dask
            except ImportError as exc:
                print(f"extractor run: --engine dask needs the dask extra (pip install '.[dask]'): {exc}",
                      file=sys.stderr)
                return 2
            summary = run_dask(args.inputs, args.out, scheduler=args.scheduler, workers=args.jobs or None,
                               timeout=args.timeout, resume=args.resume, progress=progress.update,
                               max_bytes=limits["max_bytes"])
        else:
            summary = run_batch(args.inputs, args.out, jobs=args.jobs, progress=progress.update,
                                timeout=args.timeout, resume=args.resume, **limits)
    except OutputError as exc:
        progress.close()
        print(f"extractor run: {exc}", file=sys.stderr)
        return 2
    except WorkersLost as exc:
        progress.close()
        print(f"extractor run: stopped: {exc}; what was done is in {args.out}", file=sys.stderr)
        return 3
    except Exception as exc:  # noqa: BLE001 - one line, not a traceback; run.json says what was done
        progress.close()
        first = (str(exc).splitlines() or [""])[0][:300]
        print(f"extractor run: internal error: {type(exc).__name__}: {first}; "
              f"errors.jsonl and run.json in {args.out} hold what was done", file=sys.stderr)
        return 3
    progress.close()
    if not args.quiet:
        for line in summary_lines(summary, args.out):
            print(line, file=sys.stderr)
    return 1 if summary["counts"]["failed"] else 0


def cmd_extract(args) -> int:
    from .pipeline import Pipeline
    from .reading import (DEFAULT_MAX_BYTES, DecodeError, InputError, decode, parse_date, read_stdin,
                          read_text_file, safe_doc_id, source_from_text as to_source)

    max_bytes = args.max_bytes or DEFAULT_MAX_BYTES
    try:
        if args.file == "-":
            from .pages import is_page_bytes, pending_page

            data = read_stdin(sys.stdin.buffer, max_bytes)
            if is_page_bytes(data):  # a saved page, read like a file of one
                src = pending_page(data, "stdin", "stdin").extract()
                src.published = parse_date(args.published) or src.published
            else:
                text, _ = decode(data)
                src = to_source(text, published=args.published, doc_id="stdin")
        else:
            path = Path(args.file)
            if not path.is_file():
                print(f"extractor extract: no such file: {path}", file=sys.stderr)
                return 2
            src = read_text_file(path, safe_doc_id(path.stem), max_bytes)
            if args.published:
                src.published = parse_date(args.published)
    except (InputError, DecodeError, ValueError) as exc:
        print(f"extractor extract: {exc}", file=sys.stderr)
        return 1
    record = Pipeline().process(src)
    print(record.model_dump_json(indent=None if args.compact else 2))
    if args.html:
        import json

        from .report.html import build_report
        from .writing import atomic_write_text

        data = json.loads(record.model_dump_json())
        atomic_write_text(args.html, build_report([data], {record.doc_id: src.text}, title=record.doc_id))
        print(f"wrote {args.html}", file=sys.stderr)
    return 0


def cmd_report(args) -> int:
    from .report.html import build_report
    from .report.sources import load_run, source_text
    from .writing import atomic_write_text

    if not args.records.is_dir():
        print(f"extractor report: no such folder: {args.records}", file=sys.stderr)
        return 2
    records = load_run(args.records)
    if not records:
        print(f"extractor report: no records in {args.records}", file=sys.stderr)
        return 1
    texts = {r["doc_id"]: source_text(r) for r in records}
    atomic_write_text(args.html, build_report(records, texts, title=f"kz-extractor: {args.records}"))
    print(f"wrote {args.html} ({len(records)} documents)", file=sys.stderr)
    return 0


def cmd_schema(args) -> int:
    import json

    from .records import SCHEMA_MODELS, json_schema

    if args.out:
        from .writing import atomic_write_json

        for name in SCHEMA_MODELS:
            path = args.out / f"{name}.schema.json"
            atomic_write_json(path, json_schema(name))
            print(path)
        return 0
    print(json.dumps(json_schema(args.name), ensure_ascii=False, indent=2))
    return 0


def cmd_eval(args) -> int:
    import json

    if args.target:
        if len(args.target) != 2 or args.target[0] != "nerel" or args.gold or args.records:
            print("usage: extractor eval nerel DIR [--baseline natasha] [--json]", file=sys.stderr)
            return 2
        folder = Path(args.target[1])
        if not folder.is_dir():
            print(f"extractor eval: no such folder: {folder}", file=sys.stderr)
            return 2
        from .evaluation.nerel import format_table, run_nerel

        result = run_nerel(folder, baseline=args.baseline)
        print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_table(result))
        return 0
    if not (args.gold and args.records):
        print("usage: extractor eval --gold GOLD.json --records OUT/ [--json]\n"
              "       extractor eval nerel DIR [--baseline natasha] [--json]", file=sys.stderr)
        return 2
    for path in (args.gold, args.records):
        if not path.exists():
            print(f"extractor eval: no such file or folder: {path}", file=sys.stderr)
            return 2
    from .evaluation.gold import format_report, run_gold

    result = run_gold(args.gold, args.records)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_report(result))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
