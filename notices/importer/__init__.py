"""The outage-notice importer (``./dev import-outages``): plain text in, outage front matter out.

What it owns: reading the text of a planned-outage notice (any utility's layout: the
newspaper column, labelled records, tables, numbered items, prose), the windows and
cancellations it finds, and the account of every character it could not read.

Modules, in reading order: ``text`` (normalising characters, dates and times), ``scanner``
(cutting a line into tokens), ``assembler`` (tokens into windows and cancellations),
``messages`` (what is reported), ``cli`` (the command line and the file it writes) and
``score`` (``./dev importer-score`` over the corpus in ``tests/importer/real``).

Who may import it: the command line (``tasks.py``, ``notices.cli``) and tests. It imports
only ``notices.content`` (the content model, the district table, problems); nothing in
``notices.content``, ``notices.outputs``, ``notices.search`` or ``notices.build`` imports it
(``tests/test_layers.py`` holds this).
"""

from .cli import (
    ImportMessage,
    OutageImport,
    load_districts,
    main,
    parse_outage_notice,
    partial_fields,
    render_outage_file,
)

__all__ = [
    "ImportMessage",
    "OutageImport",
    "load_districts",
    "main",
    "parse_outage_notice",
    "partial_fields",
    "render_outage_file",
]
