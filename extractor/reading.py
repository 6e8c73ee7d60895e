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
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl"}
HTML_SUFFIXES = {".html", ".htm"}  # saved web pages: extractor/pages.py
DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # one document (a .txt file, or one JSONL line)
MAX_ID_BYTES = 120  # doc ids in UTF-8 bytes: OUT/<doc_id>.json stays far below NAME_MAX (255)
RESERVED_IDS = {"meetings", "errors", "run"}  # OUT/meetings.jsonl, errors.jsonl, run.json


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
    warnings: list[str] = field(default_factory=list)  # e.g. bytes replaced while decoding


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

def display_path(path: Union[str, Path]) -> str:
    """A path as text that can always be written to JSON: a file name that is
    not UTF-8 keeps its odd bytes as ``\\xNN`` escapes."""
    raw = os.fsencode(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


def name_for_id(path: Path) -> str:
    """The file's stem as readable text: a name in CP1251 bytes reads as Cyrillic."""
    raw = os.fsencode(path.stem)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251", "replace")


def discover(inputs: Iterable[Union[str, Path]],
             skip: Iterable[Union[str, Path]] = ()) -> Iterator[Union[Path, InputError]]:
    """Files named directly are taken whatever their suffix; folders are walked
    recursively (following symlinks, never twice into the same real folder) for
    ``*.txt`` and ``*.jsonl``.  Folders in ``skip`` (the run's own output folder)
    are never entered.  Sorted, so runs are reproducible."""
    seen_dirs: set[str] = {os.path.realpath(p) for p in skip}
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, seen_dirs)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield InputError(display_path(path), "not_found", "no such file or directory")


def _walk(root: Path, seen_dirs: set[str]) -> Iterator[Union[Path, InputError]]:
    try:
        real = os.path.realpath(root)
    except OSError as exc:  # pragma: no cover - realpath rarely fails
        yield InputError(display_path(root), "unreadable", str(exc))
        return
    if real in seen_dirs:
        return
    seen_dirs.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(display_path(root), "unreadable", f"cannot list folder: {exc.strerror or exc}")
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
                yield InputError(display_path(path), "unreadable", "broken or looping symlink")
            else:
                yield path


_SPECIAL = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")]


def open_regular(path: Path, max_bytes: Optional[int] = None):
    """Open a regular file for reading, or raise :class:`InputError`.

    Named pipes, devices and sockets are refused before they are opened (a FIFO
    would block the batch forever, ``/dev/zero`` never ends); ``max_bytes``
    refuses a file that is larger before a byte is read."""
    where = display_path(path)
    _is_regular(path, where, max_bytes)
    try:  # O_NONBLOCK: a FIFO swapped in after the check must not block the open
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(where, "unreadable", exc.strerror or str(exc)) from None
    fh = os.fdopen(fd, "rb")
    try:
        _is_regular_fd(fh.fileno(), where, max_bytes)  # the file may have been swapped
        os.set_blocking(fd, True)
    except BaseException:
        fh.close()
        raise
    return fh


def _is_regular(path: Path, where: str, max_bytes: Optional[int]) -> None:
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(where, "unreadable", exc.strerror or str(exc)) from None
    _check_mode(info, where, max_bytes)


def _is_regular_fd(fd: int, where: str, max_bytes: Optional[int]) -> None:
    _check_mode(os.fstat(fd), where, max_bytes)


def _check_mode(info: os.stat_result, where: str, max_bytes: Optional[int]) -> None:
    if not stat.S_ISREG(info.st_mode):
        what = next((name for test, name in _SPECIAL if test(info.st_mode)), "not a regular file")
        raise InputError(where, "not_a_file", f"{what}, not a regular file: only regular files are read")
    if max_bytes is not None and info.st_size > max_bytes:
        raise InputError(where, "too_large", _too_large(info.st_size, max_bytes))


