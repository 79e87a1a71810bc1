/**
 * The learned second opinion and how it is combined with the rules (docs/parser.md, round 5).
 * The rules decide when they are sure; below that, a text classifier trained on the labelled
 * fixtures may overrule their intent and pick a request's category.
 */
import type { Intent } from '../reading.js';
import { DEFAULT_CATALOGUE } from '../vocabulary.js';
import { CATEGORY_MODEL, INTENT_MODEL } from './intent-model.generated.js';
import { headProbabilities, loadClassifiers, lookupFeatures, type ClassifierData, type ClassifierInput, type Classifiers } from './text-classifier.js';

/** The two classifiers, intent (over all messages) then category (over requests), indexed together. */
export type SecondOpinionModel = Classifiers;

/**
 * Loads a trained intent and category model pair for scoring.
 * @example loadSecondOpinion(INTENT_MODEL, CATEGORY_MODEL)
 */
export function loadSecondOpinion(intent: ClassifierData, category: ClassifierData): SecondOpinionModel {
  return loadClassifiers([intent, category]);
}

/** The thresholds of the combination, chosen by cross-validation (`npm run eval -- --cv`). */
export const COMBINATION = {
  /** The rules are trusted outright at this confidence or above (ack, notices, resolved, clear requests). */
  rulesSureAt: 0.8,
  /**
   * Longer messages are left to the rules: the model decides only on the short messages it has seen most
   * of (90% of the labelled lines are at most 38 characters); formal appeals and narratives (the external
   * sets) are not what it learned from.
   */
  maxLength: 40,
  /** Below `rulesSureAt`, the model's intent wins when it is at least this probable… */
  overrule: 0.5,
  /** …and at least this probable when it would turn the rules' request into something else. */
  veto: 0.5,
  /**
   * …and at least this probable when it would turn a non-request into a request, which it may do only
   * when the rules found a task of that kind (a keyword): a false order spams a whole group.
   */
  promote: 0.7,
  /** The model's category of the request's kind replaces the rules' when at least this probable. */
  category: 0.6,
};
export type Combination = typeof COMBINATION;

/** The rules' reading as the combination sees it (any parser version's Reading will do). */
export interface RulesOpinion {
  intent: Intent;
  category: string | null;
  confidence: number;
}

export interface CombinedOpinion extends RulesOpinion {
  /** Who decided the intent. */
  by: 'rules' | 'model';
}

const INTENTS: readonly Intent[] = ['service', 'proxy', 'question', 'dispute', 'chat'];
const KIND_OF = new Map<string, string>(DEFAULT_CATALOGUE.map((e) => [e.key, e.kind]));
const isRequest = (i: Intent) => i === 'service' || i === 'proxy';

let builtIn: SecondOpinionModel | undefined;
/**
 * The model trained by `npm run train`, indexed on first use.
 * @example classify(builtInSecondOpinion().intent, input)
 */
export function builtInSecondOpinion(): SecondOpinionModel {
  builtIn ??= loadSecondOpinion(INTENT_MODEL, CATEGORY_MODEL);
  return builtIn;
}

/**
 * True when the model is consulted at all: the rules are unsure and the message is of a length the
 * model knows (this also keeps its cost off most messages).
 * @example consultsModel(0.7, 12) // true
 */
export function consultsModel(confidence: number, textLength: number, c: Combination = COMBINATION): boolean {
  return confidence < c.rulesSureAt && textLength <= c.maxLength;
}

/**
 * Combines the rules' reading with the model's probabilities (asked for only when needed).
 * `rulesCategoryFor(intent)` is the rules' best keyword category of that kind, or null.
 * @example combineOpinions({ intent: 'chat', category: null, confidence: 0.7 }, 12, () => modelOpinion(model, input), () => null).intent
 */
export function combineOpinions(
  rules: RulesOpinion,
  textLength: number,
  model: () => ModelOpinion,
  rulesCategoryFor: (intent: Intent) => string | null,
  c: Combination = COMBINATION,
): CombinedOpinion {
  // A dispute the rules found by its conflict words stays one: mediation follows it (a follow-up such as
  // 昨晚又吵到两点 joins the open case), and cross-validation showed no gain from overruling them.
  if (rules.intent === 'dispute' || !consultsModel(rules.confidence, textLength, c)) return { ...rules, by: 'rules' };
  const opinion = model();
  const probs = opinion.intent;
  let best: Intent = INTENTS[0]!;
  for (const i of INTENTS) if (probs[i] > probs[best]) best = i;
  const p = probs[best];
  let out: CombinedOpinion = { ...rules, by: 'rules' };
  if (best !== rules.intent) {
    const promoting = isRequest(best) && !isRequest(rules.intent);
    const task = isRequest(best) ? rulesCategoryFor(best) : null;
    const vetoing = isRequest(rules.intent) && !isRequest(best);
    if (promoting ? p >= c.promote && task !== null : p >= (vetoing ? c.veto : c.overrule)) {
      // The model's probability is the confidence (capped below the rules' sure readings).
      out = { intent: best, category: task, confidence: Math.round(Math.min(p, 0.8) * 100) / 100, by: 'model' };
    }
  }
  if (!isRequest(out.intent)) return out;
  // A request's category: the model's best of the request's kind, when it is probable enough or the
  // rules have none of that kind. A category the model was not trained on (a community's own) stays.
  const { keys, probs: q } = opinion.category();
  let top = -1;
  for (let k = 0; k < keys.length; k++) if (KIND_OF.get(keys[k]!) === out.intent && (top < 0 || q[k]! > q[top]!)) top = k;
  const cat = top < 0 ? null : keys[top]!;
  const rulesCat = out.category;
  const rulesFits = rulesCat !== null && (KIND_OF.get(rulesCat) ?? out.intent) === out.intent;
  if (!rulesFits) return { ...out, category: cat ?? (out.intent === 'service' ? 'other_service' : null) };
  if (cat !== null && cat !== rulesCat && q[top]! >= c.category && keys.includes(rulesCat)) return { ...out, category: cat };
  return out;
}

/** Category probabilities, aligned with their keys. */
export interface CategoryScores {
  keys: readonly string[];
  probs: readonly number[];
}

/** What the model says of one message: intent probabilities, and category probabilities (for requests) on demand. */
export interface ModelOpinion {
  intent: Record<Intent, number>;
  category: () => CategoryScores;
}

/**
 * The model's probabilities for one message, as `combineOpinions` takes them.
 * @example modelOpinion(builtInSecondOpinion(), { canon: '收到', hasAddress: false, hasPhone: false }).intent.chat // 0.97
 */
export function modelOpinion(model: SecondOpinionModel, input: ClassifierInput): ModelOpinion {
  const found = lookupFeatures(model, input);
  const ip = headProbabilities(model, found, 0);
  const intent = { service: 0, proxy: 0, question: 0, dispute: 0, chat: 0 };
  model.classes[0]!.forEach((c, i) => { intent[c as Intent] = ip[i]!; });
  const category = () => ({ keys: model.classes[1]!, probs: headProbabilities(model, found, 1) });
  return { intent, category };
}
