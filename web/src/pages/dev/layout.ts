/**
 * Lays a statechart out without a layout library (the page must work offline and stay small): every
 * compound state places its children in layers, top to bottom, along the transitions between them
 * (a transition between two deeper states counts for the children of the state that holds both), with
 * cycles broken where a depth-first walk from the initial child meets them and a few barycentre sweeps
 * to uncross; a compound state is as large as its children's layout. Arrows are then drawn between the
 * actual states' boxes: down from the bottom of one to the top of the next, back edges round the right.
 */
import { edgeLabel, type Edge, type Graph, type StateNode } from './graph';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Arrow {
  /** The edges drawn as this arrow (same source and target). */
  edges: Edge[];
  source: StateNode;
  target: StateNode;
  path: string;
  label: { x: number; y: number; lines: string[]; anchor: 'middle' | 'start' };
}
export interface Layout {
  boxes: Map<StateNode, Box>;
  arrows: Arrow[];
  width: number;
  height: number;
}

export const FONT = 13;
export const LINE = 16;
const PAD = 14;
const HEADER = 26;
const H_GAP = 28;
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

/** `ancestor` itself or the child of `container` that holds `node`. */
function childOf(container: StateNode, node: StateNode): StateNode | undefined {
  let n: StateNode | undefined = node;
  while (n && n.parent !== container) n = n.parent;
  return n;
}

function pairs(graph: Graph): { edge: Edge; source: StateNode; target: StateNode }[] {
  return graph.edges.flatMap((edge) => edge.targets.map((target) => ({ edge, source: edge.source, target })));
}

