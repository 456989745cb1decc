"""Pelican plugin: outage and tender calendars (.ics), open data (.json) and the 停电日历 page.

Reads the shared ``catalog``; the merging of windows into events lives in
``notices.outputs.outage_events`` and the iCalendar writing in
``notices.outputs.calendars``. Writes:

- ``calendars/outages.ics`` and ``calendars/outages/<district>.ics`` (every declared
  district, even one without windows), to subscribe to;
- ``calendars/schedules/<slug>.ics`` (one schedule) and ``calendars/windows/<key>.ics``
  (one window), to add once;
- ``calendars/tenders.ics`` and ``calendars/tenders/<district>.ics``;
- ``calendars/outages/<district>/<town>.ics`` for every town a window names;
- ``data/outages.json``, ``data/outages/<district>.json``, ``data/outages/<district>/<town>.json``
  and ``data/towns.json`` (every town with its counts and the URLs of its outputs);
- ``calendar/index.html`` and ``calendar/<district>/index.html``.

The theme reaches the files through ``outage_calendar`` in the template context.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any

from icalendar import vDuration
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator
from pydantic import BeforeValidator, field_validator
from pydantic_core import PydanticCustomError

from notices import timing
from notices.build.pelican_adapter import current_build
from notices.build.session import outputs_in_background, write_rendered
from notices.content.catalog import Catalog, WindowEntry, schedule_windows
from notices.content.districts import District
from notices.content.model import TIMEZONE, Kind, Notice
from notices.content.problems import quote
from notices.content.settings import PluginSettings, load_plugin_settings
from notices.content.towns import Town
from notices.memo import keeping, remember
from notices.outputs.calendars import (
    DEFAULT_PUBLISHED_TTL,
    DEFAULT_REFRESH_INTERVAL,
    SerializedEvent,
    Subscription,
    calendar_ics,
    outage_vevent,
    serialize_event,
    tender_vevents,
    uid,
)
from notices.outputs.outage_events import (
    MergeCheckpoint,
    OutageEvent,
    OutageEvents,
    catalog_events,
    event_record,
    local_iso,
    retention_cutoff,
)
from notices.outputs.urls import absolute

SETTING = "OUTAGE_CALENDAR"


def _duration(value: Any) -> dt.timedelta:
    if isinstance(value, dt.timedelta) and value > dt.timedelta(0):
        return value
    if isinstance(value, str) and re.fullmatch(r"P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)", value):
        try:
            parsed = vDuration.from_ical(value)
        except ValueError:
            parsed = None
        if parsed and parsed > dt.timedelta(0):
            return parsed
    raise PydanticCustomError(
        "duration", 'Expected an iCalendar duration such as "PT6H" (6 hours), "P1D" (1 day) '
        'or "P26W" (26 weeks)', {"value": quote(value)})


Duration = Annotated[dt.timedelta, BeforeValidator(_duration)]


class OutageCalendarSettings(PluginSettings):
    """``OUTAGE_CALENDAR`` in pelicanconf.py (durations are iCalendar durations: "PT6H")."""

    #: How often subscribed apps should fetch a calendar again (REFRESH-INTERVAL).
    refresh_interval: Duration = DEFAULT_REFRESH_INTERVAL
    #: The same hint in the older form Outlook and Google read (X-PUBLISHED-TTL).
    published_ttl: Duration = DEFAULT_PUBLISHED_TTL
    #: How long a window stays in the calendars, the open data and the 停电日历 page after
    #: it ended, counted back from the newest content date (never the build clock). None
    #: keeps every window.
    retention: Duration | None = dt.timedelta(weeks=26)
    #: PRODID of every calendar file.
    prodid: str = "-//Ningbo Notices//Outage Calendar 1.0//ZH"
    #: The UID namespace, after the "@". Never change it once calendars are published:
    #: every subscriber would get each event twice.
    uid_namespace: str = "ningbo-notices"
    #: Also write the tenders calendars (registration windows and deadlines).
    tenders: bool = True

    @field_validator("prodid", mode="before")
    @classmethod
    def _prodid(cls, value: Any) -> str:
        if not isinstance(value, str) or not re.fullmatch(r"[\x20-\x7e]+", value):
            raise PydanticCustomError(
                "prodid", 'Expected printable ASCII text such as '
                '"-//Ningbo Notices//Outage Calendar 1.0//ZH"')
        return value

    @field_validator("uid_namespace", mode="before")
    @classmethod
    def _namespace(cls, value: Any) -> str:
        if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9.-]+", value):
            raise PydanticCustomError(
                "uid_namespace", 'Expected ASCII letters, digits, dots and hyphens such as '
                '"ningbo-notices" (it goes after the "@" of every UID)')
        return value


@dataclass(frozen=True)
class CalendarLink:
    """A calendar to subscribe to: its page label, file path and both kinds of address."""

    label: str
    path: str
    https: str
    district: District | None = None
    town: Town | None = None

    @property
    def webcal(self) -> str:
        """The address that opens the reader's calendar app (webcal:// is http(s):// renamed)."""
        return re.sub(r"^https?://", "webcal://", self.https)

    @property
    def slug(self) -> str:
        if self.town:
            return self.town.key.replace("/", "-")
        return self.district.slug if self.district else "all"


