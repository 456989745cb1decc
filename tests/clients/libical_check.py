"""Read every .ics under a folder with libical (ICalGLib) and print one JSON line per file.

Run with a Python that has PyGObject and libical's introspection data (Debian:
python3-gi gir1.2-ical-3.0), e.g. /usr/bin/python3 tests/clients/libical_check.py output/
Each line: {"file", "errors" (X-LIC-ERROR texts, including RFC 5546 iTIP restrictions),
"events": [[uid, status, tzid, start (UTC, seconds since the epoch), end]]}.
"""

import json
import pathlib
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def errors_of(component) -> list[str]:
    found = []
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(prop.get_xlicerror())
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = component.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        found.extend(errors_of(child))
        child = component.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    return found


def main(folder: str) -> None:
    for path in sorted(pathlib.Path(folder).rglob("*.ics")):
        calendar = ICalGLib.Component.new_from_string(path.read_text("utf-8"))
        if calendar is None:
            print(json.dumps({"file": str(path), "errors": ["not parsed"], "events": []}))
            continue
        calendar.check_restrictions()
        events = []
        event = calendar.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
        while event is not None:
            start, end = event.get_dtstart(), event.get_dtend()
            zone = start.get_timezone()
            events.append([
                event.get_uid(), ICalGLib.Property.status_to_string(event.get_status()),
                zone.get_tzid() if zone else None,
                start.as_timet_with_zone(zone) if zone else None,
                end.as_timet_with_zone(end.get_timezone()) if zone else None,
            ])
            event = calendar.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
        print(json.dumps({"file": str(path), "errors": errors_of(calendar), "events": events},
                         ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
