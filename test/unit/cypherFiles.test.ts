import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, CypherFileError, loadCypherFile, parseCypherBlocks } from '../../src/cypher/cypherFiles';

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
