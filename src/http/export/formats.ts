import { colorOf, rgbOf } from '../../graph/palette';
import type { AnalysedNode, EdgeData } from '../../graph/subgraph';
import { EDGE_COLUMNS, edgeSpan, GEXF_TYPES, NODE_COLUMNS, nodeSpan, present } from './attributes';
import { emptyTag, startTag, textElement, XML_DECLARATION } from './xml';

/** What a writer is told besides the rows. */
export interface ExportInfo {
  /** The selection in words, for the file's own description. */
  selection: string;
  /** ISO date of the export. */
  date: string;
  /** GEXF only: which version of the format to write (GEXF_VERSIONS); DEFAULT_GEXF_VERSION when absent. */
  version?: GexfVersion;
}

/**
 * The GEXF versions written: their namespaces and what the graph element says about time. 1.2
 * (1.2draft) is the default because it is what the readers people have take: networkx 2.8 (Debian's
 * python3-networkx) knows only 1.1draft and 1.2draft, and Gephi and graphology read it too. Both
 * carry the same dynamic attributes (start/end per node and edge); 1.3 names their representation.
 */
export const GEXF_VERSIONS = {
  '1.2': {
    ns: 'http://www.gexf.net/1.2draft',
    viz: 'http://www.gexf.net/1.2draft/viz',
    xsd: 'http://www.gexf.net/1.2draft/gexf.xsd',
    time: {},
  },
  '1.3': {
    ns: 'http://gexf.net/1.3',
    viz: 'http://gexf.net/1.3/viz',
    xsd: 'http://gexf.net/1.3/gexf.xsd',
    time: { timerepresentation: 'interval' },
  },
} as const;
export type GexfVersion = keyof typeof GEXF_VERSIONS;
export const DEFAULT_GEXF_VERSION: GexfVersion = '1.2';

/**
 * A streaming writer: each method returns the next piece of the file. `begin` comes before the
 * first row, every node before every edge, `end(totalNodes)` last.
 */
export interface GraphWriter {
  begin(): string;
  node(node: AnalysedNode): string;
  edge(edge: EdgeData): string;
  end(totalNodes: number): string;
}

export interface ExportFormat {
  contentType: string;
  file: string;
  writer(info: ExportInfo): GraphWriter;
}

const CREATOR = 'llm-shakeout-kg';

/** Drops nulls, so that each element carries only what it has. */
function compact<T extends object>(data: T): Partial<T> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/**
 * Cytoscape.js elements (`cy.add(json.elements)` or `cytoscape({ elements })`), also the .cyjs
 * shape Cytoscape desktop imports: {"elements": {"nodes": [{"data"}], "edges": [{"data"}]}, "data"}.
 * Node data are the API's (id, label, name, kind, date…, degree, pagerank, community) plus
 * `start`/`end` days for dated nodes.
 */
export const cytoscapeJson: ExportFormat = {
  contentType: 'application/json; charset=utf-8',
  file: 'graph.json',
  writer(info) {
    let nodes = 0;
    let edges = 0;
    const entry = (count: number, data: object) =>
      `${count === 1 ? '' : ','}\n{"data":${JSON.stringify(compact(data))}}`;
    return {
      begin: () => '{"elements":{"nodes":[',
      node: (n) => {
        const span = nodeSpan(n);
        const {
          id,
          label,
          name,
          kind,
          date,
          dateNote,
          summary,
          description,
          names,
          categories,
          anonymous,
          degree,
          pagerank,
          community,
        } = n;
        return entry(++nodes, {
          id,
          label,
          name,
          kind,
          date,
          start: span?.start,
          end: span?.end,
          dateNote,
          summary,
          description,
          names,
          categories,
          anonymous,
          degree,
          pagerank,
          community,
        });
      },
      edge: (e) => {
        const span = edgeSpan(e);
        const { id, source, target, type, role, quote, since, until, date } = e;
        const data = { id, source, target, type, role, quote, since, until, date, start: span?.start, end: span?.end };
        return (edges === 0 ? '\n],"edges":[' : '') + entry(++edges, data);
      },
      end: (totalNodes) =>
        `${edges === 0 ? '\n],"edges":[' : ''}\n]},\n"data":${JSON.stringify({
          name: CREATOR,
          selection: info.selection,
          exported: info.date,
          nodes,
          edges,
          totalNodes,
          truncated: totalNodes > nodes,
        })}}\n`,
    };
  },
};

