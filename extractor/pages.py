"""Read stage for web pages: the article of a saved HTML page, with its metadata.

A page (``*.html`` / ``*.htm``, a ``.txt`` that holds a whole saved page, or the
``"html"`` field of a JSONL line) becomes a :class:`PageDoc`: its text is the
page's headline on the first line and then the article body, as trafilatura
extracts it (menus, footers, sidebars and most related-link blocks are left
out).  The record keeps that text (``record.text``) and its ``text_sha256``,
so every offset points into a text the user can see; ``source.sha256`` stays
the hash of the input bytes (what ``--resume`` compares).

What trafilatura leaves in (datelines, captions, "Читайте также", teasers...)
is the residue model's job (text/residue.py).  A page with no article text is
an ``no_article`` error of its own.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Optional, Sequence, Union

from .reading import (HTML_SUFFIXES, PAGE_COMMENTS, InputError, SourceDoc,  # noqa: F401 (HTML_SUFFIXES: re-exported)
                      parse_date, without_surrogates)

MAX_PAGE_BYTES = 20_000_000  # a larger "page" is not an article; lxml would take seconds

# A whole page: optional BOM, comments ("<!-- saved from url=(0074)... -->", the
# mark browsers leave on a saved page), then a doctype, <html> or an XML prolog.
# The comments are bounded and cannot overlap (reading.PAGE_COMMENTS): an unbounded
# ``(?:<!--.*?-->\s*)*`` backtracks exponentially on a .txt of many empty comments.
_PAGE_START = re.compile(
    r"\A\ufeff?\s*" + PAGE_COMMENTS
    + r"(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]{0,1000}>\s*(?:<!doctype\s+html|<html[\s>]))",
    re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


@dataclass
class PageDoc(SourceDoc):
    """A :class:`SourceDoc` whose text was extracted from an HTML page."""

    title: Optional[str] = None
    site_name: Optional[str] = None
    canonical_url: Optional[str] = None
    text_sha256: Optional[str] = None


@dataclass
class Article:
    text: str
    title: Optional[str]
    published: Optional[dt.date]
    site_name: Optional[str]
    canonical_url: Optional[str]


class NoArticle(ValueError):
    pass


def is_page(text: str) -> bool:
    """Is this a whole HTML page (what a browser saves), not a fragment of markup?"""
    return bool(_PAGE_START.match(text[:100_000]))


def is_page_bytes(data: bytes) -> bool:
    """:func:`is_page` on raw bytes, whatever their encoding (the start of a page is ASCII)."""
    return is_page(data[:100_000].decode("utf-8", "replace"))


def decode_page(data: bytes) -> tuple[str, str]:
    """Bytes of a page as text: BOM, UTF-8, the charset the page declares, then CP1251."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1251", "replace"), "cp1251"


def extract_article(html: str, url: Optional[str] = None) -> Article:
    """The headline and article text of a page, and its metadata; :class:`NoArticle` if none."""
    import trafilatura  # a second of imports; only runs that meet a page pay for it

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False,
        date_extraction_params={"extensive_search": False, "original_date": True})
    body = render(doc.body) if doc is not None and doc.body is not None else ""
    if not body and doc is not None:
        body = (doc.text or "").strip()
    if not has_article(body):
        raise NoArticle("no article text found in the page (only menus, links or headlines)")
    title = _clean(doc.title)
    text = body
    if title and title not in body.split("\n")[:10]:
        text = f"{title}\n{body}"
    published = None
    try:
        published = parse_date(doc.date)
    except ValueError:
        published = None
    return Article(text=text, title=title, published=published, site_name=_clean(doc.sitename),
                   canonical_url=_clean(doc.url))


# trafilatura's tree: blocks become lines of their own, inline markup stays in its line
_BLOCKS = {"p", "head", "item", "list", "quote", "cell", "row", "table", "code", "div", "main", "body", "doc"}
_SKIP = {"graphic"}


