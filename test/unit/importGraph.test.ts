import path from 'node:path';
import { LAYERS } from '../../src/layers';
import { importCycles, layerViolations, readImportGraph, type ImportEdge } from '../support/importGraph';

const SRC = path.resolve(__dirname, '../../src');
const edges = readImportGraph(SRC);
const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly });

describe('the import graph of src/', () => {
  it('is read from the sources: every module of src/ is there, with runtime and type imports', () => {
    const files = new Set(edges.flatMap((e) => [e.from, e.to]));
    expect(files.has(path.join('graphql', 'schema.ts'))).toBe(true);
    expect(edges).toContainEqual(edge(path.join('store', 'events.store.ts'), path.join('model', 'sortKeys.ts')));
    expect(edges.some((e) => e.typeOnly)).toBe(true);
  });

  it('has no import cycle, runtime or type-only', () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it('has no import that runs up a layer or sideways to a peer (src/layers.ts), type imports included', () => {
    expect(layerViolations(edges, LAYERS)).toEqual([]);
  });

  it('places every layer of src/layers.ts on a module that exists, once', () => {
    const modules = LAYERS.flat();
    expect(new Set(modules).size).toBe(modules.length);
    const present = new Set(edges.flatMap((e) => [e.from, e.to]).map((f) => f.split(path.sep)[0].replace(/\.ts$/, '')));
    expect(modules.filter((m) => !present.has(m) && m !== 'layers')).toEqual([]);
  });
});

describe('the checks name the file pair', () => {
  it('of a cycle, with its shortest path', () => {
    const cycles = importCycles([
      edge('facts/factWriter.ts', 'store/facts.store.ts'),
      edge('store/facts.store.ts', 'store/stats.store.ts'),
      edge('store/stats.store.ts', 'facts/factWriter.ts'),
      edge('store/stats.store.ts', 'model/sortKeys.ts'),
      edge('a.ts', 'a.ts'),
    ]);
    expect(cycles.sort()).toEqual([
      'a.ts → a.ts',
      'facts/factWriter.ts → store/facts.store.ts → store/stats.store.ts → facts/factWriter.ts',
    ]);
  });

  it('of an upward, a sideways and an unplaced import', () => {
    const layers = [['http'], ['graphql'], ['facts', 'changes'], ['store']];
    expect(
      layerViolations(
        [
          edge('http/app.ts', 'graphql/schema.ts'),
          edge('store/facts.store.ts', 'facts/facts.ts'),
          edge('changes/tailer.ts', 'facts/factWriter.ts', true),
          edge('graphql/context.ts', 'nowhere/x.ts', true),
        ],
        layers,
      ),
    ).toEqual([
      'store/facts.store.ts imports facts/facts.ts: store is below facts',
      'changes/tailer.ts imports types from facts/factWriter.ts: changes and facts are peers in one layer',
      'nowhere/x.ts: module "nowhere" is in no layer of src/layers.ts',
    ]);
  });
});
