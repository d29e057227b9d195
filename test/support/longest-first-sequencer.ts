import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { FILE_SECONDS } from './file-durations.js';

/**
 * Starts the longest test files first, so two workers finish together instead of one running a long end-to-end file
 * alone at the end. A file's duration is the last run's (vitest's results cache) when there is one, else the
 * checked-in measurement (`file-durations.ts`, which is what a fresh clone in CI has), else short: the list holds
 * every slow file, so a file missing from it is one of the many quick ones, which fill the gaps at the end. Files that
 * failed last time still go first.
 */
interface Known {
  failed: boolean;
  ms: number;
}

export default class LongestFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const known = new Map<TestSpecification, Known>(
      files.map((file) => {
        const path = relative(config.root, file.moduleId).split('\\').join('/');
        const last = cache.getFileTestResults(`${file.project.name}:${path}`);
        const listed = FILE_SECONDS[path];
        const ms = last?.duration ?? (listed ?? 0) * 1000;
        return [file, { failed: last?.failed ?? false, ms }];
      }),
    );
    const first = (a: Known, b: Known): number => {
      if (a.failed !== b.failed) return a.failed ? -1 : 1;
      return a.ms === b.ms ? 0 : a.ms > b.ms ? -1 : 1;
    };
    return Promise.resolve([...files].sort((a, b) => first(known.get(a) as Known, known.get(b) as Known)));
  }
}
