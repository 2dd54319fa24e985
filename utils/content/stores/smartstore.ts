import type { Order } from '@/utils/shared/order';
import { toQuantity } from '@/utils/shared/order-fields';
import { SMARTSTORE } from '@/utils/shared/store-admins';
import { cellText } from './cell-text';
import { SMARTSTORE_FIELDS } from './smartstore-fields';
import type { AdminLocator, Locator, PageData, RawFields, RowRef } from './types';

// Naver Smartstore seller center, inside the /o/… order frame: a TOAST UI Grid whose cells carry
// data-row-key and data-column-name (docs/reference/store-admins.md §1.4), named as the fields in smartstore-fields.ts.
// The grid's 택배사 column is deliveryCompanyCode (§1.5; the GraphQL row also has deliveryCompanyName), and
// the row's tick box is _checked (docs/reference/tui-grid-real-dom.md).
const SMARTSTORE_COLUMNS = { ...SMARTSTORE_FIELDS, courier: 'deliveryCompanyCode', checked: '_checked' } as const;

const ORDER_FIELDS = Object.keys(SMARTSTORE_COLUMNS).filter((k) => k !== 'checked') as Exclude<
  keyof typeof SMARTSTORE_COLUMNS,
  'checked'
>[];

/** The visible content of a TUI cell (its content div), else the cell itself. */
function content(td: Element): Element {
  const first = td.firstElementChild;
  // The usual cell holds just its content div: no selector matching needed (a grid has thousands of cells).
  if (first && first === td.lastElementChild && first.className === 'tui-grid-cell-content') return first;
  return td.querySelector('.tui-grid-cell-content') ?? td;
}

/** One grid's bodies: each side renders a row as one <tr>, in the same order on both sides. */
class GridSides {
  declare private ticked?: boolean;
  constructor(
    private readonly grid: Element,
    private readonly bodies: HTMLTableSectionElement[],
  ) {}

  /** Whether any row is ticked: usually none, and then no row needs looking at. */
  anyTicked(): boolean {
    return (this.ticked ??= !!this.grid.querySelector('input:checked'));
  }

  /** The row's <tr> on every side, paired by position and confirmed by the key on their cells; its own alone
   * while the sides are out of step (mid-render: the next scan, after the grid's change, reads it whole). */
  parts(key: string, own: HTMLTableRowElement): Element[] {
    const index = own.sectionRowIndex;
    const paired = this.bodies.map((b) => b.children[index]);
    // The row's own <tr> needs no check (its key is the anchor's): only the other sides' are compared.
    return index >= 0 && paired.every((tr) => tr === own || (tr && keyOf(tr) === key)) ? (paired as Element[]) : [own];
  }
}

// Page data entries are replaced, never changed in place: one JSON text per entry object.
const texts = new WeakMap<object, string>();
function json(o: object): string {
  let s = texts.get(o);
  if (s === undefined) texts.set(o, (s = JSON.stringify(o)));
  return s;
}

function keyOf(tr: Element): string | null | undefined {
  return (tr.firstElementChild ?? tr.querySelector('td'))?.getAttribute('data-row-key');
}

/** A located row. A class, not closures: a 2,000-row grid is located on every change, so keep it light. */
class SmartstoreRow implements RowRef {
  // Caches, declared only: no class fields to emit (every byte of a content script counts).
  declare private partsCache?: Element[];
  declare private cells?: Map<string, Element>;
  declare private anchorCache?: Element;
  declare private placeCache?: string;

  // Nothing is read here: locating must stay cheap; each row is looked at in its slice of the scan.
  constructor(
    private readonly td: Element,
    private readonly sides: GridSides,
    private readonly extra: PageData | undefined,
  ) {}

  /** Inside the cell's content box, on the number's line: a button below it would make the left (frozen)
   * row taller than its right half, and TUI keeps row heights fixed. */
  get anchor(): Element {
    return (this.anchorCache ??= content(this.td));
  }

  get place(): string {
    return (this.placeCache ??= this.td.getAttribute('data-row-key')!);
  }

  private get parts(): Element[] {
    return (this.partsCache ??= this.sides.parts(this.place, this.td.parentElement as HTMLTableRowElement));
  }

  private text(c: keyof typeof SMARTSTORE_COLUMNS): string | undefined {
    if (!this.cells) {
      this.cells = new Map();
      for (const tr of this.parts)
        for (const td of tr.children)
          if (td.getAttribute('data-row-key') === this.place) this.cells.set(td.getAttribute('data-column-name')!, td);
      this.cells.set(SMARTSTORE_COLUMNS.productOrderNo, this.td);
    }
    const td = this.cells.get(SMARTSTORE_COLUMNS[c]);
    return td ? cellText(content(td)) : undefined;
  }

  key(): string {
    return cellText(this.td);
  }

  /** Changes whenever fields() would: the row's text per side and cell count, and the page data for it. */
  signature(): string {
    let sig = this.place;
    for (const tr of this.parts) sig += `\u0001${tr.childElementCount}\u0002${tr.textContent}`;
    const more = this.extra?.get(cellText(this.td));
    return more ? `${sig}\u0001${json(more)}` : sig;
  }

  fields(): RawFields {
    // A column the DOM lacks (virtualized out of view) comes from the page's own data, when it sent it.
    const more: Partial<Order> = this.extra?.get(this.text('productOrderNo') ?? '') ?? {};
    const out: RawFields = {};
    for (const field of ORDER_FIELDS) {
      const shown = this.text(field);
      out[field] = field === 'quantity' ? (toQuantity(shown ?? '') ?? more.quantity) : shown || more[field];
    }
    return out;
  }

  selected(): boolean {
    if (!this.sides.anyTicked()) return false;
    const box = this.td.parentElement?.querySelector(`[data-column-name=${SMARTSTORE_COLUMNS.checked}] input`) as
      HTMLInputElement | null | undefined;
    return !!box?.checked;
  }
}

/**
 * Finds every rendered row by its product order number cell; the row's other cells (left and right parts,
 * joined by data-row-key) are only looked at when the row is read. Columns virtualized out of the DOM come
 * from `extra` (the page's own data).
 */
const locateSmartstore: Locator<'smartstore'> = {
  store: 'smartstore',
  virtual: true,
  locate(doc, url, extra) {
    if (!SMARTSTORE.isOrderPage(url)) return [];
    const refs: RowRef[] = [];
    // Live collections by class and tag: no selector matching over the page on every scan.
    for (const grid of doc.getElementsByClassName('tui-grid-container')) {
      const anchors = grid.querySelectorAll(
        `td[data-row-key][data-column-name="${SMARTSTORE_COLUMNS.productOrderNo}"]`,
      );
      if (!anchors.length) continue; // dummy filler rows have no product order number
      // The body's tables, one a side (the header's tables have a tbody too: docs/reference/tui-grid-real-dom.md).
      const sides = new GridSides(grid, [
        ...grid.querySelectorAll<HTMLTableSectionElement>('.tui-grid-body-area tbody'),
      ]);
      for (let i = 0; i < anchors.length; i++) refs.push(new SmartstoreRow(anchors[i]!, sides, extra));
    }
    return refs;
  },
};

export const smartstoreAdmin: AdminLocator<'smartstore'> & typeof SMARTSTORE = {
  ...SMARTSTORE,
  locator: locateSmartstore,
};
