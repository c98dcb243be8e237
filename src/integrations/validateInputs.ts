import type { AstroIntegration } from 'astro';
import { parseFrontmatter } from 'astro/markdown';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import { catalog, DataError } from '../build/data/catalog.ts';
import { sectionSchema } from '../build/sectionSchema.ts';

const fieldName = (path: PropertyKey[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');

/** One story file's schema issues as `<file>: field "<field>": <reason>`. */
export function storyProblems(label: string, issues: z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    const at = (path: PropertyKey[], reason: string) => `${label}: ${path.length ? `field "${fieldName(path)}"` : 'frontmatter'}: ${reason}`;
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => at([...issue.path, key], 'unknown field'));
    if (issue.code === 'invalid_type' && issue.input === undefined) return [at(issue.path, 'missing')];
    return [at(issue.path, issue.message)];
  });
}

/**
 * Checks the data (`data/*.json`, through the data compiler) and every story file's frontmatter
 * (through the content schema) when a build starts, before Astro does anything else.
 *
 * Astro checks both too, but not reliably: its content cache skips the schema, and with it the
 * story's references into the data, for every story file that has not changed since the last
 * build, so a data error surfaced only late, half-way through writing the pages. And Astro prints
 * schema errors garbled (`****: Unrecognized key`, `alt**: **alt: Required`). Here every build
 * checks everything and each problem reads `<file>: field "<field>": <reason>`.
 */
export function validateInputs({ storyDir }: { storyDir: string }): AstroIntegration {
  return {
    name: 'validate-inputs',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        catalog(); // throws a DataError naming file, feature, field and reason
        const root = fileURLToPath(config.root);
        const dir = join(root, storyDir);
        const problems: string[] = [];
        for (const name of readdirSync(dir)
          .filter((n) => n.endsWith('.md'))
          .sort()) {
          const label = relative(root, join(dir, name)).split(sep).join('/');
          let frontmatter: Record<string, unknown>;
          try {
            frontmatter = parseFrontmatter(readFileSync(join(dir, name), 'utf8')).frontmatter;
          } catch (error) {
            // js-yaml's message adds a multi-line excerpt; its reason and line say it in one line.
            const { reason, mark, message } = error as { reason?: string; mark?: { line: number }; message: string };
            const where = mark ? `, line ${mark.line + 1}` : ''; // the frontmatter starts after the file's first line
            problems.push(`${label}: frontmatter is not valid YAML${where}: ${reason ?? message}`);
            continue;
          }
          const result = sectionSchema.safeParse(frontmatter, { reportInput: true });
          if (!result.success) problems.push(...storyProblems(label, result.error.issues));
        }
        if (problems.length) throw new DataError(problems);
      },
    },
  };
}