export function layout(graph: Graph, measure: Measure = measurer()): Layout {
  const all = pairs(graph);
  /** Positions relative to the parent's content origin, then made absolute. */
  const rel = new Map<StateNode, Box>();

  const size = (node: StateNode): { w: number; h: number } => {
    if (node.children.length === 0) {
      const lines = boxLines(node);
      const w = Math.max(90, measure(node.key, true) + 2 * PAD, ...lines.map((l) => measure(l) + 2 * PAD));
      return { w: Math.ceil(w), h: 34 + lines.length * LINE };
    }
    const children = node.children;
    const sizes = new Map(children.map((c) => [c, size(c)]));
    // Transitions between children of this node (both ends below it, in different children).
    const projected: [StateNode, StateNode, number][] = [];
    const weight = new Map<string, number>();
    for (const { source, target } of all) {
      const a = childOf(node, source);
      const b = childOf(node, target);
      if (!a || !b || a === b) continue;
      const key = `${a.path}>${b.path}`;
      weight.set(key, (weight.get(key) ?? 0) + 1);
      if (weight.get(key) === 1) projected.push([a, b, 0]);
    }
    for (const p of projected) p[2] = weight.get(`${p[0].path}>${p[1].path}`)!;
    const out = new Map(children.map((c) => [c, [] as StateNode[]]));
    for (const [a, b] of projected) out.get(a)!.push(b);

    // Depth-first from the initial child: an edge to a node on the stack is a back edge (ignored for layers).
    const order: StateNode[] = [];
    const state = new Map<StateNode, 1 | 2>();
    const back = new Set<string>();
    const dfs = (n: StateNode) => {
      state.set(n, 1);
      order.push(n);
      for (const m of out.get(n)!) {
        if (state.get(m) === 1) back.add(`${n.path}>${m.path}`);
        else if (!state.has(m)) dfs(m);
      }
      state.set(n, 2);
    };
    const starts = [...children.filter((c) => c.initial), ...children.filter((c) => !c.initial)];
    for (const c of starts) if (!state.has(c)) dfs(c);

    // Longest path layering over the forward edges, in depth-first order (a topological order of them).
    const layerOf = new Map<StateNode, number>(children.map((c) => [c, 0]));
    const forward = projected.filter(([a, b]) => !back.has(`${a.path}>${b.path}`));
    for (let changed = true, guard = 0; changed && guard < children.length + 1; guard++) {
      changed = false;
      for (const [a, b] of forward) {
        const next = layerOf.get(a)! + 1;
        if (next > layerOf.get(b)!) {
          layerOf.set(b, next);
          changed = true;
        }
      }
    }
    // A parallel state's regions sit side by side.
    if (node.kind === 'parallel') for (const c of children) layerOf.set(c, 0);
    const layerCount = Math.max(...layerOf.values()) + 1;
    const layers: StateNode[][] = Array.from({ length: layerCount }, () => []);
    for (const n of order) layers[layerOf.get(n)!]!.push(n);

    // Barycentre sweeps: each node towards the mean position of its neighbours in other layers.
    const position = new Map<StateNode, number>();
    const index = () => layers.forEach((layer) => layer.forEach((n, i) => position.set(n, i / Math.max(1, layer.length - 1))));
    index();
    for (let sweep = 0; sweep < 4; sweep++) {
      for (const layer of sweep % 2 === 0 ? layers : [...layers].reverse()) {
        const bary = new Map<StateNode, number>();
        for (const n of layer) {
          const near = projected.filter(([a, b]) => a === n || b === n).map(([a, b]) => (a === n ? b : a)).filter((m) => layerOf.get(m) !== layerOf.get(n));
          bary.set(n, near.length ? near.reduce((s, m) => s + position.get(m)!, 0) / near.length : position.get(n)!);
        }
        layer.sort((a, b) => bary.get(a)! - bary.get(b)!);
        index();
      }
    }

    // The gap below a layer holds the labels of the arrows that leave it.
    const gaps = layers.map((_layer, i) => {
      let lines = 0;
      for (const [a, b, w] of projected) if (layerOf.get(a) === i && layerOf.get(b) === i + 1) lines = Math.max(lines, w);
      return Math.min(40 + lines * LINE, 40 + 8 * LINE);
    });
    const widths = layers.map((layer) => layer.reduce((s, n) => s + sizes.get(n)!.w, 0) + H_GAP * Math.max(0, layer.length - 1));
    // Room on the right for the arrows that go back up.
    const backRoom = back.size > 0 ? 60 + Math.min(back.size, 8) * 10 : 0;
    const innerW = Math.max(...widths) + backRoom;
    let y = 0;
    layers.forEach((layer, i) => {
      const h = Math.max(...layer.map((n) => sizes.get(n)!.h));
      let x = (innerW - backRoom - widths[i]!) / 2;
      for (const n of layer) {
        const s = sizes.get(n)!;
        rel.set(n, { x, y: y + (h - s.h) / 2, w: s.w, h: s.h });
        x += s.w + H_GAP;
      }
      y += h + (i < layers.length - 1 ? gaps[i]! : 0);
    });
    const title = node.parent ? measure(node.key, true) + 2 * PAD : 0;
    return { w: Math.ceil(Math.max(innerW, title) + 2 * PAD), h: Math.ceil(y + (node.parent ? HEADER + 2 * PAD : 0)) };
  };

  const rootSize = size(graph.root);
  const boxes = new Map<StateNode, Box>();
  const place = (node: StateNode, originX: number, originY: number) => {
    for (const child of node.children) {
      const r = rel.get(child)!;
      const box = { x: originX + r.x, y: originY + r.y, w: r.w, h: r.h };
      boxes.set(child, box);
      if (child.children.length) place(child, box.x + PAD, box.y + HEADER + PAD);
    }
  };
  place(graph.root, MARGIN + 20, MARGIN);

  const arrows = drawArrows(graph, boxes);
  let width = MARGIN * 2 + 20 + rootSize.w;
  let height = MARGIN * 2 + rootSize.h;
  for (const a of arrows) {
    const right = a.label.anchor === 'start' ? a.label.x + Math.max(...a.label.lines.map((l) => measure(l))) : a.label.x;
    width = Math.max(width, right + MARGIN);
    height = Math.max(height, a.label.y + a.label.lines.length * LINE + MARGIN);
  }
  for (const b of boxes.values()) width = Math.max(width, b.x + b.w + MARGIN);
  return { boxes, arrows, width: Math.ceil(width), height: Math.ceil(height) };
}

function contains(outer: StateNode, inner: StateNode): boolean {
  for (let n: StateNode | undefined = inner.parent; n; n = n.parent) if (n === outer) return true;
  return false;
}

