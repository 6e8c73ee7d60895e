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
from pathlib import Path
from typing import Optional

from .reading import (DEFAULT_MAX_BYTES, HTML_SUFFIXES, InputError, SourceDoc,  # noqa: F401 (HTML_SUFFIXES: re-exported)
                      display_path, parse_date, read_bytes)

MAX_PAGE_BYTES = 20_000_000  # a larger "page" is not an article; lxml would take seconds

# A whole page: optional BOM, comments ("<!-- saved from url=(0074)... -->", the
# mark browsers leave on a saved page), then a doctype, <html> or an XML prolog.
_PAGE_START = re.compile(
    r"\A\ufeff?\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*(?:<!doctype\s+html|<html[\s>]))",
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
                     sha256: Optional[str] = None, encoding: str = "utf-8") -> PageDoc:
    """A :class:`PageDoc` for a page given as a string; raises :class:`NoArticle`."""
    article = extract_article(html, url)
    text_sha = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
    if isinstance(published, str):
        published = parse_date(published)
    return PageDoc(
        doc_id=doc_id or f"page_{text_sha[:16]}", text=article.text,
        sha256=sha256 or hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest(),
        encoding=encoding, path=path, published=published or article.published,
        outlet=outlet or article.site_name, url=url or article.canonical_url,
        title=article.title, site_name=article.site_name, canonical_url=article.canonical_url,
        text_sha256=text_sha)


def page_from_bytes(data: bytes, path: str, doc_id: str) -> PageDoc:
    """A saved page read from disk (``*.html``, or a ``.txt`` holding a whole page)."""
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(path, "too_large", f"an HTML page of {len(data)} bytes (limit {MAX_PAGE_BYTES})", doc_id)
    if b"\x00" in data[:65536]:
        raise InputError(path, "binary", "NUL bytes: binary data, not an HTML page", doc_id)
    html, encoding = decode_page(data)
    try:
        return source_from_html(html, doc_id=doc_id, path=path, encoding=encoding,
                                sha256=hashlib.sha256(data).hexdigest())
    except NoArticle as exc:
        raise InputError(path, "no_article", str(exc), doc_id) from None
    except Exception as exc:  # lxml/trafilatura on hostile markup: this input fails, the batch goes on
        raise InputError(path, "no_article", f"the page could not be parsed: {exc}", doc_id) from None


def read_html_file(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> PageDoc:
    """A saved page on disk: read like any input (regular files only, at most
    ``max_bytes``), then through :func:`page_from_bytes`."""
    data = read_bytes(path, max_bytes)
    return page_from_bytes(data, display_path(path), doc_id)


def page_article(article: dict, where: str, doc_id: str, published) -> PageDoc | InputError:
    """A JSONL line with an ``"html"`` field (and no ``"text"``)."""
    html = article["html"]
    if not html.strip():
        return InputError(where, "empty", "empty 'html' field", doc_id)
    outlet, url = article.get("outlet"), article.get("url")
    try:
        return source_from_html(html, doc_id=doc_id, path=where, published=published,
                                outlet=outlet if isinstance(outlet, str) else None,
                                url=url if isinstance(url, str) else None)
    except NoArticle as exc:
        return InputError(where, "no_article", str(exc), doc_id)
    except Exception as exc:
        return InputError(where, "no_article", f"the page could not be parsed: {exc}", doc_id)


def page_fields(src: SourceDoc) -> dict:
    """The record's ``source`` fields that only a page has."""
    if not isinstance(src, PageDoc):
        return {}
    return {"format": "html", "title": src.title, "site_name": src.site_name,
            "canonical_url": src.canonical_url, "text_sha256": src.text_sha256}
