/**
 * Lays a statechart out without a layout library (the page must work offline and stay small), in the
 * manner of a layered (Sugiyama) drawing, one compound state at a time, inner ones first:
 * - the children of a state are ranked top to bottom along the transitions between them (a transition
 *   between two deeper states counts for the children of the state that holds both); cycles are broken
 *   where a depth-first walk from the initial child meets them (those arrows go back up on the right);
 * - every arrow going down gets a label node in the rank below its source (the label takes room there,
 *   so labels never overlap boxes or each other) and thin waypoints in the ranks it crosses;
 * - a few barycentre sweeps order each rank to uncross, then each node moves towards its neighbours;
 * - a compound state is as large as its children's drawing.
 */
import { edgeLabel, type Edge, type Graph, type StateNode } from './graph';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Arrow {
  source: StateNode;
  target: StateNode;
  path: string;
}
export interface Label {
  key: string;
  x: number;
  y: number;
  lines: string[];
  anchor: 'middle' | 'start';
}
export interface Layout {
  boxes: Map<StateNode, Box>;
  arrows: Arrow[];
  labels: Label[];
  width: number;
  height: number;
}

export const FONT = 13;
export const LINE = 16;
const PAD = 14;
const HEADER = 26;
const H_GAP = 22;
const V_GAP = 14;
const MARGIN = 24;

type Measure = (text: string, bold?: boolean) => number;

/** Text width in the SVG's font: a canvas measures it; about 7.2 px a character where there is none. */
export function measurer(): Measure {
  const context = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  const cache = new Map<string, number>();
  return (text, bold = false) => {
    const key = (bold ? 'b' : 'n') + text;
    let width = cache.get(key);
    if (width === undefined) {
      if (context) {
        context.font = `${bold ? '700 ' : ''}${FONT}px sans-serif`;
        width = context.measureText(text).width;
      } else width = text.length * (bold ? 7.8 : 7.2);
      cache.set(key, width);
    }
    return width;
  };
}

/** Lines drawn inside an atomic state's box below its name. */
export function boxLines(node: StateNode): string[] {
  return node.invokes.map((src) => `invoke ${src}`);
}

/** The child of `container` that holds `node` (or is it). */
function childOf(container: StateNode, node: StateNode): StateNode | undefined {
  let n: StateNode | undefined = node;
  while (n && n.parent !== container) n = n.parent;
  return n;
}

function contains(outer: StateNode, inner: StateNode): boolean {
  for (let n: StateNode | undefined = inner.parent; n; n = n.parent) if (n === outer) return true;
  return false;
}

/** A node of one compound state's drawing: a child state, a label, or a waypoint of a long arrow. */
interface Item {
  state?: StateNode;
  label?: string[];
  w: number;
  h: number;
  rank: number;
  x: number;
  y: number;
}

/** The arrows between two children of a compound state, drawn together (their waypoints, their one label). */
interface Route {
  /** Waypoints (the label node first), relative to the compound state's content. */
  via: Item[];
  back: boolean;
}

