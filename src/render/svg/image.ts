import { esc } from './escape.js';

/** What every chart's outer element needs: its id, size, and the words a screen reader says for it. */
export interface ImageFrame {
  id: string;
  /** `chart`, or `chart waterfall`. */
  className: string;
  width: number;
  height: number;
  title: string;
  desc: string;
}

/** An SVG image labelled by its title and description (role="img"), around `body`. */
export function svgImage(f: ImageFrame, body: string): string {
  const t = `${f.id}-title`;
  const d = `${f.id}-desc`;
  return (
    `<svg class="${f.className}" id="${f.id}" role="img" aria-labelledby="${t} ${d}" viewBox="0 0 ${f.width} ${f.height}" ` +
    `xmlns="http://www.w3.org/2000/svg"><title id="${t}">${esc(f.title)}</title><desc id="${d}">${esc(f.desc)}</desc>` +
    `${body}</svg>`
  );
}
