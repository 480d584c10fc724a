// Configuration is read once (environment + CLI flags), validated and frozen (architecture habit 7).
// No other module reads process.env.
import { z } from 'zod';
import { dmError } from './errors.js';

export interface Config {
  /** PostgreSQL connection URL; when absent the embedded PGlite store in `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  /** PGlite data folder. */
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  /** Public base URL for links (invitations); defaults to http://localhost:<port>. */
  readonly baseUrl: string;
  /** SMTP server for invitations and reminders (smtp:// or smtps://, credentials in the URL); absent: no e-mail. */
  readonly smtpUrl: string | undefined;
  /** Sender of those e-mails; defaults to digitalmonitor@<host of BASE_URL>. */
  readonly mailFrom: string;
  /** DIGITALMONITOR_SECRET_KEY: seals TOTP secrets at rest; absent: they are stored plain. */
  readonly secretKey: string | undefined;
  /** ANALYSIS_THREADS: threads of the server's weighted analyses, the request's own included (1 = no helper thread). */
  readonly analysisThreads: number;
}

/** One German message per setting, naming it as the user sets it (zod's own messages are English). */
const MESSAGES: Readonly<Record<string, string>> = {
  databaseUrl: 'DATABASE_URL muss mit postgres:// oder postgresql:// beginnen',
  dataDir: '--db bzw. DIGITALMONITOR_DB darf nicht leer sein',
  port: 'PORT bzw. --port muss eine ganze Zahl von 1 bis 65535 sein',
  host: 'HOST darf nicht leer sein',
  baseUrl: 'BASE_URL muss eine Adresse mit http:// oder https:// sein (z. B. https://digitalmonitor.example.de)',
  smtpUrl: 'SMTP_URL muss mit smtp:// oder smtps:// beginnen',
  mailFrom: 'MAIL_FROM muss eine E-Mail-Adresse enthalten',
  secretKey: 'DIGITALMONITOR_SECRET_KEY muss mindestens 32 Zeichen lang sein (z. B. openssl rand -base64 32)',
  analysisThreads: 'ANALYSIS_THREADS muss eine ganze Zahl von 1 bis 16 sein',
};

// Messages come from MESSAGES, one per setting; the schema only decides.
const schema = z.object({
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional(),
  dataDir: z.string().min(1),
  port: z.coerce.number().int().min(1).max(65535),
  host: z.string().min(1),
  baseUrl: z.string().regex(/^https?:\/\/[^/]/).url().optional(),
  smtpUrl: z.string().regex(/^smtps?:\/\/[^/]/).optional(),
  mailFrom: z.string().regex(/^[^\r\n]*@[^\r\n]*$/).optional(),
  secretKey: z.string().min(32).optional(),
  analysisThreads: z.coerce.number().int().min(1).max(16),
});

export interface ConfigInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly flags: { readonly db?: string | undefined; readonly port?: string | undefined };
}

export function loadConfig({ env, flags }: ConfigInput): Config {
  const parsed = schema.safeParse({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: flags.db ?? env.DIGITALMONITOR_DB ?? './.digitalmonitor',
    port: flags.port ?? env.PORT ?? 3000,
    host: env.HOST || '127.0.0.1',
    baseUrl: env.BASE_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    secretKey: env.DIGITALMONITOR_SECRET_KEY || undefined,
    analysisThreads: env.ANALYSIS_THREADS || 2,
  });
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    const detail = fields.map((field) => `${MESSAGES[field] ?? field}.`).join(' ');
    throw dmError('DM_CONFIG_INVALID', { detail });
  }
  const { databaseUrl, dataDir, port, host, baseUrl, smtpUrl, mailFrom, secretKey, analysisThreads } = parsed.data;
  const publicUrl = (baseUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
  return Object.freeze({
    databaseUrl,
    dataDir,
    port,
    host,
    baseUrl: publicUrl,
    smtpUrl,
    mailFrom: mailFrom ?? `Kommunaler Digitalmonitor <digitalmonitor@${new URL(publicUrl).hostname}>`,
    secretKey,
    analysisThreads,
  });
}
