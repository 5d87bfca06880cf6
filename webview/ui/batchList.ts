// The per-row losses of a 2-D batch, worst first; each entry is a button that
// selects the row here and reveals it in its editor.
import type { RowLoss } from '../model/derive';
import { fmtNum } from '../plots/svg';
import { h } from './dom';

const SHOWN = 200;

export class BatchList {
  readonly section: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly note: HTMLElement;
  private lastRows: RowLoss[] | null = null;
  private lastSelected = -1;

  constructor(
    parent: Element,
    private readonly onSelect: (row: number) => void,
  ) {
    this.section = h('section', { class: 'batch', attrs: { 'aria-labelledby': 'batch-title' } }, parent);
    h('h2', { id: 'batch-title', text: 'Rows of the batch, worst loss first' }, this.section);
    this.note = h('p', { class: 'note' }, this.section);
    this.list = h('ol', { class: 'batch-list' }, this.section);
  }

  update(rows: RowLoss[], selected: number): void {
    const single = rows.length <= 1;
    if (this.section.hidden !== single) this.section.hidden = single;
    // A single pair has no list to show: its one-row loss is new on every
    // redraw, and rebuilding the hidden list for it cost a third of a slider move.
    if (single) return;
    if (rows === this.lastRows && selected === this.lastSelected) return;
    if (rows !== this.lastRows) {
      this.lastRows = rows;
      this.list.replaceChildren();
      const max = rows.reduce((m, r) => (Number.isFinite(r.loss) ? Math.max(m, r.loss) : m), 0) || 1;
      for (const r of rows.slice(0, SHOWN)) {
        const li = h('li', {}, this.list);
        const b = h('button', { class: 'batch-row', attrs: { type: 'button', 'data-row': String(r.row) } }, li);
        h('span', { class: 'batch-name', text: `row ${r.row}` }, b);
        const meter = h(
          'meter',
          {
            attrs: {
              min: '0',
              max: String(max),
              value: String(Number.isFinite(r.loss) ? r.loss : max),
              'aria-hidden': 'true',
            },
          },
          b,
        );
        meter.tabIndex = -1;
        h('span', { class: 'batch-loss', text: `${fmtNum(r.loss, 4)} nats` }, b);
        b.addEventListener('click', () => this.onSelect(r.row));
      }
      this.note.textContent =
        rows.length > SHOWN
          ? `Showing the ${SHOWN} worst of ${rows.length} rows.`
          : `${rows.length} rows. Choose one to inspect it and jump to it in the editor.`;
    }
    this.lastSelected = selected;
    for (const b of this.list.querySelectorAll<HTMLButtonElement>('button.batch-row')) {
      const on = b.dataset.row === String(selected);
      b.classList.toggle('selected', on);
      b.setAttribute('aria-pressed', String(on));
    }
  }
}
