"""The invoke tasks editors use: `new` writes a file the build accepts; `check` validates."""

from __future__ import annotations

import subprocess
import sys

import pytest

import pelicanconf
from conftest import ROOT
from notices.content.archetypes import new_item
from notices.content.districts import district_table
from notices.content.reader import read_notice

DISTRICTS = district_table({"DISTRICTS": pelicanconf.DISTRICTS})


@pytest.mark.parametrize("kind", ["articles", "tenders", "outages"])
def test_new_item_from_archetype_is_valid(tmp_path, kind):
    path = new_item(tmp_path / "content", kind, "重庆路停电通知", date="2024-05-01")
    assert path.name == "2024-05-01-chong-qing-lu-ting-dian-tong.md"
    notice = read_notice(path, tmp_path / "content", DISTRICTS, str(tmp_path))
    assert notice.title == "重庆路停电通知"
    assert notice.slug == "2024-05-01-chong-qing-lu-ting-dian-tong"


def test_new_item_never_overwrites(tmp_path):
    new_item(tmp_path / "content", "articles", "标题", slug="same", date="2024-05-01")
    with pytest.raises(SystemExit) as exc:
        new_item(tmp_path / "content", "articles", "标题", slug="same", date="2024-05-01")
    assert str(exc.value).endswith("2024-05-01-same.md already exists; choose another --slug")


def test_invoke_lists_the_tasks():
    out = subprocess.run([sys.executable, "-m", "invoke", "--list"], cwd=ROOT, text=True,
                         capture_output=True, check=True).stdout
    for name in ["build", "rebuild", "clean", "serve", "livereload", "check", "new", "publish",
                 "test", "import-outages", "regold", "deploy", "nginx-config", "loadtest"]:
        assert f"  {name}" in out, name
