"""Walk content/ safely: which files there are, and one problem line for anything else.

Only regular files are ever listed (so nothing opens a FIFO or a device and blocks), links
to folders are never followed (so a loop cannot make the walk endless or read one kind's
files as another's), and editors' lock and backup files are skipped. Every walk of the
content folder (the readers', the static files', the stray-file check) goes through here.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from notices.content.problems import Problem, project_relative

_NOT_REGULAR = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}
_ORDINARY = "not a regular file; content files must be ordinary files. Remove it"


def is_editor_file(name: str) -> bool:
    """Hidden files, editor locks (``.#x.md``), autosaves (``#x.md#``) and backups (``x~``)."""
    return name.startswith(".") or (name.startswith("#") and name.endswith("#")) or \
        name.endswith("~")


@dataclass
class ContentTree:
    """The regular files under content/ (relative, ``/``-separated) and the entries that are
    not usable, each with its problem."""

    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def walk_content(root: str | os.PathLike, project_root: str | None = None) -> ContentTree:
    """List every regular file under ``root`` in sorted order, never following folder links."""
    root = Path(root)
    tree = ContentTree()
    real_root = os.path.realpath(root)

    def problem(path: str, message: str) -> None:
        tree.problems.append(Problem(project_relative(path, project_root), message))

    def visit(folder: str, rel: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problem(folder, f"cannot be read ({exc.strerror}); check its permissions")
            return
        for entry in entries:
            if is_editor_file(entry.name):
                continue
            entry_rel = f"{rel}/{entry.name}" if rel else entry.name
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as exc:
                problem(entry.path, f"cannot be read ({exc.strerror}); check its permissions")
                continue
            if stat.S_ISLNK(info.st_mode):
                target = _link_target(entry.path, real_root, project_root)
                if target is not None:
                    problem(entry.path, target)
                    continue
                tree.files.append(entry_rel)  # a link to a file inside content/
            elif stat.S_ISDIR(info.st_mode):
                if entry.name.endswith(".md"):
                    problem(entry.path, "is a folder whose name ends in .md; rename it (the "
                                        "files in it are not read)")
                    continue
                visit(entry.path, entry_rel)
            elif stat.S_ISREG(info.st_mode):
                tree.files.append(entry_rel)
            else:
                what = _NOT_REGULAR.get(stat.S_IFMT(info.st_mode), "a special file")
                problem(entry.path, f"is {what}, {_ORDINARY}")

    visit(str(root), "")
    return tree


def _link_target(path: str, real_root: str, project_root: str | None) -> str | None:
    """The problem with a link, or None for a link to a regular file inside content/."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return "is a link that loops (it leads back to itself); remove it"
        return (f'is a link to "{os.readlink(path)}", which does not exist; remove it or '
                "copy the file into content/")
    real = os.path.realpath(path)
    inside = real == real_root or real.startswith(real_root + os.sep)
    if stat.S_ISDIR(info.st_mode):
        shown = project_relative(real, project_root) if inside else real
        return (f'is a link to the folder "{shown}"; links to folders are not followed. '
                "Move the files into content/ instead")
    if not inside:  # nothing is read from outside content/, not even an image
        return f'is a link to "{real}", outside content/; copy the file into content/ instead'
    if not stat.S_ISREG(info.st_mode):
        what = _NOT_REGULAR.get(stat.S_IFMT(info.st_mode), "a special file")
        return f"is a link to {what}, {_ORDINARY}"
    return None
