"""Read stage: find inputs, decode bytes, parse headers, split JSONL articles.

Everything here yields either a :class:`SourceDoc` (ready for the pipeline) or
an :class:`InputError` (one bad input; the batch goes on).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl"}
HTML_SUFFIXES = {".html", ".htm"}  # saved web pages: extractor/pages.py


@dataclass
class SourceDoc:
    """A decoded document, before any analysis."""

    doc_id: str
    text: str
    sha256: str
    encoding: str
    path: Optional[str] = None
    published: Optional[dt.date] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    header_end: int = 0  # text[:header_end] is a metadata header, not report


@dataclass
class InputError(Exception):
    path: str
    error: str
    message: str
    doc_id: Optional[str] = None

    def __str__(self) -> str:
        return f"{self.path}: {self.error}: {self.message}"


Item = Union[SourceDoc, InputError]


# --------------------------------------------------------------------------
# discovery

def discover(inputs: Iterable[Union[str, Path]]) -> Iterator[Union[Path, InputError]]:
    """Files named directly are taken whatever their suffix; folders are walked
    recursively (following symlinks, never twice into the same real folder) for
    ``*.txt`` and ``*.jsonl``.  Sorted, so runs are reproducible."""
    seen_dirs: set[str] = set()
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, seen_dirs)
        elif path.exists():
            yield path
        else:
            yield InputError(str(path), "not_found", "no such file or directory")


def _walk(root: Path, seen_dirs: set[str]) -> Iterator[Union[Path, InputError]]:
    try:
        real = os.path.realpath(root)
    except OSError as exc:  # pragma: no cover - realpath rarely fails
        yield InputError(str(root), "unreadable", str(exc))
        return
    if real in seen_dirs:
        return
    seen_dirs.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(str(root), "unreadable", f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen_dirs)
        elif path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES:
            if not path.exists():  # dangling or looping symlink
                yield InputError(str(path), "unreadable", "broken or looping symlink")
            else:
                yield path


# --------------------------------------------------------------------------
# decoding

class DecodeError(ValueError):
    def __init__(self, error: str, message: str):
        super().__init__(message)
        self.error = error


_BINARY_MAGIC = {
    b"%PDF": "PDF document",
    b"PK\x03\x04": "zip archive (or docx/xlsx)",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",
    b"\xd0\xcf\x11\xe0": "MS Office document",
    b"\x7fELF": "executable",
}


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM) or CP1251, refusing binary data.

    Returns ``(text, encoding)``; raises :class:`DecodeError`.
    """
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError("binary", f"binary file ({what}), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = _strict(data[3:], "utf-8", "utf-8-sig"), "utf-8-sig"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _cp1251(data), "cp1251"
    if "\x00" in text:
        raise DecodeError("binary", "NUL bytes in the text: binary data, not text")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    if text and controls / len(text) > 0.01:
        raise DecodeError("binary", f"{controls} control characters: binary data, not text")
    if not text.strip():
        raise DecodeError("empty", "empty or whitespace-only text")
    if _looks_like_html(text):
        raise DecodeError("html", "an HTML page, not plain text: save the article's text instead")
    return text, encoding


_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<\?xml)", re.IGNORECASE)
_TAG = re.compile(r"</?(?:html|head|body|div|span|p|a|script|style|meta|link|table|tr|td|ul|li|br)\b[^>]*>",
                  re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    head = text[:200_000]
    if _HTML_START.match(head):
        return True
    tags = _TAG.findall(head)
    return len(tags) >= 10 and sum(map(len, tags)) > 0.2 * len(head)


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError("undecodable", f"not valid {label} at byte {exc.start}") from None


def _cp1251(data: bytes) -> str:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            "undecodable", f"neither UTF-8 nor CP1251 (byte {exc.start})") from None
    letters = [ch for ch in text if ch.isalpha()]
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    if not letters or cyrillic / len(letters) < 0.5:
        raise DecodeError(
            "undecodable", "not UTF-8, and as CP1251 it is not Cyrillic text")
    return text


# --------------------------------------------------------------------------
# header

_HEADER = re.compile(
    r"\A\s*(?:date|published|дата)\s*[:=]?\s*(\d{4})-(\d{2})-(\d{2})\b[ \t]*\n?",
    re.IGNORECASE,
)


def parse_header(text: str) -> tuple[Optional[dt.date], int]:
    """An optional header like the seeds' ``date 2025-08-14`` at the very top.

    Returns the date and the offset where the report text starts (0 if none).
    """
    match = _HEADER.match(text)
    if not match:
        return None, 0
    try:
        published = dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None, 0
    return published, match.end()


def parse_date(value: object) -> Optional[dt.date]:
    if value in (None, ""):
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not match:
        raise ValueError(f"published {value!r} is not an ISO date")
    return dt.date(*(int(g) for g in match.groups()))


# --------------------------------------------------------------------------
# documents

