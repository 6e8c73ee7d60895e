"""Events from parsed sentences, and their roles resolved to the document's people.

Each trigger word of a parse becomes an :class:`Event`: its kind, the predicate,
the agent (nsubj; inherited along a chain of coordinated verbs; the speaker of
quoted "«Поручаю ...», – сказал Президент"), the patient (obj, or "с кем"), the
recipient (iobj, "перед кем", or the subject of a passive "был
проинформирован"), and the clause an instruction governs (xcomp / csubj of a
passive / the object phrase of "дал ряд поручений").  Every role is a list of
character spans, one per conjunct ("акима А-ской области X и акима Б-ской
области Y" -> two patients).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from .parse import Parsed, Word
from .triggers import (ADJUNCT_FRAMES, ADJUNCT_TALKS, WITH_VERBS, ARRIVALS, GREETINGS, RETROSPECTIVE, TRANSITION, TRIP, BY_PHONE, CALL, INSTRUCTION, LEISURE, LIGHT_PAIRS, LIGHT_VERBS, MEETING, NOT_RECEIVED,
                       NOUNS, QUOTE_SPEECH, RECEPTION, REPORT, VERBS, VISIT)

Range = tuple[int, int]
QUANTIFIERS = {"ряд", "несколько", "серия", "комплекс", "список"}
FUTURE_AUX = {"будет", "будут", "буду", "будем", "будете", "будешь"}  # "будет докладывать": analytic future
EDGE_PUNCT = set(",.;:—–-«»\"()")


@dataclass
class Event:
    kind: str
    sentence: Range
    predicate: Range
    lemma: str
    agent: list[Range] = field(default_factory=list)
    patient: list[Range] = field(default_factory=list)
    recipient: list[Range] = field(default_factory=list)
    clause: Optional[Range] = None
    passive: bool = False
    quoted: bool = False
    plural_patient: bool = False
    objects: list[str] = field(default_factory=list)  # lemmas of what was visited / received
    transition: bool = False  # "Затем / Далее / В тот же день ...": the next event of the day
    recalled: bool = False  # "Ранее ...", "Напомним, ...": an earlier event, reported elsewhere
    headline: bool = False  # a line of its own with no full stop: it restates the report below
    greeting: bool = False  # "Главу государства встретил аким": joins a visit, opens nothing
    adjunct: bool = False  # "Во время встречи с X ... отметила": joins the meeting under way

    @property
    def start(self) -> int:
        return self.sentence[0]


def events_of(parsed: Parsed, text: str = "") -> list[Event]:
    """The events of one parsed sentence; ``text`` (the document) marks those of a
    sentence that recalls an earlier event ("Ранее ...", ``recalled``)."""
    recalled = bool(text) and RETROSPECTIVE.match(text, parsed.start) is not None
    headline = bool(text) and _headline(text, parsed)
    out = []
    for w in parsed.words:
        event = _event_at(parsed, w)
        if event is not None and not (headline and event.kind == INSTRUCTION):
            # a headline restates the instruction the report gives
            event.transition = bool(text) and TRANSITION.match(text, parsed.start) is not None
            event.recalled = recalled
            event.headline = headline
            out.append(event)
    return out


def _headline(text: str, p: Parsed) -> bool:
    """A line of its own with no full stop: a headline."""
    line_start = text.rfind("\n", 0, p.start) + 1
    line_end = text.find("\n", p.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    return bool(line) and line[-1] not in ".!?…" and text[line_start:p.start].strip() == "" and \
        text[p.end:line_end].strip() == ""


def _talk_in_adjunct(p: Parsed, w: Word) -> Optional[Event]:
    """"Во время встречи с послом X госсекретарь отметила", "В беседе с X Президент
    подчеркнул": a talk the sentence names in passing; the subject of the clause held it."""
    if w.lemma not in ADJUNCT_TALKS or w.head < 0:
        return None
    verb = p.words[w.head]
    if verb.lemma in ADJUNCT_FRAMES and verb.head >= 0:  # "во время / в ходе встречи"
        verb = p.words[verb.head]
    if verb.pos not in {"VERB", "AUX"} or _not_happened(verb):
        return None
    heads = _with_whom(p, w, w)
    if not heads:
        return None
    agent = _agent(p, verb)
    if agent is None:
        return None
    ev = Event(RECEPTION, (p.start, p.end), (w.start, w.end), w.lemma, adjunct=True)
    ev.agent = _conjuncts(p, agent)
    for h in heads:
        ev.patient += _conjuncts(p, h)
        ev.plural_patient = ev.plural_patient or _plural_word(h)
    return ev


