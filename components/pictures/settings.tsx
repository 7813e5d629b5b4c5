/**
 * The places the stories happen, as flat backdrops 320 × 180. Each says where people stand
 * (`ground`, and a smaller `far` row behind), how big vehicles are, and what is drawn in front
 * of the people (a dashboard, rain on the glass).
 */
import type { ReactNode } from 'react';
import type { PictureSetting } from '@/lib/content/pictures';
import { C } from './palette';

export interface SettingLayout {
  night: boolean;
  ground: number;
  near: number;
  far: { ground: number; scale: number };
  /** Where vehicles stand and how big they are (a driver's view puts them far ahead). */
  vehicles: { ground: number; scale: number };
  surface?: number;
  /** The driver's own view: a phone lies by the dashboard rather than showing as a close-up. */
  driverView?: boolean;
  back: ReactNode;
  /** Between the far row and the near one: a car's front seats, with the back seat behind. */
  mid?: ReactNode;
  front?: ReactNode;
}

const W = 320;
const H = 180;

function Moon({ x, y }: { x: number; y: number }) {
  return (
    <g>
      <circle cx={x} cy={y} r={9} fill={C.warnBg} />
      <circle cx={x + 4} cy={y - 3} r={8} fill={C.night} />
    </g>
  );
}

function Stars({ seed }: { seed: number }) {
  const stars = [[30, 20], [70, 12], [120, 30], [180, 14], [250, 24], [290, 10], [215, 40]];
  return (
    <g fill={C.bluePale} opacity={0.7}>
      {stars.map(([x, y], i) => (
        <circle key={i} cx={((x ?? 0) + seed * 37) % W} cy={y} r={i % 2 ? 0.9 : 1.3} />
      ))}
    </g>
  );
}

function StreetLamp({ x, ground, night }: { x: number; ground: number; night: boolean }) {
  return (
    <g>
      {night && <ellipse cx={x + 12} cy={ground + 2} rx={30} ry={5} fill={C.nightLight} />}
      <rect x={x - 1.5} y={ground - 92} width={3} height={92} fill={night ? C.nightLight : C.greyDark} />
      <path d={`M ${x} ${ground - 90} q 2 -4 12 -4 l 0 3`} fill="none" stroke={night ? C.nightLight : C.greyDark} strokeWidth={3} />
      <rect x={x + 7} y={ground - 90} width={10} height={3.5} rx={1.5} fill={night ? C.amber : C.greyPale} />
    </g>
  );
}

function House({ x, ground, w, h, body, roof, lit, night }: { x: number; ground: number; w: number; h: number; body: string; roof: string; lit: readonly boolean[]; night: boolean }) {
  const cols = lit.length;
  return (
    <g>
      <path d={`M ${x - 4} ${ground - h} L ${x + w / 2} ${ground - h - 26} L ${x + w + 4} ${ground - h} Z`} fill={roof} />
      <rect x={x} y={ground - h} width={w} height={h} fill={body} />
      {lit.map((on, i) => (
        <rect
          key={i}
          x={x + 8 + (i * (w - 16)) / cols + 1}
          y={ground - h + 10}
          width={(w - 16) / cols - 6}
          height={14}
          rx={1}
          fill={on ? C.amber : night ? C.night : C.bluePale}
          opacity={on && night ? 0.9 : 1}
        />
      ))}
      <rect x={x + w / 2 - 6} y={ground - 24} width={12} height={24} fill={night ? C.night : C.nightMid} />
    </g>
  );
}

function Tree({ x, ground, night }: { x: number; ground: number; night: boolean }) {
  return (
    <g>
      <rect x={x - 2.5} y={ground - 30} width={5} height={30} fill={night ? C.nightMid : C.greyDark} />
      <circle cx={x} cy={ground - 44} r={18} fill={night ? C.nightMid : C.greenMid} />
      <circle cx={x - 10} cy={ground - 34} r={11} fill={night ? C.nightMid : C.greenMid} />
      <circle cx={x + 10} cy={ground - 35} r={12} fill={night ? C.nightWall : C.green} />
    </g>
  );
}

function Rain({ heavy }: { heavy: boolean }) {
  const lines: ReactNode[] = [];
  const n = heavy ? 46 : 24;
  for (let i = 0; i < n; i += 1) {
    const x = (i * 67) % W;
    const y = (i * 41) % H;
    lines.push(<path key={i} d={`M ${x} ${y} l -3 ${heavy ? 12 : 8}`} />);
  }
  return (
    <g stroke={C.white} strokeWidth={1.2} strokeLinecap="round" opacity={heavy ? 0.55 : 0.45}>
      {lines}
    </g>
  );
}

