"""One self-contained HTML page for a run's records (no network: inline CSS, JS and SVG).

* an index of meetings (date, host, participants with posts, regions, figures,
  instructions, source), filtered by region and by a text search;
* per document, its text with every mention highlighted by type (boilerplate
  greyed out, meeting spans marked) beside the meeting records as cards:
  figures as a table in Russian style ("178 млрд ₸"), instructions as a list;
* small SVG charts: money per region, figures per kind.

Everything from the records or the texts is escaped.
"""
from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Iterable, Optional

TYPE_COLOURS = {
    "person": "#ffd6a5", "position": "#fdffb6", "region": "#caffbf", "location": "#9bf6ff",
    "facility": "#a0c4ff", "organization": "#bdb2ff", "money": "#ffc6ff", "percent": "#ffadad",
    "quantity": "#e2ece9", "date": "#d0f4de",
}
CURRENCY = {"KZT": "₸", "USD": "$", "EUR": "€", "RUB": "₽", "GBP": "£", "CNY": "¥"}
SCALES = [(1e12, "трлн"), (1e9, "млрд"), (1e6, "млн"), (1e3, "тыс.")]
UNIT_WORDS = {"t": "т", "ha": "га", "km": "км", "m2": "м²", "m3": "м³", "MW": "МВт", "GW": "ГВт",
              "kW": "кВт", "jobs": "раб. мест", "projects": "проектов", "schools": "школ",
              "people": "чел.", "times": "раза", "pp": "п.п.", "%": "%"}


def ru_number(value: float) -> str:
    """12.5 -> '12,5'; 1234567 -> '1 234 567' (thin spaces)."""
    if float(value).is_integer():
        text = f"{int(value):,}".replace(",", "\u202f")
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "\u202f").replace(".", ",")
    return text


def format_figure(f: dict) -> str:
    """A figure the way a Russian reader writes it: '178 млрд ₸', '29,5 %', '2025–2027'."""
    value, unit, kind = f.get("value"), f.get("unit"), f.get("kind")
    if kind == "date":
        if f.get("date"):
            return f["date"]
        if value is None:
            return f.get("duration") or f.get("text", "")
        text = str(int(value))
        if f.get("value_to"):
            text += f"–{int(f['value_to'])}"
        return text + (f" ({f['period']})" if f.get("period") else "")
    if value is None:
        return f.get("text", "")

    def scaled(v: float) -> str:
        for size, word in SCALES:
            if abs(v) >= size and (v / size) >= 1:
                return f"{ru_number(round(v / size, 2))} {word}"
        return ru_number(v)

    amount = scaled(value)
    if f.get("value_to") is not None:
        amount = f"{amount}–{scaled(f['value_to'])}"
    if kind == "money":
        return f"{amount} {CURRENCY.get(unit, unit or '')}".strip()
    return f"{amount} {UNIT_WORDS.get(unit, unit or '')}".strip()


def _person(p: dict) -> str:
    parts = [p.get("name") or "—"]
    if p.get("position"):
        parts.append(p["position"])
    if p.get("region"):
        parts.append(p["region"] + (" (выведено)" if p.get("region_inferred") else ""))
    return ", ".join(parts)


def _highlight(text: str, record: dict) -> str:
    """The text as HTML, each character range wrapped by the shortest mention covering it."""
    mentions = [m for m in record.get("mentions", []) if 0 <= m["start"] < m["end"] <= len(text)]
    bounds = {0, len(text)}
    for m in mentions:
        bounds |= {m["start"], m["end"]}
    boiler = [(b["start"], b["end"]) for b in record.get("boilerplate", [])]
    meetings = [(m["start"], m["end"], m["id"]) for m in record.get("meetings", [])]
    for s, e in boiler:
        bounds |= {s, e}
    for s, e, _ in meetings:
        bounds |= {s, e}
    points = sorted(b for b in bounds if 0 <= b <= len(text))
    out = []
    open_meeting = None
    for a, b in zip(points, points[1:]):
        meeting = next((mid for s, e, mid in meetings if s <= a < e), None)
        if meeting != open_meeting:
            if open_meeting is not None:
                out.append("</span>")
            if meeting is not None:
                out.append(f'<span class="meeting" data-meeting="{escape(meeting)}">')
            open_meeting = meeting
        covering = [m for m in mentions if m["start"] <= a and b <= m["end"]]
        chunk = escape(text[a:b])
        grey = any(s <= a and b <= e for s, e in boiler)
        if covering:
            m = min(covering, key=lambda m: m["end"] - m["start"])
            title = "; ".join(f"{x['type']}: {x.get('normal') or x['text']}" for x in covering)
            ids = " ".join(x["id"] for x in covering)
            chunk = (f'<mark class="m-{escape(m["type"])}" data-mentions="{escape(ids)}" '
                     f'title="{escape(title)}">{chunk}</mark>')
        if grey:
            chunk = f'<span class="boilerplate">{chunk}</span>'
        out.append(chunk)
    if open_meeting is not None:
        out.append("</span>")
    return "".join(out)