def render(body) -> str:
    """The text of trafilatura's article tree: one line per paragraph, heading, list item or
    table cell (its own ``.text`` glues a table's cells into one line)."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = " ".join("".join(buffer).split())
        if line:
            lines.append(line)
        buffer.clear()

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            return
        block = tag in _BLOCKS
        if block or tag == "lb":
            flush()
        if el.text and tag != "lb":
            buffer.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buffer.append(child.tail)
        if block:
            flush()

    walk(body)
    flush()
    return "\n".join(lines)


_SENTENCE = re.compile(r"(?:\S+\s+){4,}\S*[.!?…][»\"”)]*\s*$")


def has_article(body: str) -> bool:
    """An article has at least one sentence of five words or more; a page of menus,
    links and headlines (what trafilatura returns when it finds nothing better) has none."""
    return any(_SENTENCE.search(line) for line in body.split("\n"))


def _clean(value: Optional[str]) -> Optional[str]:
    value = " ".join((value or "").split())
    return value or None


def source_from_html(html: str, *, doc_id: Optional[str] = None, path: Optional[str] = None,
                     published=None, outlet: Optional[str] = None, url: Optional[str] = None,
                     sha256: Optional[str] = None, encoding: str = "utf-8",
                     warnings: Sequence[str] = ()) -> PageDoc:
    """A :class:`PageDoc` for a page given as a string; raises :class:`NoArticle`.

    Lone surrogates (JSON allows "\\ud800") become U+FFFD first: lxml drops a page
    that holds one, so one odd character would lose the whole article."""
    digest = sha256 or hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()
    warnings = list(warnings)
    clean = without_surrogates(html)
    if clean is not html:
        bad = sum(1 for ch in html if "\ud800" <= ch <= "\udfff")
        warnings.append(f"{bad} lone surrogate(s) in the page replaced by U+FFFD")
    article = extract_article(clean, url)
    text_sha = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
    if isinstance(published, str):
        published = parse_date(published)
    outlet = without_surrogates(outlet) if isinstance(outlet, str) else None
    url = without_surrogates(url) if isinstance(url, str) else None
    return PageDoc(
        doc_id=doc_id or f"page_{text_sha[:16]}", text=article.text, sha256=digest,
        encoding=encoding, path=path, published=published or article.published,
        outlet=outlet or article.site_name, url=url or article.canonical_url,
        title=article.title, site_name=article.site_name, canonical_url=article.canonical_url,
        text_sha256=text_sha, warnings=warnings)


@dataclass
class PendingPage(SourceDoc):
    """A page that is read but not yet extracted (``text`` is empty until then).

    Taking the article out of a page (trafilatura) is part of a document's work,
    not of reading: it can take seconds on a large or hostile page.  A batch
    calls :meth:`extract` in its worker stage, under ``--timeout``, so a slow
    page is a ``timeout`` line like any slow document and never stalls the
    reader.  ``sha256`` is already the input's hash (what ``--resume`` compares)."""

    html: Union[bytes, str] = b""  # the file's bytes, or the text of a JSONL "html" field

    def extract(self) -> PageDoc:
        """The page's article; raises :class:`InputError` (``no_article``) when it has none."""
        from .deadline import DocumentTimeout

        where = self.path or self.doc_id
        try:
            html, encoding = decode_page(self.html) if isinstance(self.html, bytes) \
                else (self.html, self.encoding)
            return source_from_html(html, doc_id=self.doc_id, path=self.path, published=self.published,
                                    outlet=self.outlet, url=self.url, sha256=self.sha256,
                                    encoding=encoding, warnings=self.warnings)
        except NoArticle as exc:
            raise InputError(where, "no_article", str(exc), self.doc_id) from None
        except DocumentTimeout:
            raise
        except Exception as exc:  # lxml/trafilatura on hostile markup: this input fails, the batch goes on
            raise InputError(where, "no_article", f"the page could not be parsed: {exc}", self.doc_id) from None


def extracted(src: SourceDoc) -> SourceDoc:
    """A document ready for the pipeline: a :class:`PendingPage` is extracted now."""
    return src.extract() if isinstance(src, PendingPage) else src


def pending_page(html: Union[bytes, str], path: str, doc_id: str, **meta) -> PendingPage:
    """A page (a file's bytes, or a JSONL ``"html"`` field) checked but not yet extracted;
    raises :class:`InputError` for one that is empty, too large or binary."""
    if not html.strip():
        raise InputError(path, "empty", "an empty page", doc_id)
    if len(html) > MAX_PAGE_BYTES:
        raise InputError(path, "too_large", f"an HTML page of {len(html)} bytes (limit {MAX_PAGE_BYTES})",
                         doc_id)
    if (b"\x00" if isinstance(html, bytes) else "\x00") in html[:65536]:
        raise InputError(path, "binary", "NUL bytes: binary data, not an HTML page", doc_id)
    digest = hashlib.sha256(html if isinstance(html, bytes) else html.encode("utf-8", "surrogatepass"))
    return PendingPage(doc_id=doc_id, text="", sha256=digest.hexdigest(), encoding="utf-8", path=path,
                       html=html, **meta)


def page_article(article: dict, where: str, doc_id: str, published) -> PendingPage | InputError:
    """A JSONL line with an ``"html"`` field (and no ``"text"``)."""
    outlet, url = article.get("outlet"), article.get("url")
    try:
        return pending_page(article["html"], where, doc_id, published=published,
                            outlet=outlet if isinstance(outlet, str) else None,
                            url=url if isinstance(url, str) else None)
    except InputError as exc:
        return exc


def page_fields(src: SourceDoc) -> dict:
    """The record's ``source`` fields that only a page has."""
    if not isinstance(src, PageDoc):
        return {}
    return {"format": "html", "title": src.title, "site_name": src.site_name,
            "canonical_url": src.canonical_url, "text_sha256": src.text_sha256}
