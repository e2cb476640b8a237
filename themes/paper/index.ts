/**
 * `paper`: a print-like reading theme. It overrides one template (the
 * header, as a centred masthead) and adds a stylesheet; everything else —
 * sidebar, note layout, scripts — comes from `default` through `extends`.
 */
import { defineTheme } from '../../src/theme/types.ts'
import { header } from './templates/header.ts'

export default defineTheme({
  extends: 'default',
  templates: { header },
  // A theme's `styles` replaces its parent's list: default's own sheets, then paper's over them.
  styles: ['style.css', 'search.css', 'indices.css', 'popovers.css', 'paper.css'],
})
