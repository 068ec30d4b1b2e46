// dagwright docs: search, keyboard navigation, the theme switch, and pan and zoom on graphs.
// Plain script, no modules and no network, so the site works opened from disk.
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";

  // Theme: the reader's choice, remembered; otherwise the system's.
  var themeButton = document.getElementById("theme");
  if (themeButton) {
    themeButton.addEventListener("click", function () {
      var current = document.documentElement.dataset.theme || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
      var next = current === "dark" ? "light" : "dark";
      document.documentElement.dataset.theme = next;
      try { localStorage.setItem("dagwright-theme", next); } catch (e) { /* file:// may refuse storage */ }
    });
  }

  // Search over DAGs, tasks, assets and models: every word must appear, names first.
  var input = document.getElementById("search");
  var results = document.getElementById("results");
  var entries = window.DAGWRIGHT_SEARCH || [];
  var selected = -1;
  function find(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var found = [];
    for (var i = 0; i < entries.length && found.length < 50; i++) {
      var entry = entries[i];
      var name = entry[1].toLowerCase();
      var text = (entry[0] + " " + name + " " + entry[2]).toLowerCase();
      if (words.every(function (word) { return text.indexOf(word) !== -1; })) found.push({ entry: entry, rank: name.indexOf(words[0]) === 0 ? 0 : name.indexOf(words[0]) !== -1 ? 1 : 2 });
    }
    return found.sort(function (a, b) { return a.rank - b.rank; }).map(function (hit) { return hit.entry; });
  }
  function show(list) {
    results.textContent = "";
    selected = -1;
    list.forEach(function (entry, index) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + entry[3];
      link.id = "result-" + index;
      link.setAttribute("role", "option");
      var what = document.createElement("span");
      what.className = "what";
      what.textContent = entry[0];
      var name = document.createElement("code");
      name.textContent = entry[1];
      var detail = document.createElement("span");
      detail.className = "detail";
      detail.textContent = entry[2];
      link.append(what, name, detail);
      item.append(link);
      results.append(item);
    });
  }
  function select(index) {
    var links = results.querySelectorAll("a");
    if (!links.length) return;
    selected = (index + links.length) % links.length;
    links.forEach(function (link, i) { link.setAttribute("aria-selected", i === selected ? "true" : "false"); });
    links[selected].scrollIntoView({ block: "nearest" });
    input.setAttribute("aria-activedescendant", links[selected].id);
  }
  if (input && results) {
    input.addEventListener("input", function () { show(find(input.value)); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); select(selected + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); select(selected - 1); }
      else if (event.key === "Enter") {
        var links = results.querySelectorAll("a");
        var target = links[selected < 0 ? 0 : selected];
        if (target) { event.preventDefault(); location.href = target.href; }
      } else if (event.key === "Escape") { input.value = ""; show([]); input.blur(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && document.activeElement !== input && !event.ctrlKey && !event.metaKey) { event.preventDefault(); input.focus(); input.select(); }
    });
    document.addEventListener("click", function (event) { if (!event.target.closest || !event.target.closest(".search")) show([]); });
  }

  // "Collapse groups": switch between the drawing with every task and the one with each group as one node.
  document.querySelectorAll(".toggle-groups").forEach(function (button) {
    var expanded = document.getElementById("graph-expanded");
    var collapsed = document.getElementById("graph-collapsed");
    button.addEventListener("click", function () {
      var collapse = collapsed.hidden;
      collapsed.hidden = !collapse;
      expanded.hidden = collapse;
      button.setAttribute("aria-pressed", String(collapse));
      button.textContent = collapse ? "Expand groups" : "Collapse groups";
    });
  });

  // Graphs: drag to pan, wheel or +/- to zoom, 0 to fit; the drawing starts fitted to its frame.
  document.querySelectorAll(".graph-frame").forEach(function (frame) {
    var svg = frame.querySelector("svg");
    if (!svg) return;
    var full = svg.viewBox.baseVal;
    var view = { x: full.x, y: full.y, width: full.width, height: full.height };
    function apply() { svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.width + " " + view.height); }
    function fit() { view = { x: full.x, y: full.y, width: full.width, height: full.height }; apply(); }
    function zoom(factor, cx, cy) {
      var px = cx === undefined ? view.x + view.width / 2 : cx;
      var py = cy === undefined ? view.y + view.height / 2 : cy;
      view.x = px - (px - view.x) * factor;
      view.y = py - (py - view.y) * factor;
      view.width *= factor;
      view.height *= factor;
      apply();
    }
    function point(event) {
      var box = svg.getBoundingClientRect();
      var scale = Math.max(view.width / box.width, view.height / box.height);
      return { x: view.x + (event.clientX - box.left) * scale, y: view.y + (event.clientY - box.top) * scale, scale: scale };
    }
    frame.addEventListener("wheel", function (event) {
      event.preventDefault();
      var at = point(event);
      zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, at.x, at.y);
    }, { passive: false });
    var drag = null;
    frame.addEventListener("pointerdown", function (event) {
      if (event.target.closest && event.target.closest("a")) return;
      drag = { x: event.clientX, y: event.clientY, view: { x: view.x, y: view.y }, scale: point(event).scale };
      frame.classList.add("dragging");
      frame.setPointerCapture(event.pointerId);
    });
    frame.addEventListener("pointermove", function (event) {
      if (!drag) return;
      view.x = drag.view.x - (event.clientX - drag.x) * drag.scale;
      view.y = drag.view.y - (event.clientY - drag.y) * drag.scale;
      apply();
    });
    frame.addEventListener("pointerup", function () { drag = null; frame.classList.remove("dragging"); });
    frame.addEventListener("keydown", function (event) {
      if (event.key === "+" || event.key === "=") zoom(1 / 1.25);
      else if (event.key === "-") zoom(1.25);
      else if (event.key === "0") fit();
      else if (event.key.indexOf("Arrow") === 0) {
        var step = view.width / 10;
        if (event.key === "ArrowLeft") view.x -= step;
        if (event.key === "ArrowRight") view.x += step;
        if (event.key === "ArrowUp") view.y -= step;
        if (event.key === "ArrowDown") view.y += step;
        apply();
      } else return;
      event.preventDefault();
    });
    // A task opened by its anchor is marked in the graph too.
    function mark() {
      svg.querySelectorAll(".found").forEach(function (node) { node.classList.remove("found"); });
      var id = decodeURIComponent(location.hash.slice(1));
      svg.querySelectorAll('[href="#' + id + '"]').forEach(function (node) { node.classList.add("found"); });
    }
    window.addEventListener("hashchange", mark);
    mark();
  });
})();
