import * as z from 'zod/mini';
import './zod-locale.js';
import { identifier } from './case-request.js';
import { MAX_CASE_NUMBER_LENGTH, normalizedCaseNumber } from '../domain/case-lookup.js';

/**
 * How staff find a case by what the customer quotes (`GET /v1/staff/cases?caseNumber=|orderId=|customerEmail=`, one
 * at a time, and `GET /v1/staff/cases/by-number/{caseNumber}`). Kept in a file of their own: small and self-contained.
 */

/** Checked here (a 400 naming it); the use case looks up its normalised form (`normalizedCaseNumber`). */
const caseNumberQuery = z.string().check(
  z.maxLength(MAX_CASE_NUMBER_LENGTH),
  z.refine((value) => normalizedCaseNumber(value) !== undefined, 'A case number such as AS-20261207-0001'),
  z.describe('A case number as customers quote it, e.g. AS-20261207-0001 (case-insensitive)'),
);

/** The same rule as an intake's orderId. */
const orderIdQuery = identifier.check(z.describe("The storefront's order id, exact"));

const customerEmailQuery = z
  .pipe(z.string().check(z.trim(), z.maxLength(254)), z.email())
  .check(z.describe("The customer's email address, exact (case-insensitive)"));

export const caseSearchQueryFields = {
  caseNumber: z.optional(caseNumberQuery),
  orderId: z.optional(orderIdQuery),
  customerEmail: z.optional(customerEmailQuery),
};

/** The number is checked by the use case: a malformed one names no case (404), like an unknown one. */
export const caseNumberPathSchema = z.strictObject({ caseNumber: z.string().check(z.maxLength(200)) });