def _event_at(p: Parsed, w: Word) -> Optional[Event]:
    if w.pos == "NOUN" and w.rel.split(":")[0] in {"obl", "nmod"}:
        return _talk_in_adjunct(p, w)
    if w.pos not in {"VERB", "AUX", "ADJ"} and not (w.pos == "NOUN" and w.lemma in {"поручено"}):
        return None
    kind = VERBS.get(w.lemma)
    noun: Optional[Word] = None
    if w.lemma in LIGHT_VERBS:
        noun = _light_noun(p, w)
        if noun is not None:
            kind = NOUNS[noun.lemma]
    if kind is None:
        return None
    passive = w.feats.get("Voice") == "Pass" or w.feats.get("Variant") == "Short"
    if kind in (RECEPTION, VISIT, MEETING, CALL) and _not_happened(w):
        return None  # "посетит", "планирует посетить": announced, not reported
    if kind == REPORT and (w.feats.get("Tense") == "Fut" or any(k.text.lower() in FUTURE_AUX
                                                               for k in p.kids(w.i, "aux", "aux:pass"))):
        return None  # "аким будет докладывать Президенту раз в две недели": no report made yet
    ev = Event(kind, (p.start, p.end), (w.start, w.end), w.lemma, passive=passive)
    agent = _agent(p, w)
    if noun is not None and agent is not None and agent.i == noun.i:
        # "состоялась встреча Главы государства с ...": the genitive holds the meeting
        agent = next((k for k in p.kids(noun.i, "nmod") if _case_word(p, k) is None and k.case == "Gen"), None)
    ev.agent = _conjuncts(p, agent)
    if kind == RECEPTION and noun is None and passive and w.lemma in {"принять", "принимать"}:
        # "Токаев был принят Президентом России ...": who receives is the agent in the instrumental
        return _received_by(p, w, ev)
    if kind == RECEPTION and noun is None:
        if not _receives_someone(p, w, ev):
            return None
    if kind in (RECEPTION, MEETING, CALL):
        heads = _with_whom(p, w, noun)
        if kind == RECEPTION and noun is None and w.lemma in {"принять", "принимать", "заслушать", "выслушать"}:
            heads = [k for k in p.kids(w.i, "obj")] or heads
        for h in heads:
            ev.patient += _report_of(p, h) or _conjuncts(p, h)
            ev.plural_patient = ev.plural_patient or _plural_word(h)
        if noun is not None and noun.lemma in {"приём", "прием"} and any(
                k.case == "Gen" and _case_word(p, k) is None and _plural_word(k) for k in p.kids(noun.i, "nmod")):
            ev.plural_patient = True  # "провел прием граждан": those received, unnamed
        if _by_phone(p, w, noun):
            ev.kind = CALL
    elif kind == REPORT:
        rec = p.kids(w.i, "iobj") or [k for k in p.kids(w.i, "obl") if _case_word(p, k) == "перед"]
        if passive:
            rec = rec or p.kids(w.i, "nsubj:pass", "nsubj")
            ev.agent = []
        if not rec and (w.lemma in {"проинформировать", "информировать"} or w.lemma in GREETINGS):
            rec = p.kids(w.i, "obj")
        ev.greeting = w.lemma in GREETINGS
        for h in rec:
            ev.recipient += _conjuncts(p, h)
    elif kind == INSTRUCTION:
        _instruction(p, w, noun, ev)
        if ev.clause is None:
            return None
    elif kind == VISIT:
        objs = p.kids(w.i, "obj") or [k for k in p.kids(w.i, "obl") if _case_word(p, k) in {"на", "в", "с"}]
        if noun is not None:
            objs = [noun]
        ev.objects = [o.lemma for o in objs]
        for o in objs:
            ev.objects += [n.lemma for n in p.kids(o.i, "nmod")]
        if not objs or any(o in LEISURE for o in ev.objects):
            return None
        if w.lemma in ARRIVALS and not TRIP.search(" ".join(k.text for k in p.words)):
            return None
        for h in objs:
            ev.patient += _conjuncts(p, h)
    return ev


