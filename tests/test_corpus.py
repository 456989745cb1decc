"""bench/corpus.py writes valid, deterministic content in this project's and Pelican's format."""

from __future__ import annotations

import sys

from conftest import ROOT, build_site

sys.path.insert(0, str(ROOT / "bench"))

from corpus import write_corpus  # noqa: E402


def test_generated_items_are_valid_content(tmp_path):
    content = write_corpus(tmp_path, 40, seed=7)
    kinds = {kind.name: len(list(kind.glob("*.md"))) for kind in content.iterdir()}
    assert kinds == {"outages": 10, "articles": 20, "tenders": 10}
    result = build_site(tmp_path, command="check")
    assert result.code == 0, result.err
    assert result.out.strip() == "OK: 40 items checked, no problems"


def test_same_seed_same_bytes_other_seed_other_text(tmp_path):
    def files(folder):
        return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*.md"))}

    first = files(write_corpus(tmp_path / "a", 12, seed=3))
    assert files(write_corpus(tmp_path / "b", 12, seed=3)) == first
    assert files(write_corpus(tmp_path / "c", 12, seed=4)) != first


def test_lexicon_vocabulary_is_broad_and_phrases_narrow(tmp_path):
    from corpus import corpus_characters

    lexicon = write_corpus(tmp_path / "lexicon", 40, seed=2)
    phrases = write_corpus(tmp_path / "phrases", 40, seed=2, vocabulary="phrases")
    # 20 articles of ~1,500 characters drawn from jieba's dictionary by frequency use a few
    # thousand distinct characters; the hand-typed phrases, a few hundred.
    assert corpus_characters(lexicon) > 2500
    assert corpus_characters(phrases) < 900
    article = next((lexicon / "articles").glob("*.md")).read_text("utf-8")
    assert "宁波日报" in article and "\n## " in article


def test_pelican_format_has_native_metadata_headers(tmp_path):
    content = write_corpus(tmp_path, 4, seed=1, fmt="pelican")
    outage = next((content / "outages").glob("*.md")).read_text("utf-8")
    headers = outage.split("\n\n", 1)[0].splitlines()
    assert [h.split(":", 1)[0] for h in headers] == ["Title", "Date", "Category", "Tags",
                                                      "Slug"]
    assert headers[2] == "Category: outages"
    body = outage.split("\n\n", 1)[1]
    assert body.startswith("- ") and "—" in body.splitlines()[0]


def test_pelican_format_tags_are_the_districts_only(tmp_path):
    # Like for like: this site lists and feeds districts, not the articles' topic tags.
    content = write_corpus(tmp_path, 12, seed=1, fmt="pelican")
    tags = {tag.strip() for path in content.rglob("*.md")
            for line in path.read_text("utf-8").splitlines() if line.startswith("Tags:")
            for tag in line[len("Tags:"):].split(",")}
    assert tags and all(tag.endswith(("区", "市", "县")) for tag in tags), tags
