// The search page. A query is cut into terms and each term into Pagefind tokens by the rules
// of notices/search.py (runs, unitCode and termPlan here must stay in step with it; a test
// compares them). Results are records: an article, a tender, a schedule, or one outage
// window, which is one slot of a Pagefind page. Each shown record's display data is a small
// JSON file named by its page's Pagefind id and its slot. The query and filters live in the URL
// (?q=慈城镇&district=jiangbei&date=2019-09), so a search can be linked and bookmarked.
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
  var stride = parseInt(form.getAttribute("data-slot-stride"), 10);
  var siteRoot = new URL(form.getAttribute("data-site"), document.baseURI);
  var displayRoot = new URL(form.getAttribute("data-results"), document.baseURI);

  // --- Units and tokens: the rules of notices/search.py ----------------------------------
  var NGRAM = 3;
  var UNIT_MARK = "y";
  var PAIR_MARK = "z";
  var GROUP_MARK = "xslots";
  var CODE_BASE = 26;
  var CODE_WIDTH = 4;
  var MAX_CODE_POINT = Math.pow(CODE_BASE, CODE_WIDTH);
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

  function unitCode(unit) {
    if (unit.codePointAt(0) < 128) {
      return (unit.length < 10 ? "0" : "") + unit.length + unit;
    }
    var number = unit.codePointAt(0);
    var code = "";
    for (var i = 0; i < CODE_WIDTH; i++) {
      code = String.fromCharCode(97 + number % CODE_BASE) + code;
      number = Math.floor(number / CODE_BASE);
    }
    return code;
  }

  // A term of one or two units is one set token; a longer one is covered by trigrams at
  // offsets 0, 3, 6, … and one ending at its last unit.
  function termPlan(units) {
    var codes = units.map(unitCode);
    if (codes.length < NGRAM) {
      return { tokens: [(codes.length === 1 ? UNIT_MARK : PAIR_MARK) + codes.join("")],
               offsets: [0] };
    }
    var offsets = [];
    for (var o = 0; o + NGRAM <= codes.length; o += NGRAM) { offsets.push(o); }
    if (offsets[offsets.length - 1] !== codes.length - NGRAM) { offsets.push(codes.length - NGRAM); }
    return {
      tokens: offsets.map(function (at) { return codes.slice(at, at + NGRAM).join(""); }),
      offsets: offsets
    };
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
  // every result of the last search ("pageId slot", in order), not only those shown.
  window.noticesSearchPlans = function (query) {
    return queryPlans(query).map(function (plan) { return [plan.tokens, plan.offsets]; });
  };
  window.noticesSearchResults = function () { return current ? current.keys.slice() : null; };

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

  function pagefindFilters(state) {
    var filters = {};
    if (state.kind) { filters.kind = state.kind; }
    if (state.district) { filters.district = state.district; }
    if (state.date) { filters[state.date.length === 4 ? "year" : "month"] = state.date; }
    return filters;
  }

  // --- Searching -------------------------------------------------------------------------
  var pagefindModule = null;
  function loadPagefind() {
    if (!pagefindModule) {
      pagefindModule = import(new URL(form.getAttribute("data-pagefind"), document.baseURI).href)
        .then(function (pagefind) {
          // The main thread: searches take milliseconds, the worker script is 41 KB more.
          return pagefind.options({ noWorker: true }).then(function () { return pagefind; });
        });
    }
    return pagefindModule;
  }

  var groupedPages = null;
  function loadGroupedPages(pagefind) {
    if (!groupedPages) {
      groupedPages = pagefind.search("\"" + GROUP_MARK + "\"").then(function (response) {
        var ids = {};
        response.results.forEach(function (r) { ids[r.id] = true; });
        return ids;
      });
    }
    return groupedPages;
  }

  // A record's display data: search/r/<Pagefind page id>-<slot>.json.
  var displayCache = {};
  function display(key) {
    if (!displayCache[key]) {
      var url = new URL(key.replace(" ", "-") + ".json", displayRoot);
      displayCache[key] = fetch(url).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      });
    }
    return displayCache[key];
  }

  // The records matching one term, as "pageId slot" keys, pages in page order (newest
  // first) and slots in order. The first token's exact ("quoted") lookup gives the page
  // order; plain lookups give every position of a token (no token is a prefix of another,
  // so a plain lookup is exact too).
  async function termMatches(pagefind, plan, options, grouped) {
    var ordered = await pagefind.search("\"" + plan.tokens[0] + "\"", options);
    if (!ordered.results.length) { return []; }
    var located = await Promise.all(plan.tokens.map(function (token) {
      return pagefind.search(token, options);
    }));
    var positions = located.map(function (response) {
      var byId = {};
      response.results.forEach(function (r) { byId[r.id] = r.words; });
      return byId;
    });
    var keys = [];
    ordered.results.forEach(function (result) {
      var id = result.id;
      var slots = {};
      (positions[0][id] || []).forEach(function (start) {
        var all = plan.offsets.every(function (offset, j) {
          var words = positions[j][id];
          return words && words.indexOf(start + offset) !== -1;
        });
        if (all) { slots[grouped[id] ? Math.floor(start / stride) : 0] = true; }
      });
      Object.keys(slots).map(Number).sort(function (a, b) { return a - b; })
        .forEach(function (slot) { keys.push(id + " " + slot); });
    });
    return keys;
  }

  function intersect(keyLists) {
    var keys = keyLists[0];
    keyLists.slice(1).forEach(function (other) {
      var keep = {};
      other.forEach(function (key) { keep[key] = true; });
      keys = keys.filter(function (key) { return keep[key]; });
    });
    return keys;
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
    var filters = pagefindFilters(state);
    list.textContent = "";
    more.hidden = true;
    current = null;
    if (!plans.length) {
      // Filters narrow a query; browsing without one is what the district pages are for.
      var asked = state.q || Object.keys(filters).length;
      setStatus(asked ? "请输入要搜索的村名、街道、单位、户号或关键词。" : "");
      return;
    }
    document.body.setAttribute("data-search-state", "searching");
    statusEl.textContent = "正在搜索…";
    var keyLists;
    try {
      var pagefind = await loadPagefind();
      var grouped = await loadGroupedPages(pagefind);
      var options = { filters: filters };
      keyLists = await Promise.all(plans.map(function (plan) {
        return termMatches(pagefind, plan, options, grouped);
      }));
    } catch (error) {
      if (mine === serial) { fail(); }
      return;
    }
    if (mine !== serial) { return; }
    current = { keys: intersect(keyLists), shown: 0 };
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
      return display(key).catch(function () { return null; });
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
