"""Settings for the public site: absolute URLs. Used by `invoke publish`."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://notices.example.cn")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
PRECOMPRESS = True