def _meeting_card(m: dict) -> str:
    rows = "".join(
        f"<tr><td>{escape(f['kind'])}</td><td class='num'>{escape(format_figure(f))}</td>"
        f"<td>{escape(f.get('subject') or '')}</td><td>{escape(f['text'])}</td></tr>"
        for f in m.get("figures", []))
    facilities = "".join(
        f"<li>{escape(f['name'])} <small>{escape(f.get('kind') or '')} · {escape(f.get('status') or '—')}</small></li>"
        for f in m.get("facilities", []))
    instructions = "".join(
        f"<li>{escape(i['text'])} <small>→ {escape(i.get('addressee') or 'без адресата')}</small></li>"
        for i in m.get("instructions", []))
    people = "".join(f"<li>{escape(_person(p))}</li>" for p in m.get("participants", []))
    regions = ", ".join(m.get("regions", []) + [f"{r} (выведено)" for r in m.get("inferred_regions", [])])
    return f"""
<article class="card" id="{escape(m['id'])}">
  <h3>{escape(m['id'])}</h3>
  <p><b>Дата:</b> {escape(str(m.get('date') or '—'))} · <b>Ведущий:</b> {escape(_person(m.get('host') or {}))}</p>
  <p><b>Участники:</b></p><ul>{people or '<li>—</li>'}</ul>
  <p><b>Регионы:</b> {escape(regions or '—')}</p>
  {f'<p><b>Объекты:</b></p><ul>{facilities}</ul>' if facilities else ''}
  {f'<table class="figures"><tr><th>вид</th><th>значение</th><th>что</th><th>в тексте</th></tr>{rows}</table>' if rows else ''}
  {f'<p><b>Поручения:</b></p><ol>{instructions}</ol>' if instructions else ''}
  {f"<p class='topics'>{escape(', '.join(m['topics']))}</p>" if m.get('topics') else ''}
</article>"""


def _bar_chart(title: str, data: dict[str, float], fmt) -> str:
    if not data:
        return ""
    items = sorted(data.items(), key=lambda kv: -kv[1])[:12]
    top = max(v for _, v in items) or 1
    bar_h, width, label_w = 22, 560, 220
    rows = []
    for i, (label, value) in enumerate(items):
        w = max(2, int((width - label_w - 110) * value / top))
        y = i * (bar_h + 6)
        rows.append(
            f'<text x="0" y="{y + 15}" class="lbl">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" rx="3"/>'
            f'<text x="{label_w + w + 6}" y="{y + 15}" class="val">{escape(fmt(value))}</text>')
    height = len(items) * (bar_h + 6)
    return (f'<figure class="chart"><figcaption>{escape(title)}</figcaption>'
            f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">'
            f'{"".join(rows)}</svg></figure>')


def charts(records: Iterable[dict]) -> str:
    money: dict[str, float] = defaultdict(float)
    kinds: dict[str, float] = defaultdict(float)
    for record in records:
        for m in record.get("meetings", []):
            regions = m.get("regions") or m.get("inferred_regions") or ["без региона"]
            for f in m.get("figures", []):
                kinds[f["kind"]] += 1
                if f["kind"] == "money" and f.get("unit") == "KZT" and f.get("value"):
                    for r in regions:
                        money[r] += f["value"]
    return (_bar_chart("Деньги по регионам, ₸", money, lambda v: format_figure({"kind": "money", "value": v, "unit": "KZT"}))
            + _bar_chart("Цифры по видам", kinds, lambda v: str(int(v))))


