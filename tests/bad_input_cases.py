"""The bad-input corpus: each case is a file (or link) added to a good site, and the exact
lines the build must print for it. The build must then exit 1 and leave output/ untouched."""

from __future__ import annotations

from dataclasses import dataclass, field

OUTAGE_HEAD = """---
title: 计划停电预告
date: 2024-05-01
source:
  name: 宁波供电公司
windows:
"""


def outage(window: str, extra: str = "") -> str:
    return OUTAGE_HEAD + window + extra + "---\n"


WINDOW = """  - date: 2024-05-06
    district: 江北区
    areas: [白米湾村]
    start: "08:00"
    end: "16:00"
"""

ARTICLE = """---
title: 一篇文章
date: 2024-05-01
districts: [江北区]
{extra}---
正文
"""


def article(extra: str = "") -> str:
    return ARTICLE.format(extra=extra)


@dataclass
class Case:
    name: str
    path: str  # under content/
    data: bytes | str | None  # None: the test creates it (links, big files)
    expected: list[str] = field(default_factory=list)


BILLION_LAUGHS = """---
title: 笑
date: 2024-05-01
districts: [江北区]
a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]
---
"""

P = "content/articles/case.md"
Q = "content/outages/case.md"

CASES = [
    Case("tab-in-yaml", "articles/case.md",
         "---\ntitle: 标题\n\tdate: 2024-05-01\n---\n",
         [f"{P}: front matter is not valid YAML (line 3, column 1: found a tab character; "
          "indent with spaces)"]),
    Case("unclosed-quote", "articles/case.md",
         '---\ntitle: "标题\ndate: 2024-05-01\ndistricts: [江北区]\n---\n',
         [f"{P}: front matter is not valid YAML (line 2, column 8: a quoted value is opened "
          "here and never closed)"]),
    Case("missing-closing-fence", "articles/case.md",
         "---\ntitle: 标题\ndate: 2024-05-01\n正文\n",
         [f'{P}: front matter is not closed; expected a second "---" line after the YAML '
          "block"]),
    Case("no-front-matter", "articles/case.md", "# 标题\n\n正文\n",
         [f'{P}: first line is "# 标题"; expected "---" to open the YAML front matter']),
    Case("empty-file", "articles/case.md", "",
         [f'{P}: file is empty; expected YAML front matter between "---" lines']),
    Case("empty-front-matter", "articles/case.md", "---\n---\n正文\n",
         [f'{P}: front matter is empty; expected fields such as "title: …"']),
    Case("front-matter-is-a-list", "articles/case.md", "---\n- a\n- b\n---\n",
         [f'{P}: front matter is not a mapping; expected one "field: value" per line']),
    Case("gbk-encoded", "articles/case.md",
         "---\ntitle: 编码\ndate: 2024-05-01\ndistricts: [江北区]\n---\n".encode("gbk"),
         [f"{P}: file is not valid UTF-8 (byte 0xb1 at offset 11); it looks like GBK/GB18030. "
          "Save it as UTF-8"]),
    Case("gb18030-encoded", "articles/case.md",
         "---\ntitle: 停电\ndate: 2024-05-01\ndistricts: [江北区]\n---\n".encode("gb18030"),
         [f"{P}: file is not valid UTF-8 (byte 0xb5 at offset 13); it looks like GBK/GB18030. "
          "Save it as UTF-8"]),
    Case("nul-bytes", "articles/case.md", b"---\ntitle: a\x00\n---\n",
         [f"{P}: file contains NUL bytes; expected a UTF-8 text file"]),
    Case("unknown-field", "articles/case.md", article("colour: red\n"),
         [f'{P}: unknown field "colour". Did you mean "column"? Fields of an article: title, date, slug, summary, tags, updated, '
          "districts, authors, photographers, source, column, image"]),
    Case("misspelt-field", "articles/case.md", article("photografers: [王博]\n"),
         [f'{P}: unknown field "photografers". Did you mean "photographers"? Fields of an '
          "article: title, date, slug, summary, tags, updated, districts, authors, photographers, source, "
          "column, image"]),
    Case("misspelt-nested-field", "outages/case.md", outage(WINDOW + "    tonw: 慈城镇\n"),
         [f'{Q}: windows[0]: unknown field "tonw". Did you mean "town"? Fields of this entry: '
          "date, district, town, areas, start, end, note, id"]),
    Case("save-as-field", "articles/case.md", article("save_as: ../../etc/x\n"),
         [f'{P}: unknown field "save_as". Fields of an article: title, date, slug, summary, '
          "tags, updated, districts, authors, photographers, source, column, image"]),
    Case("slug-escapes-output", "articles/case.md", article("slug: ../../etc/x\n"),
         [f'{P}: slug "../../etc/x" is not a slug; expected lower-case ASCII letters, digits and '
          'hyphens (at most 80), e.g. "2019-09-16-power"']),
    Case("title-missing", "articles/case.md", "---\ndate: 2024-05-01\ndistricts: [江北区]\n---\n",
         [f"{P}: title is missing; every article needs it"]),
    Case("title-empty", "articles/case.md", '---\ntitle: ""\ndate: 2024-05-01\n'
         "districts: [江北区]\n---\n", [f"{P}: title is empty; expected text"]),
    Case("title-is-a-list", "articles/case.md", "---\ntitle: [a, b]\ndate: 2024-05-01\n"
         "districts: [江北区]\n---\n", [f"{P}: title a list is not text; expected text"]),
    Case("districts-not-a-list", "articles/case.md",
         "---\ntitle: 标题\ndate: 2024-05-01\ndistricts: 江北区\n---\n",
         [f'{P}: districts "江北区" is a single text; expected a list such as [江北区]']),
    Case("districts-empty", "articles/case.md",
         "---\ntitle: 标题\ndate: 2024-05-01\ndistricts: []\n---\n",
         [f"{P}: districts is empty; expected at least one entry"]),
    Case("undeclared-district", "articles/case.md",
         "---\ntitle: 标题\ndate: 2024-05-01\ndistricts: [鄞洲区]\n---\n",
         [f'{P}: districts[0] "鄞洲区" is not a declared district. Did you mean "鄞州区"? '
          "Districts are declared in DISTRICTS in pelicanconf.py"]),
    Case("other-city-district", "outages/case.md",
         outage(WINDOW.replace("江北区", "朝阳区")),
         [f'{Q}: windows[0].district "朝阳区" is not a declared district. '
          "Districts are declared in DISTRICTS in pelicanconf.py"]),
    Case("impossible-date", "articles/case.md",
         "---\ntitle: 标题\ndate: 2019-02-30\ndistricts: [江北区]\n---\n",
         [f'{P}: date "2019-02-30" is not a real date and time; check the month, day and hour']),
    Case("impossible-window-date", "outages/case.md",
         outage(WINDOW.replace("2024-05-06", "2019-02-30")),
         [f'{Q}: windows[0].date "2019-02-30" is not a real date; check the month and day']),
    Case("chinese-date", "outages/case.md",
         outage(WINDOW.replace("2024-05-06", "2月30日")),
         [f'{Q}: windows[0].date "2月30日" is not a date; expected YYYY-MM-DD such as '
          "2019-09-23"]),
    Case("date-not-a-date", "articles/case.md",
         "---\ntitle: 标题\ndate: 昨天\ndistricts: [江北区]\n---\n",
         [f'{P}: date "昨天" is not a date-time; expected "YYYY-MM-DD HH:MM" such as '
          '"2019-09-23 09:30"']),
    Case("end-before-start", "outages/case.md",
         outage(WINDOW.replace('end: "16:00"', 'end: "07:00"')),
         [f'{Q}: windows[0].end "07:00" is before start "08:00". If the window ends after '
          'midnight, write "次日07:00"']),
    Case("end-equals-start", "outages/case.md",
         outage(WINDOW.replace('end: "16:00"', 'end: "08:00"')),
         [f'{Q}: windows[0].end "08:00" is the same as start "08:00"; expected a later end']),
    Case("window-over-24-hours", "outages/case.md",
         outage(WINDOW.replace('end: "16:00"', 'end: "次日09:00"')),
         [f'{Q}: windows[0].end "次日09:00" is more than 24 hours after start "08:00"; split '
          "longer cuts into one window per day"]),
    Case("time-as-number", "outages/case.md",
         outage(WINDOW.replace('start: "08:00"', "start: 750")),
         [f'{Q}: windows[0].start 750 is not a time; expected "HH:MM" such as "08:30" (write '
          '"次日06:00" for a time after midnight)']),
    Case("time-out-of-range", "outages/case.md",
         outage(WINDOW.replace('start: "08:00"', 'start: "25:00"')),
         [f'{Q}: windows[0].start "25:00" is not a time; expected "HH:MM" such as "08:30" (write '
          '"次日06:00" for a time after midnight)']),
    Case("duplicate-window-id", "outages/case.md",
         outage(WINDOW + "    id: cicheng-1\n" + WINDOW.replace("2024-05-06", "2024-05-07")
                + "    id: cicheng-1\n"),
         [f'{Q}: windows[1].id "cicheng-1" is already used by windows[0]; each window of a '
          "schedule needs its own id"]),
    Case("areas-missing", "outages/case.md",
         outage(WINDOW.replace("    areas: [白米湾村]\n", "")),
         [f"{Q}: windows[0].areas is missing; every outage needs it"]),
    Case("no-windows", "outages/case.md", OUTAGE_HEAD.replace("windows:\n", "") + "---\n",
         [f"{Q}: windows is empty; an outage schedule needs at least one window (or a "
          "cancelled one)"]),
    Case("source-url-not-http", "outages/case.md",
         outage(WINDOW).replace("  name: 宁波供电公司\n",
                                "  name: 宁波供电公司\n  url: javascript:alert(1)\n"),
         [f'{Q}: source.url "javascript:alert(1)" is not a web address; expected a URL starting '
          "with http:// or https://"]),
    Case("phone-not-a-number", "tenders/case.md",
         "---\ntitle: 招标\ndate: 2024-05-01\ndistricts: [江北区]\nissuer: 某公司\n"
         "project: 某项目\ncontacts:\n  - name: 钱老师\n    phone: 打电话\n---\n",
         ['content/tenders/case.md: contacts[0].phone "打电话" is not a phone number; expected '
          'digits such as "87571668" or "13989388772"']),
    Case("registration-end-before-start", "tenders/case.md",
         "---\ntitle: 招标\ndate: 2024-05-01\ndistricts: [江北区]\nissuer: 某公司\n"
         'project: 某项目\nregistration:\n  - start: "2024-05-10 10:30"\n'
         '    end: "2024-05-10 09:30"\n---\n',
         ['content/tenders/case.md: registration[0].end "2024-05-10 09:30" is not after start '
          '"2024-05-10 10:30"']),
    Case("control-characters", "articles/case.md",
         "---\ntitle: \"标题\\u0007\"\ndate: 2024-05-01\ndistricts: [江北区]\n---\n",
         [f'{P}: title "标题\\x07" contains control characters; remove them']),
    Case("yaml-alias-bomb", "articles/case.md", BILLION_LAUGHS,
         [f'{P}: front matter uses the YAML alias "*a"; aliases and anchors are not allowed. '
          "Write the value out in full"]),
    Case("unknown-kind-folder", "notices/case.md", article(),
         ['content/notices/case.md: is in folder "notices/", which is not a content kind; '
          "expected one of articles/, tenders/, outages/"]),
    Case("file-at-content-top", "case.md", article(),
         ["content/case.md: is in the top of content/, which is not a content kind; expected "
          "one of articles/, tenders/, outages/"]),
    Case("not-markdown", "articles/case.txt", "正文\n",
         ["content/articles/case.txt: is not a .md file, so it would not be published; content "
          "files end in .md (images and attachments go in content/files/, content/images/)"]),
    Case("duplicate-slug", "articles/case.md", article("slug: 2024-05-01-two-districts\n"),
         [f'{P}: slug "2024-05-01-two-districts" gives the URL '
          '"articles/2024-05-01-two-districts.html", already used by '
          "content/articles/2024-05-01-two-districts.md; set a different slug in the front "
          "matter"]),
    Case("huge-file", "articles/case.md", None,
         [f"{P}: file is 50.0 MiB; the limit is 2 MiB. Split it or move large data out of "
          "content/"]),
    Case("symlink-outside-content", "articles/case.md", None,
         [f'{P}: is a link to "<outside>", outside content/; copy the file into content/ '
          "instead"]),
    # Issue 19, class 1: anything under content/ that is not a regular file is one line, and
    # the walk neither blocks on it (a FIFO is never opened) nor follows a loop.
    Case("fifo-named-md", "articles/case.md", None,
         [f"{P}: is a named pipe (FIFO), not a regular file; content files must be ordinary "
          "files. Remove it"]),
    Case("socket-named-md", "articles/case.md", None,
         [f"{P}: is a socket, not a regular file; content files must be ordinary files. "
          "Remove it"]),
    Case("folder-named-md", "articles/case.md", None,
         [f"{P}: is a folder whose name ends in .md; rename it (the files in it are not read)"]),
    Case("symlink-loop", "articles/case.md", None,
         [f"{P}: is a link that loops (it leads back to itself); remove it"]),
    Case("folder-link-loop", "articles/loop", None,
         ['content/articles/loop: is a link to the folder "content"; links to folders are not '
          "followed. Move the files into content/ instead"]),
    Case("dangling-link", "articles/case.md", None,
         [f'{P}: is a link to "missing.md", which does not exist; remove it or copy the file '
          "into content/"]),
    # Issue 19, class 3: every one of these is one line and exit 1, never exit 70 or 1 with
    # a traceback.
    Case("unreadable-file", "articles/case.md", None,
         [f"{P}: cannot be read (Permission denied); check its permissions"]),
    Case("window-on-9999-12-31", "outages/case.md",
         outage(WINDOW.replace("2024-05-06", "9999-12-31").replace('"16:00"', '"次日01:00"')),
         [f'{Q}: windows[0].date "9999-12-31" is outside the years 1990–2099 this site '
          "accepts; check the year"]),
    Case("newline-in-file-name", "articles/bad\nname.md", "",
         ['content/articles/bad\\nname.md: file is empty; expected YAML front matter between '
          '"---" lines']),
    Case("lone-surrogate-escape", "articles/case.md",
         '---\ntitle: "\\ud800"\ndate: 2024-05-01\ndistricts: [江北区]\n---\n',
         [f'{P}: front matter is not valid YAML (line 2, column 8: "\\ud800" is half of a '
          "UTF-16 surrogate pair, not a character; write the character itself)"]),
    # Issue 19, class 4: a plausible range of years (no local mean time offsets in feeds).
    Case("year-1900", "articles/case.md", article().replace("2024-05-01", "1900-05-01"),
         [f'{P}: date "1900-05-01" is outside the years 1990–2099 this site accepts; check the '
          "year"]),
    Case("year-0001", "articles/case.md", article().replace("2024-05-01", '"0001-01-01 08:00"'),
         [f'{P}: date "0001-01-01 08:00" is outside the years 1990–2099 this site accepts; '
          "check the year"]),
    # Issue 19, class 4: published with exit 0 although wrong.
    Case("broken-internal-link", "articles/case.md",
         article() + "见[停电]({filename}/outages/none.md)。\n",
         [f'{P}: body: link "{{filename}}/outages/none.md" leads to content/outages/none.md, '
          "which does not exist; check the path"]),
    Case("image-src-missing", "articles/case.md",
         article("image:\n  src: images/none.jpg\n"),
         [f'{P}: image.src "images/none.jpg" is not a file under content/; check the path '
          "(photos go in content/images/)"]),
    Case("static-link-outside-content", "articles/case.md",
         article() + "[s]({static}/../secret.txt)\n",
         [f'{P}: body: link "{{static}}/../secret.txt" leads outside content/; link only to '
          "files under content/"]),
    Case("duplicate-yaml-key", "articles/case.md",
         "---\ntitle: 标题一\ndate: 2024-05-01\ndistricts: [江北区]\ntitle: 标题二\n---\n",
         [f'{P}: front matter has "title" twice (lines 2 and 5); keep one']),
    Case("duplicate-window-key", "outages/case.md",
         outage(WINDOW + '    start: "09:00"\n'),
         [f'{Q}: front matter has "start" twice (lines 10 and 12); keep one']),
    Case("index-file-name", "articles/index.md", article(),
         ['content/articles/index.md: slug "index" gives the URL "articles/index.html", already '
          "used by the list of articles; set a different slug in the front matter"]),
    Case("index-slug", "tenders/case.md",
         "---\ntitle: 招标\ndate: 2024-05-01\ndistricts: [江北区]\nissuer: 某公司\n"
         "project: 某项目\nslug: index\n---\n",
         ['content/tenders/case.md: slug "index" gives the URL "tenders/index.html", already '
          "used by the list of tenders; set a different slug in the front matter"]),
    Case("date-far-beyond-the-others", "articles/case.md",
         article().replace("2024-05-01", "2094-05-01"),
         [f'{P}: date "2094-05-01" is 70 years after the newest other item (2024-05-02); a '
          "date more than a year ahead of all others is taken for a typing mistake. Check the "
          "year"]),
    # Issue 19, class 7: characters a page and its feed would show differently are refused,
    # in the content validation (one place), with one line each.
    Case("bidi-override-in-title", "articles/case.md",
         '---\ntitle: "通告\\u202e文字"\ndate: 2024-05-01\ndistricts: [江北区]\n---\n',
         [f'{P}: title "通告\\u202e文字" contains U+202E (RIGHT-TO-LEFT OVERRIDE), a '
          "bidirectional control that can reorder how text is shown; remove it"]),
    Case("bidi-isolate-in-area", "outages/case.md",
         outage(WINDOW.replace("[白米湾村]", '["\\u2067白米湾村"]')),
         [f'{Q}: windows[0].areas[0] "\\u2067白米湾村" contains U+2067 (RIGHT-TO-LEFT '
          "ISOLATE), a bidirectional control that can reorder how text is shown; remove it"]),
    Case("bidi-override-in-body", "articles/case.md", article() + "甲\u202e乙\n",
         [f"{P}: body line 7 contains U+202E (RIGHT-TO-LEFT OVERRIDE), a bidirectional "
          "control that can reorder how text is shown; remove it"]),
    Case("zero-width-title", "articles/case.md",
         '---\ntitle: "\\u200b"\ndate: 2024-05-01\ndistricts: [江北区]\n---\n',
         [f'{P}: title "\\u200b" has no visible characters; expected text']),
    Case("del-in-title", "articles/case.md",
         '---\ntitle: "标题\\x7f"\ndate: 2024-05-01\ndistricts: [江北区]\n---\n',
         [f'{P}: title "标题\\x7f" contains control characters; remove them']),
    Case("c1-control-in-title", "articles/case.md",
         '---\ntitle: "标题\\x9b"\ndate: 2024-05-01\ndistricts: [江北区]\n---\n',
         [f'{P}: title "标题\\x9b" contains control characters; remove them']),
    Case("noncharacter-in-title", "articles/case.md",
         '---\ntitle: "标题\\uffff"\ndate: 2024-05-01\ndistricts: [江北区]\n---\n',
         [f'{P}: title "标题\\uffff" contains the noncharacter U+FFFF; remove it']),
    Case("noncharacter-in-body", "articles/case.md", article() + "甲\ufdd0乙\n",
         [f"{P}: body line 7 contains the noncharacter U+FDD0; remove it"]),
]

# Accepted, not errors: a byte-order mark and Windows line ends are normalised.
ACCEPTED = {
    "bom": "\ufeff" + article(),
    "crlf": article().replace("\n", "\r\n"),
    "front-matter-only": "---\ntitle: 只有头部\ndate: 2024-05-01\ndistricts: [江北区]\n---\n",
    "unquoted-times": outage(WINDOW.replace('"08:00"', "8:00").replace('"16:00"', "16:00")),
}
