/**
 * A small learned text classifier: multinomial logistic regression over character 1–3-grams of the
 * parser's normalised text. Pure and deterministic: the same examples give the same weights, and a
 * trained model is plain data (see intent-model.generated.ts), so the core does no I/O at runtime.
 */

/** What the classifier reads of one message. */
export interface ClassifierInput {
  /** `normalizeText(text).canon`. */
  canon: string;
  hasAddress: boolean;
  hasPhone: boolean;
}

/** A trained model as compact data: class names, feature strings and integer weights. */
export interface ClassifierData {
  classes: readonly string[];
  /** Feature strings joined by `\n` (n-grams never contain a newline: whitespace is folded to a space). */
  features: string;
  /** `features.length × classes.length` weights, row by row, scaled by `scale` and rounded. */
  weights: readonly number[];
  /** One bias per class, scaled likewise. */
  bias: readonly number[];
  scale: number;
}

export interface TrainOptions {
  /** Passes over the data. */
  epochs?: number;
  /** Learning rate of the first pass; it decays as 1/(1 + pass/2). */
  rate?: number;
  /** L2 penalty per update. */
  l2?: number;
  /** An n-gram must occur in at least this many training messages to be kept. */
  minCount?: number;
  /** Seed of the per-pass shuffle (a fixed LCG: training is repeatable). */
  seed?: number;
  /** Weights smaller than this (absolute) are dropped from the exported data. */
  prune?: number;
}

const DEFAULTS: Required<TrainOptions> = { epochs: 12, rate: 0.5, l2: 1e-5, minCount: 2, seed: 17, prune: 0.02 };
const SCALE = 1000;
const ADDRESS_FEATURE = '#address';
const PHONE_FEATURE = '#phone';
/** Room for one n-gram of up to three UTF-16 code units, tagged by its length: keys stay exact doubles. */
const LENGTH_TAG = 2 ** 48;
const SPECIAL_KEYS = new Map([[ADDRESS_FEATURE, 4 * LENGTH_TAG], [PHONE_FEATURE, 4 * LENGTH_TAG + 1]]);
const CARET = 94; // ^
const DOLLAR = 36; // $

/** The canon text as the model reads it: ^…$ around it, ASCII lower-cased, digits folded to 0, spaces single. */
function preparedCodes(canon: string): number[] {
  const out = [CARET];
  for (let i = 0; i < canon.length; i++) {
    let c = canon.charCodeAt(i);
    if (c >= 48 && c <= 57) c = 48;
    else if (c >= 65 && c <= 90) c += 32;
    else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000) {
      if (out[out.length - 1] === 32) continue;
      c = 32;
    }
    out.push(c);
  }
  out.push(DOLLAR);
  return out;
}

/**
 * The features of one message as strings, repeats kept (they count towards the scale only): its character 1–3-grams (digits
 * folded to 0, so a room or phone is not a feature; ^ and $ mark the ends) and whether an address or
 * phone was found.
 * @example textFeatures({ canon: '帮我', hasAddress: false, hasPhone: false }) // ['^帮', '^帮我', '帮', '帮我', '帮我$', …]
 */
export function textFeatures(input: ClassifierInput): string[] {
  const c = preparedCodes(input.canon);
  const out: string[] = [];
  for (let i = 0; i < c.length; i++) {
    if (i > 0 && i < c.length - 1) out.push(String.fromCharCode(c[i]!));
    if (i + 2 <= c.length) out.push(String.fromCharCode(c[i]!, c[i + 1]!));
    if (i + 3 <= c.length) out.push(String.fromCharCode(c[i]!, c[i + 1]!, c[i + 2]!));
  }
  if (input.hasAddress) out.push(ADDRESS_FEATURE);
  if (input.hasPhone) out.push(PHONE_FEATURE);
  return out;
}

/**
 * The number a feature string is looked up by at runtime (cheaper than slicing strings per message).
 * @example featureKey('帮') // 2 ** 48 + 0x5e2e
 */
export function featureKey(feature: string): number {
  const special = SPECIAL_KEYS.get(feature);
  if (special !== undefined) return special;
  let key = 0;
  for (let i = 0; i < feature.length; i++) key = key * 65536 + feature.charCodeAt(i);
  return feature.length * LENGTH_TAG + key;
}

/** Rounded, and never -0: the data must survive being written out as text and read back. */
const toInteger = (v: number) => Math.round(v) || 0;

function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

function softmaxInPlace(z: number[]): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < z.length; k++) { z[k] = Math.exp(z[k]! - max); sum += z[k]!; }
  for (let k = 0; k < z.length; k++) z[k] = z[k]! / sum;
}

/**
 * Trains a classifier on labelled messages (classes in the order first seen, or as given).
 * @example trainClassifier([{ input, label: 'chat' }, …]).classes // ['chat', …]
 */
