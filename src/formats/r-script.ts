// The R export (issue 8): daten.csv plus daten.R, which reads it into `daten` (factors with German
// labels, NA where missing, variable labels in attr "label") and `fehlend` (per variable: "nicht gefragt"
// or "nicht beantwortet" where `daten` is NA), so the two missing kinds stay apart. Base R only.
import { NOT_ANSWERED, NOT_ASKED, type ExportDataset, type ExportFile, type ExportVariable } from './export-dataset.js';
import { formatStatsDataCsv, STATS_DATA_FILE } from './stats-data-csv.js';

export const R_SCRIPT_FILE = 'daten.R';

export function formatR(dataset: ExportDataset): ExportFile[] {
  return [
    { name: STATS_DATA_FILE, data: formatStatsDataCsv(dataset) },
    { name: R_SCRIPT_FILE, data: rScript(dataset) },
  ];
}

export function rScript(dataset: ExportDataset): string {
  const textNames = dataset.variables.filter((_, i) => dataset.columns[i]!.kind === 'text').map((variable) => variable.name);
  return [
    `# Kommunaler Digitalmonitor – ${dataset.title} (Welle ${dataset.waveId}), ${dataset.n} Fälle.`,
    ...(dataset.demo ? ['# Synthetische Demo-Daten, keine Angaben echter Kommunen.'] : []),
    '# Im Ordner dieser Datei: source("daten.R", encoding = "UTF-8")',
    '# daten:   Faktoren mit deutschen Beschriftungen, NA wo fehlend; Variablenbeschriftung in attr(x, "label").',
    `# fehlend: je Variable "nicht gefragt" (${NOT_ASKED}) oder "nicht beantwortet" (${NOT_ANSWERED}) wo daten NA ist.`,
    `roh <- read.csv("${STATS_DATA_FILE}", fileEncoding = "UTF-8", encoding = "UTF-8", check.names = FALSE,`,
    `  na.strings = character(0), colClasses = c(${textNames.map((name) => `${rString(name)} = "character"`).join(', ')}))`,
    'fehlart <- function(x) factor(ifelse(x == "-1", "nicht gefragt", ifelse(x == "-2", "nicht beantwortet", NA)),',
    '  levels = c("nicht gefragt", "nicht beantwortet"))',
    'gueltig <- function(x) ifelse(x %in% c(-1, -2, "-1", "-2"), NA, x)',
    'kategorie <- function(x, codes, labels) factor(gueltig(x), levels = codes, labels = labels)',
    'beschriftet <- function(x, label) { attr(x, "label") <- label; x }',
    'daten <- data.frame(row.names = seq_len(nrow(roh)))',
    'fehlend <- data.frame(row.names = seq_len(nrow(roh)))',
    ...dataset.variables.flatMap((variable, i) => variableLines(variable, dataset.columns[i]!.kind === 'text')),
    'rm(roh, fehlart, gueltig, kategorie, beschriftet)',
    '',
  ].join('\n');
}

function variableLines(variable: ExportVariable, isText: boolean): string[] {
  const name = rString(variable.name);
  const source = `roh[[${name}]]`;
  const value =
    variable.values && variable.measure !== 'scale'
      ? `kategorie(${source}, c(${variable.values.map((v) => v.code).join(', ')}), c(${variable.values.map((v) => rString(v.label)).join(', ')}))`
      : isText
        ? `gueltig(${source})`
        : `as.numeric(gueltig(${source}))`;
  return [
    `daten[[${name}]] <- beschriftet(${value}, ${rString(variable.label)})`,
    ...(variable.source === 'key' ? [] : [`fehlend[[${name}]] <- fehlart(${source})`]),
  ];
}

/** An R string literal (double quotes, backslash escapes). */
function rString(text: string): string {
  return JSON.stringify(text);
}
