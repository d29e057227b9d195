/**
 * The console's clock script, as browser code: every `<time datetime="..." data-clock="queue|case">` the server
 * rendered is said again every 30 s in the page's language (`<html lang>`), with the server's own wording
 * (`due-wording.ts`, bundled in), and turns to the breached style once its due time has passed: the row's `<time>`
 * in the queue, the clock's box on the case page. Without the script the page keeps the words it was rendered with.
 *
 * Not imported by any function: `npm run console:clock` bundles it with esbuild into `clock-script.ts`, the asset the
 * pages load (a test fails when that file is not what this source makes).
 */
import { CASE_DUE_WORDS, QUEUE_DUE_WORDS, caseDueText, queueDueText } from './due-wording.js';

/** The little of the DOM the script touches (the project's TypeScript has no DOM library). */
interface ClockNode {
  getAttribute(name: string): string | null;
  textContent: string | null;
  classList: { toggle(name: string, force: boolean): boolean };
  closest(selector: string): ClockNode | null;
}
declare const document: {
  documentElement: { lang: string };
  querySelectorAll(selector: string): ArrayLike<ClockNode>;
};

/** Between the 30 and 60 s the console allows: a minute-rounded clock is never more than half a minute late. */
const TICK_MS = 30_000;

const tick = (): void => {
  const locale = document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en';
  const now = new Date();
  const clocks = document.querySelectorAll('time[data-clock]');
  for (let index = 0; index < clocks.length; index += 1) {
    const clock = clocks[index];
    const dueAt = clock?.getAttribute('datetime');
    if (!clock || !dueAt || Number.isNaN(Date.parse(dueAt))) continue;
    const due = new Date(dueAt);
    if (clock.getAttribute('data-clock') === 'queue') {
      // As the queue's table decides it on the server: breached strictly after the due instant.
      clock.textContent = queueDueText(QUEUE_DUE_WORDS[locale], due, now);
      clock.classList.toggle('breached', due.getTime() < now.getTime());
    } else if (clock.getAttribute('data-clock') === 'case') {
      // As the SLA engine decides it: a clock still running at its due instant is breached.
      clock.textContent = caseDueText(dueAt, now, CASE_DUE_WORDS[locale]);
      clock.closest('.clock')?.classList.toggle('breached', due.getTime() <= now.getTime());
    }
  }
};

tick();
setInterval(tick, TICK_MS);
