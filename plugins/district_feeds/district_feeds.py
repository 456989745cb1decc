"""Pelican plugin: RSS 2.0, Atom 1.0 and JSON Feed 1.1 per district, per kind and for the site.

Reads the shared ``catalog``; which feeds exist, which items each holds and the file
contents live in ``notices.outputs.feeds``. Writes (see docs/feeds.md):

- ``feeds/all.{rss.xml,atom.xml,json}``: everything;
- ``feeds/kinds/<kind>.*``: articles, tenders, outages;
- ``feeds/districts/<slug>.*``: every declared district, even one with nothing (empty feed);
- ``feeds/districts/<slug>/<kind>.*`` for the kinds in ``district_kinds`` (outages);
- ``subscribe/index.html``: the 订阅 page listing every feed.

Pelican's own feedgenerator feeds stay off (FEED_* = None in pelicanconf.py). The theme
reaches the feeds through ``district_feeds`` in the template context.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property

from pelican import signals
from pelican.generators import Generator

from notices.build.pelican_adapter import current_build
from notices.build.session import outputs_in_background, write_rendered
from notices.content.settings import load_plugin_settings
from notices.outputs.feeds import (
    SETTING,
    WRITERS,
    DistrictFeedsSettings,
    Feed,
    FeedDirectory,
    FeedItems,
    build_feeds,
    feed_notices,
)
from notices.outputs.urls import site_base
from notices.timing import phase


class DistrictFeedsGenerator(Generator):
    """Write every feed file and the 订阅 page."""

    def generate_context(self) -> None:
        self.options = load_plugin_settings(self.settings, SETTING, DistrictFeedsSettings)
        self.directory = FeedDirectory(self.settings, self.options,
                                       self.settings["DISTRICT_TABLE"],
                                       lambda: self.context.get("catalog"))
        # Set before any page is written: base.html announces the site feed on every page.
        self.context["district_feeds"] = self.directory
        # The feeds are decided on as soon as the catalog is ready, before the pages: an
        # edit's few feed files are written by a second process from then on
        # (``BuildState.outputs_ahead``); many (a cold build) wait for their block below.
        self._held: list | None = None
        state = current_build()
        if state is not None and state.writes:
            state.when_catalog_ready(lambda catalog: self._feeds_ahead(state))

    def _feeds_ahead(self, state) -> None:
        with phase("feeds"):
            self._held = state.outputs_ahead(self._write_feeds)

    def _bodies(self) -> _LazyBodies:
        """Item bodies with Pelican's {filename} links resolved against the absolute site."""
        context = self.context

        def articles() -> dict:
            found = {}
            for key in ("articles", "hidden_articles", "drafts"):
                for article in context.get(key) or []:
                    notice = getattr(article, "notice", None)
                    if notice is not None:
                        found[notice.source_id] = article
            return found

        return _LazyBodies(articles, site_base(self.settings))

    def generate_output(self, writer) -> None:
        # Feeds that must be rendered are rendered in a second process while pages are written.
        state = current_build()
        with phase("feeds"), outputs_in_background(state):
            if self._held is None:
                self._write_feeds()
            else:  # decided when the catalog was ready (``_feeds_ahead``)
                state.queue(self._held)
        writer.write_file(
            "subscribe/index.html", self.get_template("subscribe"), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], page_name="subscribe/index",
        )

    def _write_feeds(self) -> None:
        """Write every feed file; one whose notices did not change is reused as it was."""
        catalog = self.context["catalog"]
        directory = self.directory
        reader = self.settings.get("NOTICE_READER_SETTINGS")
        calendars = self.context.get("outage_calendar")
        corrections = calendars.events.corrections if calendars is not None else None
        items = FeedItems(self.settings, self.options, catalog.districts, self._bodies(),
                          summary_chars=getattr(reader, "summary_chars", 120),
                          corrections=corrections)
        state = current_build()
        for spec in directory.specs:
            notices = feed_notices(catalog, spec, directory.options.limit)
            if not notices or any(not n.content_hash for n in notices) or state is None:
                key = None  # an empty feed's date comes from the whole catalog: always write
            else:
                # A schedule's corrections depend on earlier schedules: in the key too.
                key = ["district_feeds", spec.key, *(
                    f"{n.source_id}:{n.content_hash}:{n.url}:" + ",".join(
                        c.fingerprint for c in (corrections(n) if corrections else ()))
                    for n in notices)]
            built: list[Feed] = []

            def render(fmt, spec=spec, built=built):
                if not built:
                    built.extend(build_feeds(catalog, directory, items, [spec]))
                return WRITERS[fmt.name](built[0], directory)

            for fmt in directory.formats:
                path = directory.path(spec, fmt)
                if key is not None:
                    state.write_output(path, [*key, fmt.name], lambda fmt=fmt, r=render: r(fmt))
                    continue
                write_rendered(self.output_path, path, lambda fmt=fmt, r=render: r(fmt))


class _LazyBodies(Mapping):
    """Resolve an article's links only when its feed is actually written (and find the
    articles only then: in the process that writes the feeds, which is not the build's
    when they are written in the background)."""

    def __init__(self, articles: Callable[[], dict], base: str) -> None:
        self._find, self._base, self._done = articles, base, {}

    @cached_property
    def _articles(self) -> dict:
        return self._find()

    def __getitem__(self, source_id: str) -> str:
        if source_id not in self._done:
            self._done[source_id] = self._articles[source_id].get_content(self._base)
        return self._done[source_id]

    def __iter__(self):
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)


def get_generators(pelican):
    return DistrictFeedsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
