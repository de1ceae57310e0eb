// @ts-check
// Exports of what is on screen: the nodes and edges drawn (the month shown, the filters, hidden
// nodes and the talent flow all apply), with their positions, sizes and colours. GEXF carries
// them as viz:position / viz:size / viz:color (Gephi opens it laid out); GraphML as Gephi's
// x, y, size, r, g, b node attributes (networkx and yEd read them as data); the Cytoscape JSON
// as element positions. y is flipped for GEXF and GraphML: Gephi's y axis points up.
// The builders are pure (unit-tested, parsed by graphology's readers); viewOf reads the canvas.

/** @typedef {import('./types').View} View */
/** @typedef {import('./types').ViewNode} ViewNode */

const CREATOR = 'llm-shakeout-kg explorer';

/** @type {Record<string, string>} */
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\t': '&#9;', '\r': '&#13;' };
/** Characters XML 1.0 forbids anywhere. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** For text and double-quoted attribute values alike. @param {unknown} value */
export function xml(value) {
  return String(value)
    .replace(NOT_XML, '')
    .replace(/[&<>"\n\t\r]/g, (c) => /** @type {string} */ (ESCAPES[c]));
}

/** "#4e79a7" or "rgb(78, 121, 167)" → [78, 121, 167]. @param {string} color */
export function rgb(color) {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex)
    return [
      parseInt(/** @type {string} */ (hex[1]), 16),
      parseInt(/** @type {string} */ (hex[2]), 16),
      parseInt(/** @type {string} */ (hex[3]), 16),
    ];
  const fn = /rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(color);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  return [128, 128, 128];
}

/** Two decimals are plenty for a position. @param {number} n */
const round = (n) => Math.round(n * 100) / 100;

/** Node attributes in both XML formats: [name, type, value]. @param {ViewNode} n */
function nodeAttributes(n) {
  return /** @type {[string, 'string' | 'int' | 'double', unknown][]} */ ([
    ['type', 'string', n.label],
    ['kind', 'string', n.kind],
    ['date', 'string', n.date],
    ['degree', 'int', n.degree],
    ['pagerank', 'double', n.pagerank],
    ['community', 'int', n.community],
    ['members', 'int', n.members],
  ]).filter(([, , v]) => v !== null && v !== undefined && v !== '');
}

const NODE_KEYS = /** @type {const} */ ([
  ['type', 'string'],
  ['kind', 'string'],
  ['date', 'string'],
  ['degree', 'int'],
  ['pagerank', 'double'],
  ['community', 'int'],
  ['members', 'int'],
]);
const EDGE_KEYS = /** @type {const} */ ([
  ['type', 'string'],
  ['role', 'string'],
  ['quote', 'string'],
  ['count', 'int'],
]);

/** @param {import('./types').EdgeData} e */
function edgeAttributes(e) {
  return /** @type {[string, unknown][]} */ ([
    ['type', e.type],
    ['role', e.role],
    ['quote', e.quote],
    ['count', e.count],
  ]).filter(([, v]) => v !== null && v !== undefined && v !== '');
}

/**
 * GraphML of the view, with Gephi's position and colour attributes (x, y, size, r, g, b).
 * @param {View} view
 * @returns {string}
 */
export function buildGraphml(view) {
  /** @param {string} id @param {string} target @param {string} name @param {string} type */
  const key = (id, target, name, type) =>
    `  <key id="${id}" for="${target}" attr.name="${name}" attr.type="${type}"/>\n`;
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n';
  out += key('label', 'node', 'label', 'string');
  for (const [name, type] of NODE_KEYS) out += key(`n_${name}`, 'node', name, type);
  for (const name of ['x', 'y', 'size']) out += key(name, 'node', name, 'float');
  for (const name of ['r', 'g', 'b']) out += key(name, 'node', name, 'int');
  out += key('e_label', 'edge', 'label', 'string');
  for (const [name, type] of EDGE_KEYS) out += key(`e_${name}`, 'edge', name, type);
  out += `  <graph id="G" edgedefault="directed">\n    <desc>${xml(`${CREATOR}: ${view.description}`)}</desc>\n`;
  for (const n of view.nodes) {
    const [r, g, b] = rgb(n.color);
    const data = [
      ['label', n.name],
      ...nodeAttributes(n).map(([name, , v]) => [`n_${name}`, v]),
      ['x', round(n.x)],
      ['y', round(-n.y)],
      ['size', round(n.size)],
      ['r', r],
      ['g', g],
      ['b', b],
    ];
    out += `    <node id="${xml(n.id)}">${data.map(([k, v]) => `<data key="${k}">${xml(v)}</data>`).join('')}</node>\n`;
  }
  for (const e of view.edges) {
    const data = [['e_label', e.type], ...edgeAttributes(e).map(([name, v]) => [`e_${name}`, v])];
    out += `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${data.map(([k, v]) => `<data key="${k}">${xml(v)}</data>`).join('')}</edge>\n`;
  }
  return `${out}  </graph>\n</graphml>\n`;
}

/**
 * GEXF 1.3 of the view: Gephi opens it with the explorer's layout, sizes and colours.
 * @param {View} view
 * @param {string} date ISO day of the export
 * @returns {string}
 */
export function buildGexf(view, date) {
  const types = { string: 'string', int: 'integer', double: 'double' };
  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n' +
    `  <meta lastmodifieddate="${xml(date)}"><creator>${xml(CREATOR)}</creator><description>${xml(view.description)}</description></meta>\n` +
    '  <graph mode="static" defaultedgetype="directed">\n' +
    '    <attributes class="node">\n' +
    NODE_KEYS.map(([name, type]) => `      <attribute id="${name}" title="${name}" type="${types[type]}"/>\n`).join(
      '',
    ) +
    '    </attributes>\n    <attributes class="edge">\n' +
    EDGE_KEYS.map(([name, type]) => `      <attribute id="${name}" title="${name}" type="${types[type]}"/>\n`).join(
      '',
    ) +
    '    </attributes>\n    <nodes>\n';
  for (const n of view.nodes) {
    const [r, g, b] = rgb(n.color);
    const values = nodeAttributes(n)
      .map(([name, , v]) => `<attvalue for="${name}" value="${xml(v)}"/>`)
      .join('');
    out +=
      `      <node id="${xml(n.id)}" label="${xml(n.name)}">` +
      (values ? `<attvalues>${values}</attvalues>` : '') +
      `<viz:color r="${r}" g="${g}" b="${b}"/><viz:position x="${round(n.x)}" y="${round(-n.y)}" z="0"/><viz:size value="${round(n.size)}"/></node>\n`;
  }
  out += '    </nodes>\n    <edges>\n';
  for (const e of view.edges) {
    const values = edgeAttributes(e)
      .map(([name, v]) => `<attvalue for="${name}" value="${xml(v)}"/>`)
      .join('');
    const weight = e.count ? ` weight="${e.count}"` : '';
    out += `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(e.type)}"${weight}>${values ? `<attvalues>${values}</attvalues>` : ''}</edge>\n`;
  }
  return `${out}    </edges>\n  </graph>\n</gexf>\n`;
}

/**
 * Cytoscape.js elements with positions (cy.add(json.elements), and Cytoscape desktop's .cyjs).
 * @param {View} view
 */
export function buildJson(view) {
  return JSON.stringify(
    {
      elements: {
        nodes: view.nodes.map(({ x, y, ...data }) => ({ data, position: { x: round(x), y: round(y) } })),
        edges: view.edges.map((data) => ({ data })),
      },
      data: { name: CREATOR, description: view.description, nodes: view.nodes.length, edges: view.edges.length },
    },
    null,
    1,
  );
}

/**
 * The view as drawn: visible nodes (community groups included) and the edges between them.
 * @param {import('./types').Core} cy
 * @param {string} description
 * @returns {View}
 */
export function viewOf(cy, description) {
  const nodes = cy.nodes(':visible');
  const edges = cy.edges(':visible').filter((e) => e.source().visible() && e.target().visible());
  return {
    description,
    nodes: nodes.map((n) => {
      const { fontSize: _f, textWidth: _t, ...data } = n.data();
      return { ...data, x: n.position('x'), y: n.position('y'), size: n.width(), color: n.style('background-color') };
    }),
    edges: edges.map((e) => ({ ...e.data() })),
  };
}