export function trainClassifier(
  examples: readonly { input: ClassifierInput; label: string }[],
  options: TrainOptions & { classes?: readonly string[] } = {},
): ClassifierData {
  const o = { ...DEFAULTS, ...options };
  const classes = options.classes ? [...options.classes] : [...new Set(examples.map((e) => e.label))];
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const docs = examples.map((e) => textFeatures(e.input));
  const df = new Map<string, number>();
  for (const d of docs) for (const f of new Set(d)) df.set(f, (df.get(f) ?? 0) + 1);
  // Sorted so the feature order (and so the exported data) never depends on the examples' order.
  const kept = [...df].filter(([, n]) => n >= o.minCount).map(([f]) => f).sort();
  const featureIndex = new Map(kept.map((f, i) => [f, i]));
  // Presence, not counts: a feature repeated in one message counts once (the scale below counts repeats).
  const rows = docs.map((d) => [...new Set(d)].flatMap((f) => { const i = featureIndex.get(f); return i === undefined ? [] : [i]; }));
  const labels = examples.map((e) => classIndex.get(e.label)!);
  const C = classes.length;
  const w = new Float64Array(kept.length * C);
  const b = new Float64Array(C);
  const order = examples.map((_, i) => i);
  const rand = lcg(o.seed);
  const z = new Array<number>(C).fill(0);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = o.rate / (1 + epoch / 2);
    for (const n of order) {
      const row = rows[n]!;
      // Feature values are 1/sqrt(all the message's n-grams, repeats and unknown ones included): long
      // messages do not shout louder than short ones, and pruning the model later does not change the scale.
      const x = 1 / Math.sqrt(docs[n]!.length);
      for (let k = 0; k < C; k++) z[k] = b[k]!;
      for (const f of row) for (let k = 0; k < C; k++) z[k] = z[k]! + w[f * C + k]! * x;
      softmaxInPlace(z);
      for (let k = 0; k < C; k++) {
        const g = z[k]! - (labels[n] === k ? 1 : 0);
        b[k] = b[k]! - rate * g;
        for (const f of row) {
          const at = f * C + k;
          w[at] = w[at]! * (1 - rate * o.l2) - rate * g * x;
        }
      }
    }
  }
  // Export: drop features whose every weight is negligible; round to integers.
  const features: string[] = [];
  const weights: number[] = [];
  for (let f = 0; f < kept.length; f++) {
    let big = false;
    for (let k = 0; k < C; k++) if (Math.abs(w[f * C + k]!) >= o.prune) big = true;
    if (!big) continue;
    features.push(kept[f]!);
    for (let k = 0; k < C; k++) weights.push(toInteger(w[f * C + k]! * SCALE));
  }
  return { classes, features: features.join('\n'), weights, bias: [...b].map((v) => toInteger(v * SCALE)), scale: SCALE };
}

/** An n-gram's hash from its code units (b, c are 0 for shorter ones); `len` 4 marks the special features. */
function hashOf(len: number, a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(c + len, 0xc2b2ae3d)) >>> 0;
}

function hashOfFeature(feature: string): number {
  const special = SPECIAL_KEYS.get(feature);
  if (special !== undefined) return hashOf(4, special - 4 * LENGTH_TAG, 0, 0);
  return hashOf(feature.length, feature.charCodeAt(0), feature.charCodeAt(1) || 0, feature.charCodeAt(2) || 0);
}

/**
 * Models ready to score, sharing one feature index: each message's n-grams are looked up once for all
 * of them (the lookups are most of the cost), and the weights are unscaled once. The index is an
 * open-addressing table over the numeric keys: a Map keyed by numbers this large boxes every lookup.
 */
export interface Classifiers {
  classes: readonly (readonly string[])[];
  /** Table slot → feature key (0: empty), and → row. */
  slotKeys: Float64Array;
  slotRows: Int32Array;
  mask: number;
  /** Row-major: each row holds every model's weights, model after model. */
  weights: Float64Array;
  width: number;
  /** Where each model's weights start within a row. */
  offsets: readonly number[];
  bias: readonly Float64Array[];
  /** Scratch: the message each row was last seen in (lookupFeatures), and the current message's mark. */
  seen: Uint32Array;
  generation: number;
}

/**
 * Indexes trained models for scoring (once per set of models, not per message).
 * @example const models = loadClassifiers([INTENT_MODEL, CATEGORY_MODEL])
 */
