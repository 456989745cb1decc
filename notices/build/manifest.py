"""``BuildManifest``: what each output of the previous build was made from.

It is kept in the cache folder with the identity (inode) of the output tree it describes,
and ignored when that tree is not the one in place, so ``output/`` itself holds only the
site. Imported by the writer, the build session and the publisher.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from notices.build.state import state_dir, write_atomic
from notices.build.warm import WarmState, file_signature

log = logging.getLogger(__name__)



# ---------------------------------------------------------------------------
# Output manifest


@dataclass
class BuildManifest:
    """Which inputs each output of a build was made from."""

    previous_dir: Path | None
    previous: dict[str, dict] = field(default_factory=dict)
    entries: dict[str, dict] = field(default_factory=dict)
    pending_links: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)  # reused files linked into the new tree
    shared: list[str] = field(default_factory=list)  # those of them that are links (not clashes)
    rendered: int = 0
    reused: int = 0
    # The previous tree is known to hold every file of ``previous``: this process wrote
    # it and its manifest (a live-reload server), so reuse need not look at each file.
    verified: bool = False

    @classmethod
    def load(cls, previous_dir: str | None, code: str, cache_dir: str | None,
             warm: WarmState | None = None) -> BuildManifest:
        if not previous_dir or not cache_dir:
            return cls(None)
        kept = warm.saved_manifest if warm is not None else None
        if kept is not None:
            path, signature, tree, kept_code, entries = kept
            try:
                if (path == manifest_path(cache_dir, previous_dir)
                        and signature == file_signature(path) and kept_code == code
                        and tree == os.stat(previous_dir).st_ino):
                    return cls(Path(previous_dir), entries, verified=True)
            except OSError:
                pass
        try:
            data = json.loads(manifest_path(cache_dir, previous_dir).read_text("utf-8"))
            tree = os.stat(previous_dir).st_ino
        except (OSError, ValueError):
            return cls(Path(previous_dir))
        if data.get("code") != code or data.get("tree") != tree:
            # Code, theme or settings changed, or the tree is not the one described.
            return cls(Path(previous_dir))
        return cls(Path(previous_dir), data.get("entries", {}))

    def reusable(self, name: str, key: str) -> bool:
        """True when ``name`` was built from the same inputs and its files are still there."""
        old = self.previous.get(name)
        if not old or old["key"] != key or self.previous_dir is None:
            return False
        folder = str(self.previous_dir) + os.sep
        if not self.verified and not all(os.path.isfile(folder + f) for f in old["files"]):
            return False  # (no pathlib: 66k calls at 20,000 items)
        self.entries[name] = old
        self.pending_links.extend(old["files"])
        self.reused += len(old["files"])
        return True

    def reusable_all(self, entries: list[tuple[str, str]]) -> bool:
        """``reusable`` for every (name, key) of ``entries``, or for none of them."""
        if not all(self.previous.get(name, {}).get("key") == key for name, key in entries):
            return False
        files = [f for name, _ in entries for f in self.previous[name]["files"]]
        folder = str(self.previous_dir) + os.sep
        if self.previous_dir is None or not self.verified and not all(
                os.path.isfile(folder + f) for f in files):
            return False
        return all([self.reusable(name, key) for name, key in entries])

    def reuse_part(self, name: str, key: str, files: list[str]) -> bool:
        """As ``reusable``, for some of the previous files of ``name`` only, kept under the
        previous key (the search index carried over, its ``index.json`` written anew)."""
        if self.previous_dir is None:
            return False
        folder = str(self.previous_dir) + os.sep
        if not self.verified and not all(os.path.isfile(folder + f) for f in files):
            return False
        self.entries[name] = {"key": key, "files": sorted(files)}
        self.pending_links.extend(files)
        self.reused += len(files)
        return True

    def record(self, name: str, key: str, files: list[str]) -> None:
        self.entries[name] = {"key": key, "files": sorted(files)}
        self.rendered += len(files)

    @property
    def unchanged(self) -> bool:
        """Nothing rendered and the same outputs as before: the old tree is the new tree."""
        return self.rendered == 0 and (self.entries.keys() - {UNRECORDED}
                                       == self.previous.keys() - {UNRECORDED})

    def files(self, entries: dict[str, dict]) -> set[str]:
        return {rel for entry in entries.values() for rel in entry["files"]}

    def link_reused(self, staging: Path) -> None:
        """Hard-link reused files from the previous tree (never written to: safe to share)."""
        assert self.previous_dir is not None or not self.pending_links
        made: set[str] = set()
        source, destination = str(self.previous_dir) + os.sep, str(staging) + os.sep
        for rel in self.pending_links:  # strings, not pathlib: tens of thousands of files
            target = destination + rel
            parent = os.path.dirname(target)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            try:
                os.link(source + rel, target)
            except FileExistsError:
                continue
            self.shared.append(rel)
        self.linked.extend(self.pending_links)
        self.pending_links.clear()

    def save(self, cache_dir: str, output_dir: Path, code: str,
             warm: WarmState | None = None) -> None:
        """Record the manifest for the tree now at ``output_dir`` (call after the swap)."""
        data = {"code": code, "tree": os.stat(output_dir).st_ino,
                "entries": dict(sorted(self.entries.items()))}
        path = manifest_path(cache_dir, output_dir)
        write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        if warm is not None:  # the next build of this process need not parse it
            warm.saved_manifest = (path, file_signature(path), data["tree"], code,
                                   data["entries"])


# Files a build writes that no key describes (static files Pelican copies every build):
# recorded so that an update in place knows to delete them once they are gone.
UNRECORDED = "::unrecorded"


def manifest_path(cache_dir: str, output_dir: str | Path) -> Path:
    return state_dir(cache_dir, output_dir) / "manifest.json"
