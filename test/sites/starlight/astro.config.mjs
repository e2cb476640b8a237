// Never run: slugwiki reads only its presence, Starlight's title and where `sidebar` is written.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
	integrations: [
		starlight({
			title: 'Tracing',
		}),
	],
});
