"""The HTML report: Russian number style, escaping, every mention shown, and a real browser."""
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from extractor.report.html import build_report, format_figure

from conftest import SEEDS

EXTRACTOR = [sys.executable, "-m", "extractor"]


@pytest.mark.parametrize("figure, text", [
    ({"kind": "money", "value": 178e9, "unit": "KZT"}, "178 млрд ₸"),
    ({"kind": "money", "value": 2.6e12, "unit": "KZT"}, "2,6 трлн ₸"),
    ({"kind": "money", "value": 2e9, "value_to": 3e9, "unit": "USD"}, "2 млрд–3 млрд $"),
    ({"kind": "percent", "value": 29.5, "unit": "%"}, "29,5 %"),
    ({"kind": "quantity", "value": 540000, "unit": "t"}, "540 тыс. т"),
    ({"kind": "date", "value": 2025, "value_to": 2027, "unit": "year"}, "2025–2027"),
    ({"kind": "date", "value": 2025, "unit": "year", "period": "H1"}, "2025 (H1)"),
    ({"kind": "date", "value": 2025, "unit": "date", "date": "2025-08-14"}, "2025-08-14"),
])
def test_russian_style_figures(figure, text):
    assert format_figure(figure) == text


def test_hostile_text_is_shown_as_text(pipeline):
    text = 'Президент принял акима <script>alert("x")</script> и «министра» & Ко.'
    record = json.loads(pipeline(text, doc_id="<b>x</b>").model_dump_json())
    page = build_report([record], {record["doc_id"]: text})
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<b>x</b>" not in page


def test_every_mention_is_highlighted(pipeline, seed_texts):
    records, texts = [], {}
    for doc_id, text in seed_texts.items():
        records.append(json.loads(pipeline(text, doc_id=doc_id).model_dump_json()))
        texts[doc_id] = text
    page = build_report(records, texts)
    shown = set(" ".join(re.findall(r'data-mentions="([^"]+)"', page)).split())
    # ids repeat across documents; every id of every document is shown
    assert {m["id"] for r in records for m in r["mentions"]} <= shown
    assert page.count('class="card"') == sum(len(r["meetings"]) for r in records)
    assert "178 млрд ₸" in page and "<svg" in page


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    if shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for step in (["apt-get", "install", "-y", "-q", "chromium"],
                     ["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
            try:
                done = subprocess.run(step, capture_output=True, timeout=600, env=env)
            except (OSError, subprocess.TimeoutExpired):
                break
            if step[1] == "install" and done.returncode == 0:
                break
    return shutil.which("chromium")


@pytest.fixture(scope="module")
def chromium():
    path = _chromium()
    if not path:
        pytest.skip("Chromium is not installed and could not be installed here (apt-get install chromium)")
    return path


def test_report_in_a_real_browser(tmp_path, chromium):
    out = tmp_path / "out"
    assert subprocess.run([*EXTRACTOR, "run", SEEDS, "--out", out, "-j", "1", "-q"]).returncode == 0
    page = tmp_path / "report.html"
    assert subprocess.run([*EXTRACTOR, "report", out, "--html", page]).returncode == 0
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0"]
    dom = subprocess.run([chromium, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120)
    assert 'data-ready="1"' in dom.stdout, dom.stderr[-2000:]  # the page's script ran to its end
    console_errors = [l for l in dom.stderr.splitlines() if "CONSOLE" in l and ("Uncaught" in l or "ERROR" in l)]
    assert console_errors == []
    records = [json.loads(p.read_text(encoding="utf-8")) for p in out.glob("0*.json")]
    shown = set(" ".join(re.findall(r'data-mentions="([^"]+)"', dom.stdout)).split())
    assert {m["id"] for r in records for m in r["mentions"]} <= shown
    shot = tmp_path / "report.png"
    subprocess.run([chromium, *flags, f"--screenshot={shot}", "--window-size=1400,2000", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000