export function loadClassifiers(models: readonly ClassifierData[]): Classifiers {
  const offsets: number[] = [];
  let width = 0;
  for (const m of models) { offsets.push(width); width += m.classes.length; }
  const names = models.map((m) => (m.features === '' ? [] : m.features.split('\n')));
  let size = 16;
  while (size < 2 * names.reduce((n, f) => n + f.length, 0)) size *= 2;
  const slotKeys = new Float64Array(size);
  const slotRows = new Int32Array(size).fill(-1);
  const mask = size - 1;
  let rows = 0;
  const rowsOf = names.map((features) => features.map((f) => {
    const key = featureKey(f);
    let i = hashOfFeature(f) & mask;
    while (slotRows[i] !== -1 && slotKeys[i] !== key) i = (i + 1) & mask;
    if (slotRows[i] === -1) { slotKeys[i] = key; slotRows[i] = rows++; }
    return slotRows[i]!;
  }));
  const weights = new Float64Array(rows * width);
  models.forEach((m, j) => {
    const C = m.classes.length;
    rowsOf[j]!.forEach((row, f) => {
      for (let k = 0; k < C; k++) weights[row * width + offsets[j]! + k] = m.weights[f * C + k]! / m.scale;
    });
  });
  return {
    classes: models.map((m) => m.classes),
    slotKeys, slotRows, mask, weights, width, offsets,
    bias: models.map((m) => Float64Array.from(m.bias, (b) => b / m.scale)),
    seen: new Uint32Array(rows),
    generation: 0,
  };
}

/** One message's features found in the index: their rows (each once) and the feature scale. */
export interface FoundFeatures { rows: number[]; x: number }

/**
 * Looks one message's n-grams up once; `headProbabilities` then scores any of the models from them.
 * @example headProbabilities(models, lookupFeatures(models, { canon: '收到', hasAddress: false, hasPhone: false }), 0)
 */
export function lookupFeatures(model: Classifiers, input: ClassifierInput): FoundFeatures {
  const { slotKeys, slotRows, mask, seen } = model;
  // A fresh mark per message, so a feature repeated in it is counted once without sorting.
  const mark = (model.generation = (model.generation + 1) >>> 0) || (seen.fill(0), (model.generation = 1));
  const rows: number[] = [];
  const find = (key: number, hash: number) => {
    let i = hash & mask;
    let row = slotRows[i]!;
    while (row !== -1 && slotKeys[i] !== key) { i = (i + 1) & mask; row = slotRows[i]!; }
    if (row !== -1 && seen[row] !== mark) { seen[row] = mark; rows.push(row); }
  };
  // The same codes as preparedCodes, read on the fly: ^ before, $ after, the last two kept.
  const canon = input.canon;
  let a = -1; // two codes back
  let b = CARET; // the last code
  let n = 1;
  const step = (c: number) => {
    // The n-grams ending at c: bigram b c, trigram a b c; the unigram b once it has a right neighbour.
    if (n >= 2) find(LENGTH_TAG + b, hashOf(1, b, 0, 0));
    find(2 * LENGTH_TAG + b * 65536 + c, hashOf(2, b, c, 0));
    if (a !== -1) find(3 * LENGTH_TAG + (a * 65536 + b) * 65536 + c, hashOf(3, a, b, c));
    a = b;
    b = c;
    n++;
  };
  for (let i = 0; i < canon.length; i++) {
    let c = canon.charCodeAt(i);
    if (c >= 48 && c <= 57) c = 48;
    else if (c >= 65 && c <= 90) c += 32;
    else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000) {
      if (b === 32) continue;
      c = 32;
    }
    step(c);
  }
  step(DOLLAR);
  if (input.hasAddress) find(SPECIAL_KEYS.get(ADDRESS_FEATURE)!, hashOfFeature(ADDRESS_FEATURE));
  if (input.hasPhone) find(SPECIAL_KEYS.get(PHONE_FEATURE)!, hashOfFeature(PHONE_FEATURE));
  // Every n-gram counts towards the scale, known or not, repeats too, as in training (textFeatures);
  // a feature's presence counts once. n codes in all (^ and $ included).
  const count = (n - 2) + (n - 1) + (n - 2) + (input.hasAddress ? 1 : 0) + (input.hasPhone ? 1 : 0);
  return { rows, x: 1 / Math.sqrt(count) };
}

/**
 * Class probabilities of one of the models (`head`, in `loadClassifiers` order) for a looked-up message.
 * @example headProbabilities(models, found, 0) // [0.01, 0.02, 0.03, 0.01, 0.93]
 */
export function headProbabilities(model: Classifiers, found: FoundFeatures, head: number): number[] {
  const { weights, width } = model;
  const z = Array.from(model.bias[head]!);
  const C = z.length;
  const offset = model.offsets[head]!;
  for (const row of found.rows) {
    const at = row * width + offset;
    for (let k = 0; k < C; k++) z[k] = z[k]! + weights[at + k]! * found.x;
  }
  softmaxInPlace(z);
  return z;
}

/**
 * Class probabilities of one message for each model, in each model's `classes` order.
 * @example classifyAll(models, { canon: '收到', hasAddress: false, hasPhone: false })[0] // [0.01, 0.02, 0.03, 0.01, 0.93]
 */
export function classifyAll(model: Classifiers, input: ClassifierInput): number[][] {
  const found = lookupFeatures(model, input);
  return model.classes.map((_, head) => headProbabilities(model, found, head));
}