def _not_happened(w: Word) -> bool:
    """A future ("посетит", "проведет") or an infinitive ("намерен посетить") is no event yet."""
    f = w.feats
    if f.get("VerbForm") == "Inf":
        return True
    return f.get("Tense") == "Fut" or (f.get("Tense") == "Pres" and f.get("Aspect") == "Perf")


def _plural_word(w: Word) -> bool:
    """The tagger's number, or pymorphy's when the word has no singular reading ("акимами")."""
    if w.feats.get("Number") == "Plur":
        return True
    from ..tag.morph import parse

    parses = parse(w.text.lower())
    return bool(parses) and all(p.tag.number == "plur" for p in parses if p.tag.POS == "NOUN") and any(
        p.tag.POS == "NOUN" for p in parses)


def _report_of(p: Parsed, h: Word) -> list[Range]:
    """'заслушал доклады | акимов ... областей' where the parse hung the genitive elsewhere."""
    if h.lemma not in {"доклад", "отчёт", "отчет", "информация"} or len(p.subtree(h.i)) > 1:
        return []
    if h.i + 1 < len(p.words):
        nxt = p.words[h.i + 1]
        if nxt.pos == "NOUN" and nxt.case == "Gen":
            return [(h.start, p.span(p.subtree(nxt.i))[1])]
    return []


def _light_noun(p: Parsed, w: Word) -> Optional[Word]:
    rels = ("obj", "nsubj", "obl") if w.lemma in {"состояться", "пройти", "указать", "ознакомиться"} else ("obj",)
    if w.lemma == "выступить":
        rels = ("obl",)  # "с докладом выступил министр": the report is the oblique "с" noun
    if w.lemma == "представить" and (w.feats.get("Voice") == "Pass" or w.feats.get("Variant") == "Short"):
        rels = ("obj", "nsubj")  # "Главе государства был представлен доклад": the report is the subject
    for k in p.kids(w.i, *rels):
        cand = k
        if k.lemma in QUANTIFIERS:
            inner = [n for n in p.kids(k.i, "nmod") if n.lemma in NOUNS]
            cand = inner[0] if inner else k
        kind = NOUNS.get(cand.lemma)
        if kind and w.lemma in LIGHT_PAIRS.get(kind, ()):
            if cand.lemma in {"ход", "работа"} and _case_word(p, k) != "с":
                continue
            if w.lemma == "выступить" and _case_word(p, k) != "с":
                continue
            if cand.lemma == "необходимость" and _case_word(p, k) != "на":
                continue
            if cand.lemma == "разговор" and not _by_phone(p, w, cand):
                continue
            return cand
    return None


def _case_word(p: Parsed, w: Word) -> Optional[str]:
    for k in p.kids(w.i, "case"):
        return k.lemma
    return None


def _agent(p: Parsed, w: Word) -> Optional[Word]:
    """nsubj of the verb, of the verb it is coordinated with, or the speaker of a quote."""
    seen = set()
    cur = w
    while cur is not None and cur.i not in seen:
        seen.add(cur.i)
        subj = p.kids(cur.i, "nsubj")
        if subj and not (w.feats.get("Voice") == "Pass" and cur is w):
            return subj[0]
        if cur.feats.get("Person") == "1":  # "«Поручаю ...», – сказал Президент"
            for k in p.kids(cur.i, "parataxis"):
                if k.lemma in QUOTE_SPEECH and p.kids(k.i, "nsubj"):
                    return p.kids(k.i, "nsubj")[0]
            return None
        if cur.rel.split(":")[0] in {"conj", "xcomp", "advcl"} and cur.head >= 0:
            cur = p.words[cur.head]
        else:
            break
    return None


