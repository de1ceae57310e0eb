import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const local = (globalThis as Record<string, unknown>).__LOCAL_NEO4J__ as
    { stop(): Promise<void>; dataDir: string } | undefined;
  if (!local) return;
  await local.stop();
  rmSync(local.dataDir, { recursive: true, force: true });
}
