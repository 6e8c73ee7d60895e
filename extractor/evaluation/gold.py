"""``extractor eval --gold GOLD.json --records OUT/``: meeting-level scores.

Gold format: ../shared/gold/seeds.gold.json.  Facts are ``required`` (found or
missed), ``optional`` (credit-free, never penalised) or ``inferred`` (need world
knowledge; scored in fields of their own).  System meetings are aligned to gold
meetings one-to-one by how many facts they share; a field's score sums over
aligned pairs, and the facts of unaligned meetings count as misses / false hits.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

from .metrics import Score, match_one_to_one, score_items

FIELDS = ["figures", "participants", "positions", "regions", "inferred_regions",
          "facilities", "instructions"]

_PUNCT = re.compile(r"[«»\"“”„'()\[\],.;:!?]")
_DASH = re.compile(r"\s*[‐‑‒–—―-]\s*")


def norm_text(text: Optional[str]) -> str:
    """Lower case, ё->е, no quotes/brackets/punctuation, one kind of dash, single spaces."""
    if not text:
        return ""
    text = text.lower().replace("ё", "е").replace("і", "i")
    text = _DASH.sub("-", text)
    text = _PUNCT.sub(" ", text)
    return " ".join(text.split())


def same_text(a: Optional[str], b: Optional[str]) -> float:
    return 1.0 if a and b and norm_text(a) == norm_text(b) else 0.0


def words_overlap(a: str, b: str) -> float:
    """Jaccard overlap of the normalised words; 0 below 0.6."""
    wa, wb = set(norm_text(a).split()), set(norm_text(b).split())
    if not wa or not wb:
        return 0.0
    jac = len(wa & wb) / len(wa | wb)
    return jac if jac >= 0.6 else 0.0


def _figure_value_ok(sys: dict, gold: dict) -> bool:
    for key in ("value", "value_to"):
        if key in gold and gold[key] is not None:
            if sys.get(key) is None or abs(float(sys[key]) - float(gold[key])) > 1e-6 * max(1.0, abs(float(gold[key]))):
                return False
    for key in ("unit", "period"):
        if gold.get(key) is not None and sys.get(key) != gold[key]:
            return False
    if gold.get("subject") is not None and norm_text(sys.get("subject")) != norm_text(gold["subject"]):
        return False
    return True


def figure_similarity(sys: dict, gold: dict) -> float:
    """A figure matches when kinds agree, texts overlap (one holds the other)
    and every attribute the gold gives (value, unit, period, subject) is right."""
    if sys.get("kind") != gold.get("kind"):
        return 0.0
    a, b = norm_text(sys.get("text")), norm_text(gold.get("text"))
    if not a or not b or (a not in b and b not in a):
        return 0.0
    if not _figure_value_ok(sys, gold):
        return 0.0
    return min(len(a), len(b)) / max(len(a), len(b))


def instruction_similarity(sys: dict, gold: dict) -> float:
    if norm_text(sys.get("addressee")) != norm_text(gold.get("addressee")):
        return 0.0
    return words_overlap(sys.get("text", ""), gold.get("text", ""))


def _split(facts: Any) -> tuple[list, list]:
    if isinstance(facts, dict):
        return list(facts.get("required", [])), list(facts.get("optional", []))
    return list(facts or []), []


@dataclass
class GoldReport:
    fields: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    host: Score = field(default_factory=Score)
    documents: int = 0
    meeting_count_right: int = 0
    leaks: list[str] = field(default_factory=list)
    missing_documents: list[str] = field(default_factory=list)
    boilerplate: Score = field(default_factory=Score)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "meeting_count_accuracy": round(self.meeting_count_right / self.documents, 4) if self.documents else 0.0,
            "host": self.host.as_dict(),
            "fields": {name: s.as_dict() for name, s in self.fields.items()},
            "boilerplate_leaks": self.leaks,
            "missing_documents": self.missing_documents,
        }


def _participant_facts(meeting: dict) -> dict[str, tuple[list, list]]:
    """Gold participants split into the participant/position/region fields."""
    names, positions, pos_opt, regions, reg_inf = [], [], [], [], []
    for p in meeting.get("participants", []):
        inferred = p.get("inferred", {})
        names.append(p.get("name") or p.get("position") or "")
        if p.get("position"):
            positions.append(p["position"])
        elif inferred.get("position"):
            pos_opt.append(inferred["position"])
        if p.get("region"):
            regions.append(p["region"])
        elif inferred.get("region"):
            reg_inf.append(inferred["region"])
    return {"participants": ([n for n in names if n], []), "positions": (positions, pos_opt),
            "participant_regions": (regions, []), "participant_regions_inferred": (reg_inf, [])}


def _system_participants(meeting: dict) -> dict[str, list]:
    parts = meeting.get("participants", [])
    return {
        "participants": [p.get("name") or p.get("position") for p in parts if p.get("name") or p.get("position")],
        "positions": [p["position"] for p in parts if p.get("position")],
        "regions_stated": [p["region"] for p in parts if p.get("region") and not p.get("region_inferred")],
        "regions_inferred": [p["region"] for p in parts if p.get("region") and p.get("region_inferred")],
    }


def score_meeting(sys: Optional[dict], gold: Optional[dict]) -> dict[str, Score]:
    """Field scores of one aligned pair (either side may be missing)."""
    sys, gold = sys or {}, gold or {}
    out: dict[str, Score] = {}
    g_figs, g_figs_opt = _split(gold.get("figures"))
    out["figures"] = score_items(sys.get("figures", []), g_figs, figure_similarity, g_figs_opt)

    gp = _participant_facts(gold) if gold else {}
    sp = _system_participants(sys)
    req, opt = gp.get("participants", ([], []))
    out["participants"] = score_items(sp["participants"], req, same_text, opt)
    req, opt = gp.get("positions", ([], []))
    out["positions"] = score_items(sp["positions"], req, same_text, opt)

    stated = list(dict.fromkeys(gold.get("regions", []) + gp.get("participant_regions", ([], []))[0]))
    inferred = list(dict.fromkeys(gold.get("inferred_regions", []) + gp.get("participant_regions_inferred", ([], []))[0]))
    sys_stated = list(dict.fromkeys(sys.get("regions", []) + sp["regions_stated"]))
    sys_inferred = [r for r in dict.fromkeys(sp["regions_inferred"]) if r not in sys_stated]
    # a stated region the gold calls inferred is still right, and not a false hit
    out["regions"] = score_items(sys_stated, stated, same_text, inferred)
    out["inferred_regions"] = score_items(sys_inferred + [r for r in sys_stated if r in inferred],
                                          inferred, same_text)

    g_fac, g_fac_opt = _split(gold.get("facilities"))
    sys_fac = [f.get("name", "") for f in sys.get("facilities", [])]
    out["facilities"] = score_items(sys_fac, g_fac, same_text, g_fac_opt)

    g_ins, g_ins_opt = _split(gold.get("instructions"))
    out["instructions"] = score_items(sys.get("instructions", []), g_ins, instruction_similarity, g_ins_opt)
    return out


def _alignment_weight(sys: dict, gold: dict) -> float:
    scores = score_meeting(sys, gold)
    return sum(s.tp for s in scores.values()) + 0.001


def load_records(records_dir: Path) -> dict[str, dict]:
    out = {}
    for path in sorted(Path(records_dir).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if isinstance(data, dict) and "doc_id" in data and "meetings" in data:
            out[data["doc_id"]] = data
    return out


def _leaks(record: dict, forbidden: Sequence[str]) -> list[str]:
    blob = json.dumps(record.get("meetings", []), ensure_ascii=False).lower()
    return [w for w in forbidden if w.lower() in blob]


def run_gold(gold_path: Path, records_dir: Path) -> dict:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    return score_gold(gold, load_records(records_dir))


def score_gold(gold: dict, records: dict[str, dict]) -> dict:
    """Scores of document records (as JSON dicts, by doc_id) against a gold file's content."""
    report = GoldReport()
    for doc in gold["documents"]:
        report.documents += 1
        record = records.get(doc["doc_id"])
        if record is None:
            report.missing_documents.append(doc["doc_id"])
            record = {"meetings": []}
        gold_meetings, sys_meetings = doc.get("meetings", []), record.get("meetings", [])
        if len(gold_meetings) == len(sys_meetings):
            report.meeting_count_right += 1
        pairs = match_one_to_one(sys_meetings, gold_meetings, _alignment_weight)
        paired_sys, paired_gold = {i for i, _ in pairs}, {j for _, j in pairs}
        units = [(sys_meetings[i], gold_meetings[j]) for i, j in pairs]
        units += [(m, None) for i, m in enumerate(sys_meetings) if i not in paired_sys]
        units += [(None, m) for j, m in enumerate(gold_meetings) if j not in paired_gold]
        for sys_m, gold_m in units:
            for name, score in score_meeting(sys_m, gold_m).items():
                report.fields[name].add(score)
            g_host = (gold_m or {}).get("host")
            s_host = ((sys_m or {}).get("host") or {}).get("name")
            report.host.add(score_items([s_host] if s_host else [], [g_host] if g_host else [], same_text))
        report.leaks += [f"{doc['doc_id']}: {w}" for w in _leaks(record, doc.get("must_not_appear_in_meetings", []))]
    return report.as_dict()


def format_report(result: dict) -> str:
    lines = [f"{result['documents']} gold documents; meeting count right in "
             f"{result['meeting_count_accuracy']:.0%}",
             f"{'field':<17} {'tp':>4} {'fp':>4} {'fn':>4} | {'P':>6} {'R':>6} {'F1':>6}"]
    rows: list[tuple[str, dict]] = [("host", result["host"])] + list(result["fields"].items())
    for name, s in rows:
        lines.append(f"{name:<17} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4} | "
                     f"{s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}")
    lines.append("boilerplate leaks: " + (", ".join(result["boilerplate_leaks"]) or "none"))
    if result["missing_documents"]:
        lines.append("no record for: " + ", ".join(result["missing_documents"]))
    return "\n".join(lines)

