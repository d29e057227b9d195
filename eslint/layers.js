import { relative, sep } from 'node:path';
import { resolveImport } from './import-graph.js';

/**
 * The layers of `functions/` (see docs/architecture-and-layout.md): each rule names the folder it holds for and what that
 * folder's files may not import, as project folders (resolved, whatever the `../` depth) or package names.
 */
const inside = (path, folder) => path === folder || path.startsWith(`${folder}/`);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the layers: domain, use cases, adapters, handlers' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            layer: { type: 'string' },
            onlyFolders: { type: 'array', items: { type: 'string' } },
            onlyPackages: { type: 'array', items: { type: 'string' } },
            notFolders: { type: 'array', items: { type: 'string' } },
            notPackages: { type: 'array', items: { type: 'string' } },
            /** A regular expression over the imported project file's path (e.g. every capability's `grant.ts`). */
            notMatching: { type: 'string' },
          },
          required: ['layer'],
        },
      },
    ],
    messages: { forbidden: '{{layer}} may not import {{target}} ({{why}})' },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const fromFolder = relative(root, file).split(sep).join('/');
    const rules = (context.options[0] ?? []).filter((rule) => inside(fromFolder, rule.layer));
    if (rules.length === 0) return {};
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      const isProjectPath = specifier.startsWith('.');
      const resolved = isProjectPath ? resolveImport(file, specifier) : undefined;
      const target = resolved ? relative(root, resolved).split(sep).join('/') : specifier;
      for (const rule of rules) {
        const why = isProjectPath
          ? rule.onlyFolders && !rule.onlyFolders.some((folder) => inside(target, folder))
            ? `only ${rule.onlyFolders.join(', ')}`
            : (rule.notFolders?.find((folder) => inside(target, folder)) ??
              (rule.notMatching && new RegExp(rule.notMatching).test(target) ? `not ${rule.notMatching}` : undefined))
          : rule.onlyPackages && !rule.onlyPackages.includes(specifier)
            ? `only the packages ${rule.onlyPackages.join(', ') || 'none'}`
            : rule.notPackages?.find((name) => specifier === name || specifier.startsWith(name));
        if (why)
          context.report({ node: node.source, messageId: 'forbidden', data: { layer: rule.layer, target, why } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
