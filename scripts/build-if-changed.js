#!/usr/bin/env node
// npm start's prestart: compiles src/ (tsconfig.build.json) only when its inputs changed since the
// last build, so a second start, or a start that stops at a bad setting, costs no compile. The
// inputs' digest (every file under src/, the tsconfigs, package-lock.json) is kept in dist/.build-digest.
// Plain JavaScript: it runs before anything is compiled.
'use strict';
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-digest');
const output = path.join(root, 'dist', 'src', 'main.js');

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

function digest() {
  const hash = createHash('sha256');
  for (const file of [
    ...filesUnder(path.join(root, 'src')),
    ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => path.join(root, f)),
  ]) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const current = digest();
if (existsSync(output) && existsSync(stamp) && readFileSync(stamp, 'utf8') === current) process.exit(0);
process.stderr.write('building (src/ changed since the last build)…\n');
try {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    { cwd: root, stdio: 'inherit' },
  );
} catch {
  process.exit(1);
}
mkdirSync(path.dirname(stamp), { recursive: true });
writeFileSync(stamp, current);
