"""Collect content problems of one run and report them together."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One user-facing problem: where it is and what is wrong."""

    path: str
    message: str

    def __post_init__(self) -> None:
        # One problem, one line: a file name or value with a newline must not split the report.
        if not self.path.isprintable():
            object.__setattr__(self, "path", printable(self.path))
        if "\n" in self.message or "\r" in self.message:
            object.__setattr__(self, "message", " ".join(self.message.split()))

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ContentError(Exception):
    """A content file cannot be used; its problems are already recorded."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class ConfigError(Exception):
    """A setting is wrong; the message starts with where and what."""


@dataclass
class ProblemLog:
    """The problems found in one run, in the order they were found."""

    problems: list[Problem] = field(default_factory=list)
    failed_sources: set[str] = field(default_factory=set)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def reset(self) -> None:
        self.problems.clear()
        self.failed_sources.clear()

    def __bool__(self) -> bool:
        return bool(self.problems)

    def lines(self) -> list[str]:
        """Return each distinct problem once, sorted by file, then found order."""
        seen: set[Problem] = set()
        unique = []
        for problem in self.problems:
            if problem not in seen:
                seen.add(problem)
                unique.append(problem)
        order = {p: i for i, p in enumerate(unique)}
        unique.sort(key=lambda p: (p.path, order[p]))
        return [str(p) for p in unique]


# One log per process: Pelican readers have no other channel back to the build.
PROBLEMS = ProblemLog()


def project_relative(path: str, root: str | None = None) -> str:
    """Return ``path`` relative to the project root, with forward slashes."""
    root = root or os.getcwd()
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:
        return path.replace(os.sep, "/")
    if rel.startswith(".."):
        return path.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def printable(text: str) -> str:
    """``text`` with each character that is not printable escaped (``\\n``, ``\\x07``)."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def did_you_mean(value: str, choices, cutoff: float = 0.5) -> str:
    """Return ' Did you mean "x"?' for the closest choice, or ''."""
    matches = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=cutoff)
    return f' Did you mean "{matches[0]}"?' if matches else ""


def quote(value) -> str:
    """Show a user's value the way they wrote it: strings quoted, others bare."""
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "…"
        text = text.replace("\\", "\\\\").replace('"', '\\"')
        text = printable(text)
        return f'"{text}"'
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)
