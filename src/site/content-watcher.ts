import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Live reload for `npm run dev`: the content is read with fs, not imported, so Vite does not
 * know about it. Watch the content files and reload the page when one changes.
 */
export function contentWatcher(root: string): Plugin {
	const isContent = (file: string) => {
		const rel = path.relative(root, file).split(path.sep).join('/');
		return rel === 'issuer.yaml' || rel.startsWith('badges/') || rel.startsWith('recipients/') || rel.startsWith('assets/');
	};
	return {
		name: 'blason-content-watcher',
		configureServer(server) {
			server.watcher.add([path.join(root, 'issuer.yaml'), path.join(root, 'badges'), path.join(root, 'recipients'), path.join(root, 'assets')]);
			const reload = (file: string) => {
				if (isContent(file)) server.ws.send({ type: 'full-reload', path: '*' });
			};
			server.watcher.on('change', reload);
			server.watcher.on('add', reload);
			server.watcher.on('unlink', reload);
		},
	};
}
