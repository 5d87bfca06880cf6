// Controls: native range inputs for the continuous sliders (accessible and
// keyboard-operable out of the box; @vscode-elements has no slider), and
// @vscode-elements radio groups and buttons for the choices and actions.
import { custom, h } from './dom';

export interface Slider {
  input: HTMLInputElement;
  value: HTMLOutputElement;
  set(v: number, shown: string): void;
}

export function slider(
  parent: Element,
  id: string,
  label: string,
  min: number,
  max: number,
  step: number,
  onInput: (v: number) => void,
): Slider {
  const row = h('div', { class: 'control-row' }, parent);
  h('label', { text: label, attrs: { for: id } }, row);
  const input = h(
    'input',
    { id, attrs: { type: 'range', min: String(min), max: String(max), step: String(step) } },
    row,
  );
  const value = h('output', { attrs: { for: id } }, row);
  input.addEventListener('input', () => onInput(Number(input.value)));
  return {
    input,
    value,
    set(v, shown) {
      if (Number(input.value) !== v) input.value = String(v);
      if (value.textContent !== shown) {
        value.textContent = shown;
        input.setAttribute('aria-valuetext', shown);
      }
    },
  };
}

export interface Choice<T extends string> {
  element: HTMLElement;
  set(v: T): void;
}

export function radioGroup<T extends string>(
  parent: Element,
  label: string,
  options: { value: T; label: string }[],
  onChange: (v: T) => void,
): Choice<T> {
  const row = h('div', { class: 'control-row radio-row' }, parent);
  const labelId = `rg-${Math.random().toString(36).slice(2, 8)}`;
  h('span', { id: labelId, class: 'control-label', text: label }, row);
  const group = custom('vscode-radio-group', { 'aria-labelledby': labelId }, row);
  const radios = options.map((o) =>
    custom('vscode-radio', { value: o.value, name: labelId, label: o.label }, group, o.label),
  );
  let current: T | undefined;
  // The group moves `checked` on arrow keys without firing `change`, so both
  // events read whichever radio is checked (the group's own keydown handler,
  // registered first, has already run).
  const sync = () => {
    const on = radios.find((r) => (r as HTMLElement & { checked?: boolean }).checked);
    const v = on?.getAttribute('value');
    if (v && v !== current && options.some((o) => o.value === v)) onChange(v as T);
  };
  group.addEventListener('change', sync);
  group.addEventListener('keydown', sync);
  return {
    element: group,
    set(v) {
      if (v === current) return; // setting `checked` re-renders the Lit elements
      current = v;
      radios.forEach((r) => {
        const on = r.getAttribute('value') === v;
        (r as HTMLElement & { checked: boolean }).checked = on;
        r.toggleAttribute('checked', on);
      });
    },
  };
}

export function button(
  parent: Element,
  label: string,
  onClick: () => void,
  attrs: Record<string, string> = {},
): HTMLElement {
  const b = custom('vscode-button', { ...attrs }, parent, label);
  b.addEventListener('click', onClick);
  return b;
}
