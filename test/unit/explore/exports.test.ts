import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { buildGexf, buildGraphml, buildJson, rgb, xml } from '../../../web/explore/exports.js';
import type { View } from '../../../web/explore/types';

const view: View = {
  description: 'around 月之暗面 · as of 2024-05',
  nodes: [
    {
      id: 'org/moonshot-ai',
      label: 'Organization',
      name: '月之暗面 & "Moonshot" <AI>',
      short: '月之暗面',
      kind: null,
      date: null,
      isEvent: 0,
      degree: 3,
      pagerank: 0.4,
      community: 0,
      x: 10.123,
      y: 20,
      size: 40,
      color: '#d62728',
    },
    {
      id: 'person/yang-zhilin',
      label: 'Person',
      name: '楊植麟',
      short: '楊植麟',
      kind: null,
      date: null,
      isEvent: 0,
      degree: 1,
      pagerank: 0.2,
      community: 1,
      x: -50,
      y: 80.5,
      size: 24,
      color: 'rgb(31, 119, 180)',
    },
    {
      id: 'event/x',
      label: 'Arbitration',
      name: 'An arbitration',
      short: 'An arbitration',
      kind: 'ARBITRATION',
      date: '2024',
      isEvent: 1,
      degree: 1,
      pagerank: 0.1,
      community: 0,
      x: 0,
      y: 0,
      size: 14,
      color: '#ff7f0e',
    },
  ],
  edges: [
    {
      id: 'e:1',
      source: 'person/yang-zhilin',
      target: 'org/moonshot-ai',
      type: 'FOUNDED',
      role: '創始人',
      quote: '月之暗面創始人楊植麟',
      caption: '創始人',
    },
    {
      id: 'e:2',
      source: 'event/x',
      target: 'org/moonshot-ai',
      type: 'INVOLVES',
      role: 'respondent',
      quote: null,
      caption: 'respondent',
    },
  ],
};

describe('explorer exports of the view', () => {
  it('escapes what XML cannot hold raw, and reads colours either way', () => {
    expect(xml('a & b < "c"\n')).toBe('a &amp; b &lt; &quot;c&quot;&#10;');
    expect(xml('bell\u0007')).toBe('bell');
    expect(rgb('#d62728')).toEqual([214, 39, 40]);
    expect(rgb('rgb(31, 119, 180)')).toEqual([31, 119, 180]);
  });

  it('GraphML: the same nodes and edges, with Gephi position and colour attributes (y up)', () => {
    const text = buildGraphml(view);
    const graph = parseGraphml(Graph, text);
    expect(graph.nodes().sort()).toEqual(view.nodes.map((n) => n.id).sort());
    expect(graph.edges().sort()).toEqual(['e:1', 'e:2']);
    expect(graph.getNodeAttributes('org/moonshot-ai')).toMatchObject({
      label: '月之暗面 & "Moonshot" <AI>',
      type: 'Organization',
      x: 10.12,
      y: -20,
      size: 40,
      degree: 3,
    });
    // graphology reads Gephi's r, g, b attributes as one colour, as Gephi does
    expect(graph.getNodeAttribute('org/moonshot-ai', 'color')).toBe('#d62728');
    expect(graph.getNodeAttributes('event/x')).toMatchObject({ kind: 'ARBITRATION', date: '2024' });
    expect(graph.getEdgeAttributes('e:1')).toMatchObject({
      type: 'FOUNDED',
      role: '創始人',
      quote: '月之暗面創始人楊植麟',
    });
    expect(graph.source('e:1')).toBe('person/yang-zhilin');
  });

  it('GEXF: viz:position, viz:size and viz:color for every node', () => {
    const text = buildGexf(view, '2024-12-31');
    const graph = parseGexf(Graph, text);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
    expect(graph.getNodeAttributes('person/yang-zhilin')).toMatchObject({
      label: '楊植麟',
      x: -50,
      y: -80.5,
      size: 24,
      color: 'rgb(31,119,180)',
      type: 'Person',
      community: 1,
    });
    expect(text.match(/<viz:position /g)).toHaveLength(3);
    expect(text).toContain('as of 2024-05');
  });

  it('Cytoscape JSON: elements with positions as on screen', () => {
    const json = JSON.parse(buildJson(view));
    expect(json.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(view.nodes.map((n) => n.id));
    expect(json.elements.nodes[1].position).toEqual({ x: -50, y: 80.5 });
    expect(json.elements.edges).toHaveLength(2);
    expect(json.data).toMatchObject({ nodes: 3, edges: 2 });
  });
});
