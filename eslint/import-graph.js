// The project's own import graph, type-only imports included, and its cycles (strongly connected components).
// Read from the source text, so it sees `import type` and `export ... from` that runtime-only tools ignore.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SPECIFIERS =
  /(?:^|[\s;])(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
const COMMENTS = /\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm;

/** `./x.js` in TypeScript source names `./x.ts` (or `./x/index.ts`). */
export const resolveImport = (fromFile, specifier) => {
  const target = resolve(dirname(fromFile), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, join(target, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
};

export const importsOf = (file) => {
  const source = readFileSync(file, 'utf8').replace(COMMENTS, '');
  const targets = new Set();
  for (const match of source.matchAll(SPECIFIERS)) {
    const resolved = resolveImport(file, match[1] ?? match[2]);
    if (resolved?.endsWith('.ts')) targets.add(resolved);
  }
  return targets;
};

const typeScriptFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

/** Tarjan's algorithm, iterative: each file's component id; components of one file without a self-import are no cycle. */
export const cyclesOf = (graph) => {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const componentOf = new Map();
  let counter = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work = [[root, [...(graph.get(root) ?? [])], 0]];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, next] = frame;
      if (frame[2] < next.length) {
        const child = next[frame[2]++];
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push([child, [...(graph.get(child) ?? [])], 0]);
        } else if (onStack.has(child)) low.set(node, Math.min(low.get(node), index.get(child)));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const members = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          members.push(member);
        } while (member !== node);
        if (members.length > 1) for (const file of members) componentOf.set(file, members);
      }
    }
  }
  return componentOf;
};

const graphs = new Map();
/** The graph of every TypeScript file under the given roots, built once per lint run. */
export const projectGraph = (rootDir, folders) => {
  const key = `${rootDir}|${folders.join(',')}`;
  if (!graphs.has(key)) {
    const files = folders.flatMap((folder) => {
      const path = join(rootDir, folder);
      return existsSync(path) ? typeScriptFiles(path) : [];
    });
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    graphs.set(key, { graph, cycles: cyclesOf(graph) });
  }
  return graphs.get(key);
};
