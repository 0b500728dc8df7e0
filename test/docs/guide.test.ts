// The user guide quotes screen labels, error texts, CLI commands and links: each must still exist, so it cannot go stale.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, type Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { CLI_MODULES } from '../../electron/cli/commands';
import type { Io } from '../../electron/cli/context';
import type { Runner } from '../../electron/cli/commands/types';
import { resources } from '../../renderer/src/i18n';

const ROOT = resolve(__dirname, '../..');
const LANGS = ['uk', 'en'] as const;
type Lang = 'uk' | 'en';

const pages = (lang: Lang) => {
  const dir = join(ROOT, 'docs/guide', lang);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
};

/** Every string of a language's catalogues (screen text + shared messages), placeholders shown as "…". */
const catalogue = (lang: Lang): string[] => {
  const out: string[] = [];
  const walk = (o: unknown) => {
    if (typeof o === 'string') out.push(o.replace(/\{\{[^}]+\}\}/g, '…'));
    else if (o && typeof o === 'object') Object.values(o).forEach(walk);
  };
  walk(resources[lang].translation);
  return out;
};

/** Prose only: fenced code and blockquotes removed (blockquotes are checked as messages). */
const prose = (text: string) =>
  text
    .replace(/```[\s\S]*?```/g, '')
    .split('\n')
    .filter((l) => !l.startsWith('>'))
    .join('\n');

// A quoted "…" stands for whatever the program fills in there.
const pattern = (quoted: string) =>
  new RegExp(
    '^' +
      quoted
        .split('…')
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\s\\S]*') +
      '$',
  );
const known = (strings: string[], quoted: string) => {
  const re = pattern(quoted.trim());
  // Either the guide leaves a gap where the program fills in a value, or it shows a filled-in example.
  return strings.some((s) => re.test(s) || pattern(s).test(quoted.trim()));
};

const labels = (lang: Lang, text: string): string[] => {
  const body = prose(text).replace(/`[^`\n]*`/g, '');
  const re = lang === 'uk' ? /«([^«»]+)»/g : /\*\*([^*]+)\*\*/g;
  return [...body.matchAll(re)].map((m) => m[1]!.replace(/\s+/g, ' ')).filter((l) => l !== '…'); // a bare «…» explains the convention
};

const messages = (text: string): string[] =>
  text
    .replace(/```[\s\S]*?```/g, '')
    .split('\n')
    .filter((l) => l.startsWith('> '))
    .map((l) => l.slice(2).trim());

const links = (text: string): string[] =>
  [...prose(text).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l) && !l.startsWith('#'));

const commandLines = (text: string): string[] => {
  const fenced = [...text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
  const inline = [...text.matchAll(/`(obmin [^`]+)`/g)].map((m) => m[1]!);
  return [...fenced, ...inline].map((l) => l.trim()).filter((l) => l.startsWith('obmin '));
};

/** The real CLI's command tree, built by the same modules bin/obmin uses (actions never run). */
const cli = (): Command => {
  const program = new Command('obmin').option('--data <DIR>').option('--operator <NAME>').option('--passphrase-file <FILE>').option('--lang <uk|en>');
  const run: Runner = () => async () => undefined;
  for (const mod of CLI_MODULES) mod(program, {} as Io, run);
  return program;
};

const words = (line: string): string[] => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

/** Undefined when the line parses; otherwise why not. */
const checkCommand = (program: Command, line: string): string | undefined => {
  const args = words(line).slice(1);
  let cmd = program;
  const options: Option[] = [...program.options];
  let named = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const name = a.split('=')[0]!;
      const opt = options.find((o) => o.long === name);
      if (!opt) return `unknown option ${name} for "${cmd.name()}"`;
      if (opt.required || opt.optional) {
        const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
        if (opt.argChoices && !opt.argChoices.includes(value ?? '')) return `${name} ${value}: not one of ${opt.argChoices.join(', ')}`;
      }
      continue;
    }
    const sub = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (sub) {
      cmd = sub;
      named = true;
      options.push(...sub.options);
    } else if (!named || (cmd.commands.length > 0 && cmd.registeredArguments.length === 0)) {
      return `unknown command ${a}`;
    }
  }
  return named ? undefined : 'no command';
};

describe.each(LANGS)('user guide (%s)', (lang) => {
  const docs = pages(lang);
  const strings = catalogue(lang);

  it('has the index and the eight topics', () => {
    expect(docs.map((d) => d.file.split('/').pop()).sort()).toEqual(
      ['README.md', 'backup.md', 'handover.md', 'intake.md', 'refusals.md', 'register.md', 'round.md', 'setup.md', 'transfers.md'].sort(),
    );
  });

  it('quotes only labels that exist on screen in this language', () => {
    const missing = docs.flatMap((d) =>
      labels(lang, d.text)
        .filter((l) => !known(strings, l))
        .map((l) => `${d.file}: ${l}`),
    );
    expect(docs.flatMap((d) => labels(lang, d.text)).length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('quotes only messages the program really shows', () => {
    const quoted = docs.flatMap((d) => messages(d.text).map((m) => ({ file: d.file, m })));
    expect(quoted.length).toBeGreaterThan(20);
    expect(quoted.filter(({ m }) => !known(strings, m)).map(({ file, m }) => `${file}: ${m}`)).toEqual([]);
  });

  it('cites only obmin commands and options that exist', () => {
    const program = cli();
    const lines = docs.flatMap((d) => commandLines(d.text).map((l) => ({ file: d.file, l })));
    expect(lines.length).toBeGreaterThan(25);
    expect(lines.map(({ file, l }) => [file, l, checkCommand(program, l)]).filter((r) => r[2])).toEqual([]);
  });

  it('links only to files that exist', () => {
    const broken = docs.flatMap((d) =>
      links(d.text)
        .filter((l) => !existsSync(resolve(dirname(d.file), l.split('#')[0]!)))
        .map((l) => `${d.file}: ${l}`),
    );
    expect(broken).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('refuse an invented label, command, option and message', () => {
    expect(known(catalogue('uk'), 'Кнопка, якої немає')).toBe(false);
    expect(known(catalogue('uk'), 'Обрати (1)')).toBe(true);
    const program = cli();
    expect(checkCommand(program, 'obmin exchange teleport --number 1')).toMatch(/unknown command/);
    expect(checkCommand(program, 'obmin exchange close --nubmer 1')).toMatch(/unknown option/);
    expect(checkCommand(program, 'obmin exchange close --number 1')).toBeUndefined();
    expect(checkCommand(program, 'obmin operators add X --role boss')).toMatch(/not one of/);
  });

  it('README links the guide', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('docs/guide/uk/README.md');
    expect(readme).toContain('docs/guide/en/README.md');
  });
});
