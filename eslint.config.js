import js from "@eslint/js"
import * as effectEslint from "@effect/eslint-plugin"
import * as fs from "node:fs"
import { URL } from "node:url"
import tseslint from "typescript-eslint"

// The code generator formats its output with the same settings, so that generated code passes this lint.
const dprint = JSON.parse(fs.readFileSync(new URL("./packages/codegen/src/dprint.json", import.meta.url), "utf8"))

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", ".tsbuild/**", ".scratch-*/**", ".stryker-tmp/**", "reports/**", "bench/**/*.json"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { "@effect": effectEslint },
    rules: {
      "@effect/dprint": ["error", { config: dprint }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-namespace": "off",
      "@typescript-eslint/no-empty-object-type": "off",
      "no-restricted-syntax": ["error", {
        selector: "CallExpression[callee.property.name=/^(only|skip)$/][callee.object.name=/^(it|describe|test)$/]",
        message: "No focused or skipped tests"
      }]
    }
  }
)
