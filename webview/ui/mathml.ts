// Formulas as MathML built with DOM calls (KaTeX's HTML output needs inline
// styles, which the CSP forbids; MathML needs nothing but the browser).
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** A node: [tag, ...children] where a string child is text. */
export type MathNode = [string, ...(MathNode | string)[]];

function build(node: MathNode): Element {
  const [tag, ...children] = node;
  const el = document.createElementNS(MATHML_NS, tag);
  for (const c of children) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : build(c));
  return el;
}

export function mathml(parent: Element, label: string, ...row: MathNode[]): Element {
  const math = build(['math', ['mrow', ...row]]);
  math.setAttribute('display', 'block');
  math.setAttribute('aria-label', label);
  parent.appendChild(math);
  return math;
}

const mi = (s: string): MathNode => ['mi', s];
const mo = (s: string): MathNode => ['mo', s];
const sub = (a: string, b: string): MathNode => ['msub', mi(a), mi(b)];

/** H(p, q) = −Σ_i p_i log q_i = H(p) + KL(p‖q) */
export function crossEntropyFormula(parent: Element): Element {
  return mathml(
    parent,
    'H of p and q equals minus the sum over i of p i log q i, which equals H of p plus KL of p and q',
    mi('H'),
    mo('('),
    mi('p'),
    mo(','),
    mi('q'),
    mo(')'),
    mo('='),
    mo('−'),
    ['munder', mo('∑'), mi('i')],
    sub('p', 'i'),
    mi('log'),
    sub('q', 'i'),
    mo('='),
    mi('H'),
    mo('('),
    mi('p'),
    mo(')'),
    mo('+'),
    mi('KL'),
    mo('('),
    mi('p'),
    mo('‖'),
    mi('q'),
    mo(')'),
  );
}

/** ∂H/∂z_i = q_i − p_i for q = softmax(z) */
export function softmaxGradientFormula(parent: Element): Element {
  return mathml(
    parent,
    'the derivative of H with respect to z i equals q i minus p i, for q equal to softmax of z',
    ['mfrac', ['mrow', mo('∂'), mi('H')], ['mrow', mo('∂'), sub('z', 'i')]],
    mo('='),
    sub('q', 'i'),
    mo('−'),
    sub('p', 'i'),
    mtext(',  q = softmax(z)'),
  );
}

function mtext(s: string): MathNode {
  return ['mtext', s];
}
