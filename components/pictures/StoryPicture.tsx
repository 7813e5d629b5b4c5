/**
 * A story picture drawn from its description in the content: the setting's backdrop, the
 * people (further ones first), the props, then whatever the setting draws in front. Loaded
 * only when a story screen shows (`StoryPictureSlot`), so it costs no first-load JavaScript.
 */
import type { PicturePersonId, PicturePose, PicturePropId, PictureSetting } from '@/lib/content/pictures';
import type { PlayerPicture } from '@/lib/content/player';
import type { PicturePerson } from '@/lib/content/schema';
import { CAST } from './cast';
import { Person } from './Person';
import { StoryProp, type PropPlace } from './props';
import { settingLayout } from './settings';

const W = 320;
/** Drawn behind the people: they stand in front of a parked car, not inside it. */
const BEHIND: ReadonlySet<string> = new Set(['car', 'police-car', 'bus', 'sofa', 'bike', 'lorry', 'brake-lights', 'traffic-lights', 'coat-hooks', 'keys', 'clock-2am', 'clock-9am']);
/** Drawn over everything, even a car's dashboard: the phone the story is about. */
const OVERLAY: ReadonlySet<string> = new Set(['phone', 'phone-call', 'message', 'glovebox']);

export default function StoryPicture({ picture, className }: { picture: PlayerPicture; className?: string }) {
  // Names are checked by the content check; the casts only narrow what it already passed.
  const layout = settingLayout(picture.setting as PictureSetting);
  const place = (x: number): PropPlace => ({
    x: (x / 100) * W,
    ground: layout.vehicles.ground,
    scale: layout.vehicles.scale,
    surface: layout.surface,
    night: layout.night,
    phoneInset: !layout.driverView,
  });
  const props = (keep: (what: string) => boolean) =>
    picture.props
      .filter((p) => keep(p.what))
      .map((p, i) => <StoryProp key={`${p.what}-${i}`} what={p.what as PicturePropId} p={{ ...place(p.x), ground: BEHIND.has(p.what) || OVERLAY.has(p.what) ? layout.vehicles.ground : layout.ground }} />);
  const drawPerson = (person: PicturePerson, i: number) => {
    const row = person.far ? layout.far : { ground: layout.ground, scale: layout.near };
    return (
      <g key={`${person.who}-${i}`} transform={`translate(${(person.x / 100) * W} ${row.ground}) scale(${row.scale})`}>
        <Person look={CAST[person.who as PicturePersonId]} pose={person.pose as PicturePose} back={person.back} />
      </g>
    );
  };
  const far = picture.people.filter((p) => p.far);
  const near = picture.people.filter((p) => !p.far);
  return (
    <svg viewBox="0 0 320 180" preserveAspectRatio="xMidYMid slice" role="img" aria-label={picture.alt} className={className} focusable="false">
      <title>{picture.alt}</title>
      {layout.back}
      {props((w) => BEHIND.has(w))}
      {far.map(drawPerson)}
      {layout.mid}
      {near.map(drawPerson)}
      {props((w) => !BEHIND.has(w) && !OVERLAY.has(w))}
      {layout.front}
      {props((w) => OVERLAY.has(w))}
    </svg>
  );
}
