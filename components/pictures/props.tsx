/**
 * Things in the pictures. Each is drawn at `x` across the picture and stands on the setting's
 * ground (or its table top, when the setting has one); a far setting shrinks vehicles.
 */
import type { ReactElement } from 'react';
import type { PicturePropId } from '@/lib/content/pictures';
import { C } from './palette';

export interface PropPlace {
  x: number;
  ground: number;
  /** Vehicles in a driver's view are far away: smaller. */
  scale: number;
  /** Where small things stand: a table top, a counter. */
  surface: number | undefined;
  night: boolean;
  /** Where a phone shows: on the dashboard in a driver's view, else as a close-up inset. */
  phoneInset: boolean;
}

const at = (x: number, y: number, s = 1) => `translate(${x} ${y})${s === 1 ? '' : ` scale(${s})`}`;

/** A small side table for things that need somewhere to stand. */
function SideTable({ night }: { night: boolean }) {
  const top = night ? C.nightLight : C.grey;
  return (
    <g>
      <rect x={-20} y={-28} width={40} height={4} rx={1.5} fill={top} />
      <rect x={-16} y={-24} width={3} height={24} fill={top} />
      <rect x={13} y={-24} width={3} height={24} fill={top} />
    </g>
  );
}

function OnSomething({ p, children }: { p: PropPlace; children: ReactElement }) {
  if (p.surface !== undefined) return <g transform={at(p.x, p.surface)}>{children}</g>;
  return (
    <g transform={at(p.x, p.ground)}>
      <SideTable night={p.night} />
      <g transform="translate(0 -28)">{children}</g>
    </g>
  );
}

function Phone({ p, ringing }: { p: PropPlace; ringing: boolean }) {
  if (p.phoneInset) {
    return (
      <g transform={at(p.x, 44)}>
        <circle r={30} fill={p.night ? C.nightLight : C.white} opacity={p.night ? 0.9 : 0.95} />
        <g transform="translate(0 18) scale(0.8)">
          <PhoneBody ringing={ringing} />
        </g>
      </g>
    );
  }
  return (
    <g transform={at(p.x, 150)}>
      <PhoneBody ringing={ringing} />
    </g>
  );
}

function PhoneBody({ ringing }: { ringing: boolean }) {
  return (
    <g>
      <rect x={-12} y={-46} width={24} height={44} rx={4.5} fill={C.ink} />
      <rect x={-10} y={-42} width={20} height={36} rx={2} fill={ringing ? C.goodBg : C.bluePale} />
      {ringing ? (
        <g>
          <circle cx={0} cy={-32} r={4.5} fill={C.greenMid} />
          <circle cx={-5} cy={-13} r={3} fill={C.redMid} />
          <circle cx={5} cy={-13} r={3} fill={C.greenMid} />
          <g fill="none" stroke={C.amber} strokeWidth={2} strokeLinecap="round">
            <path d="M 17 -38 Q 21 -31 17 -24" />
            <path d="M 22 -42 Q 28 -31 22 -20" />
            <path d="M -17 -38 Q -21 -31 -17 -24" />
            <path d="M -22 -42 Q -28 -31 -22 -20" />
          </g>
        </g>
      ) : (
        <g>
          <rect x={-6} y={-39} width={9} height={4.5} rx={1} fill="none" stroke={C.ink} strokeWidth={1} />
          <rect x={-5.2} y={-38.2} width={1.6} height={2.9} fill={C.red} />
          <rect x={3.3} y={-38} width={1} height={2.5} fill={C.ink} />
          <rect x={-6} y={-28} width={12} height={2} rx={1} fill={C.grey} />
          <rect x={-6} y={-23} width={8} height={2} rx={1} fill={C.grey} />
        </g>
      )}
    </g>
  );
}

