import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { withMetrics } from '../../src/graph/analytics';
import type { EdgeData, NodeData } from '../../src/graph/subgraph';
import { partialDateInterval } from '../../src/graph/interval';
import { FORMATS, type ExportFormat, type GexfVersion } from '../../src/http/export/formats';
import { parseSelection } from '../../src/http/export/selection';
import { escapeAttr, escapeText } from '../../src/http/export/xml';

/** Text that breaks naive XML: markup, entities written out, quotes, line breaks, a control character. */
const NASTY = 'A & B <c> "d" \'e\' &amp; line\nbreak\ttab 月之暗面 “六小虎” \u0001end';
const CLEAN = NASTY.replace('\u0001', '');

const node = (over: Partial<NodeData>): NodeData => ({
  id: 'x',
  label: 'Person',
  name: 'X',
  kind: null,
  date: null,
  dateNote: null,
  summary: null,
  description: null,
  anonymous: null,
  names: null,
  categories: null,
  ...over,
});

const EDGES: EdgeData[] = [
  {
    id: 'e1',
    source: 'event/e<1>',
    target: 'org/a&b',
    type: 'INVOLVES',
    role: 'target',
    quote: null,
    since: null,
    until: null,
    date: '2024-02',
  },
  {
    id: 'e2',
    source: 'person/p"q',
    target: 'org/a&b',
    type: 'FOUNDED',
    role: '創始人',
    quote: NASTY,
    since: '2023',
    until: null,
    date: null,
  },
  {
    id: 'e3',
    source: 'person/p"q',
    target: 'org/a&b',
    type: 'WORKS_AT',
    role: 'CTO',
    quote: null,
    since: null,
    until: null,
    date: null,
  },
];
/** With their metrics on this selection, as the export route writes them. */
const NODES = withMetrics(
  [
    node({
      id: 'org/a&b',
      label: 'Organization',
      name: NASTY,
      description: NASTY,
      names: ['甲', 'A'],
      categories: ['AI_STARTUP'],
      anonymous: false,
    }),
    node({
      id: 'event/e<1>',
      label: 'Acquisition',
      name: 'bought',
      kind: 'ACQUISITION',
      date: '2024-02',
      summary: 'bought',
    }),
    node({ id: 'person/p"q', label: 'Person', name: 'P', anonymous: true }),
  ],
  EDGES,
);

/** The whole file as the export route would stream it, piece by piece. */
function write(
  format: ExportFormat,
  nodes = NODES,
  edges = EDGES,
  total = nodes.length,
  version?: GexfVersion,
): string {
  const writer = format.writer({ selection: 'limit=10', date: '2024-12-31', version });
  return (
    writer.begin() +
    nodes.map((n) => writer.node(n)).join('') +
    edges.map((e) => writer.edge(e)).join('') +
    writer.end(total)
  );
}

