import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WebAssembly modules stay outside the server bundle.
  serverExternalPackages: ["prom-client", "better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "sharp", "@node-rs/argon2", "pino"],
  experimental: {
    // The web forms upload evidence through a server action: 25 MB of files and the form.
    serverActions: { bodySizeLimit: "27mb" },
    // The proxy (CSP nonces) reads a request body only up to this size and cuts it short
    // beyond: at the default 10 MB a 12 MB upload failed to parse, a 500. Bigger posts are
    // refused by scripts/server.mjs first.
    proxyClientMaxBodySize: "28mb",
    // forbidden(): a moderator on an administration page gets a real 403 (app/forbidden.tsx).
    authInterrupts: true,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on form
          // posts, and Next.js then refuses the server action as cross-site.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
