"""What the site publishes besides its pages: feeds (RSS, Atom, JSON Feed), calendars
(iCalendar events merged from outage windows), URLs and the Chinese date filters the
templates and feeds share.

Reads the content model only (``notices.content``); imported by the plugins, search and the
build's page keys.
"""
