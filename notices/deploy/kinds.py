"""Which kind each file of a built site is: its Content-Type, its Cache-Control and when it
may go online. One table, read by the object-storage upload and the nginx configuration.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import re
from dataclasses import dataclass

from icalendar import vDuration

from notices.outputs.calendars import DEFAULT_PUBLISHED_TTL, DEFAULT_REFRESH_INTERVAL

#: Upload phases: what others link to goes online before what links to it.
ASSET, PAGE, LISTING = 0, 1, 2

#: HTML and feeds: an edit or a new notice reaches readers (and CDN edges) within 5 minutes.
SHORT = 300
#: Theme CSS and JavaScript keep their names from build to build: an hour, not for ever.
THEME = 3600
#: Images and attachments are replaced rarely and under a new name.
STATIC = 86400
#: Search index data is only fetched as ``<file>?v=<hash of the whole index>``.
YEAR = 31_536_000


@dataclass(frozen=True)
class FileKind:
    """How one kind of file is served."""

    name: str
    content_type: str
    max_age: int
    phase: int
    immutable: bool = False

    @property
    def cache_control(self) -> str:
        value = f"public, max-age={self.max_age}"
        return value + ", immutable" if self.immutable else value


def calendar_max_age(calendar_settings: dict | None = None) -> int:
    """Seconds a calendar may be cached: the shorter of REFRESH-INTERVAL and X-PUBLISHED-TTL,
    so no cache holds a calendar longer than subscribed apps are told to wait."""
    options = calendar_settings or {}
    durations = []
    for key, default in (("refresh_interval", DEFAULT_REFRESH_INTERVAL),
                         ("published_ttl", DEFAULT_PUBLISHED_TTL)):
        value = options.get(key, default)
        if isinstance(value, str):  # pelicanconf.py spells them as iCalendar durations
            value = vDuration.from_ical(value)
        durations.append(value if isinstance(value, dt.timedelta) else default)
    return int(min(durations).total_seconds())


class KindTable:
    """File path → ``FileKind``, with calendars cached as long as their refresh hint."""

    def __init__(self, calendar_seconds: int | None = None) -> None:
        calendar_seconds = calendar_max_age() if calendar_seconds is None else calendar_seconds
        utf8 = "; charset=utf-8"
        self.html = FileKind("page", "text/html" + utf8, SHORT, PAGE)
        self.listing = FileKind("listing", "text/html" + utf8, SHORT, LISTING)
        self.calendar = FileKind("calendar", "text/calendar" + utf8, calendar_seconds, LISTING)
        self.rss = FileKind("rss", "application/rss+xml" + utf8, SHORT, LISTING)
        self.atom = FileKind("atom", "application/atom+xml" + utf8, SHORT, LISTING)
        self.json_feed = FileKind("json-feed", "application/feed+json" + utf8, SHORT, LISTING)
        self.data = FileKind("json", "application/json" + utf8, SHORT, LISTING)
        self.search_data = FileKind("search-data", "application/octet-stream", YEAR, ASSET,
                                    immutable=True)
        self.search_json = FileKind("search-data", "application/json" + utf8, YEAR, ASSET,
                                    immutable=True)
        self.xml = FileKind("xml", "application/xml" + utf8, SHORT, LISTING)
        self.text = FileKind("text", "text/plain" + utf8, SHORT, LISTING)
        self.css = FileKind("css", "text/css" + utf8, THEME, ASSET)
        self.js = FileKind("js", "text/javascript" + utf8, THEME, ASSET)
        self.wasm = FileKind("wasm", "application/wasm", THEME, ASSET)
        # (pattern on the URL path, kind): the first match wins. nginx gets the same
        # patterns as regex locations, so both ways of serving agree.
        self.rules: list[tuple[str, FileKind]] = [
            (r"^/search/index\.json$", self.data),  # names the version: goes online last
            (r"^/search/.*\.json$", self.search_json),
            # Postings, packs and their offsets tables (the packs are read by Range: no
            # precompressed copy, see notices.build.precompress).
            (r"^/search/.*\.(bin|idx)$", self.search_data),
            (r"^/feeds/.*\.json$", self.json_feed),
            (r"\.rss\.xml$", self.rss),
            (r"\.atom\.xml$", self.atom),
            # Listings (home, category pages and their pages, 订阅, archives) link to the
            # item pages: they go online after them.
            (r"/index\.html$|/page/.*\.html$|^/archives/.*\.html$", self.listing),
            (r"\.html$", self.html),
            (r"\.ics$", self.calendar),
            (r"\.json$", self.data),
            (r"\.css$", self.css),
            (r"\.m?js$", self.js),
            (r"\.wasm$", self.wasm),
            (r"\.xml$", self.xml),
            (r"\.txt$", self.text),
        ]
        self._compiled = [(re.compile(pattern), kind) for pattern, kind in self.rules]

    def kind_of(self, path: str) -> FileKind:
        """The kind of the site-relative ``path`` (``/`` separated)."""
        url_path = "/" + path
        for pattern, kind in self._compiled:
            if pattern.search(url_path):
                return kind
        return self.static_kind(path)

    def static_kind(self, path: str) -> FileKind:
        """Images and attachments: the type from the file name."""
        guessed = mimetypes.guess_type(path, strict=False)[0] or "application/octet-stream"
        if guessed.startswith("text/"):
            guessed += "; charset=utf-8"
        return FileKind("static", guessed, STATIC, ASSET)

    def all_kinds(self) -> list[FileKind]:
        return [self.html, self.listing, self.calendar, self.rss, self.atom, self.json_feed,
                self.data, self.search_data, self.search_json, self.xml, self.text, self.css,
                self.js, self.wasm]

    def version(self) -> str:
        """A digest of the table: when it changes, every object's headers must be set again."""
        text = "\n".join(f"{k.name}|{k.content_type}|{k.cache_control}"
                         for k in self.all_kinds())
        return hashlib.sha256(text.encode()).hexdigest()[:16]
