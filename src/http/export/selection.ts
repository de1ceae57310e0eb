import { Max, Min, validateSync } from 'class-validator';
import { SelectionError, type Selection } from '../../graph/subgraph';
import { partialDatePrecision } from '../../model/partialDate';
import { EventKind } from '../../model/vocabulary';
import { SelectionArgs } from '../../graphql/graph/subgraph.args';

/**
 * Exports write in chunks as the client reads, so their cap is far above graph(...)'s; by default
 * they hold the whole graph. The selection is held in memory once for its metrics
 * (src/graph/analytics.ts): at this cap (100k nodes, ~300k edges) that is ~0.5 GB and tens of
 * seconds of CPU on a loaded 2-core machine, so very large exports want a smaller `limit`.
 */
export const MAX_EXPORT_NODES = 100_000;

/** The query string of /export/graph.*: the arguments of graph(...), with the same checks. */
class ExportArgs extends SelectionArgs {
  @Min(1)
  @Max(MAX_EXPORT_NODES)
  limit: number;
}

const PARAMETERS = ['seeds', 'depth', 'kinds', 'from', 'to', 'limit'] as const;
type Parameter = (typeof PARAMETERS)[number];

/** `?seeds=a&seeds=b` and `?seeds=a,b` alike. */
function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function single(name: Parameter, value: unknown): string {
  if (Array.isArray(value)) throw new SelectionError(name, 'give it once');
  return String(value);
}

function integer(name: Parameter, value: unknown): number {
  const text = single(name, value);
  if (!/^\d{1,9}$/.test(text)) throw new SelectionError(name, `must be a whole number, got "${text}"`);
  return Number(text);
}

function partialDate(name: Parameter, value: unknown): string {
  const text = single(name, value);
  if (!partialDatePrecision(text))
    throw new SelectionError(
      name,
      `must be an ISO date at a known precision ("2024", "2024-10" or "2024-12-05"), got "${text}"`,
    );
  return text;
}

/**
 * Reads an export's query string into a selection (seeds, depth, kinds, from, to, limit).
 * Throws SelectionError naming the first bad or unknown parameter.
 */
export function parseSelection(query: Record<string, unknown>): Selection {
  const unknown = Object.keys(query).find((name) => !PARAMETERS.includes(name as Parameter));
  if (unknown) throw new SelectionError(unknown, `unknown parameter; use ${PARAMETERS.join(', ')}`);
  const args = new ExportArgs();
  args.depth = query.depth === undefined ? 1 : integer('depth', query.depth);
  args.limit = query.limit === undefined ? MAX_EXPORT_NODES : integer('limit', query.limit);
  if (query.seeds !== undefined) args.seeds = list(query.seeds);
  if (query.kinds !== undefined) args.kinds = list(query.kinds) as EventKind[];
  if (query.from !== undefined) args.from = partialDate('from', query.from);
  if (query.to !== undefined) args.to = partialDate('to', query.to);
  const [error] = validateSync(args, { forbidUnknownValues: false });
  if (error) {
    const message = Object.values(error.constraints ?? {})[0] ?? 'is not valid';
    throw new SelectionError(
      error.property,
      message.replace(new RegExp(`^each value in ${error.property} |^${error.property} `), ''),
    );
  }
  return args;
}

/** The selection in words, for the file's own description: "seeds=org/moonshot-ai depth=2". */
export function describeSelection(selection: Selection): string {
  const parts: string[] = [];
  if (selection.seeds?.length) parts.push(`seeds=${selection.seeds.join(',')}`, `depth=${selection.depth}`);
  if (selection.kinds?.length) parts.push(`kinds=${selection.kinds.join(',')}`);
  if (selection.from) parts.push(`from=${selection.from}`);
  if (selection.to) parts.push(`to=${selection.to}`);
  parts.push(`limit=${selection.limit}`);
  return parts.join(' ');
}
