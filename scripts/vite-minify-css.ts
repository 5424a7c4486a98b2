// Vite plugin: minifies the CSS held in template literals of `*.styles.ts` modules, so the bundle ships compact CSS.
import type { Plugin } from 'vite';
import { minifyCss } from '../widget/shared/minify-css.js';

/** Template literals without `${…}`: the styles modules hold plain CSS text. */
const PLAIN_TEMPLATE = /`((?:[^`\\$]|\\.|\$(?!\{))*)`/g;

export function minifyCssStrings(): Plugin {
  return {
    name: 'optout-minify-css-strings',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return { code: code.replace(PLAIN_TEMPLATE, (_all, css: string) => `\`${minifyCss(css)}\``), map: null };
    },
  };
}
