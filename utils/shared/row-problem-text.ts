import type { RowProblem } from './order-fields';

type GetMessage = (name: string) => string;

/**
 * A row problem in the browser's language, from the locales (`rowProblem.*`, `rowField.*`), written
 * "field: what is wrong" so no particle depends on the field's name.
 */
export function rowProblemText(p: RowProblem, t: GetMessage): string {
  return t(`rowProblem_${p.reason}`)
    .replace('{field}', t(`rowField_${p.field}`) || (p.field ?? ''))
    .replace('{max}', String(p.max ?? ''))
    .replace('{value}', p.value ?? '');
}
