"""Read one content file into a typed ``Notice``: the only place front matter is parsed."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from notices.content.characters import refused_character, without_controls
from notices.content.districts import DistrictTable
from notices.content.frontmatter import MAX_FILE_BYTES, FrontMatterError, read_source
from notices.content.markup import plain_text, render, summarize
from notices.content.model import Kind, Notice, OutageFields
from notices.content.problems import ContentError, Problem, project_relative
from notices.content.slugs import pinyin_slug, slug_from_stem
from notices.content.validate import validate_fields

KIND_FOLDERS = {kind.value: kind for kind in Kind}
SUMMARY_CHARS = 120


def kind_of(path: Path, content_root: Path) -> Kind | None:
    """Return the kind named by the file's first folder under content/, or None."""
    try:
        first = path.relative_to(content_root).parts[0]
    except (ValueError, IndexError):
        return None
    return KIND_FOLDERS.get(first)


@lru_cache(maxsize=4096)
def _resolved(folder: str) -> str:
    return os.path.realpath(folder)


def forget_resolved_folders() -> None:
    _resolved.cache_clear()


def check_location(path: Path, content_root: Path, rel: str) -> Kind:
    """Refuse files outside a kind folder and links that lead out of content/."""
    real_root = _resolved(str(content_root))
    # Resolving each folder once (not each file) keeps this cheap for thousands of files.
    real = Path(os.path.realpath(path)) if path.is_symlink() else \
        Path(_resolved(str(path.parent))) / path.name
    if real != path.absolute():
        if Path(real_root) not in real.parents:
            raise ContentError([Problem(rel, (
                f'is a link to "{real}", outside content/; copy the file into content/ instead'))])
    kind = kind_of(path, content_root)
    if kind is None:
        parts = path.relative_to(content_root).parts
        folder = parts[0] if len(parts) > 1 else ""
        what = f'folder "{folder}/"' if folder else "the top of content/"
        raise ContentError([Problem(rel, (
            f"is in {what}, which is not a content kind; expected one of "
            f"{', '.join(k.value + '/' for k in Kind)}"))])
    return kind


def read_bytes(path: Path) -> bytes:
    """Read a content file, refusing files over the size limit before reading them."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FrontMatterError(
            f"file is {size / 1048576:.1f} MiB; the limit is {MAX_FILE_BYTES // 1048576} "
            "MiB. Split it or move large data out of content/")
    return path.read_bytes()


def read_notice(path: str | os.PathLike, content_root: str | os.PathLike,
                districts: DistrictTable, project_root: str | None = None,
                summary_chars: int = SUMMARY_CHARS, data: bytes | None = None,
                content_hash: str = "") -> Notice:
    """Read, validate and render one file; raise ContentError listing all its problems."""
    path, content_root = Path(path), Path(content_root)
    rel = project_relative(str(path), project_root)
    kind = check_location(path, content_root, rel)
    try:
        source = read_source(read_bytes(path) if data is None else data)
    except FrontMatterError as exc:
        raise ContentError([Problem(rel, str(exc))]) from None
    except OSError as exc:
        raise ContentError([Problem(rel, f"cannot be read ({exc.strerror}); check its "
                                         "permissions")]) from None

    fields, problems = validate_fields(kind, source.front_matter, districts)
    problems += _body_problems(source.body, source.body_line)
    if fields is None or problems:
        raise ContentError([Problem(rel, line) for line in problems])

    # Control characters pasted into a body are dropped here, once, so that the page, its
    # feeds and the search index show the same text (XML cannot carry them at all).
    body_html = render(without_controls(source.body))
    slug = fields.slug or slug_from_stem(path.stem) or pinyin_slug(fields.title)
    summary = fields.summary or summarize(_summary_source(fields, body_html), summary_chars)
    return Notice(kind=kind, fields=fields, source_path=rel, slug=slug, body_html=body_html,
                  summary=summary, content_hash=content_hash)


def _body_problems(body: str, first_line: int) -> list[str]:
    """The body's refused characters, one line each (the first per line of the file)."""
    problems = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        refused = refused_character(without_controls(line))
        if refused:
            problems.append(f"body line {number} contains {refused}")
    return problems


def _summary_source(fields, body_html: str) -> str:
    """The body's text; for an outage schedule, its windows (the body is only a footer)."""
    if not isinstance(fields, OutageFields):
        return plain_text(body_html)
    parts = []
    for window, cancelled in fields.all_windows:
        prefix = "取消：" if cancelled else ""
        parts.append(f"{prefix}{window.date.month}月{window.date.day}日 {window.place}"
                     f"{'、'.join(window.areas)}（{window.time_range}）")
    return "；".join(parts)
