import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FlatResponse } from '../instrument/model.js';
import { exampleResponse2019 } from '../instrument/waves/example-response-2019.js';
import type { RegisterUnit } from '../register/unit.js';
import { findPeers, gapsOf, itemValuesOf, type PeerUnit } from './peer-finder.js';
import { recommendationsFor } from './recommendations.js';
import { scoreResponse } from './score-response.js';
import { SCORING_2019 } from './scoring-2019.js';

function peer(ags: string, answers: FlatResponse, overrides: Partial<RegisterUnit> = {}): PeerUnit {
  const unit: RegisterUnit = {
    ags,
    name: `Musterstadt ${ags.slice(-3)}`,
    stateCode: 'HE',
    state: 'Hessen',
    districtAgs: '06801',
    district: 'Musterkreis 001',
    unitType: 'kreisangehoerige_gemeinde',
    sourceType: 'Stadt',
    population: 30_000,
    areaKm2: 40,
    sizeClass: 'gk5',
    synthetic: true,
    ...overrides,
  };
  const scores = scoreResponse(SCORING_2019, answers);
  return { ags, unit, answers, scores, values: itemValuesOf(scores) };
}

const lacking: FlatResponse = { ...exampleResponse2019, components__servicekonto: 'nein', peer_exchange: 'ja', contact_email: '' };
const having: FlatResponse = { ...exampleResponse2019, components__servicekonto: 'im_einsatz', peer_exchange: 'ja', contact_email: 'it@musterstadt.example' };

test('only consenting units that have what this one lacks, most similar first; contact only when both consented', () => {
  const self = peer('06801001', lacking);
  const gaps = gapsOf(self.scores, SCORING_2019.peerTopics);
  assert.ok(gaps.some((gap) => gap.item === 'components__servicekonto'));
  const candidates = [
    peer('06801002', { ...having, peer_exchange: 'nein', contact_email: '' }),
    peer('09801003', having, { stateCode: 'BY', state: 'Bayern', districtAgs: '09801', sizeClass: 'gk4', population: 80_000 }),
    peer('06801004', having),
    peer('06801005', lacking),
  ];
  const found = findPeers(self, candidates, gaps);
  assert.deepEqual(found.map((p) => p.ags), ['06801004', '09801003']);
  assert.equal(found[0]!.contact, 'it@musterstadt.example');
  assert.deepEqual(found[0]!.similarities, ['gleicher Kreis', 'gleiche Größenklasse', 'gleiche Art', 'gleiches Land']);
  assert.ok(found[0]!.offers.includes('Basiskomponente: Servicekonto / Bürgerkonto'));
  const withoutConsent = findPeers(peer('06801001', { ...lacking, peer_exchange: 'nein' }), candidates, gaps);
  assert.deepEqual(withoutConsent.map((p) => p.contact), [null, null]);
  assert.ok(!JSON.stringify(withoutConsent).includes('Musterstadt 002'));
});

test('recommendations follow the gaps: no strategy → 3, no Chefsache → 4, all done → not applicable', () => {
  const base = { ...exampleResponse2019, strategy_status: 'kein_thema', responsible_admin__buergermeister: '0', responsible_admin__cdo: '0', responsible_admin__cio: '0' };
  const list = recommendationsFor(scoreResponse(SCORING_2019, base), base, 0);
  assert.equal(list.length, 6);
  assert.match(list[2]!.steps.join(' '), /Erarbeiten Sie eine Digitalisierungsstrategie/);
  assert.match(list[3]!.steps.join(' '), /Chefsache/);
  const strong = { ...exampleResponse2019, strategy_status: 'vorhanden', responsible_community__cdo: '1' };
  assert.equal(recommendationsFor(scoreResponse(SCORING_2019, strong), strong, 0)[3]!.applies, false);
});
