// Types derived from an instrument value declared `as const` (architecture habit 4): a typo in an ID fails tsc.
import type { Instrument } from './model.js';

type QuestionOf<I extends Instrument> = I['sections'][number]['questions'][number];
type IdOf<T> = T extends { readonly id: infer Id extends string } ? Id : never;
type OptionIdOf<Q> = Q extends { readonly options: readonly (infer O)[] } ? IdOf<O> : never;
type ItemIdOf<Q> = Q extends { readonly items: readonly (infer It)[] } ? IdOf<It> : never;

export type QuestionIdOf<I extends Instrument> = QuestionOf<I>['id'];

/** instrument.md "Flat variable names": q · q__option · q__item · q__item__option. */
export type FlatVariableName<I extends Instrument> = FlatNamesOf<QuestionOf<I>>;

type FlatNamesOf<Q> = Q extends { readonly id: infer Id extends string; readonly type: infer T }
  ? T extends 'multi'
    ? `${Id}__${OptionIdOf<Q>}`
    : T extends 'grid-single'
      ? `${Id}__${ItemIdOf<Q>}`
      : T extends 'grid-multi'
        ? `${Id}__${ItemIdOf<Q>}__${OptionIdOf<Q>}`
        : Id
  : never;

export type OptionIdOfQuestion<I extends Instrument, Id extends QuestionIdOf<I>> = OptionIdOf<
  Extract<QuestionOf<I>, { readonly id: Id }>
>;

export type DerivedVariableIdOf<I extends Instrument> = I['derived'][number]['id'];
