"""``python -m notices.deploy``: see ``notices.deploy.cli``."""

import sys

from notices.deploy.cli import main

sys.exit(main())
