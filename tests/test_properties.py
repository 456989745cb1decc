"""Property-based tests: random front matter and bodies never crash the reader or the outputs."""

from __future__ import annotations

import datetime as dt
import json
import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, html

import pelicanconf
from conftest import build_site, copy_site
from notices.content.districts import district_table
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
@given(title=hostile_text, area=hostile_text, body=st.sampled_from(HOSTILE + ["正文"]))
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