function Message({ p }: { p: PropPlace }) {
  return (
    <g transform={at(p.x, 0)}>
      <path d="M -30 14 h 44 a 6 6 0 0 1 6 6 v 12 a 6 6 0 0 1 -6 6 h -36 l -8 6 v -6 a 6 6 0 0 1 -6 -6 v -12 a 6 6 0 0 1 6 -6 z" fill={C.white} />
      <rect x={-24} y={22} width={30} height={3} rx={1.5} fill={C.grey} />
      <rect x={-24} y={29} width={20} height={3} rx={1.5} fill={C.grey} />
      <path d="M -6 46 h 36 a 6 6 0 0 1 6 6 v 8 a 6 6 0 0 1 -6 6 v 5 l -7 -5 h -29 a 6 6 0 0 1 -6 -6 v -8 a 6 6 0 0 1 6 -6 z" fill={C.accent} />
      <rect x={0} y={54} width={24} height={3} rx={1.5} fill={C.white} />
    </g>
  );
}

function Clock({ p, hour }: { p: PropPlace; hour: number }) {
  const angle = (hour % 12) * 30 * (Math.PI / 180);
  const hx = Math.sin(angle) * 6.5;
  const hy = -Math.cos(angle) * 6.5;
  return (
    <g transform={at(p.x, 36)}>
      <circle r={13} fill={C.white} />
      <circle r={13} fill="none" stroke={p.night ? C.nightLight : C.line} strokeWidth={2} />
      {[0, 3, 6, 9].map((h) => (
        <circle key={h} cx={Math.sin((h * Math.PI) / 6) * 10} cy={-Math.cos((h * Math.PI) / 6) * 10} r={1.1} fill={C.grey} />
      ))}
      <path d={`M 0 0 L ${hx} ${hy}`} stroke={C.ink} strokeWidth={2.4} strokeLinecap="round" />
      <path d="M 0 0 L 0 -9.5" stroke={C.ink} strokeWidth={1.6} strokeLinecap="round" />
      <circle r={1.6} fill={C.red} />
    </g>
  );
}

/** A small hatchback, side on, parked. */
export function Car({ body, police = false }: { body: string; police?: boolean }) {
  return (
    <g>
      <ellipse cx={0} cy={-1} rx={50} ry={3} fill={C.ink} opacity={0.18} />
      <path d="M -34 -26 L -23 -43 Q -21 -45 -18 -45 L 15 -45 Q 18 -45 20 -43 L 33 -26 Z" fill={body} />
      <path d="M -30 -27 L -21 -41 L -3 -41 L -3 -27 Z M 1 -27 L 1 -41 L 15 -41 L 28 -27 Z" fill={C.bluePale} opacity={0.9} />
      <rect x={-52} y={-28} width={104} height={20} rx={8} fill={body} />
      {police && (
        <g>
          {Array.from({ length: 10 }, (_, i) => (
            <rect key={i} x={-50 + i * 10} y={-19} width={10} height={7} fill={i % 2 === 0 ? C.accent : C.amber} />
          ))}
          <rect x={-10} y={-49} width={20} height={4.5} rx={2} fill={C.accent} />
          <rect x={-3} y={-49} width={6} height={4.5} fill={C.blueMid} />
        </g>
      )}
      <rect x={46} y={-25} width={6} height={4} rx={1.5} fill={C.amberPale} />
      <rect x={-52} y={-25} width={5} height={4} rx={1.5} fill={C.redMid} />
      <rect x={-2} y={-22} width={6} height={1.6} rx={0.8} fill={C.ink} opacity={0.4} />
      <circle cx={-30} cy={-8} r={8.5} fill={C.ink} />
      <circle cx={30} cy={-8} r={8.5} fill={C.ink} />
      <circle cx={-30} cy={-8} r={3.6} fill={C.grey} />
      <circle cx={30} cy={-8} r={3.6} fill={C.grey} />
    </g>
  );
}

