"""Which characters content may hold: the one check behind every text field and body.

Pages would keep a bidirectional override, a C1 control or a noncharacter while feeds drop
them, so a page and its feed would disagree; they are refused here, before any output.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_BIDI_CONTROLS = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}


@functools.cache
def _refused_pattern(allowed: str) -> re.Pattern:
    """Every character ``refused_character`` refuses, as one character class: a body is
    searched in C, and only a text that holds one is looked at character by character."""
    codes = sorted({*_BIDI_CONTROLS, *range(0xFDD0, 0xFDF0),
                    *(plane + low for plane in range(0, 0x110000, 0x10000)
                      for low in (0xFFFE, 0xFFFF)),
                    *(c for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in allowed)})
    return re.compile("[" + "".join(f"\\U{c:08x}" for c in codes) + "\\ud800-\\udfff]")


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def refused_character(text: str, allowed: str = "\n\t") -> str | None:
    """What is wrong with the first refused character of ``text`` (None if there is none),
    worded to follow "contains"."""
    found = _refused_pattern(allowed).search(text)
    if found is None:
        return None
    for char in text[found.start():]:
        code = ord(char)
        if code in _BIDI_CONTROLS:
            return (f"U+{code:04X} ({unicodedata.name(char)}), a bidirectional control that "
                    "can reorder how text is shown; remove it")
        if _is_noncharacter(code):
            return f"the noncharacter U+{code:04X}; remove it"
        if 0xD800 <= code <= 0xDFFF:
            return f"the lone surrogate U+{code:04X} (half of a UTF-16 pair); remove it"
        if unicodedata.category(char) == "Cc" and char not in allowed:
            return "control characters; remove them"
    return None


def has_visible_character(text: str) -> bool:
    """False for text of only spaces and invisible format characters (a zero-width space)."""
    return any(not char.isspace() and unicodedata.category(char) not in ("Cf", "Zs", "Zl",
                                                                          "Zp", "Mn")
               for char in text)


def without_controls(text: str) -> str:
    """``text`` without control characters other than line breaks and tabs."""
    if text.isprintable():
        return text
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
