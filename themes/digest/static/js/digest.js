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
}());