function drawArrows(graph: Graph, boxes: Map<StateNode, Box>): Arrow[] {
  const grouped = new Map<string, { edges: Edge[]; source: StateNode; target: StateNode }>();
  for (const edge of graph.edges) {
    if (!boxes.has(edge.source)) continue;
    for (const target of edge.targets) {
      if (!boxes.has(target)) continue;
      const key = `${edge.source.path}>${target.path}`;
      const group = grouped.get(key) ?? { edges: [], source: edge.source, target };
      group.edges.push(edge);
      grouped.set(key, group);
    }
  }
  type Kind = 'down' | 'back' | 'side' | 'self' | 'nested';
  const kindOf = (s: Box, t: Box, source: StateNode, target: StateNode): Kind => {
    if (source === target) return 'self';
    if (contains(source, target) || contains(target, source)) return 'nested';
    if (t.y >= s.y + s.h - 1) return 'down';
    if (t.y + t.h <= s.y + 1) return 'back';
    return 'side';
  };
  const groups = [...grouped.values()].map((g) => {
    const s = boxes.get(g.source)!;
    const t = boxes.get(g.target)!;
    return { ...g, s, t, kind: kindOf(s, t, g.source, g.target) };
  });
  // Spread the ends of the arrows along a box's bottom (leaving) and top (arriving), in the order of the other end.
  const port = new Map<string, number>();
  const spread = (side: 'out' | 'in') => {
    const byBox = new Map<StateNode, typeof groups>();
    for (const g of groups.filter((g) => g.kind === 'down')) {
      const node = side === 'out' ? g.source : g.target;
      byBox.set(node, [...(byBox.get(node) ?? []), g]);
    }
    for (const [node, list] of byBox) {
      const box = boxes.get(node)!;
      list.sort((a, b) => (side === 'out' ? a.t.x + a.t.w / 2 - (b.t.x + b.t.w / 2) : a.s.x + a.s.w / 2 - (b.s.x + b.s.w / 2)));
      list.forEach((g, i) => port.set(`${side}${g.source.path}>${g.target.path}`, box.x + (box.w * (i + 1)) / (list.length + 1)));
    }
  };
  spread('out');
  spread('in');

  let backCount = 0;
  const selfCount = new Map<StateNode, number>();
  const arrows: Arrow[] = [];
  for (const g of groups) {
    const { s, t } = g;
    const lines = g.edges.map(edgeLabel);
    let path: string;
    let label: Arrow['label'];
    switch (g.kind) {
      case 'down': {
        const x1 = port.get(`out${g.source.path}>${g.target.path}`)!;
        const y1 = s.y + s.h;
        const x2 = port.get(`in${g.source.path}>${g.target.path}`)!;
        const y2 = t.y;
        const dy = Math.max(20, (y2 - y1) / 2);
        path = `M${x1},${y1} C${x1},${y1 + dy} ${x2},${y2 - dy} ${x2},${y2}`;
        const midY = (y1 + y2) / 2 - (lines.length * LINE) / 2;
        label = { x: (x1 + x2) / 2, y: midY, lines, anchor: 'middle' };
        break;
      }
      case 'back': {
        const k = backCount++ % 8;
        const x1 = s.x + s.w;
        const y1 = s.y + s.h / 2;
        const x2 = t.x + t.w;
        const y2 = t.y + t.h / 2;
        const bulge = Math.max(x1, x2) + 40 + k * 10;
        path = `M${x1},${y1} C${bulge},${y1} ${bulge},${y2} ${x2},${y2}`;
        label = { x: Math.max(x1, x2) + 14 + k * 7, y: (y1 + y2) / 2 - (lines.length * LINE) / 2, lines, anchor: 'start' };
        break;
      }
      case 'side': {
        const right = t.x > s.x;
        const x1 = right ? s.x + s.w : s.x;
        const x2 = right ? t.x : t.x + t.w;
        const y1 = s.y + s.h / 2;
        const y2 = t.y + t.h / 2;
        const mx = (x1 + x2) / 2;
        path = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
        label = { x: mx, y: Math.min(y1, y2) - 6 - lines.length * LINE, lines, anchor: 'middle' };
        break;
      }
      case 'self': {
        const n = selfCount.get(g.source) ?? 0;
        selfCount.set(g.source, n + 1);
        const x = s.x + s.w;
        const y1 = s.y + 8;
        const y2 = s.y + s.h - 8;
        path = `M${x},${y1} C${x + 36},${y1 - 12} ${x + 36},${y2 + 12} ${x},${y2}`;
        label = { x: x + 32, y: s.y + s.h / 2 - (lines.length * LINE) / 2, lines, anchor: 'start' };
        break;
      }
      case 'nested': {
        // Between a compound state and a state inside it: a short arrow on the inner box's right.
        const inner = contains(g.source, g.target) ? t : s;
        const x = inner.x + inner.w;
        const y = inner.y + inner.h / 2;
        path = contains(g.source, g.target) ? `M${x + 26},${inner.y - 4} C${x + 26},${y} ${x + 20},${y} ${x},${y}` : `M${x},${y} C${x + 20},${y} ${x + 26},${y} ${x + 26},${inner.y - 4}`;
        label = { x: x + 30, y: inner.y - 4 - lines.length * LINE, lines, anchor: 'start' };
        break;
      }
    }
    arrows.push({ edges: g.edges, source: g.source, target: g.target, path, label });
  }
  return arrows;
}
