"""The typed objects of one build, indexed for every output (pages, feeds, calendars, search)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, total_ordering

from notices.content.districts import District, DistrictTable
from notices.content.model import Kind, Notice, OutageFields, OutageWindow
from notices.content.towns import Town
from notices.memo import remember


def newest_first_key(notice: Notice) -> tuple:
    """The one order of every list of notices, used with ``reverse=True``: newest first, and
    among notices of the same date by kind and slug (``source_id``, which no two notices
    share), so the order never depends on the order files were listed in."""
    return (notice.date, notice.source_id)


@total_ordering
class _Descending:
    """Sorts ``key`` in reverse: for sort functions that take a key but no ``reverse``."""

    __slots__ = ("key",)

    def __init__(self, key) -> None:
        self.key = key

    def __eq__(self, other) -> bool:
        return self.key == other.key

    def __lt__(self, other) -> bool:
        return self.key > other.key


def newest_first(article) -> _Descending:
    """``newest_first_key`` as Pelican's ``ARTICLE_ORDER_BY`` (a key, without ``reverse``):
    the kind pages and archives list Pelican's articles in the catalog's order. Pelican's
    own ``reversed-date`` leaves notices of the same date in the order its file listing (a
    set) gave, which changes with the hash seed."""
    return _Descending(newest_first_key(article.notice))


@dataclass(frozen=True)
class WindowEntry:
    """An outage window as published in one schedule (``cancelled`` for a 取消 entry)."""

    window: OutageWindow
    notice: Notice
    cancelled: bool

    @property
    def anchor(self) -> str:
        """The window's id on its schedule page (cancellations get their own prefix)."""
        return ("x" + self.window.anchor[1:]) if self.cancelled else self.window.anchor

    @property
    def url(self) -> str:
        return f"{self.notice.url}#{self.anchor}"

    @property
    def sort_key(self):
        return (self.window.start_at, self.window.district.slug, self.window.anchor)


class Keyed(list):
    """A list made from the catalog, with a key that changes whenever its items may.

    The incremental build keys a page that shows it by ``key`` instead of by every item,
    and a live-reload server keeps it between builds while the key stays the same.
    """

    __slots__ = ("key",)

    def __init__(self, items, key: str) -> None:
        super().__init__(items)
        self.key = key


