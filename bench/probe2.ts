import { measureBundles } from './bundles.js';
const t = Date.now();
const r = await measureBundles({ repoRoot: process.cwd(), nodeBinary: 'node_modules/.bin/node' });
console.log(r.buildMs, r.importPhaseMs, r.bundles.map(b=>[b.name,b.kb,b.importMs]), Date.now() - t);
