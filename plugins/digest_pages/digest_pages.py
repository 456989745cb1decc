"""Pelican plugin: district pages, the archive, and the theme's date filters.

Writes ``robots.txt`` (naming the sitemap when pelican-sitemap makes one),
``districts/index.html`` and one ``districts/<slug>/index.html`` per declared district
(its items, newest first, its outage windows by day, cancelled ones marked, and its towns),
one ``districts/<slug>/<town>/index.html`` per town a window names (its windows by day and
its calendar and feeds to subscribe to), and the
archive: ``archives/index.html`` (years and months with their counts) and one
``archives/<year>/index.html`` per year (its items by month). The home page, kind lists and
item pages are Pelican's own templates, fed by the shared ``catalog``.
"""

from __future__ import annotations

import datetime as dt

from pelican import signals
from pelican.generators import Generator
from pydantic import Field

from notices.build.pelican_adapter import current_build
from notices.build.session import write_rendered
from notices.content.catalog import schedule_windows, windows_by_day
from notices.content.settings import PluginSettings, load_plugin_settings
from notices.outputs.filters import FILTERS


class DigestPagesSettings(PluginSettings):
    """``DIGEST_PAGES`` in pelicanconf.py."""

    #: Items per kind shown on the home page.
    home_items: int = 8
    #: Items listed on a district page.
    district_items: int = 50
    #: Outage windows on a district page: those on or after this many days before the
    #: newest item's date (older ones are on their schedules' pages, in the archive).
    district_window_days: int = Field(default=60, ge=1)


class DigestPagesGenerator(Generator):
    """Write the district pages and the archive."""

    def generate_context(self) -> None:
        self.options = load_plugin_settings(self.settings, "DIGEST_PAGES", DigestPagesSettings)
        self.context["DIGEST"] = self.options

    def generate_output(self, writer) -> None:
        catalog = self.context["catalog"]
        relative = self.settings["RELATIVE_URLS"]
        writer.write_file(
            "districts/index.html", self.get_template("districts"), self.context,
            relative_urls=relative, page_name="districts/index",
        )
        since = catalog.newest_date.date() - dt.timedelta(
            days=self.options.district_window_days) if catalog.newest_date else None
        for district in catalog.districts:
            items = catalog.in_district(district)
            windows = catalog.windows_in(district)
            recent = catalog.windows_since(windows, since)
            writer.write_file(
                f"districts/{district.slug}/index.html", self.get_template("district"),
                self.context, relative_urls=relative, district=district,
                items=items[: self.options.district_items], item_count=len(items),
                district_days=catalog.windows_by_day(recent), windows_since=since,
                older_window_count=len(windows) - len(recent),
                page_name=f"districts/{district.slug}/index",
            )
        for town in catalog.towns:
            windows = catalog.windows_in_town(town)
            recent = catalog.windows_since(windows, since)
            writer.write_file(
                f"{town.page}index.html", self.get_template("town"), self.context,
                relative_urls=relative, town=town,
                district=catalog.districts.by_slug(town.district_slug),
                town_days=catalog.windows_by_day(recent), windows_since=since,
                window_count=len(windows), older_window_count=len(windows) - len(recent),
                page_name=f"{town.page}index",
            )
        self._archive(writer, catalog, relative)
        self._robots()

    def _robots(self) -> None:
        """``robots.txt``: every page may be crawled; the sitemap is named with an absolute
        URL (SITEURL, or FEED_DOMAIN in development, where SITEURL is empty)."""
        text = robots_txt(self.settings)
        state = current_build()
        if state is None:  # Pelican run without the build driver
            write_rendered(self.output_path, "robots.txt", text.encode)
        else:
            state.write_output("robots.txt", ["robots.txt", text], text.encode)

    def _archive(self, writer, catalog, relative) -> None:
        # One page per year (a single page of every item was 1.1 MB at 5,000 items, and
        # any edit rendered it again); the index shows only the counts.
        writer.write_file(
            "archives/index.html", self.get_template("archives"), self.context,
            relative_urls=relative, page_name="archives/index",
            archive_summary=catalog.archive_summary, item_count=len(catalog.notices),
        )
        years = list(catalog.by_year)
        for position, (year, months) in enumerate(catalog.by_year.items()):
            writer.write_file(
                f"archives/{year}/index.html", self.get_template("archive_year"), self.context,
                relative_urls=relative, page_name=f"archives/{year}/index", year=year,
                months=months, item_count=sum(len(items) for _, items in months),
                newer_year=years[position - 1] if position > 0 else None,
                older_year=years[position + 1] if position + 1 < len(years) else None,
            )


class WindowGrouper:
    """``group_windows(entries)`` for templates: by day, then by district in declared order.

    A global function rather than a ``catalog`` method, so that a schedule page does not
    read the whole catalog and is not rendered again when an unrelated item changes.
    """

    def __init__(self, districts) -> None:
        self.districts = districts

    def __call__(self, entries):
        return windows_by_day(list(entries), self.districts)

    def __repr__(self) -> str:
        return "group_windows"


SITEMAP_PLUGINS = ("sitemap", "pelican.plugins.sitemap")


def robots_txt(settings: dict) -> str:
    """What crawlers are told: everything may be crawled, and where the sitemap is."""
    lines = ["User-agent: *", "Allow: /"]
    if any(name in SITEMAP_PLUGINS for name in settings.get("PLUGINS") or ()):
        base = (settings["SITEURL"] if "://" in settings["SITEURL"]
                else settings.get("FEED_DOMAIN") or "").rstrip("/")
        extension = settings.get("SITEMAP", {}).get("format", "xml")
        lines += ["", f"Sitemap: {base}/sitemap.{extension}"]
    return "\n".join(lines) + "\n"


def add_filters(pelican) -> None:
    settings = pelican.settings
    settings.setdefault("JINJA_FILTERS", {}).update(FILTERS)
    settings.setdefault("JINJA_GLOBALS", {}).update(
        group_windows=WindowGrouper(settings["DISTRICT_TABLE"]),
        schedule_windows=schedule_windows,
    )


def get_generators(pelican):
    return DigestPagesGenerator


def register() -> None:
    signals.initialized.connect(add_filters)
    signals.get_generators.connect(get_generators)
