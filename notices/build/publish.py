"""Publishing a finished build: ``output/`` is replaced whole and atomically (a cold or
incremental build in its staging folder), or updated in place file by file (the
live-reload server). Readers never see a half-written or missing ``output/``.
Imported by the build driver.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from notices.build.manifest import UNRECORDED, BuildManifest, manifest_path
from notices.build.state import state_dir

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def make_world_readable(tree: Path, linked=()) -> None:
    """Give every folder 0755 and every file at least 0644: a web server runs as another
    user, and ``mkdtemp`` (0700), a strict umask or a copied 0600 image would lock it out.

    ``linked`` (paths relative to ``tree``) are hard links to files of the live tree, made
    readable by the build that wrote them: not looked at again (~20,000 after an edit)."""
    skip = set(linked)
    root = str(tree)
    for folder, _, names in os.walk(root):
        if stat.S_IMODE(os.stat(folder).st_mode) != 0o755:
            os.chmod(folder, 0o755)
        prefix = "" if folder == root else os.path.relpath(folder, root) + os.sep
        for name in names:
            if skip and prefix + name in skip:
                continue
            path = os.path.join(folder, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISREG(mode) and mode & 0o644 != 0o644:
                os.chmod(path, stat.S_IMODE(mode) | 0o644)


def remove_stale_builds(output_path: Path) -> None:
    """Remove staging folders left by killed builds, and old trees not yet deleted.

    Called under the build lock, so no other build of this output is running: a staging
    folder is a killed build's, and an old tree is one whose deletion may have been killed
    too (deleting it again alongside a running ``rm`` does no harm).
    """
    for stale in output_path.parent.glob(f".build-{output_path.name}-*"):
        if stale.name.endswith("-old"):
            _delete(stale)
        else:
            discard(stale)


def discard(tree: Path) -> None:
    """Delete a replaced tree in the background: unlinking thousands of files is slow."""
    trash = tree.with_name(tree.name + "-old")
    os.rename(tree, trash)
    _delete(trash)


def _delete(trash: Path) -> None:
    if os.environ.get("NOTICES_SYNC_DELETE"):
        shutil.rmtree(trash, ignore_errors=True)
        return
    try:
        subprocess.Popen(["rm", "-rf", "--", str(trash)], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(trash, ignore_errors=True)


def swap_in(staging: Path, output_path: Path) -> None:
    """Put ``staging`` at ``output_path`` atomically; the old tree ends up at ``staging``."""
    if not output_path.exists():
        os.rename(staging, output_path)
        return
    if _exchange(staging, output_path):
        discard(staging)
        return
    # No renameat2 (not Linux): two renames, with a brief moment without output/.
    old = staging.with_name(staging.name + "-old")
    os.rename(output_path, old)
    os.rename(staging, output_path)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step with Linux renameat2(RENAME_EXCHANGE)."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name or not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def update_in_place(staging: Path, output_dir: Path, manifest: BuildManifest,
                    cache_dir: str) -> None:
    """Move the files this build wrote from ``staging`` into ``output_dir`` and delete the
    previous build's files that this one does not make (the live-reload server: the
    rebuild after an edit touches a few files, not the whole tree).

    Each file is replaced atomically, but not the tree as a whole, so the manifest is
    removed first: if the process dies half-way, the next build trusts nothing of the tree
    and renders every page.
    """
    manifest_path(cache_dir, output_dir).unlink(missing_ok=True)
    (state_dir(cache_dir, output_dir) / "inputs").unlink(missing_ok=True)
    made, written, moved, moved_gz = set(), [], [], set()
    # Reused files linked into the staging folder (for plugins that look at every page)
    # are the files already in place.
    in_place = set(manifest.linked)
    source_root = str(staging)
    for folder, _, names in os.walk(source_root):
        rel_folder = os.path.relpath(folder, source_root)
        for name in names:
            rel = name if rel_folder == "." else os.path.join(rel_folder, name)
            if rel in in_place:
                written.append(rel)
                continue
            target = os.path.join(output_dir, rel)
            parent = os.path.dirname(target)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            os.replace(os.path.join(folder, name), target)
            if name.endswith(".gz"):
                moved_gz.add(rel)
            else:
                moved.append(rel)
            if not (name.endswith(".gz") and name[:-3] in names):
                written.append(rel)  # a precompressed copy goes and comes with its file
    # A file written again without its precompressed copy (now too small to compress) loses
    # the old copy: a server that prefers the ``.gz`` (nginx ``gzip_static``) would serve it.
    for rel in moved:
        if rel + ".gz" not in moved_gz and os.path.exists(os.path.join(output_dir, rel + ".gz")):
            os.unlink(os.path.join(output_dir, rel + ".gz"))
    recorded = manifest.files(manifest.entries)
    manifest.entries.pop(UNRECORDED, None)
    unrecorded = sorted(set(written) - recorded)
    if unrecorded:
        manifest.entries[UNRECORDED] = {"key": "", "files": unrecorded}
    for rel in sorted(manifest.files(manifest.previous) - recorded - set(unrecorded)):
        path = os.path.join(output_dir, rel)
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue
        if os.path.exists(path + ".gz"):
            os.unlink(path + ".gz")
        folder = os.path.dirname(path)
        while folder != str(output_dir):
            try:
                os.rmdir(folder)  # only when empty
            except OSError:
                break
            folder = os.path.dirname(folder)
