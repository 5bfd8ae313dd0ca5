/** A mail ready to send: plain text for every client, simple HTML beside it, and the links it carries (for logs). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One layout for every mail: a greeting, paragraphs, an optional button-like link and a footer line. */
function compose(
  to: string,
  subject: string,
  name: string,
  paragraphs: string[],
  action?: { label: string; url: string },
): OutgoingMail {
  const text = [
    `Hello ${name},`,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(action ? [`${action.label}: ${action.url}`, ''] : []),
    '— MegicAI',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#222">',
    `<p>Hello ${escapeHtml(name)},</p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(action
      ? [
          `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#7048e8;` +
            `color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>`,
          `<p style="font-size:12px;color:#666">Or paste this link into your browser: ${escapeHtml(action.url)}</p>`,
        ]
      : []),
    '<p>— MegicAI</p></body></html>',
  ].join('\n');
  return { to, subject, text, html, links: action ? [action.url] : [] };
}

export function verificationMail(to: string, name: string, link: string, hours: number): OutgoingMail {
  return compose(
    to,
    'Confirm your email address',
    name,
    [`Please confirm that this address is yours. The link works once and for ${hours} hours.`],
    { label: 'Confirm my email', url: link },
  );
}

export function passwordResetMail(to: string, name: string, link: string, minutes: number): OutgoingMail {
  return compose(
    to,
    'Reset your password',
    name,
    [
      `Someone (hopefully you) asked to reset the password of your MegicAI account. The link works once and for ${minutes} minutes.`,
      'If you did not ask for this, ignore this mail: your password stays as it is.',
    ],
    { label: 'Choose a new password', url: link },
  );
}

export function passwordChangedMail(to: string, name: string): OutgoingMail {
  return compose(to, 'Your password was changed', name, [
    'The password of your MegicAI account was just changed, and every other session was signed out.',
    'If this was not you, reset your password at once with "Forgot password?" on the login page.',
  ]);
}
