// Respondent role (section A) and section I, Abschluss: peer exchange, contact, comments.
import { strategyAsked, type DemoProfile } from '../demo-profile.js';
import type { NonresponsePlan } from '../plan-nonresponse.js';
import { chance, pickWeighted } from '../random-draws.js';
import { randomStream, type Random } from '../random-stream.js';
import type { Answers } from './answers.js';

/** Remarks for about one in thirty respondents; `when` keeps a remark consistent with the answers. */
const REMARKS: readonly { readonly text: string; readonly when: (profile: DemoProfile) => boolean }[] = [
  { text: 'Die Umsetzung des OZG bindet derzeit einen Großteil unserer Kapazitäten.', when: () => true },
  { text: 'Unsere Digitalisierungsstrategie soll im kommenden Jahr vom Rat beschlossen werden.', when: (p) => p.strategy === 'in_entwicklung' },
  { text: 'Viele Basiskomponenten nutzen wir gemeinsam mit den Nachbarkommunen über unseren IT-Dienstleister.', when: (p) => p.egovCount >= 3 },
  { text: 'Uns fehlen IT-Fachkräfte; Stellen bleiben lange unbesetzt.', when: () => true },
  { text: 'Der Breitbandausbau in den Ortsteilen ist noch nicht abgeschlossen.', when: (p) => p.unit.unitType !== 'kreisfreie_stadt' },
  { text: 'Einige Fragen konnten wir nur für die Kernverwaltung beantworten, nicht für die Eigenbetriebe.', when: () => true },
  { text: 'FIM war uns bisher nicht bekannt, wir werden uns damit befassen.', when: (p) => !p.fimKnown },
  { text: 'Wir würden uns über einen Austausch zu Open Data mit anderen Kommunen freuen.', when: (p) => strategyAsked(p) },
];

export function closingAnswers(profiles: readonly DemoProfile[], responsibility: readonly Answers[], plan: NonresponsePlan, seed: number): Answers[] {
  const random = randomStream(seed, 'closing');
  return profiles.map((profile) => {
    const peer = plan.peerExchange.has(profile.id) ? '' : chance(random, 0.35 + 0.4 * profile.maturity) ? 'ja' : 'nein';
    const role = respondentRole(responsibility[profile.id] ?? {}, random);
    return {
      respondent_role: plan.respondentRole.has(profile.id) ? '' : role,
      peer_exchange: peer,
      contact_email: peer === 'ja' ? fakeAddress(profile) : '',
      comments: comment(profile, random),
    };
  });
}

// Whoever fills in the form: CDO or CIO where there is one, otherwise mostly IT or Organisation.
function respondentRole(responsibility: Answers, random: Random): string {
  const has = (option: string) => responsibility[`responsible_admin__${option}`] === '1' || responsibility[`responsible_community__${option}`] === '1';
  const weights: (readonly [string, number])[] = [
    ['buergermeister', has('buergermeister') ? 0.12 : 0.01],
    ['cdo', has('cdo') ? 1.2 : 0],
    ['cio', has('cio') ? 1 : 0],
    ['it_leitung', 0.8],
    ['organisation', responsibility['responsible_admin__organisation'] === '1' ? 0.9 : 0.4],
    ['stabsstelle', responsibility['responsible_admin__stabsstelle'] === '1' ? 1 : 0],
    ['sonstige', 0.2],
  ];
  return pickWeighted(random, weights);
}

/** "Musterstadt 017" → kontakt017@musterstadt.example (RFC 2606: .example never resolves). */
function fakeAddress(profile: DemoProfile): string {
  const [kind = 'muster', number = '000'] = profile.unit.name.toLowerCase().split(' ');
  return `kontakt${number}@${kind}.example`;
}

function comment(profile: DemoProfile, random: Random): string {
  if (!chance(random, 1 / 30)) return '';
  const fitting = REMARKS.filter((remark) => remark.when(profile));
  return fitting.length === 0 ? '' : pickWeighted(random, fitting.map((remark) => [remark.text, 1] as const));
}