STYLE = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#1d3557;color:#fff;padding:12px 20px}h1{font-size:20px;margin:0}
main{padding:16px 20px}table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}th{background:#eef}
td.num{white-space:nowrap;text-align:right}.filters{margin:10px 0;display:flex;gap:10px}
.filters input,.filters select{padding:4px 6px;font-size:14px}
.doc{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;margin:24px 0;
background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px}
.text{white-space:pre-wrap;font-family:Georgia,serif;font-size:15px}
mark{padding:0 1px;border-radius:2px;color:inherit}.boilerplate{color:#999;background:#eee}
.boilerplate mark{opacity:.5}.meeting{border-left:3px solid #457b9d;padding-left:2px}
.card{border:1px solid #ccd;border-radius:6px;padding:8px 10px;margin-bottom:10px;background:#fcfcff}
.card h3{margin:0 0 6px;font-size:14px;color:#1d3557}.legend span{display:inline-block;padding:1px 6px;margin:2px;border-radius:3px}
.chart svg rect{fill:#457b9d}.chart .lbl,.chart .val{font-size:12px;fill:#222}.charts{display:flex;flex-wrap:wrap;gap:24px}
.topics{color:#666;font-size:12px}small{color:#666}
""" + "".join(f"mark.m-{t},.legend .m-{t}{{background:{c}}}" for t, c in TYPE_COLOURS.items())

SCRIPT = """
(function(){
  var q=document.getElementById('q'), r=document.getElementById('region');
  function apply(){
    var text=(q.value||'').toLowerCase(), region=r.value;
    document.querySelectorAll('#meetings tbody tr').forEach(function(tr){
      var ok=(!text||tr.textContent.toLowerCase().indexOf(text)>=0)&&
             (!region||(tr.getAttribute('data-regions')||'').split('|').indexOf(region)>=0);
      tr.style.display=ok?'':'none';
    });
  }
  q.addEventListener('input',apply); r.addEventListener('change',apply);
  document.body.setAttribute('data-ready','1');
})();
"""


def build_report(records: list[dict], texts: dict[str, Optional[str]], title: str = "kz-extractor") -> str:
    """The HTML page of ``records`` (document records as dicts); ``texts[doc_id]`` is the source text."""
    all_regions = sorted({r for rec in records for m in rec.get("meetings", [])
                          for r in m.get("regions", []) + m.get("inferred_regions", [])})
    rows = []
    for rec in records:
        for m in rec.get("meetings", []):
            regions = m.get("regions", []) + m.get("inferred_regions", [])
            people = "; ".join(_person(p) for p in m.get("participants", []))
            rows.append(
                f'<tr data-regions="{escape("|".join(regions))}"><td>{escape(str(m.get("date") or "—"))}</td>'
                f'<td>{escape((m.get("host") or {}).get("name") or "—")}</td><td>{escape(people or "—")}</td>'
                f'<td>{escape(", ".join(regions) or "—")}</td><td class="num">{len(m.get("figures", []))}</td>'
                f'<td class="num">{len(m.get("instructions", []))}</td>'
                f'<td><a href="#{escape(m["id"])}">{escape(m["id"])}</a> '
                f'<small>{escape(rec.get("source", {}).get("outlet") or "")}</small></td></tr>')
    docs = []
    for rec in records:
        text = texts.get(rec["doc_id"])
        body = _highlight(text, rec) if text is not None else "<p><i>текст недоступен</i></p>"
        cards = "".join(_meeting_card(m) for m in rec.get("meetings", [])) or "<p>Встреч не найдено.</p>"
        status = "" if rec.get("status", "ok") == "ok" else f"<p><b>{escape(rec.get('status_reason') or '')}</b></p>"
        docs.append(f'<section class="doc" id="doc-{escape(rec["doc_id"])}"><div><h2>{escape(rec["doc_id"])}</h2>'
                    f'{status}<div class="text">{body}</div></div><div>{cards}</div></section>')
    legend = "".join(f'<span class="m-{t}">{t}</span>' for t in TYPE_COLOURS)
    options = "".join(f'<option value="{escape(r)}">{escape(r)}</option>' for r in all_regions)
    return f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>
<body><header><h1>{escape(title)}: {len(rows)} встреч в {len(records)} документах</h1></header><main>
<div class="filters"><input id="q" type="search" placeholder="Поиск по встречам"><select id="region">
<option value="">Все регионы</option>{options}</select></div>
<table id="meetings"><thead><tr><th>Дата</th><th>Ведущий</th><th>Участники</th><th>Регионы</th>
<th>Цифры</th><th>Поручения</th><th>Источник</th></tr></thead><tbody>{''.join(rows)}</tbody></table>
<div class="charts">{charts(records)}</div>
<p class="legend">{legend} <span class="boilerplate">boilerplate</span></p>
{''.join(docs)}
</main><script>{SCRIPT}</script></body></html>
"""

