// API operations on invitations (the CLI's invite): issue codes for the target population or listed
// units (the codes are in the reply once, only their hashes are stored), list invitations without codes,
// revoke.
import type { InvitationLetter } from '../../formats/invitation-letters-csv.js';
import { inviteListedUnits } from '../../tasks/invite-listed-units.js';
import { inviteUnits, revokeUnits } from '../../tasks/invitations.js';
import { requireWave } from '../../tasks/waves.js';
import { apiOperation, type ApiOperation } from './api-operation.js';
import { InvitationListSchema, InvitationsBody, InvitationsIssuedSchema, NoQuery, PageQuery, RevokedSchema, RevokeInvitationsBody, WaveParams } from './api-schemas.js';
import { pageOf } from './page-of.js';

/** 20,000 AGS in a JSON list are about 220 KB. */
const MAX_AGS_BODY_BYTES = 1024 * 1024;

export const INVITATION_OPERATIONS: readonly ApiOperation[] = [
  apiOperation({
    id: 'createInvitations',
    method: 'post',
    path: '/v1/waves/:wave/invitations',
    summary: 'Einladungen mit Zugangscodes ausstellen',
    description:
      'Wie „digitalmonitor invite“: {} lädt jede Kommune der Zielgruppe ohne aktive Einladung ein, {"ags": […]} nur diese (sie müssen zur Zielgruppe gehören und dürfen noch keine aktive Einladung haben), {"reissue": true} stellt allen (mit ags: diesen) neue Codes aus. Die Codes stehen NUR in dieser Antwort; gespeichert wird ein Hash.',
    role: 'analyst',
    params: WaveParams,
    query: NoQuery,
    body: { kind: 'json', schema: InvitationsBody, maxBytes: MAX_AGS_BODY_BYTES },
    success: { status: 201, schema: InvitationsIssuedSchema, description: 'ausgestellte Einladungen mit Codes und Links' },
    handle: async ({ deps, params, body, user, url }) => {
      let letters: readonly InvitationLetter[] = [];
      const deliver = async (issued: readonly InvitationLetter[]) => void (letters = issued);
      const input = { waveId: params.wave, baseUrl: deps.baseUrl ?? new URL(url).origin, actor: `user:${user.email}` };
      const result =
        body.ags !== undefined && body.reissue !== true
          ? await inviteListedUnits(deps.store, input, body.ags, deliver)
          : await inviteUnits(deps.store, { ...input, reissue: body.reissue === true ? (body.ags ?? 'all') : 'new' }, deliver);
      return { issued: result.issued, revoked: result.revoked, active: result.active, letters: letters.map(({ ags, name, link, code }) => ({ ags, name, link, code })) };
    },
  }),
  apiOperation({
    id: 'listInvitations',
    method: 'get',
    path: '/v1/waves/:wave/invitations',
    summary: 'Einladungen einer Welle (ohne Codes)',
    description: 'Aktive und widerrufene Einladungen nach AGS, seitenweise (limit, offset). Wer schon geantwortet hat, zeigt /monitoring.',
    role: 'analyst',
    params: WaveParams,
    query: PageQuery,
    success: { status: 200, schema: InvitationListSchema, description: 'eine Seite der Einladungen' },
    handle: async ({ deps, params, query }) => {
      const wave = await requireWave(deps.store, params.wave);
      const { items, page } = pageOf(await deps.store.invitations(wave.id), query);
      const names = new Map((await deps.store.registerUnits([...new Set(items.map((item) => item.ags))])).map((unit) => [unit.ags, unit.name]));
      return {
        items: items.map((item) => ({ ags: item.ags, name: names.get(item.ags) ?? null, issuedAt: item.issuedAt, revokedAt: item.revokedAt, status: item.revokedAt === null ? 'active' : 'revoked' })),
        page,
      };
    },
  }),
  apiOperation({
    id: 'revokeInvitations',
    method: 'post',
    path: '/v1/waves/:wave/invitations/revoke',
    summary: 'Einladungen widerrufen',
    description: 'Wie „digitalmonitor invite --revoke“: alle genannten Kommunen brauchen eine aktive Einladung, sonst wird nichts widerrufen (404).',
    role: 'analyst',
    params: WaveParams,
    query: NoQuery,
    body: { kind: 'json', schema: RevokeInvitationsBody, maxBytes: MAX_AGS_BODY_BYTES },
    success: { status: 200, schema: RevokedSchema, description: 'Zahl der widerrufenen Einladungen' },
    handle: async ({ deps, params, body, user }) => ({ revoked: await revokeUnits(deps.store, params.wave, body.ags, `user:${user.email}`) }),
  }),
];
