"""The kinds of content (``Kind``) and their labels, apart from the content model (pydantic)
so that the search indexer's process, which needs only the kinds, does not import it
(``notices.search.messages``). ``notices.content.model`` re-exports both."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """The three kinds of content; the value is the folder under ``content/``."""

    ARTICLE = "articles"
    TENDER = "tenders"
    OUTAGE = "outages"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def singular(self) -> str:
        return {"articles": "article", "tenders": "tender", "outages": "outage"}[self.value]


KIND_LABELS = {Kind.ARTICLE: "新闻", Kind.TENDER: "招标与报名公告", Kind.OUTAGE: "停电预告"}
