"""The static search index: records made from the catalog, Chinese-aware normalisation and
the sharded posting files the browser fetches (``index``).

Reads ``notices.content`` and ``notices.outputs``; imported by the search-index plugin and
the tests' reference reader.
"""
