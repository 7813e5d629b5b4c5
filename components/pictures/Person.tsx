/**
 * One person in the flat style: drawn facing the viewer (or from behind, for "you"), feet at
 * (0, 0), about 97 units tall standing. Poses only move the arms and whether the person sits;
 * a wheelchair user sits in their chair in every pose.
 */
import type { PicturePose } from '@/lib/content/pictures';
import type { Look } from './cast';
import { C } from './palette';

const SEATED_DROP = 16;
const ARM = 6.5;

type Arm = { d: string; hand: [number, number] };

const down = (s: 1 | -1, dy = 0): Arm => ({ d: `M ${12.5 * s} ${-70 + dy} Q ${16 * s} ${-58 + dy} ${15.5 * s} ${-45 + dy}`, hand: [15.5 * s, -44 + dy] });
const onLap = (s: 1 | -1): Arm => ({ d: `M ${12.5 * s} -54 Q ${16 * s} -40 ${9 * s} -30`, hand: [8 * s, -29] });

function armsFor(pose: PicturePose, seated: boolean): [Arm, Arm] {
  const dy = seated ? SEATED_DROP : 0;
  const rest = (s: 1 | -1) => (seated ? onLap(s) : down(s));
  switch (pose) {
    case 'phone':
    case 'seated-phone':
      return [rest(-1), { d: `M 12.5 ${-70 + dy} Q 17 ${-54 + dy} 6 ${-55 + dy}`, hand: [5, -56 + dy] }];
    case 'call':
    case 'seated-call':
      return [rest(-1), { d: `M 12.5 ${-70 + dy} Q 21 ${-70 + dy} 10 ${-83 + dy}`, hand: [9, -84 + dy] }];
    case 'keys':
      return [rest(-1), { d: `M 12.5 ${-70 + dy} Q 21 ${-60 + dy} 29 ${-64 + dy}`, hand: [30, -64 + dy] }];
    case 'stop':
      return [rest(-1), { d: `M 12.5 ${-70 + dy} Q 24 ${-70 + dy} 22 ${-86 + dy}`, hand: [22, -90 + dy] }];
    case 'wave':
    case 'seated-wave':
      return [rest(-1), { d: `M 12.5 ${-70 + dy} Q 25 ${-74 + dy} 27 ${-90 + dy}`, hand: [27, -93 + dy] }];
    case 'driving':
      return [
        { d: `M -12.5 -54 Q -17 -44 -11 -45`, hand: [-10.5, -45.5] },
        { d: `M 12.5 -54 Q 17 -44 11 -45`, hand: [10.5, -45.5] },
      ];
    default:
      return [rest(-1), rest(1)];
  }
}

const SEATED_POSES: ReadonlySet<PicturePose> = new Set(['seated', 'belted', 'seated-wave', 'seated-phone', 'seated-call', 'driving']);
const BELTED_POSES: ReadonlySet<PicturePose> = new Set(['belted', 'driving']);

export function Person({ look, pose, back }: { look: Look; pose: PicturePose; back: boolean }) {
  if (pose === 'asleep') return <Asleep look={look} />;
  const seated = SEATED_POSES.has(pose) || look.wheelchair === true;
  const dy = seated ? SEATED_DROP : 0;
  const [left, right] = armsFor(pose, seated);
  const sleeve = look.top;
  const size = look.size ?? 1;
  return (
    <g transform={size === 1 ? undefined : `scale(${size})`}>
      <ellipse cx={0} cy={-1} rx={look.wheelchair ? 26 : 15} ry={2.6} fill={C.ink} opacity={0.18} />
      {look.wheelchair && <ChairBack />}
      <g transform={dy ? `translate(0 ${dy})` : undefined}>
        <HairBack look={look} back={back} />
      </g>
      {seated ? <SeatedLegs colour={look.bottom} /> : <StandingLegs colour={look.bottom} />}
      <g transform={dy ? `translate(0 ${dy})` : undefined}>
        <path d="M -13 -44 L -14.5 -64 Q -14.5 -74 -5 -74 L 5 -74 Q 14.5 -74 14.5 -64 L 13 -44 Q 13 -40 9 -40 L -9 -40 Q -13 -40 -13 -44 Z" fill={look.top} />
        {look.trim && (
          <g fill={look.trim}>
            <rect x={-13.6} y={-55} width={27.2} height={3} />
            <rect x={-13.2} y={-49} width={26.4} height={3} />
          </g>
        )}
        {BELTED_POSES.has(pose) && <path d="M 10.5 -72 L -11 -44" stroke={C.line} strokeWidth={3.2} strokeLinecap="round" />}
        <rect x={-3.2} y={-81} width={6.4} height={9} fill={look.skin} />
        <ellipse cx={0} cy={-87} rx={8.6} ry={10} fill={look.skin} />
        <HairFront look={look} back={back} />
        {look.glasses && !back && (
          <g fill="none" stroke={C.ink} strokeWidth={1.1}>
            <circle cx={-3.7} cy={-87} r={2.7} />
            <circle cx={3.7} cy={-87} r={2.7} />
            <path d="M -1 -87 L 1 -87" />
          </g>
        )}
      </g>
      {look.wheelchair && <ChairFront />}
      {pose === 'driving' && <SteeringWheel />}
      <HeldThing pose={pose} dy={dy} />
      <g fill="none" stroke={sleeve} strokeWidth={ARM} strokeLinecap="round">
        <path d={left.d} />
        <path d={right.d} />
      </g>
      <g fill={look.skin}>
        <circle cx={left.hand[0]} cy={left.hand[1]} r={3.3} />
        {pose === 'stop' ? (
          <rect x={right.hand[0] - 3.6} y={right.hand[1] - 5} width={7.2} height={9} rx={3.2} />
        ) : (
          <circle cx={right.hand[0]} cy={right.hand[1]} r={3.3} />
        )}
      </g>
      <HeldInFront pose={pose} dy={dy} />
    </g>
  );
}

