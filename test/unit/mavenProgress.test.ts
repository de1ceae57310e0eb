import { MavenProgress } from '../../src/neo4j/mavenProgress';

describe("Maven's download progress", () => {
  it('counts finished downloads and their sizes, whatever the unit, and ignores every other line', () => {
    const progress = new MavenProgress();
    const lines = [
      '[INFO] Scanning for projects...',
      '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j/5.26.0/neo4j-5.26.0.pom',
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j/5.26.0/neo4j-5.26.0.pom (12 kB at 45 kB/s)',
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.0/neo4j-kernel-5.26.0.jar (4.1 MB at 2.0 MB/s)',
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/x/y/1/y-1.pom (815 B at 9.1 kB/s)',
      '[INFO] BUILD SUCCESS',
    ];
    expect(lines.map((l) => progress.read(l))).toEqual([false, false, true, true, true, false]);
    expect(progress.files).toBe(3);
    expect(progress.bytes).toBe(12_000 + 4_100_000 + 815);
    expect(progress.summary()).toBe('3 files, 4.1 MB');
  });
});

describe('the download with its expected total', () => {
  it('shows how far along it is against the whole download from an empty cache', () => {
    const progress = new MavenProgress({ files: 961, bytes: 155_000_000 });
    progress.read(
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/a/b/1/b-1.jar (48.2 MB at 9 MB/s)',
    );
    expect(progress.summary()).toBe('1 of 961 files, 48.2 of 155.0 MB');
    expect(MavenProgress.describe({ files: 961, bytes: 155_000_000 })).toBe('961 files, 155.0 MB');
  });
});
