import type { Command } from './command.js';
import { analyzeCommand } from './commands/analyze-command.js';
import { demoCommand } from './commands/demo-command.js';
import { exportCommand } from './commands/export-command.js';
import { importRegisterCommand } from './commands/import-register-command.js';
import { importResponsesCommand } from './commands/import-responses-command.js';
import { inviteCommand } from './commands/invite-command.js';
import { monitorCommand } from './commands/monitor-command.js';
import { instrumentCommand } from './commands/instrument-command.js';
import { reportCommand } from './commands/report-command.js';
import { serveCommand } from './commands/serve-command.js';
import { waveCommand } from './commands/wave-command.js';

export const COMMANDS: readonly Command[] = [
  serveCommand,
  instrumentCommand,
  importRegisterCommand,
  waveCommand,
  importResponsesCommand,
  exportCommand,
  inviteCommand,
  monitorCommand,
  analyzeCommand,
  demoCommand,
  reportCommand,
];
