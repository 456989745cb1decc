"""iCalendar files (RFC 5545 with RFC 7986 calendar properties) written with ``icalendar``.

Outage events come from ``notices.outputs.outage_events``; tender registration windows and
deadlines come straight from the tender notices (a tender is never re-published, so it
needs no merging). Nothing here reads the clock: DTSTAMP, CREATED and LAST-MODIFIED are
publication dates of notices, and the VTIMEZONE covers the years the events fall in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from icalendar import Calendar, Event, Timezone, vCalAddress, vDuration

from notices.content.model import TIMEZONE, Notice, RegistrationWindow, TenderFields
from notices.outputs.filters import zh_date
from notices.outputs.outage_events import OutageEvent

TZID = "Asia/Shanghai"

#: How often subscribed apps should fetch a calendar again (REFRESH-INTERVAL), unless
#: OUTAGE_CALENDAR says otherwise; object storage and nginx cache calendars as long.
DEFAULT_REFRESH_INTERVAL = dt.timedelta(hours=6)
#: The same hint in the older form Outlook and Google read (X-PUBLISHED-TTL).
DEFAULT_PUBLISHED_TTL = dt.timedelta(hours=6)

#: Turns a site-relative path such as ``outages/x.html#w-1`` into an absolute URL.
Absolute = Callable[[str], str]


@dataclass(frozen=True)
class Subscription:
    """Calendar-level properties of a calendar meant to be subscribed to."""

    name: str
    description: str
    refresh_interval: dt.timedelta
    published_ttl: dt.timedelta
    url: str | None = None


def uid(key: str, namespace: str) -> str:
    """A UID such as ``f30a6e9553@ningbo-notices``: a content key in a fixed namespace."""
    return f"{key}@{namespace}"


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


def _local(moment: dt.datetime) -> dt.datetime:
    # TZID=Asia/Shanghai on DTSTART/DTEND: icalendar names the zone from the ZoneInfo key.
    return moment.astimezone(TIMEZONE)


def _add_organizer(vevent: Event, name: str, address: str) -> None:
    # RFC 5546 3.2.1: a PUBLISH VEVENT needs an ORGANIZER (libical's iTIP check fails
    # without one). The publisher, identified by its web address: there is no mailbox.
    organizer = vCalAddress(address)
    organizer.params["CN"] = name
    vevent.add("ORGANIZER", organizer)


def _add_text(component, name: str, value: str | None) -> None:
    """Add a text property unless it is empty (RFC 5545 has no use for empty values)."""
    if value:
        component.add(name, value)


# ---------------------------------------------------------------------------
# Outage events


def outage_description(event: OutageEvent, absolute: Absolute) -> str:
    """The full text of an event: time, every area, changes, source and link."""
    w = event.window
    lines = [f"停电时间：{event.time_text}", f"停电范围：{event.location}"]
    if w.note:
        lines.append(f"说明：{w.note}")
    if event.cancelled:
        lines.append("本次停电已取消。")
    if event.cancelled_areas:
        lines.append(f"以下区域的停电已取消：{'、'.join(event.cancelled_areas)}")
    lines.append(f"发布单位：{event.notice.fields.source.name}")
    lines.append("通告记录：")
    for revision in event.revisions:
        notice = revision.entry.notice
        lines.append(f"· {zh_date(notice.date)} {revision.change.label}：{notice.title}")
    lines.append(f"详情：{absolute(event.url)}")
    lines.append("停电信息以供电公司发布为准。")
    return "\n".join(lines)


def outage_vevent(event: OutageEvent, namespace: str, absolute: Absolute) -> Event:
    """The VEVENT of an outage event."""
    w = event.window
    vevent = Event()
    vevent.add("UID", uid(event.key, namespace))
    vevent.add("DTSTAMP", _utc(event.last_modified))
    vevent.add("CREATED", _utc(event.created))
    vevent.add("LAST-MODIFIED", _utc(event.last_modified))
    vevent.add("SEQUENCE", event.sequence)
    vevent.add("STATUS", event.status)
    if w.whole_day:  # an all-day event: DTSTART;VALUE=DATE, DTEND the day after
        vevent.add("DTSTART", w.date)
        vevent.add("DTEND", w.date + dt.timedelta(days=1))
    else:
        vevent.add("DTSTART", _local(w.start_at))
        vevent.add("DTEND", _local(w.end_at))  # a window past midnight ends on the next day
    vevent.add("SUMMARY", event.summary)
    vevent.add("LOCATION", event.location)
    vevent.add("DESCRIPTION", outage_description(event, absolute))
    vevent.add("URL", absolute(event.url))
    vevent.add("CATEGORIES", event.categories)
    source = event.notice.fields.source
    _add_organizer(vevent, source.name, source.url or absolute(event.notice.url))
    vevent.add("CLASS", "PUBLIC")
    # Informational: an outage does not make the reader busy.
    vevent.add("TRANSP", "TRANSPARENT")
    return vevent


# ---------------------------------------------------------------------------
# Tender registration windows and deadlines


def _tender_key(notice: Notice, what: str) -> str:
    return "tender-" + hashlib.sha256(f"{notice.source_id}#{what}".encode()).hexdigest()[:10]


def _registration_text(window: RegistrationWindow) -> str:
    if window.all_day:
        first, last = window.start.date(), window.last_day
        return zh_date(first) if first == last else f"{zh_date(first)}—{zh_date(last)}"
    start, end = _local(window.start), _local(window.end)
    if start.date() == end.date():
        return f"{zh_date(start)} {start:%H:%M}—{end:%H:%M}"
    return f"{zh_date(start)} {start:%H:%M}—{zh_date(end)} {end:%H:%M}"


def tender_description(notice: Notice, absolute: Absolute) -> str:
    fields = notice.fields
    assert isinstance(fields, TenderFields)
    lines = [f"项目：{fields.project}", f"{fields.notice_type}发布单位：{fields.issuer}"]
    for window in fields.registration:
        text = f"报名时间：{_registration_text(window)}"
        if window.place:
            text += f"，地点：{window.place}"
        if window.note:
            text += f"（{window.note}）"
        lines.append(text)
    for contact in fields.contacts:
        lines.append(f"联系人：{contact.name}{' ' + contact.phone if contact.phone else ''}")
    lines.append(f"详情：{absolute(notice.url)}")
    return "\n".join(lines)


def _tender_base(notice: Notice, key: str, summary: str, namespace: str,
                 absolute: Absolute, description: str) -> Event:
    vevent = Event()
    vevent.add("UID", uid(key, namespace))
    vevent.add("DTSTAMP", _utc(notice.date))
    vevent.add("CREATED", _utc(notice.date))
    vevent.add("LAST-MODIFIED", _utc(notice.date))
    vevent.add("SEQUENCE", 0)
    vevent.add("STATUS", "CONFIRMED")
    vevent.add("SUMMARY", summary)
    vevent.add("DESCRIPTION", description)
    vevent.add("URL", absolute(notice.url))
    vevent.add("CATEGORIES", [notice.fields.notice_type, *(d.name for d in notice.districts)])
    _add_organizer(vevent, notice.fields.issuer, absolute(notice.url))
    vevent.add("CLASS", "PUBLIC")
    vevent.add("TRANSP", "TRANSPARENT")
    return vevent


def tender_vevents(notice: Notice, namespace: str, absolute: Absolute) -> list[Event]:
    """One event per registration window, and a deadline when registration runs for days.

    A registration window of a few hours is its own deadline; one that lasts whole days
    also gets a 报名截止 event on its last day (all-day) or at its closing time.
    """
    fields = notice.fields
    assert isinstance(fields, TenderFields)
    description = tender_description(notice, absolute)
    events = []
    windows = sorted(fields.registration, key=lambda w: (w.start, w.end))
    for index, window in enumerate(windows):
        vevent = _tender_base(notice, _tender_key(notice, f"registration{index}"),
                              f"报名：{fields.project}", namespace, absolute, description)
        if window.all_day:
            vevent.add("DTSTART", window.start.date())
            vevent.add("DTEND", window.end.date())
        else:
            vevent.add("DTSTART", _local(window.start))
            vevent.add("DTEND", _local(window.end))
        _add_text(vevent, "LOCATION", window.place)
        events.append(vevent)
    if windows:
        last = max(windows, key=lambda w: w.end)
        if last.all_day or last.end - last.start > dt.timedelta(days=1):
            vevent = _tender_base(notice, _tender_key(notice, "deadline"),
                                  f"报名截止：{fields.project}", namespace, absolute,
                                  description)
            if last.all_day:
                vevent.add("DTSTART", last.last_day)
                vevent.add("DTEND", last.last_day + dt.timedelta(days=1))
            else:
                # No DTEND: RFC 5545 3.6.1, the event ends when it starts (a moment).
                vevent.add("DTSTART", _local(last.end))
            _add_text(vevent, "LOCATION", last.place)
            events.append(vevent)
    return events


# ---------------------------------------------------------------------------
# Calendars


@lru_cache(maxsize=32)
def _vtimezone_ical(first_year: int, last_year: int) -> bytes:
    # Building a VTIMEZONE from zoneinfo is slow; cache its text, parse a fresh copy.
    return Timezone.from_tzid(TZID, first_date=dt.date(first_year, 1, 1),
                              last_date=dt.date(last_year + 1, 1, 1)).to_ical()


@dataclass(frozen=True)
class SerializedEvent:
    """A VEVENT as the bytes a calendar file holds, with the years its times fall in (for
    the VTIMEZONE): what the build cache keeps, so that a calendar listing an unchanged
    event does not build and serialise it again in a new process."""

    ical: bytes
    years: frozenset[int]


def serialize_event(vevent: Event) -> SerializedEvent:
    return SerializedEvent(_serialized(vevent), frozenset(_years([vevent])))


def _years(vevents: list[Event | SerializedEvent]) -> set[int]:
    years = set()
    for vevent in vevents:
        if isinstance(vevent, SerializedEvent):
            years |= vevent.years
            continue
        cached = vevent.__dict__.get("_notices_years")
        if cached is None:
            cached = vevent.__dict__["_notices_years"] = {
                vevent.decoded(name).year for name in ("DTSTART", "DTEND") if name in vevent}
        years |= cached
    return years


def calendar_ics(vevents: list[Event | SerializedEvent], prodid: str, *, year: int,
                 subscription: Subscription | None = None) -> bytes:
    """Return a complete calendar file: CRLF line ends, lines folded at 75 octets.

    ``vevents`` are ``Event`` objects or their ``SerializedEvent``.
    ``year`` is the VTIMEZONE's year when there are no events (an empty district still
    gets a valid calendar). Calendars to subscribe to carry NAME, X-WR-CALNAME and the
    refresh hints; one-off files for 加入日历 do not, so apps add their events to the
    reader's own calendar instead of creating a new calendar named after the file.
    """
    cal = Calendar()
    cal.add("PRODID", prodid)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("METHOD", "PUBLISH")
    if subscription:
        cal.add("NAME", subscription.name)
        cal.add("X-WR-CALNAME", subscription.name)
        cal.add("DESCRIPTION", subscription.description)
        cal.add("X-WR-CALDESC", subscription.description)
        if subscription.url:
            cal.add("URL", subscription.url)
    cal.add("X-WR-TIMEZONE", TZID)
    if subscription:
        # RFC 7986 3.7: REFRESH-INTERVAL requires VALUE=DURATION (icalendar leaves it out).
        cal.add("REFRESH-INTERVAL", subscription.refresh_interval,
                parameters={"VALUE": "DURATION"})
        cal.add("X-PUBLISHED-TTL", vDuration(subscription.published_ttl))
    # Each VEVENT appears in several files (its window, its schedule, its district, all);
    # icalendar serialises it once and the calendar is assembled from those bytes, in the
    # order Calendar.to_ical() writes them: properties, then subcomponents.
    head = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    years = _years(vevents) or {year}
    return b"".join([head[: -len(end)], _vtimezone_ical(min(years), max(years)),
                     *(_serialized(vevent) for vevent in vevents), end])


def _serialized(component) -> bytes:
    """``component.to_ical()``, computed once per (unchanging) component."""
    if isinstance(component, SerializedEvent):
        return component.ical
    cached = component.__dict__.get("_notices_ical")
    if cached is None:
        cached = component.__dict__["_notices_ical"] = component.to_ical()
    return cached