@dataclass
class Catalog:
    """All notices of a build, newest first, with the indexes outputs need."""

    notices: list[Notice]
    districts: DistrictTable
    settings: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.notices.sort(key=newest_first_key, reverse=True)

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever any notice, its URL or the set of notices changes."""
        return _fingerprint(self.notices)

    def page_fingerprint(self, shown: dict) -> str:
        """What a page that reads ``catalog`` depends on (its key in the incremental build):
        anything, so every notice."""
        return self.fingerprint

    def kind_fingerprint(self, kind: Kind | str) -> str:
        """Like ``fingerprint``, for the notices of one kind."""
        kind = Kind(kind)
        if kind not in self._kind_fingerprints:
            self._kind_fingerprints[kind] = _fingerprint(self.of_kind(kind))
        return self._kind_fingerprints[kind]

    @cached_property
    def _kind_fingerprints(self) -> dict[Kind, str]:
        return {}

    def of_kind(self, kind: Kind | str) -> list[Notice]:
        return self._by_kind.get(Kind(kind), [])

    @cached_property
    def _by_kind(self) -> dict[Kind, list[Notice]]:
        grouped: dict[Kind, list[Notice]] = defaultdict(list)
        for notice in self.notices:
            grouped[notice.kind].append(notice)
        return grouped

    @cached_property
    def _by_district(self) -> dict[str, list[Notice]]:
        grouped: dict[str, list[Notice]] = defaultdict(list)
        for notice in self.notices:
            for district in notice.districts:
                grouped[district.slug].append(notice)
        return grouped

    def in_district(self, district: District | str, kind: Kind | None = None) -> list[Notice]:
        """Notices that name the district, newest first (an item in two districts is in both)."""
        slug = district if isinstance(district, str) else district.slug
        items = self._by_district.get(slug, [])
        return [n for n in items if kind is None or n.kind == kind]

    @cached_property
    def windows(self) -> Keyed:
        """Every window of every schedule, in time order."""
        key = "windows:" + self.kind_fingerprint(Kind.OUTAGE)

        def make() -> Keyed:
            entries = [
                WindowEntry(window, notice, cancelled)
                for notice in self.of_kind(Kind.OUTAGE)
                for window, cancelled in notice.fields.all_windows
            ]
            entries.sort(key=lambda e: e.sort_key)
            return Keyed(entries, key)

        return remember((key,), make)

    def windows_by_day(self, entries: list[WindowEntry] | None = None) -> DayGroups:
        entries = self.windows if entries is None else entries
        if not isinstance(entries, Keyed):
            return windows_by_day(entries, self.districts)
        key = entries.key + ":by-day"
        return remember((key,), lambda: Keyed(windows_by_day(entries, self.districts), key))

    def windows_in(self, district: District | str) -> Keyed:
        slug = district if isinstance(district, str) else district.slug
        return self._windows_by_district.get(slug) or Keyed([], f"district-windows:{slug}:")

    def windows_since(self, entries: Keyed, since: dt.date | None) -> Keyed:
        """The entries (in time order) on or after the day ``since`` (all if None)."""
        if since is None:
            return entries
        key = f"{entries.key}:since:{since.isoformat()}"
        return remember((key,), lambda: Keyed(
            [e for e in entries if e.window.date >= since], key))

    @cached_property
    def _windows_by_district(self) -> dict[str, Keyed]:
        return self._windows_grouped[0]

    # Towns ------------------------------------------------------------------

    @cached_property
    def _windows_by_town(self) -> dict[str, Keyed]:
        """Window entries by town key (``jiangbei/cicheng``), in time order."""
        return self._windows_grouped[1]

    @cached_property
    def _windows_grouped(self) -> tuple[dict[str, Keyed], dict[str, Keyed]]:
        """Window entries by district slug and by town key, in time order, in one pass: an
        entry's part of its groups' fingerprints is made once for both (they were two
        passes over every window of the site, each making every entry's part, in every
        new process: about 0.1 s at 5,000 items)."""
        def make() -> tuple[dict[str, Keyed], dict[str, Keyed]]:
            districts: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
            towns: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
            for entry in self.windows:
                window = entry.window
                part = _entry_part(entry)
                entries, parts = districts[window.district.slug]
                entries.append(entry)
                parts.append(part)
                town = window.town_place
                if town is not None:
                    entries, parts = towns[town.key]
                    entries.append(entry)
                    parts.append(part)
            # Keyed by the district's or town's own windows (not every schedule's): an edit
            # elsewhere leaves its page as it was.
            return ({slug: Keyed(entries, f"district-windows:{slug}:{_parts_fingerprint(parts)}")
                     for slug, (entries, parts) in districts.items()},
                    {key: Keyed(entries, f"town-windows:{key}:{_parts_fingerprint(parts)}")
                     for key, (entries, parts) in towns.items()})

        return remember((self.windows.key, "by-district-and-town"), make)

    @cached_property
    def towns(self) -> list[Town]:
        """Every town a window names: by district in declared order, then declared towns
        in their order, then the others by slug."""
        found: dict[str, Town] = {}
        for entries in self._windows_by_town.values():
            town = entries[0].window.town_place
            found[town.key] = town
        declared = {t.key: i for i, t in enumerate(self.districts.towns)}
        order = {d.slug: i for i, d in enumerate(self.districts)}
        return sorted(found.values(), key=lambda t: (
            order.get(t.district_slug, len(order)), declared.get(t.key, len(declared)), t.slug))

    def towns_in(self, district: District | str) -> list[Town]:
        slug = district if isinstance(district, str) else district.slug
        return [t for t in self.towns if t.district_slug == slug]

    def town(self, key: str) -> Town | None:
        return next((t for t in self.towns if t.key == key), None)

    def windows_in_town(self, town: Town) -> Keyed:
        return self._windows_by_town.get(town.key) or Keyed([], f"town-windows:{town.key}:")

    def notices_in_town(self, town: Town) -> list[Notice]:
        """The schedules with a window in the town, newest first."""
        return self._notices_by_town.get(town.key, [])

    @cached_property
    def _notices_by_town(self) -> dict[str, list[Notice]]:
        """Town key -> the schedules with a window there, newest first (one pass over the
        schedules, not one per town: each town has a feed)."""
        newest_first = {id(n): i for i, n in enumerate(self.of_kind(Kind.OUTAGE))}
        return {key: sorted({id(e.notice): e.notice for e in entries
                             if id(e.notice) in newest_first}.values(),
                            key=lambda notice: newest_first[id(notice)])
                for key, entries in self._windows_by_town.items()}

    @cached_property
    def towns_fingerprint(self) -> str:
        """Changes when a town appears or disappears (what lists of towns depend on)."""
        return hashlib.sha256("|".join(f"{t.key}={t.name}" for t in self.towns)
                              .encode("utf-8")).hexdigest()[:16]

    def town_problems(self) -> list[tuple[str, str]]:
        """Two different towns of a district with the same slug: (file, message) each."""
        problems = set()
        for entries in self._windows_by_town.values():
            first = entries[0].window.town_place
            for entry in entries:
                town = entry.window.town_place
                if town.name != first.name:
                    problems.add((
                        entry.notice.source_path, f'town "{town.name}" gets the slug '
                        f'"{town.slug}", which "{first.name}" in {town.district_name} already '
                        "has. Declare a slug for one of them in TOWNS in pelicanconf.py"))
        return sorted(problems)

    # The archive -----------------------------------------------------------

    @cached_property
    def by_year(self) -> dict[int, list[tuple[str, list[Notice]]]]:
        """Notices by year, newest year first, then by month (``YYYY-MM``), newest first."""
        years: dict[int, dict[str, list[Notice]]] = {}
        for notice in self.notices:  # newest first already
            years.setdefault(notice.date.year, {}).setdefault(notice.month_key, []).append(
                notice)
        return {year: list(months.items()) for year, months in years.items()}

    @cached_property
    def archive_summary(self) -> Keyed:
        """(year, count, [(month key, count), …]) newest first: the archive's index."""
        summary = []
        for year, months in self.by_year.items():
            counts = [(month, len(items)) for month, items in months]
            summary.append((year, sum(n for _, n in counts), counts))
        return Keyed(summary, repr(summary))

    # The home page digest -------------------------------------------------

    @cached_property
    def latest_schedules(self) -> list[Notice]:
        """The outage schedules published on the newest publication day."""
        schedules = self.of_kind(Kind.OUTAGE)
        if not schedules:
            return []
        newest = schedules[0].date.date()
        return [n for n in schedules if n.date.date() == newest]

    def latest_windows_by_district(self) -> list[tuple[District, list[WindowEntry]]]:
        """Windows of the newest schedules grouped by district, in declared order."""
        wanted = {n.source_id for n in self.latest_schedules}
        grouped: dict[str, list[WindowEntry]] = defaultdict(list)
        for entry in self.windows:
            if entry.notice.source_id in wanted:
                grouped[entry.window.district.slug].append(entry)
        return [(d, grouped[d.slug]) for d in self.districts if grouped.get(d.slug)]

    @property
    def newest_date(self) -> dt.datetime | None:
        return self.notices[0].date if self.notices else None

    @property
    def newest_schedule_date(self) -> dt.datetime | None:
        """The newest outage schedule's date: what the calendars' retention counts back from
        (a newer article or tender must not drop windows residents subscribed to)."""
        schedules = self.of_kind(Kind.OUTAGE)
        return schedules[0].date if schedules else self.newest_date


