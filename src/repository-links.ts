/**
 * Links that leave the source folder to another file of the project's
 * repository (`[the loader](../core/iwasm/interpreter/wasm_loader.c)` in
 * WAMR's `doc/`): GitHub shows such a link as the repository's page of that
 * file, so the site does too, when the repository's web URL is known and
 * the book sits in a checkout of it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { RepositoryHost } from './config.ts'

/** What links leaving the source folder need to know of the repository (see `Config.repositoryLinks`). */
export interface RepositoryLinks {
  /** The repository's web URL (`https://github.com/o/r`), without `.git` or a trailing `/`; undefined: none is known. */
  web?: string
  host: RepositoryHost
  /** The checkout's root, when one of its remotes is that repository. */
  checkout?: string
  /** The root of the git checkout holding the book, whatever its remotes. */
  top?: string
  /** The branch the config names (mdBook's `edit-url-template`, MkDocs's `edit_uri`), else `HEAD`: the default branch. */
  ref: string
  /** The setting that names the repository, for the warning of a link that cannot lead there (`[output.html] git-repository-url`). */
  setting: string
}

/**
 * Links leaving the source folder: with `repository`, the book is in a checkout of its repository, and the
 * graph stage links a file of it on the repository's host (`outsideLink`); else each is a
 * `link-outside` warning of the markdown stage (rehype-links.ts), ending with `hint` (how to make it lead there).
 */
export interface OutsideLinks {
  repository: boolean
  hint?: string
  /** How many folders above the source folder the git checkout holding it starts (`hint` is for links staying in it; default none). */
  depth?: number
}

/** A link leaving the source folder: the repository's page (or raw file, for an image) of its file, or why not. */
export type OutsideLink = { url: string } | { problem: string }

/**
 * Where a link leaving the source folder leads: `written` is the URL as
 * written, `fromSource` its path from the source folder (`../core/x.c`,
 * normalised), `src` the source folder, `image` whether a page shows the
 * file (an image or a player) rather than links to it.
 */