/** A car seen from behind, in a driver's view of the road ahead. */
function CarAhead({ lit }: { lit: boolean }) {
  return (
    <g>
      {lit && <circle cx={-17} cy={-17} r={9} fill={C.redMid} opacity={0.35} />}
      {lit && <circle cx={17} cy={-17} r={9} fill={C.redMid} opacity={0.35} />}
      <path d="M -18 -30 Q -16 -40 -10 -40 L 10 -40 Q 16 -40 18 -30 Z" fill={C.greyDark} />
      <path d="M -14 -31 Q -12 -37 -8 -37 L 8 -37 Q 12 -37 14 -31 Z" fill={C.bluePale} opacity={0.7} />
      <rect x={-23} y={-31} width={46} height={23} rx={6} fill={C.greyDark} />
      <rect x={-20} y={-20} width={8} height={5} rx={2} fill={lit ? C.red : C.redMid} />
      <rect x={12} y={-20} width={8} height={5} rx={2} fill={lit ? C.red : C.redMid} />
      <rect x={-7} y={-19} width={14} height={5} rx={1} fill={C.amber} />
      <rect x={-21} y={-8} width={8} height={6} rx={2} fill={C.ink} />
      <rect x={13} y={-8} width={8} height={6} rx={2} fill={C.ink} />
    </g>
  );
}

function LorryBehind() {
  return (
    <g>
      <rect x={-34} y={-86} width={68} height={76} rx={3} fill={C.greyPale} />
      <rect x={-0.6} y={-84} width={1.2} height={72} fill={C.line} />
      <rect x={-34} y={-14} width={68} height={6} fill={C.greyDark} />
      <rect x={-31} y={-22} width={8} height={5} rx={1} fill={C.redMid} />
      <rect x={23} y={-22} width={8} height={5} rx={1} fill={C.redMid} />
      <rect x={-30} y={-8} width={12} height={8} rx={2} fill={C.ink} />
      <rect x={18} y={-8} width={12} height={8} rx={2} fill={C.ink} />
    </g>
  );
}

function Bus() {
  return (
    <g>
      <rect x={-80} y={-66} width={160} height={58} rx={7} fill={C.red} />
      {[-72, -44, -16, 12, 40].map((x) => (
        <rect key={x} x={x} y={-58} width={24} height={20} rx={3} fill={C.bluePale} />
      ))}
      <rect x={66} y={-58} width={10} height={44} rx={2} fill={C.bluePale} />
      <rect x={-80} y={-30} width={160} height={3} fill={C.amber} />
      <circle cx={-52} cy={-8} r={9} fill={C.ink} />
      <circle cx={50} cy={-8} r={9} fill={C.ink} />
      <circle cx={-52} cy={-8} r={3.8} fill={C.grey} />
      <circle cx={50} cy={-8} r={3.8} fill={C.grey} />
    </g>
  );
}

function Bike() {
  return (
    <g fill="none" stroke={C.ink} strokeWidth={2.4} strokeLinecap="round">
      <circle cx={-18} cy={-13} r={12} />
      <circle cx={18} cy={-13} r={12} />
      <path d="M -18 -13 L -6 -34 L 12 -34 L 18 -13 M -6 -34 L 2 -13 L 12 -34 M 2 -13 L -18 -13" stroke={C.green} />
      <path d="M -9 -38 L -2 -38 M 12 -34 L 10 -42 L 15 -43" />
    </g>
  );
}

function Letter() {
  return (
    <g>
      <rect x={-15} y={-24} width={30} height={20} rx={2} fill={C.paper} transform="rotate(-6)" />
      <g transform="rotate(-6)">
        <rect x={-11} y={-20} width={8} height={4} fill={C.green} />
        <rect x={-11} y={-13} width={22} height={1.8} rx={0.9} fill={C.grey} />
        <rect x={-11} y={-9} width={16} height={1.8} rx={0.9} fill={C.grey} />
      </g>
      <path d="M -14 -10 L 14 -12 L 15 0 L -13 2 Z" fill={C.white} />
      <path d="M -14 -10 L 0 -3 L 14 -12" fill="none" stroke={C.line} strokeWidth={1} />
    </g>
  );
}

