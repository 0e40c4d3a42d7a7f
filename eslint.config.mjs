// `npm run lint` (and `npm test`, before Vitest): Next's rules (core web vitals, React, hooks),
// typescript-eslint's recommended rules, and drizzle's guard against a delete or update without where.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

// The names our code gives Drizzle's database and transaction objects (db, t.db, tx, ctx.tx): a
// .delete()/.update() on anything else (a Map, a hash) is not a query.
const drizzleObjectName = ["db", "tx"];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "coverage/**",
      "media/**",
      "data/**",
      "backups/**",
      "bench/out/**",
      "e2e/.auth/**",
      "e2e/.data/**",
      // drizzle-kit's generated migrations (SQL and snapshots).
      "db/migrations/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  ...tseslint.configs.recommended,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName }],
    },
  },
  {
    rules: {
      // A leading underscore marks a parameter an interface requires and this implementation does not use.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // The next five check code for the React Compiler, which this app does not use (next.config.ts has
      // no reactCompiler); their findings here are Tiptap editor refs read while rendering, a ref passed
      // as a prop and written in an event handler, a self-rescheduling autosave callback, and Date.now()
      // in a server component rendered per request. Worth a review if the compiler is ever turned on.
      "react-hooks/refs": "off",
      "react-hooks/immutability": "off",
      "react-hooks/preserve-manual-memoization": "off",
      "react-hooks/purity": "off",
      // Its three findings, each reviewed, set state from outside React after mount: the editor's
      // localStorage backup (text-editor.tsx), the comments API (comments-panel.tsx), and the anchors
      // missing from the review page's DOM (use-comment-anchors.ts). Reading an external system is what
      // an effect is for; none of them can loop.
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    // Tests empty or change whole tables on purpose, to set up a case; the guard is for the app's queries.
    files: ["**/*.test.ts", "**/*.test.tsx", "db/testing/**", "e2e/**"],
    rules: {
      "drizzle/enforce-delete-with-where": "off",
      "drizzle/enforce-update-with-where": "off",
    },
  },
);
