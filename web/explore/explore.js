// The graph explorer: Cytoscape.js (served from node_modules) over the GraphQL API of the same
// server. Everything it shows comes from /graphql: graph(...) to start, search(...) to find,
// neighborhood(...) to expand, entity(...) / event(...) for the side panel with citations.
(function () {
  'use strict';

  var GRAPH_FIELDS = 'nodes { id label name kind date } edges { id source target type role quote }';
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
        data: { id: n.id, label: n.label, name: n.name, short: shortName(n.name), kind: n.kind, date: n.date, color: colorOf(n.label), isEvent: n.kind ? 1 : 0 },
      };
    });
    var edges = graph.edges.map(function (e) {
      return { group: 'edges', data: { id: 'e:' + e.id, source: e.source, target: e.target, type: e.type, role: e.role, quote: e.quote, caption: e.role || e.type } };
    });
    return nodes.concat(edges);
  }

  /** Adds what is new; returns the number of nodes added. Lays out around `around` when given. */
  function merge(graph, around) {
    var fresh = toElements(graph).filter(function (el) {
      return cy.getElementById(el.data.id).empty();
    });
    var addedNodes = fresh.filter(function (el) {
      return el.group === 'nodes';
    }).length;
    if (!fresh.length) return 0;
    if (around && !around.empty()) {
      var p = around.position();
      fresh.forEach(function (el, i) {
        if (el.group === 'nodes') {
          var angle = (2 * Math.PI * i) / Math.max(addedNodes, 1);
          el.position = { x: p.x + 120 * Math.cos(angle), y: p.y + 120 * Math.sin(angle) };
        }
      });
    }
    cy.add(fresh);
    applyFilters();
    layout(!around);
    return addedNodes;
  }

  function layout(randomize) {
    cy.layout({ name: 'cose', animate: false, randomize: !!randomize, fit: true, padding: 30, nodeRepulsion: 20000, idealEdgeLength: 110, numIter: 800 }).run();
  }

  function load(query, variables, label) {
    setStatus('Loading…');
    return gql(query, variables).then(function (data) {
      var graph = data.graph || data.neighborhood;
      cy.elements().remove();
      expanded = {};
      merge(graph);
      showCounts(label + (data.graph && data.graph.truncated ? ' (cut at ' + graph.nodes.length + ' of ' + data.graph.totalNodes + ')' : ''));
    });
  }

  function loadAround(id) {
    return load('query Around($id: ID!) { graph(seeds: [$id], depth: 1) { totalNodes truncated ' + GRAPH_FIELDS + ' } }', { id: id }, 'around ' + id).then(function () {
      expanded[id] = true;
      var node = cy.getElementById(id);
      if (!node.empty()) select(node);
    });
  }

  function loadWholeGraph() {
    var kinds = config.eventKinds
      .map(function (k) {
        return k.kind;
      })
      .filter(function (kind) {
        return !hiddenKinds[kind];
      });
    return load(
      'query Whole($kinds: [EventKind!], $from: PartialDate, $to: PartialDate) { graph(kinds: $kinds, from: $from, to: $to, limit: 2000) { totalNodes truncated ' +
        GRAPH_FIELDS +
        ' } }',
      {
        kinds: kinds.length === config.eventKinds.length && !dateRange.from && !dateRange.to ? null : kinds,
        from: dateRange.from,
        to: dateRange.to,
      },
      'whole graph',
    );
  }

  function expand(node) {
    var id = node.id();
    if (expanded[id]) return Promise.resolve(0);
    setStatus('Expanding ' + node.data('name') + '…');
    return gql('query Expand($id: ID!) { neighborhood(id: $id, depth: 1) { ' + GRAPH_FIELDS + ' } }', { id: id }).then(function (data) {
      expanded[id] = true;
      var added = merge(data.neighborhood, node);
      showCounts(added ? '+' + added + ' around ' + node.data('name') : 'nothing new around ' + node.data('name'));
      return added;
    });
  }

  // --- filters ---------------------------------------------------------------------------------

  var PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

  function passes(data) {
    if (!data.kind) return true;
    if (hiddenKinds[data.kind]) return false;
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
    showCounts();
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
    var legend = document.getElementById('legend');
    Object.keys(config.colors).forEach(function (label) {
      var li = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = config.colors[label];
      li.append(swatch, label);
      legend.appendChild(li);
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
    return gql('query One($id: ID!) { neighborhood(id: $id, depth: 1) { ' + GRAPH_FIELDS + ' } }', { id: id }).then(function (data) {
      expanded[id] = true;
      var added = merge(data.neighborhood);
      var fresh = cy.getElementById(id);
      if (!fresh.empty()) {
        select(fresh);
        cy.animate({ center: { eles: fresh }, duration: 200 });
      }
      showCounts('+' + added);
    });
  }

  // --- search ----------------------------------------------------------------------------------

  function search(text) {
    var list = document.getElementById('search-results');
    if (!text.trim()) {
      list.hidden = true;
      return Promise.resolve();
    }
    return gql('query Find($text: String!) { search(text: $text, limit: 10) { id label name names } }', { text: text })
      .then(function (data) {
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
        list.replaceChildren(el('li', error.message, 'none error'));
        list.hidden = false;
      });
  }

  // --- start -----------------------------------------------------------------------------------

  function start() {
    cy = cytoscape({
      container: document.getElementById('cy'),
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)',
            label: 'data(short)',
            'font-size': 10,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-wrap': 'ellipsis',
            'text-max-width': 140,
            width: 28,
            height: 28,
            'border-width': 1,
            'border-color': '#555',
          },
        },
        { selector: 'node[isEvent = 1]', style: { shape: 'round-rectangle', width: 18, height: 18, 'font-size': 8, color: '#555' } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000' } },
        {
          selector: 'edge',
          style: { width: 1.5, 'line-color': '#bbb', 'target-arrow-color': '#bbb', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8 },
        },
        { selector: 'edge[type != "INVOLVES"]', style: { 'line-color': '#777', 'target-arrow-color': '#777', width: 2, label: 'data(caption)', 'font-size': 8, 'text-rotation': 'autorotate', color: '#555' } },
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

    document.getElementById('search-form').addEventListener('submit', function (event) {
      event.preventDefault();
      search(document.getElementById('search').value);
    });
    document.getElementById('whole-graph').addEventListener('click', function () {
      loadWholeGraph().catch(function (error) {
        setStatus(error.message);
      });
    });
    document.getElementById('reset').addEventListener('click', function () {
      loadAround(config.start);
    });

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
