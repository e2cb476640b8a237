/** Inline SVG icons (24×24 stroke paths), decorative: their buttons carry the label. */
import octicons, { type OcticonNode } from '@primer/octicons'
import type { Element } from 'hast'
import { s } from 'hastscript'
// Each mark by name, not the whole set: esbuild keeps only these of simple-icons' 3,000 (it has no side effects).
import { siBitbucket, siCodeberg, siGitea, siGitlab } from 'simple-icons'
import type { RepositoryHost } from '../../../src/config.ts'

const PATHS = {
  menu: 'M4 6h16M4 12h16M4 18h16',
  sun: 'M12 4V2m0 20v-2m8-8h2M2 12h2m13.66-5.66 1.41-1.41M4.93 19.07l1.41-1.41m0-11.32L4.93 4.93m14.14 14.14-1.41-1.41M12 8a4 4 0 100 8 4 4 0 000-8z',
  moon: 'M21 12.8A9 9 0 1111.2 3a7 7 0 009.8 9.8z',
  system: 'M3 5h18v11H3zM8 20h8m-4-4v4',
  print: 'M6 9V3h12v6M6 18H4v-7h16v7h-2M8 14h8v7H8z',
  edit: 'M4 20h4L19 9l-4-4L4 16v4zm9-13 4 4',
  repo: 'M4 4h11l5 5v11H4zM14 4v6h6',
} as const

export type IconName = keyof typeof PATHS

/** An icon as hast. */
export function icon(name: IconName): Element {
  return s(
    'svg.icon',
    { viewBox: '0 0 24 24', width: 18, height: 18, ariaHidden: 'true', focusable: 'false', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' },
    [s('path', { d: PATHS[name] })],
  )
}

/** A host's logo from @primer/octicons (GitHub's own icon set, inlined: no font, no CDN), or undefined when octicons has none. */
const HOST_OCTICONS: Partial<Record<RepositoryHost, string>> = { github: 'mark-github' }

/** The other hosts' marks, from simple-icons (one path each on a 24×24 box, CC0). */
const HOST_MARKS: Partial<Record<RepositoryHost, string>> = { gitlab: siGitlab.path, codeberg: siCodeberg.path, bitbucket: siBitbucket.path, gitea: siGitea.path }

/**
 * The icon of a link to the book's repository: the host's logo (GitHub's
 * from octicons, GitLab's, Codeberg's, Bitbucket's and Gitea's from
 * simple-icons), else the generic repository icon.
 */
export function repositoryIcon(host: RepositoryHost): Element {
  const mark = HOST_MARKS[host]
  if (mark) return s('svg.icon', { viewBox: '0 0 24 24', width: 18, height: 18, ariaHidden: 'true', focusable: 'false', fill: 'currentColor' }, [s('path', { d: mark })])
  const name = HOST_OCTICONS[host]
  const octicon = name ? octicons[name]?.heights['24']?.ast : undefined
  if (!octicon) return icon('repo')
  const toHast = (node: OcticonNode): Element => s(node.name, node.name === 'path' ? { d: node.attributes.d } : {}, node.children.map(toHast))
  return s(
    'svg.icon',
    { viewBox: octicon.attributes.viewBox, width: 18, height: 18, ariaHidden: 'true', focusable: 'false', fill: 'currentColor' },
    octicon.children.map(toHast),
  )
}