export function outsideLink(repository: RepositoryLinks, src: string, written: string, fromSource: string, image: boolean): OutsideLink {
  const leaves = `Link \`${written}\` leaves the source folder`
  if (!repository.web || !repository.checkout) return { problem: `${leaves}${outsideHint(repository) ?? ''}` }
  const file = path.resolve(src, fromSource)
  const inRepository = path.relative(repository.checkout, file)
  if (inRepository === '..' || inRepository.startsWith(`..${path.sep}`) || path.isAbsolute(inRepository)) {
    const page = image || path.isAbsolute(inRepository) ? undefined : beyondCheckout(repository, inRepository.split(path.sep).join('/'))
    return page ? { url: page + written.slice(written.search(/[?#]|$/)) } : { problem: `${leaves} and the git checkout` }
  }
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    return { problem: `${leaves}, and its checkout has no file or folder \`${inRepository.split(path.sep).join('/')}\`` }
  }
  const hashAt = written.indexOf('#')
  const fragment = hashAt === -1 ? '' : written.slice(hashAt)
  return { url: repositoryFileUrl(repository, inRepository.split(path.sep).join('/'), stat.isDirectory() ? 'tree' : image ? 'raw' : 'blob') + fragment }
}

/**
 * The GitHub page a link climbing out of the checkout leads to (`../../wiki/Performance`
 * from the root README: `https://github.com/o/r/wiki/Performance`), as GitHub
 * reads it against the file's own page (`/o/r/blob/<ref>/README.md`), when
 * that is a page of the repository or its owner (wiki, issues, releases, a
 * sibling repository) rather than a path under `/blob/`, which names no file;
 * else undefined. Other hosts' file pages nest differently (GitLab's
 * `/-/blob/`), and READMEs write such links for GitHub.
 */
function beyondCheckout(repository: RepositoryLinks, fromCheckout: string): string | undefined {
  if (repository.host !== 'github' || repository.ref.includes('/')) return undefined
  const web = new URL(repository.web!.replace(/\/*$/, '/'))
  const page = new URL(fromCheckout, repositoryFileUrl(repository, '', 'blob') + '/')
  const blob = `${web.pathname}blob/`
  return page.origin === web.origin && page.pathname !== '/' && !page.pathname.startsWith(blob) && page.pathname !== blob.slice(0, -1) ? page.href : undefined
}

/**
 * How to make links leaving the source folder lead to the repository's files,
 * when they cannot (the end of their warning), else undefined.
 */
export function outsideHint(repository: RepositoryLinks): string | undefined {
  if (!repository.web) return `; set ${repository.setting} to link to the repository's page of the file`
  if (!repository.checkout) return `, and no git remote of the checkout holding the book is ${repository.web} (${repository.setting}), so it cannot lead to that repository's file`
  return undefined
}

/** What the markdown stage needs to know of links leaving the source folder `src`. */
export function outsideLinks(repository: RepositoryLinks, src: string): OutsideLinks {
  const hint = outsideHint(repository)
  const depth = repository.top === undefined ? undefined : path.relative(repository.top, src).split(path.sep).filter(Boolean).length
  return { repository: hint === undefined, ...(hint !== undefined && depth !== undefined && { hint, depth }) }
}

/**
 * The URL of a file (`blob`), a folder (`tree`) or a file's bytes (`raw`) of
 * the repository at `ref`, in its host's form: GitHub's (and an unknown
 * host's) `/blob/<ref>/<path>`, GitLab's `/-/blob/<ref>/<path>`, Gitea's and
 * Codeberg's (Forgejo's) `/src/branch/<ref>/<path>` (`/raw/branch/…`; a file
 * and a folder alike: their `/blob/` is a git object by id), Bitbucket's
 * `/src/<ref>/<path>`. `new URL` escapes each segment; npm's
 * hosted-git-info makes such URLs (`browseFile`) for GitHub, GitLab and
 * Bitbucket only, and not for a folder or a raw file on all of them.
 */
export function repositoryFileUrl(repository: Pick<RepositoryLinks, 'web' | 'host' | 'ref'>, file: string, what: 'blob' | 'tree' | 'raw'): string {
  const gitlab = repository.host === 'gitlab'
  const bitbucket = repository.host === 'bitbucket'
  const gitea = repository.host === 'gitea' || repository.host === 'codeberg'
  const verb = gitea ? [what === 'raw' ? 'raw' : 'src', 'branch'] : bitbucket ? [what === 'raw' ? 'raw' : 'src'] : [what]
  const segments = [...(gitlab ? ['-'] : []), ...verb, ...repository.ref.split('/'), ...(file ? file.split('/') : [])]
  const url = new URL(repository.web!.replace(/\/*$/, '/'))
  url.pathname += segments.map(encodeURIComponent).join('/')
  return url.href
}

/**
 * The branch an edit link template names (`https://github.com/o/r/edit/main/docs/{path}`
 * names `main`), given the repository's web URL and the path its `{path}`
 * is read from (`docs`), else undefined.
 */
export function branchOfEditTemplate(template: string | undefined, web: string | undefined, pathInRepository: string): string | undefined {
  if (!template || !web) return undefined
  const base = web.replace(/\/+$/, '').replace(/\.git$/, '')
  if (!template.startsWith(`${base}/`)) return undefined
  const rest = template.slice(base.length + 1)
  const suffix = `${pathInRepository ? `${pathInRepository}/` : ''}{path}`
  if (!rest.endsWith(`/${suffix}`)) return undefined
  const middle = rest.slice(0, -suffix.length - 1)
  const branch = /^(?:-\/)?(?:edit|blob|tree|_edit|src(?:\/branch)?)\/(.+)$/.exec(middle)?.[1]
  return branch && !branch.includes('{') ? decodeURIComponent(branch) : undefined
}
