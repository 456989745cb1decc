"""Feeds from the catalog: RSS 2.0 and Atom 1.0 (written with feedgen) and JSON Feed 1.1.

- ``FeedDirectory``: which feeds exist, their permanent URLs and titles (the whole site,
  each kind, each declared district, and each district for the kinds in ``district_kinds``).
- ``FeedItems``: how one notice reads in a feed. An outage schedule in a district feed
  shows that district's windows only, so it is its own item with its own guid.
- ``rss_bytes``, ``atom_bytes``, ``json_bytes``: the files, byte-identical for the same
  content (every time stamp comes from content dates, never the clock).

The district_feeds plugin writes the files and the 订阅 page; docs/feeds.md lists the URLs
and explains the guids.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any

import lxml.html
from feedgen.feed import FeedGenerator
from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from notices.content.catalog import Catalog, WindowEntry, schedule_windows, windows_by_day
from notices.content.districts import District, DistrictTable
from notices.content.markup import summarize
from notices.content.model import TIMEZONE, ArticleFields, Kind, Notice, OutageFields, TenderFields
from notices.content.settings import PluginSettings
from notices.content.towns import Town
from notices.outputs.filters import zh_date, zh_datetime, zh_weekday
from notices.outputs.urls import absolute, site_base

LANGUAGE = "zh-CN"
SETTING = "DISTRICT_FEEDS"

# ---------------------------------------------------------------------------
# Settings

# RFC 4151 taggingEntity: a DNS name (or e-mail address) the publisher owned on a date.
_TAGGING_ENTITY = re.compile(
    r"(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*@)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
    r"(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+,(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
)


def _tagging_entity(value: Any) -> str:
    match = _TAGGING_ENTITY.fullmatch(value) if isinstance(value, str) else None
    if match:
        year, month, day = (int(part) if part else 1 for part in match.groups())
        try:
            dt.date(year, month, day)
        except ValueError:
            match = None
    if not match:
        raise PydanticCustomError(
            "guid_namespace", "Expected a domain name and a date it was yours, as in tag: URIs "
            '(RFC 4151), e.g. "ningbo-notices.cn,2019"')
    return value


GuidNamespace = Annotated[str, BeforeValidator(_tagging_entity)]


class DistrictFeedsSettings(PluginSettings):
    """``DISTRICT_FEEDS`` in pelicanconf.py."""

    #: Items in each feed, newest first.
    limit: int = Field(default=50, ge=1)
    #: The start of every feed title ("甬城通告 · 江北区"); empty means SITENAME.
    title_prefix: str = ""
    #: The tagging entity of every guid and Atom id (a domain and a date, RFC 4151). Never
    #: change it once feeds are published: every reader would show every item again.
    guid_namespace: GuidNamespace = "ningbo-notices.cn,2019"
    #: Kinds that also get a feed per district (feeds/districts/<slug>/<kind>.rss.xml …).
    district_kinds: tuple[Kind, ...] = (Kind.OUTAGE,)
    #: Also write JSON Feed 1.1 (<feed>.json) beside each RSS feed.
    json_feed: bool = True


# ---------------------------------------------------------------------------
# Which feeds exist


@dataclass(frozen=True)
class FeedFormat:
    """One of the three formats: file extension, media type and the name readers know."""

    name: str
    extension: str
    media_type: str
    label: str


RSS = FeedFormat("rss", "rss.xml", "application/rss+xml", "RSS")
ATOM = FeedFormat("atom", "atom.xml", "application/atom+xml", "Atom")
JSON_FEED = FeedFormat("json", "json", "application/feed+json", "JSON Feed")


@dataclass(frozen=True)
class FeedSpec:
    """One feed: its key (the path under feeds/ without extension), title and scope."""

    key: str
    title: str
    description: str
    page: str  # the site-relative page the feed follows ("" is the home page)
    kind: Kind | None = None
    district: District | None = None
    town: Town | None = None

    @property
    def label(self) -> str:
        """What the feed holds, for lists: "全部内容", "停电预告", "江北区", "江北区停电预告"."""
        return self.title.split(" · ", 1)[-1]


@dataclass(frozen=True)
class FeedLink:
    """One file of a feed in one format, with its site-relative path and absolute URL."""

    spec: FeedSpec
    format: FeedFormat
    path: str
    url: str

    @property
    def title(self) -> str:
        return f"{self.spec.title}（{self.format.label}）"

    @property
    def type(self) -> str:
        return self.format.media_type

    @property
    def label(self) -> str:
        return self.format.label


class FeedDirectory:
    """Every feed of the site, in the order the 订阅 page lists them.

    Put in the template context as ``district_feeds``: ``links(spec)`` gives the
    ``<link rel="alternate">`` targets, ``site``, ``kind(name)`` and ``district(slug)`` the
    feeds a page should announce.
    """

    def __init__(self, settings: Mapping, options: DistrictFeedsSettings,
                 districts: DistrictTable, catalog=None):
        #: The catalog, or a function giving it: the towns come from the content, which
        #: is read after the directory is made.
        self._catalog = catalog
        self.settings = settings
        self.options = options
        self.districts = districts
        self.prefix = options.title_prefix or settings.get("SITENAME") or "甬城通告"
        self.formats = (RSS, ATOM, JSON_FEED) if options.json_feed else (RSS, ATOM)

    def _title(self, what: str) -> str:
        return f"{self.prefix} · {what}"

    @cached_property
    def site(self) -> FeedSpec:
        return FeedSpec("all", self._title("全部内容"),
                        self.settings.get("SITESUBTITLE") or "新闻、招标公告与计划停电预告", "")

    @cached_property
    def kinds(self) -> list[FeedSpec]:
        pattern = self.settings.get("CATEGORY_URL") or "{slug}/"
        return [FeedSpec(f"kinds/{kind.value}", self._title(kind.label),
                         f"{self.prefix}发布的全部{kind.label}", pattern.format(slug=kind.value),
                         kind=kind)
                for kind in Kind]

    @cached_property
    def by_district(self) -> list[tuple[District, list[FeedSpec]]]:
        groups = []
        for district in self.districts:
            page = f"districts/{district.slug}/"
            specs = [FeedSpec(f"districts/{district.slug}", self._title(district.name),
                              f"{district.name}的新闻、招标公告与计划停电", page,
                              district=district)]
            specs += [FeedSpec(f"districts/{district.slug}/{kind.value}",
                               self._title(f"{district.name}{kind.label}"),
                               f"{district.name}的{kind.label}", page, kind=kind,
                               district=district)
                      for kind in self.options.district_kinds]
            groups.append((district, specs))
        return groups

    @property
    def catalog(self) -> Catalog | None:
        return self._catalog() if callable(self._catalog) else self._catalog

    @cached_property
    def by_town(self) -> list[FeedSpec]:
        """One outage feed per town a window names (``Catalog.towns``)."""
        catalog = self.catalog
        if catalog is None:
            return []
        return [FeedSpec(f"districts/{town.key}", self._title(f"{town.label}停电"),
                         f"{town.label}的计划停电", town.page, kind=Kind.OUTAGE,
                         district=self.districts.by_slug(town.district_slug), town=town)
                for town in catalog.towns]

    def town(self, key: str) -> FeedSpec | None:
        return next((s for s in self.by_town if s.town.key == key), None)

    def towns_of(self, slug: str) -> list[FeedSpec]:
        """The town feeds of one district."""
        return [s for s in self.by_town if s.town.district_slug == slug]

    def page_fingerprint(self, shown: dict) -> str:
        """What a page read from the directory: settings, and which towns have feeds."""
        catalog = self.catalog
        return catalog.towns_fingerprint if catalog is not None else ""

    @property
    def specs(self) -> list[FeedSpec]:
        return [self.site, *self.kinds, *(s for _, specs in self.by_district for s in specs),
                *self.by_town]

    def kind(self, name: str) -> FeedSpec | None:
        return next((s for s in self.kinds if s.kind and s.kind.value == name), None)

    def district(self, slug: str) -> list[FeedSpec]:
        return next((specs for d, specs in self.by_district if d.slug == slug), [])

    def path(self, spec: FeedSpec, fmt: FeedFormat) -> str:
        return f"feeds/{spec.key}.{fmt.extension}"

    def url(self, spec: FeedSpec, fmt: FeedFormat) -> str:
        return absolute(self.settings, self.path(spec, fmt))

    def links(self, spec: FeedSpec | None) -> list[FeedLink]:
        if spec is None:
            return []
        return [FeedLink(spec, fmt, self.path(spec, fmt), self.url(spec, fmt))
                for fmt in self.formats]

    def feed_id(self, spec: FeedSpec) -> str:
        return f"tag:{self.options.guid_namespace}:feeds/{spec.key}"


# ---------------------------------------------------------------------------
# Items

# Characters XML 1.0 forbids, plus C1 controls and U+FFFD (the W3C validator warns about
# both; they only ever come from broken decoding). The content model refuses control
# characters in front matter, but bodies and future importers may still carry them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd-\uffff]")


def xml_text(value: str) -> str:
    """Remove characters that cannot appear in an XML document."""
    return _XML_ILLEGAL.sub("", value)


def absolute_html(fragment: str, base: str) -> str:
    """Resolve every URL in an HTML fragment against ``base`` (relative ones break readers)."""
    fragment = xml_text(fragment)
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    root.make_links_absolute(base, resolve_base_href=False, handle_failures="discard")
    serialized = lxml.html.tostring(root, encoding="unicode", method="html")
    return serialized[len("<div>"):-len("</div>")]


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


@dataclass(frozen=True)
class FeedItem:
    """One notice as a feed shows it; every text is XML-safe, every URL absolute."""

    guid: str
    title: str
    link: str
    published: dt.datetime
    summary: str  # plain text
    content_html: str
    categories: tuple[tuple[str, str], ...]  # (term, scheme)
    authors: tuple[str, ...]
    updated: dt.datetime | None = None  # the last correction (``updated``), else published

    @property
    def modified(self) -> dt.datetime:
        return self.updated or self.published


def outage_title(district: District, entries: list[WindowEntry]) -> str:
    """"江北区计划停电：9月24日—27日，共3处" (with the cancelled count when there are some)."""
    scheduled = [e for e in entries if not e.cancelled]
    cancelled = [e for e in entries if e.cancelled]
    if not scheduled:
        return f"{district.name}取消计划停电：{_day_range(cancelled)}，共{len(cancelled)}处"
    title = f"{district.name}计划停电：{_day_range(scheduled)}，共{len(scheduled)}处"
    return title + (f"，取消{len(cancelled)}处" if cancelled else "")


def _day_range(entries: list[WindowEntry]) -> str:
    first = min(e.window.date for e in entries)
    last = max(e.window.date for e in entries)
    if first == last:
        return zh_date(first, year=False)
    end = f"{last.day}日" if (first.year, first.month) == (last.year, last.month) else \
        zh_date(last, year=False)
    return f"{zh_date(first, year=False)}—{end}"


def item_guid(namespace: str, notice: Notice, district: District | None = None,
              town: Town | None = None) -> str:
    """A tag: URI from the notice's kind and slug; ``#<district>`` for a district's part,
    ``#<district>/<town>`` for a town's part.

    Neither the title, the URL pattern nor the build date is part of it, so a reader never
    shows an item again as new after an edit or a change of ARTICLE_URL.
    """
    guid = f"tag:{namespace}:{notice.source_id}"
    if town is not None:
        return f"{guid}#{town.key}"
    return f"{guid}#{district.slug}" if district else guid


@dataclass
class FeedItems:
    """Turn notices into ``FeedItem``s (each once per scope: items appear in many feeds)."""

    settings: Mapping
    options: DistrictFeedsSettings
    districts: DistrictTable
    #: The body HTML with Pelican's {filename} links resolved, by ``Notice.source_id``;
    #: notices missing here use their own ``body_html``.
    bodies: Mapping[str, str] = field(default_factory=dict)
    summary_chars: int = 120
    #: What a schedule corrected in earlier windows (``OutageEvents.corrections``), when
    #: the calendars' events are at hand; None leaves corrections out.
    corrections: Callable[[Notice], list] | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    def item(self, notice: Notice, district: District | None = None,
             town: Town | None = None) -> FeedItem:
        """The notice as a feed item; an outage schedule limited to ``district`` (or to
        ``town``) if given."""
        scope = district if notice.kind == Kind.OUTAGE else None
        town = town if notice.kind == Kind.OUTAGE else None
        key = (notice.source_id, scope.slug if scope else None, town.key if town else None)
        if key not in self._cache:
            self._cache[key] = self._build(notice, scope, town)
        return self._cache[key]

    @cached_property
    def _scheme(self) -> dict[str, str]:
        ns = self.options.guid_namespace
        return {"kind": f"tag:{ns}:kinds", "district": f"tag:{ns}:districts"}

    def _build(self, notice: Notice, district: District | None,
               town: Town | None = None) -> FeedItem:
        link = absolute(self.settings, notice.url)
        title, summary = notice.title, notice.summary
        districts = notice.districts
        body = self.bodies.get(notice.source_id, notice.body_html)
        fields = notice.fields
        if isinstance(fields, OutageFields):
            entries = schedule_windows(notice)
            in_town = [e for e in entries if town is not None
                       and e.window.town_place is not None
                       and e.window.town_place.key == town.key]
            if in_town:
                entries = in_town
                districts = [district] if district else notice.districts
                title = outage_title(town, entries)
                summary = summarize(self._windows_text(entries), self.summary_chars)
                first = min(entries, key=lambda e: (e.cancelled, e.sort_key))
                link = absolute(self.settings, first.url)
            elif district is not None and any(
                    e.window.district.slug == district.slug for e in entries):
                entries = [e for e in entries if e.window.district.slug == district.slug]
                districts = [district]
                title = outage_title(district, entries)
                summary = summarize(self._windows_text(entries), self.summary_chars)
                # The link goes to the district's first window on the schedule page.
                first = min(entries, key=lambda e: (e.cancelled, e.sort_key))
                link = absolute(self.settings, first.url)
            content = self._outage_html(fields, entries, district is None, body,
                                        self._corrections(notice, district, town))
            authors = [fields.source.name]
        elif isinstance(fields, TenderFields):
            content = self._tender_html(fields, body)
            authors = [fields.issuer]
        else:
            assert isinstance(fields, ArticleFields)
            content = self._article_html(fields, body)
            authors = (list(fields.authors) or list(fields.photographers)
                       or ([fields.source.paper] if fields.source else []))
        authors = authors or [self.settings.get("AUTHOR") or self.settings.get("SITENAME")]
        categories = [(notice.kind.label, self._scheme["kind"])]
        categories += [(d.name, self._scheme["district"]) for d in districts]
        updated = notice.fields.updated
        if updated is not None:
            # RSS has no element for it: the description and the content say it in words.
            stamp = f"更新于{zh_datetime(updated.astimezone(TIMEZONE))}"
            summary = f"{stamp}。{summary}"
            content = f'<p class="updated">{_e(stamp)}</p>\n{content}'
        return FeedItem(
            updated=updated.astimezone(TIMEZONE) if updated is not None else None,
            guid=item_guid(self.options.guid_namespace, notice, district, town),
            title=xml_text(title),
            link=link,
            published=notice.date.astimezone(TIMEZONE),
            summary=xml_text(summary),
            content_html=absolute_html(content, link),
            categories=tuple((xml_text(t), s) for t, s in categories),
            authors=tuple(xml_text(a) for a in authors if a),
        )

    # Content HTML, close to what the item's page shows ------------------------

    def _windows_text(self, entries: list[WindowEntry]) -> str:
        parts = []
        for entry in sorted(entries, key=lambda e: (e.cancelled, e.sort_key)):
            w = entry.window
            prefix = "取消：" if entry.cancelled else ""
            parts.append(f"{prefix}{zh_date(w.date, year=False)} {w.place}"
                         f"{'、'.join(w.shown_areas)}（{w.time_range}）")
        return "；".join(parts)

    def _corrections(self, notice: Notice, district: District | None,
                     town: Town | None) -> list:
        """The schedule's corrections of earlier windows, within the item's district/town."""
        if self.corrections is None:
            return []
        found = self.corrections(notice)
        if town is not None:
            return [c for c in found if c.revision.entry.window.town_place is not None
                    and c.revision.entry.window.town_place.key == town.key]
        if district is not None:
            return [c for c in found if c.revision.entry.window.district.slug == district.slug]
        return found

    def _outage_html(self, fields: OutageFields, entries: list[WindowEntry],
                     show_district: bool, body: str, corrections: list = ()) -> str:
        source = _e(fields.source.name)
        if fields.source.url:
            source = f'<a href="{_e(fields.source.url)}">{source}</a>'
        parts = [f"<p>发布单位：{source}</p>"]
        if corrections:
            # The calendars raise SEQUENCE for these; the feed says so in words.
            parts.append(f"<p>本通告更正了此前发布的 {len(corrections)} 处停电：</p>\n<ul>")
            parts += [f'<li><a href="{_e(absolute(self.settings, c.url))}">{_e(c.text)}</a></li>'
                      for c in corrections]
            parts.append("</ul>")
        scheduled = [e for e in entries if not e.cancelled]
        cancelled = [e for e in entries if e.cancelled]
        if scheduled:
            parts.append("<h3>停电安排</h3>")
            parts.append(self._days_html(scheduled, show_district))
        if cancelled:
            parts.append("<h3>取消</h3><p>以下原计划的停电已取消：</p>")
            parts.append(self._days_html(cancelled, show_district))
        parts.append(body)
        return "\n".join(parts)

    def _days_html(self, entries: list[WindowEntry], show_district: bool) -> str:
        parts = []
        for day, groups in windows_by_day(entries, self.districts):
            parts.append(f"<h4>{zh_date(day)} {zh_weekday(day)}</h4>\n<ul>")
            for _district, group in groups:
                for entry in group:
                    w = entry.window
                    place = w.place if show_district else (w.town or "")
                    where = f"{_e(place)} " if place else ""
                    note = f"（{_e(w.note)}）" if w.note else ""
                    parts.append(
                        f'<li><a href="{_e(absolute(self.settings, entry.url))}">'
                        f"{_e(w.time_range)}</a> {where}{_e('、'.join(w.shown_areas))}{note}</li>")
            parts.append("</ul>")
        return "\n".join(parts)

    def _tender_html(self, fields: TenderFields, body: str) -> str:
        parts = [f"<p>{_e(fields.notice_type)}｜发布单位：{_e(fields.issuer)}<br>"
                 f"项目：{_e(fields.project)}</p>"]
        if fields.registration:
            parts.append("<h3>报名</h3>\n<ul>")
            for r in fields.registration:
                if r.all_day:
                    when = f"{zh_date(r.start)}—{zh_date(r.last_day)}（全天）"
                elif r.end.date() == r.start.date():
                    when = f"{zh_datetime(r.start)}—{r.end:%H:%M}"
                else:
                    when = f"{zh_datetime(r.start)}—{zh_datetime(r.end)}"
                extra = "".join(f"；{label}{_e(v)}" for label, v in
                                (("地点：", r.place), ("", r.note)) if v)
                parts.append(f"<li>时间：{_e(when)}{extra}</li>")
            parts.append("</ul>")
        if fields.requirements:
            parts.append("<h3>资格要求</h3>\n<ul>")
            parts += [f"<li>{_e(r)}</li>" for r in fields.requirements]
            parts.append("</ul>")
        if fields.fees:
            parts.append(f"<h3>费用</h3>\n<p>{_e(fields.fees)}</p>")
        if fields.contacts:
            parts.append("<h3>联系方式</h3>\n<ul>")
            for c in fields.contacts:
                role = f"（{_e(c.role)}）" if c.role else ""
                phone = ""
                if c.phone:
                    phone = f'：<a href="tel:{_e(c.phone.replace(" ", ""))}">{_e(c.phone)}</a>'
                parts.append(f"<li>{_e(c.name)}{role}{phone}</li>")
            parts.append("</ul>")
        parts.append(f"<h3>公告全文</h3>\n{body}")
        return "\n".join(parts)

    def _article_html(self, fields: ArticleFields, body: str) -> str:
        parts = []
        image = fields.image
        if image and image.src:
            alt = image.alt or image.caption or ""
            caption = (image.caption or "") + (f"（{image.credit} 摄）" if image.credit else "")
            src = absolute(self.settings, image.src)
            figure = f'<figure><img src="{_e(src)}" alt="{_e(alt)}">'
            if caption:
                figure += f"<figcaption>{_e(caption)}</figcaption>"
            parts.append(figure + "</figure>")
        byline = []
        if fields.authors:
            byline.append(f"作者：{_e(' '.join(fields.authors))}")
        if fields.photographers:
            byline.append(f"摄影：{_e(' '.join(fields.photographers))}")
        if fields.source:
            paper = _e(fields.source.paper)
            if fields.source.url:
                paper = f'<a href="{_e(fields.source.url)}">{paper}</a>'
            page = f" {_e(fields.source.page)}版" if fields.source.page else ""
            byline.append(f"来源：{paper}{page}")
        if byline:
            parts.append(f"<p>{'｜'.join(byline)}</p>")
        parts.append(body)
        return "\n".join(parts)


# ---------------------------------------------------------------------------
# Feeds


@dataclass(frozen=True)
class Feed:
    """One feed ready to write: its spec, items (newest first) and time stamp."""

    spec: FeedSpec
    items: tuple[FeedItem, ...]
    updated: dt.datetime


def feed_notices(catalog: Catalog, spec: FeedSpec, limit: int) -> list[Notice]:
    """The notices a feed holds, newest first: an item is in every district it names."""
    if spec.town is not None:
        notices = catalog.notices_in_town(spec.town)
    elif spec.district is not None:
        notices = catalog.in_district(spec.district, spec.kind)
    elif spec.kind is not None:
        notices = catalog.of_kind(spec.kind)
    else:
        notices = catalog.notices
    return notices[:limit]


def empty_feed_date(catalog: Catalog, namespace: str) -> dt.datetime:
    """The stamp of a feed without items: the site's newest content date.

    A site with no content at all falls back to the date in the guid namespace, so even
    then no clock is read.
    """
    if catalog.notices:
        return max(n.date for n in catalog.notices).astimezone(TIMEZONE)
    match = _TAGGING_ENTITY.fullmatch(namespace)
    year, month, day = (int(p) if p else 1 for p in match.groups()) if match else (2019, 1, 1)
    return dt.datetime(year, month, day, tzinfo=TIMEZONE)


def build_feeds(catalog: Catalog, directory: FeedDirectory, items: FeedItems,
                specs: Iterable[FeedSpec] | None = None) -> list[Feed]:
    """Every feed of the directory (or just ``specs``) with its items."""
    feeds = []
    for spec in directory.specs if specs is None else specs:
        notices = feed_notices(catalog, spec, directory.options.limit)
        entries = tuple(items.item(n, spec.district, spec.town) for n in notices)
        updated = (max(i.modified for i in entries) if entries
                   else empty_feed_date(catalog, directory.options.guid_namespace))
        feeds.append(Feed(spec, entries, updated))
    return feeds


def _feedgen(feed: Feed, directory: FeedDirectory, fmt: FeedFormat) -> FeedGenerator:
    settings = directory.settings
    fg = FeedGenerator()
    # dc:creator carries authors in RSS, whose <author> must be an e-mail address.
    fg.load_extension("dc", atom=False, rss=True)
    fg.id(directory.feed_id(feed.spec))
    fg.title(xml_text(feed.spec.title))
    fg.subtitle(xml_text(feed.spec.description))
    # feedgen takes the channel <link> of RSS from the last link given: the page.
    fg.link(href=directory.url(feed.spec, fmt), rel="self", type=fmt.media_type)
    fg.link(href=absolute(settings, feed.spec.page), rel="alternate", type="text/html")
    fg.language(LANGUAGE)
    fg.author({"name": xml_text(_site_author(settings)), "uri": site_base(settings) + "/"})
    # No version: the files stay byte-identical across feedgen upgrades.
    fg.generator("python-feedgen", uri="https://lkiesow.github.io/python-feedgen")
    fg.updated(feed.updated)
    for item in feed.items:
        fe = fg.add_entry(order="append")
        fe.guid(item.guid, permalink=False)
        fe.title(item.title)
        fe.link(href=item.link, rel="alternate", type="text/html")
        fe.published(item.published)
        fe.updated(item.modified)
        # RSS <description> is HTML, so the plain-text summary is escaped once more.
        fe.summary(html.escape(item.summary, quote=False), type="html")
        fe.content(item.content_html, type="html")
        fe.category([{"term": term, "scheme": scheme} for term, scheme in item.categories])
        fe.author([{"name": name} for name in item.authors])
        if item.authors:
            fe.dc.dc_creator("、".join(item.authors))
    return fg


def _site_author(settings: Mapping) -> str:
    return settings.get("AUTHOR") or settings.get("SITENAME") or "甬城通告"


def rss_bytes(feed: Feed, directory: FeedDirectory) -> bytes:
    """The RSS 2.0 file (content:encoded for the full HTML, atom:link for self)."""
    return _feedgen(feed, directory, RSS).rss_str(pretty=True, encoding="UTF-8")


def atom_bytes(feed: Feed, directory: FeedDirectory) -> bytes:
    """The Atom 1.0 file."""
    return _feedgen(feed, directory, ATOM).atom_str(pretty=True, encoding="UTF-8")


def json_bytes(feed: Feed, directory: FeedDirectory) -> bytes:
    """The JSON Feed 1.1 file (https://www.jsonfeed.org/version/1.1/)."""
    settings = directory.settings
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "user_comment": "这是 JSON Feed 格式的订阅源：把本文件的地址添加到支持 JSON Feed 的"
                        "阅读器即可订阅。",
        "title": xml_text(feed.spec.title),
        "home_page_url": absolute(settings, feed.spec.page),
        "feed_url": directory.url(feed.spec, JSON_FEED),
        "description": xml_text(feed.spec.description),
        "language": LANGUAGE,
        "authors": [{"name": xml_text(_site_author(settings)), "url": site_base(settings) + "/"}],
        "items": [
            {
                "id": item.guid,
                "url": item.link,
                "title": item.title,
                "content_html": item.content_html,
                "summary": item.summary,
                "date_published": item.published.isoformat(),
                "date_modified": item.modified.isoformat(),
                "authors": [{"name": name} for name in item.authors],
                "tags": [term for term, _ in item.categories],
            }
            for item in feed.items
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


WRITERS = {"rss": rss_bytes, "atom": atom_bytes, "json": json_bytes}


def feed_files(feeds: Iterable[Feed], directory: FeedDirectory) -> list[tuple[str, bytes]]:
    """Every feed file as (site-relative path, bytes), in a stable order."""
    return [(directory.path(feed.spec, fmt), WRITERS[fmt.name](feed, directory))
            for feed in feeds for fmt in directory.formats]
