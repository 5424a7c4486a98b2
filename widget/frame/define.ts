// Registers <optout-toggle> once, so importing the element and defining it stay separate.
import { OptOutToggle } from './optout-toggle.js';

if (!customElements.get('optout-toggle')) customElements.define('optout-toggle', OptOutToggle);
