import type { AgentDirectory } from '../functions/ports/agent-directory.js';
import type { ConsoleSessions } from '../functions/ports/console-sessions.js';
import type { StaffUser } from '../functions/domain/staff.js';
import {
  asConsoleLocale,
  CONSOLE_REFERRER_POLICY,
  consoleLocale,
  isSameOrigin,
  languageCookie,
  setCookie,
} from '../functions/http/console/console-request.js';
import {
  newSession,
  sealSession,
  SESSION_COOKIE,
  SESSION_LIFETIME_SECONDS,
} from '../functions/http/console/console-session.js';
import { CONSOLE_CSP } from '../functions/pages/console/console-layout.js';
import { renderSignInPage, type SignInChoice } from '../functions/pages/console/sign-in-page.js';
import type { LocalRequest, LocalResponse, LocalRoute } from './server.js';
import { SEEDED_STAFF_USERS } from './staff-users.js';

const SIGN_IN_BODY_BYTES = 1024;

type Headers = Record<string, string | undefined>;
const headersOf = (request: Pick<LocalRequest, 'headers'>): Headers =>
  Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]),
  );

interface LocalStaff extends SignInChoice {
  user: StaffUser;
}

/**
 * Who can sign in locally: the seeded users, and each agent of their stores created with `POST /v1/admin/agents`
 * (username = agentId; an agent's user id is `local-<store>-<agentId>`, stable across restarts).
 */
const localStaff = async (agents: AgentDirectory): Promise<LocalStaff[]> => {
  const seeded: LocalStaff[] = SEEDED_STAFF_USERS.map((account) => ({
    username: account.username,
    name: account.name,
    storeId: account.storeId,
    roles: account.groups,
    user: {
      userId: account.userId,
      email: account.email,
      name: account.name,
      roles: [...account.groups],
      storeId: account.storeId,
      ...(account.agentId ? { agentId: account.agentId } : {}),
    },
  }));
  const taken = new Set(seeded.map((staff) => staff.username));
  const stores = [...new Set(seeded.map((staff) => staff.storeId))];
  const created = (await Promise.all(stores.map((storeId) => agents.list(storeId))))
    .flat()
    .filter((agent) => !taken.has(agent.agentId))
    .map((agent): LocalStaff => ({
      username: agent.agentId,
      name: agent.name,
      storeId: agent.storeId,
      roles: ['agent'],
      user: {
        userId: `local-${agent.storeId}-${agent.agentId}`,
        email: agent.email,
        name: agent.name,
        roles: ['agent'],
        storeId: agent.storeId,
        agentId: agent.agentId,
      },
    }));
  return [...seeded, ...created];
};

const page = (statusCode: number, body: string, headers: Record<string, string> = {}): LocalResponse => ({
  statusCode,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CONSOLE_CSP,
    'referrer-policy': CONSOLE_REFERRER_POLICY,
    'cache-control': 'no-store',
    ...headers,
  },
  body,
});

const seeOther = (location: string, cookie: string): LocalResponse => ({
  statusCode: 303,
  headers: { location, 'set-cookie': cookie, 'cache-control': 'no-store' },
});

/**
 * The local stack's console sign-in (never deployed: in AWS sign-in is the user pool's). `GET /console/sign-in` lists
 * who can sign in; a same-origin form post of `username` signs in as that user: a session cookie signed with the
 * stack's console key, exactly as the console routes check it.
 */
export const consoleSignInRoutes = (sessions: ConsoleSessions, agents: AgentDirectory): LocalRoute[] => [
  {
    method: 'GET',
    path: '/console/sign-in',
    handle: async (request) => {
      const headers = headersOf(request);
      const chosen = asConsoleLocale(request.url.searchParams.get('lang') ?? undefined);
      if (chosen) return seeOther('/console/sign-in', languageCookie(chosen, headers));
      return page(200, renderSignInPage(consoleLocale(headers), await localStaff(agents)));
    },
  },
  {
    method: 'POST',
    path: '/console/sign-in',
    bodyLimit: async () => SIGN_IN_BODY_BYTES + 1,
    handle: async (request) => {
      const headers = headersOf(request);
      const username = new URLSearchParams(request.body.toString('utf8')).get('username') ?? '';
      const staff = (await localStaff(agents)).find((candidate) => candidate.username === username);
      // A cross-site post must not sign a browser in as someone (login CSRF); an unknown name shows the list again.
      if (request.bodyTruncated || !isSameOrigin(headers)) return page(403, 'Forbidden');
      if (!staff) return page(400, renderSignInPage(consoleLocale(headers), await localStaff(agents)));
      const key = await sessions.sessionKey();
      const session = newSession({ user: staff.user, username: staff.username }, new Date());
      return seeOther(
        '/console',
        setCookie(SESSION_COOKIE, sealSession(key, session), SESSION_LIFETIME_SECONDS, headers),
      );
    },
  },
];
