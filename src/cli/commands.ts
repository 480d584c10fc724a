import type { Command } from './command.js';
import { apikeyCommand } from './commands/apikey-command.js';
import { analyzeCommand } from './commands/analyze-command.js';
import { auditCommand } from './commands/audit-command.js';
import { backupCommand, restoreCommand } from './commands/backup-command.js';
import { demoCommand } from './commands/demo-command.js';
import { exportCommand } from './commands/export-command.js';
import { importRegisterCommand } from './commands/import-register-command.js';
import { importResponsesCommand } from './commands/import-responses-command.js';
import { inviteCommand } from './commands/invite-command.js';
import { monitorCommand } from './commands/monitor-command.js';
import { privacyCommand } from './commands/privacy-command.js';
import { instrumentCommand } from './commands/instrument-command.js';
import { profileCommand } from './commands/profile-command.js';
import { remindCommand } from './commands/remind-command.js';
import { reportCommand } from './commands/report-command.js';
import { serveCommand } from './commands/serve-command.js';
import { userCommand } from './commands/user-command.js';
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
  remindCommand,
  analyzeCommand,
  demoCommand,
  reportCommand,
  profileCommand,
  userCommand,
  apikeyCommand,
  backupCommand,
  restoreCommand,
  auditCommand,
  privacyCommand,
];
