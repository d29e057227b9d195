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
}
