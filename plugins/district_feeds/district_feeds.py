"""Pelican plugin: RSS 2.0, Atom 1.0 and JSON Feed 1.1 per district, per kind and for the site.

Reads the shared ``catalog``; which feeds exist, which items each holds and the file
contents live in ``notices.feeds``. Writes (see docs/feeds.md):

- ``feeds/all.{rss.xml,atom.xml,json}``: everything;
- ``feeds/kinds/<kind>.*``: articles, tenders, outages;
- ``feeds/districts/<slug>.*``: every declared district, even one with nothing (empty feed);
- ``feeds/districts/<slug>/<kind>.*`` for the kinds in ``district_kinds`` (outages);
- ``subscribe/index.html``: the 订阅 page listing every feed.

Pelican's own feedgenerator feeds stay off (FEED_* = None in pelicanconf.py). The theme
reaches the feeds through ``district_feeds`` in the template context.
"""

from __future__ import annotations

import os

from pelican import signals
from pelican.generators import Generator

from notices.feeds import (
    SETTING,
    DistrictFeedsSettings,
    FeedDirectory,
    FeedItems,
    build_feeds,
    feed_files,
)
from notices.settings import load_plugin_settings
from notices.timing import phase
from notices.urls import site_base


class DistrictFeedsGenerator(Generator):
    """Write every feed file and the 订阅 page."""

    def generate_context(self) -> None:
        self.options = load_plugin_settings(self.settings, SETTING, DistrictFeedsSettings)
        self.directory = FeedDirectory(self.settings, self.options,
                                       self.settings["DISTRICT_TABLE"])
        # Set before any page is written: base.html announces the site feed on every page.
        self.context["district_feeds"] = self.directory

    def _bodies(self) -> dict[str, str]:
        """Item bodies with Pelican's {filename} links resolved against the absolute site."""
        base = site_base(self.settings)
        bodies = {}
        for key in ("articles", "hidden_articles", "drafts"):
            for article in self.context.get(key) or []:
                notice = getattr(article, "notice", None)
                if notice is not None:
                    bodies[notice.source_id] = article.get_content(base)
        return bodies

    def generate_output(self, writer) -> None:
        with phase("feeds"):
            self._write_feeds()
        writer.write_file(
            "subscribe/index.html", self.get_template("subscribe"), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], page_name="subscribe/index",
        )

    def _write_feeds(self) -> None:
        catalog = self.context["catalog"]
        reader = self.settings.get("NOTICE_READER_SETTINGS")
        items = FeedItems(self.settings, self.options, catalog.districts, self._bodies(),
                          summary_chars=getattr(reader, "summary_chars", 120))
        for path, data in feed_files(build_feeds(catalog, self.directory, items),
                                     self.directory):
            target = os.path.join(self.output_path, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(data)


def get_generators(pelican):
    return DistrictFeedsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
