"""Export benchmark: `extractor export` of N document records, time and peak RSS.

    python benchmarks/export.py [--docs 10000] [--formats sqlite,parquet,csv]

The records are those of a real run over seeds/ and tests/data/reports,
repeated to N documents with their own doc ids, dates spread over 2015-2025
and participants drawn from a pool of invented people (so the registry has
thousands of sightings and hundreds of people).  Every export runs in a fresh
subprocess, so its peak RSS is its own; it is measured at N/10 and N
documents to show that memory stays flat (records are streamed).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = ["Асаин", "Ербол", "Нурлан", "Марат", "Берик", "Серик", "Алия", "Гани", "Женис", "Кайрат",
         "Бауыржан", "Ерлан", "Данияр", "Аскар", "Бахыт", "Талгат", "Мурат", "Айдос", "Руслан", "Тимур"]
SURNAMES = ["Байханов", "Карашукеев", "Жакупов", "Карабаев", "Уали", "Ахметов", "Сарсенова", "Касымбек",
            "Исабаев", "Нуркенов", "Жумабаев", "Касымов", "Сапаров", "Бейсенов", "Омаров", "Алиев",
            "Искаков", "Мусин", "Темирханов", "Шайхин", "Абенов", "Дуйсенов", "Тулегенов", "Сейткали",
            "Ибраев"]
POSTS = [("аким Павлодарской области", "Павлодарская область"), ("аким Карагандинской области", "Карагандинская область"),
         ("аким Туркестанской области", "Туркестанская область"), ("аким области Абай", "область Абай"),
         ("министр энергетики", None), ("министр финансов", None), ("министр транспорта", None),
         ("аким Астаны", "город Астана")]


def template_records(tmp: Path) -> list[dict]:
    out = tmp / "template"
    subprocess.run([sys.executable, "-m", "extractor", "run", str(ROOT / "seeds"),
                    str(ROOT / "tests" / "data" / "reports"), "--out", str(out), "--jobs", "1", "--quiet"],
                   check=True)
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json")) if p.name != "run.json"]


def write_records(folder: Path, templates: list[dict], docs: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(docs):
        rec = json.loads(json.dumps(templates[i % len(templates)]))
        doc_id = f"d{i:06d}_{rec['doc_id']}"
        date = f"{2015 + i * 11 // docs}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        rec["doc_id"], rec["source"]["published"] = doc_id, date
        for n, m in enumerate(rec["meetings"], start=1):
            m["id"], m["doc_id"], m["date"] = f"{doc_id}#{n}", doc_id, date
            for k, p in enumerate(m["participants"]):
                who = (i * 7 + n * 3 + k) % (len(FIRST) * len(SURNAMES) // 2)
                p["name"] = f"{FIRST[who % len(FIRST)]} {SURNAMES[who // len(FIRST) % len(SURNAMES)]}"
                p["position"], p["region"] = POSTS[(who + i // 1000) % len(POSTS)]
        text = json.dumps(rec, ensure_ascii=False)
        size += len(text.encode("utf-8"))
        (folder / f"{doc_id}.json").write_text(text, encoding="utf-8")
    return size


def measure(out: Path, target: Path, fmt: str) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one `extractor export` in its own process."""
    code = ("import resource, sys\n"
            "from extractor.cli import main\n"
            "rc = main(sys.argv[1:])\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(rc)\n")
    args = ["export", str(out), "--to", str(target), "--quiet"] + ([] if fmt == "sqlite" else ["--format", fmt])
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"export failed: {proc.stderr}")
    return seconds, int(proc.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--formats", default="sqlite,parquet,csv")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        templates = template_records(tmp)
        print(f"| documents | format | seconds | doc/s | peak RSS MB |\n|---:|---|---:|---:|---:|")
        for docs in (args.docs // 10, args.docs):
            out = tmp / f"out{docs}"
            size = write_records(out, templates, docs)
            for fmt in args.formats.split(","):
                if fmt == "parquet":
                    try:
                        import pyarrow  # noqa: F401
                    except ImportError:
                        continue
                target = tmp / (f"x{docs}.sqlite" if fmt == "sqlite" else f"{fmt}{docs}")
                seconds, rss = measure(out, target, fmt)
                print(f"| {docs:,} ({size / 1e6:.0f} MB of JSON) | {fmt} | {seconds:.1f} | {docs / seconds:.0f} | {rss:.0f} |",
                      flush=True)
            if docs == args.docs:
                import sqlite3

                con = sqlite3.connect(tmp / f"x{docs}.sqlite")
                counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                          for t in ("meetings", "participants", "people", "positions", "figures", "mentions")}
                print(f"\nrows at {docs:,} documents: {counts}; sqlite file "
                      f"{os.path.getsize(tmp / f'x{docs}.sqlite') / 1e6:.0f} MB")
                seconds, rss = measure(out, tmp / f"x{docs}.sqlite", "sqlite")
                print(f"re-export into the same database (replacing every document): {seconds:.1f} s, {rss:.0f} MB")


if __name__ == "__main__":
    main()
