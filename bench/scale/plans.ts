import type { Driver } from 'neo4j-driver';
import { toDriverValue } from '../../src/neo4j/toNative';
import type { CapturedQuery } from './capture';
import { textOf } from '../../src/errors';

/**
 * Reading query plans: the operators of an EXPLAIN (or PROFILE) plan, collected recursively from
 * the driver's summary, and the scans that do not scale (every node or relationship, every event or
 * entity, every INVOLVES edge or citation).
 */
export interface PlanOperator {
  operator: string;
  details: string;
}

interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

export function planOperators(plan: PlanNode | false | undefined): PlanOperator[] {
  if (!plan) return [];
  const operator = plan.operatorType.replace(/@.*$/, '');
  const details = textOf(plan.arguments?.Details ?? plan.arguments?.details ?? '');
  return [{ operator, details }, ...(plan.children ?? []).flatMap(planOperators)];
}

/** Labels whose scan grows with the graph: Event, Entity and their kinds and types. */
export function isBigLabel(label: string, eventLabels: readonly string[]): boolean {
  return ['Event', 'Entity', 'Person', 'Organization', 'Product', 'Group', ...eventLabels].includes(label);
}

/** "AllNodesScan" and "NodeByLabelScan(n:Event)" style findings; empty when the plan scales. */
export function forbiddenScans(operators: PlanOperator[], eventLabels: readonly string[]): string[] {
  return operators.flatMap(({ operator, details }) => {
    if (
      operator === 'AllNodesScan' ||
      operator === 'AllRelationshipsScan' ||
      /^(Directed|Undirected)AllRelationshipsScan$/.test(operator)
    )
      return [`${operator}(${details})`];
    // Every INVOLVES edge or every citation: they grow with the events and the sources.
    if (
      /RelationshipTypeScan$/.test(operator) &&
      /:(INVOLVES|CITES|MENTIONED_IN|RELATIONSHIP_CITED_IN)\b/.test(details)
    )
      return [`${operator}(${details})`];
    if (operator === 'NodeByLabelScan' || operator === 'PartitionedNodeByLabelScan') {
      const label = /:(\w+)/.exec(details)?.[1] ?? '';
      return isBigLabel(label, eventLabels) ? [`${operator}(${details})`] : [];
    }
    return [];
  });
}

/** The plan of a captured query; `WRITE` for the writer's statements (EXPLAIN runs nothing either way). */
export async function explain(
  driver: Driver,
  database: string,
  query: CapturedQuery,
  mode: 'READ' | 'WRITE' = 'READ',
): Promise<PlanOperator[]> {
  const session = driver.session({ database, defaultAccessMode: mode });
  try {
    const result = await session.run(`EXPLAIN ${query.cypher}`, toDriverValue(query.params) as Record<string, unknown>);
    return planOperators(result.summary.plan as unknown as PlanNode);
  } finally {
    await session.close();
  }
}

/** One statement's cost: its median time over `runs` (bare driver, read transaction) and PROFILE's db hits and rows. */
export async function profileStatement(
  driver: Driver,
  database: string,
  query: CapturedQuery,
  runs = 5,
): Promise<{ name: string; medianMs: number; dbHits: number; rows: number }> {
  const params = toDriverValue(query.params) as Record<string, unknown>;
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      await session.executeRead((tx) => tx.run(query.cypher, params));
      times.push(performance.now() - started);
    }
    const profiled = await session.run(`PROFILE ${query.cypher}`, params);
    const plan = profiled.summary.profile as unknown as { dbHits: number; rows: number } & PlanNode;
    const hits = (p: PlanNode & { dbHits?: number }): number =>
      (p.dbHits ?? 0) + (p.children ?? []).reduce((sum, c) => sum + hits(c), 0);
    times.sort((a, b) => a - b);
    return { name: query.name, medianMs: times[Math.floor(runs / 2)]!, dbHits: hits(plan), rows: plan.rows };
  } finally {
    await session.close();
  }
}
