"""The content model: what an item is, and how a content file becomes one.

Owns the typed model of the three kinds (``model``), the declared districts (``districts``)
and project settings (``settings``), reading a file (``frontmatter``, ``markup``,
``reader``), the safe walk of content/ (``files``), which characters text may hold
(``characters``), validation and its messages (``validate``, ``problems``), slugs, archetypes
for new files, and the ``catalog``: the typed objects of one build that every output reads.

Imports nothing else of the project but ``notices.memo``. Everything may import it.
"""
