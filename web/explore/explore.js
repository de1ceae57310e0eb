// The graph explorer: Cytoscape.js with the fcose layout and the svg exporter (all served from
// node_modules) over the GraphQL API of the same server. Everything it shows comes from /graphql:
// graph(...) for the current selection (the seeds clicked so far, or the whole graph) with each
// node's degree, PageRank and community on that selection; search(...) as you type;
// talentFlow for the flow view; entity(...) / event(...) for the side panel with citations.
// The selection is also what the GraphML/GEXF links export (same parameters, same metrics).
(function () {
  'use strict';

  var GRAPH_FIELDS = 'nodes { id: nodeId label name kind date degree pagerank community } edges { id: edgeId source target type role quote }';
  /** graph(seeds: …) takes at most this many seeds (MAX_SEEDS); past it, expansions add neighbourhoods without new metrics. */
  var MAX_SEEDS = 50;
  var FLOW_UNKNOWN = 'flow/unknown-origin';
  var NODE_DETAILS =
    'query NodeDetails($id: ID!) {' +
    ' entity(id: $id) { id label name names description anonymous' +
    '   ... on Organization { categories }' +
    '   mentions { quote source { title publisher date } } }' +
    ' event(id: $id) { id kind date dateNote summary' +
    '   participants { role entity { id name label } }' +
    '   sources { quote source { title publisher date } } } }';

  var config;
  var cy;
  var expanded = {};
  var hiddenKinds = {};
  var dateRange = { from: null, to: null };
  /** What is shown: { seeds: [ids] } around clicked nodes, { whole: true } for the whole graph, or { flow: true }. */
  var selection = { seeds: [] };
  var look = { sizeBy: 'degree', colorBy: 'label' };
  /** Months on the timeline ('2024-01'…), and the one shown (null: all dates). */
  var months = [];
  var asOf = null;
  var playing = null;
  var statusEl = document.getElementById('status');
  var panel = document.getElementById('panel');

  function gql(query, variables) {
    return fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: query, variables: variables || {} }),
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (body) {
        if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
        return body.data;
      });
  }

  function setStatus(text) {
    statusEl.textContent = text;
  }

  function showCounts(extra) {
    var visible = cy.nodes(':visible').length;
    var total = cy.nodes().length;
    setStatus(
      total + ' nodes · ' + cy.edges().length + ' edges' + (visible < total ? ' (' + (total - visible) + ' hidden by the filters)' : '') + (extra ? ' · ' + extra : ''),
    );
  }

  function shortName(text) {
    return text.length > 42 ? text.slice(0, 40) + '…' : text;
  }

  function colorOf(label) {
    return config.colors[label] || config.defaultColor;
  }

  // --- the graph -------------------------------------------------------------------------------

  function toElements(graph) {
    var nodes = graph.nodes.map(function (n) {
      return {
        group: 'nodes',
        data: {
          id: n.id,
          label: n.label,
          name: n.name,
          short: shortName(n.name),
          kind: n.kind,
          date: n.date,
          isEvent: n.kind ? 1 : 0,
          degree: n.degree,
          pagerank: n.pagerank,
          community: n.community,
        },
      };
    });
    var edges = graph.edges.map(function (e) {
      return { group: 'edges', data: { id: 'e:' + e.id, source: e.source, target: e.target, type: e.type, role: e.role, quote: e.quote, caption: e.role || e.type } };
    });
    return nodes.concat(edges);
  }

  /**
   * Adds what is new and refreshes the metrics of what was there (they are the selection's, so
   * they change as it grows); returns the number of nodes added. New nodes start around `around`.
   */
  function merge(graph, around) {
    var elements = toElements(graph);
    var fresh = [];
    cy.batch(function () {
      elements.forEach(function (el) {
        var existing = cy.getElementById(el.data.id);
        if (existing.empty()) fresh.push(el);
        else if (el.group === 'nodes') existing.data({ degree: el.data.degree, pagerank: el.data.pagerank, community: el.data.community });
      });
    });
    var addedNodes = fresh.filter(function (el) {
      return el.group === 'nodes';
    }).length;
    if (around && !around.empty()) {
      var p = around.position();
      fresh.forEach(function (el, i) {
        if (el.group === 'nodes') {
          var angle = (2 * Math.PI * i) / Math.max(addedNodes, 1);
          el.position = { x: p.x + 120 * Math.cos(angle), y: p.y + 120 * Math.sin(angle) };
        }
      });
    }
    if (fresh.length) cy.add(fresh);
    restyle();
    applyFilters();
    buildTimeline();
    if (fresh.length) layout(!around);
    updateExportLinks();
    return addedNodes;
  }

  // --- look: layout, sizes, colours --------------------------------------------------------

  /**
   * fcose (force-directed, with the labels counted in each node's size), then a pass that pushes
   * apart whatever still overlaps: boxes are compared with their labels, so no label covers
   * another node or label.
   */
  function layout(randomize) {
    var nodes = cy.nodes();
    if (!nodes.length) return;
    cy.layout({
      name: 'fcose',
      quality: 'proof',
      randomize: !!randomize,
      animate: false,
      fit: false,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: function () {
        return 12000;
      },
      idealEdgeLength: function () {
        return 90;
      },
      nodeSeparation: 60,
      packComponents: true,
    }).run();
    removeOverlaps(nodes);
    cy.fit(undefined, 30);
    // a few nodes would be blown up to fill the screen: no closer than 1.5×
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center();
    }
  }

  var GAP = 6;

  function removeOverlaps(nodes) {
    if (nodes.length > 800) return; // quadratic; fcose alone is good enough for a big picture
    var list = nodes.toArray();
    var boxes = list.map(function (n) {
      var b = n.boundingBox();
      return { x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 };
    });
    var shift = list.map(function () {
      return { x: 0, y: 0 };
    });
    var move = function (i, dx, dy) {
      boxes[i].x1 += dx;
      boxes[i].x2 += dx;
      boxes[i].y1 += dy;
      boxes[i].y2 += dy;
      shift[i].x += dx;
      shift[i].y += dy;
    };
    for (var round = 0; round < 200; round++) {
      var moved = false;
      for (var i = 0; i < boxes.length; i++) {
        for (var j = i + 1; j < boxes.length; j++) {
          var a = boxes[i];
          var b = boxes[j];
          var ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + GAP;
          var oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + GAP;
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          // apart along the axis that needs the smaller move, half each
          if (ox < oy) {
            var sx = (a.x1 + a.x2 < b.x1 + b.x2 ? -1 : 1) * (ox / 2 + 0.5);
            move(i, sx, 0);
            move(j, -sx, 0);
          } else {
            var sy = (a.y1 + a.y2 < b.y1 + b.y2 ? -1 : 1) * (oy / 2 + 0.5);
            move(i, 0, sy);
            move(j, 0, -sy);
          }
        }
      }
      if (!moved) break;
    }
    cy.batch(function () {
      list.forEach(function (n, k) {
        if (shift[k].x || shift[k].y) n.position({ x: n.position('x') + shift[k].x, y: n.position('y') + shift[k].y });
      });
    });
  }

  /** Sizes by degree or PageRank (square root: area grows with the value), colours by type or community. */
  function restyle() {
    var metric = look.sizeBy;
    var max = 0;
    cy.nodes().forEach(function (n) {
      max = Math.max(max, n.data(metric) || 0);
    });
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        var value = n.data(metric) || 0;
        var base = n.data('isEvent') ? 14 : 20;
        var size = base + (max > 0 ? 40 * Math.sqrt(value / max) : 0);
        var color =
          look.colorBy === 'community' && n.data('community') !== undefined && n.data('community') !== null
            ? config.communityColors[n.data('community') % config.communityColors.length]
            : colorOf(n.data('label'));
        n.data({ size: Math.round(size), color: color });
      });
    });
    buildLegend();
  }

  function setMode(flow) {
    document.body.classList.toggle('flow', !!flow);
  }

  /** Asks for the current selection and shows it; `replace` clears the view first. */
  function loadSelection(replace, around, label) {
    var query;
    var variables;
    if (selection.whole) {
      var kinds = shownKinds();
      query =
        'query Whole($kinds: [EventKind!], $from: PartialDate, $to: PartialDate) { graph(kinds: $kinds, from: $from, to: $to, limit: 2000) { totalNodes truncated ' +
        GRAPH_FIELDS +
        ' } }';
      variables = { kinds: kinds.length === config.eventKinds.length && !dateRange.from && !dateRange.to ? null : kinds, from: dateRange.from, to: dateRange.to };
    } else {
      query = 'query Around($seeds: [ID!]) { graph(seeds: $seeds, depth: 1) { totalNodes truncated ' + GRAPH_FIELDS + ' } }';
      variables = { seeds: selection.seeds };
    }
    return gql(query, variables).then(function (data) {
      if (replace) {
        cy.elements().remove();
        setMode(false);
      }
      var added = merge(data.graph, around);
      showCounts((label || '') + (data.graph.truncated ? ' (cut at ' + data.graph.nodes.length + ' of ' + data.graph.totalNodes + ')' : ''));
      return added;
    });
  }

  function loadAround(id) {
    setStatus('Loading…');
    selection = { seeds: [id] };
    expanded = {};
    expanded[id] = true;
    return loadSelection(true, null, 'around ' + id).then(function () {
      var node = cy.getElementById(id);
      if (!node.empty()) select(node);
    });
  }

  function loadWholeGraph() {
    setStatus('Loading…');
    selection = { whole: true };
    expanded = {};
    return loadSelection(true, null, 'whole graph');
  }

  /** Brings a node's neighbours in: its id joins the seeds (one query for the whole selection, metrics included). */
  function expand(node) {
    var id = node.id();
    if (expanded[id] || selection.flow) return Promise.resolve(0);
    expanded[id] = true;
    setStatus('Expanding ' + node.data('name') + '…');
    var done = function (added) {
      showCounts(added ? '+' + added + ' around ' + node.data('name') : 'nothing new around ' + node.data('name'));
      return added;
    };
    if (selection.seeds && selection.seeds.length < MAX_SEEDS) {
      selection.seeds.push(id);
      return loadSelection(false, node).then(done);
    }
    return gql('query Expand($id: ID!) { neighborhood(id: $id, depth: 1) { ' + GRAPH_FIELDS + ' } }', { id: id }).then(function (data) {
      return done(merge(data.neighborhood, node));
    });
  }

  // --- talent flow -------------------------------------------------------------------------

  /** Organisations as nodes, moves as arrows as wide as their count (talentFlow). */
  function loadTalentFlow() {
    setStatus('Loading the talent flow…');
    stopPlaying();
    return gql('{ talentFlow { nodes { id name } links { from { id name } to { id name } count movers { name } events } } }').then(function (data) {
      selection = { flow: true };
      expanded = {};
      var flow = data.talentFlow;
      var moves = {};
      var elements = [];
      flow.links.forEach(function (link) {
        var from = link.from ? link.from.id : FLOW_UNKNOWN;
        moves[from] = (moves[from] || 0) + link.count;
        moves[link.to.id] = (moves[link.to.id] || 0) + link.count;
      });
      var nodes = flow.nodes.slice();
      if (moves[FLOW_UNKNOWN]) nodes.push({ id: FLOW_UNKNOWN, name: '來處不詳 · origin not stated' });
      nodes.forEach(function (n) {
        elements.push({
          group: 'nodes',
          data: { id: n.id, name: n.name, short: shortName(n.name), label: n.id === FLOW_UNKNOWN ? null : 'Organization', isEvent: 0, degree: moves[n.id] || 0, pagerank: 0 },
        });
      });
      flow.links.forEach(function (link) {
        var from = link.from ? link.from.id : FLOW_UNKNOWN;
        var movers = link.movers
          .map(function (m) {
            return m.name;
          })
          .join('、');
        elements.push({
          group: 'edges',
          data: { id: 'flow:' + from + '>' + link.to.id, source: from, target: link.to.id, type: 'TALENT_FLOW', count: link.count, width: 1.5 + 2.5 * link.count, caption: link.count + ' · ' + movers },
        });
      });
      cy.elements().remove();
      setMode(true);
      cy.add(elements);
      look.sizeBy = 'degree';
      document.getElementById('size-by').value = 'degree';
      restyle();
      buildTimeline();
      layout(true);
      updateExportLinks();
      showCounts('talent flow: ' + flow.links.length + ' links');
    });
  }

  // --- filters ---------------------------------------------------------------------------------

  var PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

  function passes(data) {
    if (!data.kind) return true;
    if (hiddenKinds[data.kind]) return false;
    // the timeline: the graph as of the end of a month (undated events are not on it)
    if (asOf && (!data.date || data.date > asOf + '\uffff')) return false;
    if (dateRange.from || dateRange.to) {
      if (!data.date) return false;
      if (dateRange.from && data.date < dateRange.from) return false;
      if (dateRange.to && data.date > dateRange.to + '\uffff') return false;
    }
    return true;
  }

  function applyFilters() {
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        node.style('display', passes(node.data()) ? 'element' : 'none');
      });
    });
  }

  /** Applies the date range once both fields hold a partial date (or nothing); `report` says what is wrong. */
  function readDates(report) {
    var from = document.getElementById('from').value.trim();
    var to = document.getElementById('to').value.trim();
    var error = document.getElementById('filter-error');
    var bad = (from && !PARTIAL_DATE.test(from) && 'From') || (to && !PARTIAL_DATE.test(to) && 'To');
    if (report === true || !bad) error.hidden = !bad;
    if (bad) {
      error.textContent = bad + ': use 2024, 2024-10 or 2024-12-05';
      return;
    }
    dateRange = { from: from || null, to: to || null };
    applyFilters();
    updateExportLinks();
    showCounts();
  }

  function shownKinds() {
    return config.eventKinds
      .map(function (k) {
        return k.kind;
      })
      .filter(function (kind) {
        return !hiddenKinds[kind];
      });
  }

  // --- timeline ----------------------------------------------------------------------------

  function monthAfter(month) {
    var y = Number(month.slice(0, 4));
    var m = Number(month.slice(5, 7)) + 1;
    if (m > 12) {
      y += 1;
      m = 1;
    }
    return y + '-' + (m < 10 ? '0' : '') + m;
  }

  /** The months from the first dated event shown to the last; the slider's last stop is "all dates". */
  function buildTimeline() {
    var dates = cy
      .nodes('[?kind]')
      .map(function (n) {
        return n.data('date');
      })
      .filter(Boolean)
      .sort();
    months = [];
    if (dates.length) {
      var first = dates[0].length === 4 ? dates[0] + '-01' : dates[0].slice(0, 7);
      var last = dates[dates.length - 1].slice(0, 7);
      if (last.length === 4) last += '-12';
      for (var m = first; m <= last && months.length < 600; m = monthAfter(m)) months.push(m);
    }
    var slider = document.getElementById('timeline');
    slider.max = String(months.length);
    if (asOf && months.indexOf(asOf) < 0) asOf = null;
    slider.value = String(asOf ? months.indexOf(asOf) : months.length);
    slider.disabled = !months.length;
    showTimeline();
  }

  function showTimeline() {
    var label = document.getElementById('timeline-label');
    if (!asOf) {
      label.textContent = months.length ? 'all dates (' + months[0] + ' to ' + months[months.length - 1] + ')' : 'no dated events shown';
      return;
    }
    var events = cy.nodes('[?kind]').filter(function (n) {
      return n.visible();
    }).length;
    label.textContent = 'as of ' + asOf + ' · ' + events + ' events';
  }

  function setMonth(index) {
    asOf = index >= 0 && index < months.length ? months[index] : null;
    document.getElementById('timeline').value = String(asOf ? index : months.length);
    applyFilters();
    showTimeline();
    showCounts();
  }

  function stopPlaying() {
    if (playing) clearInterval(playing);
    playing = null;
    document.getElementById('play').textContent = '▶ Play';
  }

  /** Plays the months from the first, one step at a time, and stops at "all dates". */
  function play() {
    if (playing) return stopPlaying();
    if (!months.length) return;
    var index = 0;
    setMonth(index);
    document.getElementById('play').textContent = '❚❚ Pause';
    playing = setInterval(function () {
      index += 1;
      setMonth(index);
      if (index >= months.length) stopPlaying();
    }, 700);
  }

  // --- exports -----------------------------------------------------------------------------

  /** The export endpoints' query string for what is shown: the same selection, so the same metrics. */
  function selectionQuery() {
    var params = new URLSearchParams();
    if (selection.flow) {
      params.set('kinds', 'TALENT_MOVE');
      return params.toString();
    }
    if (selection.seeds) {
      params.set('seeds', selection.seeds.join(','));
      params.set('depth', '1');
    }
    var kinds = shownKinds();
    if (kinds.length < config.eventKinds.length) params.set('kinds', kinds.join(','));
    if (dateRange.from) params.set('from', dateRange.from);
    if (dateRange.to) params.set('to', dateRange.to);
    return params.toString();
  }

  function updateExportLinks() {
    var query = selectionQuery();
    document.getElementById('export-graphml').href = '/export/graph.graphml' + (query ? '?' + query : '');
    document.getElementById('export-gexf').href = '/export/graph.gexf' + (query ? '?' + query : '');
  }

  function download(name, blob) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 1000);
  }

  function exportPng() {
    download('graph.png', cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }));
  }

  function exportSvg() {
    download('graph.svg', new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' }));
  }

  function buildFilters() {
    var kinds = document.getElementById('kinds');
    config.eventKinds.forEach(function (k) {
      var label = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = k.kind;
      box.addEventListener('change', function () {
        hiddenKinds[k.kind] = !box.checked;
        applyFilters();
        updateExportLinks();
        showCounts();
      });
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = colorOf(k.label);
      label.append(box, ' ', swatch, ' ', k.label);
      kinds.appendChild(label);
    });
    ['from', 'to'].forEach(function (id) {
      var input = document.getElementById(id);
      input.addEventListener('input', function () {
        readDates(false);
      });
      input.addEventListener('change', function () {
        readDates(true);
      });
    });
  }

  /** What the colours mean: node types, or the communities shown with their largest member. */
  function buildLegend() {
    var legend = document.getElementById('legend');
    legend.replaceChildren();
    var entry = function (color, text) {
      var li = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = color;
      li.append(swatch, text);
      legend.appendChild(li);
    };
    if (look.colorBy !== 'community' || selection.flow) {
      Object.keys(config.colors).forEach(function (label) {
        entry(config.colors[label], label);
      });
      return;
    }
    var byCommunity = {};
    cy.nodes().forEach(function (n) {
      var c = n.data('community');
      if (c === undefined || c === null) return;
      var best = byCommunity[c];
      if (!best || n.data('pagerank') > best.data('pagerank')) byCommunity[c] = n;
    });
    Object.keys(byCommunity)
      .sort(function (a, b) {
        return a - b;
      })
      .forEach(function (c) {
        entry(config.communityColors[c % config.communityColors.length], 'community ' + c + ' · ' + shortName(byCommunity[c].data('name')));
      });
  }

  // --- side panel ------------------------------------------------------------------------------

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function properties(pairs) {
    var dl = el('dl');
    pairs.forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === '' || (Array.isArray(pair[1]) && !pair[1].length)) return;
      dl.append(el('dt', pair[0]), el('dd', Array.isArray(pair[1]) ? pair[1].join(' · ') : String(pair[1])));
    });
    return dl;
  }

  function citations(title, list) {
    var section = el('section');
    section.className = 'citations';
    section.append(el('h2', title));
    if (!list.length) section.append(el('p', 'None recorded.', 'hint'));
    list.forEach(function (c) {
      var quote = el('blockquote', c.quote);
      var source = [c.source.title, c.source.publisher, c.source.date].filter(Boolean).join(' · ');
      quote.append(el('cite', source));
      section.append(quote);
    });
    return section;
  }

  function nodeLink(entity) {
    var a = el('a', entity.name, 'node-link');
    a.href = '#';
    a.addEventListener('click', function (event) {
      event.preventDefault();
      focusOn(entity.id);
    });
    return a;
  }

  function showNode(node) {
    var data = node.data();
    panel.replaceChildren(el('h2', data.label), el('p', data.name), el('p', 'Loading the details…', 'hint'));
    gql(NODE_DETAILS, { id: data.id })
      .then(function (details) {
        if (cy.$(':selected').id() !== data.id) return;
        var entity = details.entity;
        var event = details.event;
        panel.replaceChildren(el('h2', data.label));
        if (entity) {
          panel.append(
            el('h3', entity.name),
            properties([
              ['id', entity.id],
              ['names', entity.names],
              ['description', entity.description],
              ['categories', entity.categories],
              ['anonymous', entity.anonymous ? 'yes' : null],
            ]),
            citations('Citations', entity.mentions),
          );
        } else if (event) {
          var parties = el('ul');
          event.participants.forEach(function (p) {
            var li = el('li', p.role + ': ');
            li.append(nodeLink(p.entity));
            parties.append(li);
          });
          panel.append(
            el('h3', event.summary),
            properties([
              ['id', event.id],
              ['kind', event.kind],
              ['date', event.date],
              ['date as written', event.dateNote],
            ]),
            el('h2', 'Participants'),
            parties,
            citations('Citations', event.sources),
          );
        }
      })
      .catch(function (error) {
        panel.replaceChildren(el('p', error.message, 'error'));
      });
  }

  function showEdge(edge) {
    var data = edge.data();
    panel.replaceChildren(
      el('h2', data.type),
      properties([
        ['from', cy.getElementById(data.source).data('name')],
        ['to', cy.getElementById(data.target).data('name')],
        ['role', data.role],
      ]),
    );
    if (data.quote) panel.append(citations('Citation', [{ quote: data.quote, source: { title: 'as stated in the source' } }]));
  }

  function select(node) {
    cy.$(':selected').unselect();
    node.select();
    showNode(node);
  }

  /** Brings a node in (with its neighbourhood) and selects it. */
  function focusOn(id) {
    var node = cy.getElementById(id);
    if (!node.empty()) {
      select(node);
      return expand(node);
    }
    if (!selection.seeds) return loadAround(id);
    var finish = function () {
      var fresh = cy.getElementById(id);
      if (!fresh.empty()) {
        select(fresh);
        cy.animate({ center: { eles: fresh }, duration: 200 });
      }
    };
    expanded[id] = true;
    if (selection.seeds.length < MAX_SEEDS) {
      selection.seeds.push(id);
      return loadSelection(false, null, 'with ' + id).then(finish);
    }
    return gql('query One($id: ID!) { neighborhood(id: $id, depth: 1) { ' + GRAPH_FIELDS + ' } }', { id: id }).then(function (data) {
      merge(data.neighborhood);
      finish();
    });
  }

  // --- search ----------------------------------------------------------------------------------

  var searchCount = 0;

  /** Asks search(...) for the text; an answer to an older keystroke than the last is dropped. */
  function search(text) {
    var list = document.getElementById('search-results');
    var ticket = ++searchCount;
    if (!text.trim()) {
      list.hidden = true;
      return Promise.resolve();
    }
    return gql('query Find($text: String!) { search(text: $text, limit: 10) { id label name names } }', { text: text })
      .then(function (data) {
        if (ticket !== searchCount) return;
        list.replaceChildren();
        if (!data.search.length) list.append(el('li', 'No match for ' + text, 'none'));
        data.search.forEach(function (entity) {
          var li = el('li');
          li.tabIndex = 0;
          var swatch = el('span', null, 'swatch');
          swatch.style.background = colorOf(entity.label);
          li.append(swatch, ' ', entity.name, ' ', el('span', entity.names.filter((n) => n !== entity.name).join(' · '), 'hint'));
          li.dataset.id = entity.id;
          var pick = function () {
            list.hidden = true;
            focusOn(entity.id);
          };
          li.addEventListener('click', pick);
          li.addEventListener('keydown', function (event) {
            if (event.key === 'Enter') pick();
          });
          list.append(li);
        });
        list.hidden = false;
      })
      .catch(function (error) {
        if (ticket !== searchCount) return;
        list.replaceChildren(el('li', error.message, 'none error'));
        list.hidden = false;
      });
  }

  var typing = null;

  /** Search as you type, from the first character, once the typing pauses (debounced). */
  function onType() {
    if (typing) clearTimeout(typing);
    var text = document.getElementById('search').value;
    typing = setTimeout(function () {
      typing = null;
      search(text);
    }, 200);
  }

  // --- start -----------------------------------------------------------------------------------

  function start() {
    cy = cytoscape({
      container: document.getElementById('cy'),
      minZoom: 0.1,
      maxZoom: 4,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)',
            label: 'data(short)',
            'font-size': 11,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-wrap': 'ellipsis',
            'text-max-width': 130,
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.75,
            'text-background-padding': 1,
            // labels too small to read at this zoom are not drawn (the whole graph, zoomed out)
            'min-zoomed-font-size': 7,
            width: 'data(size)',
            height: 'data(size)',
            'border-width': 1,
            'border-color': '#555',
          },
        },
        { selector: 'node[isEvent = 1]', style: { shape: 'round-rectangle', 'font-size': 9, 'text-max-width': 110, color: '#555' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000' } },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': '#bbb',
            'target-arrow-color': '#bbb',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            'arrow-scale': 0.8,
            'font-size': 9,
            'text-rotation': 'autorotate',
            color: '#333',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
          },
        },
        { selector: 'edge[type != "INVOLVES"]', style: { 'line-color': '#777', 'target-arrow-color': '#777', width: 2 } },
        { selector: 'edge[type = "TALENT_FLOW"]', style: { width: 'data(width)', 'line-color': '#17becf', 'target-arrow-color': '#17becf', opacity: 0.8 } },
        // edge labels only on hover (of the edge, or of a node for its edges)
        { selector: 'edge.hover', style: { label: 'data(caption)', 'line-color': '#333', 'target-arrow-color': '#333', 'z-index': 10 } },
        { selector: 'edge:selected', style: { 'line-color': '#000', 'target-arrow-color': '#000', width: 3 } },
      ],
    });
    window.cy = cy;

    cy.on('tap', 'node', function (event) {
      var node = event.target;
      select(node);
      expand(node).catch(function (error) {
        setStatus(error.message);
      });
    });
    cy.on('tap', 'edge', function (event) {
      cy.$(':selected').unselect();
      event.target.select();
      showEdge(event.target);
    });
    cy.on('mouseover', 'edge', function (event) {
      event.target.addClass('hover');
    });
    cy.on('mouseout', 'edge', function (event) {
      event.target.removeClass('hover');
    });
    cy.on('mouseover', 'node', function (event) {
      event.target.connectedEdges().addClass('hover');
    });
    cy.on('mouseout', 'node', function (event) {
      event.target.connectedEdges().removeClass('hover');
    });

    var searchInput = document.getElementById('search');
    searchInput.addEventListener('input', onType);
    searchInput.addEventListener('keydown', function (event) {
      var first = document.querySelector('#search-results li[data-id]');
      if (event.key === 'ArrowDown' && first) {
        event.preventDefault();
        first.focus();
      } else if (event.key === 'Escape') {
        document.getElementById('search-results').hidden = true;
      }
    });
    document.addEventListener('click', function (event) {
      if (!document.getElementById('search-form').contains(event.target)) document.getElementById('search-results').hidden = true;
    });
    document.getElementById('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      if (typing) clearTimeout(typing);
      typing = null;
      search(searchInput.value);
    });
    var fail = function (error) {
      setStatus(error.message);
    };
    document.getElementById('whole-graph').addEventListener('click', function () {
      loadWholeGraph().catch(fail);
    });
    document.getElementById('talent-flow').addEventListener('click', function () {
      loadTalentFlow().catch(fail);
    });
    document.getElementById('reset').addEventListener('click', function () {
      stopPlaying();
      loadAround(config.start).catch(fail);
    });
    document.getElementById('size-by').addEventListener('change', function (event) {
      look.sizeBy = event.target.value;
      restyle();
    });
    document.getElementById('color-by').addEventListener('change', function (event) {
      look.colorBy = event.target.value;
      restyle();
    });
    document.getElementById('timeline').addEventListener('input', function (event) {
      stopPlaying();
      setMonth(Number(event.target.value));
    });
    document.getElementById('play').addEventListener('click', play);
    document.getElementById('export-png').addEventListener('click', exportPng);
    document.getElementById('export-svg').addEventListener('click', exportSvg);

    var requested = new URLSearchParams(window.location.search).get('id');
    return loadAround(requested || config.start);
  }

  fetch('/explore/config.json')
    .then(function (response) {
      return response.json();
    })
    .then(function (loaded) {
      config = loaded;
      buildFilters();
      return start();
    })
    .then(function () {
      document.body.dataset.ready = 'true';
    })
    .catch(function (error) {
      setStatus('Could not load the graph: ' + error.message);
    });
})();