export function layout(graph: Graph, measure: Measure = measurer()): Layout {
  const all = graph.edges.flatMap((edge) => edge.targets.map((target) => ({ edge, source: edge.source, target })));
  /** Positions relative to the parent's content origin, then made absolute. */
  const rel = new Map<StateNode, Box>();
  const routes = new Map<string, Route>();
  const routeOwner = new Map<string, StateNode>();

  const size = (node: StateNode): { w: number; h: number } => {
    if (node.children.length === 0) {
      const lines = boxLines(node);
      const w = Math.max(90, measure(node.key + (node.history ? ' (H*)' : ''), true) + 2 * PAD, ...lines.map((l) => measure(l) + 2 * PAD));
      return { w: Math.ceil(w), h: 34 + lines.length * LINE };
    }
    const children = node.children;
    const items = new Map<StateNode, Item>(children.map((c) => [c, { state: c, ...size(c), rank: 0, x: 0, y: 0 }]));
    // Transitions between children of this node, grouped by the pair of children that hold their ends.
    const projected = new Map<string, { a: StateNode; b: StateNode; edges: Edge[] }>();
    for (const { edge, source, target } of all) {
      const a = childOf(node, source);
      const b = childOf(node, target);
      if (!a || !b || a === b) continue;
      const key = `${a.path}>${b.path}`;
      const p = projected.get(key) ?? { a, b, edges: [] };
      if (!p.edges.includes(edge)) p.edges.push(edge);
      projected.set(key, p);
    }
    const out = new Map(children.map((c) => [c, [] as StateNode[]]));
    for (const { a, b } of projected.values()) out.get(a)!.push(b);

    // Depth-first from the initial child: an arrow to a node on the stack goes back up.
    const seen = new Map<StateNode, 'open' | 'done'>();
    const back = new Set<string>();
    const visit = (n: StateNode) => {
      seen.set(n, 'open');
      for (const m of out.get(n)!) {
        if (seen.get(m) === 'open') back.add(`${n.path}>${m.path}`);
        else if (!seen.has(m)) visit(m);
      }
      seen.set(n, 'done');
    };
    for (const c of [...children.filter((c) => c.initial), ...children.filter((c) => !c.initial)]) if (!seen.has(c)) visit(c);

    // Longest-path layers over the forward arrows; states on even ranks, labels and waypoints between.
    const layer = new Map<StateNode, number>(children.map((c) => [c, 0]));
    const forward = [...projected.values()].filter(({ a, b }) => !back.has(`${a.path}>${b.path}`));
    for (let changed = true, rounds = 0; changed && rounds <= children.length; rounds++) {
      changed = false;
      for (const { a, b } of forward) {
        if (layer.get(a)! + 1 > layer.get(b)!) {
          layer.set(b, layer.get(a)! + 1);
          changed = true;
        }
      }
    }
    if (node.kind === 'parallel') for (const c of children) layer.set(c, 0);
    for (const [c, item] of items) item.rank = 2 * layer.get(c)!;

    const links: [Item, Item][] = [];
    const extra: Item[] = [];
    for (const [key, { a, b, edges }] of projected) {
      const isBack = back.has(key) || layer.get(b)! <= layer.get(a)!;
      const route: Route = { via: [], back: isBack };
      routes.set(key, route);
      routeOwner.set(key, node);
      if (isBack) continue;
      // One line per distinct label: the same `HELP` from six inner states is said once.
      const lines = [...new Set(edges.map(edgeLabel))];
      let previous = items.get(a)!;
      for (let rank = 2 * layer.get(a)! + 1; rank < 2 * layer.get(b)!; rank++) {
        const first = route.via.length === 0;
        const item: Item = first
          ? { label: lines, w: Math.ceil(Math.max(...lines.map((l) => measure(l)))) + 8, h: lines.length * LINE + 4, rank, x: 0, y: 0 }
          : { w: 6, h: 0, rank, x: 0, y: 0 };
        route.via.push(item);
        extra.push(item);
        links.push([previous, item]);
        previous = item;
      }
      links.push([previous, items.get(b)!]);
    }

    const rankCount = Math.max(...[...items.values(), ...extra].map((i) => i.rank)) + 1;
    const ranks: Item[][] = Array.from({ length: rankCount }, () => []);
    // Initial order: depth-first order of the states, each route's items after its source.
    for (const c of seen.keys()) ranks[items.get(c)!.rank]!.push(items.get(c)!);
    for (const item of extra) ranks[item.rank]!.push(item);

    const neighbours = new Map<Item, Item[]>();
    for (const [p, q] of links) {
      neighbours.set(p, [...(neighbours.get(p) ?? []), q]);
      neighbours.set(q, [...(neighbours.get(q) ?? []), p]);
    }
    const order = new Map<Item, number>();
    const index = () => ranks.forEach((rank) => rank.forEach((item, i) => order.set(item, i)));
    index();
    for (let sweep = 0; sweep < 6; sweep++) {
      const down = sweep % 2 === 0;
      for (const rank of down ? ranks : [...ranks].reverse()) {
        const bary = new Map<Item, number>();
        for (const item of rank) {
          const near = (neighbours.get(item) ?? []).filter((n) => n.rank === item.rank + (down ? -1 : 1));
          bary.set(item, near.length ? near.reduce((s, n) => s + order.get(n)!, 0) / near.length : order.get(item)!);
        }
        rank.sort((p, q) => bary.get(p)! - bary.get(q)!);
        index();
      }
    }

    // x: packed, then each item pulled towards its neighbours' centres, keeping the order and the gaps.
    for (const rank of ranks) {
      let x = 0;
      for (const item of rank) {
        item.x = x;
        x += item.w + H_GAP;
      }
    }
    const centre = (i: Item) => i.x + i.w / 2;
    for (let pass = 0; pass < 8; pass++) {
      for (const rank of pass % 2 === 0 ? ranks : [...ranks].reverse()) {
        const wanted = rank.map((item) => {
          const near = neighbours.get(item) ?? [];
          return near.length ? near.reduce((s, n) => s + centre(n), 0) / near.length - item.w / 2 : item.x;
        });
        // As close to the wanted places as the order and the gaps allow: the mean of a placement pushed
        // rightwards and one pushed leftwards (both keep the order and the gaps, so their mean does too).
        const pushedRight: number[] = [];
        let right = -Infinity;
        rank.forEach((item, i) => {
          pushedRight[i] = Math.max(wanted[i]!, right);
          right = pushedRight[i] + item.w + H_GAP;
        });
        let left = Infinity;
        for (let i = rank.length - 1; i >= 0; i--) {
          const item = rank[i]!;
          const x = Math.min(wanted[i]!, left - item.w);
          item.x = (x + pushedRight[i]!) / 2;
          left = x - H_GAP;
        }
      }
      const minX = Math.min(...ranks.flat().map((i) => i.x));
      for (const item of ranks.flat()) item.x -= minX;
    }

    // y: each rank as tall as its tallest item.
    let y = 0;
    for (const rank of ranks) {
      const h = Math.max(0, ...rank.map((i) => i.h));
      for (const item of rank) item.y = y + (h - item.h) / 2;
      y += h + V_GAP;
    }
    y -= V_GAP;
    const backCount = [...projected.keys()].filter((k) => routes.get(k)!.back).length;
    const contentW = Math.max(...ranks.flat().map((i) => i.x + i.w)) + (backCount > 0 ? 40 + Math.min(backCount, 8) * 10 : 0);
    for (const [c, item] of items) rel.set(c, { x: item.x, y: item.y, w: item.w, h: item.h });
    const title = node.parent ? measure(node.key, true) + 2 * PAD + 60 : 0;
    return { w: Math.ceil(Math.max(contentW, title) + (node.parent ? 2 * PAD : 0)), h: Math.ceil(y + (node.parent ? HEADER + 2 * PAD : 0)) };
  };

  const rootSize = size(graph.root);
  const boxes = new Map<StateNode, Box>();
  const origin = new Map<StateNode, { x: number; y: number }>();
  const place = (node: StateNode, originX: number, originY: number) => {
    origin.set(node, { x: originX, y: originY });
    for (const child of node.children) {
      const r = rel.get(child)!;
      const box = { x: originX + r.x, y: originY + r.y, w: r.w, h: r.h };
      boxes.set(child, box);
      if (child.children.length) place(child, box.x + PAD, box.y + HEADER + PAD);
    }
  };
  place(graph.root, MARGIN + 12, MARGIN + 12);

  const { arrows, labels } = drawArrows(graph, boxes, routes, routeOwner, origin);
  let width = MARGIN * 2 + 12 + rootSize.w;
  let height = MARGIN * 2 + 12 + rootSize.h;
  for (const l of labels) {
    const right = l.anchor === 'start' ? l.x + Math.max(...l.lines.map((line) => measure(line))) : l.x + Math.max(...l.lines.map((line) => measure(line))) / 2;
    width = Math.max(width, right + MARGIN);
    height = Math.max(height, l.y + l.lines.length * LINE + MARGIN);
  }
  for (const b of boxes.values()) width = Math.max(width, b.x + b.w + MARGIN);
  return { boxes, arrows, labels, width: Math.ceil(width), height: Math.ceil(height) };
}