class RenderedItems:
    """Rendered window items of the last builds, by event (``OutageCalendars.window_item``).

    Items of the events of the previous merge are kept until the next one, so an event
    that disappears is forgotten after two merges."""

    def __init__(self) -> None:
        self.events: object = None  # the merge the items of ``current`` belong to
        self.current: dict[tuple, tuple] = {}
        self.previous: dict[tuple, tuple] = {}
        self.made = self.kept = 0  # items rendered and kept since the last merge

    def item(self, events: object, key: tuple, event: OutageEvent, render: Callable[[], str]):
        if events is not self.events:
            self.events, self.previous, self.current = events, self.current, {}
            self.made = self.kept = 0
        latest = event.latest.entry
        made_of = (event.window, latest.window, latest.notice, latest.cancelled, event.status)
        found = self.current.get(key) or self.previous.get(key)
        if found is None or not all(
                a is b for a, b in zip(found[0][:4], made_of[:4], strict=True)) or (
                found[0][4] != made_of[4]):
            found = (made_of, render())
            self.made += 1
        else:
            self.kept += 1
        timing.NOTES["window items"] = f"{self.made} rendered, {self.kept} kept"
        self.current[key] = found
        return found[1]


class OutageCalendars:
    """What pages need from this plugin: event files and subscription links.

    Put in the template context as ``outage_calendar`` before any page is written; the
    events are merged from the catalog on first use.
    """

    def __init__(self, context: dict, options: OutageCalendarSettings):
        self.context = context
        self.settings = context  # the context holds every setting (SITEURL, FEED_DOMAIN …)
        self.options = options
        # A live-reload server keeps the rendered window items between builds (asked in
        # every build, so they are kept while no 停电日历 page is rendered too).
        self.rendered = remember(("outage-window-items",), RenderedItems) if keeping() else None
        self._event_keys: dict[str, str] = {}  # event key -> event_key(), this build

    def window_item(self, macro, entry, siteurl: str, link: bool, ics) -> str:
        """``macros.window_item(entry, link=link, ics=ics)``; for an event, the item
        rendered by an earlier build while the event is unchanged.

        An event's item is made from its current window, its latest entry (window and
        notice: anchor, URL, title; whether it cancels), its status and its key (the 加入日历
        file), all of which follow from its publications (``event_key``). So it is kept in
        the build cache under its key and those publications, like the event's VEVENT, and
        a build in a new process takes it from there (``_item_fragment``). A long-running
        process first asks what it rendered last time (``RenderedItems``): windows and
        notices are the objects it keeps for an unchanged file (an edited file's are new),
        and merging again makes a new current window only for an event cut by a partial
        取消, so an item is rendered again exactly when one of these is another object.
        ``siteurl`` is the page's (relative URLs differ by depth)."""
        if not isinstance(entry, OutageEvent):
            return macro(entry, link=link, ics=ics)
        function = getattr(ics, "__func__", ics)

        def render() -> str:
            return self._item_fragment(macro, entry, siteurl, bool(link), function,
                                       lambda: macro(entry, link=link, ics=ics))

        if self.rendered is None:
            return render()
        key = (macro.name, entry.key, siteurl, bool(link), function)
        return self.rendered.item(self.events, key, entry, render)

    #: Between an item fragment's event part and the rest of its key (``keep_items``).
    ITEM_SEPARATOR = "\x1f"

    def _item_fragment(self, macro, event: OutageEvent, siteurl: str, link: bool, ics,
                       make: Callable[[], str]) -> str:
        """An event's rendered window item from the build cache, or ``make()`` kept there."""
        made = self.event_key(event)
        state = current_build()
        if made is None or state is None or not state.writes:
            return make()
        ics_name = "-" if ics is None else (
            f"{getattr(ics, '__module__', '')}.{getattr(ics, '__qualname__', repr(ics))}")
        key = (f"item:{event.key}:{made}{self.ITEM_SEPARATOR}"
               f"{macro.name}|{siteurl}|{int(link)}|{ics_name}")
        return Markup(state.fragment(key, lambda: str(make())))

    def keep_items(self, state) -> None:
        """Keep the rendered items of every current event in the build cache, also when
        no 停电日历 page is rendered this time (their other key parts are the pages')."""
        state.keep_fragment_variants("item:", self.ITEM_SEPARATOR, {
            f"{event.key}:{made}" for event in self.events.events
            if (made := self.event_key(event)) is not None})

    def event_key(self, event: OutageEvent) -> str | None:
        """What an event is made from: every publication of it (None when a notice has
        no content hash: no build cache)."""
        found = self._event_keys.get(event.key)
        if found is None:
            found = self._event_keys[event.key] = remember(
                ("event-key", event.key, self.fingerprint),
                lambda: _make_event_key(event)) or ""
        return found or None

    @property
    def catalog(self) -> Catalog:
        return self.context["catalog"]

    @cached_property
    def events(self) -> OutageEvents:
        # A server that rebuilds after each edit merges again only when a schedule changed,
        # and then from the state before the newest schedules (``MergeCheckpoint``): asked
        # in every build, so it is kept while no schedule changes too.
        checkpoint = remember(("outage-merge-checkpoint",), MergeCheckpoint) if keeping() else None

        def merge() -> OutageEvents:
            events = catalog_events(self.catalog, self.options.retention, checkpoint)
            if checkpoint is not None:
                timing.NOTES["outage merge"] = (
                    f"{checkpoint.resumed} of {len(self.catalog.of_kind(Kind.OUTAGE))} "
                    "schedules from the kept state")
            return events

        return remember(("outage-events", self.fingerprint), merge)

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever the events may: they are made from the schedules, cut at the
        retention period before the newest content (settings are in every key anyway)."""
        return f"{self.catalog.kind_fingerprint(Kind.OUTAGE)}:{self.cutoff}"

    def page_fingerprint(self, shown: dict) -> str:
        """What a page read from this object (its key in the incremental build).

        A notice's page (``article`` among its arguments) asks only about its own windows
        (``schedule_file``, ``window_file``; a later 取消 changes them), a town's page
        (``town``) only about that town's events, a district's pages (``district``) about
        its events and the others' counts; any other page depends on every event.
        """
        notice = getattr(shown.get("article"), "notice", None)
        town = shown.get("town")
        if notice is None and isinstance(town, Town):
            # A town's page (``town`` among its arguments) asks about that town only: its
            # calendar and data files, its events. An edit elsewhere leaves it as it was.
            return remember(("town-page", town.key, self.fingerprint),
                            lambda: self.town_fingerprint(town))
        district = shown.get("district")
        if notice is None and isinstance(district, District):
            # A district's page and its 停电日历 page show that district's events, and of
            # the others only counts (per district, per town).
            return remember(("district-page", district.slug, self.fingerprint),
                            lambda: self.district_fingerprint(district))
        if notice is None:
            return self.fingerprint
        if notice.kind != Kind.OUTAGE:
            return repr(self.schedule_file(notice))

        def files() -> str:
            return repr([self.schedule_file(notice)]
                        + [self.window_file(entry) for entry in schedule_windows(notice)]
                        + [c.fingerprint for c in self.events.corrections(notice)])

        return remember(("schedule-files", notice.source_id, notice.content_hash,
                         self.fingerprint), files)

    def town_fingerprint(self, town: Town) -> str:
        """Changes whenever anything of one town's events may (every publication of each)."""
        return _hashed([town.key, str(self.cutoff), *_event_parts(self.town_events(town))])

    def district_fingerprint(self, district: District) -> str:
        """Changes whenever anything of one district's events may, or the count of events
        of any district or town, or the towns."""
        return _hashed([district.slug, str(self.cutoff),
                        *_event_parts(self.events_in(district)), str(self.count(None)),
                        *(f"{d.slug}={self.count(d)}" for d in self.districts),
                        *(f"{t!r}={self.town_count(t)}" for t in self.towns())])

    @property
    def districts(self):
        """The declared districts (settings, not content: no page depends on the catalog
        for them)."""
        return self.catalog.districts

    @cached_property
    def cutoff(self) -> dt.datetime | None:
        return retention_cutoff(self.catalog.newest_schedule_date, self.options.retention)

    def absolute(self, path: str) -> str:
        return absolute(self.settings, path)

    def uid(self, event: OutageEvent) -> str:
        return uid(event.key, self.options.uid_namespace)

    # Paths ------------------------------------------------------------------

    @staticmethod
    def event_file(event: OutageEvent) -> str:
        return f"calendars/windows/{event.key}.ics"

    def window_file(self, entry: WindowEntry) -> str | None:
        """The 加入日历 file of a scheduled window, unless it was cancelled or has expired."""
        if entry.cancelled:
            return None
        events = [e for e in self.events.for_entry(entry) if not e.cancelled]
        return self.event_file(events[0]) if events else None

    def event_ics(self, event: OutageEvent) -> str | None:
        """The 加入日历 file of an event on the 停电日历 page (none for a cancelled one)."""
        return None if event.cancelled else self.event_file(event)

    def schedule_file(self, notice: Notice) -> str | None:
        """The file with every (kept) window of one schedule, if it has any."""
        return f"calendars/schedules/{notice.slug}.ics" if self.events.of_notice(notice) else None

    def outages(self, district: District | None = None) -> CalendarLink:
        path = f"calendars/outages/{district.slug}.ics" if district else "calendars/outages.ics"
        return CalendarLink(district.name if district else "全部地区", path,
                            self.absolute(path), district)

    def tenders(self, district: District | None = None) -> CalendarLink:
        path = f"calendars/tenders/{district.slug}.ics" if district else "calendars/tenders.ics"
        return CalendarLink(district.name if district else "全部地区", path,
                            self.absolute(path), district)

    def town_calendar(self, town: Town) -> CalendarLink:
        """The outage calendar of one town, to subscribe to."""
        path = f"calendars/outages/{town.key}.ics"
        return CalendarLink(town.name, path, self.absolute(path),
                            self.catalog.districts.by_slug(town.district_slug), town)

    @staticmethod
    def town_data_file(town: Town) -> str:
        return f"data/outages/{town.key}.json"

    def towns(self, district: District | None = None) -> list[Town]:
        """The towns windows name (in a district, or all), in the catalog's order."""
        return self.catalog.towns_in(district) if district else self.catalog.towns

    def town_events(self, town: Town) -> list[OutageEvent]:
        return self.events.in_town(town.key)

    def town_count(self, town: Town) -> int:
        return len(self.town_events(town))

    @staticmethod
    def data_file(district: District | None = None) -> str:
        return f"data/outages/{district.slug}.json" if district else "data/outages.json"

    @staticmethod
    def page(district: District | None = None) -> str:
        return f"calendar/{district.slug}/" if district else "calendar/"

    # The 停电日历 page --------------------------------------------------------

    def events_in(self, district: District | None = None) -> list[OutageEvent]:
        return self.events.in_district(district.slug) if district else self.events.events

    def days(self, district: District | None = None):
        """The events laid out for ``macros.day_groups``: by day, then district."""
        return self.catalog.windows_by_day(self.events_in(district))

    def count(self, district: District | None = None) -> int:
        return len(self.events_in(district))

    @property
    def subscriptions(self) -> list[CalendarLink]:
        return [self.outages(), *(self.outages(d) for d in self.catalog.districts)]