/** A room: wall, floor, skirting. */
function Room({ wall, floor, ground = 150 }: { wall: string; floor: string; ground?: number }) {
  return (
    <g>
      <rect width={W} height={H} fill={wall} />
      <rect y={ground - 4} width={W} height={H - ground + 4} fill={floor} />
    </g>
  );
}

function Window({ x, y, w, h, frame, children }: { x: number; y: number; w: number; h: number; frame: string; children: ReactNode }) {
  return (
    <g>
      <rect x={x - 4} y={y - 4} width={w + 8} height={h + 8} rx={2} fill={frame} />
      <svg x={x} y={y} width={w} height={h} viewBox={`0 0 ${w} ${h}`}>
        {children}
      </svg>
      <rect x={x + w / 2 - 1.5} y={y} width={3} height={h} fill={frame} />
      <rect x={x - 6} y={y + h + 3} width={w + 12} height={4} rx={1} fill={frame} />
    </g>
  );
}

function FairyLights() {
  const bulbs = Array.from({ length: 15 }, (_, i) => i);
  return (
    <g>
      <path d="M 0 10 Q 80 34 160 14 Q 240 -4 320 22" fill="none" stroke={C.nightLight} strokeWidth={1} />
      {bulbs.map((i) => {
        const t = i / 14;
        const x = t * 320;
        const y = t < 0.5 ? 10 + Math.sin(t * 2 * Math.PI) * 14 + 4 * t : 14 + Math.sin((t - 0.5) * 2 * Math.PI) * -12 + 16 * (t - 0.5);
        return <circle key={i} cx={x} cy={y + 2} r={2} fill={i % 3 === 0 ? C.amber : i % 3 === 1 ? C.amberPale : C.warnBg} />;
      })}
    </g>
  );
}

/** Seen through the windscreen from outside: who sits where. UK cars: the driver is on the viewer's left. */
function CarFromFront({ time }: { time: 'night' | 'day' | 'rain' }) {
  const night = time !== 'day';
  const outside = time === 'night' ? C.night : time === 'rain' ? C.rainSky : C.sky;
  const body = time === 'day' ? C.blueMid : C.nightLight;
  const cabin = time === 'day' ? '#3a4755' : '#0b1724';
  const seat = time === 'day' ? '#2b3641' : '#1a2c42';
  const glass = 'M 78 12 Q 80 8 88 8 L 232 8 Q 240 8 242 12 L 304 124 L 16 124 Z';
  return {
    back: (
      <g>
        <rect width={W} height={H} fill={outside} />
        <path d={glass} fill={cabin} />
        <rect x={112} y={18} width={96} height={26} rx={8} fill={outside} opacity={0.85} />
        <rect x={40} y={84} width={240} height={42} rx={10} fill={time === 'day' ? '#4a5868' : '#223852'} />
      </g>
    ),
    mid: (
      <g fill={seat}>
        {[96, 224].map((x) => (
          <g key={x}>
            <rect x={x - 36} y={70} width={72} height={56} rx={14} />
          </g>
        ))}
      </g>
    ),
    front: (
      <g>
        <path
          fillRule="evenodd"
          fill={body}
          d={`M 0 0 L ${W} 0 L ${W} ${H} L 0 ${H} Z ${glass}`}
        />
        <rect x={10} y={114} width={300} height={12} rx={3} fill={C.ink} />
        <path d="M 100 12 L 116 12 L 58 122 L 42 122 Z" fill={C.white} opacity={0.07} />
        <path d="M 124 12 L 131 12 L 73 122 L 66 122 Z" fill={C.white} opacity={0.06} />
        <rect x={0} y={96} width={14} height={14} rx={4} fill={C.ink} opacity={0.35} />
        <rect x={306} y={96} width={14} height={14} rx={4} fill={C.ink} opacity={0.35} />
        <rect x={0} y={126} width={W} height={3} fill={C.ink} opacity={0.25} />
        <ellipse cx={46} cy={154} rx={26} ry={9} fill={night ? C.warnBg : C.greyPale} />
        <ellipse cx={274} cy={154} rx={26} ry={9} fill={night ? C.warnBg : C.greyPale} />
        <rect x={116} y={142} width={88} height={18} rx={6} fill={C.ink} opacity={0.55} />
        <rect x={138} y={166} width={44} height={9} rx={1.5} fill={C.white} />
        {time === 'rain' && (
          <g fill={C.white} opacity={0.5}>
            {Array.from({ length: 30 }, (_, i) => (
              <ellipse key={i} cx={40 + ((i * 53) % 240)} cy={16 + ((i * 29) % 96)} rx={1.3} ry={2} />
            ))}
          </g>
        )}
      </g>
    ),
  };
}