def _too_large(size: Optional[int], max_bytes: int) -> str:
    what = f"{size} bytes" if size is not None else "more bytes"
    return f"{what}, more than the limit of {max_bytes} bytes (--max-bytes)"


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (read in bounded chunks)."""
    with open_regular(path, max_bytes) as fh:
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(display_path(path), "unreadable", exc.strerror or str(exc)) from None
    if len(data) > max_bytes:  # it grew after we looked
        raise InputError(display_path(path), "too_large", _too_large(None, max_bytes))
    return data


def read_stdin(stream, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """At most ``max_bytes`` from a byte stream (stdin): a larger input is a ``too_large``
    error read no further than one byte past the limit, not a process that fills memory."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError("stdin", "too_large", _too_large(None, max_bytes))
    return data


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


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM) or CP1251, refusing binary data.

    Returns ``(text, encoding)``; raises :class:`DecodeError`.
    """
    decoded = decode_document(data)
    return decoded.text, decoded.encoding


def decode_document(data: bytes) -> Decoded:
    """:func:`decode`, with the warnings of a lenient decoding (a few bytes that are
    not UTF-8 in a UTF-8 text are replaced by U+FFFD, not read as CP1251)."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError("binary", f"binary file ({what}), not text")
    decoded = decode_text(data)
    text = decoded.text
    if "\x00" in text:
        raise DecodeError("binary", "NUL bytes in the text: binary data, not text")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    if text and controls / len(text) > 0.01:
        raise DecodeError("binary", f"{controls} control characters: binary data, not text")
    if not text.strip():
        raise DecodeError("empty", "empty or whitespace-only text")
    if looks_like_html(text):
        raise DecodeError("html", "an HTML page, not plain text: save the article's text instead")
    return decoded


