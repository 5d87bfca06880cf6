// Small DOM builders for the HTML parts of the view (text via textContent only).
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; id?: string; text?: string; attrs?: Record<string, string> } = {},
  parent?: Element,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.id) node.id = props.id;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

/** A custom element (the @vscode-elements controls) with attributes. */
export function custom(
  tag: string,
  attrs: Record<string, string> = {},
  parent?: Element,
  textContent?: string,
): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (textContent !== undefined) node.textContent = textContent;
  if (parent) parent.appendChild(node);
  return node;
}

/** Sets text only when it changed (an unchanged write still invalidates layout). */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
