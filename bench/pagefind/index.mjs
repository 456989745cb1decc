// Build a Pagefind index from custom records, for bench/pagefind_compare.py.
//
//   node bench/pagefind/index.mjs RECORDS.jsonl OUTPUT_DIR [CONFIG_JSON]
//
// Each line of RECORDS.jsonl is one Pagefind custom record ({url, content, language, meta,
// filters, sort}); the index is written to OUTPUT_DIR (e.g. site/pagefind); CONFIG_JSON is
// createIndex's configuration (e.g. {"includeCharacters": "_"}). Prints the
// records added and the seconds spent adding them and writing the files.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import * as pagefind from "pagefind";

const [records, output, config] = process.argv.slice(2);
if (!records || !output) {
  console.error("usage: node index.mjs RECORDS.jsonl OUTPUT_DIR [CONFIG_JSON]");
  process.exit(2);
}
const started = performance.now();
const { index, errors } = await pagefind.createIndex(config ? JSON.parse(config) : {});
if (errors.length) throw new Error(errors.join("; "));
let added = 0;
const pending = [];
for await (const line of createInterface({ input: createReadStream(records, "utf8") })) {
  if (!line) continue;
  pending.push(index.addCustomRecord(JSON.parse(line)).then((response) => {
    if (response.errors.length) throw new Error(response.errors.join("; "));
    added += 1;
  }));
  if (pending.length >= 500) await Promise.all(pending.splice(0));
}
await Promise.all(pending);
const indexed = performance.now();
const written = await index.writeFiles({ outputPath: output });
if (written.errors.length) throw new Error(written.errors.join("; "));
await pagefind.close();
const ms = (t) => (t / 1000).toFixed(1);
console.error(`pagefind: ${added} records added in ${ms(indexed - started)} s, ` +
              `files written in ${ms(performance.now() - indexed)} s`);
