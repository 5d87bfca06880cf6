// The data table alternative to the plots, for screen readers and for anyone
// who wants the numbers: one row per class of the current pair.
import type { Derived } from '../model/derive';
import { fmtNum } from '../plots/svg';
import { h } from './dom';

const MAX_ROWS = 200;

export class DataTable {
  private readonly body: HTMLTableSectionElement;
  private readonly caption: HTMLTableCaptionElement;

  constructor(parent: Element) {
    const details = h('details', { class: 'data' }, parent);
    h('summary', { text: 'Data table' }, details);
    const table = h('table', { class: 'data-table' }, details);
    this.caption = h('caption', {}, table);
    const head = h('tr', {}, h('thead', {}, table));
    for (const c of ['class', 'target p', 'logit z', 'softmax q', '−p log q', 'q − p'])
      h('th', { text: c, attrs: { scope: 'col' } }, head);
    this.body = h('tbody', {}, table);
  }

  update(d: Derived): void {
    this.caption.textContent = `H(p, q) = ${fmtNum(d.crossEntropy, 5)} nats; H(p) = ${fmtNum(d.entropy, 5)}; KL(p‖q) = ${fmtNum(d.kl, 5)}; Σ(q − p) = ${fmtNum(d.gradientSum, 2)}`;
    const n = Math.min(d.classes, MAX_ROWS);
    while (this.body.rows.length > n) this.body.deleteRow(-1);
    for (let i = 0; i < n; i++) {
      const tr = this.body.rows[i] ?? this.body.insertRow();
      const cells = [
        String(i),
        fmtNum(d.target[i]!, 4),
        fmtNum(d.logits[i]!, 4),
        fmtNum(d.probabilities[i]!, 4),
        fmtNum(d.contributions[i]!, 4),
        fmtNum(d.gradient[i]!, 4),
      ];
      cells.forEach((c, j) => {
        const cell = tr.cells[j] ?? (j === 0 ? tr.appendChild(document.createElement('th')) : tr.insertCell());
        if (j === 0) cell.setAttribute('scope', 'row');
        if (cell.textContent !== c) cell.textContent = c;
      });
    }
  }
}