def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_doc_id(raw: str) -> str:
    """A filesystem-safe id: letters, digits, ``_ - .``; never empty, never hidden."""
    cleaned = re.sub(r"[^\w.\-]+", "_", unicodedata.normalize("NFC", raw), flags=re.UNICODE)
    cleaned = cleaned.strip("._") or "doc"
    return cleaned[:120]


@dataclass
class DocIds:
    """Hands out unique doc ids within one run ('x', 'x-2', 'x-3'...)."""

    used: set[str] = field(default_factory=set)

    def claim(self, raw: str) -> str:
        base = safe_doc_id(raw)
        doc_id, n = base, 1
        while doc_id.lower() in self.used:
            n += 1
            doc_id = f"{base}-{n}"
        self.used.add(doc_id.lower())
        return doc_id


def read_text_file(path: Path, doc_id: str) -> SourceDoc:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), "unreadable", exc.strerror or str(exc), doc_id) from None
    try:
        text, encoding = decode(data)
    except DecodeError as exc:
        if exc.error == "html":  # a whole saved page is read as a page; a markup fragment is refused
            from .pages import is_page, page_from_bytes
            if is_page(data.decode("utf-8", "replace")):
                return page_from_bytes(data, str(path), doc_id)
        raise InputError(str(path), exc.error, str(exc), doc_id) from None
    published, header_end = parse_header(text)
    return SourceDoc(doc_id=doc_id, text=text, sha256=sha256(data), encoding=encoding,
                     path=str(path), published=published, header_end=header_end)


def read_jsonl(path: Path, ids: DocIds) -> Iterator[Item]:
    """One article per line: ``{"id", "text", "published"?, "url"?, "outlet"?}``.

    Streamed line by line (an archive may be larger than memory); a malformed
    line is an error of its own and the other lines still run."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), "unreadable", exc.strerror or str(exc))
        return
    with fh:
        head = fh.read(65536)
        fh.seek(0)
        if any(head.startswith(magic) for magic in _BINARY_MAGIC) or b"\x00" in head:
            yield InputError(str(path), "binary", "binary data, not JSON lines")
            return
        encoding = _jsonl_encoding(head)
        lineno = 0
        for raw in fh:
            lineno += 1
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            where = f"{path}:{lineno}"
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                yield InputError(where, "undecodable", f"not valid {encoding} at byte {exc.start}")
                continue
            if not line.strip():
                continue
            yield _article(line, where, path, lineno, ids)


def _jsonl_encoding(head: bytes) -> str:
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start > len(head) - 4:  # a character cut at the end of the sample
            return "utf-8"
        return "cp1251"


def _article(line: str, where: str, path: Path, lineno: int, ids: DocIds) -> Item:
    try:
        article = json.loads(line)
        if not isinstance(article, dict):
            raise ValueError("a line must be a JSON object")
        text = article.get("text")
        if text is None and isinstance(article.get("html"), str):  # a scraped page: extractor/pages.py
            from .pages import page_article
            raw_id = str(article.get("id") or f"{path.stem}_{lineno}")
            return page_article(article, where, ids.claim(raw_id), parse_date(article.get("published")))
        if not isinstance(text, str):
            raise ValueError("'text' is missing or not a string")
        if not text.strip():
            return InputError(where, "empty", "empty or whitespace-only text")
        if "\x00" in text:
            return InputError(where, "binary", "NUL bytes in the text")
        published = parse_date(article.get("published"))
        raw_id = str(article.get("id") or f"{path.stem}_{lineno}")
    except (ValueError, TypeError) as exc:
        return InputError(where, "bad_jsonl", str(exc))
    outlet, url = article.get("outlet"), article.get("url")
    return source_from_text(text, published=published, doc_id=ids.claim(raw_id), path=where,
                            outlet=outlet if isinstance(outlet, str) else None,
                            url=url if isinstance(url, str) else None)


def source_from_text(text: str, published=None, doc_id=None, outlet=None, url=None,
                     path=None) -> SourceDoc:
    """A :class:`SourceDoc` for a text that arrived as a string (library call, JSONL line)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    header_date, header_end = parse_header(text)
    if isinstance(published, str):
        published = parse_date(published)
    digest = sha256(text.encode("utf-8", "surrogatepass"))
    return SourceDoc(doc_id=doc_id or f"doc_{digest[:16]}", text=text, sha256=digest,
                     encoding="utf-8", path=path, published=published or header_date,
                     outlet=outlet, url=url, header_end=header_end)


def read_inputs(inputs: Iterable[Union[str, Path]]) -> Iterator[Item]:
    """Stream every document (or input error) of a batch, in a stable order."""
    ids = DocIds()
    for found in discover(inputs):
        if isinstance(found, InputError):
            yield found
        elif found.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(found, ids)
        elif found.suffix.lower() in HTML_SUFFIXES:
            from .pages import read_html_file
            try:
                yield read_html_file(found, ids.claim(found.stem))
            except InputError as exc:
                yield exc
        else:
            doc_id = ids.claim(found.stem)
            try:
                yield read_text_file(found, doc_id)
            except InputError as exc:
                yield exc
