import { maskForGroup, redactForLog } from '../../src/core/mask-for-group.js';
import { createLogger } from '../../src/adapters/log.js';

describe('maskForGroup', () => {
  it.each([
    ['@王阿姨13812345678 #1 已接单', '@王阿姨138****5678 #1 已接单'],
    ['电话 138-1234-5678', '电话 138****5678'],
    ['电话 138 1234 5678', '电话 138****5678'],
    ['３号楼２单元５０１', '３号楼２单元'],
    ['3号楼2单元501厨房水管漏了', '3号楼2单元厨房水管漏了'],
    ['3号楼2单元501 13812345678', '3号楼2单元 138****5678'],
    ['5号楼302室', '5号楼'],
    ['3-2-501 漏水', '3-2-** 漏水'],
    ['501室漏水', '**室漏水'],
    ['身份证110101199003071234', '身份证1101**********1234'],
    ['身份证11010119900307123X', '身份证1101**********123X'],
    ['座机0351-1234567', '座机0351-****4567'],
  ])('masks %s', (input, out) => {
    expect(maskForGroup(input)).toBe(out);
  });

  it('leaves order numbers, times, dates, scores and buildings alone', () => {
    const t = '#12 已登记(家庭维修·3号楼2单元) 06-10 09:30 2026-06-10 回复 1–5 分 #999999999 共15件';
    expect(maskForGroup(t)).toBe(t);
  });
});

describe('the logger', () => {
  it('writes one line per event with no phone, ID number or address in it', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    log.info('message from res-wang: 3号楼2单元501 13812345678');
    log.error('send failed', new Error('cannot send "王阿姨 13812345678,5号楼1单元202" \n at line 2\n at line 3'));
    log.warn('id 110101199003071234');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain('\n');
      const l = line.replace(/^\S+ /, ''); // after the timestamp
      expect(l).not.toMatch(/1[3-9]\d{9}/);
      expect(l).not.toMatch(/\d+号楼|\d+单元|501|202/);
      expect(l).not.toContain('110101199003071234');
    }
    expect(lines[0]).toMatch(/INFO message from res-wang: \*号楼\*单元 138\*\*\*\*5678$/);
  });

  it('caps a line that carries a whole payload', () => {
    const lines: string[] = [];
    createLogger('info', (l) => lines.push(l)).warn('x'.repeat(50_000));
    expect(lines[0]!.length).toBeLessThan(1100);
  });

  it('drops lines below its level', () => {
    const lines: string[] = [];
    const log = createLogger('warn', (l) => lines.push(l));
    log.info('hidden');
    log.debug('hidden');
    log.warn('shown');
    expect(lines).toHaveLength(1);
  });
});

describe('redactForLog', () => {
  it('hides building and unit too', () => {
    expect(redactForLog('3号楼2单元')).toBe('*号楼*单元');
  });
});
