"""``IncrementalWriter``: Pelican's writer, but a page whose key (template fingerprint,
settings, the notices it shows) is unchanged is hard-linked from the previous output
instead of rendered; pages that must be rendered are rendered in parallel at the end.
"""

from __future__ import annotations

import logging
import os

from pelican.paginator import Paginator
from pelican.writers import Writer

from notices.build.cache import PARALLEL_MIN_JOBS, hash_parts
from notices.build.keys import TemplateDependencies, context_fingerprints, fingerprint_value
from notices.build.workers import BackgroundJob

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------
# The writer


class _Deferred(str):
    """Stands for a page whose rendering is postponed to the parallel flush."""

    __slots__ = ("job",)


class _DeferredTemplate:
    def __init__(self, template, shared_context: dict):
        self.template, self.shared_context = template, shared_context

    def render(self, localcontext):
        marker = _Deferred("")
        marker.job = (self.template, localcontext, self.shared_context)
        return marker


class _Recorder:
    """A file object for Pelican's writer that queues deferred pages instead of writing."""

    def __init__(self, writer: IncrementalWriter, path: str, encoding: str):
        self.writer, self.path, self.encoding = writer, path, encoding

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, text):
        if isinstance(text, _Deferred):
            self.writer.jobs.append((self.path, *text.job))
        else:
            with open(self.path, "w", encoding=self.encoding) as handle:
                handle.write(text)


class IncrementalWriter(Writer):
    """Pelican's writer with page reuse by key and parallel rendering."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        state = settings["NOTICES_BUILD_STATE"]  # a notices.build.session.BuildState
        self.state = state
        state.writer = self
        self.jobs: list[tuple[str, object, dict, dict]] = []
        self._files_of_call: list[str] | None = None
        self._deps = TemplateDependencies(state.cache)
        self._plans: dict[tuple, tuple[bool, list[str], list[str]]] = {}

    def _open_w(self, filename, encoding, override=False):
        # Pelican's bookkeeping (no file is written twice), without opening the file now:
        # each file is created once, when its page is rendered.
        if filename in self._overridden_files:
            if override:
                raise RuntimeError(f'Failed to overwrite "{filename}" a second time')
            return _Recorder(self, os.devnull, encoding)
        if filename in self._written_files and not override:
            raise RuntimeError(f'Failed to overwrite "{filename}": written before in this build')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        if self._files_of_call is not None:
            self._files_of_call.append(os.path.relpath(filename, self.output_path))
        return _Recorder(self, filename, encoding)

    def write_file(self, name, template, context, relative_urls=False, paginated=None,
                   template_name=None, override_output=False, url=None, **kwargs):
        if not name:
            return None
        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in ("articles", "dates")}
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            self._write_pages(name, template, context, relative_urls, paginated, template_name,
                              override_output, url, kwargs)
            return None
        state = self.state
        whole_site, shown_names, from_context = self._reads(template, kwargs)
        # Only what the template reads counts (Pelican passes e.g. all_articles everywhere).
        shown = {k: kwargs[k] for k in shown_names}
        key = hash_parts(template.name, str(relative_urls), str(template_name), str(url),
                    fingerprint_value(shown),
                    state.catalog_fp if whole_site else "",
                    *context_fingerprints(context, from_context, shown))
        # Notices carry override_save_as (freeze_urls in notice_reader), so Pelican passes
        # override_output for every article page; the key alone decides reuse.
        if state.manifest.reusable(name, key):
            return None
        self._files_of_call = []
        try:
            super().write_file(name, _DeferredTemplate(template, context), context, relative_urls,
                               paginated, template_name, override_output, url, **kwargs)
            state.manifest.record(name, key, self._files_of_call)
        finally:
            self._files_of_call = None
        return None

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

    def _write_pages(self, name, template, context, relative_urls, paginated, template_name,
                     override_output, url, kwargs) -> None:
        """Pelican's pagination, with a key per page: an edited notice re-renders the page
        that shows it (and its neighbours, which link to it), not every page of the list."""

        per_page = (self.settings["PAGINATED_TEMPLATES"][template_name]
                    or self.settings["DEFAULT_PAGINATION"])
        paginators = {key: Paginator(name, url, items, self.settings, per_page)
                      for key, items in paginated.items()}
        # One Page object per page, shared by its neighbours (Pelican makes three).
        pages = {key: [paginator.page(n) for n in range(1, paginator.num_pages + 1)]
                 for key, paginator in paginators.items()}
        for number in range(next(iter(paginators.values())).num_pages):
            page_kwargs = kwargs.copy()
            for key, paginator in paginators.items():
                page = pages[key][number]
                page_kwargs.update({
                    f"{key}_paginator": paginator,
                    f"{key}_page": page,
                    f"{key}_previous_page": pages[key][number - 1] if number > 0 else None,
                    f"{key}_next_page": (pages[key][number + 1]
                                         if number + 1 < paginator.num_pages else None),
                })
            # As one page without pagination: Pelican renders each page exactly so.
            self.write_file(page.save_as, template, context, relative_urls, {}, template_name,
                            override_output, None, **page_kwargs)

    def flush(self, workers: int = 2) -> None:
        """Render and write every queued page, using a second process when it pays."""
        jobs, self.jobs = self.jobs, []
        if not jobs:
            return
        if len(jobs) < PARALLEL_MIN_JOBS or workers < 2:
            _render_jobs(jobs)
            return
        share = jobs[len(jobs) // 2:]
        worker = BackgroundJob.start(lambda: _render_jobs(share) or {}, lambda result: None)
        _render_jobs(jobs[: len(jobs) // 2])
        worker.result()  # raises WorkerFailed (a RuntimeError) with the worker's traceback


def _render_jobs(jobs) -> None:
    made: set[str] = set()
    for path, template, localcontext, shared in jobs:
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
