"""The district table: declared once in ``DISTRICTS`` in pelicanconf.py, read by every output."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from notices.content.problems import ConfigError, did_you_mean, quote
from notices.content.settings import SETTINGS_FILE
from notices.content.towns import TownTable, town_table

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class District:
    """A declared district: its official name, ASCII slug and the short names editors use."""

    name: str
    slug: str
    aliases: tuple[str, ...] = ()
    citywide: bool = False

    def __str__(self) -> str:
        return self.name


@dataclass
class DistrictTable:
    """Look districts up by name or alias; the order is the declared order."""

    districts: tuple[District, ...]
    #: The towns below the districts (``TOWNS``; undeclared towns are made on demand).
    towns: TownTable = field(default_factory=TownTable)
    _by_name: dict[str, District] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for district in self.districts:
            for key in (district.name, *district.aliases):
                self._by_name[key] = district

    def __iter__(self):
        return iter(self.districts)

    def __len__(self) -> int:
        return len(self.districts)

    def get(self, name: str) -> District | None:
        """Return the district named ``name`` (official name or alias), else None."""
        return self._by_name.get(name.strip()) if isinstance(name, str) else None

    def by_slug(self, slug: str) -> District | None:
        return next((d for d in self.districts if d.slug == slug), None)

    def unknown_message(self, value) -> str:
        """Explain an undeclared district, with the closest declared name as a hint."""
        return (
            f"{quote(value)} is not a declared district.{did_you_mean(value, self._by_name)}"
            f" Districts are declared in DISTRICTS in {SETTINGS_FILE}"
        )

    @property
    def names(self) -> list[str]:
        return [d.name for d in self.districts]


_KNOWN_KEYS = ("name", "slug", "aliases", "citywide")


def district_table(settings: dict) -> DistrictTable:
    """Build and check the district table from ``settings['DISTRICTS']``."""
    raw = settings.get("DISTRICTS")
    where = f"{SETTINGS_FILE}: DISTRICTS"
    if not isinstance(raw, (list, tuple)) or not raw:
        raise ConfigError(
            f'{where} is {quote(raw)}; expected a list of districts such as '
            f'[{{"name": "海曙区", "slug": "haishu", "aliases": ["海曙"]}}]'
        )
    errors: list[str] = []
    districts: list[District] = []
    seen: dict[str, str] = {}
    for index, entry in enumerate(raw):
        here = f"{where}[{index}]"
        if not isinstance(entry, dict):
            errors.append(f"{here} is {quote(entry)}; expected a dict with name, slug and aliases")
            continue
        for key in entry:
            if key not in _KNOWN_KEYS:
                errors.append(
                    f'{here} has unknown key "{key}".{did_you_mean(key, _KNOWN_KEYS)}'
                    f" Known keys: {', '.join(_KNOWN_KEYS)}"
                )
        name, slug = entry.get("name"), entry.get("slug")
        aliases = entry.get("aliases", [])
        if not isinstance(name, str) or not name.strip():
            errors.append(
                f'{here}.name is {quote(name)}; expected the official name, e.g. "海曙区"'
            )
            continue
        if not isinstance(slug, str) or not SLUG_PATTERN.match(slug):
            errors.append(
                f"{here}.slug is {quote(slug)}; expected lower-case ASCII letters, digits and "
                'hyphens, e.g. "haishu"'
            )
            continue
        if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) for a in aliases):
            errors.append(f"{here}.aliases is {quote(aliases)}; expected a list of names")
            continue
        for key in (name, slug, *aliases):
            if key in seen:
                errors.append(f'{here}: "{key}" is already used by {seen[key]}')
            seen[key] = name
        districts.append(
            District(name, slug, tuple(aliases), citywide=bool(entry.get("citywide", False)))
        )
    if errors:
        raise ConfigError("\n".join(errors))
    table = DistrictTable(tuple(districts))
    table.towns = town_table(settings, table)
    return table
