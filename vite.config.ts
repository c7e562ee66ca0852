import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const designSystemBundle = /@utrecht\/component-library-react\/dist\/index\.mjs$/;

/**
 * The design-system library sets `Component.displayName = '…'` at the top level of its one big module. A bundler must
 * keep such property writes, and with them every component of the library (~190 kB), whether the app uses it or not.
 * Only React DevTools reads displayName, so the production bundle goes without; then unused components are dropped.
 */
function treeShakeDesignSystem(): Plugin {
  return {
    name: 'wijkwerk:tree-shake-design-system',
    apply: 'build',
    transform(code, id) {
      if (!designSystemBundle.test(id)) return null;
      // Blank the lines rather than remove them, so the line numbers in the source map stay right.
      return { code: code.replace(/^[\w$]+\.displayName = '[^'\n]*';$/gm, ''), map: null };
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), treeShakeDesignSystem()],
  resolve: {
    alias: [
      // The css-module entry inserts the CSS of every component of the library at start-up, as strings in the JS
      // (~380 kB, not tree-shakeable). The plain entry has the same components, props and types; the CSS of the
      // components the app uses comes from web/src/design-system.css.
      { find: /^@utrecht\/component-library-react\/css-module$/, replacement: '@utrecht/component-library-react' },
    ],
  },
  // No source maps unless asked for (VITE_SOURCEMAP=true, for debugging a build): they publish the sources.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: process.env.VITE_SOURCEMAP === 'true', chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
