"""The article store in shards: an edit rewrites its own shard only, a deleted item leaves
its shard, a damaged or missing shard is read again, and unpickling never leaves the cycle
collector off."""

from __future__ import annotations

import gc
import logging
import os
import pickle
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import build_site, copy_site, tree_digest
from notices.build import cache as build_cache
from notices.build import pelican_adapter, warm
from notices.build.cache import ReaderCache, collector_paused


class _Keys(pickle.Unpickler):
    """Reads a shard without this build's settings, context and notices (persistent ids)."""

    def persistent_load(self, pid):
        return None


def store_folder(site: Path) -> Path:
    (folder,) = (site / ".cache").glob("articles-*")
    return folder


def shard_keys(folder: Path) -> dict[str, list[str]]:
    """Each shard file's name and the content files (relative) whose articles it holds."""
    content = str(folder.parents[1] / "content") + os.sep
    keys = {}
    for shard in sorted(folder.glob("*.pickle")):
        with open(shard, "rb") as handle:
            keys[shard.name] = sorted(p.removeprefix(content) for p in _Keys(handle).load())
    return keys


def shard_files(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Each shard file's inode, modification time and bytes (a rewrite changes them)."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(folder.iterdir())}


def shard_of(keys: dict[str, list[str]], rel: str) -> str:
    (name,) = [name for name, files in keys.items() if rel in files]
    return name


def matches_a_cold_build(site: Path, tmp_path: Path) -> bool:
    cold = build_site(site, tmp_path / "cold", CACHE_PATH=str(tmp_path / "cold-cache"))
    assert cold.code == 0, cold.err
    return tree_digest(cold.output) == tree_digest(site / "output")


@pytest.fixture
def cal_site(tmp_path, monkeypatch):
    """The calendars fixture site (six items), built once; its files' times are trusted,
    though they were copied moments ago."""
    monkeypatch.setattr(warm, "RACY_NS", 0)
    site = copy_site("calendars", tmp_path / "site")
    result = build_site(site)
    assert result.code == 0, result.err
    return site


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The content files Pelican's reader reads from now on (relative to content/)."""
    reader = sys.modules["notice_reader.notice_reader"].NoticeReader
    read = reader.read
    seen: list[str] = []

    def counting(self, source_path):
        seen.append(source_path.split(f"{os.sep}content{os.sep}", 1)[1])
        return read(self, source_path)

    monkeypatch.setattr(reader, "read", counting)
    return seen


def test_the_shards_are_named_by_the_path_under_the_content_folder(cal_site):
    # The same files fall in the same shards wherever the site is (here, a temporary folder).
    assert shard_keys(store_folder(cal_site)) == {
        "18.pickle": ["tenders/2024-05-03-pinggu.md"],
        "19.pickle": ["outages/2023-01-05-old-power.md"],
        "24.pickle": ["articles/2024-05-03-news.md"],
        "25.pickle": ["outages/2024-05-02-power.md", "tenders/2024-05-01-wuye.md"],
        "30.pickle": ["outages/2024-05-04-power.md"],
    }


@pytest.mark.parametrize("edited", ["outages/2024-05-04-power.md", "tenders/2024-05-01-wuye.md"])
def test_an_edit_rewrites_only_the_shard_of_the_edited_item(cal_site, tmp_path, reads, edited):
    folder = store_folder(cal_site)
    keys, before = shard_keys(folder), shard_files(folder)
    source = cal_site / "content" / edited
    source.write_text(source.read_text("utf-8") + "\n补充说明。\n", "utf-8")

    assert build_site(cal_site).code == 0

    after = shard_files(folder)
    assert reads == [edited]
    assert sorted(after) == sorted(before)
    assert [name for name in after if after[name] != before[name]] == [shard_of(keys, edited)]
    assert shard_keys(folder) == keys
    assert matches_a_cold_build(cal_site, tmp_path)


def test_a_build_with_nothing_read_rewrites_no_shard(cal_site, reads, monkeypatch):
    folder = store_folder(cal_site)
    before = shard_files(folder)
    # (a new output folder: the build runs through instead of stopping at "Nothing changed")
    assert build_site(cal_site, cal_site / "elsewhere").code == 0
    assert reads == []
    assert shard_files(folder) == before


def test_a_deleted_item_leaves_its_shard_and_the_output(cal_site, tmp_path, reads):
    folder = store_folder(cal_site)
    keys, before = shard_keys(folder), shard_files(folder)
    alone, shared = "articles/2024-05-03-news.md", "tenders/2024-05-01-wuye.md"
    # (the first is alone in its shard, the second shares one with an outage schedule)
    assert keys[shard_of(keys, alone)] == [alone] and len(keys[shard_of(keys, shared)]) == 2
    for rel in (alone, shared):
        (cal_site / "content" / rel).unlink()

    assert build_site(cal_site).code == 0

    assert reads == []
    remaining = shard_keys(folder)
    assert shard_of(keys, alone) not in remaining  # an emptied shard is removed
    assert remaining[shard_of(keys, shared)] == ["outages/2024-05-02-power.md"]
    after = shard_files(folder)
    untouched = set(before) - {shard_of(keys, alone), shard_of(keys, shared)}
    assert len(untouched) == 3 and all(after[name] == before[name] for name in untouched)
    for page in ("articles/2024-05-03-news.html", "tenders/2024-05-01-wuye.html"):
        assert not (cal_site / "output" / page).exists()
    assert matches_a_cold_build(cal_site, tmp_path)


@pytest.mark.parametrize("damage", ["truncated", "not a pickle", "missing"])
def test_a_damaged_or_missing_shard_is_read_again_and_written_anew(
        cal_site, tmp_path, reads, caplog, damage):
    folder = store_folder(cal_site)
    keys = shard_keys(folder)
    shard = folder / shard_of(keys, "outages/2024-05-02-power.md")  # with a tender
    data = shard.read_bytes()
    if damage == "truncated":
        shard.write_bytes(data[: len(data) // 2])
    elif damage == "not a pickle":
        shard.write_bytes(b"\x00" * len(data))
    else:
        shard.unlink()
    edited = cal_site / "content" / "articles" / "2024-05-03-news.md"  # in another shard
    edited.write_text(edited.read_text("utf-8") + "\n补充。\n", "utf-8")

    with caplog.at_level(logging.DEBUG, logger=pelican_adapter.__name__):
        result = build_site(cal_site)

    assert result.code == 0, result.err
    # Like the reader cache, a damaged store is only slower: nothing is said but in the
    # debug log, and the files of the shard are read again.
    assert "article store" not in result.err + result.out
    messages = [r.getMessage() for r in caplog.records if r.name == pelican_adapter.__name__]
    expected = [] if damage == "missing" else [f"article store shard {shard} not used"]
    assert [m for m in messages if m.startswith("article store")] == expected
    assert sorted(reads) == ["articles/2024-05-03-news.md", "outages/2024-05-02-power.md",
                             "tenders/2024-05-01-wuye.md"]
    assert shard_keys(folder) == keys  # the shard is whole again
    assert matches_a_cold_build(cal_site, tmp_path)
    reads.clear()
    edited.write_text(edited.read_text("utf-8") + "\n再补充。\n", "utf-8")
    assert build_site(cal_site).code == 0
    assert reads == ["articles/2024-05-03-news.md"]


def test_a_damaged_reader_cache_shard_is_parsed_again(cal_site, tmp_path, reads):
    # The articles whose notices were in it are not usable either: they are read again.
    (notices,) = (cal_site / ".cache").glob("notices-*")
    for shard in notices.glob("*.pickle"):
        shard.write_bytes(shard.read_bytes()[:10])
    edited = cal_site / "content" / "articles" / "2024-05-03-news.md"
    edited.write_text(edited.read_text("utf-8") + "\n补充。\n", "utf-8")

    assert build_site(cal_site).code == 0

    assert len(reads) == 6
    assert matches_a_cold_build(cal_site, tmp_path)


@pytest.mark.parametrize("enabled", [True, False])
def test_collector_paused_gives_back_the_collector_as_it_was_even_on_an_error(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError), collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("unpickling failed")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_what_was_unpickled_is_put_in_the_oldest_generation_without_a_collection():
    # A new process's edit loads the reader cache (hundreds of thousands of objects): left
    # young, the first young collection after the load walked them all (0.17 s at 5,000
    # items). They go to the oldest generation at once, and nothing stays frozen.
    data = pickle.dumps({f"key{n}": [f"value{n}", {"n": n}] for n in range(2_000)})
    collections = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with collector_paused():
            loaded = pickle.loads(data)
    finally:
        gc.callbacks.remove(count)
    assert collections == []  # (no walk to get them there)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(loaded) in oldest and id(loaded["key7"]) in oldest
    assert id(loaded["key1999"]) in oldest
    assert gc.get_freeze_count() == 0


def test_the_collector_is_on_after_loading_the_caches_even_when_loading_raises(
        cal_site, monkeypatch):
    # KeyboardInterrupt passes the loaders' "a damaged shard is only slower".
    assert gc.isenabled()

    def interrupted(*args, **kwargs):
        assert not gc.isenabled()  # (paused while unpickling)
        raise KeyboardInterrupt

    cache_folder = str(cal_site / ".cache")
    (notices,) = (cal_site / ".cache").glob("notices-*")
    code = notices.name.removeprefix("notices-")
    loaded = ReaderCache.load(cache_folder, code)
    assert loaded.entries and gc.isenabled()

    monkeypatch.setattr(build_cache.pickle, "load", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ReaderCache.load(cache_folder, code)
    assert gc.isenabled()
    monkeypatch.undo()

    store_path = store_folder(cal_site)
    generator = SimpleNamespace(settings={}, context={}, path=str(cal_site / "content"))
    store = pelican_adapter.ArticleStore(generator, loaded, code)
    assert store.path == store_path and len(store.articles) == 6 and gc.isenabled()

    monkeypatch.setattr(pelican_adapter._StoreUnpickler, "load", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pelican_adapter.ArticleStore(generator, loaded, code)
    assert gc.isenabled()
