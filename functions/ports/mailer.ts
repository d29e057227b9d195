export interface OutgoingEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Message tags (SES) for delivery reporting; never personal data. */
  tags?: Record<string, string>;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  /**
   * Where the staff console is served (no trailing slash), so staff emails link their case's page
   * (`<consoleBaseUrl>/console/cases/<caseId>`); absent when the deployment names none (the emails then link nothing).
   */
  readonly consoleBaseUrl?: string;
}
