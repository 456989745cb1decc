"""The static search index: records made from the catalog (``records``), Chinese-aware
normalisation and the sharded posting files the browser fetches (``index``), and the
indexer that writes them in a process of its own (``indexer``).

Reads ``notices.content`` and ``notices.outputs``; imported by the search-index plugin and
the tests' reference reader.
"""
