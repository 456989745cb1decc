"""Bad content: one exact line per problem, all in one run, non-zero exit, output/ untouched."""

from __future__ import annotations

import shutil

from conftest import SITES, build_site, tree_digest

EXPECTED = [
    "content/articles/broken-yaml.md: front matter is not valid YAML (line 5, column 1: did not "
    "find expected ',' or ']')",
    'content/articles/dup-b.md: slug "same-slug" gives the URL "articles/same-slug.html", already '
    "used by content/articles/dup-a.md; set a different slug in the front matter",
    "content/articles/gbk.md: file is not valid UTF-8 (byte 0xb1 at offset 11); it looks like "
    "GBK/GB18030. Save it as UTF-8",
    "content/articles/no-title.md: title is missing; every article needs it",
    'content/articles/unknown-field.md: unknown field "autors". Did you mean "authors"? Fields of '
    "an article: title, date, slug, summary, tags, updated, districts, authors, photographers, source, "
    "column, image",
    'content/outages/end-before-start.md: windows[0].end "08:00" is before start "15:00". If the '
    'window ends after midnight, write "次日08:00"',
    "content/outages/start-without-end.md: windows[0].end is missing while start is given; give "
    "both times, or leave both out for an outage of the whole day",
    'content/outages/time-as-number.md: windows[0].start 750 is not a time; expected "HH:MM" such '
    'as "08:30" (write "次日06:00" for a time after midnight)',
    'content/tenders/unknown-district.md: districts[0] "鄞洲区" is not a declared district. Did you '
    'mean "鄞州区"? Districts are declared in DISTRICTS in pelicanconf.py',
]


def test_every_problem_reported_once_and_output_untouched(site, tmp_path):
    good = build_site(site)
    assert good.code == 0, good.err
    before = tree_digest(good.output)
    for path in (SITES / "broken" / "content").rglob("*.md"):
        target = site / "content" / path.relative_to(SITES / "broken" / "content")
        shutil.copy(path, target)

    bad = build_site(site)

    assert bad.code == 1
    assert bad.problems == EXPECTED
    assert bad.err.splitlines()[-1] == "9 problems in 9 files; nothing was published"
    assert "Traceback" not in bad.err
    assert tree_digest(site / "output") == before
    assert not list(site.glob(".build-*")), "the staging folder is removed"


def test_check_reports_the_same_problems_without_building(tmp_path):
    site = tmp_path / "broken"
    shutil.copytree(SITES / "broken", site)
    result = build_site(site, command="check")
    assert result.code == 1
    assert result.problems == EXPECTED
    assert not (site / "output").exists()
