"""Settings are typed: misspelt keys and malformed districts stop the build with a clear line."""

from __future__ import annotations

import pelicanconf
from conftest import build_site


def test_unknown_plugin_setting_key(site):
    result = build_site(site, NOTICE_READER={"summary_char": 80})
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        'pelicanconf.py: NOTICE_READER has unknown key "summary_char". Did you mean '
        '"summary_chars"? Known keys: summary_chars, static_folders, workers'
    )
    assert not (site / "output").exists()


def test_wrong_type_in_plugin_setting(site):
    result = build_site(site, DIGEST_PAGES={"home_items": "many"})
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        "pelicanconf.py: DIGEST_PAGES['home_items'] is \"many\"; input should be a valid "
        "integer, unable to parse string as an integer"
    )


def test_plugin_setting_not_a_dict(site):
    result = build_site(site, NOTICE_READER=["summary_chars"])
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        "pelicanconf.py: NOTICE_READER is a list; expected a dict such as NOTICE_READER = {}"
    )


def test_malformed_districts(site):
    districts = [*pelicanconf.DISTRICTS[:2], {"name": "杭州市", "slug": "Hang Zhou"},
                 {"name": "江北区", "slug": "jiangbei2"}, {"name": "余杭区", "slug": "yuhang",
                                                          "alias": ["余杭"]}]
    result = build_site(site, DISTRICTS=districts)
    assert result.code == 2
    assert result.err.splitlines()[:3] == [
        'pelicanconf.py: DISTRICTS[2].slug is "Hang Zhou"; expected lower-case ASCII letters, '
        'digits and hyphens, e.g. "haishu"',
        'pelicanconf.py: DISTRICTS[3]: "江北区" is already used by 江北区',
        'pelicanconf.py: DISTRICTS[4] has unknown key "alias". Did you mean "aliases"? Known '
        "keys: name, slug, aliases, citywide",
    ]


def test_a_new_district_gets_its_page(site):
    districts = [*pelicanconf.DISTRICTS, {"name": "杭州湾新区", "slug": "hangzhouwan",
                                          "aliases": ["杭州湾"]}]
    result = build_site(site, DISTRICTS=districts)
    assert result.code == 0, result.err
    assert (site / "output" / "districts" / "hangzhouwan" / "index.html").exists()