/** GraphML with a <key> per column, readable by networkx, yEd, Gephi and Cytoscape desktop. */
export const graphml: ExportFormat = {
  contentType: 'application/graphml+xml; charset=utf-8',
  file: 'graph.graphml',
  writer(info) {
    const key = (id: string, target: 'node' | 'edge', name: string, type: string) =>
      `  ${emptyTag('key', { id, for: target, 'attr.name': name, 'attr.type': type })}\n`;
    const data = (k: string, value: string) => textElement('data', { key: k }, value);
    let nodes = 0;
    return {
      begin: () =>
        XML_DECLARATION +
        startTag('graphml', {
          xmlns: 'http://graphml.graphdrawing.org/xmlns',
          'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
          'xsi:schemaLocation':
            'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
        }) +
        '\n' +
        key('n_label', 'node', 'label', 'string') +
        NODE_COLUMNS.map((c) => key(`n_${c.name}`, 'node', c.name, c.type)).join('') +
        key('n_start', 'node', 'start', 'string') +
        key('n_end', 'node', 'end', 'string') +
        key('e_label', 'edge', 'label', 'string') +
        EDGE_COLUMNS.map((c) => key(`e_${c.name}`, 'edge', c.name, c.type)).join('') +
        key('e_start', 'edge', 'start', 'string') +
        key('e_end', 'edge', 'end', 'string') +
        `  ${startTag('graph', { id: 'G', edgedefault: 'directed' })}\n` +
        `    ${textElement('desc', {}, `${CREATOR} ${info.date}: ${info.selection}`)}\n`,
      node: (n) => {
        nodes += 1;
        const span = nodeSpan(n);
        const values = [data('n_label', n.name), ...present(NODE_COLUMNS, n).map(([c, v]) => data(`n_${c.name}`, v))];
        if (span?.start) values.push(data('n_start', span.start));
        if (span?.end) values.push(data('n_end', span.end));
        return `    ${startTag('node', { id: n.id })}${values.join('')}</node>\n`;
      },
      edge: (e) => {
        const span = edgeSpan(e);
        const values = [data('e_label', e.type), ...present(EDGE_COLUMNS, e).map(([c, v]) => data(`e_${c.name}`, v))];
        if (span?.start) values.push(data('e_start', span.start));
        if (span?.end) values.push(data('e_end', span.end));
        return `    ${startTag('edge', { id: e.id, source: e.source, target: e.target })}${values.join('')}</edge>\n`;
      },
      end: (totalNodes) => `  </graph>\n</graphml>\n<!-- ${nodes} of ${totalNodes} selected nodes -->\n`,
    };
  },
};

/**
 * GEXF (1.2 by default, or 1.3: GEXF_VERSIONS) in dynamic mode for Gephi's timeline: dated events (and their role edges) carry
 * `start`/`end` days, stable relationships their since/until; entities are always there.
 * Nodes are coloured by label as in the explorer; edge `kind` is the relationship type, so
 * parallel edges of different types stay apart.
 */
export const gexf: ExportFormat = {
  contentType: 'application/gexf+xml; charset=utf-8',
  file: 'graph.gexf',
  writer(info) {
    const attvalues = (pairs: [{ name: string }, string][]) =>
      pairs.length
        ? `<attvalues>${pairs.map(([c, v]) => emptyTag('attvalue', { for: c.name, value: v })).join('')}</attvalues>`
        : '';
    const declare = (target: 'node' | 'edge', columns: { name: string; type: keyof typeof GEXF_TYPES }[]) =>
      `    ${startTag('attributes', { class: target, mode: 'static' })}\n` +
      columns
        .map((c) => `      ${emptyTag('attribute', { id: c.name, title: c.name, type: GEXF_TYPES[c.type] })}\n`)
        .join('') +
      '    </attributes>\n';
    let nodes = 0;
    let edges = 0;
    const version = info.version ?? DEFAULT_GEXF_VERSION;
    const { ns, viz, xsd, time } = GEXF_VERSIONS[version];
    return {
      begin: () =>
        XML_DECLARATION +
        startTag('gexf', {
          xmlns: ns,
          'xmlns:viz': viz,
          'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
          'xsi:schemaLocation': `${ns} ${xsd}`,
          version,
        }) +
        '\n' +
        `  ${startTag('meta', { lastmodifieddate: info.date })}${textElement('creator', {}, CREATOR)}` +
        `${textElement('description', {}, info.selection)}</meta>\n` +
        `  ${startTag('graph', { mode: 'dynamic', defaultedgetype: 'directed', timeformat: 'date', ...time })}\n` +
        declare('node', NODE_COLUMNS) +
        declare('edge', EDGE_COLUMNS) +
        '    <nodes>\n',
      node: (n) => {
        nodes += 1;
        const span = nodeSpan(n);
        const color = rgbOf(colorOf(n.label));
        return (
          `      ${startTag('node', { id: n.id, label: n.name, start: span?.start, end: span?.end })}` +
          attvalues(present(NODE_COLUMNS, n)) +
          emptyTag('viz:color', color) +
          '</node>\n'
        );
      },
      edge: (e) => {
        const span = edgeSpan(e);
        const opening = edges++ === 0 ? '    </nodes>\n    <edges>\n' : '';
        return (
          opening +
          `      ${startTag('edge', { id: e.id, source: e.source, target: e.target, label: e.type, kind: e.type, start: span?.start, end: span?.end })}` +
          attvalues(present(EDGE_COLUMNS, e)) +
          '</edge>\n'
        );
      },
      end: (totalNodes) =>
        `${edges === 0 ? '    </nodes>\n    <edges>\n' : ''}    </edges>\n  </graph>\n</gexf>\n<!-- ${nodes} of ${totalNodes} selected nodes -->\n`,
    };
  },
};

export const FORMATS = { json: cytoscapeJson, graphml, gexf } as const;