function StandingLegs({ colour }: { colour: string }) {
  return (
    <g>
      <rect x={-9} y={-43} width={8} height={41} rx={3} fill={colour} />
      <rect x={1} y={-43} width={8} height={41} rx={3} fill={colour} />
      <ellipse cx={-5.5} cy={-2} rx={5.5} ry={2.6} fill={C.ink} />
      <ellipse cx={5.5} cy={-2} rx={5.5} ry={2.6} fill={C.ink} />
    </g>
  );
}

function SeatedLegs({ colour }: { colour: string }) {
  return (
    <g>
      <rect x={-9.5} y={-26} width={8.5} height={24} rx={3} fill={colour} />
      <rect x={1} y={-26} width={8.5} height={24} rx={3} fill={colour} />
      <rect x={-12.5} y={-32} width={25} height={11} rx={5} fill={colour} />
      <ellipse cx={-5.5} cy={-2} rx={5.5} ry={2.6} fill={C.ink} />
      <ellipse cx={5.5} cy={-2} rx={5.5} ry={2.6} fill={C.ink} />
    </g>
  );
}

function HairBack({ look, back }: { look: Look; back: boolean }) {
  const c = look.hairColour;
  switch (look.hair) {
    case 'long':
      return <path d="M -11 -88 C -12 -102, 12 -102, 11 -88 L 12.5 -68 Q 0 -64 -12.5 -68 Z" fill={c} />;
    case 'ponytail':
      return <ellipse cx={back ? 0 : 9.5} cy={-80} rx={3.6} ry={8.5} fill={c} />;
    case 'hijab':
      return <path d="M -12 -86 C -12.5 -103, 12.5 -103, 12 -86 L 14 -70 Q 0 -64 -14 -70 Z" fill={c} />;
    default:
      return null;
  }
}

const CAP_SHORT = 'M -9.3 -83 C -10.8 -98, -4 -100.5, 1 -100 C 8.5 -99.4, 11.2 -93, 9.3 -82.5 C 8 -88, 5 -91.5, -2 -91 C -5 -90.4, -8 -87.5, -9.3 -83 Z';
const CAP_BUZZ = 'M -8.7 -88 C -8.4 -97.6, 8.4 -97.6, 8.7 -88 C 6 -93, -6 -93, -8.7 -88 Z';
const CAP_SMOOTH = 'M -9.6 -81 C -11.5 -100, 11.5 -100, 9.6 -81 C 9 -87, 6 -90.5, 1 -91 C -3 -89.5, -7.5 -88, -9.6 -81 Z';

