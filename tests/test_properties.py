"""Property-based tests: random front matter and bodies never crash the reader or the outputs."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import stat
import string
import unicodedata

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, html

import pelicanconf
from conftest import build_site, copy_site
from notices.content.characters import has_visible_character, refused_character
from notices.content.districts import district_table
from notices.content.files import walk_content
from notices.content.problems import ContentError
from notices.content.reader import read_notice

DISTRICTS = district_table({"DISTRICTS": pelicanconf.DISTRICTS})
HOSTILE = ["<script>alert(1)</script>", "javascript:alert(1)", '"><img src=x onerror=alert(1)>',
           "]]>", "&amp;&", "a\nb", "a;b,c", "\\n", "{filename}/x.md", "---", "*a", "&a x",
           "BEGIN:VEVENT", "\u202e", "\ufeff", "'", "`", "%", "慈城镇"]

text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40),
                 st.text(alphabet="慈城镇白米湾村江北区<>&\"'\n;,:", max_size=20))
scalar = st.one_of(text, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(),
                   st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)))
values = st.recursive(scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
        ["date", "district", "town", "areas", "start", "end", "name", "url", "paper", "x"]),
        inner, max_size=5)), max_leaves=12)
field_names = st.sampled_from(["title", "date", "districts", "authors", "source", "summary",
                               "tags", "image", "issuer", "project", "registration", "contacts",
                               "windows", "cancelled", "slug", "notice_type", "fees", "typo"])
front_matter = st.dictionaries(field_names, values, max_size=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["articles", "tenders", "outages"]), data=front_matter,
       body=text, raw=st.binary(max_size=60))
def test_reader_never_crashes(tmp_path, kind, data, body, raw):
    root = tmp_path / "content"
    (root / kind).mkdir(parents=True, exist_ok=True)
    path = root / kind / "item.md"
    for payload in (
        f"---\n{yaml.safe_dump(data, allow_unicode=True)}---\n{body}".encode(),
        b"---\n" + raw + b"\n---\n",
    ):
        path.write_bytes(payload)
        try:
            notice = read_notice(path, root, DISTRICTS, str(tmp_path))
        except ContentError as exc:
            assert exc.problems and all(p.path == f"content/{kind}/item.md" for p in exc.problems)
            assert all("\n" not in p.message for p in exc.problems)
        else:
            assert notice.title


safe_text = st.text(alphabet=string.ascii_letters + "慈城镇<>&\"';,:]/!", min_size=1,
                    max_size=30).filter(str.strip)
hostile_text = st.one_of(st.sampled_from(HOSTILE).filter(lambda s: s.strip() and "\n" not in s
                                                          and "\u202e" not in s
                                                          and "\ufeff" not in s), safe_text)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# (A bidirectional override is refused in every text, the body included: tests/bad_input_cases.)
@given(title=hostile_text, area=hostile_text,
       body=st.sampled_from([h for h in HOSTILE if h != "\u202e"] + ["正文"]))
def test_hostile_text_is_escaped_in_every_output(tmp_path_factory, title, area, body):
    site = copy_site("basic", tmp_path_factory.mktemp("prop") / "site")
    item = {
        "title": title, "date": "2024-05-03", "source": {"name": title},
        "windows": [{"date": "2024-05-08", "district": "江北区", "town": area, "areas": [area, title],
                     "start": "08:00", "end": "16:00", "note": title}],
    }
    (site / "content" / "outages" / "2024-05-03-hostile.md").write_text(
        f"---\n{yaml.safe_dump(item, allow_unicode=True)}---\n{body}\n", "utf-8")
    result = build_site(site)
    assert result.code == 0, result.err
    for path in result.output.rglob("*"):
        if path.suffix == ".html":
            document = html.fromstring(path.read_bytes())
            scripts = document.xpath("//script")
            assert all(s.get("src") and not s.text for s in scripts), path
            assert not document.xpath("//@*[starts-with(name(), 'on')]"), path
            assert not document.xpath("//a[starts-with(normalize-space(@href), 'javascript:')]")
        elif path.suffix == ".xml":
            etree.fromstring(path.read_bytes())
        elif path.suffix == ".json":
            json.loads(path.read_bytes())
        elif path.suffix == ".ics":
            from icalendar import Calendar

            Calendar.from_ical(path.read_bytes())


# Issue 19: random file-system shapes under content/, and random Unicode in every text field.

ENTRY_NAMES = st.sampled_from(["a.md", "b.md", "x.md", "note.txt", "bad\nname.md", " 空 格.md",
                               "é.md", ".#a.md", "#a.md#", "a.md~", "sub", "深"])
ENTRY_KINDS = st.sampled_from(["file", "fifo", "folder", "link-file", "link-parent",
                               "link-self", "link-missing", "link-root", "unreadable"])
shapes = st.lists(st.tuples(st.sampled_from(["articles", "tenders", "outages", "images", ""]),
                            ENTRY_NAMES, ENTRY_KINDS), max_size=8)


def _make_entry(folder, name, kind) -> None:
    path = folder / name
    if path.exists() or path.is_symlink():
        return
    if kind == "file":
        path.write_text("---\ntitle: 标题\ndate: 2024-05-01\ndistricts: [江北区]\n---\n", "utf-8")
    elif kind == "unreadable":
        path.write_text("---\n", "utf-8")
        path.chmod(0)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "link-file":
        target = folder / "target.md"
        target.touch()
        path.symlink_to("target.md")
    elif kind == "link-parent":
        path.symlink_to("..")
    elif kind == "link-self":
        path.symlink_to(name)
    elif kind == "link-missing":
        path.symlink_to("nowhere.md")
    elif kind == "link-root":
        path.symlink_to("/")


def _alarm(signum, frame):
    raise AssertionError("the walk or a read blocked")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shape=shapes)
def test_any_file_system_shape_is_listed_or_one_line_never_blocks(tmp_path_factory, shape):
    root = tmp_path_factory.mktemp("shape") / "content"
    root.mkdir()
    for folder, name, kind in shape:
        (root / folder).mkdir(exist_ok=True)
        _make_entry(root / folder, name, kind)
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(10)
    try:
        tree = walk_content(root, str(root.parent))
        for rel in tree.files:
            path = root / rel
            assert stat.S_ISREG(os.stat(path).st_mode), rel
            if rel.endswith(".md") and "/" in rel and not rel.startswith("images/"):
                try:
                    read_notice(path, root, DISTRICTS, str(root.parent))
                except ContentError as exc:
                    assert all("\n" not in str(p) for p in exc.problems)
    finally:
        signal.alarm(0)
    assert len(tree.files) + len(tree.problems) <= 2 * len(shape) + 1, "no loop was followed"
    assert all("\n" not in str(p) and str(p).startswith("content/") for p in tree.problems)
    assert not set(tree.files) & {p.path.removeprefix("content/") for p in tree.problems}


any_text = st.text(alphabet=st.characters(blacklist_categories=()), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=any_text, town=any_text, area=any_text, note=any_text, name=any_text)
def test_random_unicode_in_text_fields_is_refused_in_one_line_or_kept_clean(
        tmp_path, title, town, area, note, name):
    root = tmp_path / "content"
    (root / "outages").mkdir(parents=True, exist_ok=True)
    path = root / "outages" / "item.md"
    item = {"title": title, "date": "2024-05-03", "source": {"name": name},
            "windows": [{"date": "2024-05-08", "district": "江北区", "town": town,
                         "areas": [area], "start": "08:00", "end": "16:00", "note": note}]}
    path.write_bytes(f"---\n{yaml.safe_dump(item, allow_unicode=True)}---\n{note}\n".encode(
        "utf-8", "surrogatepass"))
    try:
        notice = read_notice(path, root, DISTRICTS, str(tmp_path))
    except ContentError as exc:
        assert exc.problems and all("\n" not in str(p) for p in exc.problems)
        return
    window = notice.fields.windows[0]
    for text in (notice.title, notice.fields.source.name, window.town, *window.areas,
                 window.note):
        assert refused_character(text) is None, repr(text)
        assert has_visible_character(text), repr(text)
        assert unicodedata.normalize("NFC", text) == text, repr(text)
