import { relative } from 'node:path';
import { importsOf, projectGraph, resolveImport } from './import-graph.js';

/**
 * Any import cycle among the project's files, type-only imports included (import-x/no-cycle skips those): types go to
 * leaf files, so the layers read in one direction.
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, type-only imports included' },
    schema: [{ type: 'object', properties: { folders: { type: 'array', items: { type: 'string' } } } }],
    messages: { cycle: 'Import cycle: {{path}}' },
  },
  create(context) {
    const folders = context.options[0]?.folders ?? ['.'];
    const root = context.cwd;
    const { graph, cycles } = projectGraph(root, folders);
    const file = context.filename;
    const component = cycles.get(file);
    if (!component) return {};
    /** The shortest way back from `start` to `file` inside the component, for the message. */
    const pathBack = (start) => {
      const previous = new Map([[start, undefined]]);
      const queue = [start];
      while (queue.length > 0) {
        const node = queue.shift();
        if (node === file) break;
        for (const next of graph.get(node) ?? importsOf(node)) {
          if (component.includes(next) && !previous.has(next)) {
            previous.set(next, node);
            queue.push(next);
          }
        }
      }
      const path = [];
      for (let node = file; node !== undefined; node = previous.get(node)) path.unshift(node);
      return [file, ...path].map((member) => relative(root, member)).join(' -> ');
    };
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string' || !node.source.value.startsWith('.')) return;
      const target = resolveImport(file, node.source.value);
      if (target && component.includes(target))
        context.report({ node: node.source, messageId: 'cycle', data: { path: pathBack(target) } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
