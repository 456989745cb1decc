"""What the importer reports: messages with their line, column and fragment, and the
result of reading a notice."""

from __future__ import annotations

from dataclasses import dataclass

# ---------------------------------------------------------------------------
# What the importer reports.


@dataclass
class ImportMessage:
    """One problem or warning: the line it is on, the fragment as printed, and what is wrong."""

    line: int | None
    fragment: str
    message: str
    leftover: str = ""  # the printed text an --allow-partial import keeps in a note
    kind: str = "fragment"  # "fragment" or "place" (an undeclared district)
    col: int = 0

    def format(self, file: str, warning: bool = False) -> str:
        where = f"{file}:{self.line}" if self.line else file
        return f"{where}: {'warning: ' if warning else ''}{self.message}"


@dataclass
class WindowSource:
    """Where an imported window came from, for messages and notes."""

    line: int
    col: int
    fragment: str
    cancelled: bool
    place: ImportMessage | None = None  # set when the district is not declared


@dataclass
class OutageImport:
    """What the parser made of a notice: front matter, its origins, problems and warnings."""

    fields: dict
    sources: dict[str, list[WindowSource]]
    problems: list[ImportMessage]
    warnings: list[ImportMessage]
    body_lines: list[str]
    source_found: bool = False

    @property
    def place_problems(self) -> list[ImportMessage]:
        return [p for p in self.problems if p.kind == "place"]

    @property
    def fragment_problems(self) -> list[ImportMessage]:
        return [p for p in self.problems if p.kind != "place"]


# ---------------------------------------------------------------------------
# Tokens.

