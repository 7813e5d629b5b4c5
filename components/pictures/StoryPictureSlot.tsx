'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { PlayerPicture } from '@/lib/content/player';
import styles from './StoryPicture.module.css';

type Drawing = ComponentType<{ picture: PlayerPicture }>;

let drawing: Drawing | null = null;
let loading: Promise<Drawing> | null = null;

/** The drawings are a chunk of their own, fetched the first time a story screen shows. */
function loadDrawing(): Promise<Drawing> {
  loading ??= import('./StoryPicture')
    .then((m) => (drawing = m.default))
    .catch((error: unknown) => {
      // Offline before the chunk arrived: the frame keeps its alt text; try again next screen.
      loading = null;
      throw error;
    });
  return loading;
}

/**
 * A story screen's picture. Until the drawing code has arrived (or if it cannot, offline), the
 * frame keeps its size and says what the picture shows, so nothing jumps and nothing is lost.
 */
export function StoryPictureSlot({ picture }: { picture: PlayerPicture | undefined }) {
  const [Loaded, setLoaded] = useState<Drawing | null>(() => drawing);
  useEffect(() => {
    if (Loaded || !picture) return;
    let live = true;
    loadDrawing().then(
      (d) => live && setLoaded(() => d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [Loaded, picture]);
  if (!picture) return null;
  return (
    <div className={styles.frame}>
      {Loaded ? <Loaded picture={picture} /> : <div role="img" aria-label={picture.alt} style={{ width: '100%', height: '100%' }} />}
    </div>
  );
}
