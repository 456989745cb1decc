"""Ningbo Notices: the shared library behind the Pelican plugins.

The folder layout shows the pipeline, lowest layer first (a layer imports only those
above it in this list; ``tests/test_layers.py`` checks it):

- ``notices.memo``, ``notices.timing``: small helpers any layer may use.
- ``notices.content``: the one typed content model, the declared districts and settings,
  reading and validating a file, and the catalog of one build.
- ``notices.outputs``: feeds, calendars, URLs and date filters, made from the catalog.
- ``notices.search``: the static search index.
- ``notices.importer``: turning a printed outage notice into a content file.
- ``notices.build``: running Pelican, page reuse, publishing, the live-reload process.
- ``notices.cli``: the command line (``python -m notices``).

Plugins under ``plugins/`` are thin: each registers Pelican signals and writes one kind of
output from the catalog. Pelican loads plugins from ``PLUGIN_PATHS`` without putting that
folder on ``sys.path``, so shared code lives here, in an installed package, and no plugin
imports another.
"""
