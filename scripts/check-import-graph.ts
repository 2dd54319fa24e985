// Folder-level import graph: fails when two folders import each other (directly or round a loop), so each
// folder can be read, moved or tested on its own. Run by `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const SOURCES = ['utils', 'components', 'entrypoints'];
const SPEC = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Folder → folders it imports from (only this project's own folders). */
export function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of SOURCES.flatMap(files)) {
    const from = dirname(file);
    for (const [, spec] of readFileSync(join(ROOT, file), 'utf8').matchAll(SPEC)) {
      let target: string;
      if (spec!.startsWith('@/')) target = spec!.slice(2);
      else if (spec!.startsWith('.')) target = normalize(join(from, spec!));
      else continue;
      const to = dirname(target);
      if (to === from || !SOURCES.some((s) => to === s || to.startsWith(`${s}/`))) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Every loop of folders (Tarjan's strongly connected components with more than one folder). */
export function folderCycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

if (process.argv[1] && relative(process.argv[1], new URL(import.meta.url).pathname) === '') {
  const cycles = folderCycles(folderGraph());
  if (cycles.length) {
    for (const c of cycles) console.error(`Folders import each other: ${c.join(' ⇄ ')}`);
    process.exit(1);
  }
  console.log(`import graph: ${folderGraph().size} folders, no cycles`);
}
