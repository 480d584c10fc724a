// statistics.md "Tables, groupings, cells": which variables get a table, with which domain, and how
// each flat one is read from a response.
import { flatVariables, type FlatVariable } from '../instrument/flat-variables.js';
import { instrumentIndex } from '../instrument/instrument-index.js';
import type { Instrument, Question } from '../instrument/model.js';

/** The grouping variables every analysis has (besides `all`), in the order of interfaces.md. */
export const GROUPING_NAMES = ['vg_strategy', 'vg_egov', 'vg_community', 'size_class', 'state', 'unit_type'] as const;

/** Flags in tables, in the order of R's factor levels. */
export const FLAG_DOMAIN: readonly string[] = Object.freeze(['false', 'true']);

export interface FlatTableVariable {
  readonly source: 'flat';
  readonly name: string;
  readonly values: readonly string[];
  readonly question: Question;
  readonly itemId: string | undefined;
  /**
   * Columns that must all be filled for this one to count as answered: every 0/1 column of the multi
   * question, or of the grid-multi item (statistics.md "Missing values"); empty for single choices.
   */
  readonly completeWith: readonly string[];
}

export interface DerivedTableVariable {
  readonly source: 'derived';
  readonly name: string;
  readonly values: readonly string[];
}

export type TableVariable = FlatTableVariable | DerivedTableVariable;

const cache = new WeakMap<Instrument, readonly TableVariable[]>();

/** Every table variable: categorical flat variables in questionnaire order, then the derived ones. */
export function tableVariables(instrument: Instrument): readonly TableVariable[] {
  let variables = cache.get(instrument);
  if (!variables) {
    variables = Object.freeze([...flatTableVariables(instrument), ...derivedTableVariables(instrument)]);
    cache.set(instrument, variables);
  }
  return variables;
}

function flatTableVariables(instrument: Instrument): FlatTableVariable[] {
  const index = instrumentIndex(instrument);
  const categorical = flatVariables(instrument).filter((v) => v.kind === 'choice' || v.kind === 'flag');
  return categorical.map((variable) => ({
    source: 'flat',
    name: variable.name,
    values: variable.values ?? [],
    question: index.questionById.get(variable.questionId)!,
    itemId: variable.itemId,
    completeWith: variable.kind === 'flag' ? siblings(index.variablesOfQuestion.get(variable.questionId) ?? [], variable) : [],
  }));
}

function siblings(ofQuestion: readonly FlatVariable[], variable: FlatVariable): string[] {
  return ofQuestion.filter((v) => v.itemId === variable.itemId).map((v) => v.name);
}

function derivedTableVariables(instrument: Instrument): DerivedTableVariable[] {
  return instrument.derived.map((derived) => ({
    source: 'derived',
    name: derived.id,
    values: isFlagDomain(derived.values) ? FLAG_DOMAIN : derived.values,
  }));
}

function isFlagDomain(values: readonly string[]): boolean {
  return values.length === 2 && values.includes('true') && values.includes('false');
}