/** The driver's own view over the dashboard. */
function DriverView({ time }: { time: 'day' | 'night' | 'rain' }) {
  const horizon = 78;
  const sky = time === 'day' ? C.sky : time === 'rain' ? '#56687c' : C.night;
  const land = time === 'day' ? C.greenPale : time === 'rain' ? '#3f5062' : C.nightWall;
  const road = time === 'day' ? C.road : time === 'rain' ? '#2f3d4c' : C.roadNight;
  return {
    back: (
      <g>
        <rect width={W} height={H} fill={sky} />
        {time === 'night' && <Stars seed={2} />}
        {time === 'day' && (
          <g fill={C.white} opacity={0.9}>
            <ellipse cx={60} cy={30} rx={24} ry={7} />
            <ellipse cx={250} cy={22} rx={30} ry={8} />
          </g>
        )}
        <rect y={horizon} width={W} height={H - horizon} fill={land} />
        <path d={`M 140 ${horizon} L 180 ${horizon} L 380 180 L -60 180 Z`} fill={road} />
        <g stroke={time === 'day' ? C.white : C.greyPale} opacity={0.85} fill="none">
          <path d={`M 153.3 ${horizon} L 86.7 180`} strokeWidth={2.4} strokeDasharray="10 8" />
          <path d={`M 166.7 ${horizon} L 233.3 180`} strokeWidth={2.4} strokeDasharray="10 8" />
          <path d={`M 141.5 ${horizon} L -50 180`} strokeWidth={2} />
          <path d={`M 178.5 ${horizon} L 370 180`} strokeWidth={2} />
        </g>
        {time === 'night' &&
          [[40, 30, 130, 3.2], [100, 56, 100, 2], [132, 69, 86, 1.2]].flatMap(([x = 0, top = 0, base = 0, r = 1]) =>
            [1, -1].map((side) => {
              const px = side === 1 ? x : W - x;
              const arm = side * r * 3;
              return (
                <g key={`${x}${side}`}>
                  <path d={`M ${px} ${base} L ${px} ${top} L ${px + arm} ${top}`} fill="none" stroke={C.nightLight} strokeWidth={r * 0.8} />
                  <circle cx={px + arm} cy={top + r * 0.6} r={r} fill={C.amber} />
                </g>
              );
            }),
          )}
        {time === 'rain' && (
          <g>
            <circle cx={190} cy={86} r={16} fill={C.warnBg} opacity={0.35} />
            <circle cx={204} cy={86} r={16} fill={C.warnBg} opacity={0.35} />
            <circle cx={190} cy={86} r={4} fill={C.white} />
            <circle cx={204} cy={86} r={4} fill={C.white} />
          </g>
        )}
      </g>
    ),
    front: (
      <g>
        {time === 'rain' && (
          <g>
            <Rain heavy />
            <path d="M 40 150 Q 160 40 290 150" fill="none" stroke={C.white} strokeWidth={14} opacity={0.12} />
          </g>
        )}
        <path d="M 0 150 Q 160 132 320 150 L 320 180 L 0 180 Z" fill={C.ink} />
        <path d="M 30 180 A 46 46 0 0 1 122 180" fill="none" stroke={C.greyDark} strokeWidth={9} />
        <rect x={60} y={156} width={32} height={8} rx={3} fill={C.nightMid} />
        <rect x={150} y={150} width={44} height={24} rx={3} fill={C.nightMid} />
        <rect x={153} y={153} width={38} height={18} rx={2} fill={time === 'day' ? C.bluePale : C.nightLight} />
        <path d="M 160 166 L 172 158 L 184 162" fill="none" stroke={C.accent} strokeWidth={2} />
        <rect x={0} y={0} width={W} height={8} fill={C.ink} />
        <rect x={144} y={8} width={32} height={9} rx={3} fill={C.greyDark} />
      </g>
    ),
  };
}

