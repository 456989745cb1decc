"""Pelican plugin: the search page and its Pagefind index.

Writes ``search/index.html`` (template ``search.html``) and, once per build, indexes one
record per article, tender, schedule and outage window with Pagefind into ``pagefind/``
inside the build's staging folder, so the index is swapped in with the pages it describes.
How records are cut and matched lives in ``notices.search``; docs/search.md explains why.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pydantic import Field

from notices import timing
from notices.model import KIND_LABELS
from notices.search import SearchIndexError, build_index, search_pages, slot_stride
from notices.settings import PluginSettings, load_plugin_settings

MANIFEST_ENTRY = "::search"
INDEX_FOLDERS = ("pagefind", "search/r")


def _key(parts: list[str]) -> str:
    import hashlib

    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


# Under "pelican" so the build driver counts an indexing failure as an error of the build.
log = logging.getLogger("pelican.plugins.search_index")


class SearchSettings(PluginSettings):
    """``SEARCH`` in pelicanconf.py."""

    #: Build the Pagefind index (off, the search page says search is unavailable).
    index: bool = True
    #: Results shown at once; "显示更多" shows this many more.
    results_per_page: int = Field(20, ge=1)
    #: Word positions per Pagefind index file (Pagefind's default is 20000). Smaller files
    #: cost fewer bytes per query but lengthen the file list every visitor downloads; 6000
    #: balances the two for 5,000 items (measurements in docs/search.md).
    chunk_size: int = Field(6000, ge=500)


class SearchPageGenerator(Generator):
    """Write the search page and, when enabled, the search index."""

    def generate_context(self) -> None:
        self.options = load_plugin_settings(self.settings, "SEARCH", SearchSettings)
        self.context["SEARCH"] = self.options

    def generate_output(self, writer) -> None:
        catalog = self.context["catalog"]
        reused = self._reuse_previous_index()
        # Cutting records is not free at 5,000 items: skip it when the old index is kept.
        pages = search_pages(catalog) if reused is None else None
        stride = reused if reused is not None else slot_stride(pages)
        months: dict[str, list[str]] = defaultdict(list)
        for month in sorted({f"{n.date:%Y-%m}" for n in catalog.notices} | {
                f"{e.window.date:%Y-%m}" for e in catalog.windows}, reverse=True):
            months[month[:4]].append(month)
        writer.write_file(
            "search/index.html", self.get_template("search"), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], page_name="search/index",
            search_kinds=[(k.value, label) for k, label in KIND_LABELS.items()],
            search_months=list(months.items()), search_index=self.options.index,
            search_stride=stride,
        )
        if not self.options.index or reused is not None:
            return
        state = self.settings.get("NOTICES_BUILD_STATE")
        key = [MANIFEST_ENTRY, repr(pages), str(stride), str(self.options.chunk_size)]
        if state is not None and state.manifest.reusable(MANIFEST_ENTRY, _key(key)):
            return  # same records: the previous index is linked into the new tree
        try:
            with timing.phase("search"):
                report = build_index(pages, Path(self.output_path), stride=stride,
                                     chunk_size=self.options.chunk_size)
        except SearchIndexError as exc:
            log.error("search index: %s", exc)
            return
        if state is not None:
            state.manifest.record(MANIFEST_ENTRY, _key(key), self._index_files())
        log.info("search index: %d records on %d pages in %.2f s (%d KiB)", report.records,
                 report.pages, report.seconds, report.bundle_bytes // 1024,
                 extra={"search_report": report})
        self._remember_stride(stride)

    def _index_files(self) -> list[str]:
        root = Path(self.output_path)
        return [str(p.relative_to(root)) for folder in INDEX_FOLDERS
                for p in (root / folder).rglob("*") if p.is_file()]

    # Deferred indexing (livereload, `python -m notices build --defer-search`) ------------

    def _stride_file(self) -> Path | None:
        cache = self.settings.get("CACHE_PATH")
        return Path(cache) / "search-stride.json" if cache else None

    def _remember_stride(self, stride: int) -> None:
        path = self._stride_file()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({"stride": stride}), "utf-8")

    def _reuse_previous_index(self) -> int | None:
        """Carry the previous build's index over unchanged; return its slot stride.

        Only when the build driver asks for it (``NOTICES_REUSE_SEARCH``): the pages go live
        at once and a full build right after brings the index up to date, which keeps
        Pagefind's tens of seconds off an editor's critical path.
        """
        state = self.settings.get("NOTICES_BUILD_STATE")
        stride_file = self._stride_file()
        if not (self.settings.get("NOTICES_REUSE_SEARCH") and self.options.index
                and state is not None and stride_file is not None and stride_file.is_file()):
            return None
        previous = state.manifest.previous.get(MANIFEST_ENTRY)
        # Keeping the previous entry (and its key) makes the next full build see that the
        # index is out of date and replace it.
        if previous is None or not state.manifest.reusable(MANIFEST_ENTRY, previous["key"]):
            return None
        return int(json.loads(stride_file.read_text("utf-8"))["stride"])


def get_generators(pelican):
    return SearchPageGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
