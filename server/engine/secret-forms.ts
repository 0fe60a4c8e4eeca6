/**
 * The spellings of one secret value that Trellis itself can produce, each of which must be
 * redacted like the value: as is, percent-encoded (the URL encoder of http tools,
 * `encodeURI`-style encoders that leave reserved characters alone, form encoding), JSON-string-escaped (a value
 * inside a JSON body or a serialised tool input), and base64/base64url (Basic auth, data URLs).
 *
 * Base64 of a secret embedded in a longer string depends on where the secret starts modulo 3, so
 * each of the three alignments contributes the run of base64 characters that only the secret's
 * bytes determine; a secret inside any base64 text contains one of them.
 *
 * Every form is lower-cased: matching is case-insensitive, so a secret the model re-cases is still
 * caught (at the price of redacting a case-variant of the value that happens to occur on its own).
 */
export function secretForms(secret: string): string[] {
  // URLSearchParams spells a space `+` and escapes `!'()~` that encodeURIComponent leaves alone.
  const formEncoded = new URLSearchParams({ v: secret }).toString().slice(2);
  const forms = new Set<string>([secret, encodeURIComponent(secret), encodeURI(secret), formEncoded, ...base64Cores(secret)]);
  // JSON inside JSON: a model's JSON answer inside a streamed event inside a cassette or a row
  // escapes a quote or backslash once per level.
  let escaped = secret;
  for (let depth = 0; depth < JSON_DEPTHS; depth++) {
    escaped = JSON.stringify(escaped).slice(1, -1);
    forms.add(escaped);
    // JSON-escaped then percent-encoded (a JSON body in a query string).
    forms.add(encodeURIComponent(escaped));
  }
  return [...forms].filter((form) => form.length >= MIN_FORM_LENGTH).map((form) => form.toLowerCase());
}

/** Levels of JSON string escaping recognised (text in JSON in an SSE frame in a cassette file). */
const JSON_DEPTHS = 3;

const MIN_BASE64_CORE = 8;

/** A form shorter than this matches too much ordinary base64 to be worth redacting. */
const MIN_FORM_LENGTH = 4;

function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    // `shift` filler bytes before the secret; drop the characters the filler (or what follows) shares.
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    const encoded = padded.toString('base64').replace(/=+$/, '');
    const start = Math.ceil((shift * 8) / 6);
    const end = Math.floor(((shift + bytes.length) * 8) / 6);
    // Shorter cores (secrets under 6 bytes) would match ordinary base64, re-cased, far too often.
    if (end - start < MIN_BASE64_CORE) continue;
    const core = encoded.slice(start, end);
    cores.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return cores;
}
