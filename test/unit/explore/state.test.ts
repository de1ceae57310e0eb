import {
  canAddSeed,
  describe as describeSelection,
  filterVariables,
  History,
  linkFor,
  MAX_SEEDS,
  selectionFromLink,
  withSeed,
} from '../../../web/explore/state.js';

describe('explorer state', () => {
  it('reads and writes deep links, one for one', () => {
    const start = 'org/moonshot-ai';
    expect(selectionFromLink('', start)).toEqual({ kind: 'seeds', seeds: [start] });
    expect(selectionFromLink('?id=person/yang-zhilin', start)).toEqual({
      kind: 'seeds',
      seeds: ['person/yang-zhilin'],
    });
    expect(selectionFromLink('?seeds=a,b', start)).toEqual({ kind: 'seeds', seeds: ['a', 'b'] });
    expect(selectionFromLink('?view=whole', start)).toEqual({ kind: 'whole' });
    expect(selectionFromLink('?view=flow', start)).toEqual({ kind: 'flow' });
    expect(selectionFromLink('?path=a,b', start)).toEqual({ kind: 'path', from: 'a', to: 'b' });
    for (const selection of [
      { kind: 'seeds' as const, seeds: ['org/moonshot-ai'] },
      { kind: 'seeds' as const, seeds: ['org/moonshot-ai', 'person/yang-zhilin'] },
      { kind: 'whole' as const },
      { kind: 'flow' as const },
      { kind: 'path' as const, from: 'org/oppo', to: 'person/yang-zhilin' },
    ]) {
      expect(selectionFromLink(linkFor(selection), start)).toEqual(selection);
    }
    expect(linkFor({ kind: 'seeds', seeds: ['org/moonshot-ai'] })).toBe('?id=org/moonshot-ai');
  });

  it('adds a seed once, and no more than the API takes', () => {
    const one = { kind: 'seeds' as const, seeds: ['a'] };
    expect(withSeed(one, 'b')).toEqual({ kind: 'seeds', seeds: ['a', 'b'] });
    expect(one.seeds).toEqual(['a']);
    expect(withSeed(one, 'a')).toBe(one);
    const full = { kind: 'seeds' as const, seeds: Array.from({ length: MAX_SEEDS }, (_, i) => `n${i}`) };
    expect(canAddSeed(full)).toBe(false);
    expect(withSeed(full, 'x')).toBe(full);
    expect(canAddSeed({ kind: 'whole' })).toBe(false);
    expect(withSeed({ kind: 'whole' }, 'x')).toEqual({ kind: 'whole' });
  });

  it('asks the API for kinds only when some are hidden or dates are set', () => {
    const all = ['ACQUISITION', 'TALENT_MOVE'];
    expect(filterVariables(all, new Set(), { from: null, to: null })).toEqual({ kinds: null, from: null, to: null });
    expect(filterVariables(all, new Set(['TALENT_MOVE']), { from: null, to: null })).toEqual({
      kinds: ['ACQUISITION'],
      from: null,
      to: null,
    });
    expect(filterVariables(all, new Set(), { from: '2024-06', to: null })).toEqual({
      kinds: all,
      from: '2024-06',
      to: null,
    });
  });

  it('undoes the latest change first, and keeps at most its limit', () => {
    const history = new History<string>(2);
    const snap = (label: string) => ({
      label,
      selection: { kind: 'whole' as const },
      elements: label,
      hidden: [],
      expanded: [],
    });
    expect(history.undo()).toBeUndefined();
    expect(history.next).toBeNull();
    history.push(snap('one'));
    history.push(snap('two'));
    history.push(snap('three'));
    expect(history.size).toBe(2);
    expect(history.next).toBe('three');
    expect(history.undo()!.elements).toBe('three');
    expect(history.undo()!.elements).toBe('two');
    expect(history.undo()).toBeUndefined();
  });

  it('says what a view is', () => {
    const names: Record<string, string> = { a: '月之暗面', b: '楊植麟' };
    const nameOf = (id: string) => names[id] ?? id;
    expect(describeSelection({ kind: 'seeds', seeds: ['a'] }, nameOf)).toBe('around 月之暗面');
    expect(describeSelection({ kind: 'path', from: 'a', to: 'b' }, nameOf)).toBe('path from 月之暗面 to 楊植麟');
    expect(describeSelection({ kind: 'flow' }, nameOf)).toBe('talent flow');
  });
});
