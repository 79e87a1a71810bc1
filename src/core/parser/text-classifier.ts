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
const DIGITS = /[0-9]/g;
const SPACES = /\s+/g;

/**
 * The features of one message: its character 1–3-grams (digits folded to 0, so a room or phone is
 * not a feature; ^ and $ mark the ends) and whether an address or phone was found.
 * @example textFeatures({ canon: '帮我', hasAddress: false, hasPhone: false }) // ['帮', '我', '^帮', …]
 */
export function textFeatures(input: ClassifierInput): string[] {
  const s = `^${input.canon.toLowerCase().replace(DIGITS, '0').replace(SPACES, ' ')}$`;
  const out = new Set<string>();
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && i < s.length - 1) out.add(s[i]!);
    if (i + 2 <= s.length) out.add(s.slice(i, i + 2));
    if (i + 3 <= s.length) out.add(s.slice(i, i + 3));
  }
  if (input.hasAddress) out.add('#address');
  if (input.hasPhone) out.add('#phone');
  return [...out];
}

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
  for (const d of docs) for (const f of d) df.set(f, (df.get(f) ?? 0) + 1);
  // Sorted so the feature order (and so the exported data) never depends on the examples' order.
  const kept = [...df].filter(([, n]) => n >= o.minCount).map(([f]) => f).sort();
  const featureIndex = new Map(kept.map((f, i) => [f, i]));
  const rows = docs.map((d) => d.flatMap((f) => { const i = featureIndex.get(f); return i === undefined ? [] : [i]; }));
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
      // Feature values are 1/sqrt(all the message's n-grams, kept or not): long messages do not
      // shout louder than short ones, and pruning the model later does not change the scale.
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
    for (let k = 0; k < C; k++) weights.push(Math.round(w[f * C + k]! * SCALE));
  }
  return { classes, features: features.join('\n'), weights, bias: [...b].map((v) => Math.round(v * SCALE)), scale: SCALE };
}

/** A model ready to score: the feature strings indexed once. */
export interface Classifier {
  classes: readonly string[];
  index: ReadonlyMap<string, number>;
  data: ClassifierData;
}

/**
 * Indexes a model's data for scoring (do it once per model, not per message).
 * @example const intentModel = loadClassifier(INTENT_MODEL)
 */
export function loadClassifier(data: ClassifierData): Classifier {
  const names = data.features === '' ? [] : data.features.split('\n');
  return { classes: data.classes, index: new Map(names.map((f, i) => [f, i])), data };
}

/**
 * Class probabilities for one message, in `classes` order.
 * @example classify(model, { canon: '收到', hasAddress: false, hasPhone: false }) // [0.01, 0.02, 0.9, …]
 */
export function classify(model: Classifier, input: ClassifierInput): number[] {
  const { weights, bias, scale } = model.data;
  const C = model.classes.length;
  const hits: number[] = [];
  const all = textFeatures(input);
  for (const f of all) {
    const i = model.index.get(f);
    if (i !== undefined) hits.push(i);
  }
  // The same scale as in training: every n-gram of the message counts, known or not.
  const x = 1 / Math.sqrt(all.length);
  const z = bias.map((v) => v / scale);
  for (const i of hits) for (let k = 0; k < C; k++) z[k] = z[k]! + (weights[i * C + k]! / scale) * x;
  softmaxInPlace(z);
  return z;
}
