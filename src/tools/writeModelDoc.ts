import { readFileSync, writeFileSync } from 'node:fs';
import { withModelTables } from '../model/modelDoc';
import { repoPath } from '../paths';

/** npm run docs:model: rewrites the registry tables of docs/model.md. */
const file = repoPath('docs', 'model.md');
writeFileSync(file, withModelTables(readFileSync(file, 'utf8')));
console.log(`${file}: registry tables written`);
