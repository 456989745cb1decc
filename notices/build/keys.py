"""Dependency keys for pages: what a page's template reads, as fingerprints.

A page's key covers its arguments (for a list, the items of that page), and from the
content-derived objects of the shared context what they say a page read from them
(``page_fingerprint``: ``catalog``, ``outage_calendar``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable

from jinja2 import meta
from pelican.contents import Content
from pelican.paginator import Page, Paginator

from notices.build.cache import ReaderCache, stable_repr
from notices.content.catalog import Catalog, Keyed, WindowEntry
from notices.content.model import Notice

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------
# Dependency keys for pages


def _notice_fp(value) -> str:
    return f"N{value.content_hash}:{value.url}"


def _content_fp(value) -> str:
    notice = getattr(value, "notice", None)
    return _notice_fp(notice) if notice else f"C{value.source_path}"


def _window_fp(value) -> str:
    return f"W{value.notice.content_hash}:{value.anchor}:{value.cancelled}"


def _keyed_fp(value) -> str:
    return "D" + value.key


def _page_fp(value) -> str:
    # A page is fingerprinted as itself and as its neighbours' previous and next page.
    found = getattr(value, "_notices_fingerprint", None)
    if found is None:
        found = value._notices_fingerprint = "P" + ",".join(
            [str(value.number), str(value.paginator.num_pages)]
            + [fingerprint_value(v) for v in value.object_list])
    return found


def _paginator_fp(value) -> str:  # what a page shows of it: the counts
    return f"G{value.count}:{value.num_pages}:{value.per_page}:{value.orphans}"


def _catalog_fp(value) -> str:
    return "K" + value.fingerprint


def _dict_fp(value) -> str:
    return "{" + ",".join(f"{k}={fingerprint_value(v)}"
                          for k, v in sorted(value.items())) + "}"


def _sequence_fp(value) -> str:
    return "[" + ",".join(fingerprint_value(v) for v in value) + "]"


def _repr_fp(value) -> str:
    return stable_repr(value)


@functools.cache
def _fingerprinter(kind: type) -> Callable:
    """How to fingerprint values of a type (asked once per type: pages are many)."""


    for base, fingerprint in ((Notice, _notice_fp), (Content, _content_fp),
                              (WindowEntry, _window_fp), (Keyed, _keyed_fp), (Page, _page_fp),
                              (Paginator, _paginator_fp), (Catalog, _catalog_fp),
                              (dict, _dict_fp), (list, _sequence_fp), (tuple, _sequence_fp)):
        if issubclass(kind, base):
            return fingerprint
    return _repr_fp


def fingerprint_value(value) -> str:
    """A stable text standing for what a template argument shows."""
    return _fingerprinter(type(value))(value)


def context_fingerprints(context: dict, names: Iterable[str], shown: dict) -> list[str]:
    """What a page read from content-derived objects of the shared context.

    An object there whose answers depend on content (``catalog``, ``outage_calendar``) has
    ``page_fingerprint(shown)``: a text that changes whenever anything the page can have
    asked it changes, given the page's own arguments ``shown``.
    """
    parts = []
    for name in names:
        fingerprint = getattr(context.get(name), "page_fingerprint", None)
        if fingerprint is not None:
            parts.append(f"{name}={fingerprint(shown)}")
    return parts


class TemplateDependencies:
    """Which context names a template (with everything it extends or imports) reads."""

    # Pelican's site-wide lists. Objects of ours in the context say themselves what a page
    # read from them (``page_fingerprint``, e.g. ``catalog``).
    GLOBAL_NAMES = {"articles", "dates", "categories", "tags", "authors", "pages",
                    "hidden_articles", "drafts", "all_articles", "period_archives"}

    def __init__(self, store: ReaderCache | None = None) -> None:
        self._cache: dict[str, frozenset[str]] = {}
        self._own: dict[str, tuple[frozenset[str], list[str]]] = {}
        # Parsing templates is slow; the answer only changes with the theme, which is part of
        # the code fingerprint that keys the on-disk cache.
        self._store = store

    def names(self, template) -> frozenset[str]:
        """Every context name the template (and what it extends or imports) reads."""
        name = template.name
        if name not in self._cache:
            key = f"template-names:{name}"
            found = self._store.get(key) if self._store is not None else None
            if found is None:
                found = frozenset(self._names(template.environment, name, set()))
                if self._store is not None:
                    self._store.put(key, found)
            self._cache[name] = found
        return self._cache[name]

    def reads_whole_site(self, template, given: Iterable[str] = ()) -> bool:
        """True when the template reads a site-wide list that the call does not pass in."""
        return bool((self.names(template) & self.GLOBAL_NAMES) - set(given))

    def _names(self, env, name: str, seen: set[str]) -> set[str]:
        if name in seen:
            return set()
        seen.add(name)
        own, children = self._parsed(env, name)
        names = set(own)
        for child in children:
            names |= self._names(env, child, seen)
        return names

    def _parsed(self, env, name: str) -> tuple[frozenset[str], list[str]]:
        """The names one template reads and the templates it names (each parsed once:
        base.html and macros.html are under every page template)."""
        if name not in self._own:

            ast = env.parse(env.loader.get_source(env, name)[0])
            self._own[name] = (frozenset(meta.find_undeclared_variables(ast)),
                               [c for c in meta.find_referenced_templates(ast) if c])
        return self._own[name]
