/** Once per `npm test`: make sure Chromium is there before any browser test starts (see helpers/browser.ts). */
import { ensureChromium } from './helpers/browser.ts'

export default function setup(): void {
  ensureChromium()
}
