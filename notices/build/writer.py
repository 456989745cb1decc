"""Which pages to reuse and how to render the others: the Pelican-free half of the writer.

A page whose key (template fingerprint, settings, the notices it shows) is unchanged is
hard-linked from the previous output instead of rendered (``PageKeys``); pages that must be
rendered are queued and rendered in parallel at the end (``render_in_parallel``). Pelican's
side of the writer (its ``Writer`` class, pagination, the ``content_written`` signal) is in
``notices.build.pelican_adapter``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable

from notices.build.cache import PARALLEL_MIN_JOBS, ReaderCache, hash_parts
from notices.build.keys import TemplateDependencies, context_fingerprints, fingerprint_value
from notices.build.workers import BackgroundJob

log = logging.getLogger(__name__)


class PageKeys:
    """The reuse key of a page: what its template reads of its arguments and of the
    shared context, fingerprinted."""

    def __init__(self, store: ReaderCache | None) -> None:
        self._deps = TemplateDependencies(store)
        self._plans: dict[tuple, tuple[bool, list[str], list[str]]] = {}

    def key(self, template, context: dict, kwargs: dict, relative_urls, template_name, url,
            catalog_fp: str) -> str:
        whole_site, shown_names, from_context = self._reads(template, kwargs)
        # Only what the template reads counts (Pelican passes e.g. all_articles everywhere).
        shown = {k: kwargs[k] for k in shown_names}
        return hash_parts(template.name, str(relative_urls), str(template_name), str(url),
                          fingerprint_value(shown), catalog_fp if whole_site else "",
                          *context_fingerprints(context, from_context, shown))

    def _reads(self, template, given) -> tuple[bool, list[str], list[str]]:
        """For a template called with arguments ``given``: whether it reads a site-wide list
        of Pelican's, which arguments it reads, and which names of the shared context it
        reads (sorted). Worked out once per template and set of argument names."""
        cache_key = (template.name, frozenset(given))
        found = self._plans.get(cache_key)
        if found is None:
            read = self._deps.names(template)
            found = self._plans[cache_key] = (
                self._deps.reads_whole_site(template, given),
                [k for k in given if k in read], sorted(read - set(given)))
        return found


class PageContext:
    """A queued page's template context (Pelican's local context: a copy of the shared
    context, the page's site URL and file name, its arguments), made only when the page is
    rendered (``made``).

    Made at once, the local contexts of a cold build's 5,400 queued pages (each a copy of
    the whole shared context, about 3 KiB) were 34 MiB of the build process when its
    rendering worker forked, shared by both; now the pages queued while the shared context
    stays the same share one copy of it (``ContextCopies``)."""

    __slots__ = ("base", "localsiteurl", "siteurl", "name", "kwargs")

    def __init__(self, base: dict, localsiteurl, siteurl, name: str, kwargs: dict) -> None:
        self.base, self.localsiteurl, self.siteurl = base, localsiteurl, siteurl
        self.name, self.kwargs = name, kwargs

    def made(self) -> dict:
        """The local context, as ``pelican_adapter._local_context`` makes it at once."""
        localcontext = self.base.copy()
        localcontext["localsiteurl"] = self.localsiteurl
        if self.siteurl is not None:
            localcontext["SITEURL"] = self.siteurl
        localcontext["output_file"] = self.name
        localcontext.update(self.kwargs)
        return localcontext


class ContextCopies:
    """Copies of the shared context for pages queued one after another: a new copy only
    when the context changed since the last one (its ``localsiteurl``, which every page
    sets for itself, aside). Compared with ``==`` (0.07 s for a cold build's 5,428 pages;
    checking that every value is the same object took three times as long): a value
    replaced by an equal one renders the same."""

    def __init__(self) -> None:
        self._last: dict | None = None

    def now(self, context: dict) -> dict:
        last = self._last
        if last is not None:
            if "localsiteurl" in context:
                last["localsiteurl"] = context["localsiteurl"]  # (each page's own)
            else:
                last.pop("localsiteurl", None)
            try:
                if last == context:
                    return last
            except Exception:  # noqa: BLE001 - a value that cannot be compared: a new copy
                pass
        self._last = context.copy()
        return self._last


def render_in_parallel(jobs: list[tuple[str, object, dict, dict]], workers: int = 2,
                       background: tuple[Callable[[], dict], Callable[[dict], None]] | None = None,
                       start: Callable | None = None) -> None:
    """Render and write each (path, template, local context, shared context), using a
    second process when it pays.

    ``background`` is the build's other queued output (feeds, calendars: ``work``, called
    with the second process's share of the pages to render after its own files, and the
    ``done`` that takes its result here, ``BuildState.background_work``). It runs in the
    same second process, which then takes pages from the end of the list while this one
    takes them from the start, until they meet: one forked process per build, not one per
    kind of output (each fork copies the pages of the build's heap it touches).
    ``start(work, done)`` runs the second process (``BuildState.in_background``, joined
    with the build's other background work); without it the process is waited for here.
    """
    parallel = len(jobs) >= PARALLEL_MIN_JOBS and workers >= 2
    if background is None and not parallel:
        _render_jobs(jobs)
        return
    work, done = background or (_only, lambda result: None)
    claims = _Claims(len(jobs) if parallel else 0)

    def second() -> dict:
        # The background work renders its share of the pages as its last step, so that
        # what they kept in the build cache travels back with its result.
        return work(lambda: _render_jobs(jobs, claims.last))

    if start is None:
        job = BackgroundJob.start(second, done)
        _render_jobs(jobs, claims.first if parallel else None)
        done(job.result())  # raises WorkerFailed (a RuntimeError) with the worker's traceback
        return
    start(second, done)
    _render_jobs(jobs, claims.first if parallel else None)


def _only(then: Callable[[], None]) -> dict:
    """Background work that is only ``then`` (pages, nothing queued besides)."""
    then()
    return {}


class _Claims:
    """Which of ``count`` jobs is whose: the build process takes them from the start, its
    forked worker from the end, each under a lock in memory both share."""

    def __init__(self, count: int) -> None:
        context = multiprocessing.get_context("fork") if hasattr(os, "fork") else multiprocessing
        self._lock = context.Lock()
        self._ends = context.RawArray("q", [0, count])  # the next from the start, the end

    def first(self) -> int | None:
        with self._lock:
            taken, end = self._ends
            if taken >= end:
                return None
            self._ends[0] = taken + 1
            return taken

    def last(self) -> int | None:
        with self._lock:
            taken, end = self._ends
            if taken >= end:
                return None
            self._ends[1] = end - 1
            return end - 1


def _render_jobs(jobs, claim: Callable[[], int | None] | None = None) -> None:
    """Render ``jobs`` in order, or those ``claim`` hands out (an index, None at the end)."""
    made: set[str] = set()
    for path, template, localcontext, shared in (jobs if claim is None else _claimed(jobs, claim)):
        if isinstance(localcontext, PageContext):
            localcontext = localcontext.made()
        if localcontext.get("localsiteurl"):
            # As Pelican does: Content objects read the page's site URL from the shared context.
            shared["localsiteurl"] = localcontext["localsiteurl"]
        output = template.render(localcontext)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(output)


def _claimed(jobs: list, claim: Callable[[], int | None]):
    while (number := claim()) is not None:
        yield jobs[number]
