/**
 * PyMdown's Keys (`pymdownx.keys`, in an MkDocs site that lists it):
 * `++ctrl+alt+del++` is `<span class="keys"><kbd class="key-control">Ctrl</kbd>
 * <span>+</span><kbd class="key-alt">Alt</kbd><span>+</span><kbd
 * class="key-delete">Del</kbd></span>`, as PyMdown writes it: each key
 * named by its US keymap (aliases such as `ctrl`, `del`, `esc`, `pgup`
 * read as their key), or quoted (`++ctrl+"My key"++`, a `<kbd>` of that
 * text). A name the keymap does not know leaves the whole `++…++` as text,
 * as PyMdown does. The syntax is PyMdown's own; no remark plugin reads it.
 */
import type { PhrasingContent, Root, Text } from 'mdast'
import type { Parent } from 'unist'
import { SKIP, visit } from 'unist-util-visit'

/** PyMdown's US keymap: a key's name → its label (letters, digits, function and keypad keys are made below). */
const KEYS: Readonly<Record<string, string>> = {
  space: 'Space', backslash: '\\', bar: '|', 'brace-left': '{', 'brace-right': '}', 'bracket-left': '[', 'bracket-right': ']',
  colon: ':', comma: ',', 'double-quote': '"', equal: '=', exclam: '!', grave: '`', greater: '>', less: '<', 'less-greater': '<>',
  minus: '-', period: '.', plus: '+', question: '?', section: '§', semicolon: ';', 'single-quote': "'", slash: '/', tilde: '~', underscore: '_',
  'arrow-up': 'Up', 'arrow-down': 'Down', 'arrow-left': 'Left', 'arrow-right': 'Right', 'page-up': 'Page Up', 'page-down': 'Page Down',
  home: 'Home', end: 'End', backspace: 'Backspace', delete: 'Del', insert: 'Ins', tab: 'Tab',
  break: 'Break', 'caps-lock': 'Caps Lock', clear: 'Clear', escape: 'Esc', help: 'Help', 'print-screen': 'Print Screen', 'scroll-lock': 'Scroll Lock', enter: 'Enter', eject: 'Eject',
  'num-asterisk': 'Num *', 'num-clear': 'Num Clear', 'num-delete': 'Num Del', 'num-equal': 'Num =', 'num-lock': 'Num Lock', 'num-minus': 'Num -',
  'num-plus': 'Num +', 'num-separator': 'Num ,', 'num-slash': 'Num /', 'num-enter': 'Num Enter',
  alt: 'Alt', command: 'Cmd', control: 'Ctrl', function: 'Fn', meta: 'Meta', option: 'Option', shift: 'Shift', windows: 'Win',
  'left-alt': 'Left Alt', 'left-control': 'Left Ctrl', 'left-shift': 'Left Shift', 'left-windows': 'Left Win',
  'right-alt': 'Right Alt', 'right-control': 'Right Ctrl', 'right-shift': 'Right Shift', 'right-windows': 'Right Win',
  backtab: 'Back Tab', 'browser-back': 'Browser Back', 'browser-favorites': 'Browser Favorites', 'browser-forward': 'Browser Forward',
  'browser-home': 'Browser Home', 'browser-refresh': 'Browser Refresh', 'browser-search': 'Browser Search', 'browser-stop': 'Browser Stop',
  'context-menu': 'Context Menu', copy: 'Copy', mail: 'Mail', media: 'Media', 'media-next-track': 'Next Track', 'media-pause': 'Pause',
  'media-play': 'Play', 'media-play-pause': 'Play/Pause', 'media-prev-track': 'Previous Track', 'media-stop': 'Stop', print: 'Print',
  reset: 'Reset', select: 'Select', sleep: 'Sleep', 'volume-down': 'Volume Down', 'volume-mute': 'Mute', 'volume-up': 'Volume Up', zoom: 'Zoom',
  'left-button': 'Left Button', 'middle-button': 'Middle Button', 'right-button': 'Right Button', 'x-button1': 'X Button 1', 'x-button2': 'X Button 2',
  ...Object.fromEntries([...'abcdefghijklmnopqrstuvwxyz'].map((c) => [c, c.toUpperCase()])),
  ...Object.fromEntries([...'0123456789'].flatMap((d) => [[d, d], [`num${d}`, `Num ${d}`]])),
  ...Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`f${i + 1}`, `F${i + 1}`])),
}

