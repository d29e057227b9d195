import type { Dependencies } from '../../commons/dependencies.js';
import { renderEmail } from '../../email/templates.js';
import { requestEvidence } from './request-evidence.js';
import { settleDecision } from './settle-decision.js';

/**
 * Approved (by policy or a supervisor): the case opens and the customer gets the acknowledgement with its number. When
 * the approval asks for evidence, the case then waits for it (`requestEvidence`).
 */
export const openCase = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'mailer' | 'clock'>,
  caseId: string,
): Promise<{ status: string }> => {
  const { status, latest } = await settleDecision(dependencies, caseId, 'open', {
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
  if (status === 'open') await requestEvidence(dependencies, latest);
  return { status };
};
