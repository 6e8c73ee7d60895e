"""The residue of news sites in a page's text, marked with a reason; the text is never changed.

A page text (what a scraper or trafilatura gives) holds more than the report.
Each piece below becomes a residue span: no meeting starts in it and no fact of
a meeting comes from it (the pipeline hides residue from the meeting layer).

==================  ===========================================================
reason              shape
==================  ===========================================================
``headline``        the first line, headline-like, restated by the lead under it
``repeated_lead``   a top paragraph the next paragraphs repeat (lead, then body)
``dateline``        "АСТАНА. 12 марта. КАЗИНФОРМ –" opening the first paragraph
``stamp``           "Сегодня, 09:40", "Астана, 5 мая 2023 10:15", "Опубликовано:"
``counter``         view and comment counters: "Просмотров: 3 417", "1292"
``author``          "Автор: ...", "Текст: ...", a bare name above the article
``caption``         "Фото: Акорда", "... во время встречи. Фото: Акорда", a
                    headline-like line between two paragraphs of the body
``earlier_event``   "Ранее Глава государства провел ...", "Напомним, ..." to
                    the end of its paragraph: another event, never this report
``related``         "Читайте также" / "Новости по теме" and the headlines under it
``subscription``    "Хочешь получать главные новости? Подпишись ..."
``ticker``          "USD 512.40 EUR 553.10", "Астана +4 °C", "494.87 520.65"
``menu``            "Главная | Политика | Экономика", rubric lines above the headline
``cookie``          cookie banners and their "Принять"
``tags``            "Теги: ...", "#Токаев #Акорда"
``furniture``       "Поделиться", "Версия для печати", "© ... Все права защищены"
``marker``,         the shapes of text/boilerplate.py (marker lines, the rubric
``headline_list``   list after the article)
==================  ===========================================================

Each rule looks at the shape of a line and its place in the page (above the
body, between its paragraphs, under it), never at one site's wording.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from .boilerplate import boilerplate_reasons, headline_like
from .metadata import month_number
from .segment import lines

MONTHS = (r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|"
          r"ноябр\w*|декабр\w*|янв|фев|мар|апр|июн|июл|авг|сен|сент|окт|ноя|дек|"
          r"january|february|march|april|may|june|july|august|september|october|november|december")
WEEKDAYS = r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
_STAMP_WORDS = re.compile(
    rf"^(?:{MONTHS}|{WEEKDAYS}|сегодня|вчера|позавчера|г|гг|года?|gmt|utc|мск|опубликован[оа]?|обновлен[оа]?|"
    r"изменен[оа]?|дата|публикации|время|чтения|мин|минут[аы]?|published|updated)$", re.IGNORECASE)
_TIME = re.compile(r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b")
_DATE = re.compile(rf"\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}\s+(?:{MONTHS})\b"
                   rf"|\b(?:{MONTHS})\s+\d{{1,2}}\b|\b(?:сегодня|вчера)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")

# "АСТАНА. 12 марта. КАЗИНФОРМ –", "КЫЗЫЛОРДА. 22 января. КАЗИНФОРМ /Руслан Игилик/ -",
# "НУР-СУЛТАН, 16 мар - РИА Новости.", "АСТАНА, 30 марта – Sputnik."
_DATELINE = re.compile(
    rf"(?P<city>[А-ЯЁA-Z][А-ЯЁA-Z-]{{2,}}(?:\s[А-ЯЁA-Z-]{{3,}})?)[.,]\s*"
    rf"(?:\d{{1,2}}\s+(?:{MONTHS})\.?(?:\s+\d{{4}})?[.,]?\s*)?"
    r"(?:(?P<agency>[A-ZА-ЯЁ][\w.]*(?:\s[A-ZА-ЯЁ][\w.]*){0,2})\s*)?"
    r"(?:/[^/\n]{1,60}/\s*)?[–—-]\s*(?:[A-ZА-ЯЁ][\w.]*(?:\s[A-ZА-ЯЁ][\w.]*){0,2}\.\s*)?",
    re.IGNORECASE)

_COUNTER = re.compile(
    r"^(?:(?:просмотр\w*|прочитан\w*|views?|комментари\w*|👁|👀)\s*[:(]?\s*[\d\s.,KkКк]+\)?"
    r"|[\d\s.,]+\s*(?:просмотр\w*|прсм\.?|комментари\w*|views?)|\d[\d\s]{0,8})$",
    re.IGNORECASE)
# "Фото: Акорда", "фото пресс-службы Акорды", "Фото Игоря Бургандинова" (a credit, five words at most)
_CREDIT = re.compile(r"^(?:фото|фотограф\w*|photo|коллаж|видео|video|иллюстраци\w*|источник\s+фото|кадр)"
                     r"(?:\s*[:—–-]|\s+(?:пресс-служб\w+|из\s+открытых|автора|[А-ЯЁA-Z][\w.-]*)(?:\s+\S+){0,4}\s*$)",
                     re.IGNORECASE)
# "... во время встречи. Фото: Акорда", "(фото Акорды)": a caption that ends with its credit
_CREDIT_TAIL = re.compile(r"(?:^|[.(]\s*)(?:фото|photo|коллаж)(?:\s*[:—–-]\s*|\s+)[^.!?]{1,60}\)?\s*$", re.IGNORECASE)
# "Фото из архива редакции Аким области ...": a credit the page glued before the lead sentence
_GLUED_CREDIT = re.compile(r"[ \t]*(?:[А-ЯЁ][а-яё]+\s+)?[Фф]ото\s+(?:из\s+архива|с\s+сайта|пресс-службы)"
                           r"(?:\s+[«\"][^»\"\n]{1,40}[»\"]|\s+[а-яё]+){0,2}\s+(?=[А-ЯЁ][а-яё])")
_AUTHOR = re.compile(r"^(?:автор\w*|author|текст|редактор|корреспондент|подготовил[аи]?|от)\s*[:—–-]",
                     re.IGNORECASE)
_BYLINE = re.compile(r"^/[^/]{3,60}/$|^(?:подготовил[аи]?|записал[аи]?|беседовал[аи]?)\s+"
                     r"[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+){0,2}\.?$", re.IGNORECASE)
_NAME_ONLY = re.compile(r"^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
                        r"(?:\s+[А-ЯЁ][а-яё]+)?(?:,\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+)*$")
_EARLIER = re.compile(
    r"(?:^|(?<=[.!?…»]\s))(?:Ранее|Напомним|Напомним\s+также|Как\s+(?:ранее\s+)?сообщалось|"
    r"Ранее\s+сообщалось|Как\s+мы\s+(?:уже\s+)?писали|Ранее\s+мы\s+писали|Как\s+писал\w*)\b", re.MULTILINE)
_RELATED_HEAD = re.compile(
    r"^(?:читайте\s+(?:также|тоже|ещё|еще)|также\s+читайте|смотрите\s+также|см\.\s+также|"
    r"(?:новости|материалы|ещ[её])\s+по\s+теме|по\s+теме|похожие\s+(?:записи|новости|материалы|статьи)|"
    r"(?:другие|последние|главные|свежие|популярные)\s+новости|лента\s+новостей|популярное|"
    r"самое\s+(?:читаемое|популярное|интересное)|рекомендуем|картина\s+дня|новости\s+партн[её]ров|"
    r"related(?:\s+(?:news|posts|articles))?|read\s+also|see\s+also|most\s+read)\b",
    re.IGNORECASE)
_SUBSCRIBE = re.compile(r"подписывайте?сь|подписаться|подписк[аиуео]й?|подпиши(?:те)?сь", re.IGNORECASE)
_SUBSCRIBE_WHERE = re.compile(r"канал|telegram|телеграм|whatsapp|instagram|youtube|рассылк|новост|соцсет",
                              re.IGNORECASE)
_CALL = re.compile(r"^(?:хочешь|хотите|присоединяйтесь|следите\s+за)\b", re.IGNORECASE)
_FURNITURE = re.compile(
    r"^(?:поделиться|поделитесь|share|версия\s+для\s+печати|распечатать|оставить\s+комментарий|"
    r"комментарии|нашли\s+ошибку|сообщить\s+об\s+ошибке|©|\(c\)|все\s+права\s+защищены|"
    r"при\s+(?:использовании|цитировании|полном\s+или\s+частичном)|иконка\b|смотреть\s+все|"
    r"показать\s+(?:ещ[её]|больше)|загрузить\s+ещ[её]|вернуться\s+на\s+главную|перейти\s+на\s+главн|"
    r"главная\s*$|реклама\s*$|18\+|подробнее\s*$|читать\s+далее|читать\s+полностью)",
    re.IGNORECASE)
_COOKIE = re.compile(r"cookie|куки", re.IGNORECASE)
_TAGS = re.compile(r"^(?:теги|тэги|метки|tags|ключевые\s+слова)\s*:|^(?:#[\w-]+[\s,]*){1,}$", re.IGNORECASE)
_MENU_SEP = re.compile(r"\s*(?:\||•|·|»|›|/|\u2022)\s*")
_TICKER_UNIT = re.compile(r"\b(?:USD|EUR|RUB|CNY|KZT|GBP|TRY|KGS|UZS|BRENT|GOLD)\b|[$€₽¥£₸]|°\s*[CС]?|\bнефть\b",
                          re.IGNORECASE)
_TICKER_WORDS = re.compile(r"^(?:usd|eur|rub|cny|kzt|gbp|try|kgs|uzs|brent|gold|курс\w*|валют\w*|погода|"
                           r"нефть|доллар\w*|евро|рубл\w*|юан\w*|золото|c|с|мин|макс)$", re.IGNORECASE)
_NUMBER = re.compile(r"[+-−]?\d+(?:[.,]\d+)?")
_BULLET = re.compile(r"^(?:[-–—•·*]|\d{1,2}[.)])\s")
_SENTENCE_END = (".", "!", "?", "…", ";", ":", ",")
_HOST = {"президент", "глава", "государство", "токаев", "касым-жомарт", "мемлекет", "басшысы"}
_STOP = {"и", "в", "во", "на", "с", "со", "о", "об", "по", "к", "за", "из", "от", "для", "что", "как", "а",
         "не", "это", "его", "ее", "её", "их", "который", "также", "при", "до", "у", "же", "ли"}
TOP_LINES = 12  # the page's top: headline, stamps, rubrics come before the body starts


@dataclass(frozen=True)
class Residue:
    start: int
    end: int
    reason: str


def find_residue(text: str, start: int = 0) -> list[Residue]:
    """Residue of ``text[start:]``: sorted, non-overlapping, each with its reason."""
    all_lines = list(lines(text, start))
    marks: dict[int, str] = {}  # line index -> reason (whole line)
    partial: list[Residue] = []
    for k, (s, e) in enumerate(all_lines):
        reason = line_reason(text[s:e])
        if reason:
            marks[k] = reason
    _related_lists(text, all_lines, marks)
    _cookie_buttons(text, all_lines, marks)
    body = _first_body(text, all_lines, marks)
    _top(text, all_lines, marks, body)
    _captions(text, all_lines, marks, body)
    _trailing_headlines(text, all_lines, marks, body)
    for k, (s, e) in enumerate(all_lines):
        if k in marks:
            continue
        if k == body or (body is not None and k < body + 2):
            if m := _DATELINE.match(text, s, e):
                if m.end() < e and _dateline_ok(m):
                    partial.append(Residue(s, m.end(), "dateline"))
        if (m := _GLUED_CREDIT.match(text, s, e)) and m.end() < e and re.search(r"[.!?…]\s*$", text[s:e]):
            partial.append(Residue(s, m.end(), "caption"))
        for m in _EARLIER.finditer(text, s, e):
            if m.start() == s or text[m.start() - 2:m.start()].strip() in {".", "!", "?", "…", "»", ".»"}:
                partial.append(Residue(m.start(), e, "earlier_event"))
                break
    spans = _resolve([Residue(all_lines[k][0], all_lines[k][1], r) for k, r in marks.items()] + partial)
    # the shapes of boilerplate.py, where no rule here gave a finer reason
    ends = [r.end for r in spans]
    spans += [piece for s, e, r in boilerplate_reasons(text, start)
              for piece in _uncovered(text, s, e, r, spans, ends)]
    return _resolve(spans)


def _uncovered(text: str, start: int, end: int, reason: str, spans: list[Residue],
               ends: list[int]) -> list[Residue]:
    """The parts of ``[start, end)`` no span covers (``ends``: the spans' ends, sorted)."""
    out, pos = [], start
    for j in range(bisect.bisect_right(ends, start), len(spans)):
        r = spans[j]
        if r.start >= end:
            break
        if r.start > pos and text[pos:r.start].strip():
            out.append(Residue(pos, r.start, reason))
        pos = max(pos, r.end)
    if pos < end and text[pos:end].strip():
        out.append(Residue(pos, end, reason))
    return [_stripped(text, r) for r in out]


def _stripped(text: str, r: Residue) -> Residue:
    """Without the line breaks it starts with (its end stays: a list may run to the end of the text)."""
    s = r.start
    while s < r.end and text[s].isspace():
        s += 1
    return Residue(s, r.end, r.reason)


def line_reason(line: str) -> Optional[str]:
    """The reason a line is residue wherever it stands in the page, or None."""
    if len(line) > 400:
        return None
    words = line.split()
    if _COOKIE.search(line) and len(line) <= 300 and re.search(r"использ|cookies?\b|принима|соглас", line, re.I):
        return "cookie"
    if _TAGS.match(line):
        return "tags"
    if _RELATED_HEAD.match(line):
        return "related"
    if _SUBSCRIBE.search(line) and (_SUBSCRIBE_WHERE.search(line) or _CALL.match(line)) and len(line) <= 250:
        return "subscription"
    if _FURNITURE.match(line) and len(words) <= 12:
        return "furniture"
    if len(line) <= 200 and (_CREDIT.match(line) or (_CREDIT_TAIL.search(line) and len(words) <= 30)):
        return "caption"
    if len(line) <= 80 and (_AUTHOR.match(line) or _BYLINE.match(line)):
        return "author"
    if _COUNTER.match(line):
        return "counter"
    if is_stamp(line):
        return "stamp"
    if is_ticker(line):
        return "ticker"
    if _is_menu(line):
        return "menu"
    return None


def is_stamp(line: str) -> bool:
    """A date/time line: 'Сегодня, 09:40', '17 апреля 2025, 11:05 | GMT +5', 'Опубликовано:'."""
    if len(line) > 80:
        return False
    words = _WORD.findall(line)
    rest = [w for w in words if not _STAMP_WORDS.match(w)]
    if not rest and words and re.match(r"(?i)опубликован|обновлен|дата", words[0]):
        return True  # a label whose value the page lost
    if not (_TIME.search(line) or _DATE.search(line)):
        return False
    # at most a place ("Астана, 5 мая 2023 10:15") or a rubric beside the date
    return len(rest) <= 2 and all(w[0].isupper() for w in rest)


def is_ticker(line: str) -> bool:
    """'USD 512.40 EUR 553.10', '$ 480.11', 'Астана +4 °C', '494.87 520.65 4.91'."""
    if len(line) > 160:
        return False
    numbers = _NUMBER.findall(line)
    if not numbers:
        return False
    words = [w for w in _WORD.findall(line) if not _TICKER_WORDS.match(w)]
    if _TICKER_UNIT.search(line):
        # beside the rates only place names ("Астана +4 °C"); "экспорт – 2,5 млрд USD;" is report
        return len(words) <= 2 and all(w[0].isupper() for w in words) and not line.rstrip().endswith((".", ";", ","))
    bare = re.sub(r"[+-−]?\d+(?:[.,]\d+)?|\s", "", line)
    return len(numbers) >= 2 and not bare and any("." in n or "," in n for n in numbers)


def _is_menu(line: str) -> bool:
    """'Главная | Политика | Экономика', 'Қаз Рус Eng', 'A A A'."""
    items = [i for i in _MENU_SEP.split(line) if i]
    if len(items) >= 3 and _MENU_SEP.search(line) and all(len(i.split()) <= 3 for i in items):
        return not line.rstrip().endswith(".")
    words = line.split()
    if not any(ch.isalnum() for ch in line):
        return False  # "* * *": a digest's stories apart, part of the report (meetings/events.py)
    if 3 <= len(words) <= 8 and all(len(w) <= 3 for w in words) and not _NUMBER.search(line):
        return True  # language switchers, font-size buttons
    return False


def _dateline_ok(m: re.Match) -> bool:
    """A dateline has a city in capitals and a date or an agency; 'Глава государства –' is no dateline."""
    city = m.group("city")
    if not city.isupper():
        return False
    return bool(m.group("agency")) or bool(re.search(r"\d", m.group()))


def _related_lists(text: str, all_lines, marks: dict[int, str]) -> None:
    """The headlines under 'Читайте также' / 'Новости по теме' are related links too."""
    for k, (s, e) in enumerate(all_lines):
        if marks.get(k) != "related" or len(text[s:e].split()) > 4:
            continue
        j = k + 1
        while j < len(all_lines):
            line = text[all_lines[j][0]:all_lines[j][1]]
            if j in marks:
                if marks[j] in {"stamp", "counter", "caption", "related"}:
                    j += 1
                    continue
                break
            if not (_link_like(line)):
                break
            marks[j] = "related"
            j += 1


def _link_like(line: str) -> bool:
    return len(line) <= 250 and (headline_like(line) or (line.endswith("?") and len(line) <= 160))


def _cookie_buttons(text: str, all_lines, marks: dict[int, str]) -> None:
    for k in [k for k, r in marks.items() if r == "cookie"]:
        for j in (k - 1, k + 1):
            if 0 <= j < len(all_lines) and j not in marks:
                line = text[all_lines[j][0]:all_lines[j][1]]
                if len(line.split()) <= 2 and re.match(r"(?i)(?:принять|согласен|понятно|ok|ок|хорошо|закрыть|"
                                                       r"подробнее|настройки|accept)\b", line):
                    marks[j] = "cookie"


def _is_body(line: str) -> bool:
    words = line.split()
    return len(words) >= 20 or (len(words) >= 6 and line.rstrip("»\"”' )").endswith((".", "!", "?", "…")))


def _first_body(text: str, all_lines, marks: dict[int, str]) -> Optional[int]:
    for k, (s, e) in enumerate(all_lines):
        if k not in marks and _is_body(text[s:e]):
            return k
    return None


def _top(text: str, all_lines, marks: dict[int, str], body: Optional[int]) -> None:
    """Above the body: the headline (residue when the lead restates it), rubric and name lines;
    and a lead the body repeats."""
    if body is None or body > TOP_LINES:
        return
    known: dict[int, set[str]] = {}

    def words_of(k: int) -> set[str]:  # each line's content words, worked out once
        if k not in known:
            known[k] = content_words(text[all_lines[k][0]:all_lines[k][1]])
        return known[k]

    below = set().union(*(words_of(j) for j in range(body, min(len(all_lines), body + 3))))
    for k in range(body):
        if k in marks:
            continue
        line = text[all_lines[k][0]:all_lines[k][1]]
        words = line.split()
        if not headline_like(line):
            continue
        if len(words) >= 3 and (_shouted(line) or _restated(words_of(k), below) and _names_kept(line, below)):
            marks[k] = "headline"
        elif _NAME_ONLY.match(line) and k > 0:
            marks[k] = "author"
        elif len(words) <= 3 and not _has_verb(words):
            marks[k] = "menu"  # a rubric or kicker above the headline
    # a lead, then the body repeating it ("... передает Tengrinews.kz." twice)
    unmarked = [k for k in range(body, min(len(all_lines), body + 4)) if k not in marks]
    for a, k in enumerate(unmarked[:-1]):
        line = text[all_lines[k][0]:all_lines[k][1]]
        if len(line.split()) < 6:
            continue
        later = set().union(*(words_of(j) for j in unmarked[a + 1:a + 3]))
        if _restated(words_of(k), later, threshold=0.85):
            marks[k] = "repeated_lead"
            break


# "Как сообщили в пресс-службе, с отчетом выступил министр ..." that lost its full
# stop is a sentence of the body: a caption or a subhead names no source
_ATTRIBUTION = re.compile(r"(?<!\w)(?:сообща\w*|переда[её]т|передают|информиру\w*|пишет|отмечается|"
                          r"говорится)(?!\w)", re.IGNORECASE)


def _captions(text: str, all_lines, marks: dict[int, str], body: Optional[int]) -> None:
    """A single headline-like line between two paragraphs of the body: a photo caption or a subhead."""
    if body is None:
        return
    for k in range(body + 1, len(all_lines) - 1):
        if k in marks or (k - 1) in marks or (k + 1) in marks:
            continue
        line = text[all_lines[k][0]:all_lines[k][1]]
        before = text[all_lines[k - 1][0]:all_lines[k - 1][1]]
        after = text[all_lines[k + 1][0]:all_lines[k + 1][1]]
        if (headline_like(line) and len(line.split()) >= 3 and len(line) <= 200 and not re.search(r"\d", line)
                and not line.rstrip("»\"”' )").endswith(_SENTENCE_END) and not _BULLET.match(line)
                and not _ATTRIBUTION.search(line)
                and _is_body(before) and not before.rstrip().endswith((":", ";", ","))
                and _is_body(after) and not _BULLET.match(after)):
            marks[k] = "caption"


MIN_TRAILING_HEADLINES = 2


def _trailing_headlines(text: str, all_lines, marks: dict[int, str], body: Optional[int]) -> None:
    """Headlines of other news under the article, with no header and no rubrics: two or more
    headline-like lines after the last paragraph ("Токаев принял акима ..." among them is a
    link, not a meeting)."""
    if body is None:
        return
    block: list[int] = []
    for k in range(len(all_lines) - 1, body, -1):
        if k in marks:
            if block:
                break
            continue  # furniture at the very end (tags, cookie banner) before the list
        line = text[all_lines[k][0]:all_lines[k][1]]
        if not (_link_like(line) and len(line.split()) >= 3 and not line.rstrip().endswith((":", ";", ","))):
            break
        block.append(k)
    if len(block) >= MIN_TRAILING_HEADLINES and block[-1] - 1 not in marks \
            and _is_body(text[all_lines[block[-1] - 1][0]:all_lines[block[-1] - 1][1]]):
        for k in block:
            marks[k] = "related"


def _shouted(line: str) -> bool:
    """"ПРЕЗИДЕНТ РК ВСТРЕТИЛСЯ С ...": a headline set in capitals (no body line is); its names
    cannot be told from its words, and the body below says it again."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and all(c.isupper() for c in letters)


def content_words(line: str) -> set[str]:
    """Lemmas of a line's content words; every name of the host is one word."""
    from ..tag.morph import lemma

    out = set()
    for word in _WORD.findall(line):
        low = word.lower()
        if low in _STOP or len(low) < 2:
            continue
        lem = lemma(low)
        out.add("<host>" if lem in _HOST or low.startswith("токаев") else lem)
    return out


def _restated(words: set[str], later: set[str], threshold: float = 0.6) -> bool:
    """Are the content words of a line (``words``) mostly among those of the text after it?"""
    if len(words) < 2:
        return False
    return len(words & later) / len(words) >= threshold


def _names_kept(line: str, later: set[str]) -> bool:
    """Every name in the headline (a capitalised word after the first) is in the text below it:
    marking it loses nothing ("... председателя «Самрук-Казыны» Нурлана Жакупова" over a body
    that only says "Нурлана Жакупова" keeps its headline)."""
    names = [w for w in _WORD.findall(line)[1:] if w[0].isupper()]
    return not names or content_words(" ".join(names)) <= later


def _has_verb(words: list[str]) -> bool:
    from ..tag.morph import parse

    for word in words:
        parses = parse(word.strip(".,:;!?«»\"").lower())
        if parses and parses[0].tag.POS in {"VERB", "PRTS"}:
            return True
    return False


def _resolve(spans: list[Residue]) -> list[Residue]:
    """Sorted and non-overlapping; where two overlap the earlier (or longer) one keeps its reason."""
    out: list[Residue] = []
    for r in sorted(spans, key=lambda r: (r.start, -r.end)):
        if out and r.start < out[-1].end:
            if r.end > out[-1].end:
                out.append(Residue(out[-1].end, r.end, r.reason))
            continue
        out.append(r)
    return out


def spans_of(residue: list[Residue]) -> list[tuple[int, int]]:
    """Plain (start, end) spans, adjacent ones merged (what mentions are flagged with)."""
    out: list[tuple[int, int]] = []
    for r in residue:
        if out and r.start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], r.end))
        else:
            out.append((r.start, r.end))
    return out


