import type { Dependencies } from '../../commons/dependencies.js';
import { renderEmail } from '../../email/templates.js';
import { settleDecision } from './settle-decision.js';

/** Rejected (by policy or a supervisor): the case closes as rejected and the customer gets every reason. */
export const rejectCase = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'mailer' | 'clock'>,
  caseId: string,
): Promise<{ status: string }> => {
  const { status } = await settleDecision(dependencies, caseId, 'rejected', {
    key: 'case_rejected',
    compose: (rejected, store) => ({
      audience: 'customer',
      email: {
        to: [rejected.customer.email],
        ...renderEmail(
          {
            kind: 'case_rejected',
            caseNumber: rejected.caseNumber,
            customerName: rejected.customer.name,
            storeName: store.name,
            reasons: rejected.decision?.reasons ?? [],
          },
          rejected.customer.locale,
        ),
      },
    }),
  });
  return { status };
};
