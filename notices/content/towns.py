"""Towns (镇, 街道, 乡) below the districts: the optional ``TOWNS`` table and town slugs.

A window may name its town (``town: 慈城镇``). ``TOWNS`` in pelicanconf.py may declare a
town's official name, its aliases and its slug, as ``DISTRICTS`` does for districts; a town
it does not declare is still published, under its district, with a slug made from its
name. The slug depends on the town's own name only (the pinyin of the name without its
镇/街道/乡 ending: 慈城镇 → ``cicheng``), so a new town never changes an existing town's
URLs. Two towns of a district whose names give the same slug are a content problem that
asks for a declared slug (``Catalog.town_problems``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from notices.content.problems import ConfigError, did_you_mean, quote
from notices.content.settings import SETTINGS_FILE

SUFFIXES = ("街道", "镇", "乡")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Slugs a town may not have: the names of files beside the town folders.
RESERVED = frozenset({"articles", "tenders", "outages", "index", "page"})


#: Slugs made so far, by name. The build keeps them in its cache (keyed by the code
#: fingerprint, which names pypinyin's version), so a new process after an edit does not
#: load pypinyin's dictionaries (0.3–0.4 s) for towns it has seen before.
_SLUGS: dict[str, str] = {}


def known_slugs() -> dict[str, str]:
    """The town slugs made or given so far (name → slug)."""
    return dict(_SLUGS)


def add_known_slugs(slugs: dict[str, str]) -> None:
    """Take slugs a previous build made with the same code (see ``_SLUGS``)."""
    _SLUGS.update(slugs)


def town_slug(name: str) -> str:
    """The pinyin of a town's name without its ending, in lower-case ASCII (慈城镇 → cicheng)."""
    slug = _SLUGS.get(name)
    if slug is None:
        slug = _SLUGS[name] = _make_slug(name)
    return slug


def _make_slug(name: str) -> str:
    from pypinyin import Style, lazy_pinyin  # lazy: its dictionaries take 0.4 s to load

    stem = name
    for suffix in SUFFIXES:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
            break
    words = lazy_pinyin(stem, style=Style.NORMAL, errors=lambda chars: list(chars))
    slug = "".join(c for c in "".join(words).lower() if c.isascii() and c.isalnum())
    if not slug or slug in RESERVED:
        slug = f"town-{slug}" if slug else "town"
    return slug[:60]


@dataclass(frozen=True)
class Town:
    """A town of a district: official name, ASCII slug, and whether ``TOWNS`` declares it."""

    name: str
    slug: str
    district_slug: str
    district_name: str
    aliases: tuple[str, ...] = ()
    declared: bool = False

    def __str__(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        """``jiangbei/cicheng``: the town's path below its district in every output."""
        return f"{self.district_slug}/{self.slug}"

    @property
    def label(self) -> str:
        """慈城镇（江北区）: how calendars and feeds name the town."""
        return f"{self.name}（{self.district_name}）"

    @property
    def page(self) -> str:
        """The town's page, site-relative: ``districts/jiangbei/cicheng/``."""
        return f"districts/{self.key}/"

    @property
    def subscribe_url(self) -> str:
        """Where a resident subscribes to the town: its page's subscription section."""
        return f"{self.page}#subscribe"


@dataclass
class TownTable:
    """Declared towns by (district slug, name or alias); undeclared ones made on demand."""

    towns: tuple[Town, ...] = ()
    _by_name: dict[tuple[str, str], Town] = field(default_factory=dict, repr=False)

    _named: dict[str, list[Town]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for town in self.towns:
            for name in (town.name, *town.aliases):
                self._by_name[(town.district_slug, name)] = town
                self._named.setdefault(name, []).append(town)

    def __iter__(self):
        return iter(self.towns)

    def declared_named(self, name: str) -> list[Town]:
        """The towns ``TOWNS`` declares with this name or alias, in any district."""
        return list(self._named.get(name.strip(), ()))

    def declared_one(self, name: str) -> Town | None:
        """The one town ``TOWNS`` declares with this name or alias, else None (none, or a name
        several districts' towns bear)."""
        named = self._named.get(name.strip(), ()) if name else ()
        return named[0] if len(named) == 1 else None

    def declared_elsewhere(self, district, name: str) -> list[Town]:
        """The declared towns named ``name`` (or with that alias) in other districts than
        ``district``, when ``district`` declares none of that name."""
        named = self.declared_named(name)
        if any(town.district_slug == district.slug for town in named):
            return []
        return named

    def get(self, district, name: str) -> Town:
        """The town ``name`` (official name or alias) of ``district``."""
        name = name.strip()
        found = self._by_name.get((district.slug, name))
        if found is None:
            found = self._by_name[(district.slug, name)] = Town(
                name, town_slug(name), district.slug, district.name)
        return found


_KNOWN_KEYS = ("district", "name", "slug", "aliases")


def town_table(settings: dict, districts) -> TownTable:
    """Build and check the town table from ``settings['TOWNS']`` (optional)."""
    raw = settings.get("TOWNS") or []
    where = f"{SETTINGS_FILE}: TOWNS"
    if not isinstance(raw, (list, tuple)):
        raise ConfigError(
            f'{where} is {quote(raw)}; expected a list of towns such as '
            f'[{{"district": "江北区", "name": "慈城镇", "slug": "cicheng", "aliases": ["慈城"]}}]')
    errors: list[str] = []
    towns: list[Town] = []
    seen: dict[tuple[str, str], str] = {}
    for index, entry in enumerate(raw):
        here = f"{where}[{index}]"
        if not isinstance(entry, dict):
            errors.append(f"{here} is {quote(entry)}; expected a dict with district, name, "
                          "slug and aliases")
            continue
        for key in entry:
            if key not in _KNOWN_KEYS:
                errors.append(f'{here} has unknown key "{key}".{did_you_mean(key, _KNOWN_KEYS)}'
                              f" Known keys: {', '.join(_KNOWN_KEYS)}")
        district = districts.get(entry.get("district", ""))
        if district is None:
            errors.append(f"{here}.district is {quote(entry.get('district'))}; expected a "
                          "district declared in DISTRICTS, e.g. \"江北区\"")
            continue
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            errors.append(f'{here}.name is {quote(name)}; expected the official name, '
                          'e.g. "慈城镇"')
            continue
        name = name.strip()
        slug = entry["slug"] if "slug" in entry else town_slug(name)
        if not isinstance(slug, str) or not SLUG_PATTERN.match(slug) or slug in RESERVED:
            errors.append(f"{here}.slug is {quote(slug)}; expected lower-case ASCII letters, "
                          'digits and hyphens (not a kind name), e.g. "cicheng"')
            continue
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) for a in aliases):
            errors.append(f"{here}.aliases is {quote(aliases)}; expected a list of names")
            continue
        for key in (name, slug, *aliases):
            if (district.slug, key) in seen:
                errors.append(f'{here}: "{key}" is already used by {seen[(district.slug, key)]}'
                              f" in {district.name}")
            seen[(district.slug, key)] = name
        towns.append(Town(name, slug, district.slug, district.name, tuple(aliases), True))
    if errors:
        raise ConfigError("\n".join(errors))
    return TownTable(tuple(towns))
