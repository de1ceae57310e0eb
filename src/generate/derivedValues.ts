import { DERIVED_STEPS } from '../db/derived';
import { MOVE_DESTINATION_ROLE } from '../model/registry';
import { tallyPeriod, UNDATED } from '../model/sortKeys';
import { RelationshipType } from '../model/vocabulary';
import { eventTallyId, tallyKeys } from '../store/stats.store';
import type { NodeRecord, Records } from './records';

/**
 * The derived data of src/db/derived.ts (entity stats, event tallies) computed while the generator
 * writes its CSV, so that a generated store needs no recompute through transactions after the
 * import (issue 20, part 4): the same values as cypher/queries/facts.cypher#refreshEntityStats and
 * stats.cypher#countEventTallies/#countMoveTallies compute from the stored graph.
 * test/integration/scale-plans.test.ts recomputes them on a generated store and compares.
 */
const STABLE = new Set<string>(Object.values(RelationshipType));
/** refreshEntityStats: a degree's sort key is its decimal digits padded to 10 (`right('000000000' + …, 10)`). */
const pad10 = (n: number) => String(n).padStart(10, '0').slice(-10);

export class DerivedValues {
  private readonly degree = new Map<string, number>();
  /** The highest dated INVOLVES sortKey of each entity (dated: below UNDATED). */
  private readonly latestKey = new Map<string, string>();
  /** By tally id: a date of the period (for tallyKeys) and how many events. */
  private readonly events = new Map<string, { kind: string; date: string | null; count: number }>();
  private readonly moves = new Map<string, number>();

  private bump(id: string): void {
    this.degree.set(id, (this.degree.get(id) ?? 0) + 1);
  }

  /** Counts what a chunk's records add: INVOLVES edges and stable relationships, events, moves. */
  add({ nodes, relationships }: Records): void {
    for (const r of relationships) {
      if (r.type === 'INVOLVES') {
        const { entityId, sortKey, role } = r.props as { entityId: string; sortKey: string | null; role: string };
        this.bump(r.to.id);
        if (sortKey !== null && sortKey < UNDATED) {
          const seen = this.latestKey.get(r.to.id);
          if (seen === undefined || sortKey > seen) this.latestKey.set(r.to.id, sortKey);
        }
        if (role === MOVE_DESTINATION_ROLE && sortKey !== null)
          this.moves.set(entityId, (this.moves.get(entityId) ?? 0) + 1);
      } else if (STABLE.has(r.type)) {
        if (r.from.id === r.to.id) throw new Error(`a generated relationship loops on ${r.from.id}`);
        this.bump(r.from.id);
        this.bump(r.to.id);
      }
    }
    for (const n of nodes) {
      if (n.labels[0] !== 'Event') continue;
      const kind = n.props.kind as string;
      const date = (n.props.date as string | null | undefined) ?? null;
      const id = eventTallyId(kind, tallyPeriod(date));
      const tally = this.events.get(id);
      if (tally) tally.count += 1;
      else this.events.set(id, { kind, date, count: 1 });
    }
  }

  /** An entity's record with its stats (refreshEntityStats): call once every record has been added. */
  withStats(entity: NodeRecord): NodeRecord {
    const id = entity.props.id as string;
    const degree = this.degree.get(id) ?? 0;
    const latestKey = this.latestKey.get(id);
    const latest = latestKey === undefined ? null : latestKey.split(' ')[0]!;
    return {
      ...entity,
      props: {
        ...entity.props,
        degree,
        nameSort: `${entity.props.key as string} ${id}`,
        degreeSort: `${pad10(degree)} ${id}`,
        latestEvent: latest,
        latestSort: `${latest ?? ''} ${id}`,
      },
    };
  }

  /** The :Tally nodes (lockTallies + the recounts), keyed as the writer keys them (stats.store tallyKeys). */
  tallies(): NodeRecord[] {
    const keys = tallyKeys({
      events: [...this.events.values()].map(({ kind, date }) => ({ kind, date })),
      destinations: [...this.moves.keys()],
    });
    return keys.map((key) => {
      const props: Record<string, unknown> = { ...key };
      if (key.measure === 'events') props.count = this.events.get(key.id)!.count;
      else {
        const count = this.moves.get(key.entityId!)!;
        props.count = count;
        props.rank = `${pad10(9_999_999_999 - count)} ${key.entityId}`;
      }
      return { table: 'Tally', labels: ['Tally'], props };
    });
  }

  /** The record of the steps' versions (derived.cypher#recordDerivedState): the start-up recomputes none. */
  static stateNode(): NodeRecord {
    const versions = Object.fromEntries(DERIVED_STEPS.map((s) => [s.name, s.version]));
    return {
      table: 'DerivedState',
      labels: ['DerivedState'],
      props: { id: 'derived', versions: JSON.stringify(versions) },
    };
  }
}
