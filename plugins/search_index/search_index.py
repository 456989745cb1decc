"""Pelican plugin: the search page and its index.

Writes ``search/index.html`` (template ``search.html``) and, once per build, the index of
one record per article, tender, schedule and outage window into ``search/`` inside the
build's staging folder, so the index is swapped in with the pages it describes. How records
are cut, matched and indexed lives in ``notices.search``; docs/search.md explains why.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pydantic import Field

from notices import timing
from notices.model import KIND_LABELS
from notices.search import SearchIndexError, build_index, search_records
from notices.settings import PluginSettings, load_plugin_settings

MANIFEST_ENTRY = "::search"
INDEX_FOLDER = "search"
DISPLAY_FOLDER = "search/r/"  # one file per record, reused when its bytes are the same

# Under "pelican" so the build driver counts an indexing failure as an error of the build.
log = logging.getLogger("pelican.plugins.search_index")


class SearchSettings(PluginSettings):
    """``SEARCH`` in pelicanconf.py."""

    #: Build the search index (off, the search page says search is unavailable).
    index: bool = True
    #: Results shown at once; "显示更多" shows this many more.
    results_per_page: int = Field(20, ge=1)
    #: Average size of an index file in bytes. A query of n characters downloads about
    #: n / 3 of them; smaller files mean more of them (measurements in docs/search.md).
    bucket_bytes: int = Field(8192, ge=512)


class SearchPageGenerator(Generator):
    """Write the search page and, when enabled, the search index."""

    def generate_context(self) -> None:
        self.options = load_plugin_settings(self.settings, "SEARCH", SearchSettings)
        self.context["SEARCH"] = self.options

    def generate_output(self, writer) -> None:
        catalog = self.context["catalog"]
        months: dict[str, list[str]] = defaultdict(list)
        for month in sorted({f"{n.date:%Y-%m}" for n in catalog.notices} | {
                f"{e.window.date:%Y-%m}" for e in catalog.windows}, reverse=True):
            months[month[:4]].append(month)
        writer.write_file(
            "search/index.html", self.get_template("search"), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], page_name="search/index",
            search_kinds=[(k.value, label) for k, label in KIND_LABELS.items()],
            search_months=list(months.items()), search_index=self.options.index,
        )
        if not self.options.index:
            return
        state = self.settings.get("NOTICES_BUILD_STATE")
        if state is not None and self._reuse_previous_index(state):
            return
        try:
            with timing.phase("search"):
                self._write_index(catalog, state)
        except SearchIndexError as exc:
            log.error("search index: %s", exc)

    def _write_index(self, catalog, state) -> None:
        records = search_records(catalog)
        key = hashlib.sha256(repr([MANIFEST_ENTRY, self.options.bucket_bytes] + [
            (r.url, r.text, r.filters, r.display) for r in records]).encode()).hexdigest()
        if state is not None and state.manifest.reusable(MANIFEST_ENTRY, key) and all(
                state.manifest.reusable(name, entry["key"])
                for name, entry in state.manifest.previous.items()
                if name.startswith(DISPLAY_FOLDER)):
            return  # the same records: the previous index is linked into the new tree
        index = build_index(records, self.options.bucket_bytes, filter_values={
            "kind": [k.value for k in KIND_LABELS],
            "district": [d.slug for d in catalog.districts]})
        root = Path(self.output_path) / INDEX_FOLDER
        written = []
        for name, data in index.files.items():
            path = f"{INDEX_FOLDER}/{name}"
            if state is not None and path.startswith(DISPLAY_FOLDER):
                state.write_output(path, [data], lambda data=data: data)
                continue
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
            written.append(path)
        if state is not None:
            state.manifest.record(MANIFEST_ENTRY, key, written)
        log.info("search index: %d records, %d tokens in %d buckets (%d KiB)", index.records,
                 index.tokens, index.buckets, sum(map(len, index.files.values())) // 1024)

    def _reuse_previous_index(self, state) -> bool:
        """Carry the previous build's index over unchanged.

        Only when the build driver asks for it (``NOTICES_REUSE_SEARCH``): the pages go live
        at once and a full build right after brings the index up to date, which keeps
        indexing off an editor's critical path.
        """
        previous = state.manifest.previous
        if not self.settings.get("NOTICES_REUSE_SEARCH") or MANIFEST_ENTRY not in previous:
            return False
        # Keeping the previous entries (and keys) makes the next full build see that the
        # index is out of date and replace it.
        return all(state.manifest.reusable(name, entry["key"])
                   for name, entry in previous.items()
                   if name == MANIFEST_ENTRY or name.startswith(DISPLAY_FOLDER))


def get_generators(pelican):
    return SearchPageGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
