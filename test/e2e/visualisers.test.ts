import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { startVisualApp, type VisualApp } from '../support/visualApp';

const GRAPH =
  'totalNodes truncated nodes { id: nodeId label name kind date } edges { id: edgeId source target type role quote }';
const PYTHON = '/usr/bin/python3';

/**
 * Debian's networkx as installed (2.8 with .ci/run), with no patch or option: it reads a GraphML and
 * a GEXF file (the export's default version) and reports what it found.
 */
const NETWORKX_READER = String.raw`
import json, sys
import networkx as nx

def summary(g):
    return {
        'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'graph': {k: v for k, v in g.graph.items() if isinstance(v, str)},
        'nodeData': {n: d for n, d in g.nodes(data=True)},
        'edgeData': [dict(d, source=u, target=w) for u, w, d in g.edges(data=True)],
    }

print(json.dumps({'version': nx.__version__, 'graphml': summary(nx.read_graphml(sys.argv[1])), 'gexf': summary(nx.read_gexf(sys.argv[2]))}))
`;

/** What Debian's networkx says of a GEXF file: its node count, or the error it raises. */
const NETWORKX_GEXF_ERROR = String.raw`
import sys
import networkx as nx
try:
    print(nx.read_gexf(sys.argv[1]).number_of_nodes())
except Exception as error:
    print(type(error).__name__ + ': ' + str(error))
`;

/**
 * Debian's python3-igraph reads the GraphML export: numbers as igraph keeps them (its C core has
 * one numeric type, a double, so an int column comes back as 3.0), and through networkx
 * (Graph.from_networkx) as the file declares them, integers.
 */
const IGRAPH_READER = String.raw`
import json, sys
import igraph, networkx as nx
direct = igraph.Graph.Read_GraphML(sys.argv[1])
via = igraph.Graph.from_networkx(nx.read_graphml(sys.argv[1]))
def column(g, name, key):
    return {v[key]: [type(v[name]).__name__, v[name]] for v in g.vs}
print(json.dumps({'direct': column(direct, 'degree', 'id'), 'via': column(via, 'degree', '_nx_name'), 'communityVia': column(via, 'community', '_nx_name')}))
`;

/** networkx's own degree and PageRank of a GraphML file: parallel edges merged into weights, as the API does. */
const NETWORKX_METRICS = String.raw`
import json, sys
import networkx as nx

multi = nx.read_graphml(sys.argv[1])
g = nx.DiGraph()
g.add_nodes_from(multi.nodes)
for u, w in multi.edges():
    g.add_edge(u, w, weight=g[u][w]['weight'] + 1 if g.has_edge(u, w) else 1)
rank = nx.pagerank(g, alpha=0.85, weight='weight', tol=1e-10, max_iter=1000)
print(json.dumps({n: {'degree': multi.degree(n), 'pagerank': rank[n]} for n in multi.nodes}))
`;

