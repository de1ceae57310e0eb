// @ts-check
// Layouts that hold still. A whole layout is seeded by the view (same nodes → same positions);
// an expansion places only the new nodes, beside the node they came from, and never moves the
// others. The geometry (seeded random numbers, placement, overlap removal) is pure and
// unit-tested; `layoutAll` and `placeNew` apply it to a Cytoscape graph.

/** @typedef {{ x1: number, x2: number, y1: number, y2: number }} Box */
/** @typedef {{ x: number, y: number }} Point */

/** A string's 32-bit FNV-1a hash: the seed of a view's layout. @param {string} text */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * mulberry32: a small seeded generator of numbers in [0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `work` with Math.random seeded (fcose and cose-base draw their start from it), then puts
 * Math.random back. `work` must be synchronous (layouts run with animate: false).
 * @template T
 * @param {number} seed
 * @param {() => T} work
 * @returns {T}
 */
export function withSeededRandom(seed, work) {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}

const GAP = 6;

/**
 * Pushes apart boxes that overlap (labels included), moving only the movable ones: a movable box
 * against a fixed one takes the whole move, two movable ones half each. Returns each box's shift.
 * @param {Box[]} input
 * @param {boolean[]} movable
 * @param {number} [rounds]
 * @returns {Point[]}
 */
export function separate(input, movable, rounds = 200) {
  const boxes = input.map((b) => ({ ...b }));
  const shift = boxes.map(() => ({ x: 0, y: 0 }));
  /** @param {number} i @param {number} dx @param {number} dy */
  const move = (i, dx, dy) => {
    const b = /** @type {Box} */ (boxes[i]);
    b.x1 += dx;
    b.x2 += dx;
    b.y1 += dy;
    b.y2 += dy;
    const s = /** @type {Point} */ (shift[i]);
    s.x += dx;
    s.y += dy;
  };
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const mi = movable[i];
        const mj = movable[j];
        if (!mi && !mj) continue;
        const a = /** @type {Box} */ (boxes[i]);
        const b = /** @type {Box} */ (boxes[j]);
        const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + GAP;
        const oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + GAP;
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        const share = mi && mj ? 0.5 : 1;
        // apart along the axis that needs the smaller move
        if (ox < oy) {
          const d = (a.x1 + a.x2 < b.x1 + b.x2 ? -1 : 1) * (ox * share + 0.5);
          if (mi) move(i, d, 0);
          if (mj) move(j, -d, 0);
        } else {
          const d = (a.y1 + a.y2 < b.y1 + b.y2 ? -1 : 1) * (oy * share + 0.5);
          if (mi) move(i, 0, d);
          if (mj) move(j, 0, -d);
        }
      }
    }
    if (!moved) break;
  }
  return shift;
}

/**
 * Starting spots for `count` new nodes around `anchor`, on arcs facing away from the rest of the
 * graph (`centre`), ring after ring, so they open into free space.
 * @param {Point} anchor
 * @param {Point} centre
 * @param {number} count
 * @param {number} [spacing]
 * @returns {Point[]}
 */
export function arcAround(anchor, centre, count, spacing = 70) {
  let dx = anchor.x - centre.x;
  let dy = anchor.y - centre.y;
  const length = Math.hypot(dx, dy);
  const facing = length < 1 ? 0 : Math.atan2(dy, dx);
  // a node at the centre of the graph opens all around; one at the rim opens outwards
  const sweep = length < 1 ? 2 * Math.PI : (4 * Math.PI) / 3;
  const spots = [];
  let ring = 0;
  while (spots.length < count) {
    const radius = 110 + 80 * ring;
    const fits = Math.max(1, Math.floor((radius * sweep) / spacing));
    const here = Math.min(fits, count - spots.length);
    for (let k = 0; k < here; k++) {
      const t = here === 1 ? 0.5 : sweep >= 2 * Math.PI ? k / here : k / (here - 1);
      const angle = facing - sweep / 2 + sweep * t;
      spots.push({ x: anchor.x + radius * Math.cos(angle), y: anchor.y + radius * Math.sin(angle) });
    }
    ring += 1;
  }
  return spots;
}

/**
 * Runs `work` with every label drawn at its size at zoom 1, so that layouts and overlap checks
 * make room for all labels (labels.js then draws those that fit the zoom).
 * @template T
 * @param {import('./types').Core} cy
 * @param {() => T} work
 * @returns {T}
 */