def _received_by(p: Parsed, w: Word, ev: Event) -> Optional[Event]:
    """A passive reception: the subject was received, the instrumental agent received."""
    agents = p.kids(w.i, "obl:agent") or [k for k in p.kids(w.i, "obl")
                                          if k.feats.get("Case") == "Ins" and _case_word(p, k) is None]
    received = p.kids(w.i, "nsubj:pass", "nsubj")
    if not agents or not received or not all(k.feats.get("Animacy") == "Anim" or k.pos == "PROPN"
                                             for k in agents + received[:1]):
        return None
    ev.agent = _conjuncts(p, agents[0])
    ev.patient = _conjuncts(p, received[0])
    return ev


def _receives_someone(p: Parsed, w: Word, ev: Event) -> bool:
    objs = p.kids(w.i, "obj")
    if w.lemma in WITH_VERBS:
        return bool(_with_whom(p, w, None))
    if not objs:
        return False
    o = objs[0]
    if o.lemma in NOT_RECEIVED:
        return False
    ev.objects = [o.lemma]
    return o.feats.get("Animacy") == "Anim" or o.pos == "PROPN" or o.lemma in {"доклад", "отчёт", "отчет",
                                                                                 "информация", "делегация"}


def _with_whom(p: Parsed, w: Word, noun: Optional[Word]) -> list[Word]:
    out = []
    if noun is not None:  # "совещание по ситуации с участием X": wherever the parse hangs it
        for k in p.subtree(noun.i):
            word = p.words[k]
            if word.lemma == "участие" and _case_word(p, word) == "с":
                out += p.kids(word.i, "nmod")
        if out:
            return out
    for host in ([noun] if noun is not None else []) + [w]:
        for k in p.kids(host.i, "obl", "nmod"):
            if _case_word(p, k) == "с" and k.lemma not in {"ход", "целью", "цель", "помощь"}:
                if k.lemma == "участие":  # "с участием акимов"
                    out += p.kids(k.i, "nmod")
                else:
                    out.append(k)
    return out


def _by_phone(p: Parsed, w: Word, noun: Optional[Word]) -> bool:
    for host in [w] + ([noun] if noun is not None else []):
        for k in p.subtree(host.i):
            if p.words[k].lemma in BY_PHONE:
                return True
    return False


def _instruction(p: Parsed, w: Word, noun: Optional[Word], ev: Event) -> None:
    rec = p.kids(w.i, "iobj") + [k for k in p.kids(w.i, "obl") if _case_word(p, k) == "перед"
                                 or _case_word(p, k) == "от" and w.lemma == "потребовать"]  # "потребовал от X"
    if noun is not None:
        rec += [k for k in p.kids(noun.i, "nmod") if _case_word(p, k) == "перед"]
        if noun.lemma == "поручение" and not rec:
            rec = [k for k in p.kids(w.i, "obl") if k.case == "Dat" and not _case_word(p, k)]
    for h in rec:
        ev.recipient += _conjuncts(p, h)
    ev.quoted = w.feats.get("Person") == "1"
    clause_root = None
    if noun is None:
        infs = [k for k in p.children[w.i] if p.words[k].feats.get("VerbForm") == "Inf"
                and p.words[k].rel.split(":")[0] in {"xcomp", "csubj", "ccomp", "obj", "advcl", "conj"}]
        if infs:
            clause_root = p.words[infs[0]]
        if clause_root is None:
            return
        idx = p.subtree(clause_root.i, skip=_skipped(p, clause_root.i))
        # "Акиму поручено в самые короткие сроки принять меры": the words right before the
        # infinitive, whatever the parse hung them on (the verb, a word of the clause), are
        # part of what is to be done; not who is addressed
        held = {k for r in rec for k in p.subtree(r.i)}
        inside, run = set(idx), []
        j = clause_root.i - 1
        while j > w.i and j not in held and p.words[j].pos != "PUNCT" and _hangs_on(p, j, w.i, inside | set(run)):
            run.append(j)
            j -= 1
        # only adverbials ("в самые короткие сроки", "срочно"): "поручил корпусу акимов
        # систематизировать" keeps the genitive of the addressee out
        for k in run:
            if p.words[k].head not in run and p.words[k].rel.split(":")[0] not in {"obl", "advmod"}:
                run = [r for r in run if r > max(p.subtree(k))]
        idx = sorted(inside | set(run))
    elif noun.lemma == "задача":
        infs = [k for k in p.children[noun.i] if p.words[k].feats.get("VerbForm") == "Inf"]
        root = infs[0] if infs else noun.i
        if not infs and noun.head >= 0 and p.words[noun.head].lemma in QUANTIFIERS:
            root = noun.head  # "поставил ряд задач по ...": the whole object phrase
        idx = p.subtree(root, skip=_skipped(p, root))
        if root in (noun.i, noun.head):
            idx = [k for k in idx if k not in {r.i for r in rec} and not _under(p, k, [r.i for r in rec])]
    elif noun.lemma == "необходимость":
        idx = [k for k in p.subtree(noun.i, skip=_skipped(p, noun.i)) if k != noun.i and not (
            p.words[k].head == noun.i and p.words[k].rel == "case")]
    elif any(k.lemma in {"какой", "который"} for k in p.kids(noun.i)):
        return  # "сообщил, какие поручения Президент дал": the instructions are told elsewhere
    elif noun.lemma == "поручение" and (infs := [k for k in p.kids(w.i, "xcomp") + p.kids(noun.i, "acl", "xcomp")
                                                  if k.feats.get("VerbForm") == "Inf"]):
        # "дал поручения начальникам управлений решить вопросы": what is to be done
        idx = p.subtree(infs[0].i, skip=_skipped(p, infs[0].i))
    else:  # "дал ряд поручений по ...": the object phrase
        top = noun
        if noun.head >= 0 and p.words[noun.head].lemma in QUANTIFIERS:
            top = p.words[noun.head]
        idx = p.subtree(top.i, skip=_skipped(p, top.i) + [r.i for r in rec])
    idx = _contiguous(p, idx)
    if idx:
        ev.clause = p.span(idx)


