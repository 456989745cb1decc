"""Split a content file into YAML front matter and a Markdown body, safely."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

# The C loader is several times faster; the pure-Python one gives the same results.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 2 * 1024 * 1024
FENCE = "---"


class FrontMatterLoader(_BaseLoader):
    """A safe loader that reads times and yes/no the way an editor means them.

    YAML 1.1 reads an unquoted ``12:30`` as the base-60 integer 750 and ``no`` as
    false; editors write times and place names, so both stay strings here.
    """


def _construct_mapping(loader, node, deep=False):
    """Refuse a key given twice in one mapping: YAML keeps the last one silently."""
    seen: dict = {}
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            line = key_node.start_mark.line + 2  # front matter starts on the file's line 2
            if key_node.value in seen:
                raise FrontMatterError(
                    f'front matter has "{key_node.value}" twice (lines {seen[key_node.value]} '
                    f"and {line}); keep one")
            seen[key_node.value] = line
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


FrontMatterLoader.construct_mapping = _construct_mapping
FrontMatterLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
# Integers, floats and booleans again, without base 60 and without yes/no/on/off.
FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    list("-+0123456789"),
)
FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


def _construct_timestamp(loader, node):
    """Keep an impossible date such as 2019-02-30 as text, so validation can name it."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@dataclass
class SourceText:
    """A content file split into its parts, with the line the body starts on."""

    front_matter: dict
    body: str
    body_line: int


class FrontMatterError(ValueError):
    """The file cannot be split or its YAML cannot be read; the message says why."""


def decode(data: bytes) -> str:
    """Decode UTF-8 (a BOM is dropped, CRLF becomes LF) or explain what the bytes look like."""
    if len(data) > MAX_FILE_BYTES:
        raise FrontMatterError(
            f"file is {len(data) / 1048576:.1f} MiB; the limit is "
            f"{MAX_FILE_BYTES // 1048576} MiB. Split it or move large data out of content/"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            data.decode("gb18030")
            hint = "; it looks like GBK/GB18030. Save it as UTF-8"
        except UnicodeDecodeError:
            hint = ". Save it as UTF-8"
        raise FrontMatterError(
            f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}){hint}"
        ) from None
    if "\x00" in text:
        raise FrontMatterError("file contains NUL bytes; expected a UTF-8 text file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> tuple[str, str, int]:
    """Return (yaml_text, body, body_line) or raise FrontMatterError."""
    if not text.strip():
        raise FrontMatterError('file is empty; expected YAML front matter between "---" lines')
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        raise FrontMatterError(
            f'first line is {_show(lines[0])}; expected "---" to open the YAML front matter'
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise FrontMatterError(
        'front matter is not closed; expected a second "---" line after the YAML block'
    )


def _show(line: str) -> str:
    line = line if len(line) <= 40 else line[:37] + "…"
    return f'"{line}"'


def load_yaml(yaml_text: str) -> dict:
    """Load the YAML block with the safe loader; refuse aliases, which can explode in size."""
    if "*" in yaml_text or "&" in yaml_text:
        _refuse_aliases(yaml_text)
    try:
        data = yaml.load(yaml_text, Loader=FrontMatterLoader)  # noqa: S506 - a SafeLoader
    except FrontMatterError:
        raise
    except yaml.MarkedYAMLError as exc:
        raise FrontMatterError(
            f"front matter is not valid YAML ({_yaml_reason(exc, yaml_text)})") from None
    except yaml.reader.ReaderError as exc:
        raise FrontMatterError(
            f"front matter contains the control character U+{exc.character:04X} at position "
            f"{exc.position}; remove it") from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML ({' '.join(str(exc).split())})"
                               ) from None
    except (ValueError, OverflowError, RecursionError) as exc:
        raise FrontMatterError(f"front matter has a value YAML cannot read ({exc})") from None
    if data is None:
        raise FrontMatterError('front matter is empty; expected fields such as "title: …"')
    if not isinstance(data, dict):
        raise FrontMatterError(
            "front matter is not a mapping; expected one \"field: value\" per line"
        )
    return data


def _refuse_aliases(yaml_text: str) -> None:
    if "*" not in yaml_text:
        return
    try:
        for event in yaml.parse(yaml_text, Loader=FrontMatterLoader):
            if isinstance(event, yaml.AliasEvent):
                raise FrontMatterError(
                    f'front matter uses the YAML alias "*{event.anchor}"; aliases and anchors '
                    "are not allowed. Write the value out in full"
                )
    except yaml.YAMLError:
        return  # the real load below reports it


_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")


def _bad_escape(yaml_text: str, line: int) -> str | None:
    """The first escape on ``line`` that names no character (a surrogate, or past U+10FFFF)."""
    lines = yaml_text.split("\n")
    for match in _ESCAPE.finditer(lines[line] if line < len(lines) else ""):
        code = int(match.group()[2:], 16)
        if 0xD800 <= code <= 0xDFFF:
            return (f'"{match.group()}" is half of a UTF-16 surrogate pair, not a character; '
                    "write the character itself")
        if code > 0x10FFFF:
            return f'"{match.group()}" is past the last Unicode character U+10FFFF'
    return None


def _yaml_reason(exc: yaml.MarkedYAMLError, yaml_text: str = "") -> str:
    mark = exc.problem_mark or exc.context_mark
    problem = " ".join((exc.problem or exc.context or "cannot parse").split())
    escape = _bad_escape(yaml_text, exc.problem_mark.line) if exc.problem_mark and (
        "escape" in problem) else None
    if escape and exc.context_mark:
        mark, problem = exc.context_mark, escape
    elif exc.context and "quoted scalar" in exc.context and exc.context_mark:
        mark, problem = exc.context_mark, "a quoted value is opened here and never closed"
    if "\t" in problem or "tab" in problem:
        problem = "found a tab character; indent with spaces"
    # Front matter starts on the file's second line.
    where = f"line {mark.line + 2}, column {mark.column + 1}: " if mark else ""
    return f"{where}{problem}"


def read_source(data: bytes) -> SourceText:
    """Decode, split and load a content file's bytes."""
    text = decode(data)
    yaml_text, body, body_line = split(text)
    return SourceText(load_yaml(yaml_text), body, body_line)