function withAllLabels(cy, work) {
  const nodes = cy.nodes();
  const saved = nodes.map((n) => [n.data('fontSize'), n.data('textWidth'), n.hasClass('labelled')]);
  cy.batch(() =>
    nodes.forEach((n) => void n.data({ fontSize: n.data('isEvent') ? 10.5 : 12, textWidth: 150 }).addClass('labelled')),
  );
  try {
    return work();
  } finally {
    cy.batch(() =>
      nodes.forEach((n, i) => {
        const [fontSize, textWidth, labelled] = /** @type {[number, number, boolean]} */ (saved[i]);
        n.data({ fontSize, textWidth });
        if (!labelled) n.removeClass('labelled');
      }),
    );
  }
}

/** Each node's box, its label included. @param {import('./types').NodeCollection} nodes */
function nodeBoxes(nodes) {
  return nodes.map((n) => {
    const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
    return { x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 };
  });
}

/**
 * Lays out every shown node afresh: fcose seeded by the view (its node ids), or another named
 * layout; then labels are pushed clear of each other.
 * @param {import('./types').Core} cy
 * @param {string} name fcose | concentric | breadthfirst | circle | grid
 */
export function layoutAll(cy, name = 'fcose') {
  withAllLabels(cy, () => layoutAllLabelled(cy, name));
}

/** @param {import('./types').Core} cy @param {string} name */
function layoutAllLabelled(cy, name) {
  const nodes = cy.nodes(':visible');
  if (!nodes.length) return;
  const seed = hashString(
    nodes
      .map((n) => n.id())
      .sort()
      .join('|'),
  );
  /** @type {any} */
  const options =
    name === 'fcose'
      ? {
          name: 'fcose',
          quality: 'proof',
          randomize: true,
          animate: false,
          fit: false,
          nodeDimensionsIncludeLabels: true,
          nodeRepulsion: () => 12000,
          idealEdgeLength: () => 90,
          nodeSeparation: 60,
          packComponents: true,
        }
      : name === 'concentric'
        ? {
            name,
            animate: false,
            fit: false,
            minNodeSpacing: 30,
            concentric: (/** @type {any} */ n) => n.data('degree'),
            levelWidth: () => 2,
          }
        : name === 'breadthfirst'
          ? {
              name,
              animate: false,
              fit: false,
              spacingFactor: 1.1,
              roots: cy.$(':selected').nonempty() ? cy.$(':selected') : undefined,
            }
          : { name, animate: false, fit: false, avoidOverlap: true, spacingFactor: 1.2 };
  withSeededRandom(seed, () => nodes.layout(options).run());
  if (nodes.length <= 800) {
    const shift = separate(
      nodeBoxes(nodes),
      nodes.map(() => true),
    );
    cy.batch(() =>
      nodes.forEach((n, k) => {
        const s = /** @type {Point} */ (shift[k]);
        if (s.x || s.y) n.position({ x: n.position('x') + s.x, y: n.position('y') + s.y });
      }),
    );
  }
}

/**
 * Places `fresh` nodes (just added) beside `anchor` or beside the shown nodes they link to,
 * leaving every other node where it is.
 * @param {import('./types').Core} cy
 * @param {import('./types').NodeCollection} fresh
 * @param {import('./types').NodeSingular | null} anchor
 */
export function placeNew(cy, fresh, anchor) {
  if (!fresh.length) return;
  const old = cy.nodes(':visible').difference(fresh);
  if (!old.length) {
    layoutAll(cy);
    return;
  }
  const bb = old.boundingBox({});
  const centre = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
  // group the new nodes by the shown node they hang from (the anchor first)
  /** @type {Map<string, import('./types').NodeSingular[]>} */
  const groups = new Map();
  fresh.forEach((n) => {
    const linked = n.neighborhood('node').intersection(old);
    const from =
      anchor && linked.contains(anchor)
        ? anchor
        : linked.nonempty()
          ? linked.sort((a, b) => (a.id() < b.id() ? -1 : 1))[0]
          : anchor;
    const key = from ? from.id() : '';
    groups.set(key, [...(groups.get(key) || []), n]);
  });
  cy.batch(() => {
    for (const [key, members] of groups) {
      const at = key ? cy.getElementById(key).position() : { x: bb.x2 + 120, y: centre.y };
      const spots = arcAround(at, centre, members.length);
      members.forEach((n, i) => n.position(/** @type {Point} */ ({ ...spots[i] })));
    }
  });
  const all = cy.nodes(':visible');
  if (all.length <= 800)
    withAllLabels(cy, () => {
      const isFresh = all.map((n) => fresh.contains(n));
      const shift = separate(nodeBoxes(all), isFresh);
      cy.batch(() =>
        all.forEach((n, k) => {
          const s = /** @type {Point} */ (shift[k]);
          if (isFresh[k] && (s.x || s.y)) n.position({ x: n.position('x') + s.x, y: n.position('y') + s.y });
        }),
      );
    });
}
