// quotediff HTML report: link each highlighted passage to its counterpart, step through the
// matches. No network, no libraries; the page works (minus these conveniences) without it.
(function () {
  "use strict";
  var sides = { source: document.getElementById("source"), article: document.getElementById("article") };
  var other = { source: "article", article: "source" };
  var firsts = document.querySelectorAll("#article mark.m[data-first]");
  var order = [];
  for (var i = 0; i < firsts.length; i++) order.push(firsts[i].getAttribute("data-match"));
  var current = -1;

  // Mark every passage whose counterpart exists, so tools (and tests) can see the links.
  var marks = document.querySelectorAll("mark.m[data-match]");
  for (var j = 0; j < marks.length; j++) {
    var m = marks[j];
    var side = m.getAttribute("data-side");
    var target = other[side] + "-m" + m.getAttribute("data-match");
    if (document.getElementById(target)) {
      m.setAttribute("data-counterpart", target);
    }
  }

  function show(id, from) {
    var old = document.querySelectorAll("mark.current");
    for (var k = 0; k < old.length; k++) old[k].classList.remove("current");
    var all = document.querySelectorAll('mark.m[data-match="' + id + '"]');
    for (var l = 0; l < all.length; l++) all[l].classList.add("current");
    ["source", "article"].forEach(function (side) {
      if (side === from) return;
      var el = document.getElementById(side + "-m" + id);
      if (el) el.scrollIntoView({ block: "center", behavior: "smooth" });
    });
    current = order.indexOf(String(id));
    var pos = document.getElementById("position");
    if (pos) pos.textContent = "M" + id + " (" + (current + 1) + "/" + order.length + ")";
  }

  function step(delta) {
    if (!order.length) return;
    current = (current + delta + order.length) % order.length;
    show(order[current], null);
  }

  Object.keys(sides).forEach(function (side) {
    if (!sides[side]) return;
    sides[side].addEventListener("click", function (event) {
      var mark = event.target.closest("mark.m[data-match]");
      if (mark) show(mark.getAttribute("data-match"), side);
    });
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-goto]");
    if (link) { event.preventDefault(); show(link.getAttribute("data-goto"), null); }
  });
  var next = document.getElementById("next"), prev = document.getElementById("prev");
  if (next) next.addEventListener("click", function () { step(1); });
  if (prev) prev.addEventListener("click", function () { step(-1); });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "n" || event.key === "j") step(1);
    else if (event.key === "p" || event.key === "k") step(-1);
  });
  document.documentElement.setAttribute("data-ready", "true");
})();
