// The one conformance suite every Store driver must pass (architecture habit 3).
import { describe } from 'node:test';
import { accountCases } from './store-suite/account-cases.js';
import { analysisStampCases } from './store-suite/analysis-stamp-cases.js';
import { apiKeyCases } from './store-suite/api-key-cases.js';
import { auditCases } from './store-suite/audit-cases.js';
import { auditChainCases } from './store-suite/audit-chain-cases.js';
import { backupCases } from './store-suite/backup-cases.js';
import { instrumentVersionCases } from './store-suite/instrument-version-cases.js';
import { privacyCases } from './store-suite/privacy-cases.js';
import { monitorCases } from './store-suite/monitor-cases.js';
import { registerCases } from './store-suite/register-cases.js';
import { responseCases } from './store-suite/response-cases.js';
import type { OpenFixture } from './store-suite/store-fixture.js';
import { surveyCases } from './store-suite/survey-cases.js';
import { twoFactorCases } from './store-suite/two-factor-cases.js';
import { waveCases } from './store-suite/wave-cases.js';

export type { OpenFixture, StoreFixture } from './store-suite/store-fixture.js';

/** Registers the suite; `open` must give each test a fresh, migrated, empty store. */
export function storeSuite(name: string, open: OpenFixture): void {
  describe(name, () => {
    registerCases(open);
    waveCases(open);
    responseCases(open);
    monitorCases(open);
    auditCases(open);
    surveyCases(open);
    backupCases(open);
    auditChainCases(open);
    privacyCases(open);
    accountCases(open);
    instrumentVersionCases(open);
    twoFactorCases(open);
    apiKeyCases(open);
    analysisStampCases(open);
  });
}
