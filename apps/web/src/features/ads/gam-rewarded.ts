/**
 * Google Ad Manager rewarded ads for the web (GPT `OutOfPageFormat.REWARDED`), the first step of the waterfall when
 * the session offers `google-ad-manager`. The script URL comes from the session (ADS_GAM_SCRIPT_URL), so tests serve a
 * local stand-in that emits the same events.
 */
interface SlotEvent {
  slot: unknown;
  isEmpty?: boolean;
  makeRewardedVisible?: () => void;
}

interface GoogleTag {
  apiReady?: boolean;
  cmd: { push: (fn: () => void) => void };
  enums: { OutOfPageFormat: { REWARDED: unknown } };
  defineOutOfPageSlot: (adUnitPath: string, format: unknown) => { addService: (s: unknown) => unknown } | null;
  pubads: () => {
    addEventListener: (event: string, listener: (e: SlotEvent) => void) => void;
    removeEventListener: (event: string, listener: (e: SlotEvent) => void) => void;
  };
  enableServices: () => void;
  display: (slot: unknown) => void;
  destroySlots: (slots: unknown[]) => void;
}

declare global {
  interface Window {
    googletag?: GoogleTag;
  }
}

/** Past these, the next network plays: a user waits at most a few seconds for an ad that will not come. */
const LOAD_TIMEOUT_MS = 2500;
const FILL_TIMEOUT_MS = 6000;

/** Why GAM gave way to the next network (recorded as a no-fill impression). */
export type GamMiss = 'blocked' | 'null_slot' | 'no_fill' | 'timeout';
/** How a GAM attempt ended: it filled and was closed (granted or not), or it missed. */
export type GamResult = { filled: true; granted: boolean } | { filled: false; reason: GamMiss };

function loadGpt(scriptUrl: string): Promise<GoogleTag> {
  if (window.googletag?.apiReady) return Promise.resolve(window.googletag);
  return new Promise((resolve, reject) => {
    window.googletag = window.googletag ?? ({ cmd: [] } as unknown as GoogleTag);
    const timer = window.setTimeout(() => reject(new Error('timeout')), LOAD_TIMEOUT_MS);
    const script = document.createElement('script');
    script.src = scriptUrl;
    script.async = true;
    // An ad blocker or a network error: onerror fires at once.
    script.onerror = () => {
      window.clearTimeout(timer);
      script.remove();
      reject(new Error('blocked'));
    };
    window.googletag.cmd.push(() => {
      window.clearTimeout(timer);
      resolve(window.googletag!);
    });
    document.head.appendChild(script);
  });
}

/**
 * Requests and shows a rewarded ad. `onFilled` runs when GPT has an ad (`rewardedSlotReady`, then it is made
 * visible), `onGranted` on `rewardedSlotGranted` (the session may be claimed). Resolves when the viewer closed the ad,
 * or at once when there is no ad: a null slot, `slotRenderEnded` with isEmpty, a timeout, or a blocked script.
 */
export async function playGamRewarded(
  creative: { adUnitPath: string; scriptUrl: string },
  on: { onFilled: () => void; onGranted: () => void },
): Promise<GamResult> {
  let googletag: GoogleTag;
  try {
    googletag = await loadGpt(creative.scriptUrl);
  } catch (error) {
    return { filled: false, reason: (error as Error).message === 'timeout' ? 'timeout' : 'blocked' };
  }
  return new Promise<GamResult>((resolve) => {
    googletag.cmd.push(() => {
      const slot = googletag.defineOutOfPageSlot(creative.adUnitPath, googletag.enums.OutOfPageFormat.REWARDED);
      if (!slot) {
        resolve({ filled: false, reason: 'null_slot' });
        return;
      }
      const pubads = googletag.pubads();
      let filled = false;
      let granted = false;
      const listeners: [string, (e: SlotEvent) => void][] = [
        ['slotRenderEnded', (e) => e.slot === slot && e.isEmpty && finish({ filled: false, reason: 'no_fill' })],
        [
          'rewardedSlotReady',
          (e) => {
            if (e.slot !== slot || filled) return;
            filled = true;
            on.onFilled();
            e.makeRewardedVisible?.();
          },
        ],
        [
          'rewardedSlotGranted',
          (e) => {
            if (e.slot !== slot || granted) return;
            granted = true;
            on.onGranted();
          },
        ],
        ['rewardedSlotClosed', (e) => e.slot === slot && finish({ filled: true, granted })],
      ];
      const timer = window.setTimeout(() => !filled && finish({ filled: false, reason: 'timeout' }), FILL_TIMEOUT_MS);
      function finish(result: GamResult) {
        window.clearTimeout(timer);
        for (const [name, listener] of listeners) pubads.removeEventListener(name, listener);
        googletag.destroySlots([slot]);
        resolve(result);
      }
      for (const [name, listener] of listeners) pubads.addEventListener(name, listener);
      slot.addService(pubads);
      googletag.enableServices();
      googletag.display(slot);
    });
  });
}
