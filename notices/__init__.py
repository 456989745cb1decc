"""Ningbo Notices: the shared library behind the Pelican plugins.

The folder layout shows the pipeline:

- ``notices.districts`` and ``notices.settings``: the declared configuration.
- ``notices.model``: the one typed content model (articles, tenders, outages).
- ``notices.frontmatter`` and ``notices.markup``: how a content file is read.
- ``notices.catalog``: the typed objects of one build, shared by every output.
- ``notices.problems``: how content mistakes are collected and reported.
- ``notices.build``: the build driver (temporary folder, then an atomic swap).

Plugins under ``plugins/`` are thin: each registers signals and writes one
kind of output from the catalog. Pelican loads plugins from ``PLUGIN_PATHS``
without putting that folder on ``sys.path``, so shared code lives here, in an
installed package, and no plugin imports another.
"""
