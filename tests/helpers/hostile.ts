/** fast-check generators for hostile group messages: what people (and attackers) can type. */
import fc from 'fast-check';
import { PLAIN_COMMAND_WORDS, SLASH_COMMAND_WORDS } from '../../src/core/vocabulary-commands.js';

const SLASH_WORDS = Object.values(SLASH_COMMAND_WORDS).flat() as string[];
const PLAIN_WORDS = Object.values(PLAIN_COMMAND_WORDS).flat() as string[];

/** Numbers in range, out of range, negative, huge, in other scripts and notations. */
export const numberText = fc.oneof(
  fc.integer({ min: -3, max: 12 }).map(String),
  fc.constantFrom('0', '99', '999999999', '1000000000', '4294967297', '9007199254740993', '99999999999999999999', '1e9', '0x10', '-1', '１２', '١٢', '一', 'NaN', 'Infinity', '5.5'),
  fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String),
);

/** `#12`, `＃12`, `# 12`, `12`, `#12#13` … */
export const orderRef = numberText.chain((n) => fc.constantFrom(`#${n}`, `＃${n}`, `# ${n}`, n, `#${n}#${n}`, `#${n}号`));

/** Characters that break naive code: control, bidi, zero-width, surrogate halves, emoji sequences, markup. */
export const weird = fc.constantFrom(
  '\u202E', '\u202D', '\u200F', '\u200E', '\u2066', '\u200B', '\uFEFF', '\u0000', '\u0007', '\u001B[31m', '\u0085', '\r\n', '\n', '\t',
  '🙂', '👨‍👩‍👧', '🇨🇳', '\uD83D', '\uDC00', '　', '\u2005', '\u00A0', '@', '@网格助手', '@刘书记', '/', '／', '#', '＃', '<script>alert(1)</script>',
  '${process.exit()}', '%s%s%n', '\\', '"', "'", '{"__proto__":{"x":1}}', '__proto__', 'constructor', '..\\..\\etc\\passwd', 'ﷺ', 'Z̴̡̛a̸l̶g̷o̵',
);

/** Clear requests and everyday chat. */
export const everyday = fc.constantFrom(
  '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678',
  '帮我代缴下这个月电费 5号楼1单元202',
  '帮我申请下低保 3号楼2单元501',
  '收到', '早上好', '谢谢大家', '[玫瑰]', '5', '五星', '1分', '13812345678', '3号楼2单元501',
);

/** A command, real or forged: right and wrong words, with or without a slash, any order number, any tail. */
export const command = fc
  .tuple(
    fc.constantFrom('/', '／', '', ' /', '//'),
    fc.constantFrom(...SLASH_WORDS, ...PLAIN_WORDS, '删除', 'drop', 'admin', '管理员', 'sudo'),
    fc.constantFrom('', ' ', '　', '\u2005', '\n'),
    orderRef,
    fc.constantFrom('', ' ', ' @张师傅', ' @刘书记 @李师傅', ' 5 很满意', ' 原因'),
    fc.string({ maxLength: 20 }),
  )
  .map((parts) => parts.join(''));

/** Very long texts (up to ~80,000 UTF-16 units). */
export const huge = fc
  .tuple(fc.constantFrom('水管漏了', 'a', '🙂', '\u202E', '1', '/受理 #1 ', '接单 #1 ', '3号楼2单元501 13812345678 '), fc.integer({ min: 600, max: 10_000 }))
  .map(([s, n]) => s.repeat(n));

/** Any hostile text. */
export const hostileText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 200 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }), weight: 2 },
  { arbitrary: fc.array(fc.oneof(weird, everyday, command, fc.string({ maxLength: 8 })), { maxLength: 8 }).map((a) => a.join('')), weight: 6 },
  { arbitrary: command, weight: 6 },
  { arbitrary: everyday, weight: 2 },
  { arbitrary: huge, weight: 1 },
  { arbitrary: fc.constantFrom('', ' ', '\n\n', '\u200B', '\u202E'), weight: 1 },
);

/** Display names: anything, including staff members' names and names carrying phone numbers. */
export const hostileName = fc.oneof(
  fc.constantFrom('刘书记', '网格员小李', '赵网格长', '张师傅', '王阿姨', '系统', '网格助手', '', ' ', '王阿姨13812345678', '\u202E书记刘', '@刘书记'),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ maxLength: 300 }),
);
