"""What a long-running process (the live-reload server) keeps from one build to the next.

A build in a new process finds each file's parsed notice in the on-disk cache and each
unchanged file's ``Article`` in the article store (``pelican_adapter.ArticleStore``, which
answers the same questions as this class from a file), but every list derived from the
notices is made again. A process that builds again after each edit keeps, as long as code,
theme and settings are the same (the code fingerprint, and the content folder):

- articles: a file whose size, modification time, change time and inode are unchanged
  (what git's index compares) gives back last build's ``Article``;
- ``remember``-ed values (merged outage events, windows by district and day, calendar
  keys), under keys that hold what they are made from (the schedules' fingerprint);
- Pelican's listing of the content folder, while no folder under it changed;
- the reader cache and the manifest it saved (no unpickling, no JSON, and no check that
  each reused file is still there: this process wrote them).

Everything downstream (catalog, page keys, reuse of outputs) runs as in any build, so the
output is the same as a cold build's (tests/test_warm.py). Such a process also updates
``output/`` in place (``publish.update_in_place``) and saves its caches after the new
output is live (``later``). Only a process that makes a ``WarmState`` (``enable()``) and hands
it to each build keeps anything (``notices.build.serve.Rebuilder``: the live-reload server and
``python -m notices rebuild-on-request``); a one-off build keeps nothing. How Pelican is
asked for kept articles and listings is in ``notices.build.pelican_adapter``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from notices import memo
from notices.build.state import RACY_NS


class KeptArticles:
    """Pelican's question before it reads a file (is last build's article still good?) and
    what it keeps after reading one, answered alike in memory by ``WarmState`` (a
    long-running process) and on disk by ``pelican_adapter.ArticleStore`` (the next process).

    A subclass holds ``articles`` (last build's: path -> (file signature, the Article, when
    it was read in ns)), ``_next`` (this build's, filling) and ``_fresh`` (this build's
    answers), and says which reader cache records the notices kept (``_used_cache``) and
    whether a kept article is whole (``_usable``).
    """

    articles: dict[str, tuple[tuple, object, int]]
    _next: dict[str, tuple[tuple, object, int]]
    _fresh: dict[str, object]

    def _used_cache(self):
        return None

    def _usable(self, article) -> bool:
        return True

    def fresh(self, path: str) -> object | None:
        """The article read from ``path`` last time, if the file is unchanged since
        (``unchanged_since_read``)."""
        if path in self._fresh:  # asked twice a build: by the parser, then by Pelican
            return self._fresh[path]
        entry = self.articles.get(path)
        article = None
        if entry is not None:
            signature, article, read_at = entry
            if (article is None or not self._usable(article)
                    or not unchanged_since_read(path, signature, read_at)):
                article = None
        self._fresh[path] = article
        return article

    def kept_article(self, path: str, generator_context: dict) -> object | None:
        """Last build's article read from ``path`` when the file is unchanged (its parse
        stays in the on-disk cache), resolving its links against this build's context;
        Pelican asks this before it reads a file (``pelican_adapter.keep_articles``)."""
        article = self.fresh(path)
        if article is None:
            return None
        article._context = generator_context  # Pelican's: links resolve against this build
        self._next[path] = self.articles[path]
        cache = self._used_cache()
        if cache is not None:
            cache.used.add(article.notice.content_hash)
        return article

    def keep_article(self, path: str, article) -> None:
        """Keep the article just read from ``path`` for the next build."""
        read_at = time.time_ns()
        signature = file_signature(path)
        if signature is not None:
            self._next[path] = (signature, article, read_at)


@dataclass
class WarmState(KeptArticles):
    """What the last build of this process left for the next one (each ``…_next`` is being
    filled by the build running now and replaces its counterpart when it succeeds)."""

    code: str = ""  # the code fingerprint and content folder these were made with
    # path -> ((size, mtime, ctime, inode), the Article, when it was read in ns)
    articles: dict[str, tuple[tuple, object, int]] = field(default_factory=dict)
    _next: dict[str, tuple[tuple, object, int]] = field(default_factory=dict)
    memo: dict[tuple, object] = field(default_factory=dict)
    _memo_next: dict[tuple, object] = field(default_factory=dict)
    # question -> (folder signatures, the files, when they were listed in ns)
    listings: dict[tuple, tuple] = field(default_factory=dict)
    _listings_next: dict[tuple, tuple] = field(default_factory=dict)
    reader_cache: object = None  # the ReaderCache, loaded once instead of every build
    _cache_folder: str | None = None
    # The manifest this process last saved: (path, file signature, tree inode, code, entries)
    saved_manifest: tuple | None = None
    _fresh: dict[str, object] = field(default_factory=dict)  # this build's answers
    _later: list = field(default_factory=list)  # saving put off until the output is live
    _saving: object = None  # the thread doing it
    _builds: int = 0  # builds of this process (a full collection every COLLECT_EVERY)

    @property
    def primed(self) -> bool:
        """True once a build of this process read the site (what it keeps is loaded)."""
        return bool(self.code)

    def begin(self, code: str) -> None:
        """Start a build with code fingerprint ``code``; other code forgets everything."""
        if code != self.code:
            self.articles.clear()
            self.memo.clear()
            self.listings.clear()
            self.reader_cache = None
        self.code = code
        self._next, self._memo_next, self._fresh, self._listings_next = {}, {}, {}, {}

    def cache(self, folder: str | None, load: Callable[[], object]):
        """The reader cache in ``folder``: loaded from disk for the first build, then kept
        (each build still saves what it changed)."""
        if self.reader_cache is None or self._cache_folder != folder:
            self.reader_cache, self._cache_folder = load(), folder
        self.reader_cache.used.clear()
        return self.reader_cache

    def _used_cache(self):
        return self.reader_cache

    def finish(self, succeeded: bool) -> None:
        """Keep this build's articles (files gone since are forgotten); after a failed
        build keep the last good ones, plus whatever was read fine this time."""
        if succeeded:
            self.articles, self.memo = self._next, self._memo_next
            self.listings = self._listings_next
        else:
            self.articles.update(self._next)
            self.memo.update(self._memo_next)
            self.listings.update(self._listings_next)
        self._next, self._memo_next, self._listings_next = {}, {}, {}

    def listing(self, root: str, question: tuple, answer: Callable[[], set[str]]) -> set[str]:
        """Pelican's answer to which content files there are (``get_files``), kept while no
        folder under ``root`` changed (a file added, removed or renamed changes its folder's
        times; as for files, a folder changed just before it was listed is not trusted)."""
        folders = _folder_signatures(root)
        kept = self.listings.get(question)
        if kept is not None and kept[0] == folders and all(
                max(mtime, ctime) < kept[2] - RACY_NS for _, mtime, ctime, _ in folders):
            self._listings_next[question] = kept
            return set(kept[1])
        listed_at = time.time_ns()
        files = answer()
        self._listings_next[question] = (folders, set(files), listed_at)
        return files

    def later(self, work: Callable[[], None]) -> None:
        """Do ``work`` (saving the reader cache, the manifest) after the new output is in
        place, in a thread (``save_in_background``); the next build waits for it first."""
        self._later.append(work)

    def save_in_background(self, collector_paused: bool = False) -> None:
        """Start the work put off by ``later``, in order, in one thread, which then frees
        the garbage of the build (``collect_garbage``), after any build; with
        ``collector_paused`` (the build ran with the cycle collector off) it collects the
        young objects and turns the collector on again (``settle`` waits for both)."""

        work, self._later = self._later, []
        self._builds += 1
        full = self._builds % COLLECT_EVERY == 0

        def run() -> None:
            for item in work:
                try:
                    item()
                except Exception:  # noqa: BLE001 - a state not saved means a slower build

                    logging.getLogger(__name__).warning("saving the build state failed",
                                                        exc_info=True)
            if collector_paused:
                if not full:
                    gc.collect(0)
                gc.enable()
            collect_garbage(full)

        self.settle()
        self._saving = threading.Thread(target=run, name="notices-save")
        self._saving.start()

    def settle(self) -> None:
        """Wait until the state of the last build is saved."""
        if self._saving is not None:
            self._saving.join()
            self._saving = None

    def remember(self, key: tuple, compute: Callable[[], object]) -> object:
        value = self._memo_next[key] = self.memo[key] if key in self.memo else compute()
        return value




def _malloc_trim():
    """glibc's ``malloc_trim``, or None (another C library, or not Linux)."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _malloc_trim()