function Cans() {
  return (
    <g>
      {[[-10, C.greyPale], [-2, C.greenMid], [7, C.redMid]].map(([x, c]) => (
        <g key={String(x)}>
          <rect x={Number(x) - 3} y={-12} width={6} height={12} rx={1.2} fill={String(c)} />
          <rect x={Number(x) - 2.4} y={-13} width={4.8} height={1.5} rx={0.6} fill={C.line} />
        </g>
      ))}
    </g>
  );
}

function Cups() {
  return (
    <g>
      <path d="M -11 -14 L 1 -14 L -1 0 L -9 0 Z" fill={C.redMid} />
      <path d="M 3 -12 L 13 -12 L 11.5 0 L 4.5 0 Z" fill={C.accent} />
      <rect x={-11} y={-14} width={12} height={1.6} fill={C.white} />
    </g>
  );
}

function Mugs() {
  return (
    <g>
      <rect x={-12} y={-11} width={9} height={11} rx={2} fill={C.accent} />
      <path d="M -3 -8 q 4 0 4 3 q 0 3 -4 3" fill="none" stroke={C.accent} strokeWidth={1.6} />
      <rect x={4} y={-11} width={9} height={11} rx={2} fill={C.amber} />
      <path d="M 13 -8 q 4 0 4 3 q 0 3 -4 3" fill="none" stroke={C.amber} strokeWidth={1.6} />
      <path d="M -8 -15 q 2 -3 0 -6 M 8 -15 q 2 -3 0 -6" fill="none" stroke={C.white} strokeWidth={1.2} opacity={0.8} />
    </g>
  );
}

function KeysOnHook() {
  return (
    <g>
      <rect x={-10} y={-2} width={20} height={3} rx={1.5} fill={C.grey} />
      <circle cx={0} cy={6} r={3.4} fill="none" stroke={C.amber} strokeWidth={1.6} />
      <rect x={-1.3} y={9} width={2.6} height={10} rx={1} fill={C.amber} />
      <rect x={2} y={8} width={2.6} height={8} rx={1} fill={C.line} transform="rotate(-22 3 8)" />
    </g>
  );
}

function WasherBottle() {
  return (
    <g>
      <path d="M -8 -30 L 6 -30 L 8 -24 L 8 0 L -8 0 Z" fill={C.blueMid} opacity={0.9} />
      <rect x={-6} y={-35} width={6} height={6} rx={1} fill={C.accent} />
      <rect x={-6} y={-20} width={12} height={9} rx={1} fill={C.white} />
      <path d="M -4 -16 q 2 -3 4 0 q 2 3 4 0" fill="none" stroke={C.accent} strokeWidth={1} />
    </g>
  );
}

function ChildSeat() {
  return (
    <g>
      <path d="M -14 0 L -14 -12 Q -16 -44 -4 -46 L 6 -46 Q 12 -46 12 -40 L 12 -26 Q 22 -24 22 -14 L 22 0 Z" fill={C.greyDark} />
      <path d="M -8 -8 L -8 -14 Q -9 -38 -2 -39 L 4 -39 L 4 -20 Q 16 -19 16 -12 L 16 -8 Z" fill={C.nightLight} />
      <path d="M -5 -36 L -1.5 -17 M 3 -36 L 0.5 -17" stroke={C.ink} strokeWidth={2} />
      <rect x={-3.5} y={-19} width={6} height={4} rx={1} fill={C.amber} />
      <rect x={-16} y={-2} width={40} height={3} rx={1.5} fill={C.ink} />
    </g>
  );
}

function TrafficLights({ night }: { night: boolean }) {
  return (
    <g>
      <rect x={-1.5} y={-70} width={3} height={70} fill={night ? C.nightLight : C.greyDark} />
      <rect x={-8} y={-100} width={16} height={36} rx={3} fill={C.ink} />
      <circle cx={0} cy={-92} r={4.5} fill={C.red} />
      <circle cx={0} cy={-92} r={8} fill={C.red} opacity={0.25} />
      <circle cx={0} cy={-82} r={4} fill={C.greyDark} />
      <circle cx={0} cy={-72} r={4} fill={C.greyDark} />
    </g>
  );
}

