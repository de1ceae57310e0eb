/**
 * What Maven has downloaded so far, from its batch-mode log lines
 * ("[INFO] Downloaded from central: https://…/neo4j-kernel-5.26.0.jar (4.1 MB at 2.0 MB/s)").
 * The first start fetches about 120 MB this way; this turns hundreds of such lines into one.
 */
const DOWNLOADED = /^\[INFO\] Downloaded from [^:]+: \S+ \(([\d.]+) (B|kB|MB|GB) at /;
const UNIT: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };

export class MavenProgress {
  files = 0;
  bytes = 0;

  /** Reads one line of Maven's output; true when it was a finished download. */
  read(line: string): boolean {
    const match = DOWNLOADED.exec(line.trim());
    if (!match) return false;
    this.files += 1;
    this.bytes += Math.round(Number(match[1]) * UNIT[match[2]!]!);
    return true;
  }

  /** "312 files, 118.4 MB" */
  summary(): string {
    return `${this.files} file${this.files === 1 ? '' : 's'}, ${(this.bytes / 1e6).toFixed(1)} MB`;
  }
}