# A full collection takes about 0.13 s of CPU at 1,000 items (0.6 s at 5,000), too much
# after every build of the live-reload server; every tenth keeps the garbage of at most ten.
COLLECT_EVERY = 10


def collect_garbage(full: bool) -> None:
    """After a build of a long-running process: free its garbage (``full``: all of it, with
    a full collection), and give the memory back.

    A build leaves cycles behind (Pelican's generators and contexts), which the collector's
    own thresholds let wait for many builds; glibc keeps freed memory in the arena of the
    thread that used it (each build runs in new threads: the server's, the index update's,
    this one; ``malloc_trim`` takes a millisecond). Without this the live-reload server grew
    by about 0.3 MiB an edit although no object was kept (basic fixture site: +12.5 MiB
    over 20 edits, +3 MiB with it).
    """
    if full:
        gc.collect()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


def file_signature(path: str) -> tuple | None:
    """Size, modification and change times and inode of a file (None if it is missing)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def unchanged_since_read(path: str, signature: tuple, read_at: int) -> bool:
    """True when ``path`` still has the ``signature`` it had when it was read at
    ``read_at`` (ns), and was not changed just before that read.

    As git does with its index, a file changed shortly before it was read is not
    trusted: a second change within the file system's timestamp granularity (a few
    milliseconds; two seconds on FAT) could keep size and times unchanged.
    """
    return (signature == file_signature(path)
            and max(signature[1], signature[2]) < read_at - RACY_NS)


def _folder_signatures(root: str) -> list[tuple]:
    """(path, mtime, ctime, inode) of ``root`` and every folder under it, in walk order."""
    signatures = []
    for folder, _, _ in os.walk(root):
        stat = os.stat(folder)
        signatures.append((folder, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino))
    return signatures


def enable() -> WarmState:
    """A new warm state, whose ``remember`` the content layers use (``notices.memo``).

    The caller owns it (the live-reload server's ``Rebuilder``) and hands it to each build
    (``driver.build(..., warm=state)``)."""
    state = WarmState()
    memo.install(state.remember)
    return state


def disable() -> None:
    """Forget kept values and build as a one-off process does (tests)."""
    memo.install(None)
