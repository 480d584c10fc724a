// Errors of the JSON API as `{code, message, issues}`: coded errors keep their code, status and German
// message; zod failures of a request become DM_REQUEST_INVALID with one issue per field path.
import type { z } from 'zod';
import { DmError } from '../../errors.js';
import { formatIssueDe } from '../../instrument/messages.de.js';

export interface ApiIssue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly issues: readonly ApiIssue[];
}

const MAX_ISSUES = 200;

/**
 * DM_REQUEST_INVALID with issues that name request fields (not instrument or file issues); another code
 * (e.g. DM_INSTRUMENT_FILE_INVALID) with its own params where the body is a document checked field by field.
 */
export class RequestInvalid extends DmError {
  readonly fieldIssues: readonly ApiIssue[];

  constructor(fieldIssues: readonly ApiIssue[], code: 'DM_REQUEST_INVALID' | 'DM_INSTRUMENT_FILE_INVALID' = 'DM_REQUEST_INVALID', params?: Readonly<Record<string, string | number>>) {
    super(code, params ?? { count: fieldIssues.length, detail: fieldIssues.map((issue) => issue.path.join('.')).join(', ') });
    this.fieldIssues = fieldIssues;
  }
}

export function apiErrorBody(error: DmError): ApiErrorBody {
  if (error instanceof RequestInvalid) return { code: error.code, message: error.message, issues: error.fieldIssues.slice(0, MAX_ISSUES) };
  const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => ({ code: issue.code, path: [...issue.path], message: formatIssueDe(issue) }));
  return { code: error.code, message: error.message, issues };
}

/** A failed safeParse of `where` (Körper, Abfrage, Pfad) → DM_REQUEST_INVALID; issue paths start with `where`'s key. */
export function requestInvalid(where: 'body' | 'query' | 'path', error: z.ZodError): RequestInvalid {
  const issues = error.issues.flatMap((issue): ApiIssue[] => {
    const path = [where, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ code: issue.code, path: [...path, key], message: `Unbekanntes Feld „${[...path, key].join('.')}“.` }));
    }
    return [{ code: issue.code, path, message: messageOf(issue, path.join('.')) }];
  });
  return new RequestInvalid(issues);
}

function messageOf(issue: z.core.$ZodIssue, field: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `Pflichtfeld „${field}“ fehlt.` : `Feld „${field}“: erwartet ${TYPES_DE[issue.expected] ?? issue.expected}.`;
    case 'invalid_value':
      return `Feld „${field}“: erlaubt ${issue.values.map((value) => `„${String(value)}“`).join(', ')}.`;
    case 'too_big':
      return `Feld „${field}“ ist zu lang oder zu groß (höchstens ${String(issue.maximum)}).`;
    case 'too_small':
      return `Feld „${field}“ ist zu kurz oder zu klein (mindestens ${String(issue.minimum)}).`;
    case 'invalid_format':
      return `Feld „${field}“ hat ein ungültiges Format.`;
    default:
      return `Feld „${field}“ ist ungültig.`;
  }
}

const TYPES_DE: Readonly<Record<string, string>> = { string: 'Text', number: 'Zahl', int: 'ganze Zahl', boolean: 'true oder false', object: 'Objekt', array: 'Liste' };