function Sofa({ night }: { night: boolean }) {
  const c = night ? C.greenMid : C.green;
  return (
    <g>
      <rect x={-52} y={-44} width={104} height={26} rx={8} fill={c} />
      <rect x={-46} y={-24} width={92} height={14} rx={5} fill={C.greenPale} opacity={0.45} />
      <rect x={-58} y={-32} width={14} height={28} rx={6} fill={c} />
      <rect x={44} y={-32} width={14} height={28} rx={6} fill={c} />
      <rect x={-50} y={-8} width={100} height={6} rx={2} fill={c} />
      <rect x={-48} y={-2} width={4} height={2} fill={C.ink} />
      <rect x={44} y={-2} width={4} height={2} fill={C.ink} />
    </g>
  );
}

function CoatHooks() {
  const coats = [C.red, C.amber, C.blueMid];
  return (
    <g>
      <rect x={-30} y={60} width={60} height={4} rx={2} fill={C.grey} />
      {coats.map((c, i) => (
        <path key={c} d={`M ${-18 + i * 18} 64 q -8 4 -8 16 l 0 26 q 8 3 16 0 l 0 -26 q 0 -12 -8 -16 z`} fill={c} />
      ))}
    </g>
  );
}

function Glovebox() {
  return (
    <g transform="translate(0 150)">
      <path d="M -30 0 L 30 0 L 26 22 L -26 22 Z" fill={C.ink} />
      <path d="M -26 2 L 26 2 L 23 18 L -23 18 Z" fill={C.greyDark} />
      <rect x={-8} y={6} width={22} height={11} rx={2.5} fill={C.ink} transform="rotate(-6 3 11)" />
      <path d="M -30 22 L 30 22 L 34 30 L -34 30 Z" fill={C.nightLight} />
    </g>
  );
}

export function StoryProp({ what, p }: { what: PicturePropId; p: PropPlace }) {
  switch (what) {
    case 'phone':
      return <Phone p={p} ringing={false} />;
    case 'phone-call':
      return <Phone p={p} ringing />;
    case 'message':
      return <Message p={p} />;
    case 'clock-2am':
      return <Clock p={p} hour={2} />;
    case 'clock-9am':
      return <Clock p={p} hour={9} />;
    case 'keys':
      return <g transform={at(p.x, 58)}><KeysOnHook /></g>;
    case 'coat-hooks':
      return <g transform={at(p.x, 0)}><CoatHooks /></g>;
    case 'glovebox':
      return <g transform={at(p.x, 0)}><Glovebox /></g>;
    case 'cans':
      return <OnSomething p={p}><Cans /></OnSomething>;
    case 'cup':
      return <OnSomething p={p}><Cups /></OnSomething>;
    case 'mugs':
      return <OnSomething p={p}><Mugs /></OnSomething>;
    case 'letter':
      return <OnSomething p={p}><Letter /></OnSomething>;
    case 'car':
      return <g transform={at(p.x, p.ground, p.scale)}><Car body={C.accent} /></g>;
    case 'police-car':
      return <g transform={at(p.x, p.ground, p.scale)}><Car body={C.white} police /></g>;
    case 'brake-lights':
      return <g transform={at(p.x, p.ground, p.scale)}><CarAhead lit /></g>;
    case 'lorry':
      return <g transform={at(p.x, p.ground, p.scale)}><LorryBehind /></g>;
    case 'bus':
      return <g transform={at(p.x, p.ground)}><Bus /></g>;
    case 'bike':
      return <g transform={at(p.x, p.ground)}><Bike /></g>;
    case 'washer-bottle':
      return <g transform={at(p.x, p.ground)}><WasherBottle /></g>;
    case 'child-seat':
      return <g transform={at(p.x, p.ground)}><ChildSeat /></g>;
    case 'traffic-lights':
      return <g transform={at(p.x, p.ground)}><TrafficLights night={p.night} /></g>;
    case 'sofa':
      return <g transform={at(p.x, p.ground)}><Sofa night={p.night} /></g>;
  }
}
