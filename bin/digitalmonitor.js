#!/usr/bin/env -S node --max-semi-space-size=32
// A larger young generation: an analysis' results document (2.6 MB at 412 respondents) then dies young
// instead of being copied and promoted by scavenges mid-run (median 11.4 → 2.3 ms at 412; npm run bench).
import { main } from '../dist/main.js';
await main(process.argv);
