import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: {
    // Messages are compiled at build time, so phones never download the ICU message parser
    // (about 12 KB of gzipped JavaScript, most of the student page's headroom under its budget).
    messages: { path: './messages', format: 'json', locales: ['en-GB', 'pl'], precompile: true },
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole tree (tests included) with tsc before it builds; checking
  // again inside `next build` only doubles the build time on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Turbopack writes its cache to .next/cache after every build, so that the next build starts
    // warm: over a minute on a busy 2-core machine. `npm test` on a fresh clone (CI) would never
    // read it, so scripts/test.mjs builds with NEXT_BUILD_CACHE=off when there is no cache yet.
    turbopackFileSystemCacheForBuild: process.env.NEXT_BUILD_CACHE !== 'off',
    // The stylesheets go in the HTML as <style> (about 6 KB gzipped), not as files the first paint
    // waits for: the server's first screen paints as soon as it is parsed, before any script runs
    // (issue 13, BENCHMARKS.md "Lighthouse"). The CSP already allows inline styles.
    inlineCss: true,
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
          { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