const room = (night: boolean) => ({ night, ground: 152, near: 1, far: { ground: 140, scale: 0.8 }, vehicles: { ground: 152, scale: 1 } });
const outdoor = (night: boolean) => ({ night, ground: 160, near: 1, far: { ground: 148, scale: 0.82 }, vehicles: { ground: 162, scale: 1 } });
const inCar = (night: boolean) => ({ night, ground: 178, near: 1.45, far: { ground: 138, scale: 1.06 }, vehicles: { ground: 152, scale: 1 } });
const driverView = (night: boolean) => ({ night, driverView: true, ground: 150, near: 1, far: { ground: 140, scale: 0.8 }, vehicles: { ground: 112, scale: 0.62 } });

function Pavement({ night, kerb = 150 }: { night: boolean; kerb?: number }) {
  return (
    <g>
      <rect y={kerb - 20} width={W} height={H} fill={night ? C.nightMid : C.greyPale} />
      <rect y={kerb + 8} width={W} height={H} fill={night ? C.roadNight : C.road} />
      <rect y={kerb + 6} width={W} height={3} fill={night ? C.nightLight : C.line} />
    </g>
  );
}

export function settingLayout(setting: PictureSetting): SettingLayout {
  switch (setting) {
    case 'party-night':
      return {
        ...room(true),
        back: (
          <g>
            <Room wall={C.nightWall} floor={C.brand} />
            <Window x={32} y={42} w={56} h={52} frame={C.nightMid}>
              <rect width={56} height={52} fill={C.night} />
              <circle cx={16} cy={16} r={6} fill={C.warnBg} />
              <circle cx={19} cy={14} r={5.5} fill={C.night} />
            </Window>
            <FairyLights />
            <rect x={250} y={40} width={34} height={26} rx={2} fill={C.nightMid} />
            <rect x={254} y={44} width={26} height={18} fill={C.accent} opacity={0.6} />
            <ellipse cx={160} cy={150} rx={150} ry={6} fill={C.ink} opacity={0.25} />
          </g>
        ),
      };
    case 'doorway-night':
      return {
        ...room(true),
        back: (
          <g>
            <Room wall={C.nightMid} floor={C.nightWall} />
            <rect x={196} y={38} width={64} height={112} fill={C.night} />
            <Stars seed={3} />
            <rect x={196} y={38} width={64} height={112} fill="none" stroke={C.nightLight} strokeWidth={5} />
            <path d="M 260 40 L 288 30 L 288 160 L 260 150 Z" fill={C.nightLight} />
            <circle cx={282} cy={96} r={2} fill={C.amber} />
            <rect x={222} y={24} width={12} height={6} rx={2} fill={C.amber} />
          </g>
        ),
      };
    case 'car-night':
      return { ...inCar(true), ...CarFromFront({ time: 'night' }) };
    case 'car-day':
      return { ...inCar(false), ...CarFromFront({ time: 'day' }) };
    case 'car-rain':
      return { ...inCar(true), ...CarFromFront({ time: 'rain' }) };
    case 'motorway-view':
      return { ...driverView(false), ...DriverView({ time: 'day' }) };
    case 'junction-night-view':
      return { ...driverView(true), ...DriverView({ time: 'night' }) };
    case 'rain-view':
      return { ...driverView(true), ...DriverView({ time: 'rain' }) };
    case 'petrol-station-night':
      return {
        ...outdoor(true),
        back: (
          <g>
            <rect width={W} height={H} fill={C.night} />
            <Stars seed={4} />
            <rect y={150} width={W} height={30} fill={C.nightMid} />
            <rect x={200} y={70} width={110} height={80} fill={C.nightWall} />
            <rect x={212} y={86} width={86} height={40} fill={C.amberPale} opacity={0.85} />
            <rect x={20} y={30} width={170} height={12} fill={C.white} />
            <rect x={20} y={42} width={170} height={4} fill={C.green} />
            <rect x={60} y={46} width={6} height={104} fill={C.nightLight} />
            <rect x={146} y={46} width={6} height={104} fill={C.nightLight} />
            <path d="M 20 46 L 190 46 L 220 150 L -10 150 Z" fill={C.amber} opacity={0.08} />
            <rect x={94} y={104} width={20} height={46} rx={3} fill={C.white} />
            <rect x={98} y={110} width={12} height={10} fill={C.green} />
          </g>
        ),
      };
    case 'bedroom-night':
      return {
        ...room(true),
        back: (
          <g>
            <Room wall={C.nightWall} floor={C.brand} />
            <Window x={214} y={30} w={60} h={50} frame={C.nightMid}>
              <rect width={60} height={50} fill={C.night} />
              <circle cx={40} cy={14} r={5} fill={C.warnBg} />
            </Window>
            <rect x={100} y={104} width={150} height={40} rx={6} fill={C.nightMid} />
            <rect x={96} y={86} width={12} height={62} rx={4} fill={C.nightLight} />
            <rect x={110} y={100} width={30} height={12} rx={5} fill={C.bluePale} />
            <rect x={140} y={106} width={110} height={22} rx={6} fill={C.accent} opacity={0.8} />
            <rect x={40} y={118} width={26} height={30} fill={C.nightMid} />
            <path d="M 44 118 L 62 118 L 58 104 L 48 104 Z" fill={C.amber} />
            <path d="M 44 118 L 62 118 L 76 148 L 30 148 Z" fill={C.amber} opacity={0.1} />
          </g>
        ),
      };
    case 'street-night':
      return {
        ...outdoor(true),
        back: (
          <g>
            <rect width={W} height={H} fill={C.night} />
            <Stars seed={5} />
            <Moon x={286} y={26} />
            <House x={8} ground={130} w={84} h={58} body={C.nightWall} roof={C.nightMid} lit={[true, false]} night />
            <House x={112} ground={130} w={96} h={66} body={C.nightMid} roof={C.nightWall} lit={[false, false, true]} night />
            <House x={228} ground={130} w={84} h={56} body={C.nightWall} roof={C.nightMid} lit={[false, true]} night />
            <Pavement night kerb={150} />
            <StreetLamp x={96} ground={130} night />
          </g>
        ),
      };
    case 'kitchen-morning':
      return {
        ...room(false),
        surface: 112,
        back: (
          <g>
            <Room wall={C.warnBg} floor={C.line} />
            <Window x={120} y={22} w={80} h={52} frame={C.white}>
              <rect width={80} height={52} fill={C.sky} />
              <circle cx={60} cy={16} r={8} fill={C.amber} />
              <rect y={40} width={80} height={12} fill={C.greenPale} />
            </Window>
            <rect x={0} y={112} width={W} height={40} fill={C.white} />
            <rect x={0} y={112} width={W} height={5} fill={C.grey} />
            {[20, 84, 236].map((x) => (
              <rect key={x} x={x} y={122} width={56} height={26} rx={2} fill={C.greyPale} />
            ))}
            <rect x={16} y={20} width={80} height={40} rx={2} fill={C.white} />
            <rect x={224} y={20} width={80} height={40} rx={2} fill={C.white} />
            <rect x={55} y={38} width={2} height={8} fill={C.grey} />
            <rect x={263} y={38} width={2} height={8} fill={C.grey} />
          </g>
        ),
      };
    case 'cinema-day':
      return {
        ...outdoor(false),
        back: (
          <g>
            <rect width={W} height={H} fill={C.sky} />
            <rect x={10} y={30} width={300} height={120} fill={C.brand} />
            <rect x={10} y={30} width={300} height={18} fill={C.red} />
            {[30, 60, 90, 120, 150, 180, 210, 240, 270].map((x) => (
              <circle key={x} cx={x + 10} cy={39} r={3} fill={C.amber} />
            ))}
            <rect x={28} y={62} width={50} height={66} rx={2} fill={C.accent} />
            <circle cx={53} cy={88} r={14} fill={C.amber} />
            <rect x={242} y={62} width={50} height={66} rx={2} fill={C.green} />
            <path d="M 252 118 L 267 76 L 282 118 Z" fill={C.greenPale} />
            <rect x={112} y={70} width={96} height={80} fill={C.amberPale} opacity={0.9} />
            <rect x={158} y={70} width={4} height={80} fill={C.brand} />
            <Pavement night={false} kerb={158} />
          </g>
        ),
      };
    case 'bus-stop-day':
      return {
        ...outdoor(false),
        back: (
          <g>
            <rect width={W} height={H} fill={C.sky} />
            <House x={-10} ground={140} w={110} h={70} body={C.greyPale} roof={C.grey} lit={[false, false, false]} night={false} />
            <House x={210} ground={140} w={120} h={64} body={C.warnBg} roof={C.redMid} lit={[false, false, false]} night={false} />
            <Pavement night={false} kerb={150} />
            <rect x={110} y={64} width={120} height={6} rx={2} fill={C.greyDark} />
            <rect x={114} y={70} width={112} height={62} fill={C.bluePale} opacity={0.55} />
            <rect x={112} y={70} width={4} height={66} fill={C.greyDark} />
            <rect x={224} y={70} width={4} height={66} fill={C.greyDark} />
            <rect x={130} y={116} width={80} height={4} rx={2} fill={C.greyDark} />
            <rect x={254} y={50} width={3} height={86} fill={C.greyDark} />
            <circle cx={255.5} cy={50} r={10} fill={C.red} />
            <rect x={249} y={48} width={13} height={4} rx={1} fill={C.white} />
          </g>
        ),
      };
    case 'driveway-drizzle':
      return {
        ...outdoor(false),
        back: (
          <g>
            <rect width={W} height={H} fill={C.rainSky} />
            <House x={150} ground={150} w={150} h={90} body={C.greyPale} roof={C.greyDark} lit={[true, false, false]} night={false} />
            <rect y={150} width={W} height={30} fill={C.grey} />
            <path d="M 0 150 L 140 150 L 120 180 L 0 180 Z" fill={C.greyDark} opacity={0.4} />
            <rect x={0} y={120} width={40} height={30} rx={10} fill={C.greenMid} />
          </g>
        ),
        front: <Rain heavy={false} />,
      };
    case 'pool-day':
      return {
        ...outdoor(false),
        back: (
          <g>
            <rect width={W} height={H} fill={C.sky} />
            <rect x={20} y={40} width={280} height={110} rx={4} fill={C.white} />
            <path d="M 20 70 Q 55 58 90 70 T 160 70 T 230 70 T 300 70 L 300 82 Q 265 94 230 82 T 160 82 T 90 82 T 20 82 Z" fill={C.blueMid} />
            <rect x={120} y={96} width={80} height={54} fill={C.bluePale} />
            <rect x={158} y={96} width={4} height={54} fill={C.white} />
            <rect x={40} y={100} width={56} height={30} fill={C.bluePale} />
            <rect x={224} y={100} width={56} height={30} fill={C.bluePale} />
            <Pavement night={false} kerb={158} />
          </g>
        ),
      };
    case 'services-day':
      return {
        ...outdoor(false),
        back: (
          <g>
            <rect width={W} height={H} fill={C.sky} />
            <rect x={150} y={60} width={170} height={80} fill={C.greyPale} />
            <rect x={150} y={52} width={170} height={12} fill={C.green} />
            <rect x={166} y={80} width={138} height={40} fill={C.bluePale} />
            <Tree x={40} ground={140} night={false} />
            <Tree x={110} ground={138} night={false} />
            <rect y={140} width={W} height={40} fill={C.grey} />
            {[20, 90, 160, 230, 300].map((x) => (
              <rect key={x} x={x} y={144} width={3} height={36} fill={C.white} opacity={0.8} />
            ))}
          </g>
        ),
      };
    case 'street-day':
      return {
        ...outdoor(false),
        back: (
          <g>
            <rect width={W} height={H} fill={C.sky} />
            <House x={10} ground={130} w={90} h={62} body={C.warnBg} roof={C.redMid} lit={[false, false]} night={false} />
            <House x={120} ground={130} w={90} h={66} body={C.greyPale} roof={C.greyDark} lit={[false, false]} night={false} />
            <House x={230} ground={130} w={90} h={60} body={C.badBg} roof={C.nightMid} lit={[false, false]} night={false} />
            <Tree x={110} ground={132} night={false} />
            <Pavement night={false} kerb={150} />
          </g>
        ),
      };
    case 'layby-rain':
      return {
        ...outdoor(false),
        back: (
          <g>
            <rect width={W} height={H} fill={C.rainSky} />
            <rect y={96} width={W} height={50} fill={C.greenMid} />
            {[0, 40, 80, 120, 160, 200, 240, 280, 320].map((x) => (
              <circle key={x} cx={x} cy={104} r={20} fill={C.green} />
            ))}
            <rect y={138} width={W} height={42} fill={C.greyDark} />
            <rect y={166} width={W} height={3} fill={C.amber} opacity={0.8} />
          </g>
        ),
        front: <Rain heavy />,
      };
  }
}
