// Evidence links: a click opens the span's article (a closed <details>), highlights the span's marks
// (mark[data-ev~=ID]) and scrolls to them; the Back button returns to the link. A link to a question
// or an article inside a closed <details> opens it first.
// Inlined into the page and admitted by its sha256, like report.css.
(function () {
  "use strict";
  var active = [];
  var origin = null;
  var back = document.getElementById("back");
  var smooth = !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);

  function open(element) {
    for (var d = element && element.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
  }

  function show(id, link) {
    var marks = document.querySelectorAll('mark[data-ev~="' + id + '"]');
    if (!marks.length) return false;
    open(marks[0]);  // its article may be collapsed
    active.forEach(function (el) { el.classList.remove("active"); });
    active = Array.prototype.slice.call(marks);
    if (link) active.push(link);
    active.forEach(function (el) { el.classList.add("active"); });
    marks[0].scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    return true;
  }

  function reveal(id) {
    var target = document.getElementById(id);
    open(target);
    if (target && target.tagName === "DETAILS") target.open = true;
  }

  document.addEventListener("click", function (event) {
    var anchor = event.target.closest('a[href^="#"]:not([data-target])');
    if (anchor) reveal(anchor.getAttribute("href").slice(1));
    var link = event.target.closest("a[data-target]");
    if (link) {
      event.preventDefault();
      if (show(link.getAttribute("data-target"), link)) {
        origin = link;
        back.hidden = false;
      }
      return;
    }
    if (event.target === back && origin) {
      open(origin);
      origin.scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
      origin.focus({ preventScroll: true });
      back.hidden = true;
    }
  });

  var start = decodeURIComponent(location.hash.slice(1));
  if (/^ev-[0-9]+-[0-9]+-[0-9]+$/.test(start)) show(start, null);
  else if (start) reveal(start);
})();
