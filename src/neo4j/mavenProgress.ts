/**
 * What Maven has downloaded so far, from its batch-mode log lines
 * ("[INFO] Downloaded from central: https://…/neo4j-kernel-5.26.0.jar (4.1 MB at 2.0 MB/s)").
 * The first start fetches EXPECTED_DOWNLOAD this way; this turns hundreds of such lines into one.
 */
const DOWNLOADED = /^\[INFO\] Downloaded from [^:]+: \S+ \(([\d.]+) (B|kB|MB|GB) at /;
const UNIT: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };

/** What the launcher's build downloads with an empty Maven cache (measured: see the comment at its value). */
export interface DownloadSize {
  files: number;
  bytes: number;
}

export class MavenProgress {
  files = 0;
  bytes = 0;

  /** `expected`: the whole download from an empty cache; a partly filled cache needs less, so it is an upper bound. */
  constructor(private readonly expected?: DownloadSize) {}

  /** "961 files, 155.0 MB" */
  static describe(size: DownloadSize): string {
    return `${size.files} files, ${(size.bytes / 1e6).toFixed(1)} MB`;
  }

  /** Reads one line of Maven's output; true when it was a finished download. */
  read(line: string): boolean {
    const match = DOWNLOADED.exec(line.trim());
    if (!match) return false;
    this.files += 1;
    this.bytes += Math.round(Number(match[1]) * UNIT[match[2]!]!);
    return true;
  }

  /** "312 files, 118.4 MB", and with an expected total "312 of 961 files, 48.2 of 155.0 MB" */
  summary(): string {
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    if (!this.expected) return `${this.files} file${this.files === 1 ? '' : 's'}, ${mb(this.bytes)} MB`;
    return `${this.files} of ${this.expected.files} files, ${mb(this.bytes)} of ${mb(this.expected.bytes)} MB`;
  }
}

/**
 * The launcher build's download from an empty Maven cache: measured with
 * `mvn -B package -DskipTests -Dmaven.repo.local=<empty folder>` on a copy of neo4j-launcher/ and
 * summed by this class (961 files, 155,365,593 bytes, in 2 min 5 s). Measure again when
 * neo4j-launcher/pom.xml changes versions.
 */
export const EXPECTED_DOWNLOAD: DownloadSize = { files: 961, bytes: 155_365_593 };
