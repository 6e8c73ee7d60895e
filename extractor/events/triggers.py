"""The words that announce an event, by lemma (data-like: extend the tables).

A sentence is parsed only when ``may_hold_trigger`` finds one of the stems; the
parse then decides, per verb lemma and its object, which event it is.
"""
from __future__ import annotations

import re

RECEPTION, REPORT, INSTRUCTION, VISIT, MEETING, CALL = (
    "reception", "report", "instruction", "visit", "meeting", "call")
# kinds a meeting record can have; the others feed a meeting
MEETING_KINDS = (RECEPTION, VISIT, MEETING, CALL)

# "В беседе с послом X госсекретарь отметила", "Во время встречи с Y": a talk named in an
# adjunct of another verb, held by that verb's subject
ADJUNCT_TALKS = {"встреча", "беседа"}
ADJUNCT_FRAMES = {"время", "ход", "рамка"}  # "во время / в ходе / в рамках встречи"
# verb lemma -> kind
VERBS = {
    "принять": RECEPTION, "принимать": RECEPTION, "встретиться": RECEPTION, "встречаться": RECEPTION,
    "заслушать": RECEPTION, "выслушать": RECEPTION,
    "доложить": REPORT, "докладывать": REPORT, "проинформировать": REPORT, "информировать": REPORT,
    "рассказать": REPORT, "отчитаться": REPORT, "ознакомить": REPORT, "отчитываться": REPORT, "доложено": REPORT,
    "встретить": REPORT, "встречать": REPORT,
    "поручить": INSTRUCTION, "поручать": INSTRUCTION, "обязать": INSTRUCTION, "потребовать": INSTRUCTION,
    "поручено": INSTRUCTION,
    "посетить": VISIT, "побывать": VISIT, "осмотреть": VISIT, "посещать": VISIT,
    "прибыть": VISIT, "прилететь": VISIT,
    # "переговорил по телефону с X": a talk, a call when by phone
    "переговорить": RECEPTION, "поговорить": RECEPTION, "созвониться": CALL,
}
# talks whose other side is the "с" oblique, like "встретиться с"
WITH_VERBS = {"встретиться", "встречаться", "переговорить", "поговорить", "созвониться"}
# "прибыл / прилетел в область": a visit only when the sentence calls it a working trip
# ("прилетел с рабочей поездкой в Абайскую область"); a state visit abroad is no working trip
ARRIVALS = {"прибыть", "прилететь"}
# "В аэропорту Главу государства встретил аким области": who greets the host on a trip
# takes part in the visit, like one who reports; it opens no meeting of its own
GREETINGS = {"встретить", "встречать"}
# light verb + noun: "провел встречу", "дал поручение", "поставил задачу", "представил отчет"
LIGHT_VERBS = {"провести", "проводить", "дать", "давать", "поставить", "ставить", "представить",
               "ознакомиться", "состояться", "пройти", "указать", "провёл", "выступить"}
NOUNS = {
    "встреча": RECEPTION, "беседа": RECEPTION, "приём": RECEPTION, "прием": RECEPTION, "совещание": MEETING, "заседание": MEETING,
    "разговор": CALL, "переговоры": CALL,
    "поручение": INSTRUCTION, "задача": INSTRUCTION, "необходимость": INSTRUCTION,
    "отчёт": REPORT, "отчет": REPORT, "доклад": REPORT, "информация": REPORT,
    "ход": VISIT, "работа": VISIT,
}
# which light verb may take which noun
LIGHT_PAIRS = {
    RECEPTION: {"провести", "проводить", "состояться", "пройти", "провёл"},
    MEETING: {"провести", "проводить", "состояться", "пройти", "провёл"},
    CALL: {"провести", "проводить", "состояться", "провёл"},
    INSTRUCTION: {"дать", "давать", "поставить", "ставить", "указать"},
    REPORT: {"представить", "выступить"},  # "выступил с докладом"
    VISIT: {"ознакомиться"},
}
# "принял участие / решение / меры": the verb without a person as object is no reception
NOT_RECEIVED = {"участие", "решение", "мера", "закон", "указ", "постановление", "присяга", "парад",
                "поздравление", "вызов", "внимание", "позиция", "во внимание", "документ", "программа",
                "заявление", "резолюция", "эстафета"}
