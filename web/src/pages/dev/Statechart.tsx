/**
 * A machine's statechart as SVG (one image with its accessible name) and the same content as text
 * beside it — the states as a nested list, the transitions as a table — for screen readers, keyboard
 * users and anyone searching the page for a state or an event.
 */
import { Fragment, useMemo } from 'react';
import { useStrings } from '../../i18n';
import { edgeLabel, type Graph, type StateNode } from './graph';
import { boxLines, FONT, layout, LINE, measurer, type Box } from './layout';
import { devWords } from './strings';

const INK = '#1a1a1a';
const CURRENT_FILL = '#fff1a8';

export function Statechart({ graph, current }: { graph: Graph; current?: { leaves: Set<StateNode>; all: Set<StateNode> } }) {
  const t = useStrings(devWords);
  const measure = useMemo(() => measurer(), []);
  const drawn = useMemo(() => layout(graph, measure), [graph, measure]);
  const marker = `arrow-${graph.id}`;
  const transitions = graph.edges.length;
  const label = t('chartAlt', { machine: graph.id, states: graph.states.length, transitions });

  const stateBox = (node: StateNode, box: Box) => {
    const leaf = current?.leaves.has(node) ?? false;
    const active = current?.all.has(node) ?? false;
    const compound = node.children.length > 0;
    const stroke = leaf || active ? 4 : compound ? 1.5 : 1.5;
    return (
      <g key={node.path} data-state={node.path} data-current={leaf ? 'true' : undefined} className={leaf ? 'current' : undefined}>
        <rect
          x={box.x}
          y={box.y}
          width={box.w}
          height={box.h}
          rx={compound ? 12 : 8}
          fill={leaf ? CURRENT_FILL : compound ? '#f3f2f1' : '#ffffff'}
          stroke={INK}
          strokeWidth={stroke}
          strokeDasharray={node.kind === 'parallel' ? '6 4' : undefined}
        />
        {node.kind === 'final' && <rect x={box.x + 4} y={box.y + 4} width={box.w - 8} height={box.h - 8} rx={5} fill="none" stroke={INK} strokeWidth={1.5} />}
        {compound ? (
          <text x={box.x + 14} y={box.y + 19} fontWeight={700}>
            {node.key}
            {node.kind === 'parallel' ? ` (${t('parallel')})` : ''}
          </text>
        ) : (
          <>
            <text x={box.x + box.w / 2} y={box.y + 21} fontWeight={700} textAnchor="middle">
              {node.key}
              {node.history ? (node.history === 'deep' ? ' (H*)' : ' (H)') : ''}
            </text>
            {boxLines(node).map((line, i) => (
              <text key={line} x={box.x + box.w / 2} y={box.y + 21 + LINE * (i + 1)} textAnchor="middle" fontStyle="italic">
                {line}
              </text>
            ))}
          </>
        )}
        {node.initial && (
          <>
            <circle cx={box.x - 8} cy={box.y - 8} r={4.5} fill={INK} />
            <path d={`M${box.x - 8},${box.y - 8} L${box.x + 3},${box.y + 3}`} stroke={INK} strokeWidth={1.5} markerEnd={`url(#${marker})`} />
          </>
        )}
        {leaf && (
          // Above the box's right end: its left end carries the initial marker.
          <text x={box.x + box.w} y={box.y - 4} fontWeight={700} fill={INK} textAnchor="end">
            ● {t('current')}
          </text>
        )}
      </g>
    );
  };

  return (
    <div className="statechart">
      <div className="statechart-scroll" tabIndex={0} role="region" aria-label={t('chartScroll')}>
        <svg role="img" aria-label={label} width={drawn.width} height={drawn.height} viewBox={`0 0 ${drawn.width} ${drawn.height}`} fontFamily="sans-serif" fontSize={FONT}>
          <defs>
            <marker id={marker} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={8} markerHeight={8} orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill={INK} />
            </marker>
          </defs>
          {/* Outer states first, so that inner ones are drawn over them. */}
          {[...graph.states].sort((a, b) => a.depth - b.depth).map((node) => stateBox(node, drawn.boxes.get(node)!))}
          {drawn.arrows.map((arrow, i) => (
            <path key={i} d={arrow.path} fill="none" stroke={INK} strokeWidth={1.3} markerEnd={`url(#${marker})`} data-edge={`${arrow.source.path}>${arrow.target.path}`} />
          ))}
          {drawn.labels.map((label) => {
            const width = Math.max(...label.lines.map((l) => measure(l))) + 6;
            const x = label.anchor === 'middle' ? label.x - width / 2 : label.x - 3;
            return (
              <g key={label.key}>
                <rect x={x} y={label.y} width={width} height={label.lines.length * LINE + 4} fill="#ffffff" opacity={0.9} />
                <text x={label.x} y={label.y + LINE - 2} textAnchor={label.anchor} fill="#0b0c0c">
                  {label.lines.map((line, i) => (
                    <tspan key={i} x={label.x} dy={i === 0 ? 0 : LINE}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <details className="statechart-legend">
        <summary>{t('legend')}</summary>
        <ul>
          <li>{t('legendInitial')}</li>
          <li>{t('legendFinal')}</li>
          <li>{t('legendCurrent')}</li>
        </ul>
      </details>
      <StateList graph={graph} current={current} />
      <TransitionTable graph={graph} />
    </div>
  );
}

function StateList({ graph, current }: { graph: Graph; current?: { leaves: Set<StateNode> } }) {
  const t = useStrings(devWords);
  const item = (node: StateNode) => {
    const facts = [
      node.initial ? t('initial') : undefined,
      node.kind === 'final'
        ? t('final')
        : node.kind === 'compound'
          ? t('compound')
          : node.kind === 'parallel'
            ? t('parallel')
            : node.history
              ? t(node.history === 'deep' ? 'historyDeep' : 'history')
              : undefined,
      node.screen && node.screen !== node.key ? t('screen', { screen: node.screen }) : undefined,
      node.invokes.length ? t('invokes', { actors: node.invokes.join(', ') }) : undefined,
    ].filter(Boolean);
    const isCurrent = current?.leaves.has(node) ?? false;
    return (
      <li key={node.path} data-state={node.path}>
        {isCurrent ? <strong>{node.key}</strong> : <code>{node.key}</code>}
        {facts.length > 0 && ` — ${facts.join(', ')}`}
        {isCurrent && <strong className="current-mark"> ({t('current')})</strong>}
        {node.children.length > 0 && <ul>{node.children.map(item)}</ul>}
      </li>
    );
  };
  return (
    <section aria-labelledby="states-heading">
      <h2 id="states-heading">{t('statesHeading')}</h2>
      <ul className="state-list">{graph.root.children.map(item)}</ul>
    </section>
  );
}

function TransitionTable({ graph }: { graph: Graph }) {
  const t = useStrings(devWords);
  const name = (node: StateNode) => node.path || graph.id;
  return (
    <section aria-labelledby="transitions-heading">
      <h2 id="transitions-heading">{t('transitionsHeading')}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="transitions-heading">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('from')}</th>
              <th scope="col">{t('trigger')}</th>
              <th scope="col">{t('to')}</th>
            </tr>
          </thead>
          <tbody>
            {graph.edges.map((edge) => (
              <tr key={edge.id} data-edge={edge.id}>
                <td>
                  <code>{name(edge.source)}</code>
                </td>
                <td>{edgeLabel(edge)}</td>
                <td>
                  {edge.targets.length === 0 && !edge.unresolved
                    ? t('stays')
                    : edge.targets.map((target, i) => (
                        <Fragment key={target.path}>
                          {i > 0 && ', '}
                          <code>{name(target)}</code>
                        </Fragment>
                      ))}
                  {edge.unresolved && <code>{edge.unresolved}</code>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
