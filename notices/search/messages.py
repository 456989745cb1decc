"""A search record (``SearchRecord``) and how records travel from the build to the
indexer's process (``record_messages``, ``records_from``).

Apart from ``notices.search.records``, which makes the records from the catalog, so that
the indexer's process imports neither the catalog nor the content model (pydantic,
markdown-it: about 13 MiB of its memory, docs/speed.md); only the kinds
(``notices.content.kinds``).
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from notices.content.kinds import Kind

# Records per message to the indexer: about 1.2 MB pickled at 20,000 items of a real
# vocabulary, so the indexer reads one while the build makes and pickles the next.
RECORDS_PER_MESSAGE = 1000
# What the indexer's process runs, by name: importing it here would import numpy.
INDEXER = "notices.search.indexer.index_from_messages"
INDEX_FOLDER = "search"  # under the output folder


@dataclass(frozen=True)
class SearchRecord:
    """One search result: an article, a tender, a schedule, or one window of a schedule."""

    kind: Kind
    url: str  # site-relative, e.g. outages/2019-09-16-power.html#w-20190923-jiangbei-1a2b3c
    when: dt.datetime  # the window's start, else the publication date
    districts: tuple[str, ...]  # district slugs
    text: str
    display: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def month(self) -> str:
        return f"{self.when:%Y-%m}"

    @property
    def filters(self) -> list[tuple[str, str]]:
        """The (filter, value) pairs this record is found under (see FILTERS)."""
        return [("kind", self.kind.value), ("date", self.month[:4]), ("date", self.month),
                *(("district", slug) for slug in self.districts)]


def record_messages(batches: Iterable[list[SearchRecord]]) -> Iterator[bytes]:
    """Batches of records (``search_record_batches``) as messages to the indexer's process
    (``records_from``): each batch pickled as plain tuples, the kind by its value."""
    for records in batches:
        yield pickle.dumps([(r.kind.value, r.url, r.when, r.districts, r.text, r.display)
                            for r in records], pickle.HIGHEST_PROTOCOL)


def records_from(messages: Iterable[bytes]) -> list[SearchRecord]:
    """The records ``record_messages`` sent, in order."""
    records = []
    for message in messages:
        records += [SearchRecord(kind=Kind(kind), url=url, when=when, districts=districts,
                                 text=text, display=display)
                    for kind, url, when, districts, text, display in pickle.loads(message)]
    return records