describe('export formats', () => {
  it('Cytoscape.js JSON: elements with data, nulls left out, start/end days on dated elements', () => {
    const json = JSON.parse(write(FORMATS.json, NODES, EDGES, 5));
    expect(json.elements.nodes).toHaveLength(3);
    expect(json.elements.edges).toHaveLength(3);
    expect(json.elements.nodes[0].data).toEqual({
      id: 'org/a&b',
      label: 'Organization',
      name: NASTY,
      description: NASTY,
      names: ['甲', 'A'],
      categories: ['AI_STARTUP'],
      anonymous: false,
      degree: 3,
      pagerank: NODES[0]!.pagerank,
      community: 0,
    });
    expect(json.elements.nodes.map((n: { data: { degree: number } }) => n.data.degree)).toEqual([3, 1, 2]);
    expect(json.elements.nodes[1].data).toMatchObject({
      kind: 'ACQUISITION',
      date: '2024-02',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(json.elements.edges[1].data).toMatchObject({ type: 'FOUNDED', start: '2023-01-01' });
    expect(json.elements.edges[1].data.end).toBeUndefined();
    expect(json.data).toMatchObject({ nodes: 3, edges: 3, totalNodes: 5, truncated: true });
  });

  it('Cytoscape.js JSON stays valid with no edges and with nothing at all', () => {
    expect(JSON.parse(write(FORMATS.json, NODES, [])).elements.edges).toEqual([]);
    expect(JSON.parse(write(FORMATS.json, [], [], 0)).elements).toEqual({ nodes: [], edges: [] });
  });

  it('GraphML: declared keys, every value read back exactly by graphology-graphml', () => {
    const text = write(FORMATS.graphml);
    expect(text).toContain('<key id="n_type" for="node" attr.name="type" attr.type="string"/>');
    expect(text).toContain('<key id="n_anonymous" for="node" attr.name="anonymous" attr.type="boolean"/>');
    expect(text).toContain('<key id="n_degree" for="node" attr.name="degree" attr.type="int"/>');
    expect(text).toContain('<key id="n_pagerank" for="node" attr.name="pagerank" attr.type="double"/>');
    expect(text).toContain('<key id="n_community" for="node" attr.name="community" attr.type="int"/>');
    const graph = parseGraphml(Graph, text);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(3);
    expect(graph.getNodeAttributes('org/a&b')).toMatchObject({
      label: CLEAN,
      type: 'Organization',
      description: CLEAN,
      names: '甲 | A',
      anonymous: false,
    });
    expect(graph.getNodeAttributes('event/e<1>')).toMatchObject({
      kind: 'ACQUISITION',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    for (const n of NODES)
      expect(graph.getNodeAttributes(n.id)).toMatchObject({
        degree: n.degree,
        pagerank: n.pagerank,
        community: n.community,
      });
    expect(graph.getEdgeAttributes('e2')).toMatchObject({
      label: 'FOUNDED',
      role: '創始人',
      quote: CLEAN,
      since: '2023',
      start: '2023-01-01',
    });
  });

  it.each([
    ['1.2 (the default)', undefined, 'http://www.gexf.net/1.2draft', '1.2'],
    ['1.3', '1.3' as const, 'http://gexf.net/1.3', '1.3'],
  ])(
    'GEXF %s: dynamic mode, start/end on dated nodes and edges, values read back exactly by graphology-gexf',
    (_name, version, ns, written) => {
      const text = write(FORMATS.gexf, NODES, EDGES, NODES.length, version);
      expect(text).toContain(`<gexf xmlns="${ns}" xmlns:viz="${ns}/viz"`);
      expect(text).toContain(`version="${written}"`);
      expect(text.includes('timerepresentation="interval"')).toBe(written === '1.3');
      expect(text).toMatch(/<graph mode="dynamic" defaultedgetype="directed" timeformat="date"/);
      expect(text).toContain('<node id="event/e&lt;1&gt;" label="bought" start="2024-02-01" end="2024-02-29">');
      expect(text).toMatch(/<edge id="e1" [^>]*kind="INVOLVES" start="2024-02-01" end="2024-02-29">/);
      expect(text).toContain('<attribute id="degree" title="degree" type="integer"/>');
      expect(text).toContain('<attribute id="pagerank" title="pagerank" type="double"/>');
      expect(text).toContain('<attribute id="community" title="community" type="integer"/>');
      const graph = parseGexf(Graph, text);
      for (const n of NODES)
        expect(graph.getNodeAttributes(n.id)).toMatchObject({
          degree: n.degree,
          pagerank: n.pagerank,
          community: n.community,
        });
      expect(graph.order).toBe(3);
      expect(graph.size).toBe(3);
      expect(graph.getNodeAttributes('org/a&b')).toMatchObject({
        label: CLEAN,
        type: 'Organization',
        description: CLEAN,
        anonymous: false,
        color: 'rgb(214,39,40)',
      });
      expect(graph.getEdgeAttributes('e2')).toMatchObject({ quote: CLEAN, role: '創始人' });
    },
  );

  it('XML escaping keeps line breaks in attributes and writes entities out', () => {
    expect(escapeAttr('a\n"b"\t&amp;')).toBe('a&#10;&quot;b&quot;&#9;&amp;amp;');
    expect(escapeText('<&>\u0000')).toBe('&lt;&amp;&gt;');
    expect(escapeText('😀')).toBe('😀');
    expect(escapeText('\ud800x')).toBe('x');
  });

  it('partial dates become the days they cover', () => {
    expect(partialDateInterval('2024')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(partialDateInterval('2023-02')).toEqual({ start: '2023-02-01', end: '2023-02-28' });
    expect(partialDateInterval('2024-12-05')).toEqual({ start: '2024-12-05', end: '2024-12-05' });
    expect(partialDateInterval(null)).toBeUndefined();
  });
});

describe('export query strings', () => {
  it('mirror graph(...): lists as repeats or commas, defaults for the rest', () => {
    expect(
      parseSelection({
        seeds: ['org/a', 'org/b,org/c'],
        depth: '2',
        kinds: 'ACQUISITION,TALENT_MOVE',
        from: '2024-06',
        to: '2024',
      }),
    ).toMatchObject({
      seeds: ['org/a', 'org/b', 'org/c'],
      depth: 2,
      kinds: ['ACQUISITION', 'TALENT_MOVE'],
      from: '2024-06',
      to: '2024',
      limit: 100_000,
    });
  });

  it.each([
    [{ depth: '4' }, 'depth'],
    [{ depth: 'two' }, 'depth'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '100001' }, 'limit'],
    [{ kinds: 'ACQUISITION,NOPE' }, 'kinds'],
    [{ from: '2024-13' }, 'from'],
    [{ to: ['2024', '2025'] }, 'to'],
    [{ seeds: Array.from({ length: 51 }, (_, i) => `org/${i}`) }, 'seeds'],
    [{ seed: 'org/a' }, 'seed'],
  ])('reject %j naming %s', (query, parameter) => {
    expect(() => parseSelection(query)).toThrow(expect.objectContaining({ argument: parameter }));
  });
});
