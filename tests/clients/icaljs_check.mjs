// Read every .ics under a folder with Thunderbird's ical.js and print one JSON line per file:
// {"file", "events": [[uid, status, tzid, start ISO UTC, end ISO UTC]]}.
// Usage: node icaljs_check.mjs FOLDER [PATH/TO/ical.js/dist/ical.js] (default: "ical.js").
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const where = process.argv[3];
const ICAL = (await import(where ? pathToFileURL(where).href : "ical.js")).default;

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

for (const file of walk(process.argv[2]).filter((f) => f.endsWith(".ics")).sort()) {
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, "utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const start = event.startDate;
    const end = event.endDate;
    return [event.uid, component.getFirstPropertyValue("status"),
            start.isDate ? null : start.zone.tzid,
            start.toJSDate().toISOString(), end.toJSDate().toISOString()];
  });
  console.log(JSON.stringify({ file, events }));
}
