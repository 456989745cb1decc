"""The build: running Pelican into a staging folder and publishing the result.

- ``state``: Pelican-free; the "nothing changed" signature and where build state is kept.
- ``driver``: loads settings, runs Pelican, sorts failures into content, config and bugs.
- ``pelican_adapter``: every Pelican internal the build uses (checked against a stated
  Pelican range), the writer, and the build state while Pelican runs (``current_build``).
- ``publish``: swaps the finished tree in atomically, or updates it in place.
- ``cache`` (parsed notices), ``manifest`` (what each output was made from), ``keys``
  (what a page's template reads), ``writer`` (reuse or render each page), ``workers``
  (forked work beside the build), ``session`` (``BuildState``: one build's shared state).
- ``warm`` and ``serve``: what a long-running live-reload process keeps between builds.

May import ``notices.content``, ``notices.outputs``, ``notices.search``, ``notices.memo``
and ``notices.timing``; only ``notices.cli`` and the plugins import it.
"""