/** PyMdown's aliases: another name → the key's own. */
const ALIASES: Readonly<Record<string, string>> = {
  add: 'num-plus', apps: 'context-menu', back: 'backspace', bksp: 'backspace', bktab: 'backtab', cancel: 'break', capital: 'caps-lock',
  'close-brace': 'brace-right', 'close-bracket': 'bracket-right', clr: 'clear', cmd: 'command', cplk: 'caps-lock', ctrl: 'control',
  dblquote: 'double-quote', decimal: 'num-separator', del: 'delete', divide: 'num-slash', dn: 'arrow-down', down: 'arrow-down', esc: 'escape',
  return: 'enter', exclamation: 'exclam', favorites: 'browser-favorites', fn: 'function', forward: 'browser-forward', 'grave-accent': 'grave',
  'greater-than': 'greater', gt: 'greater', hyphen: 'minus', ins: 'insert', lalt: 'left-alt', 'launch-mail': 'mail', 'launch-media': 'media',
  lbutton: 'left-button', lcontrol: 'left-control', lctrl: 'left-control', left: 'arrow-left', 'left-ctrl': 'left-control', 'left-menu': 'left-alt',
  'left-win': 'left-windows', 'less-greater-than': 'less-greater', 'less-than': 'less', lmenu: 'left-alt', lshift: 'left-shift', lt: 'less',
  'lt-gt': 'less-greater', lwin: 'left-windows', mbutton: 'middle-button', menu: 'alt', multiply: 'num-asterisk', mute: 'volume-mute',
  next: 'page-down', 'next-track': 'media-next-track', 'num-del': 'num-delete', 'num-equalsign': 'num-equal', numlk: 'num-lock', numlock: 'num-lock',
  'open-brace': 'brace-left', 'open-bracket': 'bracket-left', opt: 'option', 'page-dn': 'page-down', pause: 'media-pause', pgdn: 'page-down',
  pgup: 'page-up', play: 'media-play', 'play-pause': 'media-play-pause', 'prev-track': 'media-prev-track', printscreen: 'print-screen',
  prior: 'page-up', prtsc: 'print-screen', 'question-mark': 'question', ralt: 'right-alt', rbutton: 'right-button', rcontrol: 'right-control',
  rctrl: 'right-control', refresh: 'browser-refresh', 'num-return': 'num-enter', right: 'arrow-right', 'right-ctrl': 'right-control',
  'right-menu': 'right-alt', 'right-win': 'right-windows', rmenu: 'right-alt', rshift: 'right-shift', rwin: 'right-windows', scroll: 'scroll-lock',
  search: 'browser-search', separator: 'num-separator', spc: 'space', stop: 'media-stop', subtract: 'num-minus', tabulator: 'tab', up: 'arrow-up',
  'vol-down': 'volume-down', 'vol-mute': 'volume-mute', 'vol-up': 'volume-up', win: 'windows', xbutton1: 'x-button1', xbutton2: 'x-button2',
}

/** One key: a name, or quoted text (PyMdown's `RE_KBD` parts). */
const KEY = String.raw`(?:[\w\-]+|"(?:\\.|[^"\\])+"|'(?:\\.|[^'\\])+')`
const KEYS_PATTERN = new RegExp(String.raw`\+\+(${KEY}(?:\+${KEY})*)\+\+`, 'g')

/** A `<kbd>` of one key, or undefined for a name the keymap does not know. */
function kbd(written: string): PhrasingContent | undefined {
  const quoted = /^(["'])(.*)\1$/s.exec(written)
  if (quoted) return element('kbd', {}, quoted[2]!.replace(/\\(.)/g, '$1'))
  const lower = written.toLowerCase()
  const name = ALIASES[lower] ?? lower
  const label = KEYS[name]
  return label === undefined ? undefined : element('kbd', { className: [`key-${name}`] }, label)
}

function element(tagName: string, properties: Record<string, unknown>, text: string): PhrasingContent {
  return { type: 'pymdownKey', data: { hName: tagName, hProperties: properties }, children: [{ type: 'text', value: text }] } as unknown as PhrasingContent
}

/** Turn `++ctrl+c++` into keys. */
export default function remarkPymdownKeys() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (index === undefined || !parent || !node.value.includes('++')) return
      const parts: PhrasingContent[] = []
      let last = 0
      for (const match of node.value.matchAll(KEYS_PATTERN)) {
        const keys = match[1]!.match(new RegExp(KEY, 'g'))!.map(kbd)
        if (keys.some((k) => k === undefined)) continue
        if (match.index! > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) })
        const children = keys.flatMap((key, i) => (i === 0 ? [key!] : [element('span', {}, '+'), key!]))
        parts.push({ type: 'pymdownKeys', data: { hName: 'span', hProperties: { className: ['keys'] } }, children } as unknown as PhrasingContent)
        last = match.index! + match[0].length
      }
      if (parts.length === 0) return
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) })
      ;(parent.children as PhrasingContent[]).splice(index, 1, ...parts)
      return [SKIP, index + parts.length]
    })
  }
}
