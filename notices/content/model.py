"""The content model: the one declaration of kinds, fields and their types.

Every output (pages, feeds, calendars, search, open data) and the importer read these
typed objects; nothing else parses front matter. The kind of an item comes from its
folder under ``content/`` (see ``KINDS``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from notices.content.characters import has_visible_character, refused_character
from notices.content.districts import District, DistrictTable
from notices.content.kinds import KIND_LABELS as KIND_LABELS
from notices.content.kinds import Kind as Kind
from notices.content.problems import quote
from notices.content.settings import SETTINGS_FILE
from notices.content.towns import Town, TownTable

TIMEZONE = ZoneInfo("Asia/Shanghai")


# ---------------------------------------------------------------------------
# Field types. Each raises a PydanticCustomError whose message is user-facing.


def _context(info: ValidationInfo) -> dict:
    return info.context or {}


def _district(value: Any, info: ValidationInfo) -> District:
    if isinstance(value, District):
        return value
    table: DistrictTable | None = _context(info).get("districts")
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError(
            "notice",
            '{value} is not a district name; expected a declared district such as "江北区"',
            {"value": quote(value)},
        )
    value = unicodedata.normalize("NFC", value)
    found = table.get(value) if table else None
    if found is None:
        message = table.unknown_message(value) if table else f"{quote(value)} is not a district"
        raise PydanticCustomError("notice", message.replace("{", "{{").replace("}", "}}"))
    return found


DistrictField = Annotated[
    District,
    BeforeValidator(_district),
    PlainSerializer(lambda d: d.name, return_type=str),
]


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise PydanticCustomError("notice", "{value} is not text; expected text",
                                  {"value": quote(value)})
    if isinstance(value, (int, float, dt.date)):
        value = str(value)
    if not isinstance(value, str):
        raise PydanticCustomError("notice", "expected text")
    # One form for every output and every comparison (an area typed in NFD must match the
    # same area in NFC, as Unicode says they are the same text).
    value = unicodedata.normalize("NFC", value.strip())
    if not value:
        raise PydanticCustomError("notice", "is empty; expected text")
    refused = refused_character(value)
    if refused:
        raise PydanticCustomError("notice", "{value} contains {what}",
                                  {"value": quote(value), "what": refused})
    if not has_visible_character(value):
        raise PydanticCustomError("notice", "{value} has no visible characters; expected text",
                                  {"value": quote(value)})
    return value


Text = Annotated[str, BeforeValidator(_text)]


def _text_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        raise PydanticCustomError(
            "notice", "{value} is a single text; expected a list such as [{value_plain}]",
            {"value": quote(value), "value_plain": value},
        )
    if not isinstance(value, list):
        raise PydanticCustomError("notice", "{value} is not a list; expected a list",
                                  {"value": quote(value)})
    return value


TextList = Annotated[list[Text], BeforeValidator(_text_list)]


# Dates outside these years are typing mistakes; before 1990 Python's zone data would also
# give Asia/Shanghai's local mean time (+08:05:43), which feed readers misread.
FIRST_YEAR, LAST_YEAR = 1990, 2099


def _plausible(day: dt.date, shown: Any):
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        shown = shown if isinstance(shown, str) else (
            shown.isoformat(" ") if isinstance(shown, dt.datetime) else shown.isoformat())
        raise PydanticCustomError(
            "notice", "{value} is outside the years {first}–{last} this site accepts; check "
            "the year", {"value": quote(shown.strip()), "first": FIRST_YEAR, "last": LAST_YEAR})
    return day


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        _plausible(value, value)
        return (value.astimezone(TIMEZONE) if value.tzinfo else value).date()
    if isinstance(value, dt.date):
        return _plausible(value, value)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?\s*", value)
        if match:
            try:
                return _plausible(dt.date(*map(int, match.groups())), value)
            except ValueError:
                raise PydanticCustomError(
                    "notice", "{value} is not a real date; check the month and day",
                    {"value": quote(value)},
                ) from None
    raise PydanticCustomError(
        "notice", "{value} is not a date; expected YYYY-MM-DD such as 2019-09-23",
        {"value": quote(value)},
    )


Date = Annotated[dt.date, BeforeValidator(_parse_date)]

_DATETIME = re.compile(
    r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*"
)


def _parse_datetime(value: Any) -> dt.datetime:
    """Read a date or date-time; naive values are in the site's time zone."""
    if isinstance(value, dt.datetime):
        _plausible(value, value)
        # A date with an offset is shown, archived and counted in Ningbo time.
        return value.replace(tzinfo=TIMEZONE) if value.tzinfo is None else \
            value.astimezone(TIMEZONE)
    if isinstance(value, dt.date):
        return dt.datetime.combine(_plausible(value, value), dt.time(), TIMEZONE)
    if isinstance(value, str):
        match = _DATETIME.fullmatch(value)
        if match:
            y, mo, d, h, mi, s, tz = match.groups()
            try:
                naive = dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0),
                                    int(s or 0))
            except ValueError:
                raise PydanticCustomError(
                    "notice", "{value} is not a real date and time; check the month, day and hour",
                    {"value": quote(value)},
                ) from None
            _plausible(naive, value)
            if tz:
                return dt.datetime.fromisoformat(naive.isoformat() + (
                    "+00:00" if tz == "Z" else tz[:3] + ":" + tz[-2:])).astimezone(TIMEZONE)
            return naive.replace(tzinfo=TIMEZONE)
    raise PydanticCustomError(
        "notice",
        '{value} is not a date-time; expected "YYYY-MM-DD HH:MM" such as "2019-09-23 09:30"',
        {"value": quote(value)},
    )


