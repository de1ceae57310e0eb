import { arcAround, hashString, seededRandom, separate, withSeededRandom } from '../../../web/explore/layout.js';
import { placeLabels } from '../../../web/explore/labels.js';

describe('explorer layout geometry', () => {
  it('draws the same numbers from the same seed, and gives Math.random back', () => {
    const a = seededRandom(hashString('org/a|org/b'));
    const b = seededRandom(hashString('org/a|org/b'));
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
    expect(seededRandom(hashString('org/a|org/c'))()).not.toBe(first[0]);
    const original = Math.random;
    const inside = withSeededRandom(7, () => [Math.random(), Math.random()]);
    expect(withSeededRandom(7, () => [Math.random(), Math.random()])).toEqual(inside);
    expect(Math.random).toBe(original);
  });

  it('pushes overlapping boxes apart and never moves a fixed one', () => {
    const boxes = [
      { x1: 0, x2: 20, y1: 0, y2: 20 },
      { x1: 10, x2: 30, y1: 5, y2: 25 },
      { x1: 12, x2: 32, y1: 0, y2: 20 },
    ];
    const shift = separate(boxes, [false, true, true]);
    expect(shift[0]).toEqual({ x: 0, y: 0 });
    const moved = boxes.map((b, i) => ({
      x1: b.x1 + shift[i]!.x,
      x2: b.x2 + shift[i]!.x,
      y1: b.y1 + shift[i]!.y,
      y2: b.y2 + shift[i]!.y,
    }));
    for (let i = 0; i < moved.length; i++) {
      for (let j = i + 1; j < moved.length; j++) {
        const [a, b] = [moved[i]!, moved[j]!];
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
      }
    }
  });

  it('opens new nodes on arcs facing away from the graph', () => {
    const spots = arcAround({ x: 100, y: 0 }, { x: 0, y: 0 }, 5);
    expect(spots).toHaveLength(5);
    for (const p of spots) {
      expect(Math.hypot(p.x - 100, p.y)).toBeCloseTo(110, 5);
      // on the far side of the anchor from the centre, or beside it, never back over the graph
      expect(p.x).toBeGreaterThan(40);
    }
    expect(arcAround({ x: 0, y: 0 }, { x: 0, y: 0 }, 40).length).toBe(40);
  });

  it('labels: the most central first, none covering another, hovered ones always', () => {
    const at = (id: string, x: number, priority: number, always = false) => ({
      id,
      x,
      y: 100,
      r: 5,
      width: 60,
      height: 14,
      priority,
      always,
    });
    const placed = placeLabels(
      [at('a', 100, 1), at('b', 130, 2), at('c', 300, 0.5), at('d', 330, 0.1, true), at('off', 5000, 3)],
      { width: 800, height: 600 },
    );
    expect([...placed].sort()).toEqual(['b', 'd']);
    // zoomed in, the same nodes are far apart: all fit
    const wide = placeLabels([at('a', 100, 1), at('b', 300, 2), at('c', 500, 0.5)], { width: 800, height: 600 });
    expect(wide.size).toBe(3);
  });
});
