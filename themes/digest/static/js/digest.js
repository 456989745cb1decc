// Progressive enhancement: mark past, today's and upcoming outage windows and open or closed
// tenders from the reader's own clock. The built HTML never depends on the build date.
(function () {
  "use strict";
  var now = Date.now();
  // Today's date in Ningbo, whatever the reader's time zone.
  var today = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit"
  }).format(new Date(now));

  function show(el, text, cls) {
    el.textContent = text;
    el.hidden = false;
    if (cls) { el.classList.add(cls); }
  }

  document.querySelectorAll("[data-start][data-end]").forEach(function (item) {
    var start = Date.parse(item.getAttribute("data-start"));
    var end = Date.parse(item.getAttribute("data-end"));
    var status = item.querySelector("[data-status]");
    if (!status || isNaN(start) || isNaN(end)) { return; }
    if (item.classList.contains("window--cancelled")) { return; }
    var day = item.getAttribute("data-start").slice(0, 10);
    if (end <= now) { show(status, "已结束"); item.classList.add("is-past"); }
    else if (start <= now) { show(status, "正在停电"); item.classList.add("is-now"); }
    else if (day === today) { show(status, "今天"); item.classList.add("is-today"); }
    else { show(status, "即将停电"); item.classList.add("is-upcoming"); }
  });

  document.querySelectorAll("[data-day]").forEach(function (section) {
    var mark = section.querySelector("[data-day-mark]");
    if (mark && section.getAttribute("data-day") === today) { show(mark, "今天"); }
  });

  document.querySelectorAll(".tender-status[data-closes]").forEach(function (el) {
    var opens = Date.parse(el.getAttribute("data-opens"));
    var closes = Date.parse(el.getAttribute("data-closes"));
    if (isNaN(closes)) { return; }
    var label = document.createElement("strong");
    if (now >= closes) { label.textContent = "已截止"; el.classList.add("is-closed"); }
    else if (!isNaN(opens) && now < opens) { label.textContent = "未开始"; el.classList.add("is-open"); }
    else { label.textContent = "报名中"; el.classList.add("is-open"); }
    el.insertBefore(document.createTextNode(" "), el.firstChild);
    el.insertBefore(label, el.firstChild);
  });

  // The town chooser (partials/town_chooser.html): without JavaScript a list of links per
  // district; here a district menu and a name filter narrow the lists.
  document.querySelectorAll("[data-town-filter]").forEach(function (filter) {
    var chooser = filter.parentNode;
    var select = filter.querySelector("[data-town-district]");
    var query = filter.querySelector("[data-town-query]");
    var status = filter.querySelector("[data-town-status]");
    function apply() {
      var district = select.value;
      var text = query.value.trim().toLowerCase();
      var shown = 0;
      chooser.querySelectorAll(".town-group").forEach(function (group) {
        var inGroup = 0;
        var districtOk = !district || group.getAttribute("data-district") === district;
        group.querySelectorAll("li[data-names]").forEach(function (li) {
          var ok = districtOk && (!text || li.getAttribute("data-names").toLowerCase().indexOf(text) !== -1);
          li.hidden = !ok;
          if (ok) { inGroup += 1; }
        });
        group.hidden = inGroup === 0;
        shown += inGroup;
      });
      status.textContent = shown ? "找到 " + shown + " 个镇（街道）" : "没有找到，请换个名称或选“全部”";
    }
    select.addEventListener("change", apply);
    query.addEventListener("input", apply);
    filter.hidden = false;
  });
}());