# parts of the page that belong to the meeting under them: its span starts there
MEETING_PARTS = {"headline", "repeated_lead", "dateline"}


def report_start(text: str, residue: list[Residue], start: int) -> int:
    """Where the report starts: past the site furniture above it (menus, tickers, banners),
    but not past its headline, dateline and stamps, which belong to the first meeting."""
    pos = start
    for r in residue:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if r.end <= pos:
            continue
        if r.start > pos or r.reason in MEETING_PARTS:
            break
        pos = r.end
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos if pos < len(text) else start


def hidden(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span blanked (line breaks kept): same length, same offsets."""
    if not spans:
        return text
    out, pos = [], 0
    for s, e in spans:
        out.append(text[pos:s])
        out.append(re.sub(r"[^\n\r]", " ", text[s:e]))
        pos = e
    out.append(text[pos:])
    return "".join(out)


_STAMP_DATE = re.compile(rf"\b(\d{{1,2}})\s+({MONTHS})\s+(\d{{4}})|\b(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})\b", re.IGNORECASE)


def stamp_date(text: str, residue: list[Residue]):
    """The publication date a page states in a stamp above the article ("11:05, 17 апреля 2025")."""
    import datetime as dt

    for r in residue[:8]:
        if r.reason != "stamp":
            continue
        m = _STAMP_DATE.search(text, r.start, r.end)
        if not m:
            continue
        try:
            if m.group(1):
                month = month_number(m.group(2))
                if month:
                    return dt.date(int(m.group(3)), month, int(m.group(1)))
            else:
                return dt.date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
        except ValueError:
            continue
    return None