def decode_text(data: bytes) -> Decoded:
    """UTF-8 (BOM or not), UTF-8 with a few stray bytes, or CP1251 Cyrillic."""
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return Decoded(body.decode("utf-8"), "utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lenient = _mostly_utf8(body)
    if lenient is not None:
        text, bad = lenient
        return Decoded(text, "utf-8-sig" if bom else "utf-8", [
            f"{bad} byte sequence(s) not valid UTF-8 (first at byte {first_bad + 3 * bom}) "
            "replaced by U+FFFD"])
    if bom:
        raise DecodeError("undecodable", f"not valid utf-8-sig at byte {first_bad}")
    return Decoded(_cp1251(data), "cp1251")


MAX_BAD_SHARE = 0.05  # stray bytes per valid non-ASCII character for a text to count as UTF-8


def _mostly_utf8(data: bytes) -> Optional[tuple[str, int]]:
    """UTF-8 text but for a few bytes: the text with U+FFFD for them, and how many.

    CP1251 text read as UTF-8 is nearly all errors, so a text whose valid
    multi-byte characters outnumber the invalid sequences 20:1 is UTF-8."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    good = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    if bad <= 0 or good == 0 or bad > MAX_BAD_SHARE * good:
        return None
    return text, bad


# an HTML page: a doctype or <html> first, possibly after comments such as the
# "<!-- saved from url=(0062)https://... -->" line browsers write; bounded, so crafted
# text cannot make the check slow
# (the comments cannot overlap and are bounded: no backtracking on crafted text; pages.py too)
PAGE_COMMENTS = r"(?:<!--(?:(?!-->).){0,4000}-->\s*){0,8}"
_HTML_START = re.compile(
    r"\A\ufeff?\s*" + PAGE_COMMENTS + r"(?:<!doctype\s+html|<html\b|<\?xml)",
    re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?(?:html|head|body|div|span|p|a|script|style|meta|link|table|tr|td|ul|li|br)\b"
                  r"[^<>]{0,1000}>", re.IGNORECASE)
HTML_SAMPLE = 200_000


def looks_like_html(text: str) -> bool:
    """True for an HTML page (saved from a browser, or mostly markup).

    Linear in the sample: a tag is at most 1000 characters and never spans a '<'."""
    head = text[:HTML_SAMPLE]
    if _HTML_START.match(head):
        return True
    tags = _TAG.findall(head)
    return len(tags) >= 10 and sum(map(len, tags)) > 0.2 * len(head)


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
    """A filesystem-safe id: letters, digits, ``_ - .``; never empty, never hidden,
    at most 120 characters and :data:`MAX_ID_BYTES` bytes of UTF-8."""
    cleaned = re.sub(r"[^\w.\-]+", "_", unicodedata.normalize("NFC", raw), flags=re.UNICODE)
    cleaned = cleaned.strip("._") or "doc"
    return _fit(cleaned[:120], MAX_ID_BYTES)


def _fit(text: str, max_bytes: int) -> str:
    """``text`` cut to at most ``max_bytes`` bytes of UTF-8 (whole characters)."""
    return text.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")


@dataclass
class DocIds:
    """Hands out unique doc ids within one run ('x', 'x-2', 'x-3'...).

    Unique case-insensitively (OUT may be on a case-insensitive file system) and
    never the name of a run file: 'run' becomes 'run_doc' (and a second 'run_doc'
    then 'run_doc-2'), so no record can overwrite another."""

    used: set[str] = field(default_factory=set)

    def claim(self, raw: str) -> str:
        base = safe_doc_id(raw)
        if base.lower() in RESERVED_IDS:
            base = f"{base}_doc"
        doc_id, n = base, 1
        while doc_id.lower() in self.used:
            n += 1
            doc_id = f"{_fit(base, MAX_ID_BYTES - len(f'-{n}'))}-{n}"  # the bound holds with the suffix too
        self.used.add(doc_id.lower())
        return doc_id


def read_file(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDoc:
    """A ``.txt`` or ``.html`` file (regular, at most ``max_bytes``) as a document.

    A saved page (``*.html`` / ``*.htm``, or any file that starts like a whole page,
    in whatever encoding) is a :class:`~extractor.pages.PendingPage`: its article is
    extracted later, in the worker stage (see :func:`read_inputs`).  A ``.txt`` of
    markup that is not a whole page is refused (``html``)."""
    from .pages import is_page_bytes, pending_page

    data = read_bytes(path, max_bytes)
    where = display_path(path)
    if path.suffix.lower() in HTML_SUFFIXES or is_page_bytes(data):
        return pending_page(data, where, doc_id)
    try:
        decoded = decode_document(data)
    except DecodeError as exc:
        raise InputError(where, exc.error, str(exc), doc_id) from None
    published, header_end = parse_header(decoded.text)
    return SourceDoc(doc_id=doc_id, text=decoded.text, sha256=sha256(data), encoding=decoded.encoding,
                     path=where, published=published, header_end=header_end,
                     warnings=decoded.warnings)


def read_text_file(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDoc:
    """:func:`read_file`, with a page's article extracted at once (``no_article`` raises)."""
    from .pages import extracted

    return extracted(read_file(path, doc_id, max_bytes))


def read_jsonl(path: Path, ids: DocIds, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One article per line: ``{"id", "text", "published"?, "url"?, "outlet"?}``.

    Streamed line by line (an archive may be larger than memory; a line longer
    than ``max_bytes`` is skipped unread); each line is decoded on its own (one
    CP1251 line does not change how the others are read); a malformed line is
    an error of its own and the other lines still run."""
    try:
        fh = open_regular(path)
    except InputError as exc:
        yield exc
        return
    name = display_path(path)
    with fh:
        head = fh.read(65536)
        fh.seek(0)
        if any(head.startswith(magic) for magic in _BINARY_MAGIC) or b"\x00" in head:
            yield InputError(name, "binary", "binary data, not JSON lines")
            return
        for lineno, raw in enumerate(_bounded_lines(fh, max_bytes), 1):
            where = f"{name}:{lineno}"
            if raw is None:
                yield InputError(where, "too_large", _too_large(None, max_bytes))
                continue
            if not raw.strip():
                continue
            try:
                decoded = decode_text(raw)
            except DecodeError as exc:
                yield InputError(where, exc.error, f"line {lineno}: {exc}")
                continue
            yield _article(decoded, where, path, lineno, ids)


def _bounded_lines(fh, max_bytes: int) -> Iterator[Optional[bytes]]:
    """The file's lines; ``None`` for a line longer than ``max_bytes`` (read past, never held)."""
    while True:
        try:
            raw = fh.readline(max_bytes + 1)
        except OSError:
            return
        if not raw:
            return
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while (chunk := fh.readline(1 << 20)) and not chunk.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


def _article(decoded: Decoded, where: str, path: Path, lineno: int, ids: DocIds) -> Item:
    try:
        article = json.loads(decoded.text)
        if not isinstance(article, dict):
            raise ValueError("a line must be a JSON object")
        text = article.get("text")
        if text is None and isinstance(article.get("html"), str):  # a scraped page: extractor/pages.py
            from .pages import page_article
            raw_id = str(article.get("id") or f"{name_for_id(path)}_{lineno}")
            page = page_article(article, where, ids.claim(without_surrogates(raw_id)),
                                parse_date(article.get("published")))
            if isinstance(page, SourceDoc):
                page.warnings = decoded.warnings + page.warnings
            return page
        if not isinstance(text, str):
            raise ValueError("'text' is missing or not a string")
        if not text.strip():
            return InputError(where, "empty", "empty or whitespace-only text")
        if "\x00" in text:
            return InputError(where, "binary", "NUL bytes in the text")
        published = parse_date(article.get("published"))
        raw_id = str(article.get("id") or f"{name_for_id(path)}_{lineno}")
    except RecursionError:
        return InputError(where, "bad_jsonl", "JSON nested too deeply")
    except (ValueError, TypeError) as exc:
        return InputError(where, "bad_jsonl", str(exc)[:500])
    outlet, url = article.get("outlet"), article.get("url")
    src = source_from_text(text, published=published, doc_id=ids.claim(without_surrogates(raw_id)),
                           path=where, outlet=outlet if isinstance(outlet, str) else None,
                           url=url if isinstance(url, str) else None)
    src.encoding = decoded.encoding
    src.warnings = decoded.warnings + src.warnings
    return src


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Lone surrogates (JSON allows "\\ud800") replaced by U+FFFD: same length, so
    offsets are unchanged, and the text can be written as UTF-8."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)


def source_from_text(text: str, published=None, doc_id=None, outlet=None, url=None,
                     path=None) -> SourceDoc:
    """A :class:`SourceDoc` for a text that arrived as a string (library call, JSONL line)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    digest = sha256(text.encode("utf-8", "surrogatepass"))
    clean = without_surrogates(text)
    warnings = [] if clean is text else [
        f"{sum(a != b for a, b in zip(text, clean))} lone surrogate(s) replaced by U+FFFD"]
    header_date, header_end = parse_header(clean)
    if isinstance(published, str):
        published = parse_date(published)
    outlet = without_surrogates(outlet) if isinstance(outlet, str) else outlet
    url = without_surrogates(url) if isinstance(url, str) else url
    return SourceDoc(doc_id=doc_id or f"doc_{digest[:16]}", text=clean, sha256=digest,
                     encoding="utf-8", path=path, published=published or header_date,
                     outlet=outlet, url=url, header_end=header_end, warnings=warnings)


def read_inputs(inputs: Iterable[Union[str, Path]], max_bytes: int = DEFAULT_MAX_BYTES,
                skip: Iterable[Union[str, Path]] = (), defer_pages: bool = False) -> Iterator[Item]:
    """Stream every document (or input error) of a batch, in a stable order.

    ``max_bytes`` bounds one document (a file, a JSONL line); folders in ``skip``
    (the run's output folder) are not searched.  With ``defer_pages`` a web page
    is yielded as a :class:`~extractor.pages.PendingPage` (its article is taken
    out by whoever runs the document, under its time budget: a batch's workers);
    otherwise it is extracted here."""
    from .pages import extracted

    for item in _read_all(inputs, max_bytes, skip):
        if not defer_pages and isinstance(item, SourceDoc):
            try:
                item = extracted(item)
            except InputError as exc:
                item = exc
        yield item


def _read_all(inputs, max_bytes: int, skip) -> Iterator[Item]:
    ids = DocIds()
    for found in discover(inputs, skip):
        if isinstance(found, InputError):
            yield found
        elif found.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(found, ids, max_bytes)
        else:
            doc_id = ids.claim(name_for_id(found))
            try:
                yield read_file(found, doc_id, max_bytes)
            except InputError as exc:
                exc.doc_id = exc.doc_id or doc_id
                yield exc
