/**
 * The recurring cast of the story pictures: how each person looks, so the same Jay appears on
 * every screen of his story. Diverse on purpose (skin, hair, a hijab, glasses, a wheelchair).
 */
import type { PicturePersonId } from '@/lib/content/pictures';
import { C, HAIR, SKIN } from './palette';

export type HairStyle = 'short' | 'buzz' | 'curly' | 'long' | 'bun' | 'ponytail' | 'bunches' | 'hijab' | 'braids';

export interface Look {
  skin: string;
  hair: HairStyle;
  hairColour: string;
  top: string;
  /** Sleeves and trim, when not the same as the top (a hi-vis jacket over a shirt). */
  trim?: string;
  bottom: string;
  glasses?: boolean;
  wheelchair?: boolean;
  /** 1 for teenagers and adults; a four-year-old is about 0.62. */
  size?: number;
  /** A police officer's cap. */
  cap?: boolean;
}

export const CAST: Record<PicturePersonId, Look> = {
  you: { skin: SKIN[1], hair: 'short', hairColour: HAIR.darkBrown, top: C.accent, bottom: C.brand },
  jay: { skin: SKIN[2], hair: 'short', hairColour: HAIR.black, top: C.greenMid, bottom: C.greyDark },
  mia: { skin: SKIN[3], hair: 'long', hairColour: HAIR.black, top: C.amber, bottom: C.brand, wheelchair: true },
  sam: { skin: SKIN[0], hair: 'short', hairColour: HAIR.blonde, top: C.grey, bottom: C.brand, glasses: true },
  leah: { skin: SKIN[0], hair: 'long', hairColour: HAIR.auburn, top: C.green, bottom: C.greyDark },
  ollie: { skin: SKIN[4], hair: 'buzz', hairColour: HAIR.black, top: C.bluePale, bottom: C.greyDark },
  kez: { skin: SKIN[2], hair: 'curly', hairColour: HAIR.darkBrown, top: C.redMid, bottom: C.brand },
  priya: { skin: SKIN[2], hair: 'hijab', hairColour: C.nightMid, top: C.amber, bottom: C.brand },
  tyler: { skin: SKIN[1], hair: 'short', hairColour: HAIR.brown, top: C.nightLight, bottom: C.greyDark },
  callum: { skin: SKIN[0], hair: 'short', hairColour: HAIR.auburn, top: C.red, bottom: C.brand },
  ellie: { skin: SKIN[3], hair: 'bun', hairColour: HAIR.black, top: C.greenMid, bottom: C.brand, glasses: true },
  josh: { skin: SKIN[1], hair: 'curly', hairColour: HAIR.brown, top: C.blueMid, bottom: C.greyDark },
  maya: { skin: SKIN[3], hair: 'bunches', hairColour: HAIR.black, top: C.amber, bottom: C.redMid, size: 0.62 },
  aunt: { skin: SKIN[4], hair: 'braids', hairColour: HAIR.black, top: C.green, bottom: C.brand },
  mum: { skin: SKIN[2], hair: 'ponytail', hairColour: HAIR.darkBrown, top: C.blueMid, bottom: C.brand },
  dad: { skin: SKIN[4], hair: 'buzz', hairColour: HAIR.grey, top: C.nightMid, bottom: C.greyDark, glasses: true },
  officer: { skin: SKIN[0], hair: 'bun', hairColour: HAIR.brown, top: C.amber, trim: C.brand, bottom: C.brand, cap: true },
  friend: { skin: SKIN[4], hair: 'braids', hairColour: HAIR.black, top: C.bluePale, bottom: C.brand },
};