def _hangs_on(p: Parsed, j: int, verb: int, inside: set) -> bool:
    """Word ``j`` hangs (through its heads) on the verb or on a word of ``inside``."""
    seen = set()
    k = p.words[j].head
    while 0 <= k < len(p.words) and k not in seen:
        if k == verb or k in inside:
            return True
        seen.add(k)
        k = p.words[k].head
    return False


def _skipped(p: Parsed, root: int) -> list[int]:
    """Subtrees that are not part of a clause: "– говорится в сообщении", a reporting verb."""
    out = []
    for k in p.subtree(root):
        if p.words[k].rel.split(":")[0] in {"parataxis"} and k != root:
            out.append(k)
    return out


def _under(p: Parsed, k: int, heads: Sequence[int]) -> bool:
    seen = set()
    while k >= 0 and k not in seen:
        if k in heads:
            return True
        seen.add(k)
        k = p.words[k].head
    return False


def _contiguous(p: Parsed, idx: list[int]) -> list[int]:
    """The first contiguous run of the clause, without punctuation at its edges."""
    if not idx:
        return idx
    idx = sorted(idx)
    run = [idx[0]]
    for k in idx[1:]:
        if k == run[-1] + 1:
            run.append(k)
        else:
            break
    while run and p.words[run[0]].text in EDGE_PUNCT:
        run.pop(0)
    while run and p.words[run[-1]].text in EDGE_PUNCT:
        run.pop()
    return run


def _conjuncts(p: Parsed, head: Optional[Word]) -> list[Range]:
    """One span per coordinated phrase: 'акима А X и акима Б Y' -> two spans."""
    if head is None:
        return []
    heads = [head.i]
    k = 0
    while k < len(heads):
        # a conjunct may hang from the head or from a name part of it ("Ербол Карашукеев, Габит
        # Сыздыкбеков и Нурлыбек Налибаев": the parser hangs the last one on "Карашукеев")
        parts = [heads[k]] + [n.i for n in p.kids(heads[k], "appos", "flat") if n.pos == "PROPN"]
        for part in parts:
            for c in p.kids(part, "conj"):
                if c.pos in {"NOUN", "PROPN", "PRON"} and c.i not in heads:
                    heads.append(c.i)
        k += 1
    out = []
    for h in heads:
        idx = p.subtree(h, skip=[x for x in heads if x != h])
        idx = _contiguous(p, idx) if idx else idx
        while idx and p.words[idx[-1]].rel == "cc" and p.words[idx[-1]].head != h:
            idx.pop()
        if idx:
            out.append(p.span(idx))
    return out
