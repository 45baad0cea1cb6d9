import { LitElement } from 'lit';

/** Light DOM everywhere: one stylesheet, and the page's own accessibility tree. */
export class LightElement extends LitElement {
  createRenderRoot() { return this; }
}
