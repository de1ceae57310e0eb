import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findJavaHome, LocalNeo4jError } from '../../src/neo4j/localNeo4j';

/** JDK homes whose `bin/java -version` answers like a real JDK of the given version. */
function fakeJdks(versions: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kg-jvm-'));
  for (const [name, version] of Object.entries(versions)) {
    mkdirSync(path.join(root, name, 'bin'), { recursive: true });
    const java = path.join(root, name, 'bin', 'java');
    writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${version}" 2025-01-01' >&2\n`);
    chmodSync(java, 0o755);
  }
  return root;
}

describe('choosing a JDK for Neo4j 5.26', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const jdks = (versions: Record<string, string>) => {
    const root = fakeJdks(versions);
    roots.push(root);
    return root;
  };

  it('skips Java 25 (and 8) and takes a 17 or 21', () => {
    const root = jdks({ 'a-temurin-25': '25.0.1', 'b-java-8': '1.8.0_412', 'c-java-21': '21.0.5' });
    expect(findJavaHome({ PATH: '' }, [root])).toBe(path.join(root, 'c-java-21'));
  });

  it('prefers NEO4J_JAVA_HOME, then JAVA_HOME, when they are 17 or 21', () => {
    const root = jdks({ 'java-17': '17.0.15', 'java-21': '21.0.5', 'temurin-25': '25.0.1' });
    expect(findJavaHome({ PATH: '', NEO4J_JAVA_HOME: path.join(root, 'java-21') }, [root])).toBe(
      path.join(root, 'java-21'),
    );
    expect(findJavaHome({ PATH: '', JAVA_HOME: path.join(root, 'temurin-25') }, [root])).toBe(
      path.join(root, 'java-17'),
    );
  });

  it('warns when NEO4J_JAVA_HOME is a missing folder or a Java Neo4j cannot run on, and takes another', () => {
    const root = jdks({ 'java-21': '21.0.5', 'temurin-25': '25.0.1' });
    const warnings: string[] = [];
    const missing = path.join(root, 'no-such-jdk');
    expect(findJavaHome({ PATH: '', NEO4J_JAVA_HOME: missing }, [root], (w) => warnings.push(w))).toBe(
      path.join(root, 'java-21'),
    );
    expect(
      findJavaHome({ PATH: '', NEO4J_JAVA_HOME: path.join(root, 'temurin-25') }, [root], (w) => warnings.push(w)),
    ).toBe(path.join(root, 'java-21'));
    expect(
      findJavaHome({ PATH: '', NEO4J_JAVA_HOME: path.join(root, 'java-21') }, [root], (w) => warnings.push(w)),
    ).toBe(path.join(root, 'java-21'));
    expect(warnings).toEqual([
      `NEO4J_JAVA_HOME=${missing} does not exist: looking for another Java 17 or 21`,
      `NEO4J_JAVA_HOME=${path.join(root, 'temurin-25')} is Java 25; Neo4j 5.26 runs on Java 17 or 21 only: looking for another Java 17 or 21`,
    ]);
  });

  it('says in one line when there is none', () => {
    const root = jdks({ 'temurin-25': '25.0.1' });
    let error: unknown;
    try {
      findJavaHome({ PATH: '' }, [root]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LocalNeo4jError);
    expect((error as Error).message).toMatch(
      /^no Java 17 or 21 found for the local Neo4j 5\.26 .*set NEO4J_JAVA_HOME, or set NEO4J_URI$/,
    );
    expect((error as Error).message).not.toContain('\n');
  });
});
