import * as z from 'zod/mini';
import { taskHandler } from '../../commons/task-handler.js';
import { followUpCase } from '../../use-cases/aftercare/follow-up-case.js';
import { taskPorts } from '../../capabilities/declared-ports.js';
import { awsCases, awsStores, awsAgents, awsKpis } from '../../capabilities/tables/aws.js';
import { awsMailer } from '../../capabilities/mailer/aws.js';
import { awsSurveyLinks } from '../../capabilities/survey-links/aws.js';

const ports = taskPorts('followUpCase', {
  cases: awsCases,
  stores: awsStores,
  agents: awsAgents,
  kpis: awsKpis,
  mailer: awsMailer,
  surveyLinks: awsSurveyLinks,
});

export const handler = taskHandler(
  'followUpCase',
  z.object({ caseId: z.string() }),
  ports,
  (dependencies, { caseId }) => followUpCase(dependencies, caseId),
);