function HairFront({ look, back }: { look: Look; back: boolean }) {
  const c = look.hairColour;
  if (look.hair === 'hijab') {
    return back ? <ellipse cx={0} cy={-88} rx={11} ry={12} fill={c} /> : (
      <g>
        <path d="M -10.5 -84 C -11 -99, 11 -99, 10.5 -84 L 10 -78 Q 0 -71 -10 -78 Z" fill={c} />
        <ellipse cx={0} cy={-85.5} rx={6.4} ry={7.6} fill={look.skin} />
      </g>
    );
  }
  const full = back ? <ellipse cx={0} cy={-88.5} rx={9.2} ry={10.2} fill={c} /> : null;
  const cap = look.cap ? (
    <g fill={C.brand}>
      <path d="M -9.5 -92 C -9.5 -101, 9.5 -101, 9.5 -92 Z" />
      <rect x={-11} y={-93} width={22} height={3.2} rx={1.6} />
      <rect x={-9.5} y={-97} width={19} height={2} fill={C.white} />
    </g>
  ) : null;
  switch (look.hair) {
    case 'curly':
      return (
        <g fill={c}>
          {full}
          {[[-7.5, -91], [-4.5, -96.5], [0.5, -98.5], [5.5, -96.5], [8.5, -91.5], [-9.6, -86], [9.8, -86]].map(([x, y]) => (
            <circle key={`${x}${y}`} cx={x} cy={y} r={4.3} />
          ))}
        </g>
      );
    case 'buzz':
      return <g>{full}<path d={CAP_BUZZ} fill={c} /></g>;
    case 'bun':
      return (
        <g fill={c}>
          <circle cx={0} cy={-99.5} r={4.6} />
          {full}
          <path d={CAP_SMOOTH} />
          {cap}
        </g>
      );
    case 'bunches':
      return (
        <g fill={c}>
          <circle cx={-10.5} cy={-91} r={4.2} />
          <circle cx={10.5} cy={-91} r={4.2} />
          {full}
          <path d={CAP_SMOOTH} />
        </g>
      );
    case 'braids':
      return (
        <g fill={c}>
          {full}
          <path d={CAP_SMOOTH} />
          <rect x={-12} y={-90} width={4.4} height={26} rx={2.2} />
          <rect x={7.6} y={-90} width={4.4} height={26} rx={2.2} />
        </g>
      );
    case 'long':
    case 'ponytail':
      return <g fill={c}>{full}<path d={CAP_SMOOTH} /></g>;
    default:
      return <g fill={c}>{full}<path d={CAP_SHORT} /></g>;
  }
}

function HeldThing({ pose, dy }: { pose: PicturePose; dy: number }) {
  if (pose === 'phone' || pose === 'seated-phone') {
    return (
      <g transform={`translate(0 ${dy})`}>
        <rect x={0.5} y={-67} width={8} height={13} rx={1.6} fill={C.ink} />
        <rect x={1.6} y={-65.6} width={5.8} height={9.6} rx={0.8} fill={C.bluePale} />
      </g>
    );
  }
  return null;
}

function HeldInFront({ pose, dy }: { pose: PicturePose; dy: number }) {
  if (pose === 'call' || pose === 'seated-call') {
    return <rect x={6.8} y={-95 + dy} width={4.6} height={11} rx={1.4} fill={C.ink} transform={`rotate(-14 9 ${-89 + dy})`} />;
  }
  if (pose === 'keys') {
    return (
      <g transform={`translate(30 ${-60 + dy})`} fill={C.amber}>
        <circle cx={0} cy={0} r={2.6} fill="none" stroke={C.amber} strokeWidth={1.2} />
        <rect x={-1} y={2} width={2.2} height={7.5} rx={0.8} />
        <rect x={1.4} y={1} width={2.2} height={6.5} rx={0.8} transform="rotate(-24 2.5 1)" fill={C.line} />
      </g>
    );
  }
  return null;
}

function SteeringWheel() {
  return (
    <g>
      <circle cx={0} cy={-40} r={13} fill="none" stroke={C.ink} strokeWidth={3.4} />
      <path d="M -12 -38 L 12 -38" stroke={C.ink} strokeWidth={2.6} />
      <circle cx={0} cy={-38.5} r={3.2} fill={C.ink} />
    </g>
  );
}

function ChairBack() {
  return (
    <g>
      <rect x={-15.5} y={-64} width={31} height={40} rx={4} fill={C.greyDark} />
      <path d="M -15 -64 L -15 -70 M 15 -64 L 15 -70" stroke={C.greyDark} strokeWidth={3} strokeLinecap="round" />
    </g>
  );
}

function ChairFront() {
  return (
    <g>
      <circle cx={-13} cy={-17} r={16} fill="none" stroke={C.ink} strokeWidth={3.6} />
      <circle cx={-13} cy={-17} r={12.5} fill="none" stroke={C.grey} strokeWidth={1.2} />
      <circle cx={-13} cy={-17} r={2.6} fill={C.grey} />
      <circle cx={13} cy={-3.5} r={3.5} fill={C.ink} />
      <rect x={-4} y={-5} width={18} height={2.4} rx={1.2} fill={C.greyDark} />
    </g>
  );
}

function Asleep({ look }: { look: Look }) {
  return (
    <g>
      <rect x={-44} y={-8} width={88} height={8} rx={3} fill={C.bluePale} />
      <ellipse cx={-30} cy={-11} rx={12} ry={5.5} fill={C.white} />
      <circle cx={-27} cy={-18} r={8} fill={look.skin} />
      <path d="M -35 -19 C -35 -29, -20 -29, -19 -19 C -22 -23, -31 -24, -35 -19 Z" fill={look.hairColour} />
      <path d="M -22 -22 Q -20 -28 -10 -27 L 36 -25 Q 42 -25 42 -18 L 42 -8 L -24 -8 Z" fill={look.top} />
      <path d="M -24 -14 L 42 -14" stroke={C.white} strokeOpacity={0.3} strokeWidth={2} />
    </g>
  );
}