def _make_event_key(event: OutageEvent) -> str | None:
    """Every publication of an event (``OutageCalendars.event_key``)."""
    parts = []
    for revision in event.revisions:
        notice = revision.entry.notice
        if not notice.content_hash:
            return None
        parts.append(f"{notice.source_id}:{notice.content_hash}:{notice.url}:"
                     f"{revision.entry.anchor}:{revision.change.value}")
    return "|".join(parts)


def _event_parts(events: list[OutageEvent]) -> list[str]:
    """What events are made from: each publication of each."""
    parts = []
    for event in events:
        parts.append(event.key)
        parts += [f"{r.entry.notice.source_id}:{r.entry.notice.content_hash}:"
                  f"{r.entry.notice.url}:{r.entry.anchor}:{r.change.value}"
                  for r in event.revisions]
    return parts


def _hashed(parts: list[str]) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:32]


class OutageCalendarGenerator(Generator):
    """Write the calendars, the open data and the 停电日历 pages."""

    def generate_context(self) -> None:
        self.options: OutageCalendarSettings = self.settings["OUTAGE_CALENDAR_SETTINGS"]
        self.calendars = OutageCalendars(self.context, self.options)
        self.context["outage_calendar"] = self.calendars

    # Writing ----------------------------------------------------------------

    def _write(self, path: str, key: list[str] | None, render: Callable[[], bytes]) -> None:
        """Write a file; with the incremental build, reuse last build's when its key is equal.

        ``key`` lists what the file is made from (content hashes of its notices); code,
        theme and settings are part of every key already. None means always write.
        """
        state = current_build()
        if key is not None and state is not None and hasattr(state, "write_output"):
            state.write_output(path, ["outage_calendar", path, *key], render)
            return
        write_rendered(self.output_path, path, render)

    def _vevent(self, event: OutageEvent) -> SerializedEvent:
        """An event's VEVENT, serialised once; kept in the build cache under what it is
        made from (``_event_key``), so a new process does not make it again."""
        if event.key not in self._vevents:
            def make() -> SerializedEvent:
                return serialize_event(outage_vevent(event, self.options.uid_namespace,
                                                     self.calendars.absolute))

            fragment = self._vevent_fragment(event)
            state = current_build()
            self._vevents[event.key] = (
                state.fragment(fragment, make)
                if fragment is not None and state is not None else make())
        return self._vevents[event.key]

    def _record_text(self, event: OutageEvent) -> str:
        """An event's open-data record as ``json.dumps(..., indent=2)`` writes it in a
        document's "events" list (two levels deep), kept in the build cache like its VEVENT
        (the record is made from the same publications)."""
        cals = self.calendars

        def make() -> str:
            record = event_record(event, cals.uid(event), cals.absolute(event.url),
                                  cals.absolute(cals.event_file(event)), cals.absolute)
            return json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n    ")

        fragment = self._record_fragment(event)
        state = current_build()
        return state.fragment(fragment, make) if fragment and state is not None else make()

    def _record_fragment(self, event: OutageEvent) -> str | None:
        made = self._event_key(event)
        return None if made is None else f"record:{event.key}:{made}"

    def _vevent_fragment(self, event: OutageEvent) -> str | None:
        made = self._event_key(event)
        return None if made is None else f"vevent:{event.key}:{made}"

    @staticmethod
    def _tender_fragment(notice: Notice) -> str | None:
        return (f"tender:{notice.source_id}:{notice.content_hash}:{notice.url}"
                if notice.content_hash else None)

    def _keep_fragments(self, catalog: Catalog) -> None:
        """Every current event's fragment stays in the build cache, also when no file
        listing it is rendered this time (an edit of an article renders no calendar)."""
        state = current_build()
        if state is None:
            return
        for event in self.calendars.events.events:
            for fragment in (self._vevent_fragment(event), self._record_fragment(event)):
                if fragment is not None:
                    state.keep_fragment(fragment)
        for notice in catalog.of_kind(Kind.TENDER):
            if (fragment := self._tender_fragment(notice)) is not None:
                state.keep_fragment(fragment)
        self.calendars.keep_items(state)

    def _event_key(self, event: OutageEvent) -> str | None:
        return self.calendars.event_key(event)

    def _events_key(self, events: list[OutageEvent]) -> list[str] | None:
        keys = [self._event_key(e) for e in events]
        return None if None in keys else [str(self._year), *keys]

    @cached_property
    def _year(self) -> int:
        """The VTIMEZONE's year of a calendar without events: the newest content's."""
        newest = self.context["catalog"].newest_date
        return (newest or dt.datetime(2000, 1, 1, tzinfo=TIMEZONE)).year

    def _ics(self, path: str, key: list[str] | None, vevents: Callable[[], list],
             subscription: Subscription | None) -> None:
        self._write(path, key, lambda: calendar_ics(vevents(), self.options.prodid,
                                                     year=self._year,
                                                     subscription=subscription))

    def _outage_ics(self, path: str, events: list[OutageEvent],
                    subscription: Subscription | None) -> None:
        self._ics(path, self._events_key(events), lambda: [self._vevent(e) for e in events],
                  subscription)

    def _subscription(self, name: str, description: str, page: str) -> Subscription:
        return Subscription(
            name=f"{self.settings['SITENAME']}·{name}", description=description,
            refresh_interval=self.options.refresh_interval,
            published_ttl=self.options.published_ttl,
            url=self.calendars.absolute(page),
        )

    def generate_output(self, writer) -> None:
        # Serialising the calendars (icalendar) is a second or two whatever the site's size;
        # the files are rendered in a second process while the pages are written.
        with outputs_in_background(current_build()):
            self._generate(writer)

    def _generate(self, writer) -> None:
        catalog: Catalog = self.context["catalog"]
        cals = self.calendars
        events = cals.events
        self._vevents: dict[str, Any] = {}
        districts: list[District | None] = [None, *catalog.districts]
        for district in districts:
            chosen = cals.events_in(district)
            where = district.name if district else "宁波各区县（市）"
            self._outage_ics(
                cals.outages(district).path, chosen,
                self._subscription(f"{district.name if district else '全部地区'}停电",
                                   f"{where}的计划停电。供电公司更改或取消停电时，"
                                   "日历中的原事件随之更新。", cals.page(district)))
            self._json(cals.data_file(district), district, chosen)
        for town in catalog.towns:
            chosen = cals.town_events(town)
            self._outage_ics(
                cals.town_calendar(town).path, chosen,
                self._subscription(f"{town.label}停电",
                                   f"{town.label}的计划停电。供电公司更改或取消停电时，"
                                   "日历中的原事件随之更新。", town.page))
            self._json(cals.town_data_file(town), cals.catalog.districts.by_slug(
                town.district_slug), chosen, town)
        self._towns_json()
        for notice in catalog.of_kind(Kind.OUTAGE):
            if path := cals.schedule_file(notice):
                self._outage_ics(path, events.of_notice(notice), None)
        for event in events.events:
            self._outage_ics(cals.event_file(event), [event], None)
        if self.options.tenders:
            self._tenders(catalog, districts)
        self._keep_fragments(catalog)
        self._pages(writer, districts)

    def _tenders(self, catalog: Catalog, districts: list[District | None]) -> None:
        cals = self.calendars
        cutoff = cals.cutoff
        tenders = sorted(
            (n for n in catalog.of_kind(Kind.TENDER) if n.fields.registration
             and (cutoff is None or n.fields.closes_at >= cutoff)),
            key=lambda n: (n.fields.opens_at, n.source_id))
        made: dict[str, list] = {}

        state = current_build()

        def make(notice: Notice) -> list[SerializedEvent]:
            return [serialize_event(v) for v in tender_vevents(
                notice, self.options.uid_namespace, cals.absolute)]

        def vevents(notice: Notice) -> list[SerializedEvent]:
            if notice.source_id not in made:
                fragment = self._tender_fragment(notice)
                made[notice.source_id] = (
                    state.fragment(fragment, lambda: make(notice))
                    if fragment is not None and state is not None else make(notice))
            return made[notice.source_id]

        for district in districts:
            chosen = [n for n in tenders
                      if district is None or district.slug in {d.slug for d in n.districts}]
            where = district.name if district else "全部地区"
            key = None if any(not n.content_hash for n in chosen) else [
                str(self._year), *(f"{n.source_id}:{n.content_hash}:{n.url}" for n in chosen)]
            self._ics(cals.tenders(district).path, key,
                      lambda chosen=chosen: [v for n in chosen for v in vevents(n)],
                      self._subscription(f"{where}招标报名", f"{where}招标与公开报名公告的报名时间"
                                         "和截止日期。", "tenders/"))

    def _towns_json(self) -> None:
        """``data/towns.json``: every town, its counts and the URLs of its outputs."""
        cals = self.calendars
        catalog: Catalog = self.context["catalog"]
        feeds = self.context.get("district_feeds")

        def render() -> bytes:
            towns = []
            for town in catalog.towns:
                events = cals.town_events(town)
                spec = feeds.town(town.key) if feeds is not None else None
                towns.append({
                    "district": {"name": town.district_name, "slug": town.district_slug},
                    "town": town.name,
                    "slug": town.slug,
                    "declared": town.declared,
                    "windows": len(catalog.windows_in_town(town)),
                    "events": len(events),
                    "cancelled": sum(1 for e in events if e.cancelled),
                    "page": cals.absolute(town.page),
                    "calendar": cals.town_calendar(town).https,
                    "data": cals.absolute(cals.town_data_file(town)),
                    "feeds": {link.format.name: link.url for link in feeds.links(spec)}
                    if spec is not None else {},
                })
            document = {"name": f"{self.settings['SITENAME']}·乡镇（街道）",
                        "as_of": local_iso(catalog.newest_date) if catalog.newest_date else None,
                        "count": len(towns), "towns": towns}
            return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

        self._write("data/towns.json", None, render)

    def _json(self, path: str, district: District | None, events: list[OutageEvent],
              town: Town | None = None) -> None:
        cals = self.calendars
        catalog: Catalog = self.context["catalog"]
        as_of = local_iso(catalog.newest_date) if catalog.newest_date else None
        since = local_iso(cals.cutoff) if cals.cutoff else None

        def render() -> bytes:
            document = {
                "name": f"{self.settings['SITENAME']}·"
                        f"{town.label if town else district.name if district else '全部地区'}停电",
                "district": {"name": district.name, "slug": district.slug} if district else None,
                **({"town": {"name": town.name, "slug": town.slug}} if town else {}),
                "timezone": "Asia/Shanghai",
                "as_of": as_of,
                "retained_since": since,
                "calendar": (cals.town_calendar(town) if town else cals.outages(district)).https,
                "count": len(events),
            }
            # json.dumps(document with "events" last, indent=2), each record taken from the
            # build cache (``_record_text``): the same bytes (tests/test_calendars.py).
            head = json.dumps(document, ensure_ascii=False, indent=2)[:-2]
            records = [self._record_text(e) for e in events]
            listed = "[\n    " + ",\n    ".join(records) + "\n  ]" if records else "[]"
            return f'{head},\n  "events": {listed}\n}}\n'.encode()

        key = self._events_key(events)
        self._write(path, None if key is None else [str(as_of), str(since), *key], render)

    def _pages(self, writer, districts: list[District | None]) -> None:
        # Only the district goes in as an argument: the template asks outage_calendar for
        # the events, so the page's key stays small (it reads the catalog anyway).
        template = self.get_template("calendar")
        for district in districts:
            page = self.calendars.page(district)
            writer.write_file(
                page + "index.html", template, self.context,
                relative_urls=self.settings["RELATIVE_URLS"], district=district,
                page_name=page + "index",
            )


def on_initialized(pelican) -> None:
    """Check OUTAGE_CALENDAR before any content is read."""
    pelican.settings["OUTAGE_CALENDAR_SETTINGS"] = load_plugin_settings(
        pelican.settings, SETTING, OutageCalendarSettings)


def get_generators(pelican):
    return OutageCalendarGenerator


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.get_generators.connect(get_generators)
