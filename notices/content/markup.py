"""Render Markdown bodies with markdown-it-py: CommonMark, tables and footnotes, no raw HTML.

Policy for raw HTML in bodies: it is not interpreted. ``<script>``, ``<img onerror>`` and
other tags appear as escaped text, and links are limited to safe schemes (markdown-it refuses
``javascript:``, ``vbscript:``, ``file:`` and non-image ``data:`` URLs). Pelican's
``{filename}`` / ``{static}`` internal links keep working.
"""

from __future__ import annotations

import html as html_lib
import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink
from mdit_py_plugins.footnote import footnote_plugin

# Pelican rewrites {filename}/… and {static}/… links after rendering; keep the braces.
_INTRASITE = re.compile(r"^(\{(?:filename|static|attach|category|tag|author|index)\}|\|\w+\|)")


def _normalize_link(url: str) -> str:
    match = _INTRASITE.match(url)
    if match:
        return match.group(1) + normalizeLink(url[match.end() :])
    return normalizeLink(url)


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    """Return the shared Markdown renderer."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.use(footnote_plugin)
    md.normalizeLink = _normalize_link
    return md


def render(body: str) -> str:
    """Render a Markdown body to HTML."""
    return markdown().render(body)


_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def plain_text(html: str) -> str:
    """Strip tags and collapse white space (for summaries and search)."""

    return _SPACE.sub(" ", html_lib.unescape(_TAG.sub(" ", html))).strip()


def summarize(text: str, limit: int) -> str:
    """Cut plain text to ``limit`` characters (not words: Chinese has no spaces)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    return text[:limit].rstrip("，、；：,;: ") + "…"
