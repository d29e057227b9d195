/** The staff console's page of a case, under the console's base URL: what staff emails link. */
export const consoleCaseUrl = (consoleBaseUrl: string, caseId: string): string =>
  `${consoleBaseUrl.replace(/\/+$/, '')}/console/cases/${encodeURIComponent(caseId)}`;
