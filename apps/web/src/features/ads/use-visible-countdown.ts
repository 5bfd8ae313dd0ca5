import { useEffect, useRef, useState } from 'react';

function isVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState === 'visible';
}

/**
 * Seconds of the ad actually watched: the clock only runs while the tab is visible (Page Visibility API), so the
 * countdown pauses when the user switches away. The server keeps its own clock; this one is for the viewer.
 */
export function useVisibleCountdown(totalSeconds: number, running: boolean) {
  const [watchedMs, setWatchedMs] = useState(0);
  const [visible, setVisible] = useState(isVisible);
  const last = useRef<number | null>(null);

  useEffect(() => {
    const onChange = () => {
      setVisible(isVisible());
      last.current = null;
    };
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  useEffect(() => {
    if (!running || !visible) {
      last.current = null;
      return;
    }
    const tick = () => {
      const now = performance.now();
      if (last.current !== null) {
        const step = now - last.current;
        setWatchedMs((ms) => Math.min(ms + step, totalSeconds * 1000));
      }
      last.current = now;
    };
    tick();
    const id = window.setInterval(tick, 250);
    return () => window.clearInterval(id);
  }, [running, visible, totalSeconds]);

  const watched = watchedMs / 1000;
  return {
    watched,
    remaining: Math.max(0, Math.ceil(totalSeconds - watched)),
    progress: totalSeconds > 0 ? Math.min(100, (watched / totalSeconds) * 100) : 100,
    done: watched >= totalSeconds,
    paused: running && !visible,
    /** Adds seconds to wait (the server said 425: its clock needs more). */
    extend: (seconds: number) => setWatchedMs((ms) => Math.max(0, Math.min(ms, (totalSeconds - seconds) * 1000))),
    reset: () => setWatchedMs(0),
  };
}
