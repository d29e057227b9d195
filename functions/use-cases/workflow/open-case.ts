import type { Dependencies } from '../../commons/dependencies.js';
import { renderEmail } from '../../email/templates.js';
import { settleDecision } from './settle-decision.js';

/** Approved (by policy or a supervisor): the case opens and the customer gets the acknowledgement with its number. */
export const openCase = (dependencies: Dependencies, caseId: string): Promise<{ status: string }> =>
  settleDecision(dependencies, caseId, 'open', {
    key: 'case_acknowledged',
    compose: (opened, store) => ({
      audience: 'customer',
      email: {
        to: [opened.customer.email],
        ...renderEmail(
          {
            kind: 'case_acknowledged',
            caseNumber: opened.caseNumber,
            customerName: opened.customer.name,
            storeName: store.name,
            caseType: opened.type,
          },
          opened.customer.locale,
        ),
      },
    }),
  });
