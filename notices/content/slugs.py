"""Readable, stable ASCII slugs for items with Chinese titles."""

from __future__ import annotations

import re

from notices.content.model import SLUG

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug_from_stem(stem: str) -> str | None:
    """Return the file name as a slug when it already is one (the usual, stable case)."""
    candidate = stem.lower()
    return candidate if SLUG.match(candidate) and len(candidate) <= 80 else None


def pinyin_slug(text: str, max_words: int = 8) -> str:
    """Spell Chinese text in pinyin, reading polyphones by phrase (重庆 → chong-qing)."""
    from pypinyin import Style, lazy_pinyin  # lazy: its dictionaries take 0.4 s to load

    words = []
    for word in lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: list(chars)):
        word = _NON_SLUG.sub("-", word.lower()).strip("-")
        if word:
            words.append(word)
        if len(words) >= max_words:
            break
    return "-".join(words)[:80].strip("-") or "item"
