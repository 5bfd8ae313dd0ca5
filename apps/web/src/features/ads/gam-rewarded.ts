/**
 * Google Ad Manager rewarded ads for the web (GPT `OutOfPageFormat.REWARDED`), used when the API issues a session with
 * network `google-ad-manager` (ADS_WEB_NETWORK + ADS_GAM_AD_UNIT_PATH on the server). Not exercised by the tests:
 * it needs a live GAM account and the Google ad servers.
 */
interface RewardedEvent {
  slot: unknown;
  makeRewardedVisible?: () => void;
}

interface GoogleTag {
  cmd: { push: (fn: () => void) => void };
  enums: { OutOfPageFormat: { REWARDED: unknown } };
  defineOutOfPageSlot: (adUnitPath: string, format: unknown) => { addService: (s: unknown) => unknown } | null;
  pubads: () => {
    addEventListener: (event: string, listener: (e: RewardedEvent) => void) => void;
    removeEventListener: (event: string, listener: (e: RewardedEvent) => void) => void;
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

const GPT_URL = 'https://securepubads.g.doubleclick.net/tag/js/gpt.js';

function loadGpt(): Promise<GoogleTag> {
  if (window.googletag?.enums) return Promise.resolve(window.googletag);
  return new Promise((resolve, reject) => {
    window.googletag = window.googletag ?? ({ cmd: [] } as unknown as GoogleTag);
    const script = document.createElement('script');
    script.src = GPT_URL;
    script.async = true;
    script.onload = () => window.googletag!.cmd.push(() => resolve(window.googletag!));
    script.onerror = () => reject(new Error('The ad could not be loaded (blocked or offline).'));
    document.head.appendChild(script);
  });
}

/**
 * Shows a rewarded ad; resolves true on `rewardedSlotGranted` (the session can be claimed), false when the viewer
 * closes it before that or no ad is available.
 */
export async function playGamRewarded(adUnitPath: string): Promise<boolean> {
  const googletag = await loadGpt();
  return new Promise((resolve) => {
    const slot = googletag.defineOutOfPageSlot(adUnitPath, googletag.enums.OutOfPageFormat.REWARDED);
    if (!slot) {
      resolve(false);
      return;
    }
    slot.addService(googletag.pubads());
    const pubads = googletag.pubads();
    let granted = false;
    const onReady = (e: RewardedEvent) => e.makeRewardedVisible?.();
    // The reward is earned here, even if the viewer keeps the ad open: the session can be claimed now.
    const onGranted = () => {
      granted = true;
      resolve(true);
    };
    const onClosed = () => {
      pubads.removeEventListener('rewardedSlotReady', onReady);
      pubads.removeEventListener('rewardedSlotGranted', onGranted);
      pubads.removeEventListener('rewardedSlotClosed', onClosed);
      googletag.destroySlots([slot]);
      resolve(granted);
    };
    pubads.addEventListener('rewardedSlotReady', onReady);
    pubads.addEventListener('rewardedSlotGranted', onGranted);
    pubads.addEventListener('rewardedSlotClosed', onClosed);
    googletag.enableServices();
    googletag.display(slot);
  });
}
