import { EVENT_KINDS, EVENT_KIND_LIST } from './registry';

/** The name of a label's id constraint: LicensingDeal → licensing_deal_id (as cypher/schema/001 names them). */
export function idConstraintName(label: string): string {
  return `${label.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '_').toLowerCase()}_id`;
}

/**
 * The schema statements each event kind needs: a uniqueness constraint on `id` for its label. The
 * migration runner applies them after the files of cypher/schema/ (src/db/migrations.ts), again
 * whenever the set changes, so a new kind needs no migration file. Labels are the registry's fixed
 * strings (test/unit/registry.test.ts checks each is a plain identifier).
 */
export function kindSchemaStatements(): string[] {
  return EVENT_KIND_LIST.map((kind) => {
    const { label } = EVENT_KINDS[kind];
    return `CREATE CONSTRAINT ${idConstraintName(label)} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`;
  });
}
