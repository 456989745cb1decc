"""Precompressed copies (``page.html.gz`` beside ``page.html``) for nginx's ``gzip_static``,
written into the staging folder before the swap. Deterministic: gzip with mtime 0 and no
file name, so the same page always gives the same bytes. Imported by the build driver.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

#: The text formats the site is made of; images and search index postings are left alone.
COMPRESSED_SUFFIXES = (".html", ".xml", ".ics", ".json", ".js", ".css", ".txt", ".svg")
#: Below this a .gz saves nothing worth a second file.
MIN_BYTES = 256


def precompress(staging: Path, previous: Path | None = None) -> int:
    """Write ``<file>.gz`` beside every text file of ``staging``; return how many were
    compressed. A file hard-linked from ``previous`` (the last build reused it) reuses its
    ``.gz`` too, so an incremental build compresses only what it rendered."""
    compressed = 0
    root = str(staging)
    old_root = str(previous) if previous and previous.is_dir() else None
    for folder, _, names in os.walk(root):
        present = set(names)
        for name in names:
            if not name.endswith(COMPRESSED_SUFFIXES):
                continue
            path = os.path.join(folder, name)
            gz = path + ".gz"
            stat = os.stat(path)
            if stat.st_size < MIN_BYTES:
                if name + ".gz" in present:
                    os.unlink(gz)  # a stale copy must not be served instead of the file
                continue
            if old_root is not None and _link_previous(path, gz, root, old_root, stat):
                continue
            with open(path, "rb") as source:
                data = gzip.compress(source.read(), compresslevel=9, mtime=0)
            if name + ".gz" in present:
                os.unlink(gz)  # may be a hard link shared with the previous tree
            with open(gz, "wb") as target:
                target.write(data)
            compressed += 1
    return compressed


def _link_previous(path: str, gz: str, root: str, old_root: str, stat: os.stat_result) -> bool:
    """Hard-link the previous tree's .gz when ``path`` is the previous tree's file."""
    old = old_root + path[len(root):]
    try:
        same = os.stat(old).st_ino == stat.st_ino
        if not same:
            return False
        if os.path.exists(gz):
            return os.stat(gz).st_ino == os.stat(old + ".gz").st_ino
        os.link(old + ".gz", gz)
        return True
    except FileNotFoundError:
        return False