# a visit to these is no working trip (a match the President attended)
LEISURE = {"матч", "игра", "концерт", "спектакль", "турнир", "чемпионат", "соревнование", "финал",
           "фестиваль", "праздник", "торжество", "церемония", "выставка", "парад", "богослужение",
           "премьера", "шоу", "забег", "марафон"}
# a working trip announced in the text
TRIP = re.compile(r"\bрабоч\w+\s+(?:поездк|визит)\w*|\bпоездк\w+\s+по\b|\bс\s+рабочим\s+визитом|"
                  r"\bпо\s+прибытии\s+в\b|\bв\s+ходе\s+поездки\b", re.IGNORECASE)
# "по телефону", "телефонный разговор", "в режиме видеосвязи": a call
BY_PHONE = {"телефон", "телефонный", "видеосвязь", "видеоконференция"}
# the posts and titles of whoever may host
QUOTE_SPEECH = {"сказать", "отметить", "подчеркнуть", "заявить", "добавить", "резюмировать"}

_STEMS = re.compile(
    r"(?<![\w-])(?:принял|принят[аы]?\b|принима|встрети|встреч[аеуи]|провел|провёл|провод|заслуша|выслуша|доложи|доложе|"
    r"докладыв|ознакомлен|проинформир|информирова|рассказа|отчита|представ|выступ|поруч|дал[аи]?\b|постави|поставлен|"
    r"указа|обяза|потребова|посети|посеща|побыва|осмотре|ознакоми|совещани|заседани|телефон|прибы|прилете|"
    r"переговори|поговори|созвони|бесед)",
    re.IGNORECASE)


# what only reports ("Аким доложил, что ..."): parsed when a reporter can add someone
_REPORT_STEMS = re.compile(
    r"(?<![\w-])(?:доложи|доложе|докладыв|ознакомлен|проинформир|информирова|рассказа|отчита|представ|выступ)",
    re.IGNORECASE)


# receptions whose object is named in the sentence ("принял акима ... Асаина Байханова")
RECEIVES = re.compile(r"(?<![\w-])(?:принял|принят[аы]?\b|принима|встрети)", re.IGNORECASE)
# events whose participants come from who reports (a совещание, a call, a trip, "заслушал")
GATHERS = re.compile(r"(?<![\w-])(?:совещани|заседани|телефон|посети|побыва|осмотре|ознакоми|заслуша|выслуша|прибы|"
                     r"встреч[иа]\b|отдельн)", re.IGNORECASE)


def may_hold_trigger(sentence: str) -> bool:
    """A cheap look before the parse: does the sentence hold a trigger stem?"""
    return _STEMS.search(sentence) is not None


def only_reports(sentence: str) -> bool:
    """Every trigger stem of the sentence is one of reporting."""
    return all(_REPORT_STEMS.match(m.group()) for m in _STEMS.finditer(sentence))


# a meeting needs one of these (a reception, visit, meeting, call, or a report made to the host)
_MEETING_STEMS = re.compile(
    r"(?<![\w-])(?:принял|принят[аы]?\b|принима|встрети|встреч[аеуи]|провел|провёл|заслуша|выслуша|посети|побыва|осмотре|"
    r"ознакоми|совещани|заседани|телефон|доложен|доложил|проинформирован|ознакомлен|представлен|"
    r"прибыл|прилетел|переговорил|поговорил|созвонил|бесед)",
    re.IGNORECASE)


def may_hold_meeting(text: str, start: int = 0, end: int | None = None) -> bool:
    """A document with none of these words reports no meeting: nothing in it is parsed."""
    return _MEETING_STEMS.search(text, start, len(text) if end is None else end) is not None


# a sentence that recalls an earlier event ("Ранее Глава государства провел ...") reports none
RETROSPECTIVE = re.compile(r"\W*(?:Ранее|Напомним|Как\s+(?:ранее\s+)?сообщалось|Как\s+писал)", re.IGNORECASE)
# "Затем Глава государства провел совещание": the next event of the day
TRANSITION = re.compile(r"\W*(?:Далее|Затем|Позже|После\s+этого|Кроме\s+того|Помимо\s+этого|В\s+тот\s+же\s+день|"
                        r"В\s+этот\s+же\s+день|Вслед\s+за\s+этим|Следом|Также)\b", re.IGNORECASE)
