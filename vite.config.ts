import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type UserConfig } from "vite";

// The Shopify CLI serves the app behind a tunnel and passes its public URL; HMR then has to go
// through the tunnel too.
function hmrConfig(): NonNullable<UserConfig["server"]>["hmr"] {
  const appUrl = new URL(process.env.SHOPIFY_APP_URL || "http://localhost");
  if (appUrl.hostname === "localhost") {
    return { protocol: "ws", host: "localhost", port: 64999, clientPort: 64999 };
  }
  return { protocol: "wss", host: appUrl.hostname, port: Number(process.env.FRONTEND_PORT) || 8002, clientPort: 443 };
}

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: {
    allowedHosts: [new URL(process.env.SHOPIFY_APP_URL || "http://localhost").hostname],
    port: Number(process.env.PORT || 3000),
    hmr: hmrConfig(),
    fs: { allow: ["app", "node_modules"] },
  },
  resolve: { alias: { "~": path.resolve("app") } },
  plugins: [
    remix({
      ignoredRouteFiles: ["**/.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: false,
      },
    }),
  ],
  build: { assetsInlineLimit: 0 },
  optimizeDeps: { include: ["@shopify/app-bridge-react", "@shopify/polaris"] },
});