def _fingerprint(notices: list[Notice]) -> str:
    """A hash of each notice's identity, bytes and URL, in order."""

    digest = hashlib.sha256()
    for notice in notices:
        digest.update(f"{notice.source_id}|{notice.content_hash}|{notice.url}\n".encode())
    return digest.hexdigest()[:32]


DayGroups = list[tuple[dt.date, list[tuple[District, list[WindowEntry]]]]]


def _entry_part(entry: WindowEntry) -> str:
    """An entry's part of its group's fingerprint (``_parts_fingerprint``): changes whenever
    the entry may (its schedule, its place, a later 取消)."""
    return f"{entry.notice.content_hash}:{entry.notice.url}:{entry.anchor}:{entry.cancelled}"


def _parts_fingerprint(parts: list[str]) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:32]


def windows_by_day(entries: list[WindowEntry], districts: DistrictTable) -> DayGroups:
    """Group window entries by day, then by district in declared order, then by start time."""
    order = {d.slug: i for i, d in enumerate(districts)}
    days: dict[dt.date, dict[str, list[WindowEntry]]] = {}
    for entry in sorted(entries, key=lambda e: (e.window.date, order[e.window.district.slug],
                                                  e.sort_key)):
        by_district = days.setdefault(entry.window.date, {})
        by_district.setdefault(entry.window.district.slug, []).append(entry)
    return [
        (day, [(items[0].window.district, items) for items in by_district.values()])
        for day, by_district in days.items()
    ]


def schedule_windows(notice: Notice) -> list[WindowEntry]:
    """The windows of one schedule, scheduled ones first then cancelled, in time order."""
    fields = notice.fields
    assert isinstance(fields, OutageFields)
    return [WindowEntry(w, notice, c) for w, c in fields.all_windows]
