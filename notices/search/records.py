"""Search records: one per article, tender, schedule and outage window, made from the
catalog; how they travel to the indexer's process is ``notices.search.messages`` (which the
indexer imports instead of this module and the catalog; re-exported here).

Kept apart from ``notices.search.index`` (numpy, 20 MiB and 0.2 s to import) so the build
process, which makes the records and sends them, never imports the indexer
(docs/search.md, "Indexer memory"). Imported by the search-index plugin.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from notices.content.catalog import Catalog, WindowEntry, schedule_windows
from notices.content.markup import plain_text
from notices.content.model import Kind, Notice
from notices.outputs.filters import zh_date, zh_weekday
from notices.search.messages import INDEX_FOLDER as INDEX_FOLDER
from notices.search.messages import INDEXER as INDEXER
from notices.search.messages import RECORDS_PER_MESSAGE as RECORDS_PER_MESSAGE
from notices.search.messages import SearchRecord as SearchRecord
from notices.search.messages import record_messages as record_messages
from notices.search.messages import records_from as records_from


def notice_text(notice: Notice) -> str:
    """All text of an article or tender, or of a schedule without its windows."""
    f = notice.fields
    # The editor's summary only: one made by the reader repeats the body or, for a schedule,
    # the windows, which are records of their own.
    parts: list[str | None] = [notice.title, f.summary, plain_text(notice.body_html)]
    parts += list(f.tags)
    if notice.kind == Kind.ARTICLE:
        parts += [*f.authors, *f.photographers, f.column]
        if f.source:
            parts += [f.source.paper, f.source.page]
        if f.image:
            parts += [f.image.alt, f.image.caption, f.image.credit]
    elif notice.kind == Kind.TENDER:
        parts += [f.notice_type, f.issuer, f.project, *f.requirements, f.fees]
        for window in f.registration:
            parts += [window.place, window.note]
        for contact in f.contacts:
            parts += [contact.name, contact.phone, contact.role]
    elif notice.kind == Kind.OUTAGE:
        parts.append(f.source.name)
    return "\n".join(p for p in parts if p)


def window_text(entry: WindowEntry) -> str:
    """A window's place: district, town, each area, and the note."""
    w = entry.window
    return "\n".join(p for p in (w.district.name, w.town, *w.areas, w.note) if p)


def _notice_record(notice: Notice) -> SearchRecord:
    return SearchRecord(
        kind=notice.kind, url=notice.url, when=notice.date,
        districts=tuple(d.slug for d in notice.districts), text=notice_text(notice),
        display={"k": notice.kind.value, "u": notice.url, "t": notice.title,
                 "d": zh_date(notice.date), "w": [d.name for d in notice.districts],
                 "s": notice.summary},
    )


def _window_record(entry: WindowEntry) -> SearchRecord:
    w = entry.window
    display = {"k": "window", "u": entry.url, "t": entry.notice.title,
               "d": f"{zh_date(w.date)} {zh_weekday(w.date)}", "h": w.time_range,
               "w": [w.district.name], "a": list(w.shown_areas)}
    if w.town:
        display["o"] = w.town
        display["ou"] = w.town_place.subscribe_url
    if w.note:
        display["n"] = w.note
    if entry.cancelled:
        display["x"] = 1
    return SearchRecord(kind=Kind.OUTAGE, url=entry.url, when=w.start_at,
                        districts=(w.district.slug,), text=window_text(entry), display=display)


def search_records(catalog: Catalog) -> list[SearchRecord]:
    """Every record, numbered by its place in this list: oldest first (date, then URL)."""
    return [record for batch in search_record_batches(catalog) for record in batch]


def _sources(catalog: Catalog) -> list[tuple[dt.datetime, str, Callable, object]]:
    """What each record is made from, in record order: (when, url, maker, notice or entry)."""
    sources: list[tuple[dt.datetime, str, Callable, object]] = [
        (n.date, n.url, _notice_record, n) for n in catalog.notices]
    sources += [(entry.window.start_at, entry.url, _window_record, entry)
                for entry in catalog.windows]
    sources.sort(key=lambda source: (source[0], source[1]))  # a record's (when, url)
    return sources


def search_record_batches(catalog: Catalog, size: int | None = None
                          ) -> Iterator[list[SearchRecord]]:
    """``search_records``, ``size`` at a time (all at once without): what they are made
    from is ordered first, so the records need not all be held at once."""
    sources = _sources(catalog)
    size = size or len(sources) or 1
    for first in range(0, len(sources), size):
        yield [make(item) for _, _, make, item in sources[first:first + size]]


# --- A delta: the records an edit changed, indexed beside the index they change -----------
#
# A build that carries the previous index over (the live-reload server, ``--defer-search``)
# indexes only the records that differ from it, in ``search/d/``, and names the previous
# index's records they replace; search.js and tests/search_reader.py read both. A full build
# replaces both with one index. docs/search.md, "A delta after an edit".

# A record's source key: what its record is made from (a notice's bytes and URL; a window's
# schedule, anchor and whether a later notice cancels it), when it sorts, its URL.
SourceKey = tuple[str, str, str]


def record_sources(catalog: Catalog) -> list[tuple[dt.datetime, str, Callable, object]]:
    """What each record is made from, in record order, for ``source_keys`` and
    ``delta_basis`` of one catalog (listing them costs 0.05 s at 5,000 items)."""
    return _sources(catalog)


def _source_key(when: dt.datetime, url: str, item: object) -> SourceKey:
    if isinstance(item, WindowEntry):
        made = f"w|{item.notice.source_id}|{item.notice.content_hash}|{item.cancelled}"
    else:
        made = f"n|{item.source_id}|{item.content_hash}"
    return made, when.isoformat(), url


