// A VitePress site: slugwiki reads public/ and VitePress's markdown because this folder is here.
export default { title: 'VitePress public' }
