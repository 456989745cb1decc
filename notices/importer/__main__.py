"""``python -m notices.importer FILE …``: the importer's command line (see ``cli``)."""

import sys

from .cli import main

sys.exit(main())
