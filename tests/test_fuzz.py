"""Fuzz: at least 10 MB of generated hostile text through a real batch (2 workers).

Long runs of digits, dashes, quotes and capitalised words, broken numbers and
units, stray markup: every document must come back as a valid record or a
clear error line, in time linear in its length (no document times out)."""
import json
import random

from extractor.batch import run_batch

PIECES = [
    lambda r: "9" * r.randint(50, 3000),
    lambda r: "-" * r.randint(50, 2000),
    lambda r: "–—-" * r.randint(20, 500),
    lambda r: "«" * r.randint(10, 400) + "»" * r.randint(10, 400),
    lambda r: '"' * r.randint(10, 800),
    lambda r: " ".join(r.choice(["Аким", "Президент", "Касым-Жомарт", "Токаев", "Карагандинской",
                                  "Области", "Алматы", "Жетісу", "Министр"]) for _ in range(r.randint(50, 400))),
    lambda r: " ".join(f"{r.randint(1, 999)},{r.randint(0, 9)} {r.choice(['млрд', 'млн', 'тыс.', 'трлн'])}"
                       for _ in range(r.randint(20, 200))) + " тенге",
    lambda r: " ".join(f"{r.randint(1900, 2100)}-{r.randint(1900, 2100)}" for _ in range(r.randint(20, 300))),
    lambda r: "в І полугодии " * r.randint(20, 200) + "2025 года",
    lambda r: "№ 123-VII " * r.randint(10, 200),
    lambda r: "<div><p>" * r.randint(5, 50) + "текст" + "</p></div>" * r.randint(5, 50),
    lambda r: "Aкорда Aким Ермaганбет " * r.randint(10, 200),
    lambda r: "\n".join("Пенсия 2026" for _ in range(r.randint(10, 200))),
    lambda r: "8 (7172) 74-56-12 +7 701 123 45 67 " * r.randint(10, 100),
    lambda r: "до конца до конца до конца " * r.randint(10, 100) + "2025 года",
    lambda r: "поручил поручил поручил " * r.randint(10, 200),
    lambda r: "".join(chr(r.randint(0x400, 0x4FF)) for _ in range(r.randint(100, 2000))),
]


def hostile_text(rng: random.Random, size: int) -> str:
    parts, length = [], 0
    while length < size:
        piece = rng.choice(PIECES)(rng) + rng.choice([" ", "\n", ". ", "; ", "\n\n"])
        parts.append(piece)
        length += len(piece.encode("utf-8"))
    return "".join(parts)


def test_ten_megabytes_of_hostile_text(tmp_path, validators):
    rng = random.Random(20261124)
    corpus = tmp_path / "hostile.jsonl"
    total = 0
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(100):
            text = hostile_text(rng, 105_000)
            total += len(text.encode("utf-8"))
            fh.write(json.dumps({"id": f"h{i:03d}", "text": text}, ensure_ascii=False) + "\n")
    assert total >= 10_000_000
    out = tmp_path / "out"
    summary = run_batch([corpus], out, jobs=2, timeout=60)
    errors = [json.loads(l) for l in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e for e in errors if e["error"] in {"timeout", "extraction_failed"}] == []
    assert summary["counts"]["documents"] + summary["counts"]["failed"] == 100
    for path in out.glob("h*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        validators["document"].validate(record)
