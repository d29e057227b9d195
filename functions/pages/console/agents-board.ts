import type { Agent } from '../../domain/agent.js';
import type { Locale } from '../../domain/case-vocabulary.js';
import { escapeHtml } from '../../email/render.js';
import { QUEUE_WORDS } from './queue-words.js';

/**
 * The agents board (supervisors and admins): each agent's open cases against their capacity and their availability,
 * with a button that puts them on or off shift: a form post with the CSRF token to
 * `/console/agents/{agentId}/availability`, so it works without JavaScript.
 */
export const agentsBoard = (locale: Locale, agents: readonly Agent[], csrfToken: string): string => {
  const b = QUEUE_WORDS[locale].board;
  const head = `<h2 id="board">${escapeHtml(b.title)}</h2>`;
  if (agents.length === 0)
    return `<section aria-labelledby="board">${head}<p class="card">${escapeHtml(b.none)}</p></section>`;
  const rows = agents
    .map((agent) => {
      const full = agent.openCases >= agent.maxOpenCases;
      const next = !agent.available;
      const button = next ? b.makeAvailable(agent.name) : b.makeAway(agent.name);
      return (
        '<tr>' +
        `<td data-label="${escapeHtml(b.agent)}">${escapeHtml(agent.name)} <span class="muted">${escapeHtml(agent.agentId)}</span></td>` +
        `<td data-label="${escapeHtml(b.load)}"${full ? ' class="breached"' : ''}>` +
        `<meter min="0" max="${agent.maxOpenCases}" value="${Math.min(agent.openCases, agent.maxOpenCases)}" ` +
        `aria-hidden="true"></meter> ${escapeHtml(b.loadOf(agent.openCases, agent.maxOpenCases))}</td>` +
        `<td data-label="${escapeHtml(b.availability)}">${escapeHtml(agent.available ? b.available : b.away)}</td>` +
        `<td><form method="post" action="/console/agents/${encodeURIComponent(agent.agentId)}/availability">` +
        `<input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">` +
        `<input type="hidden" name="available" value="${next ? 'true' : 'false'}">` +
        `<button class="btn${next ? '' : ' quiet'}" type="submit">${escapeHtml(button)}</button></form></td>` +
        '</tr>'
      );
    })
    .join('');
  return (
    `<section aria-labelledby="board">${head}<table><thead><tr>` +
    [b.agent, b.load, b.availability].map((name) => `<th scope="col">${escapeHtml(name)}</th>`).join('') +
    `<td></td></tr></thead><tbody>${rows}</tbody></table></section>`
  );
};
