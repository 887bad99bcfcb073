// Lint TypeScript sources with the recommended rules; type checking itself is `tsc --noEmit` in `npm run lint`.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "test-artifacts/**", "coverage/**", "*.config.js", "bin/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "warn",
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_" }],
      "no-restricted-globals": ["error", "eval"],
      "no-new-func": "error",
    },
  },
  {
    // Plain Node scripts (CommonJS) and the browser stub injected into test pages.
    files: ["scripts/**/*.js", "test/**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        window: "readonly",
        Buffer: "readonly",
        URL: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      // The core never touches Office: only functions/ and taskpane/ may.
      "no-restricted-syntax": [
        "error",
        {
          selector: "Identifier[name=/^(Office|Excel|CustomFunctions)$/]",
          message: "src/ is Office-free; use functions/ or taskpane/.",
        },
      ],
    },
  },
);