/** The lowest state holding both ends in different children: where the arrow's route was laid out. */
function ownerOf(source: StateNode, target: StateNode): { owner: StateNode; a: StateNode; b: StateNode } | undefined {
  for (let n: StateNode | undefined = source.parent; n; n = n.parent) {
    const a = childOf(n, source);
    const b = childOf(n, target);
    if (a && b && a !== b) return { owner: n, a, b };
  }
  return undefined;
}

function drawArrows(
  graph: Graph,
  boxes: Map<StateNode, Box>,
  routes: Map<string, Route>,
  routeOwner: Map<string, StateNode>,
  origin: Map<StateNode, { x: number; y: number }>,
): { arrows: Arrow[]; labels: Label[] } {
  const grouped = new Map<string, { edges: Edge[]; source: StateNode; target: StateNode }>();
  for (const edge of graph.edges) {
    for (const target of edge.targets) {
      if (!boxes.has(edge.source) || !boxes.has(target)) continue;
      const key = `${edge.source.path}>${target.path}`;
      const group = grouped.get(key) ?? { edges: [], source: edge.source, target };
      group.edges.push(edge);
      grouped.set(key, group);
    }
  }
  const arrows: Arrow[] = [];
  const labels: Label[] = [];
  const labelled = new Set<string>();
  let backCount = 0;
  const selfCount = new Map<StateNode, number>();
  for (const g of grouped.values()) {
    const s = boxes.get(g.source)!;
    const t = boxes.get(g.target)!;
    const lines = g.edges.map(edgeLabel);
    const key = `${g.source.path}>${g.target.path}`;
    const path = (d: string) => arrows.push({ source: g.source, target: g.target, path: d });
    if (g.source === g.target) {
      const n = selfCount.get(g.source) ?? 0;
      selfCount.set(g.source, n + 1);
      const x = s.x + s.w;
      path(`M${x},${s.y + 8} C${x + 36},${s.y - 4} ${x + 36},${s.y + s.h + 4} ${x},${s.y + s.h - 8}`);
      labels.push({ key: `l${key}`, x: x + 30, y: s.y + s.h / 2 - (lines.length * LINE) / 2, lines, anchor: 'start' });
      continue;
    }
    if (contains(g.source, g.target) || contains(g.target, g.source)) {
      // Between a compound state and a state inside it: a short arrow on the inner box's right.
      const inner = contains(g.source, g.target) ? t : s;
      const x = inner.x + inner.w;
      const y = inner.y + inner.h / 2;
      path(contains(g.source, g.target) ? `M${x + 26},${inner.y - 4} C${x + 26},${y} ${x + 20},${y} ${x},${y}` : `M${x},${y} C${x + 20},${y} ${x + 26},${y} ${x + 26},${inner.y - 4}`);
      labels.push({ key: `l${key}`, x: x + 30, y: inner.y - 4 - lines.length * LINE, lines, anchor: 'start' });
      continue;
    }
    const found = ownerOf(g.source, g.target);
    const routeKey = found ? `${found.a.path}>${found.b.path}` : '';
    const route = routes.get(routeKey);
    const o = found ? origin.get(routeOwner.get(routeKey)!) : undefined;
    if (route && o && !route.back && route.via.length > 0) {
      // Down through the route's waypoints: from the source's bottom to the target's top.
      const points = route.via.map((v) => ({ x: o.x + v.x + v.w / 2, top: o.y + v.y, bottom: o.y + v.y + v.h }));
      let x = s.x + s.w / 2;
      let y = s.y + s.h;
      let d = `M${x},${y}`;
      for (const p of points) {
        const dy = Math.max(8, (p.top - y) / 2);
        d += ` C${x},${y + dy} ${p.x},${p.top - dy} ${p.x},${p.top}`;
        if (p.bottom > p.top) d += ` L${p.x},${p.bottom}`;
        x = p.x;
        y = p.bottom;
      }
      const dy = Math.max(8, (t.y - y) / 2);
      const tx = t.x + t.w / 2;
      d += ` C${x},${y + dy} ${tx},${t.y - dy} ${tx},${t.y}`;
      path(d);
      if (!labelled.has(routeKey)) {
        labelled.add(routeKey);
        const first = route.via[0]!;
        labels.push({ key: `r${routeKey}`, x: o.x + first.x + first.w / 2, y: o.y + first.y, lines: first.label ?? lines, anchor: 'middle' });
      }
      continue;
    }
    // Back up (or sideways): round the right of both boxes.
    const k = backCount++ % 8;
    const x1 = s.x + s.w;
    const y1 = s.y + s.h / 2;
    const x2 = t.x + t.w;
    const y2 = t.y + t.h / 2;
    const bulge = Math.max(x1, x2) + 30 + k * 10;
    path(`M${x1},${y1} C${bulge},${y1} ${bulge},${y2} ${x2},${y2}`);
    labels.push({ key: `l${key}`, x: Math.max(x1, x2) + 10 + k * 8, y: (y1 + y2) / 2 - (lines.length * LINE) / 2, lines, anchor: 'start' });
  }
  return { arrows, labels };
}