describe('graph-shaped output: graph(...) and /export/graph.*', () => {
  let api: VisualApp;
  let dir: string;
  beforeAll(async () => {
    api = await startVisualApp({ ide: false });
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-export-'));
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ok = async (query: string) => {
    const body = await api.gql(query);
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  /** Counts straight from Neo4j: entities, events, and the edges visualisers get (never provenance). */
  async function databaseCounts() {
    const { records } = await api.graph.driver.executeQuery(
      `MATCH (n) WHERE n:Entity OR n:Event WITH count(n) AS nodes
       MATCH ()-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]->() RETURN nodes, count(r) AS edges`,
    );
    return { nodes: records[0]!.get('nodes').toNumber(), edges: records[0]!.get('edges').toNumber() };
  }

  async function download(file: string, query = '') {
    const started = Date.now();
    const response = await fetch(`${api.base}/export/${file}${query}`);
    const text = await response.text();
    return { response, text, ms: Date.now() - started, bytes: Buffer.byteLength(text) };
  }

  function readWithNetworkx(graphmlText: string, gexfText: string) {
    const graphmlFile = path.join(dir, 'graph.graphml');
    const gexfFile = path.join(dir, 'graph.gexf');
    writeFileSync(graphmlFile, graphmlText);
    writeFileSync(gexfFile, gexfText);
    return JSON.parse(
      execFileSync(PYTHON, ['-c', NETWORKX_READER, graphmlFile, gexfFile], { encoding: 'utf8', maxBuffer: 64 << 20 }),
    );
  }

  describe('graph(...)', () => {
    it('without arguments is the whole graph: every entity and event, every edge among them, no provenance', async () => {
      const counts = await databaseCounts();
      const { graph } = await ok(`{ graph(limit: 2000) { ${GRAPH} } }`);
      expect(graph.nodes).toHaveLength(counts.nodes);
      expect(graph.edges).toHaveLength(counts.edges);
      expect(graph).toMatchObject({ totalNodes: counts.nodes, truncated: false });
      const ids = new Set(graph.nodes.map((n: { id: string }) => n.id));
      expect(ids.size).toBe(counts.nodes);
      for (const edge of graph.edges) {
        expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
        expect(['CITES', 'MENTIONED_IN']).not.toContain(edge.type);
      }
      expect(graph.nodes.find((n: { id: string }) => n.id === 'event/acquisition/oppo-wave-intelligence')).toEqual({
        id: 'event/acquisition/oppo-wave-intelligence',
        label: 'Acquisition',
        name: expect.stringContaining('OPPO'),
        kind: 'ACQUISITION',
        date: '2024-10',
      });
    });

    it('by seed and depth is the neighbourhood, seed first', async () => {
      const { graph, neighborhood } = await ok(
        `{ graph(seeds: ["org/moonshot-ai"], depth: 2) { ${GRAPH} } neighborhood(id: "org/moonshot-ai", depth: 2) { nodes { id: nodeId } edges { id: edgeId } } }`,
      );
      expect(graph.nodes[0].id).toBe('org/moonshot-ai');
      const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();
      expect(ids(graph.nodes)).toEqual(ids(neighborhood.nodes));
      expect(ids(graph.edges)).toEqual(ids(neighborhood.edges));
      const { graph: one } = await ok(`{ graph(seeds: ["org/moonshot-ai"], depth: 1) { ${GRAPH} } }`);
      expect(one.nodes.length).toBeLessThan(graph.nodes.length);
      const { graph: zero } = await ok(`{ graph(seeds: ["org/moonshot-ai", "org/oppo"], depth: 0) { ${GRAPH} } }`);
      expect(ids(zero.nodes)).toEqual(['org/moonshot-ai', 'org/oppo']);
    });

    it('by event kinds: those events and their participants only', async () => {
      const { graph } = await ok(`{ graph(kinds: [ACQUISITION]) { ${GRAPH} } }`);
      const events = graph.nodes.filter((n: { kind: string | null }) => n.kind);
      expect(events.length).toBeGreaterThan(0);
      expect(new Set(events.map((e: { kind: string }) => e.kind))).toEqual(new Set(['ACQUISITION']));
      const involved = new Set(
        graph.edges.filter((e: { type: string }) => e.type === 'INVOLVES').map((e: { target: string }) => e.target),
      );
      for (const n of graph.nodes.filter((x: { kind: string | null }) => !x.kind))
        expect(involved.has(n.id)).toBe(true);
      expect(graph.nodes.map((n: { id: string }) => n.id)).toEqual(
        expect.arrayContaining(['org/oppo', 'org/wave-intelligence']),
      );
    });

    it('by date range: only events dated inside it (partial dates, inclusive)', async () => {
      const { graph } = await ok(`{ graph(from: "2024-10", to: "2024-11") { ${GRAPH} } }`);
      const dates = graph.nodes.filter((n: { kind: string | null }) => n.kind).map((n: { date: string }) => n.date);
      expect(dates.length).toBeGreaterThan(0);
      for (const date of dates) expect(date >= '2024-10' && date <= '2024-11\uffff').toBe(true);
      expect(dates).toContain('2024-10');
    });

    it('is capped by limit, nearest the seed first, and says so', async () => {
      const { graph } = await ok(`{ graph(seeds: ["org/moonshot-ai"], depth: 3, limit: 5) { ${GRAPH} } }`);
      expect(graph.nodes).toHaveLength(5);
      expect(graph.nodes[0].id).toBe('org/moonshot-ai');
      expect(graph.truncated).toBe(true);
      expect(graph.totalNodes).toBeGreaterThan(5);
    });

    it.each([
      ['depth: 4', 'depth'],
      ['limit: 0', 'limit'],
      ['limit: 2001', 'limit'],
      ['from: "2024-12", to: "2024-01"', 'to'],
    ])('rejects %s as BAD_USER_INPUT naming %s', async (args, argument) => {
      const body = await api.gql(`{ graph(${args}) { totalNodes } }`);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    });
  });

  describe('exports', () => {
    it('the whole graph, read back by networkx (GraphML, GEXF) and cytoscape (JSON): counts equal the graph’s', async () => {
      const counts = await databaseCounts();
      const json = await download('graph.json');
      const graphml = await download('graph.graphml');
      const gexf = await download('graph.gexf');
      for (const file of [json, graphml, gexf]) {
        expect(file.response.status).toBe(200);
        // streamed: written as rows arrive, so the length is not known up front
        expect(file.response.headers.get('transfer-encoding')).toBe('chunked');
        expect(file.response.headers.get('content-disposition')).toMatch(
          /^attachment; filename="graph\.(json|graphml|gexf)"$/,
        );
      }
      console.log(
        `exports of the whole graph (${counts.nodes} nodes, ${counts.edges} edges): ` +
          [json, graphml, gexf]
            .map((f, i) => `${['json', 'graphml', 'gexf'][i]} ${f.bytes} B in ${f.ms} ms`)
            .join(', '),
      );

      const cy = cytoscape({ headless: true, elements: JSON.parse(json.text).elements });
      expect(cy.nodes()).toHaveLength(counts.nodes);
      expect(cy.edges()).toHaveLength(counts.edges);
      expect(cy.getElementById('org/moonshot-ai').data()).toMatchObject({ label: 'Organization', name: '月之暗面' });
      expect(cy.getElementById('org/moonshot-ai').connectedEdges().length).toBeGreaterThan(0);

      const read = readWithNetworkx(graphml.text, gexf.text);
      expect(read.version).toMatch(/^2\.8\./); // what .ci/run installs (Debian's python3-networkx)
      for (const format of ['graphml', 'gexf']) {
        expect({ format, nodes: read[format].nodes, edges: read[format].edges }).toEqual({
          format,
          nodes: counts.nodes,
          edges: counts.edges,
        });
        expect(read[format].nodeData['org/moonshot-ai']).toMatchObject({
          label: '月之暗面',
          type: 'Organization',
          names: '月之暗面 | Moonshot AI',
        });
      }
      // GEXF for Gephi's timeline: dynamic mode, dated events and their role edges carry start/end days
      expect(read.gexf.graph.mode).toBe('dynamic');
      expect(read.gexf.nodeData['event/acquisition/oppo-wave-intelligence']).toMatchObject({
        kind: 'ACQUISITION',
        start: '2024-10-01',
        end: '2024-10-31',
      });
      expect(read.gexf.nodeData['org/oppo'].start).toBeUndefined();
      const role = read.gexf.edgeData.find(
        (e: { source: string; role: string }) =>
          e.source === 'event/acquisition/oppo-wave-intelligence' && e.role === 'acquirer',
      );
      expect(role).toMatchObject({ target: 'org/oppo', type: 'INVOLVES', start: '2024-10-01', end: '2024-10-31' });
      expect(read.graphml.nodeData['event/acquisition/oppo-wave-intelligence']).toMatchObject({
        start: '2024-10-01',
        end: '2024-10-31',
      });
      // the exact quote of a stable relationship survives the trip
      const { graph } = await ok(
        '{ graph(seeds: ["person/yang-zhilin"], depth: 1) { edges { source target type quote } } }',
      );
      const founded = graph.edges.find(
        (e: { type: string; target: string }) => e.type === 'FOUNDED' && e.target === 'org/moonshot-ai',
      );
      const readBack = read.graphml.edgeData.find(
        (e: { source: string; target: string; type: string }) =>
          e.source === founded.source && e.target === founded.target && e.type === 'FOUNDED',
      );
      expect(readBack.quote).toBe(founded.quote);
    });

    it('a selection exports exactly what graph(...) returns for the same arguments', async () => {
      const { graph } = await ok(
        `{ graph(seeds: ["org/moonshot-ai"], depth: 2, kinds: [ARBITRATION, TALENT_MOVE, STATEMENT]) { ${GRAPH} } }`,
      );
      const query = '?seeds=org/moonshot-ai&depth=2&kinds=ARBITRATION,TALENT_MOVE&kinds=STATEMENT';
      const json = JSON.parse((await download('graph.json', query)).text);
      expect(json.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(
        graph.nodes.map((n: { id: string }) => n.id),
      );
      expect(json.elements.edges.map((e: { data: { id: string } }) => e.data.id)).toEqual(
        graph.edges.map((e: { id: string }) => e.id),
      );
      const read = readWithNetworkx(
        (await download('graph.graphml', query)).text,
        (await download('graph.gexf', query)).text,
      );
      expect([read.graphml.nodes, read.graphml.edges, read.gexf.nodes, read.gexf.edges]).toEqual([
        graph.nodes.length,
        graph.edges.length,
        graph.nodes.length,
        graph.edges.length,
      ]);
    });

    it('every node carries its degree, pagerank and community on the selection: the same in graph(...), JSON, GraphML and GEXF, read back by cytoscape, graphology and networkx', async () => {
      const { graph } = await ok(
        '{ graph(seeds: ["org/moonshot-ai"], depth: 2) { nodes { id: nodeId degree pagerank community } } }',
      );
      const query = '?seeds=org/moonshot-ai&depth=2';
      const [json, graphml, gexf] = await Promise.all(
        ['graph.json', 'graph.graphml', 'graph.gexf'].map((file) => download(file, query)),
      );
      const ids: string[] = graph.nodes.map((n: { id: string }) => n.id);
      // degree as Neo4j counts it: the edges between two nodes of the selection
      const { records } = await api.graph.driver.executeQuery(
        `MATCH (n {id: 'org/moonshot-ai'})-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]-(m) WHERE m.id IN $ids RETURN count(r) AS degree`,
        { ids },
      );
      const moonshotDegree = records[0]!.get('degree').toNumber();
      const expected = Object.fromEntries(
        graph.nodes.map((n: { id: string; degree: number; pagerank: number; community: number }) => [
          n.id,
          { degree: n.degree, pagerank: n.pagerank, community: n.community },
        ]),
      );
      expect(expected['org/moonshot-ai'].degree).toBe(moonshotDegree);
      const KNOWN = [
        'org/moonshot-ai',
        'person/yang-zhilin',
        'person/zhang-yutao',
        'org/gsr-ventures',
        'group/six-little-tigers',
      ];
      for (const id of KNOWN) expect(expected[id]).toBeDefined();

      const cy = cytoscape({ headless: true, elements: JSON.parse(json.text).elements });
      const fromGraphml = parseGraphml(Graph, graphml.text);
      const fromGexf = parseGexf(Graph, gexf.text);
      const read = readWithNetworkx(graphml.text, gexf.text);
      const pick = (d: Record<string, unknown>) => ({ degree: d.degree, pagerank: d.pagerank, community: d.community });
      for (const id of ids) {
        expect({ id, ...pick(cy.getElementById(id).data()) }).toEqual({ id, ...expected[id] });
        expect({ id, ...pick(fromGraphml.getNodeAttributes(id)) }).toEqual({ id, ...expected[id] });
        expect({ id, ...pick(fromGexf.getNodeAttributes(id)) }).toEqual({ id, ...expected[id] });
        expect({ id, ...pick(read.graphml.nodeData[id]) }).toEqual({ id, ...expected[id] });
        expect({ id, ...pick(read.gexf.nodeData[id]) }).toEqual({ id, ...expected[id] });
      }
      // the values themselves, recomputed by networkx from the file: the same degrees, the same PageRank
      const graphmlFile = path.join(dir, 'metrics.graphml');
      writeFileSync(graphmlFile, graphml.text);
      const networkx = JSON.parse(execFileSync(PYTHON, ['-c', NETWORKX_METRICS, graphmlFile], { encoding: 'utf8' }));
      for (const id of ids) {
        expect({ id, degree: networkx[id].degree }).toEqual({ id, degree: expected[id].degree });
        expect(Math.abs(networkx[id].pagerank - expected[id].pagerank)).toBeLessThan(1e-5);
      }
      // Gephi's "size by degree" needs no plugin: declared as numbers
      expect(graphml.text).toContain('<key id="n_degree" for="node" attr.name="degree" attr.type="int"/>');
      expect(gexf.text).toContain('<attribute id="pagerank" title="pagerank" type="double"/>');
    });

    it('GEXF 1.2 by default, which Debian’s networkx reads as installed; ?version=1.3 for readers of 1.3, which that networkx refuses', async () => {
      const query = '?seeds=org/moonshot-ai&depth=1';
      const [defaulted, v12, v13] = await Promise.all([
        download('graph.gexf', query),
        download('graph.gexf', `${query}&version=1.2`),
        download('graph.gexf', `${query}&version=1.3`),
      ]);
      expect(defaulted.text).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"');
      expect(v12.text).toBe(defaulted.text);
      expect(v13.text).toContain('<gexf xmlns="http://gexf.net/1.3"');
      const networkxSays = (text: string) => {
        const file = path.join(dir, 'versioned.gexf');
        writeFileSync(file, text);
        return execFileSync(PYTHON, ['-c', NETWORKX_GEXF_ERROR, file], { encoding: 'utf8' }).trim();
      };
      const { graph } = await ok('{ graph(seeds: ["org/moonshot-ai"], depth: 1) { totalNodes } }');
      expect(networkxSays(defaulted.text)).toBe(String(graph.totalNodes));
      expect(networkxSays(v13.text)).toMatch(/NetworkXError: No <graph> element in GEXF file/);
      // both versions keep the dynamic attributes and the typed metrics (graphology reads either)
      for (const text of [defaulted.text, v13.text]) {
        expect(text).toMatch(/<graph mode="dynamic" defaultedgetype="directed" timeformat="date"/);
        expect(parseGexf(Graph, text).getNodeAttributes('org/moonshot-ai')).toMatchObject({
          degree: expect.any(Number),
          community: expect.any(Number),
        });
      }
      expect(Number.isInteger(parseGexf(Graph, defaulted.text).getNodeAttribute('org/moonshot-ai', 'degree'))).toBe(
        true,
      );
    });

    it('igraph reads the GraphML export: integer columns numerically, and as integers through networkx', async () => {
      const { graph } = await ok(
        '{ graph(seeds: ["org/moonshot-ai"], depth: 1) { nodes { nodeId degree community } } }',
      );
      const file = path.join(dir, 'igraph.graphml');
      writeFileSync(file, (await download('graph.graphml', '?seeds=org/moonshot-ai&depth=1')).text);
      const read = JSON.parse(execFileSync(PYTHON, ['-c', IGRAPH_READER, file], { encoding: 'utf8' }));
      for (const n of graph.nodes as { nodeId: string; degree: number; community: number }[]) {
        expect({ id: n.nodeId, direct: read.direct[n.nodeId] }).toEqual({ id: n.nodeId, direct: ['float', n.degree] });
        expect({ id: n.nodeId, via: read.via[n.nodeId], community: read.communityVia[n.nodeId] }).toEqual({
          id: n.nodeId,
          via: ['int', n.degree],
          community: ['int', n.community],
        });
      }
    });

    it.each([
      ['graph.gexf', '?version=1.4', 'version'],
      ['graph.graphml', '?version=1.2', 'version'],
    ])('%s%s → 400 naming %s', async (file, query, parameter) => {
      const { response, text } = await download(file, query);
      expect(response.status).toBe(400);
      expect(JSON.parse(text).error).toMatchObject({ parameter });
    });

    it.each([
      ['?depth=4', 'depth'],
      ['?kinds=ACQUISITION,BOGUS', 'kinds'],
      ['?from=2024-13', 'from'],
      ['?from=2024-12&to=2024-01', 'to'],
      ['?limit=abc', 'limit'],
      ['?colour=red', 'colour'],
    ])('%s → 400 with a JSON error naming %s', async (query, parameter) => {
      const { response, text } = await download('graph.gexf', query);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(text).error).toMatchObject({ parameter, message: expect.stringContaining(parameter) });
    });
  });
});
