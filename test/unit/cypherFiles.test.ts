import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, CypherFileError, loadCypherFile, parseCypherBlocks } from '../../src/cypher/cypherFiles';
import { spellStableTypes, staleTypeLists } from '../../src/cypher/stableTypes';
import { RELATIONSHIP_TYPE_LIST } from '../../src/model/registry';

describe('named Cypher blocks', () => {
  it('splits a file into named blocks, keeping comments and dropping the final semicolon', () => {
    const blocks = parseCypherBlocks(
      [
        '// header, ignored',
        '// @query first',
        '// :param id => 1',
        'MATCH (n) RETURN n;',
        '',
        '// @query second',
        'RETURN 1',
      ].join('\n'),
      'x.cypher',
    );
    expect([...blocks.keys()]).toEqual(['first', 'second']);
    expect(blocks.get('first')).toBe('// :param id => 1\nMATCH (n) RETURN n');
    expect(blocks.get('second')).toBe('RETURN 1');
  });

  it('fails fast on a duplicate name', () => {
    expect(() => parseCypherBlocks('// @query a\nRETURN 1\n// @query a\nRETURN 2', 'dup.cypher')).toThrow(
      new CypherFileError('dup.cypher: duplicate query name "a"'),
    );
  });

  it('fails fast on an empty block', () => {
    expect(() => parseCypherBlocks('// @query a\n// only a comment\n', 'empty.cypher')).toThrow(/query "a" is empty/);
  });

  it('fails fast when the code asks for a name the file lacks, or the file has one nobody uses', () => {
    expect(() => loadCypherFile('queries/health.cypher', ['health', 'nope'])).toThrow(/missing query "nope"/);
    expect(() => loadCypherFile('seed/seed.cypher', ['seedState'])).toThrow(/is not used by the code/);
  });

  it('parses every .cypher file of the repo with unique names', () => {
    const files = ['queries', 'seed', 'admin'].flatMap((dir) =>
      readdirSync(path.join(CYPHER_DIR, dir))
        .filter((f) => f.endsWith('.cypher'))
        .map((f) => path.join(dir, f)),
    );
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const blocks = parseCypherBlocks(readFileSync(path.join(CYPHER_DIR, file), 'utf8'), file);
      expect(blocks.size).toBeGreaterThan(0);
    }
  });
});

describe('the stable relationship types in Cypher, spelled from the registry', () => {
  const stable = RELATIONSHIP_TYPE_LIST.join('|');

  it('respells a stale list (a type missing, another order, INVOLVES after them) and leaves short lists alone', () => {
    const [first, second, third, ...rest] = RELATIONSHIP_TYPE_LIST;
    const stale = `MATCH (a)-[r:${[third, first, second].join('|')}|INVOLVES]-(b) MATCH (c)-[:${first}|${second}]->(d)`;
    expect(spellStableTypes(stale)).toBe(`MATCH (a)-[r:${stable}|INVOLVES]-(b) MATCH (c)-[:${first}|${second}]->(d)`);
    expect(staleTypeLists(stale)).toEqual([`${third}|${first}|${second}|INVOLVES`]);
    expect(rest.length).toBeGreaterThan(0);
    expect(staleTypeLists(`MATCH ()-[:${stable}]-()`)).toEqual([]);
  });

  it('every block file is spelled as the registry lists the types (npm run cypher:types rewrites them)', () => {
    for (const folder of ['queries', 'admin']) {
      for (const name of readdirSync(path.join(CYPHER_DIR, folder)).filter((f) => f.endsWith('.cypher'))) {
        const text = readFileSync(path.join(CYPHER_DIR, folder, name), 'utf8');
        expect({ file: `${folder}/${name}`, stale: staleTypeLists(text) }).toEqual({
          file: `${folder}/${name}`,
          stale: [],
        });
        expect(spellStableTypes(text)).toBe(text);
      }
    }
    // The lists are there to be checked: the files name the stable types as one list in several places.
    const uses =
      ['queries', 'admin']
        .flatMap((folder) =>
          readdirSync(path.join(CYPHER_DIR, folder)).map((name) =>
            readFileSync(path.join(CYPHER_DIR, folder, name), 'utf8'),
          ),
        )
        .join('\n')
        .split(stable).length - 1;
    expect(uses).toBeGreaterThanOrEqual(9);
  });
});
