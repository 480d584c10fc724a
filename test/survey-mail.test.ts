// Invitations and reminders by e-mail through a real SMTP conversation with a local server
// (smtp-server on loopback): recipients, German text, a personal link that opens the questionnaire.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../src/web/create-app.js';
import { type MemoryCli, memoryCli } from './support/memory-cli.js';
import { UNITS } from './support/survey-fixture.js';
import { register } from './store-suite/store-fixture.js';

interface Received {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

let received: Received[] = [];
let server: SMTPServer;
let port = 0;

before(async () => {
  server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(address.address.startsWith('kaputt@') ? Object.assign(new Error('Postfach unbekannt'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(parseMessage(Buffer.concat(chunks).toString('utf8'), session.envelope));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function parseMessage(raw: string, envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] }): Received {
  const [head = '', body = ''] = raw.split('\r\n\r\n', 2).length === 2 ? [raw.slice(0, raw.indexOf('\r\n\r\n')), raw.slice(raw.indexOf('\r\n\r\n') + 4)] : [raw, ''];
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const subject = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  return {
    from: envelope.mailFrom ? envelope.mailFrom.address : '',
    to: envelope.rcptTo.map((r) => r.address),
    subject: decodeWords(subject),
    text: /quoted-printable/i.test(unfolded) ? decodeQuotedPrintable(body) : body,
  };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
}

function decodeWords(header: string): string {
  return header.replace(/=\?utf-8\?([QB])\?(.*?)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

async function waveCli(env: Record<string, string> = {}): Promise<MemoryCli> {
  const cli = await memoryCli({ SMTP_URL: `smtp://127.0.0.1:${port}`, BASE_URL: 'https://umfrage.example.de', MAIL_FROM: 'Digitalmonitor <umfrage@example.de>', ...env });
  await cli.store.replaceRegister(register(UNITS));
  await cli.run('wave', 'create', 'w', '--title', 'Kommunen digital 2026', '--closes', '2099-05-31');
  await cli.run('wave', 'target', 'w', '--state', 'NW');
  // As German Excel saves it: leading zero of the AGS lost, BOM, semicolons.
  cli.files.set('kontakte.csv', new TextEncoder().encode('\uFEFFAGS;Name;E-Mail\r\n5111000;Düsseldorf;it@duesseldorf.example\r\n05113000;Essen;digital@essen.example\r\n'));
  return cli;
}

test('invite --send mails each unit with an address its German invitation with personal link and code', async () => {
  received = [];
  const cli = await waveCli();
  try {
    const result = await cli.run('invite', '--wave', 'w', '--send', '--contacts', 'kontakte.csv');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '2 Einladung(en) ausgestellt.\n2 Einladung(en) per E-Mail versandt.\n');
    assert.deepEqual(received.map((m) => m.to), [['it@duesseldorf.example'], ['digital@essen.example']]);
    assert.ok(received.every((m) => m.from === 'umfrage@example.de'));
    const mail = received[0]!;
    assert.equal(mail.subject, 'Einladung zur Befragung „Kommunen digital 2026“');
    assert.match(mail.text, /^Guten Tag,\n\nIhre Kommune Düsseldorf \(AGS 05111000\) ist herzlich zur Befragung „Kommunen digital 2026“ eingeladen\./);
    assert.match(mail.text, /Antworten sind bis zum 31\. Mai 2099 möglich\./);
    const link = /^Ihr persönlicher Link zum Fragebogen:\n(https:\/\/umfrage\.example\.de\/umfrage\/([0-9A-Z-]{34}))$/m.exec(mail.text);
    assert.ok(link, mail.text);
    assert.match(mail.text, new RegExp(`diesen Zugangscode ein:\\n${link[2]}\\n`));
    assert.deepEqual((await cli.store.invitations('w')).map((i) => i.ags), ['05111000', '05113000'], 'no code for a unit without address');
    await cli.run('wave', 'open', 'w');
    const app = createApp({ store: cli.store, log: () => {}, baseUrl: 'https://umfrage.example.de' });
    const opened = await app.request(link[1]!);
    assert.equal(opened.status, 303, 'the mailed link opens the questionnaire');
    assert.match(opened.headers.get('set-cookie') ?? '', /^dm_sitzung=/);
  } finally {
    await cli.close();
  }
});

test('remind --send mails only units that have not submitted; the reminder is German and carries no code', async () => {
  received = [];
  const cli = await waveCli();
  try {
    assert.equal((await cli.run('invite', '--wave', 'w', '--out', 'briefe.csv')).code, 0);
    await cli.run('wave', 'open', 'w');
    await cli.store.writeResponse('w', '05113000', { baseRevision: 0, answers: {}, actor: 't', submitSha256: 'c'.repeat(64) });
    await cli.store.writeResponse('w', '05111000', { baseRevision: 0, answers: { fim_known: 'ja' }, actor: 't' });
    const result = await cli.run('remind', '--wave', 'w', '--send', '--contacts', 'kontakte.csv');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '1 Erinnerung(en) per E-Mail versandt.\nOhne E-Mail-Adresse in der Kontaktdatei (nicht versandt): 05158000\n');
    assert.equal(received.length, 1);
    const [mail] = received;
    assert.deepEqual(mail!.to, ['it@duesseldorf.example']);
    assert.equal(mail!.subject, 'Erinnerung: Befragung „Kommunen digital 2026“');
    assert.match(mail!.text, /für Düsseldorf \(AGS 05111000\) liegt zur Befragung „Kommunen digital 2026“ noch keine abgeschickte Antwort vor\. Sie haben bereits begonnen/);
    assert.match(mail!.text, /^https:\/\/umfrage\.example\.de\/umfrage$/m);
    const code = cli.text('briefe.csv').split('\r\n')[1]!.split(';')[3]!;
    assert.ok(!mail!.text.includes(code));
    assert.deepEqual((await cli.store.auditLog(1))[0]?.details, { sent: 1, failed: 0, withoutAddress: 1 });
  } finally {
    await cli.close();
  }
});

test('mail failures: refused recipients are named (exit 1) after the others went out; no server stores no code', async () => {
  received = [];
  const cli = await waveCli();
  try {
    cli.files.set('kaputt.csv', new TextEncoder().encode('AGS,E-Mail\n05111000,kaputt@duesseldorf.example\n05113000,digital@essen.example\n'));
    const partial = await cli.run('invite', '--wave', 'w', '--send', '--contacts', 'kaputt.csv');
    assert.equal(partial.code, 1);
    assert.match(partial.stderr, /Fehler \[DM_MAIL_FAILED\]: E-Mail-Versand fehlgeschlagen: nicht angenommen für AGS 05111000\./);
    assert.deepEqual(received.map((m) => m.to), [['digital@essen.example']]);
    assert.equal((await cli.store.invitations('w')).length, 2, 'both codes stored: re-issue the failed one');
  } finally {
    await cli.close();
  }
  const offline = await waveCli({ SMTP_URL: 'smtp://127.0.0.1:1' });
  try {
    const result = await offline.run('invite', '--wave', 'w', '--send', '--contacts', 'kontakte.csv');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /Der Mailserver hat keine Nachricht angenommen\. Es wurde kein Code gespeichert\./);
    assert.deepEqual(await offline.store.invitations('w'), []);
  } finally {
    await offline.close();
  }
});

test('bad calls: no SMTP_URL, no or broken contacts file — German, coded, nothing sent or stored', async () => {
  received = [];
  const cli = await waveCli({ SMTP_URL: '' });
  try {
    const none = await cli.run('invite', '--wave', 'w', '--send', '--contacts', 'kontakte.csv');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Für den E-Mail-Versand fehlt SMTP_URL/);
  } finally {
    await cli.close();
  }
  const mailing = await waveCli();
  try {
    assert.match((await mailing.run('remind', '--wave', 'w', '--send')).stderr, /braucht --contacts/);
    mailing.files.set('falsch.csv', new TextEncoder().encode('AGS;E-Mail\n05111000;keine-adresse\n123;a@b.de\n'));
    const bad = await mailing.run('invite', '--wave', 'w', '--send', '--contacts', 'falsch.csv');
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /Kontaktdatei abgelehnt: falsch\.csv: Zeile 2: „keine-adresse“ ist keine E-Mail-Adresse\. Zeile 3: AGS „123“ hat nicht 8 Ziffern\./);
    assert.equal((await mailing.run('remind', '--wave', 'nope', '--send', '--contacts', 'kontakte.csv')).code, 4);
    assert.deepEqual(await mailing.store.invitations('w'), []);
    assert.deepEqual(received, []);
  } finally {
    await mailing.close();
  }
});
