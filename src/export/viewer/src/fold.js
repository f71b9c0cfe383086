// The fold of the command line (src/text/normalize.rs: normalize,
// normalize_str; src/query/resolve.rs: fold, id_form; src/lexicon/mod.rs:
// strip_article), ported for what the user types in the search box. The
// names it is compared with were folded in Rust and embedded in the page;
// tests/export_html.rs checks this port against Rust's fold on hard strings.

// fold_char: the replacement of one code point, '' to drop it
function foldChar(c) {
  switch (c) {
    // alef with hamza or madda, wasla
    case 'أ': case 'إ': case 'آ': case 'ٱ': case 'ٲ': case 'ٳ': return 'ا';
    case 'ؤ': return 'و';
    case 'ئ': return 'ي';
    // alef maqsura, Persian yeh / keheh / heh goal forms
    case 'ى': case 'ی': case 'ې': return 'ي';
    case 'ک': return 'ك';
    case 'ۀ': case 'ە': return 'ه';
    // taa marbuta
    case 'ة': return 'ه';
    // tatweel
    case 'ـ': return '';
    // Arabic decimal separator and comma variants
    case '٫': return '.';
    case '٬': return ',';
    // bidi controls, zero-width characters, BOM, soft hyphen
    case '\u061C': case '\uFEFF': case '\u00AD': return '';
    // every quote style becomes a plain double quote
    case '«': case '»': case '“': case '”': case '„': case '‟': case '″':
    case '‹': case '›': case '‘': case '’': case '‚': case '‛': case '`': return '"';
    // spaces
    case '\u00A0': case '\u202F': case '\u205F': case '\u3000': return ' ';
    // dashes
    case '–': case '—': case '―': case '−': return '-';
  }
  const u = c.codePointAt(0);
  // harakat, tanween, shadda, sukun, superscript alef, Quranic marks
  if ((u >= 0x064B && u <= 0x065F) || u === 0x0670 || (u >= 0x06D6 && u <= 0x06ED)) return '';
  // Arabic-Indic and Persian digits
  if (u >= 0x0660 && u <= 0x0669) return String.fromCharCode(u - 0x0660 + 48);
  if (u >= 0x06F0 && u <= 0x06F9) return String.fromCharCode(u - 0x06F0 + 48);
  if ((u >= 0x200B && u <= 0x200F) || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069)) return '';
  if (u >= 0x2000 && u <= 0x200A) return ' ';
  if (u >= 65 && u <= 90) return String.fromCharCode(u + 32);
  return c;
}

// presentation forms and full-width forms go through NFKC first
function needsNfkc(u) {
  return (u >= 0xFB00 && u <= 0xFDFF) || (u >= 0xFE70 && u <= 0xFEFF) || (u >= 0xFF00 && u <= 0xFFEF);
}

// Rust's char::is_whitespace (Unicode White_Space)
function isSpace(c) {
  const u = c.codePointAt(0);
  return (u >= 9 && u <= 13) || u === 32 || u === 0x85 || u === 0xA0 || u === 0x1680 ||
    (u >= 0x2000 && u <= 0x200A) || u === 0x2028 || u === 0x2029 || u === 0x202F || u === 0x205F || u === 0x3000;
}

function trim(s) {
  const cs = Array.from(s);
  let a = 0, b = cs.length;
  while (a < b && isSpace(cs[a])) a++;
  while (b > a && isSpace(cs[b - 1])) b--;
  return cs.slice(a, b).join('');
}

function splitWhitespaceJoin(s) {
  const words = [];
  let cur = '';
  for (const c of s) {
    if (isSpace(c)) {
      if (cur) words.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  if (cur) words.push(cur);
  return words.join(' ');
}

// normalize(input).text
export function normalize(input) {
  let out = '';
  const push = (f) => {
    if (f === '') return;
    if (f === ' ' && out.endsWith(' ')) return;
    out += f;
  };
  for (const c of input) {
    const u = c.codePointAt(0);
    if (u < 128) {
      if ((c === ' ' || c === '\t') && out.endsWith(' ')) continue;
      out += c === '\t' ? ' ' : c.toLowerCase();
      continue;
    }
    if (needsNfkc(u) && u !== 0xFEFF) {
      for (const d of c.normalize('NFKC')) push(foldChar(d));
    } else {
      push(foldChar(c));
    }
  }
  return out;
}

// normalize_str, and resolve::fold (the same on a trimmed string)
export function fold(s) {
  return splitWhitespaceJoin(normalize(trim(trim(s))));
}

// resolve::id_form: folded, spaces and hyphens as _
export function idForm(s) {
  return fold(s).replace(/[ -]/g, '_');
}

// lexicon::strip_article: a leading ال off a folded name of 2+ more letters
export function stripArticle(f) {
  if (f.startsWith('ال') && Array.from(f.slice(2)).length >= 2) return f.slice(2);
  return f;
}
