// The Slipway documentation site: one page, routed by the URL hash (#!/overview, #!/model/<id>, #!/lineage?select=…,
// #!/search?q=…). Data comes from slipway-docs-data.js (window.SLIPWAY_DOCS), written by `slipway docs generate`.
(function () {
  "use strict";
  var D = window.SLIPWAY_DOCS || { project: "", overview: "", nodes: [] };
  var byId = {};
  D.nodes.forEach(function (n) { byId[n.id] = n; });
  var COLORS = { model: "#0b7285", source: "#2f9e44", seed: "#7048e8", snapshot: "#d9480f", exposure: "#e8590c", analysis: "#5c677d", test: "#868e96", macro: "#495057" };
  var LINEAGE_LIMIT = 400;
  var main = document.getElementById("main");
  var tree = document.getElementById("tree");
  var search = document.getElementById("search");
  var treeMode = "project";

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function href(n) { return "#!/" + n.type + "/" + encodeURIComponent(n.id); }
  function link(id) {
    var n = byId[id];
    return n ? '<a href="' + href(n) + '">' + esc(label(n)) + "</a>" : esc(id);
  }
  function label(n) { return n.type === "source" ? n.source_name + "." + n.name : n.name; }
  function color(n) { return n.color || COLORS[n.type] || "#495057"; }
  function badge(n) { return '<span class="badge" style="background:' + esc(color(n)) + '">' + esc(n.type) + "</span>"; }

  document.getElementById("project-name").textContent = D.project + " documentation";
  document.title = D.project + " · documentation";

  // ---- tree ---------------------------------------------------------------------------------------------
  function buildTree() {
    var root = { dirs: {}, leaves: [] };
    function put(pathParts, n) {
      var at = root;
      pathParts.forEach(function (p) { at = at.dirs[p] = at.dirs[p] || { dirs: {}, leaves: [] }; });
      at.leaves.push(n);
    }
    D.nodes.forEach(function (n) {
      if (treeMode === "project") {
        if (n.type === "test") return;
        if (n.type === "source") return put([n.package, "Sources", n.source_name], n);
        if (n.type === "macro") return put([n.package, "Macros"], n);
        if (n.type === "exposure") return put([n.package, "Exposures"], n);
        var parts = (n.path || "").split("/");
        parts.pop();
        put([n.package].concat(parts), n);
      } else {
        if (!n.identifier || n.type === "test" || n.materialized === "ephemeral") return;
        put([n.database || "(default)", n.schema || "(default)"], n);
      }
    });
    var current = decodeURIComponent((location.hash.split("/")[2] || ""));
    function render(node, depth) {
      var html = "";
      Object.keys(node.dirs).sort().forEach(function (k) {
        html += "<details" + (depth < 1 ? " open" : "") + "><summary>" + esc(k) + "</summary>" + render(node.dirs[k], depth + 1) + "</details>";
      });
      node.leaves.sort(function (a, b) { return label(a) < label(b) ? -1 : 1; }).forEach(function (n) {
        var text = treeMode === "database" ? n.identifier : label(n);
        html += '<a class="leaf' + (n.id === current ? " current" : "") + '" href="' + href(n) + '" title="' + esc(n.id) + '">' + esc(text) + "</a>";
      });
      return html;
    }
    tree.innerHTML = render(root, 0);
  }
  Array.prototype.forEach.call(document.querySelectorAll(".tabs button"), function (b) {
    b.addEventListener("click", function () {
      treeMode = b.getAttribute("data-tree");
      Array.prototype.forEach.call(document.querySelectorAll(".tabs button"), function (x) { x.classList.toggle("active", x === b); });
      buildTree();
    });
  });

  // ---- pages --------------------------------------------------------------------------------------------
  function detail(name, value) { return value == null || value === "" ? "" : "<div><dt>" + esc(name) + "</dt><dd>" + value + "</dd></div>"; }

  function nodePage(n) {
    var h = "<h1>" + badge(n) + esc(label(n)) + "</h1>";
    h += '<p class="muted">' + esc(n.id) + "</p>";
    h += '<div class="card"><dl class="details">';
    h += detail("Relation", n.relation ? "<code>" + esc(n.relation) + "</code>" : "");
    h += detail("Materialization", esc(n.materialized));
    h += detail("Relation type", esc(n.relation_type));
    h += detail("Owner", esc(n.owner_name));
    h += detail("Package", esc(n.package));
    h += detail("File", esc(n.path));
    h += detail("Access", esc(n.access));
    h += detail("Loader", esc(n.loader));
    h += detail("Loaded at field", esc(n.loaded_at_field));
    h += detail("Exposure type", esc(n.exposure_type));
    h += detail("Maturity", esc(n.maturity));
    h += detail("URL", n.url ? '<a href="' + esc(n.url) + '">' + esc(n.url) + "</a>" : "");
    h += detail("Tags", (n.tags || []).map(function (t) { return '<span class="chip tag">' + esc(t) + "</span>"; }).join(""));
    h += "</dl></div>";
    h += "<h2>Description</h2>";
    h += '<div class="description">' + (n.description || '<p class="muted">This ' + esc(n.type) + " is not documented.</p>") + "</div>";
    if (n.source_description) h += "<h2>Source description</h2><div class=\"description\">" + n.source_description + "</div>";
    if (n.columns && n.columns.length) {
      h += '<h2>Columns</h2><table class="columns"><thead><tr><th>Column</th><th>Type</th><th>Description</th><th>Tests</th></tr></thead><tbody>';
      n.columns.forEach(function (c) {
        h += '<tr data-column="' + esc(c.name) + '"><td><strong>' + esc(c.name) + '</strong></td><td class="type">' + esc(c.type || "") +
          '</td><td class="description">' + (c.description || "") + "</td><td>" +
          c.tests.map(function (t) { return '<span class="chip">' + esc(t) + "</span>"; }).join("") + "</td></tr>";
      });
      h += "</tbody></table>";
    }
    var tests = (n.children || []).filter(function (id) { var c = byId[id]; return c && c.type === "test" && !c.column_name; });
    if (tests.length) h += "<h2>Tests</h2><ul class=\"links\">" + tests.map(function (id) { return "<li>" + link(id) + "</li>"; }).join("") + "</ul>";
    if (n.parents && n.parents.length) h += "<h2>Depends on</h2><ul class=\"links\" id=\"depends-on\">" + n.parents.map(function (id) { return "<li>" + link(id) + "</li>"; }).join("") + "</ul>";
    var refs = (n.children || []).filter(function (id) { return !byId[id] || byId[id].type !== "test"; });
    if (refs.length) h += "<h2>Referenced by</h2><ul class=\"links\" id=\"referenced-by\">" + refs.map(function (id) { return "<li>" + link(id) + "</li>"; }).join("") + "</ul>";
    if (n.layer != null) h += '<p><a href="#!/lineage?select=' + encodeURIComponent("+" + selectorName(n) + "+") + '">Show lineage of ' + esc(label(n)) + " &rarr;</a></p>";
    if (n.raw || n.compiled) {
      h += '<h2>Code</h2><div class="code-tabs">';
      if (n.raw) h += '<button type="button" data-code="raw" class="active">Source</button>';
      if (n.compiled) h += '<button type="button" data-code="compiled"' + (n.raw ? "" : ' class="active"') + ">Compiled</button>";
      h += '</div><pre class="code" id="code-raw">' + esc(n.raw || "") + "</pre>";
      if (n.compiled) h += '<pre class="code" id="code-compiled"' + (n.raw ? ' hidden' : "") + ">" + esc(n.compiled) + "</pre>";
    }
    if (n.config && Object.keys(n.config).length) h += '<h2>Config</h2><pre class="code">' + esc(JSON.stringify(n.config, null, 2)) + "</pre>";
    if (n.freshness) h += '<h2>Freshness</h2><pre class="code">' + esc(JSON.stringify(n.freshness, null, 2)) + "</pre>";
    main.innerHTML = h;
    Array.prototype.forEach.call(main.querySelectorAll(".code-tabs button"), function (b) {
      b.addEventListener("click", function () {
        var which = b.getAttribute("data-code");
        Array.prototype.forEach.call(main.querySelectorAll(".code-tabs button"), function (x) { x.classList.toggle("active", x === b); });
        document.getElementById("code-raw").hidden = which !== "raw";
        var compiled = document.getElementById("code-compiled");
        if (compiled) compiled.hidden = which !== "compiled";
      });
    });
  }

  function selectorName(n) { return n.type === "source" ? "source:" + n.source_name + "." + n.name : n.name; }

  function overviewPage() {
    var counts = {};
    D.nodes.forEach(function (n) { counts[n.type] = (counts[n.type] || 0) + 1; });
    main.innerHTML = '<div class="description card">' + D.overview + "</div><h2>Resources</h2><p>" +
      Object.keys(counts).sort().map(function (t) { return '<span class="chip tag">' + esc(t) + ": " + counts[t] + "</span>"; }).join(" ") +
      '</p><p class="muted">Generated ' + esc(D.generated_at) + "</p>";
  }

  // ---- search -------------------------------------------------------------------------------------------
  function highlight(text, q) {
    var i = text.toLowerCase().indexOf(q);
    if (i < 0) return esc(text.length > 120 ? text.slice(0, 120) + "…" : text);
    var start = Math.max(0, i - 50);
    return (start > 0 ? "…" : "") + esc(text.slice(start, i)) + "<mark>" + esc(text.slice(i, i + q.length)) + "</mark>" + esc(text.slice(i + q.length, i + q.length + 70));
  }
  function searchPage(q) {
    q = q.trim().toLowerCase();
    if (search.value.trim().toLowerCase() !== q) search.value = q;
    if (!q) { main.innerHTML = '<p class="muted">Type in the search box.</p>'; return; }
    var hits = [];
    D.nodes.forEach(function (n) {
      var score = 0, why = "";
      var name = label(n).toLowerCase();
      if (name === q) score = 100; else if (name.indexOf(q) >= 0) score = 60;
      (n.columns || []).forEach(function (c) {
        if (score < 50 && c.name.toLowerCase().indexOf(q) >= 0) { score = Math.max(score, c.name.toLowerCase() === q ? 50 : 40); why = "column " + highlight(c.name, q); }
        else if (!why && c.text && c.text.toLowerCase().indexOf(q) >= 0) { score = Math.max(score, 20); why = "column " + esc(c.name) + ": " + highlight(c.text, q); }
      });
      if (!why && n.text && n.text.toLowerCase().indexOf(q) >= 0) { score = Math.max(score, 30); why = highlight(n.text, q); }
      if (!why && (n.tags || []).some(function (t) { return t.toLowerCase() === q; })) { score = Math.max(score, 30); why = "tag " + esc(q); }
      if (!why && n.raw && n.raw.toLowerCase().indexOf(q) >= 0) { score = Math.max(score, 10); why = "code: " + highlight(n.raw, q); }
      if (score > 0) hits.push({ n: n, score: score, why: why });
    });
    hits.sort(function (a, b) { return b.score - a.score || (label(a.n) < label(b.n) ? -1 : 1); });
    var shown = hits.slice(0, 200);
    main.innerHTML = "<h1>Search results</h1><p class=\"muted\">" + hits.length + " result" + (hits.length === 1 ? "" : "s") + " for “" + esc(q) + "”" +
      (hits.length > shown.length ? " (first " + shown.length + " shown)" : "") + '</p><ul class="results" id="search-results">' +
      shown.map(function (h) {
        return '<li data-id="' + esc(h.n.id) + '">' + badge(h.n) + '<a href="' + href(h.n) + '">' + esc(label(h.n)) + "</a>" +
          (h.why ? '<div class="hit">' + h.why + "</div>" : "") + "</li>";
      }).join("") + "</ul>";
  }
  var timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { location.hash = "#!/search?q=" + encodeURIComponent(search.value); }, 150);
  });

  // ---- lineage ------------------------------------------------------------------------------------------
  function lineageNodes() { return D.nodes.filter(function (n) { return n.layer != null; }); }
  function walk(start, dir, depth) {
    var seen = {}, frontier = [start], level = 0;
    while (frontier.length && (depth == null || level < depth)) {
      var next = [];
      frontier.forEach(function (id) {
        (byId[id][dir] || []).forEach(function (m) {
          if (!seen[m] && byId[m] && byId[m].layer != null) { seen[m] = true; next.push(m); }
        });
      });
      frontier = next; level++;
    }
    return Object.keys(seen);
  }
  function matchAtom(v) {
    var all = lineageNodes();
    if (v === "*") return all.map(function (n) { return n.id; });
    var m = /^(\w+):(.*)$/.exec(v), method = m ? m[1] : null, value = m ? m[2] : v;
    return all.filter(function (n) {
      if (method === "tag") return (n.tags || []).indexOf(value) >= 0;
      if (method === "source") return n.type === "source" && (n.source_name === value || n.source_name + "." + n.name === value);
      if (method === "exposure") return n.type === "exposure" && n.name === value;
      if (method === "path") return (n.path || "").indexOf(value) === 0;
      if (method === "resource_type") return n.type === value;
      return n.name === value || n.id === value || (n.type === "source" && n.source_name + "." + n.name === value);
    }).map(function (n) { return n.id; });
  }
  // dbt's graph operators on one selector: [@][N]+name+[N].
  function select(expr) {
    var out = {}, focus = {};
    expr.split(/\s+/).filter(Boolean).forEach(function (tok) {
      var m = /^(@)?(?:(\d*)\+)?(.+?)(?:\+(\d*))?$/.exec(tok);
      if (!m) return;
      var at = !!m[1], up = tok.replace(/^@/, "").match(/^\d*\+/), down = /\+\d*$/.test(tok) && !/^\d*\+$/.test(tok);
      var upDepth = m[2] ? parseInt(m[2], 10) : null, downDepth = m[4] ? parseInt(m[4], 10) : null;
      matchAtom(m[3]).forEach(function (id) {
        out[id] = focus[id] = true;
        if (up) walk(id, "parents", upDepth).forEach(function (x) { out[x] = true; });
        if (down || at) walk(id, "children", downDepth).forEach(function (x) {
          out[x] = true;
          if (at) walk(x, "parents", null).forEach(function (y) { out[y] = true; });
        });
      });
    });
    return { ids: Object.keys(out), focus: focus };
  }
  function lineagePage(expr) {
    var all = lineageNodes();
    var picked = expr ? select(expr) : { ids: all.map(function (n) { return n.id; }), focus: {} };
    var h = '<h1>Lineage</h1><div class="lineage-bar"><input id="lineage-select" value="' + esc(expr || "") +
      '" placeholder="+orders+  @stg_customers  source:raw+" aria-label="Selection"><button type="button" id="lineage-go">Update graph</button>' +
      '<span class="legend">' + ["source", "seed", "model", "snapshot", "exposure"].map(function (t) { return '<span><i style="background:' + COLORS[t] + '"></i>' + t + "</span>"; }).join("") + "</span></div>";
    if (!expr && all.length > LINEAGE_LIMIT) {
      h += '<p class="muted">The project has ' + all.length + " nodes; focus on a part of it with a selection (for example <code>+" + esc(all[all.length - 1].name) + "</code>).</p>";
      main.innerHTML = h;
    } else if (picked.ids.length === 0) {
      main.innerHTML = h + '<p class="muted">No nodes match “' + esc(expr) + "”.</p>";
    } else {
      main.innerHTML = h + '<div class="graph">' + drawLineage(picked.ids.map(function (id) { return byId[id]; }), picked.focus) + "</div>";
    }
    var input = document.getElementById("lineage-select");
    function go() { location.hash = "#!/lineage?select=" + encodeURIComponent(input.value.trim()); }
    document.getElementById("lineage-go").addEventListener("click", go);
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") go(); });
    Array.prototype.forEach.call(main.querySelectorAll("g.node"), function (g) {
      g.addEventListener("click", function () { location.hash = href(byId[g.getAttribute("data-id")]); });
    });
  }
  // Columns are the C# layout's layers present in the subset, rows its within-layer order with the gaps packed out.
  function drawLineage(nodes, focus) {
    var W = 190, H = 34, GX = 90, GY = 16, PAD = 20;
    var layers = {};
    nodes.forEach(function (n) { (layers[n.layer] = layers[n.layer] || []).push(n); });
    var keys = Object.keys(layers).map(Number).sort(function (a, b) { return a - b; });
    var tallest = Math.max.apply(null, keys.map(function (k) { return layers[k].length; }));
    var pos = {};
    keys.forEach(function (k, col) {
      var list = layers[k].sort(function (a, b) { return a.order - b.order; });
      var offset = (tallest - list.length) * (H + GY) / 2;
      list.forEach(function (n, row) { pos[n.id] = { x: PAD + col * (W + GX), y: PAD + offset + row * (H + GY) }; });
    });
    var width = PAD * 2 + keys.length * W + (keys.length - 1) * GX, height = PAD * 2 + tallest * H + (tallest - 1) * GY;
    var s = '<svg class="lineage" xmlns="http://www.w3.org/2000/svg" width="' + width + '" height="' + height + '" viewBox="0 0 ' + width + " " + height + '">' +
      '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#9aa5b1"/></marker></defs>';
    nodes.forEach(function (n) {
      (n.parents || []).forEach(function (p) {
        if (!pos[p]) return;
        var a = pos[p], b = pos[n.id], x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x - 2, y2 = b.y + H / 2, mx = (x1 + x2) / 2;
        s += '<path class="edge" data-from="' + esc(p) + '" data-to="' + esc(n.id) + '" marker-end="url(#arrow)" d="M' + x1 + "," + y1 + " C" + mx + "," + y1 + " " + mx + "," + y2 + " " + x2 + "," + y2 + '"/>';
      });
    });
    nodes.forEach(function (n) {
      var p = pos[n.id], text = label(n);
      if (text.length > 24) text = text.slice(0, 23) + "…";
      s += '<g class="node' + (focus[n.id] ? " focus" : "") + '" data-id="' + esc(n.id) + '" transform="translate(' + p.x + "," + p.y + ')"><title>' + esc(n.id) + "</title>" +
        '<rect rx="6" width="' + W + '" height="' + H + '" fill="' + esc(color(n)) + '"/><text x="12" y="' + (H / 2 + 4) + '">' + esc(text) + "</text></g>";
    });
    return s + "</svg>";
  }

  // ---- routing ------------------------------------------------------------------------------------------
  function route() {
    var hash = location.hash.replace(/^#!?\/?/, "");
    var q = hash.indexOf("?"), path = q >= 0 ? hash.slice(0, q) : hash, params = new URLSearchParams(q >= 0 ? hash.slice(q + 1) : "");
    var parts = path.split("/");
    if (parts[0] === "lineage") lineagePage(params.get("select") || "");
    else if (parts[0] === "search") searchPage(params.get("q") || "");
    else if (parts.length >= 2 && byId[decodeURIComponent(parts.slice(1).join("/"))]) nodePage(byId[decodeURIComponent(parts.slice(1).join("/"))]);
    else overviewPage();
    buildTree();
    window.scrollTo(0, 0);
  }
  window.addEventListener("hashchange", route);
  route();
})();
