import { dmError } from '../../errors.js';
import type { ApiKey } from '../../store/store.js';
import { createApiKey } from '../../tasks/api-keys.js';
import type { Command, CommandContext } from '../command.js';
import { printJson } from '../output.js';
import { requirePositionals } from './require-positionals.js';

export const apikeyCommand: Command = {
  name: 'apikey',
  summary: 'API-Schlüssel für die JSON-API anlegen, auflisten, widerrufen',
  help: `Aufruf:
  digitalmonitor apikey create --email <e-mail> [--name <bezeichnung>] [--expires JJJJ-MM-TT]
  digitalmonitor apikey list [--json]
  digitalmonitor apikey revoke <nummer>

Ein Schlüssel gehört zu einem Konto (digitalmonitor user add) und hat dessen Rolle (Analyse oder
Administration). Er wird bei „create“ genau einmal ausgegeben; gespeichert wird nur sein SHA-256-Hash.
Gesendet wird er als Kopfzeile „Authorization: Bearer <schlüssel>“ an /api/v1/… (Beschreibung:
/api/openapi.json, lesbar unter /api/docs). --expires: gültig bis einschließlich dieses Tages (UTC).
Anlegen und Widerrufen stehen im Protokoll (digitalmonitor audit).
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 ungültige Angabe, 4 Konto oder Schlüssel unbekannt.
`,
  options: { email: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' }, json: { type: 'boolean' } },
  usesStore: true,
  async run(context) {
    const [action] = context.positionals;
    if (action === 'create') return create(context);
    if (action === 'list') return list(context);
    if (action === 'revoke') return revoke(context);
    throw dmError('DM_USAGE', { detail: 'apikey braucht create, list oder revoke. Hilfe: digitalmonitor apikey --help' });
  },
};

async function create({ io, positionals, values, store }: CommandContext): Promise<number> {
  requirePositionals(positionals, 1, 1, 'apikey create --email <e-mail> [--name <bezeichnung>]');
  if (typeof values.email !== 'string') throw dmError('DM_USAGE', { detail: 'apikey create braucht --email <e-mail>.' });
  const input = { email: values.email, name: values.name as string | undefined, expires: values.expires as string | undefined };
  const { key, apiKey } = await createApiKey(await store(), input, 'cli');
  io.stdout(`API-Schlüssel Nr. ${apiKey.id} „${apiKey.name}“ für „${apiKey.email}“ (${roleDe(apiKey)}) angelegt${apiKey.expiresAt ? `, gültig bis ${apiKey.expiresAt}` : ''}.\n`);
  io.stdout(`Schlüssel (wird nur dieses eine Mal angezeigt):\n${key}\n`);
  return 0;
}

async function list({ io, positionals, values, store }: CommandContext): Promise<number> {
  if (positionals.length !== 1) throw dmError('DM_USAGE', { detail: 'apikey list nimmt keine weiteren Argumente.' });
  const keys = await (await store()).apiKeys();
  if (values.json) {
    printJson(io, keys);
    return 0;
  }
  const now = Date.now();
  for (const key of keys) io.stdout(`${key.id}\t${key.name}\t${key.email}\t${key.role}\t${state(key, now)}\tzuletzt benutzt: ${key.lastUsedAt ?? 'nie'}\n`);
  io.stdout(`${keys.length} Schlüssel.\n`);
  return 0;
}

async function revoke({ io, positionals, store }: CommandContext): Promise<number> {
  const [, id] = requirePositionals(positionals, 2, 2, 'apikey revoke <nummer>');
  if (!/^\d{1,15}$/.test(id!)) throw dmError('DM_USAGE', { detail: `apikey revoke braucht die Nummer des Schlüssels (apikey list), nicht „${id}“.` });
  const key = await (await store()).revokeApiKey(Number(id), 'cli');
  io.stdout(`API-Schlüssel Nr. ${key.id} „${key.name}“ (${key.email}) widerrufen.\n`);
  return 0;
}

function state(key: ApiKey, now: number): string {
  if (key.revokedAt !== null) return `widerrufen seit ${key.revokedAt}`;
  if (key.expiresAt !== null && Date.parse(key.expiresAt) <= now) return `abgelaufen seit ${key.expiresAt}`;
  return key.expiresAt === null ? 'aktiv' : `aktiv bis ${key.expiresAt}`;
}

function roleDe(key: ApiKey): string {
  return key.role === 'admin' ? 'Administration' : 'Analyse';
}
