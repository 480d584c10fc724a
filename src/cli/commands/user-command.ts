import { dmError } from '../../errors.js';
import type { UserRole } from '../../store/store.js';
import { MIN_PASSWORD_LENGTH, addUser, checkPassword, normalizeEmail } from '../../tasks/analyst-accounts.js';
import type { Command, CommandContext } from '../command.js';
import { printJson } from '../output.js';
import { requirePositionals } from './require-positionals.js';

export const userCommand: Command = {
  name: 'user',
  summary: 'Konten für Analyse und Administration anlegen, auflisten, sperren, Zwei-Faktor zurücksetzen',
  help: `Aufruf:
  digitalmonitor user add --admin <e-mail>      erstes (oder weiteres) Administrationskonto
  digitalmonitor user add --analyst <e-mail>    Konto für Analystinnen und Analysten
  digitalmonitor user list [--json]
  digitalmonitor user disable <e-mail>          sperrt das Konto und beendet seine Sitzungen
  digitalmonitor user reset-2fa <e-mail>        schaltet die Zwei-Faktor-Anmeldung aus (Gerät verloren),
                                                löscht die Wiederherstellungscodes und hebt eine Sperre
                                                nach Fehlversuchen auf

Das Passwort wird am Terminal zweimal abgefragt (ohne Anzeige) oder, wenn die Standardeingabe kein
Terminal ist, aus ihrer ersten Zeile gelesen (z. B. printf '%s\\n' "$PASSWORT" | digitalmonitor user add …).
Mindestens ${MIN_PASSWORD_LENGTH} Zeichen. Gespeichert wird nur ein Argon2id-Hash.
Anmeldung im Browser: /anmelden.
Exit-Codes: 0 erfolgreich, 2 Aufruf fehlerhaft, 3 ungültige Angabe, 4 Konto unbekannt, 5 Konto existiert.
`,
  options: { admin: { type: 'boolean' }, analyst: { type: 'boolean' }, json: { type: 'boolean' } },
  usesStore: true,
  async run(context) {
    const [action] = context.positionals;
    if (action === 'add') return add(context);
    if (action === 'list') return list(context);
    if (action === 'disable') return disable(context);
    if (action === 'reset-2fa') return resetTwoFactor(context);
    throw dmError('DM_USAGE', { detail: 'user braucht add, list, disable oder reset-2fa. Hilfe: digitalmonitor user --help' });
  },
};

async function add({ io, positionals, values, store }: CommandContext): Promise<number> {
  const [, email] = requirePositionals(positionals, 2, 2, 'user add --admin|--analyst <e-mail>');
  if (Boolean(values.admin) === Boolean(values.analyst)) throw dmError('DM_USAGE', { detail: 'user add braucht genau eine Rolle: --admin oder --analyst.' });
  const role: UserRole = values.admin ? 'admin' : 'analyst';
  const password = await readPassword(io);
  const user = await addUser(await store(), { email: email!, role, password }, 'cli');
  io.stdout(`Konto „${user.email}“ (${role === 'admin' ? 'Administration' : 'Analyse'}) angelegt.\n`);
  return 0;
}

async function list({ io, positionals, values, store }: CommandContext): Promise<number> {
  if (positionals.length !== 1) throw dmError('DM_USAGE', { detail: 'user list nimmt keine weiteren Argumente.' });
  const users = await (await store()).listUsers();
  if (values.json) {
    printJson(io, users);
    return 0;
  }
  for (const user of users) io.stdout(`${user.email}\t${user.role}\t${user.disabledAt === null ? 'aktiv' : `gesperrt seit ${user.disabledAt}`}\n`);
  io.stdout(`${users.length} Konto/Konten.\n`);
  return 0;
}

async function disable({ io, positionals, store }: CommandContext): Promise<number> {
  const [, email] = requirePositionals(positionals, 2, 2, 'user disable <e-mail>');
  const user = await (await store()).disableUser(normalizeEmail(email!), 'cli');
  io.stdout(`Konto „${user.email}“ gesperrt; seine Sitzungen sind beendet.\n`);
  return 0;
}

async function resetTwoFactor({ io, positionals, store }: CommandContext): Promise<number> {
  const [, email] = requirePositionals(positionals, 2, 2, 'user reset-2fa <e-mail>');
  const user = await (await store()).disableTwoFactor(normalizeEmail(email!), 'cli');
  io.stdout(`Zwei-Faktor-Anmeldung für „${user.email}“ zurückgesetzt: ausgeschaltet, Wiederherstellungscodes gelöscht, Sperre aufgehoben. Nach der nächsten Anmeldung bitte unter /verwaltung/konto neu einrichten.\n`);
  return 0;
}

/** Twice without echo on a terminal, else the first line of standard input. */
async function readPassword(io: CommandContext['io']): Promise<string> {
  if (!io.readSecret) {
    const password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
    checkPassword(password);
    return password;
  }
  const password = await io.readSecret(`Passwort (mindestens ${MIN_PASSWORD_LENGTH} Zeichen): `);
  checkPassword(password);
  if ((await io.readSecret('Passwort wiederholen: ')) !== password) throw dmError('DM_PASSWORD_INVALID', { detail: 'die beiden Eingaben stimmen nicht überein.' });
  return password;
}