def source_keys(catalog: Catalog, sources: list | None = None) -> list[SourceKey]:
    """Each record's source key, in record order, without making the records (``sources``:
    the catalog's ``record_sources``, if at hand)."""
    return [_source_key(when, url, item)
            for when, url, _, item in (_sources(catalog) if sources is None else sources)]


@dataclass
class DeltaPlan:
    """How the records of now differ from those of an index (``delta_plan``)."""

    removed: list[int]  # the index's records no record of now is (changed or gone), ascending
    added: list[int]  # the records of now the index lacks (new or changed), ascending
    at: list[int]  # per added record: how many of the index's records sort before it


def delta_plan(indexed: list[SourceKey], now: list[SourceKey]) -> DeltaPlan:
    """Match the records of now with an index's by source key (both lists in record order,
    sorted by when then URL): the unmatched ones of the index are removed, the unmatched
    ones of now are added, each placed among the index's records by when and URL."""
    left: dict[SourceKey, list[int]] = {}
    for number, key in enumerate(indexed):
        left.setdefault(key, []).append(number)
    added = []
    for number, key in enumerate(now):
        if left.get(key):
            left[key].pop(0)
        else:
            added.append(number)
    removed = sorted(n for numbers in left.values() for n in numbers)
    order = [(when, url) for _, when, url in indexed]
    return DeltaPlan(removed, added,
                     [bisect.bisect_left(order, now[n][1:]) for n in added])


# --- The plan by notice: keys only for the notices an edit changed ------------------------
#
# Every record key names its notice's source id and content hash (a window's: its
# schedule's), so a notice whose hash and URL are those of the index's build has the same
# records' keys as then (its date and windows are read from those bytes: the page keys of
# the incremental build rely on it too, ``notices.build.keys``), and a notice whose hash
# differs has none of them. The build that makes the index keeps, per notice, its hash, URL
# and the numbers of its records (``delta_basis``); a build carrying the index over compares
# those only, and keys and makes the records of the notices that differ (``notice_delta``):
# what ``delta_plan`` of every record's key gives, for the cost of the edit, not the site's.


def _notice_sources(notice: Notice) -> list[tuple[dt.datetime, str, Callable, object]]:
    """What the records of one notice are made from (its own, its windows'), as in
    ``record_sources``, unordered."""
    sources: list[tuple[dt.datetime, str, Callable, object]] = [
        (notice.date, notice.url, _notice_record, notice)]
    if notice.kind == Kind.OUTAGE:
        sources += [(entry.window.start_at, entry.url, _window_record, entry)
                    for entry in schedule_windows(notice)]
    return sources


def _time_form(when: str) -> tuple[int, str]:
    return len(when), when[-6:]


def delta_basis(catalog: Catalog, sources: list, keys: list[SourceKey]) -> dict | None:
    """What ``notice_delta`` needs of the index made of these records (``record_sources``
    and their ``source_keys``): per notice, its content hash, URL and records' numbers;
    every record's time and URL as one string, in record order (one length and offset of
    every time: then these strings sort as the (when, URL) pairs and as the times). None
    when times differ in form or two records share a (when, URL): then the plan is made
    from every key."""
    forms = {_time_form(when) for _, when, _ in keys}
    order = [when + url for _, when, url in keys]
    if len(forms) > 1 or len(set(order)) < len(order):
        return None
    numbers: dict[str, list[int]] = {}
    for number, (_, _, _, item) in enumerate(sources):
        notice = item.notice if isinstance(item, WindowEntry) else item
        numbers.setdefault(notice.source_id, []).append(number)
    return {"notices": {n.source_id: (n.content_hash, n.url, tuple(numbers.get(n.source_id, ())))
                        for n in catalog.notices},
            "order": order, "form": forms.pop() if forms else None}


def notice_delta(basis: dict, catalog: Catalog) -> tuple[DeltaPlan, list] | None:
    """``delta_plan`` of the index ``basis`` describes and the catalog's records, and what
    the added records are made from (in their order), from the notices that differ alone.
    None when it cannot say (a notice with the same bytes at another URL, a time of
    another form, a (when, URL) two records share): make the plan from every key."""
    kept, order, form = basis["notices"], basis["order"], basis["form"]
    removed: list[int] = []
    added: list[tuple[dt.datetime, str, Callable, object]] = []
    found = 0
    for notice in catalog.notices:
        was = kept.get(notice.source_id)
        if was is not None:
            found += 1
            if was[0] == notice.content_hash:
                if was[1] == notice.url:
                    continue
                return None
            removed += was[2]
        added += _notice_sources(notice)
    if found < len(kept):
        now = {notice.source_id for notice in catalog.notices}
        removed += [n for source_id, (_, _, numbers) in kept.items() if source_id not in now
                    for n in numbers]
    removed.sort()
    places = []
    for when, url, _, _ in added:
        iso = when.isoformat()
        form = form or _time_form(iso)
        if _time_form(iso) != form:
            return None
        places.append((iso + url, bisect.bisect_left(order, iso + url)))
    ordered = sorted(range(len(added)), key=lambda i: places[i][0])
    gone = set(removed)
    plan = DeltaPlan(removed, [], [])
    for j, i in enumerate(ordered):
        key, at = places[i]
        if at < len(order) and order[at] == key and at not in gone or \
                j and places[ordered[j - 1]][0] == key:
            return None  # two records with one (when, URL): matched by key alone
        plan.added.append(at - bisect.bisect_left(removed, at) + j)
        plan.at.append(at)
    return plan, [added[i] for i in ordered]