DateTime = Annotated[dt.datetime, BeforeValidator(_parse_datetime)]


@dataclass(frozen=True, order=True)
class ClockTime:
    """A time of day as published ("08:30"); ``next_day`` marks an end after midnight (次日)."""

    hour: int
    minute: int
    next_day: bool = False

    @property
    def minutes(self) -> int:
        return (24 * 60 if self.next_day else 0) + self.hour * 60 + self.minute

    def __str__(self) -> str:
        return f"{'次日' if self.next_day else ''}{self.hour:02d}:{self.minute:02d}"

    @property
    def hhmm(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"


_CLOCK = re.compile(r"\s*(次日|翌日)?\s*(\d{1,2})[:：](\d{2})\s*")


def parse_clock(value: Any) -> ClockTime:
    """``"08:30"``, ``"次日06:00"`` (or a ClockTime) as a ClockTime; a PydanticCustomError
    otherwise."""
    if isinstance(value, ClockTime):
        return value
    if isinstance(value, str):
        match = _CLOCK.fullmatch(value)
        if match:
            next_day, hour, minute = match.group(1), int(match.group(2)), int(match.group(3))
            if hour == 24 and minute == 0 and not next_day:
                return ClockTime(0, 0, True)
            if hour < 24 and minute < 60:
                return ClockTime(hour, minute, bool(next_day))
    raise PydanticCustomError(
        "notice",
        '{value} is not a time; expected "HH:MM" such as "08:30" (write "次日06:00" for a '
        "time after midnight)",
        {"value": quote(value)},
    )


Clock = Annotated[
    ClockTime,
    BeforeValidator(parse_clock),
    PlainSerializer(str, return_type=str),
]


def _http_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        raise PydanticCustomError(
            "notice", "{value} is not a web address; expected a URL starting with http:// or "
            "https://", {"value": quote(value)},
        )
    return value


HttpUrl = Annotated[Text, AfterValidator(_http_url)]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _slug(value: str) -> str:
    if not SLUG.match(value) or len(value) > 80:
        raise PydanticCustomError(
            "notice", "{value} is not a slug; expected lower-case ASCII letters, digits and "
            'hyphens (at most 80), e.g. "2019-09-16-power"', {"value": quote(value)},
        )
    return value


Slug = Annotated[Text, AfterValidator(_slug)]

_PHONE = re.compile(r"^[0-9+()\- ]{3,20}$")


def _phone(value: str) -> str:
    if not _PHONE.match(value):
        raise PydanticCustomError(
            "notice", "{value} is not a phone number; expected digits such as \"87571668\" or "
            "\"13989388772\"", {"value": quote(value)},
        )
    return value


Phone = Annotated[Text, AfterValidator(_phone)]


def _non_empty_list(value: list) -> list:
    if not value:
        raise PydanticCustomError("notice", "is empty; expected at least one entry")
    return value


# ---------------------------------------------------------------------------
# Shapes


class Shape(BaseModel):
    """Base of every front-matter shape: unknown fields are errors, objects are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Source(Shape):
    """Where an article was printed."""

    paper: Text
    page: Text | None = None
    url: HttpUrl | None = None


class Image(Shape):
    """An article's photo; ``src`` may be missing when only the caption survives."""

    src: Text | None = None
    alt: Text | None = None
    caption: Text | None = None
    credit: Text | None = None


class Contact(Shape):
    """A person or office to call about a tender."""

    name: Text
    phone: Phone | None = None
    role: Text | None = None


class RegistrationWindow(Shape):
    """When and where bidders register; a date without a time covers the whole day."""

    start: DateTime
    end: DateTime
    place: Text | None = None
    note: Text | None = None
    all_day: bool = False

    @model_validator(mode="before")
    @classmethod
    def _mark_all_day(cls, data: Any) -> Any:
        if isinstance(data, dict) and "all_day" not in data:
            def dateonly(v):
                return (isinstance(v, dt.date) and not isinstance(v, dt.datetime)) or (
                    isinstance(v, str) and re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", v))
            if dateonly(data.get("start")) and dateonly(data.get("end")):
                data = {**data, "all_day": True}
        return data

    @property
    def last_day(self) -> dt.date:
        """The last day of registration (an all-day window ends at the next midnight)."""
        return (self.end - dt.timedelta(days=1)).date() if self.all_day else self.end.date()

    @model_validator(mode="after")
    def _order(self) -> RegistrationWindow:
        if self.all_day:
            end = self.end + dt.timedelta(days=1)
            object.__setattr__(self, "end", end)
        if self.end <= self.start:
            raise PydanticCustomError(
                "notice_at",
                'end "{end}" is not after start "{start}"',
                {"field": "end", "end": self.end.strftime("%Y-%m-%d %H:%M"),
                 "start": self.start.strftime("%Y-%m-%d %H:%M")},
            )
        return self


class OutageSource(Shape):
    """Who published an outage schedule."""

    name: Text
    url: HttpUrl | None = None


MAX_WINDOW_MINUTES = 24 * 60


class OutageWindow(Shape):
    """One planned cut: a day, a district, a town, the areas as published, a time window."""

    date: Date
    district: DistrictField
    town: Text | None = None
    areas: Annotated[TextList, AfterValidator(_non_empty_list)]
    # Both left out (or null): the whole day, read as 00:00—次日00:00 (``whole_day``).
    start: Clock | None = None
    end: Clock | None = None
    note: Text | None = None
    id: Slug | None = Field(default=None, description="explicit identity across notices")
    # Set by the schedule when one notice lists the same areas twice on a day (8:00—12:00
    # and 14:00—17:00): the second and later get 1, 2, … so each is its own event.
    _ordinal: int = PrivateAttr(default=0)
    _memo: dict = PrivateAttr(default_factory=dict)
    # The town as a place (slug, district, declared or not): set from the town table.
    _town: Town | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _resolve_town(self, info: ValidationInfo) -> OutageWindow:
        """Name the town by its official name (an alias in TOWNS reads as the town)."""
        if self.town is not None:
            table = getattr(_context(info).get("districts"), "towns", None) or TownTable()
            # A town TOWNS declares in another district only (慈城镇 is 江北区's): a wrong
            # district, or a town a resident subscribed to would never show this window.
            elsewhere = table.declared_elsewhere(self.district, self.town)
            if elsewhere:
                raise PydanticCustomError(
                    "notice_at", "{town} is declared in {where} (TOWNS in {settings}), not in "
                    "{district}; correct the district, or declare the town in {district} too",
                    {"field": "town", "town": quote(self.town.strip()),
                     "where": "、".join(dict.fromkeys(t.district_name for t in elsewhere)),
                     "district": self.district.name, "settings": SETTINGS_FILE})
            town = table.get(self.district, self.town)
            object.__setattr__(self, "town", town.name)
            self.__pydantic_private__["_town"] = town
        return self

    @model_validator(mode="after")
    def _order(self) -> OutageWindow:
        if self.start is None and self.end is None:  # a whole-day outage
            object.__setattr__(self, "start", ClockTime(0, 0))
            object.__setattr__(self, "end", ClockTime(0, 0, next_day=True))
            return self
        if self.start is None or self.end is None:
            given, left = ("start", "end") if self.end is None else ("end", "start")
            raise PydanticCustomError(
                "notice_at", "is missing while {given} is given; give both times, or leave "
                "both out for an outage of the whole day",
                {"field": left, "given": given, "left": left},
            )
        if self.start.next_day:
            raise PydanticCustomError(
                "notice_at", 'start {start} cannot be on the next day; give the window the date '
                "it starts on", {"field": "start", "start": quote(str(self.start))},
            )
        if self.end.minutes <= self.start.minutes:
            raise PydanticCustomError(
                "notice_at",
                'end "{end}" is before start "{start}". If the window ends after midnight, '
                'write "次日{end}"' if self.end.minutes < self.start.minutes else
                'end "{end}" is the same as start "{start}"; expected a later end',
                {"field": "end", "end": str(self.end), "start": str(self.start)},
            )
        if self.end.minutes - self.start.minutes > MAX_WINDOW_MINUTES:
            raise PydanticCustomError(
                "notice_at", 'end "{end}" is more than 24 hours after start "{start}"; split '
                "longer cuts into one window per day",
                {"field": "end", "end": str(self.end), "start": str(self.start)},
            )
        return self

    # Derived values ---------------------------------------------------------

    @property
    def start_at(self) -> dt.datetime:
        # Kept (``_remember``): every window's is read by each sort of the windows and of
        # the outage events, and by the retention cut (0.15 s a build at 5,000 items).
        return self._remember("start_at", lambda: dt.datetime.combine(
            self.date, dt.time(self.start.hour, self.start.minute), TIMEZONE))

    @property
    def end_at(self) -> dt.datetime:
        def make() -> dt.datetime:
            day = self.date + dt.timedelta(days=1 if self.end.next_day else 0)
            return dt.datetime.combine(day, dt.time(self.end.hour, self.end.minute), TIMEZONE)

        return self._remember("end_at", make)

    @property
    def town_place(self) -> Town | None:
        """The window's town with its slug and district (None when it names no town)."""
        town = self.__pydantic_private__.get("_town")
        if town is None and self.town is not None:  # made without the town table
            town = TownTable().get(self.district, self.town)
            self.__pydantic_private__["_town"] = town
        return town

    @property
    def shown_areas(self) -> tuple[str, ...]:
        """The areas in published order, each once: how every output but the schedule
        page (which keeps the printed text) shows them."""
        return tuple(dict.fromkeys(self.areas))

    @property
    def place(self) -> str:
        """District and town, e.g. 江北区慈城镇."""
        return self.district.name + (self.town or "")

    @property
    def identity(self) -> str:
        """What makes two windows in different notices the same planned cut.

        An explicit ``id`` wins; otherwise the day, the district, the town and the set of
        areas (order and duplicates ignored). The time is not part of it, so a notice that
        moves the time changes the same event.
        """
        return self._remember("identity", lambda: f"id:{self.id}" if self.id else (
            self.base_identity + (f"#{self._ordinal}" if self._ordinal else "")))

    def _remember(self, name: str, compute):
        """``compute()``, kept for the window's life (until ``_number_repeats`` clears it).

        Read through ``__pydantic_private__``: plain ``self._memo`` goes through pydantic's
        ``__getattr__``, which cost a second per build at 5,000 items.
        """
        memo = self.__pydantic_private__["_memo"]
        value = memo.get(name)
        if value is None:
            value = memo[name] = compute()
        return value

    def with_areas(self, areas: list[str]) -> OutageWindow:
        """This window with fewer areas (some were cancelled): it keeps its identity, key and
        anchor (the window published on the schedule page), while ``base_identity``
        describes the areas left."""
        self.anchor  # noqa: B018 - computes identity, key and anchor before copying them
        copy = self.model_copy(update={"areas": areas})
        memo = self.__pydantic_private__["_memo"]
        copy.__pydantic_private__["_memo"] = {k: memo[k] for k in ("identity", "key", "anchor")}
        return copy

    @property
    def base_identity(self) -> str:
        return self._remember("base", lambda: (
            f"{self.date.isoformat()}|{self.district.slug}|{self.town or ''}|"
            + "、".join(sorted(set(self.areas)))))

    @property
    def key(self) -> str:
        """A short stable hash of ``identity`` (for anchors and calendar UIDs)."""
        return self._remember(
            "key", lambda: hashlib.sha256(self.identity.encode("utf-8")).hexdigest()[:10])

    @property
    def anchor(self) -> str:
        return self._remember(
            "anchor", lambda: f"w-{self.date:%Y%m%d}-{self.district.slug}-{self.key}")

    @property
    def whole_day(self) -> bool:
        """The whole day (both times left out, or 00:00—次日00:00): an all-day event."""
        return self.start.minutes == 0 and self.end.minutes == 24 * 60

    @property
    def time_range(self) -> str:
        return "全天" if self.whole_day else f"{self.start}—{self.end}"


class Common(Shape):
    """Fields every kind has."""

    title: Text
    date: DateTime
    slug: Slug | None = None
    summary: Text | None = None
    tags: TextList = []
    #: When the item was last corrected (optional); shown as 更新于… and in feeds.
    updated: DateTime | None = None

    @model_validator(mode="after")
    def _updated_after_date(self) -> Common:
        if self.updated is not None and self.updated < self.date:
            raise PydanticCustomError(
                "notice_at", 'updated "{updated}" is before date "{date}"; expected the time '
                "of the correction, after publication",
                {"field": "updated", "updated": self.updated.strftime("%Y-%m-%d %H:%M"),
                 "date": self.date.strftime("%Y-%m-%d %H:%M")})
        return self

    @property
    def modified(self) -> dt.datetime:
        """The last correction, else the publication date."""
        return self.updated or self.date


class ArticleFields(Common):
    """A news article."""

    districts: Annotated[list[DistrictField], BeforeValidator(_text_list),
                         AfterValidator(_non_empty_list)]
    authors: TextList = []
    photographers: TextList = []
    source: Source | None = None
    column: Text | None = None
    image: Image | None = None


class TenderFields(Common):
    """A tender (招标公告) or open-registration notice (公开报名公告)."""

    notice_type: Text = "招标公告"
    districts: Annotated[list[DistrictField], BeforeValidator(_text_list),
                         AfterValidator(_non_empty_list)]
    issuer: Text
    project: Text
    requirements: TextList = []
    registration: list[RegistrationWindow] = []
    contacts: list[Contact] = []
    fees: Text | None = None

    @property
    def opens_at(self) -> dt.datetime | None:
        return min((w.start for w in self.registration), default=None)

    @property
    def closes_at(self) -> dt.datetime | None:
        return max((w.end for w in self.registration), default=None)


class OutageFields(Common):
    """A planned power-outage schedule (计划停电预告) with its 取消 section."""

    source: OutageSource
    windows: list[OutageWindow] = []
    cancelled: list[OutageWindow] = []

    @model_validator(mode="after")
    def _unique_ids(self) -> OutageFields:
        for name, group in (("windows", self.windows), ("cancelled", self.cancelled)):
            seen: dict[str, int] = {}
            for index, window in enumerate(group):
                if window.id is None:
                    continue
                if window.id in seen:
                    raise PydanticCustomError(
                        "notice_at", '"{id}" is already used by {name}[{first}]; each window '
                        "of a schedule needs its own id",
                        {"path": f"{name}[{index}].id", "id": window.id, "name": name,
                         "first": seen[window.id]},
                    )
                seen[window.id] = index
        return self

    @model_validator(mode="after")
    def _number_repeats(self) -> OutageFields:
        for group in (self.windows, self.cancelled):
            seen: dict[str, int] = {}
            for window in sorted(group, key=lambda w: w.start.minutes):
                count = seen.get(window.base_identity, 0)
                window._ordinal = count
                for name in ("identity", "key", "anchor"):  # they include the ordinal
                    window.__pydantic_private__["_memo"].pop(name, None)
                seen[window.base_identity] = count + 1
        return self

    @model_validator(mode="after")
    def _some_windows(self) -> OutageFields:
        if not self.windows and not self.cancelled:
            raise PydanticCustomError(
                "notice_at", "is empty; an outage schedule needs at least one window "
                "(or a cancelled one)", {"field": "windows"},
            )
        return self

    @property
    def districts(self) -> list[District]:
        seen: dict[str, District] = {}
        for window in (*self.windows, *self.cancelled):
            seen.setdefault(window.district.slug, window.district)
        return list(seen.values())

    @property
    def all_windows(self) -> list[tuple[OutageWindow, bool]]:
        """Every window with a flag saying whether it is a cancellation."""
        return [(w, False) for w in self.windows] + [(w, True) for w in self.cancelled]


FIELDS_BY_KIND: dict[Kind, type[Common]] = {
    Kind.ARTICLE: ArticleFields,
    Kind.TENDER: TenderFields,
    Kind.OUTAGE: OutageFields,
}


# ---------------------------------------------------------------------------
# The item: typed fields plus what the build knows about the file.


@dataclass
class Notice:
    """One content item of any kind, as every output sees it."""

    kind: Kind
    fields: Common
    source_path: str  # project-relative, e.g. content/outages/2019-09-16-power.md
    slug: str
    body_html: str
    summary: str
    content_hash: str = ""  # of the file's path and bytes: what incremental builds compare
    url: str = ""  # set by the site once URLs are known

    @property
    def title(self) -> str:
        return self.fields.title

    @cached_property
    def date(self) -> dt.datetime:
        return self.fields.date

    @property
    def districts(self) -> list[District]:
        return list(self.fields.districts)

    @cached_property
    def month_key(self) -> str:
        return f"{self.date:%Y-%m}"

    @cached_property
    def source_id(self) -> str:
        """A permanent identifier: kind and slug, never the title or URL pattern."""
        return f"{self.kind.value}/{self.slug}"
