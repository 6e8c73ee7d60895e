"""The yargy tokenizer of the figure grammars.

On top of yargy's default rules it keeps as one token what must be read as one:
numbers with thousands separators and a decimal part (``12 400 000``,
``2,6``, ``1.5``), dotted dates (``14.08.2025``), phone numbers and law
numbers (``№ 123-VII``), and it knows Kazakh Cyrillic letters, so the ``І``
of ``І полугодии`` is a word, not noise.
"""
from __future__ import annotations

from functools import lru_cache

from yargy.span import Span
from yargy.token import Token
from yargy.tokenizer import EOL, LATIN, OTHER, PUNCT, MorphTokenizer, Tokenizer, TokenRule

from ..tag.morph import yargy_morph

NUM = "NUM"
DOTDATE = "DOTDATE"
PHONE = "PHONE"
LAWNUM = "LAWNUM"
RU = "RU"

_SEP = "[ \u00a0\u202f\u2009]"

RULES = [
    TokenRule(LAWNUM, r"№\s*\d+(?:[-‐–/]\w+)*"),
    TokenRule(PHONE, r"(?:\+7|8)[\s\-(]*\d{3}[\s\-)]*\d{3}[\s\-]*\d{2}[\s\-]*\d{2}(?!\d)"
                     r"|(?:\+7|8)?\s*\(\d{3,5}\)\s*\d{1,3}(?:[\s\-]\d{2}){2}(?!\d)"),
    TokenRule(DOTDATE, r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d.]*\d)"),
    TokenRule(NUM, rf"(?<![\d.,])\d{{1,3}}(?:{_SEP}\d{{3}})+(?:,\d+)?(?![\d])"
                   r"|(?<![\d.,])\d+(?:[.,]\d+)?(?![\d]|[.,]\d)"),
    TokenRule(RU, r"[а-яёәғқңөұүһі]+"),
    TokenRule(LATIN, r"[a-z]+"),
    TokenRule("INT", r"\d+"),
    TokenRule(PUNCT, r"[-\\/!#$%&()\[\]\*\+,\.:;<=>?@^_`{|}~№…\"'«»„“ʼʻ”–—‒‐‑]"),
    TokenRule(EOL, r"[\n\r]+"),
    TokenRule(OTHER, r"\S"),
]


@lru_cache(maxsize=1)
def tokenizer() -> MorphTokenizer:
    return MorphTokenizer(rules=RULES, morph=yargy_morph())


@lru_cache(maxsize=1)
def plain_tokenizer() -> Tokenizer:
    return Tokenizer(rules=RULES)


class LazyMorphTokens:
    """The tokens of a sentence; a Russian word gets its morphology on first access,
    so words far from any figure are never analysed."""

    def __init__(self, text: str):
        tokenizer = plain_tokenizer()
        mapping = tokenizer.mapping
        self._tokens = [Token(m.group(), Span(*m.span()), mapping[m.lastgroup])
                        for m in tokenizer.regexp.finditer(text)]   # yargy's Tokenizer, without a generator
        self._done = [False] * len(self._tokens)
        self._morph = yargy_morph()

    def __len__(self) -> int:
        return len(self._tokens)

    def _get(self, i: int):
        if not self._done[i]:
            token = self._tokens[i]
            if token.type == RU:
                self._tokens[i] = token.morphed(self._morph(token.value))
            self._done[i] = True
        return self._tokens[i]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._get(i) for i in range(*index.indices(len(self._tokens)))]
        return self._get(index)

    def __iter__(self):
        return (self._get(i) for i in range(len(self._tokens)))

    def raw(self, i: int):
        """Token ``i`` without forcing its morphology."""
        return self._tokens[i]

    def raw_tokens(self) -> list:
        """Every token, without forcing morphology (type and text are all a caller may use)."""
        return self._tokens

    def window(self, first: int, stop: int) -> "TokenWindow":
        return TokenWindow(self, first, stop)


class TokenWindow:
    """Tokens ``first:stop`` of a block, still lazy: a matcher that stops early never
    analyses the words it did not reach."""

    def __init__(self, tokens: LazyMorphTokens, first: int, stop: int):
        self._tokens, self._first, self._len = tokens, first, max(0, stop - first)

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._tokens[self._first + i] for i in range(*index.indices(self._len))]
        if not 0 <= index < self._len:
            raise IndexError(index)
        return self._tokens[self._first + index]

    def __iter__(self):
        return (self._tokens[self._first + i] for i in range(self._len))

    def raw(self, index: int):
        """Token ``index`` of the window without forcing its morphology."""
        return self._tokens.raw(self._first + index)


@lru_cache(maxsize=512)
def block_tokens(text: str) -> LazyMorphTokens:
    """One lazily analysed token list per block, shared by every grammar that reads it."""
    return LazyMorphTokens(text)
