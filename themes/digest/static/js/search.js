// The search page. A query is cut into terms and each term into tokens by the rules of
// notices/search/index.py (runs and termPlan here must stay in step with it; a test compares
// them), the tokens are looked up in the index files under search/ (written by
// notices/search/index.py, described in docs/search.md), and the records containing every term
// are shown newest first. A record is an article, a tender, a schedule or one outage window;
// what a result shows is a small JSON block per two records, in a pack read by Range. The
// query and filters live in the URL (?q=慈城镇&district=jiangbei&date=2019-09), so a search
// can be linked and bookmarked.
(function () {
  "use strict";

  var form = document.querySelector("[data-search-form]");
  if (!form) { return; }
  var unavailable = document.querySelector("[data-search-unavailable]");
  var statusEl = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.querySelector("[data-search-more]");
  var FILTERS = ["kind", "district", "date"];
  var pageSize = parseInt(form.getAttribute("data-page-size"), 10) || 20;
  var siteRoot = new URL(form.getAttribute("data-site"), document.baseURI);
  var indexRoot = new URL(form.getAttribute("data-index"), document.baseURI);

  // --- Units and tokens: the rules of notices/search/index.py ----------------------------------
  var NGRAM = 3;
  var MAX_CODE_POINT = Math.pow(26, 4);
  var ASCII_WORD_MAX = 99;
  var ASCII_UNIT = /^[a-z0-9]$/;
  // Letters and digits, and code points unassigned in older Unicode tables (so a newer
  // browser and an older Python cut newly added characters alike).
  var WORD_CHAR = /^[\p{L}\p{N}\p{Cn}]$/u;

  function runs(text) {
    var found = [];
    var current = [];
    var asciiWord = "";
    function endWord() {
      while (asciiWord) {
        current.push(asciiWord.slice(0, ASCII_WORD_MAX));
        asciiWord = asciiWord.slice(ASCII_WORD_MAX);
      }
    }
    for (var ch of text.normalize("NFKC").toLowerCase()) {
      var cp = ch.codePointAt(0);
      if (cp < 128 && ASCII_UNIT.test(ch)) {
        asciiWord += ch;
      } else if (cp >= 128 && cp < MAX_CODE_POINT && WORD_CHAR.test(ch)) {
        endWord();
        current.push(ch);
      } else {
        endWord();
        if (current.length) { found.push(current); current = []; }
      }
    }
    endWord();
    if (current.length) { found.push(current); }
    return found;
  }

  // A term of one or two units is one token without positions; a longer one is covered by
  // trigrams at offsets 0, 3, 6, … and one ending at its last unit.
  function termPlan(units) {
    if (units.length < NGRAM) {
      return { tokens: [units.join(" ")], offsets: [0], positional: false };
    }
    var offsets = [];
    for (var o = 0; o + NGRAM <= units.length; o += NGRAM) { offsets.push(o); }
    if (offsets[offsets.length - 1] !== units.length - NGRAM) { offsets.push(units.length - NGRAM); }
    return {
      tokens: offsets.map(function (at) { return units.slice(at, at + NGRAM).join(" "); }),
      offsets: offsets,
      positional: true
    };
  }

  // The distinct terms of a query, each as its units.
  function terms(query) {
    var seen = {};
    return runs(query).filter(function (units) {
      var key = units.join(" ");
      if (seen[key]) { return false; }
      seen[key] = true;
      return true;
    });
  }

  function queryPlans(query) {
    var plans = [];
    var seen = {};
    runs(query).forEach(function (units) {
      var plan = termPlan(units);
      var key = plan.tokens.join(" ") + "|" + plan.offsets.join(" ");
      if (!seen[key]) { seen[key] = true; plans.push(plan); }
    });
    return plans;
  }

  // For the tests: the plans of a query (compared with notices.search.query_plans) and
  // every result of the last search (record numbers, in order), not only those shown.
  window.noticesSearchPlans = function (query) {
    return queryPlans(query).map(function (plan) { return [plan.tokens, plan.offsets]; });
  };
  window.noticesSearchHash = function (units) { return tokenHash(units); };
  // (A record of the delta, docs/search.md "A delta after an edit", is "d" and its number.)
  window.noticesSearchResults = function () {
    return current ? current.keys.map(function (key) {
      return key.info.delta ? "d" + key.n : key.n;
    }) : null;
  };

  // --- State in the URL ------------------------------------------------------------------
  function stateFromUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = { q: (params.get("q") || "").trim() };
    FILTERS.forEach(function (name) { state[name] = params.get(name) || ""; });
    return state;
  }

  function stateFromForm() {
    var state = { q: form.elements.q.value.trim() };
    FILTERS.forEach(function (name) { state[name] = form.elements[name].value; });
    return state;
  }

  function fillForm(state) {
    form.elements.q.value = state.q;
    FILTERS.forEach(function (name) {
      var select = form.elements[name];
      select.value = state[name];
      if (select.value !== state[name]) { select.value = ""; state[name] = ""; }
    });
  }

  function urlFor(state) {
    var params = new URLSearchParams();
    ["q"].concat(FILTERS).forEach(function (name) {
      if (state[name]) { params.set(name, state[name]); }
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  // The filter files a search needs: search/f/<filter>-<value>.bin.
  function filterFiles(state) {
    return FILTERS.filter(function (name) { return state[name]; }).map(function (name) {
      return "f/" + name + "-" + state[name] + ".bin";
    });
  }

  // --- The index ---------------------------------------------------------------------------
  // index.json names the format, the version (every other file is fetched with ?v=version,
  // so a browser never mixes files of two builds), the number of shards, and the limits of
  // common tokens. A token is in shard <hash of its first three units & (shards - 1)>,
  // an item of the packs i/<k>.bin (shardBytes).
  // After an edit, a build that carries the index over adds a delta (index.json's "delta"):
  // an index of the records the edit added or changed under d/, with its own version,
  // records and shards, the main records it replaces ("removed") and, per record of its
  // own, how many main records sort before it ("at"). An "info" below is one of the two.
  var INDEX_FORMAT = 5;
  var meta = null;
  function loadMeta() {
    if (!meta) {
      meta = fetch(new URL("index.json", indexRoot), { cache: "no-cache" })
        .then(function (response) {
          if (!response.ok) { throw new Error("HTTP " + response.status); }
          return response.json();
        })
        .then(function (data) {
          if (data.format !== INDEX_FORMAT) { throw new Error("index format " + data.format); }
          var main = Object.assign({}, data, { root: indexRoot, delta: null });
          var delta = data.delta && data.delta.records ? Object.assign({}, data, {
            root: new URL("d/", indexRoot), version: data.delta.version,
            records: data.delta.records, shards: data.delta.shards, delta: true
          }) : null;
          return {
            main: main, delta: delta,
            removed: new Set(data.delta ? data.delta.removed : []),
            at: data.delta ? data.delta.at : []
          };
        });
      meta.catch(function () { meta = null; });
    }
    return meta;
  }

  var files = {};
  // A file of an index; ``missing`` is what a 404 gives (a filter value no record of a
  // delta has), else a 404 is an error.
  function indexFile(info, path, missing) {
    var key = info.root + path;
    if (!files[key]) {
      var url = new URL(path, info.root);
      url.search = "v=" + info.version;
      files[key] = fetch(url).then(function (response) {
        if (response.status === 404 && missing) { return missing; }
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
      });
      files[key].catch(function () { delete files[key]; });
    }
    return files[key];
  }

  var CRC_TABLE = [];
  for (var n = 0; n < 256; n++) {
    var c = n;
    for (var k = 0; k < 8; k++) { c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; }
    CRC_TABLE.push(c >>> 0);
  }
  function crc32(bytes) {
    var crc = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i++) { crc = CRC_TABLE[(crc ^ bytes[i]) & 255] ^ (crc >>> 8); }
    return (crc ^ 0xFFFFFFFF) >>> 0;
  }

  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  // notices.search.index.token_hash: FNV-1a over the CRC-32 of each unit, then mixed. The
  // lower bits pick the shard, the upper 16 are a rare token's fingerprint.
  function tokenHash(units) {
    var x = 2166136261;
    units.forEach(function (unit) {
      x = Math.imul((x ^ crc32(encoder.encode(unit))) >>> 0, 16777619) >>> 0;
    });
    x = (x ^ (x >>> 16)) >>> 0;
    x = Math.imul(x, 0x85EBCA6B) >>> 0;
    return (x ^ (x >>> 13)) >>> 0;
  }

  // Unsigned LEB128 numbers, one after another.
  function Reader(bytes) { this.bytes = bytes; this.at = 0; }
  Reader.prototype.more = function () { return this.at < this.bytes.length; };
  Reader.prototype.next = function () {
    var value = 0;
    var scale = 1;
    var byte;
    do {
      if (this.at >= this.bytes.length) { throw new Error("truncated index file"); }
      byte = this.bytes[this.at++];
      value += (byte & 127) * scale;
      scale *= 128;
    } while (byte & 128);
    return value;
  };

  // Record numbers, delta-coded (a filter value, a token's records).
  function recordNumbers(bytes) {
    var numbers = [];
    if (!bytes) { return numbers; }
    var reader = new Reader(bytes);
    for (var number = 0; reader.more();) { number += reader.next(); numbers.push(number); }
    return numbers;
  }

  // A shard: the number of common tokens; per common token the length of its UTF-8 name,
  // the name, the length of its records, the records; then the rare tokens to the end.
  var shards = {};
  // The shard's lowest five bits come from the hash of the token's first three units
  // (notices.search.index.shard_of).
  function shard(info, units) {
    var x = tokenHash(units);
    var number = (((x >>> 5) << 5) | (tokenHash(units.slice(0, NGRAM)) & 31)) & (info.shards - 1);
    var key = info.root + number;
    if (!shards[key]) {
      shards[key] = shardBytes(info, number).then(function (bytes) {
        return parseShard(bytes, info.records);
      });
    }
    return shards[key].then(function (parsed) {
      return { common: parsed.common, rare: parsed.rare, fingerprint: x >>> 16 };
    });
  }

  // Bits from bytes[at] on, from each byte's lowest.
  function Bits(bytes, at) { this.bytes = bytes; this.bit = at * 8; }
  Bits.prototype.fixed = function (width) {
    var value = 0;
    for (var j = 0; j < width; j++, this.bit++) {
      value += (this.bytes[this.bit >> 3] >> (this.bit & 7) & 1) * Math.pow(2, j);
    }
    return value;
  };
  // A Rice code with parameter k: value >> k as 0 bits ended by a 1 bit, then k low bits.
  Bits.prototype.rice = function (k) {
    var quotient = 0;
    while (!this.fixed(1)) { quotient++; }
    return quotient * Math.pow(2, k) + this.fixed(k);
  };

  function parseShard(bytes, records) {
    var reader = new Reader(bytes);
    var common = new Map();
    for (var count = reader.next(); count > 0; count--) {
      var nameLength = reader.next();
      var name = decoder.decode(bytes.subarray(reader.at, reader.at + nameLength));
      reader.at += nameLength;
      var length = reader.next();
      common.set(name, bytes.subarray(reader.at, reader.at + length));
      reader.at += length;
    }
    // The rare tokens: their count, a byte k, then bits: per token its fingerprint less
    // the previous one (Rice, k), the count of its records less one (2 bits), its records
    // (as many bits as the highest record number needs).
    var rare = new Map();
    if (reader.more()) {
      var tokens = reader.next();
      var bits = new Bits(bytes, reader.at + 1);
      var k = bytes[reader.at];
      var width = 1;
      while (Math.pow(2, width) < records) { width++; }
      for (var fingerprint = 0; tokens > 0; tokens--) {
        fingerprint += bits.rice(k);
        var found = rare.get(fingerprint) || [];
        for (var i = bits.fixed(2); i >= 0; i--) { found.push(bits.fixed(width)); }
        rare.set(fingerprint, found);
      }
    }
    return { common: common, rare: rare };
  }

  // A common token's records: count * 4 + mode, then the records delta-coded (mode 0),
  // the first record and a bitmap from it (mode 1), or (mode 2) a byte k and per record
  // the gap from the previous one less one (the first: the record itself) Rice-coded:
  // gap >> k as 0 bits ended by a 1 bit, then its k low bits; bits from each byte's lowest.
  function commonRecords(found, units) {
    var bytes = found.common.get(units.join(""));
    var reader = new Reader(bytes);
    var head = reader.next();
    var mode = head % 4;
    if (mode === 0) { return recordNumbers(bytes.subarray(reader.at)); }
    if (mode === 2) { return riceRecords(bytes, reader.at, Math.floor(head / 4)); }
    var first = reader.next();
    var numbers = [];
    for (var at = reader.at; at < bytes.length; at++) {
      for (var bit = 0; bit < 8; bit++) {
        if (bytes[at] >> bit & 1) { numbers.push(first + 8 * (at - reader.at) + bit); }
      }
    }
    return numbers;
  }

  function riceRecords(bytes, at, count) {
    var bits = new Bits(bytes, at + 1);
    var numbers = [];
    for (var i = 0, record = -1; i < count; i++) {
      record += bits.rice(bytes[at]) + 1;
      numbers.push(record);
    }
    return numbers;
  }

  // Bytes [start, end) of an index file, by an HTTP Range request. A server that does not
  // answer Range sends 200 and the whole file: it is kept and sliced here (costlier, and
  // still right). Until the first answer for a file says which, other ranges of it wait,
  // so a file is never downloaded whole twice. A 206 must be the range asked for.
  var wholeFiles = {};
  var ranged = {};  // path -> promise: does the server answer Range for it?
  function indexRange(info, name, start, end) {
    var path = info.root + name;
    var key = path + "#" + start + "-" + end;
    if (files[key]) { return files[key]; }
    var first = !ranged[path];
    var answered;
    if (first) { ranged[path] = new Promise(function (resolve) { answered = resolve; }); }
    var wait = first ? Promise.resolve(true) : ranged[path];
    files[key] = wait.then(function (useRange) {
      if (!useRange) {
        return wholeFiles[path].then(function (bytes) { return bytes.subarray(start, end); });
      }
      var url = new URL(name, info.root);
      url.search = "v=" + info.version;
      return fetch(url, { headers: { Range: "bytes=" + start + "-" + (end - 1) } })
        .then(function (response) {
          if (response.status === 200) {
            var whole = response.arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
            wholeFiles[path] = whole;
            if (first) { answered(false); }
            return whole.then(function (bytes) { return bytes.subarray(start, end); });
          }
          var range = /^bytes (\d+)-(\d+)\//.exec(response.headers.get("Content-Range") || "");
          if (response.status !== 206 || !range || Number(range[1]) !== start) {
            throw new Error("HTTP " + response.status + " for a range of " + path);
          }
          if (first) { answered(true); }
          return response.arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
        });
    });
    files[key].catch(function () {
      delete files[key];
      if (first) { delete ranged[path]; delete wholeFiles[path]; answered(true); }
    });
    return files[key];
  }

  // The bytes from global offset ``start`` to ``end`` of the packs <folder>/<k>.bin: pack k
  // holds the bytes from k * info.pack, and an item never crosses into the next pack.
  function packedBytes(info, folder, start, end) {
    var pack = Math.floor(start / info.pack);
    return indexRange(info, folder + "/" + pack + ".bin", start - pack * info.pack,
                      end - pack * info.pack);
  }

  // Item ``item`` of a pack (docs/search.md, "Packs"), decompressed: p/<name>.idx holds
  // each item's global offset as uint32 little endian, read in chunks of info.chunk entries
  // and one more; the item is in pack p/<offset // info.pack>.bin.
  async function packedItem(info, name, item) {
    var dictionaryFile = indexFile(info, "p/" + name + "-dict.bin");  // fetched beside the item
    var chunk = Math.floor(item / info.chunk);
    var table = await indexRange(info, "p/" + name + ".idx", 4 * chunk * info.chunk,
                                 4 * (chunk + 1) * info.chunk + 4);
    var view = new DataView(table.buffer, table.byteOffset, table.byteLength);
    var at = 4 * (item - chunk * info.chunk);
    var start = view.getUint32(at, true);
    var end = view.getUint32(at + 4, true);
    var stored = await packedBytes(info, "p", start, end);
    // Each item is compressed by itself (raw deflate) with a preset dictionary: p/<name>-dict.bin
    // holds the dictionary's length (varint), then its own deflate stream (not ended), which
    // the item's bytes continue; the dictionary's bytes are dropped from what inflates.
    var dictionary = await dictionaryFile;
    var reader = new Reader(dictionary);
    var size = reader.next();
    var stream = new Blob([dictionary.subarray(reader.at), stored]).stream()
      .pipeThrough(new DecompressionStream("deflate-raw"));
    return new Uint8Array(await new Response(stream).arrayBuffer()).subarray(size);
  }

  // Shard ``number``, stored as built in the packs i/<k>.bin: i/shards.idx holds each
  // shard's global start and end (two uint32 little endian), read in chunks of info.chunk
  // shards.
  async function shardBytes(info, number) {
    var chunk = Math.floor(number / info.chunk);
    var first = chunk * info.chunk;
    var table = await indexRange(info, "i/shards.idx", 8 * first,
                                 8 * Math.min(first + info.chunk, info.shards));
    var view = new DataView(table.buffer, table.byteOffset, table.byteLength);
    var start = view.getUint32(8 * (number - first), true);
    var end = view.getUint32(8 * (number - first) + 4, true);
    return packedBytes(info, "i", start, end);
  }

  // Record text, to check the candidates of a rare term: t/index.bin holds the first record
  // of each page (delta-coded), a text page (item of pack kind t) per record the length of
  // its UTF-8 and the text.
  async function recordText(info, number) {
    var firsts = recordNumbers(await indexFile(info, "t/index.bin"));
    var page = 0;
    while (page + 1 < firsts.length && firsts[page + 1] <= number) { page++; }
    var reader = new Reader(await packedItem(info, "t", page));
    for (var skip = number - firsts[page]; skip > 0; skip--) {
      var length = reader.next();
      reader.at += length;
    }
    var size = reader.next();
    return decoder.decode(reader.bytes.subarray(reader.at, reader.at + size));
  }

  function containsTerm(text, units) {
    var term = units.join("\u0000");
    return runs(text).some(function (run) {
      for (var i = 0; i + units.length <= run.length; i++) {
        if (run.slice(i, i + units.length).join("\u0000") === term) { return true; }
      }
      return false;
    });
  }

  function intersectSorted(a, b) {
    var keep = new Set(b);
    return a.filter(function (number) { return keep.has(number); });
  }

  // The numbers of the records matching one term. A token (one to info.longest units) in at
  // least info.common records is stored by name with its exact records; a rarer term's
  // candidates (the records of its rare token by fingerprint, or those of its trigrams at
  // offsets 0, 3, 6, … and one ending at its last unit, as far as needed) are checked
  // against their text.
  async function termMatches(info, units) {
    var found = null;
    if (units.length <= info.longest) {
      found = await shard(info, units);
      if (found.common.has(units.join(""))) { return commonRecords(found, units); }
    }
    var candidates;
    if (units.length <= NGRAM) {
      candidates = found.rare.get(found.fingerprint) || [];
    } else {
      // One trigram shard at a time, until at most one candidate is left: a rare trigram
      // (one to three records) usually settles it, and a text page costs about a shard.
      var offsets = termPlan(units).offsets;
      for (var i = 0; i < offsets.length && (!candidates || candidates.length > 1); i++) {
        var trigram = units.slice(offsets[i], offsets[i] + NGRAM);
        var inShard = await shard(info, trigram);
        var numbers = inShard.common.has(trigram.join("")) ? commonRecords(inShard, trigram)
          : inShard.rare.get(inShard.fingerprint) || [];
        candidates = candidates ? intersectSorted(candidates, numbers) : numbers;
      }
    }
    var checked = await Promise.all(candidates.map(function (number) {
      return recordText(info, number).then(function (text) { return containsTerm(text, units); });
    }));
    return candidates.filter(function (number, i) { return checked[i]; });
  }

  // What a result shows: display block number // info.block (item of pack kind r) holds
  // the records of one block, in order, as JSON.
  var blocks = {};
  function display(info, number) {
    var block = Math.floor(number / info.block);
    var key = info.root + block;
    if (!blocks[key]) {
      blocks[key] = packedItem(info, "r", block).then(function (bytes) {
        return JSON.parse(decoder.decode(bytes));
      });
      blocks[key].catch(function () { delete blocks[key]; });
    }
    return blocks[key].then(function (items) { return items[number - block * info.block]; });
  }

  // The numbers in every list, newest (highest) first.
  function intersect(lists) {
    var numbers = lists[0];
    lists.slice(1).forEach(function (other) {
      var keep = new Set(other);
      numbers = numbers.filter(function (number) { return keep.has(number); });
    });
    return numbers.sort(function (a, b) { return b - a; });
  }

  // The records of one index (main or delta) matching every term and filter.
  function matching(info, state, filters) {
    return Promise.all(terms(state.q).map(function (units) {
      return termMatches(info, units);
    }).concat(filters.map(function (path) {
      return indexFile(info, path, new Uint8Array(0)).then(recordNumbers);
    }))).then(intersect);
  }

  // Results newest first: a main record n sorts as 2n + 1, the delta's record j as
  // 2 * at[j] (just before the main record it was placed before), then by j.
  async function results(index, state, filters) {
    var found = (await matching(index.main, state, filters)).filter(function (n) {
      return !index.removed.has(n);
    }).map(function (n) { return { info: index.main, n: n, order: 2 * n + 1, then: 0 }; });
    if (index.delta) {
      (await matching(index.delta, state, filters)).forEach(function (j) {
        found.push({ info: index.delta, n: j, order: 2 * index.at[j], then: j });
      });
    }
    return found.sort(function (a, b) { return b.order - a.order || b.then - a.then; });
  }

  var serial = 0;
  var current = null;

  function setStatus(text) {
    statusEl.textContent = text;
    document.body.setAttribute("data-search-state", text ? "done" : "idle");
  }

  function describe(state, count) {
    var filtered = FILTERS.some(function (name) { return state[name]; });
    var what = "包含“" + state.q + "”" + (filtered ? "且符合筛选条件" : "");
    return count ? "找到 " + count + " 条" + what + "的结果" : "没有找到" + what + "的结果";
  }

  async function search(state) {
    var mine = ++serial;
    var plans = queryPlans(state.q);
    var filters = filterFiles(state);
    list.textContent = "";
    more.hidden = true;
    current = null;
    if (!plans.length) {
      // Filters narrow a query; browsing without one is what the district pages are for.
      var asked = state.q || filters.length;
      setStatus(asked ? "请输入要搜索的村名、街道、单位、户号或关键词。" : "");
      return;
    }
    document.body.setAttribute("data-search-state", "searching");
    statusEl.textContent = "正在搜索…";
    var found;
    try {
      found = await results(await loadMeta(), state, filters);
    } catch (error) {
      if (mine === serial) { fail(); }
      return;
    }
    if (mine !== serial) { return; }
    current = { keys: found, shown: 0 };
    await showMore(false);
    if (mine !== serial) { return; }
    setStatus(describe(state, current.keys.length));
  }

  function fail() {
    list.textContent = "";
    more.hidden = true;
    unavailable.hidden = false;
    setStatus("搜索暂时无法使用，请按地区或在归档中查找。");
  }

  async function showMore(moveFocus) {
    var batch = current.keys.slice(current.shown, current.shown + pageSize);
    var items = await Promise.all(batch.map(function (key) {
      return display(key.info, key.n).catch(function () { return null; });
    }));
    var first = null;
    items.forEach(function (item) {
      var li = item ? renderResult(item) : renderMissing();
      list.appendChild(li);
      first = first || li.querySelector("a");
    });
    current.shown += batch.length;
    var left = current.keys.length - current.shown;
    more.hidden = left <= 0;
    more.textContent = "显示更多结果（还有 " + left + " 条）";
    if (moveFocus && first) { first.focus(); }
  }

  // --- Rendering (text only: never innerHTML) ----------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function kindLabel(kind) {
    var option = form.elements.kind.querySelector("option[value=\"" + kind + "\"]");
    return option ? option.textContent : kind;
  }

  function renderResult(item) {
    var isWindow = item.k === "window";
    var kind = isWindow ? "outages" : item.k;
    var li = el("li", "result result--" + kind + (item.x ? " result--cancelled" : ""));
    var heading = el("h2", "result-title");
    var link = el("a", null, isWindow ? item.w[0] + (item.o || "") + " " + item.h : item.t);
    link.href = new URL(item.u, siteRoot).href;
    heading.appendChild(link);
    li.appendChild(heading);

    var parts = [el("span", "tag tag--" + kind, kindLabel(kind))];
    if (item.x) { parts.push(el("strong", "tag tag--cancelled", "已取消")); }
    parts.push(el("span", "result-date", (isWindow ? "停电日期：" : "") + item.d));
    if (!isWindow) { parts.push(el("span", "result-districts", item.w.join("、"))); }
    var meta = el("p", "result-meta");
    parts.forEach(function (part, i) {
      // Spaces between the parts, so that screen readers do not run them together.
      if (i) { meta.appendChild(document.createTextNode(" ")); }
      meta.appendChild(part);
    });
    li.appendChild(meta);

    if (isWindow) {
      li.appendChild(el("p", "result-areas",
        "停电范围：" + item.a.join("、") + (item.n ? "（" + item.n + "）" : "")));
      li.appendChild(el("p", "result-source", "出自：" + item.t));
      if (item.o && item.ou) {
        // The window's town: one click to subscribe to that town's outages only.
        var town = el("a", "result-town-link", "订阅" + item.o + "停电");
        town.href = new URL(item.ou, siteRoot).href;
        var townLine = el("p", "result-town");
        townLine.appendChild(town);
        li.appendChild(townLine);
      }
    } else if (item.s) {
      li.appendChild(el("p", "result-summary", item.s));
    }
    return li;
  }

  function renderMissing() {
    return el("li", "result", "（这条结果暂时无法显示，请稍后再试。）");
  }

  // --- Wiring ----------------------------------------------------------------------------
  unavailable.hidden = true;

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var state = stateFromForm();
    window.history.pushState(null, "", urlFor(state));
    search(state);
  });

  more.addEventListener("click", function () {
    if (current) { showMore(true); }
  });

  window.addEventListener("popstate", function () {
    var state = stateFromUrl();
    fillForm(state);
    search(state);
  });

  var initial = stateFromUrl();
  fillForm(initial);
  search(initial);
}());
